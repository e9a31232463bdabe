// meterswap-office serve: the HTTP(S) server over the data directory (docs/sync-protocol.md).
#include "commandsupport.h"
#include "officecommands.h"
#include "officeserver.h"
#include "serverpool.h"
#include "signalwatcher.h"

#include "catalog/catalogloader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslKey>
#include <QTimer>

#include <cstdio>
#include <malloc.h>

namespace ms::server {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::Commands)
};

QString catalogVersion(const QString &catalogDir)
{
    QFile f(catalogDir.isEmpty() ? QStringLiteral(":/forms/catalog.json")
                                 : catalogDir + QStringLiteral("/catalog.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("version")).toString();
}

Result<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath)
{
    const auto certs = QSslCertificate::fromPath(certPath, QSsl::Pem);
    if (certs.isEmpty())
        return makeError(QStringLiteral("office.tls"), Tr::tr("无法读取证书 %1（需要 PEM 格式）").arg(certPath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("office.tls"), Tr::tr("无法读取私钥 %1").arg(keyPath));
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return makeError(QStringLiteral("office.tls"),
                         Tr::tr("私钥 %1 不是未加密的 PEM RSA/EC 私钥").arg(keyPath));
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(certs.first());
    conf.setPrivateKey(key);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    return conf;
}
// Reads an integer option within [min, max] into *value (left as is when the option is absent).
bool intOption(const QCommandLineParser &p, const QString &name, int min, int max, int *value)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        err(Tr::tr("--%1 应为 %2…%3 之间的整数（收到“%4”）").arg(name).arg(min).arg(max).arg(p.value(name)));
        return false;
    }
    *value = v;
    return true;
}
} // namespace

// Every upload request body (up to 1 MiB) is collected in fresh heap blocks. With glibc's
// defaults, blocks that size are mmap()ed and unmapped per request, and the freed heap top is
// trimmed, so each request paid page faults and page clearing for its whole body: perf put them
// at a third of the server's CPU. Serving keeps such blocks in the heap for reuse instead.
void keepRequestBuffers()
{
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
}

int serveCommand(const QStringList &args)
{
    keepRequestBuffers();
    QCommandLineParser p;
    if (!parse(p, args,
               {QStringLiteral("data"), QStringLiteral("listen"), QStringLiteral("tls-cert"),
                QStringLiteral("tls-key"), QStringLiteral("catalog"), QStringLiteral("workers"),
                QStringLiteral("max-connections"), QStringLiteral("max-connections-per-client"),
                QStringLiteral("partial-quota-mb"), QStringLiteral("partial-expiry-days")},
               {QStringLiteral("insecure-plain-http")}))
        return ExitUsage;
    const QString dir = p.value(QStringLiteral("data"));
    const QString listen = p.value(QStringLiteral("listen"));
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    ServerConfig config;
    config.port = quint16(listen.mid(colon + 1).toUInt(&portOk));
    if (colon <= 0 || !portOk || !config.address.setAddress(listen.left(colon))) {
        err(Tr::tr("--listen 应为 地址:端口，例如 127.0.0.1:8443（收到“%1”）").arg(listen));
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("tls-cert")) != p.isSet(QStringLiteral("tls-key"))) {
        err(Tr::tr("--tls-cert 和 --tls-key 必须同时给出"));
        return ExitUsage;
    }
    // --tls-cert/--tls-key, else what `tls init` made in DIR/tls.
    QString certPath = p.value(QStringLiteral("tls-cert"));
    QString keyPath = p.value(QStringLiteral("tls-key"));
    if (certPath.isEmpty() && QFileInfo::exists(tlsCertPath(dir))) {
        certPath = tlsCertPath(dir);
        keyPath = tlsKeyPath(dir);
    }
    if (!certPath.isEmpty()) {
        auto tls = loadTls(certPath, keyPath);
        if (!tls) {
            err(tls.error().message);
            return ExitFailed;
        }
        config.tls = *tls;
    }
    // Tokens and evidence never cross a network in the clear unless the office says so.
    if (!config.tls && !config.address.isLoopback() && !p.isSet(QStringLiteral("insecure-plain-http"))) {
        err(Tr::tr("拒绝在 %1 上提供未加密的 HTTP：设备令牌和证据会明文经过网络。请先执行一次 "
                   "meterswap-office tls init --data %2（serve 会自动使用它），或给出 --tls-cert/--tls-key；"
                   "只有在完全可信的网络上才可加 --insecure-plain-http 强制使用 HTTP。")
                .arg(config.address.toString(), dir));
        return ExitUsage;
    }
    int quotaMb = 8192, expiryDays = 7;
    if (!intOption(p, QStringLiteral("workers"), 1, 32, &config.workers)
        || !intOption(p, QStringLiteral("max-connections"), 1, 100000, &config.edge.maxConnections)
        || !intOption(p, QStringLiteral("max-connections-per-client"), 1, 100000,
                      &config.edge.maxConnectionsPerClient)
        || !intOption(p, QStringLiteral("partial-quota-mb"), 1, 1 << 30, &quotaMb)
        || !intOption(p, QStringLiteral("partial-expiry-days"), 1, 3650, &expiryDays))
        return ExitUsage;
    config.catalogVersion = catalogVersion(p.value(QStringLiteral("catalog")));
    // The same cards the tablets walk: send-back items and findings are checked against them.
    const QString catalogRoot = p.isSet(QStringLiteral("catalog")) ? p.value(QStringLiteral("catalog"))
                                                                   : CatalogLoader::builtInRoot();
    auto catalog = CatalogLoader::loadStrict(catalogRoot);
    if (!catalog) {
        err(Tr::tr("无法读取卡片目录 %1：%2").arg(catalogRoot, catalog.error().message));
        return ExitFailed;
    }
    config.catalog = std::make_shared<const Catalog>(std::move(catalog).value());
    config.thumbDir = dir + QStringLiteral("/thumbs");
    // creates and migrates; the workers open their own connections
    auto data = openData(p, EvidencePack::Mode::Writer);
    if (!data) {
        err(data.error().message);
        return ExitFailed;
    }
    // Unfinished uploads: a quota per device, and those nobody finished are removed after a while.
    data->blobs->setPartialLimits(qint64(quotaMb) << 20, expiryDays);
    data->blobs->expirePartials();
    QTimer expiry;
    QObject::connect(&expiry, &QTimer::timeout, [&data] { data->blobs->expirePartials(); });
    expiry.start(3600 * 1000);
    const QString database = p.value(QStringLiteral("database"));
    ServerPool server(
        [dir, database]() -> Result<std::unique_ptr<OfficeStore>> {
            auto store = database.isEmpty()
                             ? SqlOfficeStore::openAnother(dir + QStringLiteral("/office.db"))
                             : SqlOfficeStore::openPostgres(database); // one connection per worker
            if (!store)
                return store.error();
            return std::unique_ptr<OfficeStore>(std::move(store).value());
        },
        *data->blobs, config, config.workers);
    auto port = server.start();
    if (!port) {
        err(port.error().message);
        return ExitFailed;
    }
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminate, qApp, [] { QCoreApplication::quit(); });
    out(QStringLiteral("meterswap-office: listening on %1://%2:%3\n")
            .arg(config.tls ? QStringLiteral("https") : QStringLiteral("http"),
                 config.address.toString())
            .arg(*port)
            .toUtf8());
    if (config.tls)
        std::fprintf(stderr, "meterswap-office: certificate pin %s\n",
                     config.tls->localCertificate().digest(QCryptographicHash::Sha256).toHex().constData());
    const int rc = QCoreApplication::exec();
    std::fputs("meterswap-office: stopped\n", stderr);
    return rc;
}

} // namespace ms::server
