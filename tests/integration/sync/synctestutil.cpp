#include "synctestutil.h"

#include "common/resultvalue.h"
#include "store/demodata.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

namespace ms::test {

QJsonObject Http::json() const { return QJsonDocument::fromJson(body).object(); }

Http request(const QByteArray &verb, const QString &url, const QString &token, const QByteArray &body)
{
    return keyedRequest(verb, url, token, QString(), body);
}

Http keyedRequest(const QByteArray &verb, const QString &url, const QString &token,
                  const QString &deviceKey, const QByteArray &body)
{
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(url)};
    if (!token.isNull())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!deviceKey.isEmpty())
        req.setRawHeader(sync::kDeviceKeyHeader, deviceKey.toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    Http h{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return h;
}

std::unique_ptr<Store> openStore(const QString &dir)
{
    StoreOptions o;
    o.dataDir = dir;
    auto s = Store::open(o);
    return s ? std::move(s).value() : nullptr;
}

QStringList seedStore(Store &store, int jobs, int filesPerJob, int fileBytes, quint32 seed)
{
    QStringList hashes;
    auto task = generateJobs(store, jobs, seed);
    if (!task)
        return hashes;
    JobQuery q;
    q.taskId = *task;
    q.limit = jobs;
    QRandomGenerator rng(seed);
    for (const JobListItem &item : test::valueOf(store.jobs().list(q))) {
        QList<NewEvidence> list;
        for (int i = 0; i < filesPerJob; ++i) {
            NewEvidence e;
            e.record.jobId = item.job.id;
            e.record.cardId = QStringLiteral("21.4");
            e.record.requirement = QStringLiteral("photo_%1").arg(i);
            e.record.kind = EvidenceKind::Photo;
            e.record.mime = QStringLiteral("image/jpeg");
            e.data.resize(fileBytes);
            rng.fillRange(reinterpret_cast<quint32 *>(e.data.data()), fileBytes / 4);
            list << e;
        }
        auto added = store.evidence().add(list);
        if (added)
            for (const Evidence &e : *added)
                hashes << e.sha256;
        (void)store.jobs().setStatus(item.job.id, JobStatus::Done);
    }
    return hashes;
}

sync::SyncSummary runSync(sync::SyncLocal &local, const sync::SyncOptions &options,
                          const std::function<void(const sync::SyncProgress &)> &onProgress,
                          int timeoutMs)
{
    QNetworkAccessManager nam;
    sync::SyncClient client(local, nam, options);
    sync::SyncSummary summary;
    summary.error = makeError(QStringLiteral("test.timeout"), QStringLiteral("sync did not finish"));
    QEventLoop loop;
    QObject::connect(&client, &sync::SyncClient::finished, &loop, [&](const sync::SyncSummary &s) {
        summary = s;
        loop.quit();
    });
    if (onProgress)
        QObject::connect(&client, &sync::SyncClient::progressChanged, &loop, onProgress);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    client.start();
    loop.exec();
    return summary;
}

sync::SyncOptions options(const QString &url, const QString &token)
{
    sync::SyncOptions o;
    o.http.server = QUrl(url);
    o.http.token = token;
    o.http.initialBackoffMs = 50;
    o.http.maxAttempts = 4;
    o.http.timeoutMs = 10000;
    return o;
}

} // namespace ms::test
