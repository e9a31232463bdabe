#include "model/sha256.h"

#include <QIODevice>

#include <openssl/evp.h>

namespace ms {

struct Sha256::Context
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
};

Sha256::Sha256() : m_ctx(new Context)
{
    // Only fails on allocation failure, which Qt treats as fatal elsewhere too.
    Q_CHECK_PTR(m_ctx->md);
    EVP_DigestInit_ex(m_ctx->md, EVP_sha256(), nullptr);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx->md);
    delete m_ctx;
}

void Sha256::addData(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_ctx->md, bytes.data(), size_t(bytes.size()));
}

bool Sha256::addData(QIODevice *device)
{
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = device->read(buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        addData(QByteArrayView(buffer.constData(), n));
    }
}

QByteArray Sha256::result()
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_ctx->md, reinterpret_cast<unsigned char *>(out.data()), &size);
    out.resize(size);
    return out;
}

QString Sha256::hex() { return QString::fromLatin1(result().toHex()); }

QString Sha256::hexOf(QByteArrayView bytes)
{
    Sha256 h;
    h.addData(bytes);
    return h.hex();
}

bool isSha256Hex(QStringView text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        const bool hex = (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                         || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
        if (!hex)
            return false;
    }
    return true;
}

} // namespace ms
