// The office server's API against the real meterswap-office process: tokens, idempotent record
// batches, hash-checked uploads, refusals with reasons, bad input, clean stop.
#include "officeprocess.h"
#include "synctestutil.h"

#include "common/chainsigner.h"

#include "sync/wire.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {
QString sha(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

OutboxEntry unsignedRecord(const QString &uuid, int version, const QStringList &blobs, qint64 seq)
{
    OutboxEntry e;
    e.seq = seq;
    e.entity = QStringLiteral("job");
    e.uuid = uuid;
    e.version = version;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("version"), version}};
    e.blobs = blobs;
    return e;
}

class OfficeServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_dir.path());
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        m_token = m_server->token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        ASSERT_FALSE(m_token.isEmpty());
        // the device presents its key on first use, as the sync client does
        ASSERT_EQ(keyedRequest("GET", api(QStringLiteral("whoami")), m_token, m_device.publicKey()).status, 200);
    }
    // The next record of this test's device, signed into its chain.
    OutboxEntry record(const QString &uuid, int version, const QStringList &blobs = {}, qint64 seq = 1)
    {
        return m_device.next(unsignedRecord(uuid, version, blobs, seq));
    }
    QString api(const QString &rest) const { return m_server->url() + sync::apiPath(rest); }
    Http upload(const QString &hash, qint64 offset, qint64 total, const QByteArray &bytes,
                const QString &token = {})
    {
        return request("PUT", api(QStringLiteral("blobs/%1?offset=%2&total=%3").arg(hash).arg(offset).arg(total)),
                       token.isNull() ? m_token : token, bytes);
    }
    QTemporaryDir m_dir;
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_token;
    ChainSigner m_device;
};
} // namespace

TEST_F(OfficeServerTest, SameBatchTwiceIsStoredOnceAndOlderVersionNeverOverwrites)
{
    // GIVEN a batch of two records
    const QList<OutboxEntry> batch{record(QStringLiteral("u-1"), 2, {}, 1), record(QStringLiteral("u-2"), 1, {}, 2)};
    // WHEN it is pushed twice
    const Http first = request("POST", api(QStringLiteral("records")), m_token, sync::encodePushBatch(batch));
    const Http second = request("POST", api(QStringLiteral("records")), m_token, sync::encodePushBatch(batch));
    // THEN the first stores both, the second reports duplicates and nothing is added
    ASSERT_EQ(first.status, 200) << first.body.constData();
    ASSERT_EQ(second.status, 200);
    auto r1 = sync::decodePushResults(first.body);
    auto r2 = sync::decodePushResults(second.body);
    ASSERT_TRUE(r1 && r2);
    ASSERT_EQ(r2->size(), 2);
    EXPECT_EQ(r1->at(0).status, wire::PushStatus::Stored);
    EXPECT_EQ(r2->at(0).status, wire::PushStatus::Duplicate);
    EXPECT_EQ(r2->at(1).status, wire::PushStatus::Duplicate);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("records")).toInt(), 2);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("jobs")).toInt(), 2);

    // WHEN an older version of u-1 arrives
    const Http older = request("POST", api(QStringLiteral("records")), m_token,
                               sync::encodePushBatch({record(QStringLiteral("u-1"), 1)}));
    // THEN it is acknowledged as stale and does not replace version 2
    auto r3 = sync::decodePushResults(older.body);
    ASSERT_TRUE(r3);
    EXPECT_EQ(r3->at(0).status, wire::PushStatus::Stale);
    EXPECT_TRUE(r3->at(0).confirmed());
    const Http again = request("POST", api(QStringLiteral("records")), m_token,
                               sync::encodePushBatch({record(QStringLiteral("u-1"), 2)}));
    EXPECT_EQ(sync::decodePushResults(again.body)->at(0).status, wire::PushStatus::Duplicate);
}

TEST_F(OfficeServerTest, RecordNamingAMissingFileIsRefusedWithItsReason)
{
    // GIVEN a record naming a file the office never received, next to a good record
    const QString missing = sha("never uploaded");
    const QList<OutboxEntry> batch{record(QStringLiteral("good"), 1, {}, 1),
                                   record(QStringLiteral("bad"), 1, {missing}, 2)};
    // WHEN pushed
    const Http h = request("POST", api(QStringLiteral("records")), m_token, sync::encodePushBatch(batch));
    // THEN the good one is stored, the other refused with a reason naming the file
    ASSERT_EQ(h.status, 200);
    auto results = sync::decodePushResults(h.body);
    ASSERT_TRUE(results);
    EXPECT_EQ(results->at(0).status, wire::PushStatus::Stored);
    EXPECT_EQ(results->at(1).status, wire::PushStatus::Refused);
    EXPECT_EQ(results->at(1).code, QStringLiteral("sync.missing_blob"));
    EXPECT_TRUE(results->at(1).reason.contains(missing));
    EXPECT_EQ(m_server->stats().value(QStringLiteral("records")).toInt(), 1);
}

TEST_F(OfficeServerTest, FileWhoseBytesDoNotMatchItsHashIsRefusedAndNotKept)
{
    // GIVEN bytes announced under somebody else's hash
    const QByteArray bytes(5000, 'x');
    const QString wrong = sha("other bytes");
    // WHEN uploaded in full
    const Http h = upload(wrong, 0, bytes.size(), bytes);
    // THEN 422 with a message, nothing stored, the offset back at 0
    EXPECT_EQ(h.status, 422) << h.body.constData();
    EXPECT_EQ(h.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
              QStringLiteral("blob.hash_mismatch"));
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 0);
    const Http state = request("GET", api(QStringLiteral("blobs/") + wrong), m_token);
    EXPECT_EQ(state.json().value(QStringLiteral("offset")).toInt(), 0);
}

TEST_F(OfficeServerTest, UploadResumesFromTheHeldOffsetAndRejectsAWrongOne)
{
    const QByteArray bytes = QByteArray(3000, 'a') + QByteArray(3000, 'b');
    const QString hash = sha(bytes);
    // GIVEN the first half uploaded
    ASSERT_EQ(upload(hash, 0, bytes.size(), bytes.left(3000)).status, 200);
    // WHEN the client asks what the office holds
    const Http state = request("GET", api(QStringLiteral("blobs/") + hash), m_token);
    // THEN it is told 3000, a chunk at another offset gets 409 naming 3000
    EXPECT_EQ(state.json().value(QStringLiteral("offset")).toInt(), 3000);
    const Http conflict = upload(hash, 1000, bytes.size(), bytes.mid(1000, 1000));
    EXPECT_EQ(conflict.status, 409);
    EXPECT_EQ(conflict.json().value(QStringLiteral("offset")).toInt(), 3000);
    // AND the rest completes the file (201), verify holds
    EXPECT_EQ(upload(hash, 3000, bytes.size(), bytes.mid(3000)).status, 201);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_bytes")).toInt(), 6000);
    const ProcessResult verify = runOffice({QStringLiteral("verify"), QStringLiteral("--data"), m_dir.path()});
    EXPECT_EQ(verify.exitCode, 0) << verify.err.constData();
}

TEST_F(OfficeServerTest, OneCallTellsWhatIsHeldOfManyFiles)
{
    const QByteArray whole = QByteArray(5000, 'w');
    const QByteArray half = QByteArray(4000, 'h');
    const QString none = sha("never sent");
    // GIVEN one file complete, one half uploaded, one never sent
    ASSERT_EQ(upload(sha(whole), 0, whole.size(), whole).status, 201);
    ASSERT_EQ(upload(sha(half), 0, half.size(), half.left(2000)).status, 200);
    // WHEN the client asks about all three at once
    const Http states = request("POST", api(QStringLiteral("blob-states")), m_token,
                                sync::encodeBlobStateQuery({sha(whole), sha(half), none}));
    // THEN each is answered with what the office holds
    ASSERT_EQ(states.status, 200) << states.body.constData();
    auto decoded = sync::decodeBlobStates(states.body);
    ASSERT_TRUE(decoded) << decoded.error().message.toStdString();
    ASSERT_EQ(decoded->size(), 3);
    EXPECT_TRUE(decoded->value(sha(whole)).complete);
    EXPECT_EQ(decoded->value(sha(whole)).offset, 5000);
    EXPECT_FALSE(decoded->value(sha(half)).complete);
    EXPECT_EQ(decoded->value(sha(half)).offset, 2000);
    EXPECT_EQ(decoded->value(none).offset, 0);
    // AND a malformed query or a missing token is refused with a reason
    const Http bad = request("POST", api(QStringLiteral("blob-states")), m_token,
                             QByteArrayLiteral(R"({"sha256": ["not-a-hash"]})"));
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(bad.body.contains("sha256[0]")) << bad.body.constData();
    EXPECT_EQ(request("POST", api(QStringLiteral("blob-states")), QString(),
                      sync::encodeBlobStateQuery({none})).status, 401);
}

TEST_F(OfficeServerTest, MissingWrongOrRevokedTokenGets401AndNothingIsStored)
{
    const QJsonObject before = m_server->stats();
    const QByteArray batch = sync::encodePushBatch({record(QStringLiteral("x"), 1)});
    const QByteArray bytes("evidence");
    // WHEN calls come without a token, with a wrong one, and with a revoked one
    EXPECT_EQ(request("POST", api(QStringLiteral("records")), QString(), batch).status, 401);
    EXPECT_EQ(request("POST", api(QStringLiteral("records")), QStringLiteral("mst_wrong"), batch).status, 401);
    EXPECT_EQ(upload(sha(bytes), 0, bytes.size(), bytes, QStringLiteral("mst_wrong")).status, 401);
    ASSERT_EQ(runOffice({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--data"), m_dir.path(),
                      QStringLiteral("--device"), QStringLiteral("tablet-01")}).exitCode, 0);
    const Http revoked = request("POST", api(QStringLiteral("records")), m_token, batch);
    // THEN each is 401 with a message and the stats are unchanged
    EXPECT_EQ(revoked.status, 401);
    EXPECT_FALSE(revoked.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    QJsonObject after = m_server->stats();
    after.remove(QStringLiteral("devices"));
    QJsonObject expected = before;
    expected.remove(QStringLiteral("devices"));
    EXPECT_EQ(after, expected);
}

TEST_F(OfficeServerTest, MalformedOrOversizedBodiesGet4xxAndNothingIsStored)
{
    const Http malformed = request("POST", api(QStringLiteral("records")), m_token, "{\"records\": [");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
              QStringLiteral("sync.malformed_json"));
    const Http wrongShape = request("POST", api(QStringLiteral("records")), m_token,
                                    "{\"records\": [{\"uuid\": 5}]}");
    EXPECT_EQ(wrongShape.status, 400);
    EXPECT_TRUE(wrongShape.json().value(QStringLiteral("error")).toObject()
                    .value(QStringLiteral("message")).toString().contains(QStringLiteral("records[0]")));
    const QByteArray big(sync::kMaxChunkBytes + 1, 'z');
    EXPECT_EQ(upload(sha(big), 0, big.size(), big).status, 413);
    EXPECT_EQ(request("GET", api(QStringLiteral("blobs/not-a-hash")), m_token).status, 400);
    const QJsonObject s = m_server->stats();
    EXPECT_EQ(s.value(QStringLiteral("records")).toInt(), 0);
    EXPECT_EQ(s.value(QStringLiteral("evidence_files")).toInt(), 0);
}

TEST_F(OfficeServerTest, StopsCleanlyOnSigtermAndLogsOneLinePerRequest)
{
    request("GET", api(QStringLiteral("whoami")), m_token);
    request("GET", api(QStringLiteral("assignments?since=0")), m_token);
    EXPECT_EQ(m_server->terminate(), 0);
    const QByteArray log = m_server->log();
    EXPECT_TRUE(log.contains("GET /api/v1/whoami 200"));
    EXPECT_TRUE(log.contains("GET /api/v1/assignments?since=0 200"));
    EXPECT_TRUE(log.contains("stopped"));
    EXPECT_EQ(runOffice({QStringLiteral("verify"), QStringLiteral("--data"), m_dir.path()}).exitCode, 0);
}

// --- issue 12 §2: each record belongs to the device that made it (raw JSON, as any client) ---

namespace {
// A job record for `customer`, signed into `device`'s chain (every record is signed: see
// "Record chain" in docs/sync-protocol.md).
OutboxEntry jobRecord(ChainSigner &device, const QString &uuid, int version, const QString &status,
                      const QString &customer)
{
    OutboxEntry e = unsignedRecord(uuid, version, {}, 1);
    e.payload = QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("customer_uuid"), customer},
                            {QStringLiteral("status"), status}, {QStringLiteral("version"), version}};
    return device.next(e);
}

OutboxEntry stepRecord(ChainSigner &device, int version, bool done)
{
    OutboxEntry e = unsignedRecord(QStringLiteral("s-1"), version, {}, 1);
    e.entity = QStringLiteral("step");
    e.payload = QJsonObject{{QStringLiteral("job_uuid"), QStringLiteral("j-1")}, {QStringLiteral("done"), done}};
    return device.next(e);
}

// The first result of pushing `records` with `token`, as the JSON the office sent.
QJsonObject pushOne(const QString &url, const QString &token, const QList<OutboxEntry> &records)
{
    const Http h = request("POST", url, token, sync::encodePushBatch(records));
    EXPECT_EQ(h.status, 200) << h.body.constData();
    return h.json().value(QStringLiteral("results")).toArray().first().toObject();
}

// A token of another device with its key bound, as that device's first request would.
QString otherDevice(OfficeServerProcess &server, const QString &api, const QString &device,
                    const QString &user, const ChainSigner &key)
{
    const QString token = server.token(device, user);
    EXPECT_EQ(keyedRequest("GET", api, token, key.publicKey()).status, 200);
    return token;
}
} // namespace

TEST_F(OfficeServerTest, AnotherDevicesJobOrStepIsRefusedNamingItsOwnerAndNeverOverwritesIt)
{
    ChainSigner tablet02;
    const QString other = otherDevice(*m_server, api(QStringLiteral("whoami")), QStringLiteral("tablet-02"),
                                      QStringLiteral("li"), tablet02);
    const QString url = api(QStringLiteral("records"));
    // GIVEN tablet-01's job (done) and step
    ASSERT_EQ(pushOne(url, m_token, {jobRecord(m_device, QStringLiteral("j-1"), 3, QStringLiteral("done"), QStringLiteral("c-1"))})
                  .value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
    ASSERT_EQ(pushOne(url, m_token, {stepRecord(m_device, 1, true)}).value(QStringLiteral("status")).toString(),
              QStringLiteral("stored"));
    // WHEN tablet-02 writes the same uuids with newer versions
    const QJsonObject job = pushOne(url, other, {jobRecord(tablet02, QStringLiteral("j-1"), 4, QStringLiteral("not_started"), QStringLiteral("c-1"))});
    const QJsonObject stepAnswer = pushOne(url, other, {stepRecord(tablet02, 2, false)});
    // THEN both are refused with a code and a reason naming the owner
    for (const QJsonObject &a : {job, stepAnswer}) {
        EXPECT_EQ(a.value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
        EXPECT_EQ(a.value(QStringLiteral("code")).toString(), QStringLiteral("record.not_owner"));
        EXPECT_TRUE(a.value(QStringLiteral("reason")).toString().contains(QStringLiteral("tablet-01")));
    }
    // AND tablet-01's records are what the office holds
    EXPECT_EQ(pushOne(url, m_token, {jobRecord(m_device, QStringLiteral("j-1"), 3, QStringLiteral("done"), QStringLiteral("c-1"))})
                  .value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    EXPECT_EQ(pushOne(url, m_token, {stepRecord(m_device, 1, true)}).value(QStringLiteral("status")).toString(),
              QStringLiteral("duplicate"));
    EXPECT_EQ(m_server->stats().value(QStringLiteral("jobs_done")).toInt(), 1);
}

TEST_F(OfficeServerTest, VersionJumpIsRefusedAndTheNextRealVersionIsStillStored)
{
    const QString url = api(QStringLiteral("records"));
    ASSERT_EQ(pushOne(url, m_token, {record(QStringLiteral("u-1"), 1)}).value(QStringLiteral("status")).toString(),
              QStringLiteral("stored"));
    // WHEN version 2^31-1 arrives
    const QJsonObject jump = pushOne(url, m_token, {record(QStringLiteral("u-1"), 2147483647)});
    // THEN it is refused, and version 2 is stored afterwards (not "stale" for ever)
    EXPECT_EQ(jump.value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
    EXPECT_EQ(jump.value(QStringLiteral("code")).toString(), QStringLiteral("record.version_jump"));
    EXPECT_EQ(pushOne(url, m_token, {record(QStringLiteral("u-1"), 2)}).value(QStringLiteral("status")).toString(),
              QStringLiteral("stored"));
}

TEST_F(OfficeServerTest, SameVersionWithOtherContentIsAConflictNamingTheFieldsAndCounted)
{
    const QString url = api(QStringLiteral("records"));
    ASSERT_EQ(pushOne(url, m_token, {jobRecord(m_device, QStringLiteral("j-1"), 2, QStringLiteral("in_progress"), QStringLiteral("c-1"))})
                  .value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
    // WHEN the same uuid and version come with another status
    const QJsonObject c = pushOne(url, m_token, {jobRecord(m_device, QStringLiteral("j-1"), 2, QStringLiteral("done"), QStringLiteral("c-1"))});
    // THEN it is a conflict, not a duplicate, with the field that differs; stats count it
    EXPECT_EQ(c.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    EXPECT_EQ(c.value(QStringLiteral("fields")).toArray(), QJsonArray{QStringLiteral("status")});
    EXPECT_EQ(m_server->stats().value(QStringLiteral("conflicts")).toInt(), 1);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("jobs_done")).toInt(), 0);
    const ProcessResult human = runOffice({QStringLiteral("stats"), QStringLiteral("--data"), m_dir.path()});
    EXPECT_TRUE(human.out.contains("冲突 1")) << human.out.constData();
}

TEST_F(OfficeServerTest, JobRecordsOfTwoDevicesForOneCustomerAreBothKeptAndMergedByTheRule)
{
    ChainSigner tablet09;
    const QString supervisor = otherDevice(*m_server, api(QStringLiteral("whoami")), QStringLiteral("tablet-09"),
                                           QStringLiteral("wang"), tablet09);
    const QString url = api(QStringLiteral("records"));
    // GIVEN the installer's tablet finished the customer's job; the supervisor's tablet, which
    // signed card 27.x, has a job record of its own for the customer, in progress
    ASSERT_EQ(pushOne(url, m_token, {jobRecord(m_device, QStringLiteral("j-a"), 5, QStringLiteral("done"), QStringLiteral("c-1"))})
                  .value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
    ASSERT_EQ(pushOne(url, supervisor, {jobRecord(tablet09, QStringLiteral("j-b"), 2, QStringLiteral("in_progress"), QStringLiteral("c-1"))})
                  .value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
    // THEN both are held, the customer has one job, and it is done
    const QJsonObject s = m_server->stats();
    EXPECT_EQ(s.value(QStringLiteral("records")).toInt(), 2);
    EXPECT_EQ(s.value(QStringLiteral("jobs")).toInt(), 1);
    EXPECT_EQ(s.value(QStringLiteral("jobs_done")).toInt(), 1);
}

TEST_F(OfficeServerTest, TaskImportedWithoutAssigneesGoesToNobodyAndTheImportSaysSo)
{
    const QString csv = m_dir.filePath(QStringLiteral("task.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("task_code,task_name,account_no,customer_name\n"
            "T-2026-09,和平里台区换表,0100000001,王建国\n");
    f.close();
    // WHEN a task file with no installers is imported without --assign
    const ProcessResult imported = runOffice({QStringLiteral("import-task"), QStringLiteral("--data"), m_dir.path(), csv});
    // THEN it is imported, with a warning naming the task
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    EXPECT_TRUE(imported.err.contains("T-2026-09")) << imported.err.constData();
    EXPECT_TRUE(QString::fromUtf8(imported.err).contains(QStringLiteral("没有指派给任何人")));
    // AND no tablet receives it
    const Http pulled = request("GET", api(QStringLiteral("assignments?since=0")), m_token);
    ASSERT_EQ(pulled.status, 200);
    EXPECT_TRUE(pulled.json().value(QStringLiteral("tasks")).toArray().isEmpty()) << pulled.body.constData();
    EXPECT_TRUE(pulled.json().value(QStringLiteral("customers")).toArray().isEmpty());
    EXPECT_EQ(m_server->stats().value(QStringLiteral("unassigned_tasks")).toInt(), 1);
}
