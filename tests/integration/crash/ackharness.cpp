#include "ackharness.h"

#include "model/sha256.h"
#include "store/store.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>

#include <csignal>

namespace ms::test {

namespace {

struct AckedEvidence
{
    QString sha256;
    qint64 size = 0;
};

struct AckedStep
{
    int version = 0;
    bool done = false;
};

// What one data directory has been told so far, and which files were already re-hashed.
struct Acks
{
    QHash<QString, AckedEvidence> evidence; // uuid → what was acknowledged
    QHash<QString, AckedStep> steps;        // uuid → newest acknowledged version
    QSet<QString> hashed;                   // sha256s whose file was re-hashed and matched
};

// Reads "E uuid sha size" / "S uuid version done" lines; a torn last line is ignored (it was
// never acknowledged: the child died while printing it).
int parseAcks(const QByteArray &out, Acks &acks, qint64 &evidence, qint64 &steps)
{
    int lines = 0;
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() != 4)
            continue;
        ++lines;
        if (f[0] == "E") {
            acks.evidence.insert(QString::fromLatin1(f[1]),
                                 {QString::fromLatin1(f[2]), f[3].toLongLong()});
            ++evidence;
        } else if (f[0] == "S") {
            AckedStep &s = acks.steps[QString::fromLatin1(f[1])];
            if (f[2].toInt() >= s.version)
                s = {f[2].toInt(), f[3] == "1"};
            ++steps;
        }
    }
    return lines;
}

qint64 scalar(Store &s, const QString &sql, const QString &bind = {})
{
    auto st = s.database().prepare(sql);
    if (!st)
        return -1;
    if (!bind.isNull())
        st.value().bindText(1, bind);
    return st.value().step() ? st.value().integer(0) : -1;
}

bool hashMatches(const QString &path, const QString &sha256)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    Sha256 h;
    return h.addData(&f) && h.hex() == sha256;
}

// Everything the issue asks after a kill; problems are appended, prefixed with the kill number.
void check(Store &store, Acks &acks, int kill, AckCrashReport &report)
{
    const auto problem = [&](const QString &what) {
        report.problems << QStringLiteral("kill %1: %2").arg(kill).arg(what);
    };
    if (auto ok = store.database().integrityCheck(); !ok)
        problem(QStringLiteral("integrity_check: %1").arg(ok.error().message));

    for (auto it = acks.evidence.cbegin(); it != acks.evidence.cend(); ++it) {
        ++report.ackChecks;
        auto row = store.evidence().byUuid(it.key());
        if (!row) {
            problem(QStringLiteral("acknowledged evidence %1 is gone").arg(it.key()));
            continue;
        }
        if (row->sha256 != it->sha256 || row->size != it->size)
            problem(QStringLiteral("evidence %1 names %2 (%3 bytes), acknowledged %4 (%5 bytes)")
                        .arg(it.key(), row->sha256)
                        .arg(row->size)
                        .arg(it->sha256)
                        .arg(it->size));
        if (scalar(store,
                   QStringLiteral(
                       "SELECT count(*) FROM outbox WHERE entity = 'evidence' AND uuid = ?"),
                   it.key()) < 1)
            problem(QStringLiteral("acknowledged evidence %1 has no outbox row").arg(it.key()));
    }
    for (auto it = acks.steps.cbegin(); it != acks.steps.cend(); ++it) {
        ++report.ackChecks;
        auto st = store.database().prepare(
            QStringLiteral("SELECT version, done FROM step_records WHERE uuid = ?"));
        if (!st) {
            problem(st.error().message);
            continue;
        }
        st.value().bindText(1, it.key());
        if (!st.value().step()) {
            problem(QStringLiteral("acknowledged step %1 is gone").arg(it.key()));
            continue;
        }
        const int version = int(st.value().integer(0));
        const bool done = st.value().integer(1) != 0;
        if (version < it->version || (version == it->version && done != it->done))
            problem(QStringLiteral(
                        "step %1 is at version %2 (done %3), acknowledged version %4 (done %5)")
                        .arg(it.key())
                        .arg(version)
                        .arg(done)
                        .arg(it->version)
                        .arg(it->done));
        if (scalar(store,
                   QStringLiteral(
                       "SELECT max(version) FROM outbox WHERE entity = 'step' AND uuid = ?"),
                   it.key()) < it->version)
            problem(QStringLiteral("acknowledged step %1 v%2 has no outbox row")
                        .arg(it.key())
                        .arg(it->version));
    }

    // No evidence file missing: every row's file exists with its size; each file is re-hashed
    // once (a file never changes after its rename, and a later kill cannot touch it).
    auto rows = store.database().prepare(QStringLiteral(
        "SELECT uuid, sha256, size FROM evidence WHERE sha256 IS NOT NULL AND sha256 != ''"));
    if (!rows) {
        problem(rows.error().message);
        return;
    }
    while (rows.value().step()) {
        const QString sha = rows.value().text(1);
        const QString path = store.files().path(sha);
        const QFileInfo fi(path);
        if (!fi.exists() || fi.size() != rows.value().integer(2)) {
            problem(QStringLiteral("evidence %1: file %2 missing or of the wrong size")
                        .arg(rows.value().text(0), path));
            continue;
        }
        if (!acks.hashed.contains(sha)) {
            ++report.filesHashed;
            if (hashMatches(path, sha))
                acks.hashed.insert(sha);
            else
                problem(QStringLiteral("evidence file %1 does not match its hash").arg(path));
        }
    }
    // None dangling: every file under evidence/ but a temporary is named by a row, where it
    // belongs.
    const auto named = store.evidence().referencedBlobs();
    if (!named) {
        problem(QStringLiteral("cannot read which files records name: %1").arg(named.error().message));
        return;
    }
    const QSet<QString> &referenced = named.value();
    QDirIterator it(store.files().rootDir(), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = QFileInfo(path).fileName();
        if (name.startsWith(QLatin1String("tmp-")))
            continue;
        if (!referenced.contains(name) || QFileInfo(path) != QFileInfo(store.files().path(name)))
            problem(QStringLiteral("dangling evidence file %1").arg(path));
    }
}

} // namespace

AckCrashReport runAckCrash(const AckCrashOptions &options)
{
    AckCrashReport report;
    report.seed =
        options.seed ? options.seed : QRandomGenerator::global()->bounded(1u, 0x7fffffffu);
    QRandomGenerator rng(report.seed);
    QElapsedTimer clock;
    clock.start();
    QString dir;
    Acks acks;
    for (int kill = 1; kill <= options.kills; ++kill) {
        if (dir.isEmpty() || (kill - 1) % std::max(1, options.killsPerDataDir) == 0) {
            dir = options.workDir + QStringLiteral("/data-%1").arg(kill, 5, 10, QLatin1Char('0'));
            if (!QDir().mkpath(dir)) {
                report.problems << QStringLiteral("cannot create %1").arg(dir);
                break;
            }
            acks = Acks{};
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(options.writer,
                    QStringList{QStringLiteral("--data"), dir, QStringLiteral("--seed"),
                                QString::number(report.seed + quint32(kill))} +
                        options.writerArguments);
        if (!child.waitForStarted(10000)) {
            report.problems << QStringLiteral("kill %1: writer did not start: %2")
                                   .arg(kill)
                                   .arg(child.errorString());
            break;
        }
        // Keep draining stdout while waiting, so the child never blocks on a full pipe.
        const int delay = int(rng.bounded(options.maxDelayMs + 1));
        QElapsedTimer waited;
        waited.start();
        QByteArray out;
        while (waited.elapsed() < delay && child.state() == QProcess::Running) {
            child.waitForReadyRead(
                int(std::max<qint64>(1, std::min<qint64>(20, delay - waited.elapsed()))));
            out += child.readAllStandardOutput();
        }
        if (child.state() != QProcess::Running) {
            report.problems << QStringLiteral("kill %1: writer exited by itself (code %2)")
                                   .arg(kill)
                                   .arg(child.exitCode());
            break;
        }
        ::kill(pid_t(child.processId()), SIGKILL);
        child.waitForFinished(10000);
        out += child.readAllStandardOutput(); // lines printed before the kill are acknowledged
        ++report.kills;
        if (parseAcks(out, acks, report.evidenceAcked, report.stepsAcked) == 0)
            ++report.killsDuringStartup;

        // Start as the app does (start-up sweep included), then check.
        auto opened = Store::open(dir);
        if (!opened) {
            report.problems << QStringLiteral("kill %1: the store does not open: %2")
                                   .arg(kill)
                                   .arg(opened.error().message);
            break;
        }
        if (opened.value()->openNotice().movedAside)
            report.problems << QStringLiteral("kill %1: the database was moved aside").arg(kill);
        check(*opened.value(), acks, kill, report);
        if (options.progress && (kill % 50 == 0 || kill == options.kills))
            options.progress(QStringLiteral("%1 kills, %2 acknowledged records, %3 problems")
                                 .arg(kill)
                                 .arg(report.evidenceAcked + report.stepsAcked)
                                 .arg(report.problems.size()));
        if (report.problems.size() > 20)
            break; // enough to go on
    }
    report.elapsedMs = clock.elapsed();
    return report;
}

} // namespace ms::test
