// The office server's storage: SQLite store and file blob store in a temporary directory.
#include "common/chainsigner.h"
#include "store/office/fileblobstore.h"
#include "store/office/sqliteofficestore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::office;

namespace {
QString sha(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

OutboxEntry rec(const QString &uuid, int version, const QStringList &blobs = {})
{
    OutboxEntry e;
    e.seq = version;
    e.entity = QStringLiteral("job");
    e.uuid = uuid;
    e.version = version;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("v"), version}};
    e.blobs = blobs;
    return e;
}

Assignment customer(const QString &uuid, const QString &name)
{
    return {0, QStringLiteral("customer"), uuid, 1,
            QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("name"), name},
                        {QStringLiteral("task_uuid"), QStringLiteral("t1")},
                        {QStringLiteral("account_no"), uuid}}};
}
} // namespace

TEST(FileBlobStore, KeepsPartialBytesAcrossInstancesAndAcceptsOnlyTheMatchingHash)
{
    QTemporaryDir dir;
    const QByteArray bytes = QByteArray(1000, 'p') + QByteArray(1000, 'q');
    const QString hash = sha(bytes);
    {
        FileBlobStore store(dir.path());
        ASSERT_TRUE(store.init().ok());
        auto s = store.append(hash, 0, bytes.size(), bytes.left(1200));
        ASSERT_TRUE(s);
        EXPECT_EQ(s->offset, 1200);
        EXPECT_FALSE(s->complete);
    }
    // a new instance (a restarted server) sees the same offset
    FileBlobStore again(dir.path());
    EXPECT_EQ(again.state(hash)->offset, 1200);
    auto wrongOffset = again.append(hash, 1000, bytes.size(), bytes.mid(1000));
    ASSERT_FALSE(wrongOffset);
    EXPECT_EQ(wrongOffset.error().code, QStringLiteral("blob.offset_mismatch"));
    auto done = again.append(hash, 1200, bytes.size(), bytes.mid(1200));
    ASSERT_TRUE(done);
    EXPECT_TRUE(done->complete);
    EXPECT_TRUE(again.verify(hash).ok());
    EXPECT_EQ(again.list()->size(), 1);
    QFile stored(again.finalPath(hash));
    ASSERT_TRUE(stored.open(QIODevice::ReadOnly));
    EXPECT_EQ(stored.readAll(), bytes);

    const QString lie = sha("something else");
    auto bad = again.append(lie, 0, 10, QByteArray(10, 'z'));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, QStringLiteral("blob.hash_mismatch"));
    EXPECT_EQ(again.state(lie)->offset, 0);
    EXPECT_FALSE(QFile::exists(again.partialPath(lie)));
}

TEST(SqliteOfficeStore, PushIsIdempotentAndRefusesMissingBlobsInOneTransaction)
{
    QTemporaryDir dir;
    auto opened = SqliteOfficeStore::open(dir.filePath(QStringLiteral("office.db")));
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    auto &store = **opened;
    auto token = store.createToken(QStringLiteral("t1"), QStringLiteral("zhang"));
    ASSERT_TRUE(token);
    auto who = store.authenticate(*token);
    ASSERT_TRUE(who && who->has_value());
    const DeviceToken device = **who;
    const QString file = sha("photo");
    ASSERT_TRUE(store.recordBlob(file, 5).ok());
    test::ChainSigner tablet; // records are signed links of the device's chain
    ASSERT_TRUE(store.bindDeviceKey(device, tablet.publicKey()).ok());

    const OutboxEntry a2 = tablet.next(rec(QStringLiteral("a"), 2, {file}));
    auto first = store.pushRecords(device, {a2, tablet.next(rec(QStringLiteral("b"), 1, {sha("nope")}))});
    ASSERT_TRUE(first);
    EXPECT_EQ(first->at(0).status, PushStatus::Stored);
    EXPECT_EQ(first->at(1).status, PushStatus::Refused);
    EXPECT_EQ(first->at(1).code, QStringLiteral("sync.missing_blob"));
    auto again = store.pushRecords(device, {a2, tablet.next(rec(QStringLiteral("a"), 1))});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->at(0).status, PushStatus::Duplicate);
    EXPECT_EQ(again->at(1).status, PushStatus::Stale);
    auto newer = store.pushRecords(device, {tablet.next(rec(QStringLiteral("a"), 3))});
    EXPECT_EQ(newer->at(0).status, PushStatus::Stored);
    const auto stats = store.stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->records, 1);
    EXPECT_EQ(stats->evidenceFiles, 1);
    EXPECT_EQ(store.blobReferences()->size(), 0); // version 3 names no file

    ASSERT_TRUE(store.revokeToken(QStringLiteral("t1")));
    EXPECT_FALSE(store.authenticate(*token)->has_value());
    EXPECT_FALSE(store.revokeToken(QStringLiteral("unknown-device")));
}

TEST(SqliteOfficeStore, AssignmentsFollowTheCursorAndOnlyChangesMoveIt)
{
    QTemporaryDir dir;
    auto opened = SqliteOfficeStore::open(dir.filePath(QStringLiteral("office.db")));
    ASSERT_TRUE(opened);
    auto &store = **opened;
    const Assignment task{0, QStringLiteral("task"), QStringLiteral("t1"), 1,
                          QJsonObject{{QStringLiteral("uuid"), QStringLiteral("t1")}, {QStringLiteral("name"), QStringLiteral("台区")}}};
    auto imported = store.importTask(task, {customer(QStringLiteral("c1"), QStringLiteral("甲")),
                                            customer(QStringLiteral("c2"), QStringLiteral("乙"))},
                                     {QStringLiteral("zhang")});
    ASSERT_TRUE(imported);
    EXPECT_TRUE(imported->taskCreated);
    EXPECT_EQ(imported->customersCreated, 2);
    const DeviceToken zhang{1, QStringLiteral("t1"), QStringLiteral("zhang"), {}, {}};
    const DeviceToken wang{2, QStringLiteral("t2"), QStringLiteral("wang"), {}, {}};
    auto page = store.pullAssignments(zhang, 0, 2);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->items.size(), 2);
    EXPECT_TRUE(page->more);
    auto rest = store.pullAssignments(zhang, page->cursor, 2);
    EXPECT_EQ(rest->items.size(), 1);
    EXPECT_FALSE(rest->more);
    EXPECT_EQ(store.pullAssignments(wang, 0, 10)->items.size(), 0); // assigned to zhang only

    // re-import with one change: only that customer comes down again, with version 2
    auto second = store.importTask(task, {customer(QStringLiteral("c1"), QStringLiteral("甲")),
                                          customer(QStringLiteral("c2"), QStringLiteral("乙改"))},
                                   {QStringLiteral("zhang")});
    ASSERT_TRUE(second);
    EXPECT_EQ(second->customersUnchanged, 1);
    EXPECT_EQ(second->customersUpdated, 1);
    auto changed = store.pullAssignments(zhang, rest->cursor, 10);
    ASSERT_EQ(changed->items.size(), 1);
    EXPECT_EQ(changed->items.first().uuid, QStringLiteral("c2"));
    EXPECT_EQ(changed->items.first().version, 2);
}
