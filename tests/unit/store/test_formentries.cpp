// 表单填写记录 (FormEntryRepository) on a real SQLite file: typed form fields survive a reopen,
// every saved change is one version and one outbox row in the same transaction, bad input and a
// full disk are refused in plain words without touching what was saved before.
#include "common/resultvalue.h"
#include "common/storefixture.h"

#include <QFile>
#include <sqlite3.h>

using namespace ms;
using ms::test::StoreTest;

namespace {
class FormEntriesTest : public StoreTest
{
protected:
    QString jobUuid(RowId taskId) { return store().jobs().byId(firstJob(taskId))->uuid; }
    qint64 outboxRows() { return scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='form_entry'")); }
};
} // namespace

TEST_F(FormEntriesTest, TypedFieldsAreSavedAndComeBackAfterReopeningTheStore)
{
    // GIVEN a job and a clerk's typed fields on appendix 8
    const QString job = jobUuid(makeTask(2));
    const QHash<QString, QString> typed{{QStringLiteral("remark"), QStringLiteral("客户出差，由其子代签")},
                                        {QStringLiteral("phone"), QString()}}; // cleared on purpose
    // WHEN they are saved and the store is closed and opened again
    auto saved = store().formEntries().save(8, FormOwner::job(job), typed, QStringLiteral("clerk-1"));
    ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
    EXPECT_EQ(saved->version, 1);
    reopen();
    // THEN loading gives exactly what was typed, including the deliberately empty field
    auto loaded = store().formEntries().load(8, FormOwner::job(job));
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->entries, typed);
    EXPECT_TRUE(loaded->entries.contains(QStringLiteral("phone")));
    EXPECT_EQ(loaded->version, 1);
    EXPECT_EQ(loaded->userUuid, QStringLiteral("clerk-1"));
    EXPECT_FALSE(loaded->uuid.isEmpty());
    // AND another form or owner kind of the same uuid sees nothing
    EXPECT_EQ(store().formEntries().load(9, FormOwner::job(job))->version, 0);
    EXPECT_TRUE(store().formEntries().load(8, FormOwner::task(job))->entries.isEmpty());
}

TEST_F(FormEntriesTest, EachSavedEditIsOneVersionAndOneOutboxRowAndARepeatIsNone)
{
    // GIVEN a task form
    const RowId taskId = makeTask(1);
    const QString task = store().tasks().byId(taskId)->uuid;
    const FormOwner owner = FormOwner::task(task);
    const qint64 before = outboxRows();
    // WHEN three different edits are saved, then the last one again
    for (const QString &v : {QStringLiteral("GPRS"), QStringLiteral("4G"), QStringLiteral("载波")})
        ASSERT_TRUE(store().formEntries().save(21, owner, {{QStringLiteral("comm"), v}}, {}).ok());
    auto again = store().formEntries().save(21, owner, {{QStringLiteral("comm"), QStringLiteral("载波")}}, {});
    ASSERT_TRUE(again.ok());
    // THEN there are three versions and three outbox rows, the repeat added none
    EXPECT_EQ(again->version, 3);
    EXPECT_EQ(outboxRows() - before, 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM form_entries")), 1);
    // AND the newest outbox row carries the uuid, version, owner and the typed text for the office
    const QList<OutboxEntry> rows = test::valueOf(store().outbox().all());
    ASSERT_FALSE(rows.isEmpty());
    const OutboxEntry &last = rows.last();
    EXPECT_EQ(last.entity, QStringLiteral("form_entry"));
    EXPECT_EQ(last.uuid, again->uuid);
    EXPECT_EQ(last.version, 3);
    EXPECT_EQ(last.op, QStringLiteral("upsert"));
    EXPECT_EQ(last.payload.value(QStringLiteral("form")).toInt(), 21);
    EXPECT_EQ(last.payload.value(QStringLiteral("task_uuid")).toString(), task);
    EXPECT_EQ(last.payload.value(QStringLiteral("entries")).toObject().value(QStringLiteral("comm")).toString(),
              QStringLiteral("载波"));
}

TEST_F(FormEntriesTest, BadInputIsRefusedWithAReasonAndWritesNothing)
{
    const QString job = jobUuid(makeTask(1));
    const qint64 before = outboxRows();
    auto unknownJob = store().formEntries().save(8, FormOwner::job(QStringLiteral("no-such-job")),
                                                 {{QStringLiteral("remark"), QStringLiteral("x")}}, {});
    ASSERT_FALSE(unknownJob.ok());
    EXPECT_EQ(unknownJob.error().code, QStringLiteral("store.bad_input"));
    EXPECT_TRUE(unknownJob.error().message.contains(QStringLiteral("no-such-job")));
    auto badForm = store().formEntries().save(32, FormOwner::job(job), {}, {});
    ASSERT_FALSE(badForm.ok());
    EXPECT_TRUE(badForm.error().message.contains(QStringLiteral("32")));
    auto badKey = store().formEntries().save(8, FormOwner::job(job), {{QStringLiteral("Bad Key"), QStringLiteral("x")}}, {});
    ASSERT_FALSE(badKey.ok());
    EXPECT_TRUE(badKey.error().message.contains(QStringLiteral("Bad Key")));
    auto tooLong = store().formEntries().save(8, FormOwner::job(job), {{QStringLiteral("remark"), QString(5000, QLatin1Char('x'))}}, {});
    ASSERT_FALSE(tooLong.ok());
    EXPECT_TRUE(tooLong.error().message.contains(QStringLiteral("remark")));
    EXPECT_FALSE(store().formEntries().load(8, FormOwner{}).ok());
    EXPECT_EQ(outboxRows(), before);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM form_entries")), 0);
}

TEST_F(FormEntriesTest, AFullDiskFailsTheSaveAndKeepsTheLastSavedVersion)
{
    // GIVEN a saved form on a database capped just above its size (as a full disk would)
    const QString job = jobUuid(makeTask(3));
    ASSERT_TRUE(store().formEntries().save(8, FormOwner::job(job), {{QStringLiteral("remark"), QStringLiteral("第一版")}}, {}).ok());
    close();
    qint64 pages = 0;
    {
        sqlite3 *db = nullptr;
        sqlite3_open(QFile::encodeName(dbPath()).constData(), &db);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &st, nullptr);
        sqlite3_step(st);
        pages = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    StoreOptions options;
    options.database.maxPageCount = pages + 2;
    reopen(options);
    // WHEN ever bigger edits are saved until the disk is "full"
    Error error;
    int saved = 0;
    QString lastSaved = QStringLiteral("第一版");
    for (int i = 0; i < 500; ++i) {
        QHash<QString, QString> typed;
        for (int k = 0; k <= i; ++k)
            typed.insert(QStringLiteral("note_%1").arg(k), QString(3000, QChar(u'记')));
        auto r = store().formEntries().save(8, FormOwner::job(job), typed, {});
        if (!r.ok()) {
            error = r.error();
            break;
        }
        ++saved;
        lastSaved = typed.value(QStringLiteral("note_0"));
    }
    // THEN the failing save says store.disk_full, and the last good version is intact with one
    // outbox row per saved version
    ASSERT_EQ(error.code, QStringLiteral("store.disk_full")) << error.message.toStdString();
    EXPECT_FALSE(error.message.isEmpty());
    auto loaded = store().formEntries().load(8, FormOwner::job(job));
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->version, saved + 1);
    EXPECT_EQ(loaded->entries.value(saved ? QStringLiteral("note_0") : QStringLiteral("remark")), lastSaved);
    EXPECT_EQ(outboxRows(), saved + 1);
    EXPECT_TRUE(store().database().integrityCheck().ok());
}
