#pragma once
// The per-device record chain (记录链): every outbox record a device writes is one link,
//   link_n = SHA-256("meterswap-chain-1" 0x00 || u64be(n) || link_{n-1} || record_hash)
//   record_hash = SHA-256(JCS({"blobs","entity","op","payload","uuid","version"}))
// and the device signs each link with its Ed25519 key (model/signingkey.h). Built from uuids and
// content, never from local row ids, so the tablet, the office and `verify` compute the same
// bytes. The exact bytes are defined in docs/sync-protocol.md "Record chain".
//
//   ms::ChainLink l = ms::chain::makeLink(entry, head.n + 1, head.link, key);
//   if (ms::chain::checkLink(entry, publicKey) != ms::chain::LinkFault::None) ...refuse...
#include "model/signingkey.h"
#include "model/types.h"

#include <QByteArray>
#include <QJsonValue>

namespace ms::chain {

// RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no white
// space, numbers as ECMAScript prints an IEEE double, strings with the minimal escapes, UTF-8.
// (Not finite numbers cannot occur in JCS; Qt stores them as null, and so does this.)
QByteArray canonicalJson(const QJsonValue &value);

// SHA-256 (32 bytes) of the canonical record: entity, uuid, version, op, payload and the
// files it names (sorted, each once). Everything the office stores of a record.
QByteArray recordHash(const QString &entity, const QString &uuid, int version, const QString &op,
                      const QJsonObject &payload, const QStringList &blobs);
QByteArray recordHash(const OutboxEntry &e);

QByteArray genesis(); // 32 zero bytes: the "previous link" of position 1
QString genesisHex();
QByteArray linkOf(qint64 n, QByteArrayView prev, QByteArrayView recordHash); // 32 bytes

// The link of `e` at position n after `prevHex`, signed with `key`.
ChainLink makeLink(const OutboxEntry &e, qint64 n, const QString &prevHex, const SigningKey &key);

enum class LinkFault {
    None,
    Unsigned,        // no chain data (n == 0)
    Malformed,       // n < 1, or prev/link/signature not hex of the right length
    ContentMismatch, // the record's content does not hash to its link
    BadSignature,    // the signature is not the key's over the link
};
// Checks one link by itself: well formed, its content hashes to it, the key signed it. Whether
// it follows the previous link is the caller's walk (position and prev).
LinkFault checkLink(const OutboxEntry &e, QByteArrayView publicKey);
// The same for a link whose record hash is already known (the office's log keeps only that).
LinkFault checkLink(const ChainLink &l, QByteArrayView recordHash, QByteArrayView publicKey);

bool isHex(const QString &s, qsizetype bytes); // lowercase hex of exactly `bytes` bytes

// One thing `verify` found (tablet or office); the command prints `message`, the JSON the rest.
struct Problem
{
    QString code;     // e.g. "chain.gap", "chain.bad_signature", "record.altered", "record.deleted"
    QString device;   // device name (office), empty on the tablet
    QString uuid;     // the record concerned, when known
    qint64 n = 0;     // chain position, when known
    qint64 seq = 0;   // tablet outbox seq, when known
    QString message;  // plain words: what is wrong and what to do
};

} // namespace ms::chain
