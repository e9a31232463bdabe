#include "store/pinhash.h"

#include "store/storeutil.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <openssl/evp.h>

namespace ms::pin {

using storeutil::Tr;

namespace {

constexpr QLatin1StringView kPbkdf2Prefix("pbkdf2-sha256$");

QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    const QByteArray secret = pin.toUtf8();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), int(key.size()),
                          reinterpret_cast<unsigned char *>(key.data())) != 1)
        return {}; // allocation failure in OpenSSL: matches nothing
    return key;
}

} // namespace

Result<void> checkFormat(const QString &pin)
{
    static const QRegularExpression digits(
        QStringLiteral("^[0-9]{%1,%2}$").arg(kMinDigits).arg(kMaxDigits));
    if (!digits.match(pin).hasMatch())
        return storeutil::badInput(Tr::tr("PIN 码须为 %1 到 %2 位数字（不少于 %1 位，"
                                          "以免设备丢失后被人猜中）。")
                                       .arg(kMinDigits)
                                       .arg(kMaxDigits));
    return {};
}

QString currentKdf()
{
    return kPbkdf2Prefix + QString::number(kIterations);
}

int iterations(const QString &kdf)
{
    if (!kdf.startsWith(kPbkdf2Prefix))
        return 0;
    bool ok = false;
    const int n = kdf.mid(kPbkdf2Prefix.size()).toInt(&ok);
    return ok && n > 0 ? n : 0;
}

bool isCurrent(const Hash &stored)
{
    return stored.kdf == currentKdf() && stored.salt.size() >= kSaltBytes;
}

Hash make(const QString &pin)
{
    Hash h;
    h.kdf = currentKdf();
    h.salt = QByteArray(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(h.salt.data()),
                                          kSaltBytes / int(sizeof(quint32)));
    h.key = derive(pin, h.salt, kIterations);
    return h;
}

Verdict check(const QString &pin, const Hash &stored)
{
    Verdict v;
    const int n = iterations(stored.kdf);
    if (n <= 0 || stored.key.isEmpty())
        return v;
    v.matched = constantTimeEqual(derive(pin, stored.salt, n), stored.key);
    if (!v.matched)
        return v;
    v.tooShort = pin.size() < kMinDigits;
    if (!isCurrent(stored))
        v.upgrade = make(pin);
    return v;
}

bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString tokenSha256Hex(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString resetCode(const QString &tokenSha256Hex, const QString &challenge)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(
        QByteArrayLiteral("meterswap-pin-reset-v1\n") + challenge.toLatin1(),
        tokenSha256Hex.toLatin1(), QCryptographicHash::Sha256);
    quint64 n = 0;
    for (int i = 0; i < 8; ++i)
        n = (n << 8) | static_cast<unsigned char>(mac[i]);
    quint64 mod = 1;
    for (int i = 0; i < kResetDigits; ++i)
        mod *= 10;
    return QStringLiteral("%1").arg(n % mod, kResetDigits, 10, QLatin1Char('0'));
}

QString newChallenge()
{
    QString out;
    for (int i = 0; i < kResetDigits; ++i)
        out += QChar(u'0' + QRandomGenerator::system()->bounded(10));
    return out;
}

} // namespace ms::pin
