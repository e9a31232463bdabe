// Office review benchmark (issue 14 §8): an office holding J jobs and J×E evidence items
// (default 10,000 and 100,000), then the office API timed against the real meterswap-office
// process on loopback: the review queue's first page, a job's review page
// (GET office/jobs/<uuid>), the billing queue, progress, and the first open of each office
// role's home right after the server starts (the queue requests the home makes). Prints figures;
// never fails on time. Targets (issue 14): review queue and job page ≤ 200 ms, home ≤ 2 s.
//
// The data is made in-process through the office store's own API, as a sync would leave it:
// every task, customer, job and evidence record is a signed record of its crew's tablet chain
// applied by SqlOfficeStore::pushRecords in batches of 1,000 (one transaction each, the job
// projection updated by the same code as a real sync); evidence files are registered with
// recordBlob (their bytes are not needed for these figures). Decisions go through
// OfficeJobStore::decide as the API's would.
//
//   bench_office [--jobs 10000] [--evidence-per-job 10] [--crews 20] [--runs 20] [--keep DIR]
#include "common/chainsigner.h"
#include "serverstore/sqlofficestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace ms;
using namespace ms::server;

namespace {

QString program(const QString &name)
{
    QDirIterator it(QCoreApplication::applicationDirPath() + QStringLiteral("/../../../app"),
                    {name}, QDir::Files | QDir::Executable, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// One crew's tablet: its token and its record chain.
struct Crew
{
    QString name;
    DeviceToken token;
    test::ChainSigner chain;
    qint64 seq = 0;
    QList<OutboxEntry> pending;
};

class Generator
{
public:
    Generator(OfficeStore &store)
        : m_store(store)
    {}

    bool addCrew(const QString &device, const QString &crew)
    {
        auto text = m_store.createToken(device, crew);
        if (!text)
            return fail(text.error());
        auto token = m_store.authenticate(text.value());
        if (!token || !token.value())
            return false;
        auto c = std::make_unique<Crew>();
        c->name = crew;
        c->token = *token.value();
        if (auto bound = m_store.bindDeviceKey(c->token, c->chain.publicKey()); !bound)
            return fail(bound.error());
        m_crews.push_back(std::move(c));
        return true;
    }
    Crew &crew(int i) { return *m_crews.at(size_t(i)); }
    int crews() const { return int(m_crews.size()); }

    bool add(Crew &c, const QString &entity, const QString &id, QJsonObject payload,
             const QString &blob = {})
    {
        payload.insert(QStringLiteral("uuid"), id);
        payload.insert(QStringLiteral("version"), 1);
        OutboxEntry e;
        e.seq = ++c.seq;
        e.entity = entity;
        e.uuid = id;
        e.version = 1;
        e.op = QStringLiteral("upsert");
        e.payload = std::move(payload);
        if (!blob.isEmpty())
            e.blobs = {blob};
        c.pending << c.chain.next(e);
        ++m_records;
        return c.pending.size() < 1000 || flush(c);
    }
    bool flush(Crew &c)
    {
        if (c.pending.isEmpty())
            return true;
        auto results = m_store.pushRecords(c.token, c.pending);
        if (!results)
            return fail(results.error());
        for (const wire::PushResult &r : results.value())
            if (r.status != wire::PushStatus::Stored) {
                std::fprintf(stderr, "record %s not stored: %s\n", qPrintable(r.uuid),
                             qPrintable(r.reason));
                return false;
            }
        c.pending.clear();
        return true;
    }
    bool flushAll()
    {
        for (auto &c : m_crews)
            if (!flush(*c))
                return false;
        return true;
    }
    qint64 records() const { return m_records; }

private:
    bool fail(const Error &e)
    {
        std::fprintf(stderr, "office store: %s\n", qPrintable(e.message));
        return false;
    }
    OfficeStore &m_store;
    std::vector<std::unique_ptr<Crew>> m_crews;
    qint64 m_records = 0;
};

// The evidence of one job: the photos and readings of the normal swap path's cards.
struct Item
{
    const char *card, *requirement, *kind;
};
const Item kItems[] = {
    {"21.1", "old_meter_face", "photo"},          {"21.3", "old_final_total", "meter_reading"},
    {"21.3", "old_meter_reading_photo", "photo"}, {"21.4", "new_meter_installed", "photo"},
    {"21.4", "new_start_total", "meter_reading"}, {"21.4", "box_after", "photo"},
    {"21.4", "seal_numbers", "seal_number"},      {"21.5", "customer_signature", "signature"},
    {"21.5", "customer_phone", "text"},           {"30.2", "paper_certificate_handed", "check"},
};

struct Http
{
    int status = 0;
    qint64 bytes = 0;
    double ms = 0;
    QByteArray body;
};

Http get(QNetworkAccessManager &nam, const QString &url, const QString &token)
{
    QNetworkRequest req{QUrl(url)};
    req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = nam.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Http r;
    r.body = reply->readAll();
    r.ms = double(clock.nsecsElapsed()) / 1e6;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.bytes = r.body.size();
    reply->deleteLater();
    return r;
}

struct Figures
{
    double first = 0, median = 0, p95 = 0, max = 0;
    qint64 bytes = 0;
    int status = 0;
};

Figures timeIt(const std::function<Http(int)> &call, int runs)
{
    Figures f;
    QList<double> ms;
    for (int i = 0; i <= runs; ++i) {
        const Http r = call(i);
        if (i == 0) {
            f.first = r.ms;
            f.bytes = r.bytes;
            f.status = r.status;
            continue;
        }
        if (r.status != 200)
            f.status = r.status;
        ms << r.ms;
    }
    std::sort(ms.begin(), ms.end());
    if (!ms.isEmpty()) {
        f.median = ms.at(ms.size() / 2);
        f.p95 = ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.95)));
        f.max = ms.last();
    }
    return f;
}

void print(const char *what, const Figures &f, double target)
{
    std::printf(
        "  %-44s first %7.1f ms  median %7.1f  p95 %7.1f  max %7.1f ms  %7lld B  HTTP %d%s\n", what,
        f.first, f.median, f.p95, f.max, static_cast<long long>(f.bytes), f.status,
        target > 0 ? (std::max(f.first, f.p95) <= target ? "  (within target)" : "  (OVER target)")
                   : "");
}

struct Server
{
    QProcess process;
    QString url;
    bool start(const QString &dir)
    {
        process.setStandardErrorFile(dir + QStringLiteral("/server.log"));
        process.start(program(QStringLiteral("meterswap-office")),
                      {QStringLiteral("serve"), QStringLiteral("--data"), dir,
                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QByteArray out;
        static const QRegularExpression re(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        while (process.waitForReadyRead(30000)) {
            out += process.readAllStandardOutput();
            if (const auto m = re.match(QString::fromUtf8(out)); m.hasMatch()) {
                url = m.captured(1);
                return true;
            }
        }
        return false;
    }
    void stop()
    {
        process.terminate();
        process.waitForFinished(20000);
    }
    ~Server() { stop(); }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as soon as it is measured
    QCommandLineParser p;
    for (const char *o : {"jobs", "evidence-per-job", "crews", "runs", "keep"})
        p.addOption(QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("N")));
    p.process(app);
    const int jobs =
        p.value(QStringLiteral("jobs")).isEmpty() ? 10000 : p.value(QStringLiteral("jobs")).toInt();
    const int perJob = p.value(QStringLiteral("evidence-per-job")).isEmpty()
                           ? 10
                           : std::clamp(p.value(QStringLiteral("evidence-per-job")).toInt(), 1, 10);
    const int crewCount =
        p.value(QStringLiteral("crews")).isEmpty() ? 20 : p.value(QStringLiteral("crews")).toInt();
    const int runs =
        p.value(QStringLiteral("runs")).isEmpty() ? 20 : p.value(QStringLiteral("runs")).toInt();
    QTemporaryDir tmp;
    const QString dir =
        p.isSet(QStringLiteral("keep")) ? p.value(QStringLiteral("keep")) : tmp.path();
    QDir().mkpath(dir);
    if (program(QStringLiteral("meterswap-office")).isEmpty()) {
        std::fprintf(stderr, "bench_office: meterswap-office not built (build the bench target)\n");
        return 1;
    }

    std::printf("Office review benchmark: %d jobs x %d evidence items, %d crews\n", jobs, perJob,
                crewCount);
    QStringList jobUuids;
    QString clerk, billing, engineer;
    {
        auto opened = SqlOfficeStore::open(dir + QStringLiteral("/office.db"));
        if (!opened) {
            std::fprintf(stderr, "bench_office: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        SqlOfficeStore &store = *opened.value();
        Generator gen(store);
        for (int c = 0; c < crewCount; ++c)
            if (!gen.addCrew(QStringLiteral("tablet-%1").arg(c + 1, 2, 10, QLatin1Char('0')),
                             QStringLiteral("装表%1班").arg(c + 1)))
                return 1;
        QElapsedTimer clock;
        clock.start();
        const QDateTime day0 = QDateTime::currentDateTimeUtc().addDays(-30);
        QHash<QString, QString> taskOf; // crew -> its current task
        for (int j = 0; j < jobs; ++j) {
            Crew &c = gen.crew(j % gen.crews());
            const QDateTime at = day0.addSecs(qint64(j) * 30 * 86400 / std::max(1, jobs));
            if ((j / gen.crews()) % 100 == 0) { // each crew: a task (台区) of 100 households
                const QString task = uuid();
                const QString area = QStringLiteral("台区%1").arg(j + 1);
                if (!gen.add(c, QStringLiteral("task"), task,
                             {{QStringLiteral("code"), QStringLiteral("T-%1").arg(j + 1)},
                              {QStringLiteral("name"), area + QStringLiteral("智能表更换")},
                              {QStringLiteral("area_name"), area},
                              {QStringLiteral("crew"), c.name}}))
                    return 1;
                taskOf[c.name] = task;
            }
            const QString crewTask = taskOf.value(c.name);
            const QString account = QStringLiteral("01%1").arg(j, 8, 10, QLatin1Char('0'));
            const QString customer = uuid(), job = uuid();
            if (!gen.add(
                    c, QStringLiteral("customer"), customer,
                    {{QStringLiteral("task_uuid"), crewTask},
                     {QStringLiteral("account_no"), account},
                     {QStringLiteral("name"), QStringLiteral("客户%1").arg(j)},
                     {QStringLiteral("payment"),
                      j % 5 == 0 ? QStringLiteral("prepaid") : QStringLiteral("postpaid")},
                     {QStringLiteral("old_meter"),
                      QJsonObject{{QStringLiteral("asset_no"), QStringLiteral("OLD") + account}}},
                     {QStringLiteral("new_meter"),
                      QJsonObject{{QStringLiteral("asset_no"), QStringLiteral("NEW") + account}}},
                     {QStringLiteral("last_billed_reading"), 1000.0 + j % 700}}))
                return 1;
            if (!gen.add(c, QStringLiteral("job"), job,
                         {{QStringLiteral("task_uuid"), crewTask},
                          {QStringLiteral("customer_uuid"), customer},
                          {QStringLiteral("status"), QStringLiteral("done")},
                          {QStringLiteral("started_at"), iso(at.addSecs(-3600))},
                          {QStringLiteral("submission"), 1},
                          {QStringLiteral("submitted_at"), iso(at)}}))
                return 1;
            jobUuids << job;
            for (int e = 0; e < perJob; ++e) {
                const Item &item = kItems[e];
                const bool photo = QLatin1String(item.kind) == QLatin1String("photo") ||
                                   QLatin1String(item.kind) == QLatin1String("signature");
                QString sha;
                if (photo) {
                    sha =
                        QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(j * 16 + e),
                                                                     QCryptographicHash::Sha256)
                                                .toHex());
                    if (auto r = store.recordBlob(sha, 180000); !r)
                        return 1;
                }
                const bool reading = QLatin1String(item.kind) == QLatin1String("meter_reading");
                const bool old = QLatin1String(item.requirement).startsWith(QLatin1String("old"));
                QJsonObject meta;
                if (reading)
                    meta = {{QStringLiteral("meter"),
                             old ? QStringLiteral("old") : QStringLiteral("new")},
                            {QStringLiteral("register"), QStringLiteral("forward_total")},
                            {QStringLiteral("source"), QStringLiteral("meter_port")}};
                if (!gen.add(
                        c, QStringLiteral("evidence"), uuid(),
                        {{QStringLiteral("job_uuid"), job},
                         {QStringLiteral("card_id"), QLatin1String(item.card)},
                         {QStringLiteral("requirement"), QLatin1String(item.requirement)},
                         {QStringLiteral("kind"), QLatin1String(item.kind)},
                         {QStringLiteral("sha256"), sha},
                         {QStringLiteral("mime"), photo ? QStringLiteral("image/jpeg") : QString()},
                         {QStringLiteral("value"),
                          reading ? QString::number(old ? 1234.5 + j % 500 : 0.5) : QString()},
                         {QStringLiteral("unit"), reading ? QStringLiteral("kWh") : QString()},
                         {QStringLiteral("meta"), meta},
                         {QStringLiteral("captured_at"), iso(at.addSecs(-1800 + e * 60))},
                         {QStringLiteral("supersedes"), QString()}},
                        sha))
                    return 1;
            }
        }
        if (!gen.flushAll())
            return 1;
        const double pushS = double(clock.elapsed()) / 1000;
        std::printf("  made %lld records through pushRecords in %.1f s (%.0f records/s)\n",
                    static_cast<long long>(gen.records()), pushS,
                    double(gen.records()) / std::max(pushS, 0.001));
        // Decisions: a fifth approved (a quarter of those billing-confirmed), a twentieth sent
        // back.
        clock.restart();
        int approved = 0, sentBack = 0, confirmed = 0;
        for (int j = 0; j < jobs; ++j) {
            DecisionRequest d;
            d.uuid = uuid();
            d.jobUuid = jobUuids.at(j);
            d.byUser = QStringLiteral("王芳");
            d.byDevice = QStringLiteral("office-pc-01");
            if (j % 5 == 1) {
                d.kind = QStringLiteral("approved");
            } else if (j % 20 == 2) {
                d.kind = QStringLiteral("sent_back");
                d.items = {QJsonObject{{QStringLiteral("card"), QStringLiteral("21.4")},
                                       {QStringLiteral("requirement"), QStringLiteral("box_after")},
                                       {QStringLiteral("reason"), QStringLiteral("照片不清晰")}}};
            } else {
                continue;
            }
            auto r = store.jobs().decide(d);
            if (!r) {
                std::fprintf(stderr, "decide: %s\n", qPrintable(r.error().message));
                return 1;
            }
            (d.kind == QLatin1String("approved") ? approved : sentBack)++;
            if (d.kind == QLatin1String("approved") && j % 20 == 1) {
                DecisionRequest b = d;
                b.uuid = uuid();
                b.kind = QStringLiteral("billing_confirmed");
                b.items = {};
                b.byUser = QStringLiteral("黄丽");
                if (auto c = store.jobs().decide(b); !c) {
                    std::fprintf(stderr, "billing confirm: %s\n", qPrintable(c.error().message));
                    return 1;
                }
                ++confirmed;
            }
        }
        std::printf(
            "  decided in %.1f s: %d approved (%d billing-confirmed), %d sent back, %d waiting\n",
            double(clock.elapsed()) / 1000, approved, confirmed, sentBack,
            jobs - approved - sentBack);
        clerk = store
                    .createToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                 {QStringLiteral("office_clerk")})
                    .value();
        billing = store
                      .createToken(QStringLiteral("office-pc-02"), QStringLiteral("黄丽"),
                                   {QStringLiteral("billing")})
                      .value();
        engineer = store
                       .createToken(QStringLiteral("office-pc-03"), QStringLiteral("刘洋"),
                                    {QStringLiteral("engineer")})
                       .value();
    }
    QNetworkAccessManager nam;
    const QString api = QStringLiteral("/api/v1/");
    // First open of each role's home right after the server starts (a cold process and cache):
    // the requests that home makes, one after another.
    {
        Server server;
        if (!server.start(dir)) {
            std::fprintf(stderr,
                         "bench_office: meterswap-office did not start (log: %s/server.log)\n",
                         qPrintable(dir));
            return 1;
        }
        std::printf(
            "Home first open, right after the server started (the home's requests in turn):\n");
        const struct
        {
            const char *what;
            QString token;
            QStringList paths;
        } homes[] = {
            {"clerk (31.1): whoami + review queue",
             clerk,
             {QStringLiteral("whoami"), QStringLiteral("office/review/queue")}},
            {"billing (33.1): whoami + billing queue",
             billing,
             {QStringLiteral("whoami"), QStringLiteral("office/billing/queue")}},
            {"engineer: whoami + progress",
             engineer,
             {QStringLiteral("whoami"), QStringLiteral("office/progress")}},
        };
        for (const auto &h : homes) {
            double total = 0;
            int status = 200;
            for (const QString &path : h.paths) {
                const Http r = get(nam, server.url + api + path, h.token);
                total += r.ms;
                if (r.status != 200)
                    status = r.status;
            }
            std::printf("  %-44s %7.1f ms  HTTP %d%s\n", h.what, total, status,
                        total <= 2000 ? "  (within 2 s)" : "  (OVER 2 s)");
        }
        server.stop();
    }
    Server server;
    if (!server.start(dir))
        return 1;
    const QString base = server.url + api;
    std::printf("At the server over loopback, %d runs each after a first call (first = cold):\n",
                runs);
    print("review queue, first page (50)",
          timeIt([&](int) { return get(nam, base + QStringLiteral("office/review/queue"), clerk); },
                 runs),
          200);
    const Http page = get(
        nam, base + QStringLiteral("office/review/queue?crew=%E8%A3%85%E8%A1%A84%E7%8F%AD"), clerk);
    print("review queue, one crew's first page",
          timeIt(
              [&](int) {
                  return get(nam,
                             base + QStringLiteral(
                                        "office/review/queue?crew=%E8%A3%85%E8%A1%A84%E7%8F%AD"),
                             clerk);
              },
              runs),
          200);
    Q_UNUSED(page);
    print("job review page GET office/jobs/<uuid>",
          timeIt(
              [&](int i) {
                  return get(nam,
                             base + QStringLiteral("office/jobs/") +
                                 jobUuids.at((i * 7919) % jobUuids.size()),
                             clerk);
              },
              runs),
          200);
    print("billing queue",
          timeIt(
              [&](int) { return get(nam, base + QStringLiteral("office/billing/queue"), billing); },
              runs),
          0);
    print("progress (whole office)",
          timeIt([&](int) { return get(nam, base + QStringLiteral("office/progress"), engineer); },
                 runs),
          0);
    return 0;
}
