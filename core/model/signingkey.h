#pragma once
// A device's Ed25519 signing key (设备签名密钥), through OpenSSL's EVP interface: the only
// signature code in MeterSwap. The tablet signs each outbox record's chain link with it
// (core/store/outboxchain.h); the office checks the signature with the public key the device
// presented when its token was first used (docs/sync-protocol.md "Record chain").
//
//   auto key = ms::SigningKey::generate();
//   if (!key) return key.error();
//   const QByteArray signature = key->sign(message);                 // 64 bytes
//   bool genuine = ms::SigningKey::verify(key->publicKey(), message, signature);
#include "model/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

struct evp_pkey_st;

namespace ms {

class SigningKey
{
public:
    static constexpr qsizetype kPrivateKeyBytes = 32; // the Ed25519 seed (RFC 8032)
    static constexpr qsizetype kPublicKeyBytes = 32;
    static constexpr qsizetype kSignatureBytes = 64;

    // A new key from the system's random source. Error "crypto.keygen" if OpenSSL fails.
    static Result<SigningKey> generate();
    // The key with this 32-byte private key (as returned by privateKey()). Error "crypto.bad_key".
    static Result<SigningKey> fromPrivateKey(QByteArrayView privateKey);

    QByteArray privateKey() const; // 32 bytes; keep it on the device, never send it
    QByteArray publicKey() const;  // 32 bytes
    QByteArray sign(QByteArrayView message) const; // 64 bytes; empty only if OpenSSL fails

    // True when `signature` is this public key's Ed25519 signature of `message`. Any malformed
    // input (wrong lengths, a point not on the curve) is simply false.
    static bool verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

private:
    explicit SigningKey(std::shared_ptr<evp_pkey_st> key) : m_key(std::move(key)) {}
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace ms
