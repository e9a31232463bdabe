#pragma once
// The office roles' tests' fixture: the real meterswap-office process on a free loopback port,
// two field tablets (tablet-01 zhang, tablet-02 li) pushing signed records by hand, and office
// tokens for a clerk (王芳), a billing checker (李敏) and an engineer (赵工).
#include "officeprocess.h"
#include "synctestutil.h"

#include "common/chainsigner.h"

#include "sync/wire.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUuid>
#include <gtest/gtest.h>

namespace ms::test {

inline QString sha(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

inline QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

inline QByteArray jpeg(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

// A field tablet pushing its records by hand (signed into its chain as the outbox would).
struct Tablet
{
    QString token;
    ChainSigner chain;
    qint64 seq = 0;
};

class OfficeFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_dir.path());
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        for (auto [tablet, device, user] : {std::tuple{&m_zhang, "tablet-01", "zhang"},
                                             std::tuple{&m_li, "tablet-02", "li"}}) {
            tablet->token = m_server->token(QString::fromLatin1(device), QString::fromUtf8(user));
            ASSERT_EQ(keyedRequest("GET", api(QStringLiteral("whoami")), tablet->token,
                                   tablet->chain.publicKey()).status, 200);
        }
        m_clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"), QStringLiteral("office_clerk"));
        m_billing = officeToken(QStringLiteral("office-pc-02"), QStringLiteral("李敏"), QStringLiteral("billing"));
        m_engineer = officeToken(QStringLiteral("office-pc-03"), QStringLiteral("赵工"), QStringLiteral("engineer"));
        ASSERT_FALSE(m_clerk.isEmpty() || m_billing.isEmpty() || m_engineer.isEmpty());
    }
    QString officeToken(const QString &device, const QString &user, const QString &roles)
    {
        const ProcessResult r = runOffice({QStringLiteral("token"), QStringLiteral("create"),
                                           QStringLiteral("--data"), m_dir.path(), QStringLiteral("--device"),
                                           device, QStringLiteral("--user"), user,
                                           QStringLiteral("--roles"), roles});
        return r.exitCode == 0 ? QString::fromUtf8(r.out.trimmed()) : QString();
    }
    QString api(const QString &rest) const { return m_server->url() + sync::apiPath(rest); }
    void push(Tablet &t, const QString &entity, const QString &id, int version, QJsonObject payload,
              const QStringList &blobs = {})
    {
        payload.insert(QStringLiteral("uuid"), id);
        payload.insert(QStringLiteral("version"), version);
        OutboxEntry e;
        e.seq = ++t.seq;
        e.entity = entity;
        e.uuid = id;
        e.version = version;
        e.op = QStringLiteral("upsert");
        e.payload = payload;
        e.blobs = blobs;
        const Http r = request("POST", api(QStringLiteral("records")), t.token,
                               sync::encodePushBatch({t.chain.next(e)}));
        ASSERT_EQ(r.status, 200) << r.body.constData();
        auto results = sync::decodePushResults(r.body);
        ASSERT_TRUE(results.ok());
        ASSERT_EQ(results->first().status, wire::PushStatus::Stored) << results->first().reason.toStdString();
    }
    QString upload(const QByteArray &bytes)
    {
        const QString hash = sha(bytes);
        const Http r = request("PUT", api(QStringLiteral("blobs/%1?offset=0&total=%2").arg(hash).arg(bytes.size())),
                               m_zhang.token, bytes);
        EXPECT_EQ(r.status, 201) << r.body.constData();
        return hash;
    }
    // A task, a customer and a job of `t`, submitted (round `submission`) at `submittedAt`.
    QString submittedJob(Tablet &t, const QString &crew, const QString &account, const QString &submittedAt,
                         QString *taskOut = nullptr)
    {
        const QString task = uuid(), customer = uuid(), job = uuid();
        push(t, QStringLiteral("task"), task, 1,
             {{QStringLiteral("code"), QStringLiteral("T-") + account},
              {QStringLiteral("name"), QStringLiteral("台区 ") + account},
              {QStringLiteral("area_name"), QStringLiteral("东区")},
              {QStringLiteral("crew"), crew}});
        push(t, QStringLiteral("customer"), customer, 1,
             {{QStringLiteral("task_uuid"), task},
              {QStringLiteral("account_no"), account},
              {QStringLiteral("name"), QStringLiteral("客户") + account},
              {QStringLiteral("payment"), QStringLiteral("prepaid")},
              {QStringLiteral("old_meter"), QJsonObject{{QStringLiteral("asset_no"), QStringLiteral("OLD-") + account}}},
              {QStringLiteral("new_meter"), QJsonObject{{QStringLiteral("asset_no"), QStringLiteral("NEW-") + account}}},
              {QStringLiteral("last_billed_reading"), 1000.0}});
        pushJob(t, job, 1, task, customer, 1, submittedAt);
        if (taskOut)
            *taskOut = task;
        return job;
    }
    void pushJob(Tablet &t, const QString &job, int version, const QString &task, const QString &customer,
                 int submission, const QString &submittedAt)
    {
        push(t, QStringLiteral("job"), job, version,
             {{QStringLiteral("task_uuid"), task},
              {QStringLiteral("customer_uuid"), customer},
              {QStringLiteral("status"), QStringLiteral("done")},
              {QStringLiteral("started_at"), QStringLiteral("2026-11-05T01:00:00.000Z")},
              {QStringLiteral("submission"), submission},
              {QStringLiteral("submitted_at"), submittedAt}});
    }
    void evidence(Tablet &t, const QString &id, const QString &job, const QString &card, const QString &key,
                  const QString &kind, const QString &value, const QJsonObject &meta,
                  const QString &supersedes = {}, const QString &file = {})
    {
        push(t, QStringLiteral("evidence"), id, 1,
             {{QStringLiteral("job_uuid"), job}, {QStringLiteral("card_id"), card},
              {QStringLiteral("requirement"), key}, {QStringLiteral("kind"), kind},
              {QStringLiteral("sha256"), file}, {QStringLiteral("mime"), file.isEmpty() ? QString() : QStringLiteral("image/jpeg")},
              {QStringLiteral("value"), value}, {QStringLiteral("unit"), QStringLiteral("kWh")},
              {QStringLiteral("meta"), meta},
              {QStringLiteral("captured_at"), QStringLiteral("2026-11-05T02:00:00.000Z")},
              {QStringLiteral("supersedes"), supersedes}},
             file.isEmpty() ? QStringList() : QStringList{file});
    }
    Http post(const QString &path, const QString &token, const QJsonObject &body)
    {
        return request("POST", api(path), token, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QTemporaryDir m_dir;
    std::unique_ptr<OfficeServerProcess> m_server;
    Tablet m_zhang, m_li;
    QString m_clerk, m_billing, m_engineer;
};

} // namespace ms::test
