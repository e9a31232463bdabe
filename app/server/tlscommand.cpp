// meterswap-office tls init|pin: the office's own key and self-signed certificate, and the pin
// (SHA-256 of the certificate's DER form) that tablets are configured with. Qt cannot make
// certificates, so the key and certificate are made with OpenSSL's EVP and X509 API.
#include "commandsupport.h"
#include "officecommands.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSslCertificate>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::Commands)
};

template<typename T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, decltype([](T *p) { Free(p); })>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

struct KeyAndCert
{
    QByteArray keyPem;
    QByteArray certPem;
};

// An EC P-256 key and a certificate for it, valid for ten years, naming `hosts` (DNS names or
// IP addresses) as subject alternative names. Tablets pin it, so names are only informative.
Result<KeyAndCert> makeSelfSigned(const QStringList &hosts)
{
    const auto failed = [] {
        return makeError(QStringLiteral("office.tls"),
                         Tr::tr("OpenSSL 无法生成密钥或证书；请检查 OpenSSL 安装后重试。"));
    };
    Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    Owned<X509, X509_free> cert(X509_new());
    if (!key || !cert)
        return failed();
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return failed();
    serial[0] &= 0x7f; // positive
    Owned<BIGNUM, BN_free> number(BN_bin2bn(serial, sizeof serial, nullptr));
    X509_NAME *name = X509_get_subject_name(cert.get());
    QStringList alt;
    for (const QString &h : hosts)
        alt << (QHostAddress(h).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + h;
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    const bool made = number && X509_set_version(cert.get(), 2) == 1
        && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(cert.get()))
        && X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        && X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 366 * 24 * 3600)
        && X509_set_pubkey(cert.get(), key.get()) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>("meterswap-office"), -1, -1, 0) == 1
        && X509_set_issuer_name(cert.get(), name) == 1;
    if (!made)
        return failed();
    const QByteArray altText = alt.join(QLatin1Char(',')).toUtf8();
    Owned<X509_EXTENSION, X509_EXTENSION_free> ext(
        X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, altText.constData()));
    if (!ext || X509_add_ext(cert.get(), ext.get(), -1) != 1
        || X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return failed();
    Owned<BIO, BIO_free_all> keyBio(BIO_new(BIO_s_mem()));
    Owned<BIO, BIO_free_all> certBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certBio
        || PEM_write_bio_PrivateKey_traditional(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certBio.get(), cert.get()) != 1)
        return failed();
    return KeyAndCert{bioBytes(keyBio.get()), bioBytes(certBio.get())};
}

Result<void> writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions mode)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(mode)
        || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(QStringLiteral("office.tls"),
                         Tr::tr("无法写入 %1：%2").arg(path, file.errorString()));
    return {};
}

QString pinOf(const QString &certPath)
{
    const auto certs = QSslCertificate::fromPath(certPath, QSsl::Pem);
    return certs.isEmpty() ? QString()
                           : QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex());
}

void printPin(const QString &dir, const QString &pin)
{
    out(QJsonDocument(QJsonObject{{QStringLiteral("cert"), tlsCertPath(dir)},
                                  {QStringLiteral("key"), tlsKeyPath(dir)},
                                  {QStringLiteral("pin"), pin}})
            .toJson(QJsonDocument::Compact)
        + '\n');
    err(Tr::tr("在每台平板上设置此证书指纹：meterswap --server https://本机地址:端口 --server-pin %1"
               "（meterswapctl sync 用 --pin %1）").arg(pin));
}
} // namespace

QString tlsCertPath(const QString &dataDir) { return dataDir + QStringLiteral("/tls/cert.pem"); }
QString tlsKeyPath(const QString &dataDir) { return dataDir + QStringLiteral("/tls/key.pem"); }

// tls init --data DIR [--host NAME,NAME] [--force]  |  tls pin --data DIR
int tlsCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    QCommandLineParser p;
    if (!parse(p, args.mid(1), {QStringLiteral("data"), QStringLiteral("host")}, {QStringLiteral("force")}))
        return ExitUsage;
    const QString dir = p.value(QStringLiteral("data"));
    if (sub == QLatin1String("pin")) {
        const QString pin = pinOf(tlsCertPath(dir));
        if (pin.isEmpty()) {
            err(Tr::tr("%1 里没有证书；请先执行 meterswap-office tls init --data %2").arg(tlsCertPath(dir), dir));
            return ExitFailed;
        }
        printPin(dir, pin);
        return ExitOk;
    }
    if (sub != QLatin1String("init")) {
        err(Tr::tr("用法：tls init --data DIR [--host 名称,地址] [--force] | tls pin --data DIR"));
        return ExitUsage;
    }
    if (QFileInfo::exists(tlsCertPath(dir)) && !p.isSet(QStringLiteral("force"))) {
        err(Tr::tr("%1 已有证书（指纹 %2），未改动。换新证书后每台平板都要重新设置指纹；确需更换请加 --force。")
                .arg(tlsCertPath(dir), pinOf(tlsCertPath(dir))));
        return ExitFailed;
    }
    QStringList hosts{QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QHostInfo::localHostName()};
    for (const QString &h : p.value(QStringLiteral("host")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        hosts << h.trimmed();
    hosts.removeDuplicates();
    hosts.removeAll(QString());
    auto made = makeSelfSigned(hosts);
    if (!made) {
        err(made.error().message);
        return ExitFailed;
    }
    if (!QDir().mkpath(dir + QStringLiteral("/tls"))) {
        err(Tr::tr("无法创建目录 %1/tls").arg(dir));
        return ExitFailed;
    }
    QFile::setPermissions(dir + QStringLiteral("/tls"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // The key first: a certificate without its key would make serve fail at start.
    for (const auto &[path, bytes, mode] :
         {std::tuple{tlsKeyPath(dir), made->keyPem, QFile::ReadOwner | QFile::WriteOwner},
          std::tuple{tlsCertPath(dir), made->certPem,
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther}}) {
        if (auto ok = writeFile(path, bytes, mode); !ok) {
            err(ok.error().message);
            return ExitFailed;
        }
    }
    printPin(dir, pinOf(tlsCertPath(dir)));
    return ExitOk;
}

} // namespace ms::server
