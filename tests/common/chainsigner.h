#pragma once
// Test helper: a device of its own for pushing records to the office by hand. It keeps a key and
// the head of its record chain, and signs each record as the tablet's outbox would
// (core/store/outboxchain.h):
//   ms::test::ChainSigner device;
//   bindKey(token, device.publicKey());               // e.g. GET whoami with the key header
//   store.pushRecords(token, {device.next(record)});
#include "model/recordchain.h"
#include "model/signingkey.h"

namespace ms::test {

class ChainSigner
{
public:
    ChainSigner() : m_key(*SigningKey::generate()) {}

    // `e` with the next link of this device's chain.
    OutboxEntry next(OutboxEntry e)
    {
        e.chain = chain::makeLink(e, ++m_n, m_head, m_key);
        m_head = e.chain.link;
        return e;
    }
    QString publicKey() const { return QString::fromLatin1(m_key.publicKey().toHex()); }
    const SigningKey &key() const { return m_key; }
    qint64 head() const { return m_n; }

private:
    SigningKey m_key;
    qint64 m_n = 0;
    QString m_head = chain::genesisHex();
};

} // namespace ms::test
