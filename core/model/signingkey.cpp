#include "model/signingkey.h"

#include <QCoreApplication>

#include <openssl/evp.h>

namespace ms {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::SigningKey)
};

std::shared_ptr<EVP_PKEY> own(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}
} // namespace

Result<SigningKey> SigningKey::generate()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!key)
        return makeError(QStringLiteral("crypto.keygen"),
                         Tr::tr("无法生成本机的签名密钥（OpenSSL 出错）。请重启应用；如仍失败请联系技术支持。"));
    return SigningKey(own(key));
}

Result<SigningKey> SigningKey::fromPrivateKey(QByteArrayView privateKey)
{
    EVP_PKEY *key = privateKey.size() == kPrivateKeyBytes
                        ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(privateKey),
                                                       size_t(privateKey.size()))
                        : nullptr;
    if (!key)
        return makeError(QStringLiteral("crypto.bad_key"),
                         Tr::tr("本机保存的签名密钥已损坏（应为 %1 字节的 Ed25519 私钥）。请联系技术支持。")
                             .arg(kPrivateKeyBytes));
    return SigningKey(own(key));
}

QByteArray SigningKey::privateKey() const
{
    QByteArray out(kPrivateKeyBytes, Qt::Uninitialized);
    size_t size = size_t(out.size());
    if (EVP_PKEY_get_raw_private_key(m_key.get(), reinterpret_cast<unsigned char *>(out.data()),
                                     &size) != 1)
        return {};
    out.resize(qsizetype(size));
    return out;
}

QByteArray SigningKey::publicKey() const
{
    QByteArray out(kPublicKeyBytes, Qt::Uninitialized);
    size_t size = size_t(out.size());
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(out.data()),
                                    &size) != 1)
        return {};
    out.resize(qsizetype(size));
    return out;
}

QByteArray SigningKey::sign(QByteArrayView message) const
{
    // Ed25519 hashes internally: EVP_DigestSign in one shot, with no digest of our own.
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    QByteArray out(kSignatureBytes, Qt::Uninitialized);
    size_t size = size_t(out.size());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1
        || EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &size,
                          bytes(message), size_t(message.size())) != 1)
        return {};
    out.resize(qsizetype(size));
    return out;
}

bool SigningKey::verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    if (publicKey.size() != kPublicKeyBytes || signature.size() != kSignatureBytes)
        return false;
    const auto key = own(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(publicKey),
                                                     size_t(publicKey.size())));
    if (!key)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(message),
                            size_t(message.size())) == 1;
}

} // namespace ms
