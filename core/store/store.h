#pragma once
// The tablet's offline store: one SQLite file + content-addressed evidence files in a data dir.
// Every change goes through a repository, runs in one transaction with its outbox row, and the
// Store emits a change signal after the commit (never for a rolled-back change).
//
//   auto opened = ms::Store::open(dir);
//   if (!opened) { show(opened.error().message); return; }
//   std::unique_ptr<ms::Store> store = std::move(opened).value();
//   if (!store->openNotice().message.isEmpty()) show(store->openNotice().message);
//   auto jobs = store->jobs().list(ms::JobQuery().matching(QStringLiteral("安贞")).page(50));
//   if (!jobs) show(jobs.error().message); // a read can fail too (locked, damaged): never "none"
// User actions on a job or a task (a step, evidence, a choice, completing a card) go through the
// job service (core/service/jobsession.h), which makes each of them one transaction.
#include "store/choicerepository.h"
#include "store/database.h"
#include "store/evidencefiles.h"
#include "store/evidencerepository.h"
#include "store/formentryrepository.h"
#include "store/jobrepository.h"
#include "store/mismatchrepository.h"
#include "store/officedeskrepository.h"
#include "store/outboxchain.h"
#include "store/outboxrepository.h"
#include "store/reviewrepository.h"
#include "store/sealrepository.h"
#include "store/settingsrepository.h"
#include "store/steprepository.h"
#include "store/stockrepository.h"
#include "store/storetypes.h"
#include "store/taskcardrepository.h"
#include "store/taskrepository.h"
#include "store/userrepository.h"

#include <QObject>
#include <QStringList>
#include <memory>

namespace ms {

struct StoreOptions
{
    QString dataDir;                    // empty → defaultDataDir()
    DatabaseOptions database;           // busy timeout, quick check, (tests) max page count
    EvidenceFiles::WriteFault writeFault; // tests only: inject ENOSPC into evidence writes
    bool sweepOnOpen = true;            // interrupted writes, orphans to quarantine (SweepPlan)
};

class Store : public QObject
{
    Q_OBJECT
public:
    // Opens DIR/meterswap.db (+ DIR/evidence/), creating both; migrates; sweeps (never deleting
    // evidence by a guess: see SweepPlan). A corrupt database is moved aside and a fresh one
    // started, with every evidence file left in place: see openNotice(), DatabaseRescue. A file
    // that cannot be opened, read or written fails with a message and nothing is touched.
    static Result<std::unique_ptr<Store>> open(const StoreOptions &options = {});
    static Result<std::unique_ptr<Store>> open(const QString &dataDir);

    // QStandardPaths::AppDataLocation.
    static QString defaultDataDir();
    // The value of `--data DIR` / `--data=DIR` in args, or defaultDataDir(). For executables
    // that do not use QCommandLineParser; those that do should add an option named "data".
    static QString dataDirFromArguments(const QStringList &args);
    static constexpr const char *kDatabaseFileName = "meterswap.db";
    // Setting set when evidence files were found that this database cannot account for: the
    // sweep then never moves an orphan (support clears it once the files are sorted out).
    static constexpr const char *kSweepHoldKey = "store.evidence_sweep_hold";

    ~Store() override;

    QString dataDir() const { return m_dataDir; }
    const OpenNotice &openNotice() const { return m_notice; }
    const SweepReport &sweepReport() const { return m_sweep; }

    Database &database() { return *m_db; }
    EvidenceFiles &files() { return m_files; }

    UserRepository &users() { return m_users; }
    TaskRepository &tasks() { return m_tasks; }
    JobRepository &jobs() { return m_jobs; }
    EvidenceRepository &evidence() { return m_evidence; }
    SealRepository &seals() { return m_seals; }
    MismatchRepository &mismatch() { return m_mismatch; }
    OutboxRepository &outbox() { return m_outbox; }
    OutboxChain &outboxChain() { return m_chain; } // this device's key and record chain
    SettingsRepository &settings() { return m_settings; }
    FormEntryRepository &formEntries() { return m_formEntries; }
    TaskCardRepository &taskCards() { return m_taskCards; } // task-level cards (scope "task")
    StepRepository &steps() { return m_steps; }             // step ticks of a job or a task
    StockRepository &stock() { return m_stock; }            // issued to the crews, pulled
    ReviewRepository &reviews() { return m_reviews; }       // the office's decisions, pulled
    ChoiceRepository &choices() { return m_choices; }       // a decision's choice, job or task
    // The office workstation's cached answers and unsent decisions (device-local).
    OfficeDeskRepository &officeDesk() { return m_officeDesk; }

signals:
    void usersChanged();
    void taskChanged(ms::RowId taskId);          // task or its customer list imported/changed
    void customerChanged(ms::RowId customerId);
    void jobChanged(ms::RowId jobId);            // status, current card, branch, appointment
    void stepChanged(ms::RowId jobId, const QString &cardId, int stepIndex);
    void evidenceAdded(ms::RowId jobId, const QString &cardId);
    void sealsChanged(ms::RowId jobId);
    void mismatchChanged(ms::RowId customerId);  // purchase records or mismatch fields
    void settingChanged(const QString &key);
    void outboxChanged();                        // rows appended or confirmed
    // A task-level card's ticks, evidence, seals, choice or completion changed ("" = a seal).
    void taskCardChanged(ms::RowId taskId, const QString &cardId);

private:
    void sweepEvidence();
    Store(QString dataDir, std::unique_ptr<Database> db, EvidenceFiles files, OpenNotice notice);

    QString m_dataDir;
    std::unique_ptr<Database> m_db;
    EvidenceFiles m_files;
    OpenNotice m_notice;
    SweepReport m_sweep;
    int m_lockFd = -1; // shared flock on DIR/meterswap.lock while open; exclusive = may sweep
    OutboxChain m_chain;
    OutboxRepository m_outbox;
    UserRepository m_users;
    TaskRepository m_tasks;
    JobRepository m_jobs;
    EvidenceRepository m_evidence;
    SealRepository m_seals;
    MismatchRepository m_mismatch;
    SettingsRepository m_settings;
    FormEntryRepository m_formEntries;
    TaskCardRepository m_taskCards;
    StepRepository m_steps;
    ReviewRepository m_reviews;
    StockRepository m_stock;
    ChoiceRepository m_choices;
    OfficeDeskRepository m_officeDesk;
};

} // namespace ms
