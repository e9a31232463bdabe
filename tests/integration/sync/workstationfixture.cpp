#include "workstationfixture.h"

#include "common/testenv.h"
#include "roles/officehome.h"
#include "service/devicesettings.h"
#include "style.h"
#include "sync/synchost.h"
#include "sync/wire.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QTest>
#include <QUuid>

namespace ms::test {

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

void WorkstationTest::SetUp()
{
    ASSERT_TRUE(m_dir.isValid() && m_wsDir.isValid());
    style::apply(*qApp); // the app's look: sizes matter for a desk at 1920×1080 and screenshots
    m_catalog = CatalogLoader::load(formsDir());
    m_server = std::make_unique<OfficeServerProcess>(m_dir.path());
    ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
    m_tabletToken = m_server->token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
    ASSERT_EQ(keyedRequest("GET", api(QStringLiteral("whoami")), m_tabletToken,
                           m_chain.publicKey()).status, 200);
}

void WorkstationTest::TearDown()
{
    closeWorkstation();
}

QString WorkstationTest::officeToken(const QString &device, const QString &user, const QString &roles)
{
    const ProcessResult r = runOffice({QStringLiteral("token"), QStringLiteral("create"),
                                       QStringLiteral("--data"), m_dir.path(),
                                       QStringLiteral("--device"), device, QStringLiteral("--user"),
                                       user, QStringLiteral("--roles"), roles});
    return r.exitCode == 0 ? QString::fromUtf8(r.out.trimmed()) : QString();
}

QString WorkstationTest::api(const QString &rest) const
{
    return m_server->url() + sync::apiPath(rest);
}

void WorkstationTest::push(const QString &entity, const QString &id, int version,
                           QJsonObject payload, const QStringList &blobs)
{
    payload.insert(QStringLiteral("uuid"), id);
    payload.insert(QStringLiteral("version"), version);
    OutboxEntry e;
    e.seq = ++m_seq;
    e.entity = entity;
    e.uuid = id;
    e.version = version;
    e.op = QStringLiteral("upsert");
    e.payload = payload;
    e.blobs = blobs;
    const Http r = request("POST", api(QStringLiteral("records")), m_tabletToken,
                           sync::encodePushBatch({m_chain.next(e)}));
    ASSERT_EQ(r.status, 200) << r.body.constData();
    auto results = sync::decodePushResults(r.body);
    ASSERT_TRUE(results.ok());
    ASSERT_EQ(results->first().status, wire::PushStatus::Stored)
        << results->first().reason.toStdString();
}

QString WorkstationTest::upload(const QByteArray &bytes)
{
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const Http r = request(
        "PUT", api(QStringLiteral("blobs/%1?offset=0&total=%2").arg(hash).arg(bytes.size())),
        m_tabletToken, bytes);
    EXPECT_EQ(r.status, 201) << r.body.constData();
    return hash;
}

QString WorkstationTest::submittedJob(const QString &account, const QString &submittedAt,
                                      const QByteArray &photo)
{
    const QString task = uuid(), customer = uuid(), job = uuid();
    push(QStringLiteral("task"), task, 1,
         {{QStringLiteral("code"), QStringLiteral("T-") + account},
          {QStringLiteral("name"), QStringLiteral("台区 ") + account},
          {QStringLiteral("area_name"), QStringLiteral("东区")},
          {QStringLiteral("crew"), QStringLiteral("一班")}});
    push(QStringLiteral("customer"), customer, 1,
         {{QStringLiteral("task_uuid"), task},
          {QStringLiteral("account_no"), account},
          {QStringLiteral("name"), QStringLiteral("客户") + account},
          {QStringLiteral("payment"), QStringLiteral("prepaid")},
          {QStringLiteral("old_meter"), QJsonObject{{QStringLiteral("asset_no"), QStringLiteral("OLD-") + account}}},
          {QStringLiteral("new_meter"), QJsonObject{{QStringLiteral("asset_no"), QStringLiteral("NEW-") + account}}},
          {QStringLiteral("last_billed_reading"), 1000.0}});
    push(QStringLiteral("job"), job, 1,
         {{QStringLiteral("task_uuid"), task},
          {QStringLiteral("customer_uuid"), customer},
          {QStringLiteral("status"), QStringLiteral("done")},
          {QStringLiteral("started_at"), QStringLiteral("2026-11-05T01:00:00.000Z")},
          {QStringLiteral("submission"), 1},
          {QStringLiteral("submitted_at"), submittedAt}});
    if (!photo.isEmpty()) {
        const QString hash = upload(photo);
        push(QStringLiteral("evidence"), uuid(), 1,
             {{QStringLiteral("job_uuid"), job},
              {QStringLiteral("card_id"), QStringLiteral("21.4")},
              {QStringLiteral("requirement"), QStringLiteral("new_meter_installed")},
              {QStringLiteral("kind"), QStringLiteral("photo")},
              {QStringLiteral("sha256"), hash},
              {QStringLiteral("mime"), QStringLiteral("image/jpeg")},
              {QStringLiteral("captured_at"), QStringLiteral("2026-11-05T01:10:00.000Z")}},
             {hash});
    }
    return job;
}

OfficeHome *WorkstationTest::openWorkstation(const QString &token, const QStringList &roles,
                                             const QString &ownToken, const QString &userUuid)
{
    closeWorkstation();
    m_ws = openStore(m_wsDir.path());
    EXPECT_TRUE(m_ws);
    EXPECT_TRUE(m_ws->settings().setValue(QString::fromLatin1(settingkeys::kSyncServer), m_server->url()).ok());
    EXPECT_TRUE(m_ws->settings().setValue(QString::fromLatin1(settingkeys::kSyncToken), token).ok());
    if (!ownToken.isEmpty()) {
        EXPECT_TRUE(DeviceSettings(*m_ws).setOfficeToken(userUuid, ownToken).ok());
    }
    User user;
    user.uuid = userUuid;
    user.name = QStringLiteral("王芳");
    user.roles = roles;
    m_home = std::make_unique<OfficeHome>(m_catalog.catalog, *m_ws, user, QString(), nullptr,
                                          makeOfficeDesk(*m_ws, user.uuid));
    m_home->resize(1920, 1080);
    m_home->show();
    return m_home.get();
}

void WorkstationTest::closeWorkstation()
{
    m_home.reset();
    m_ws.reset();
}

bool WorkstationTest::waitFor(const std::function<bool()> &done, int ms)
{
    return QTest::qWaitFor(done, ms);
}

} // namespace ms::test
