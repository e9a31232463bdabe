// Crash benchmark: the acknowledged-crash harnesses at full length (see
// tests/integration/crash/ackharness.h and officecrash.h). Prints the figures; exits 1 when any
// acknowledged record was lost or any other check failed, naming the seed to reproduce it.
//   bench_crash [--kills 1000] [--office-kills 200] [--seed S] [--max-delay-ms 400]
#include "ackharness.h"
#include "officecrash.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <cstdio>

using namespace ms::test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    for (const char *o : {"kills", "office-kills", "seed", "max-delay-ms"})
        p.addOption(QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("N")));
    p.addHelpOption();
    p.process(app);
    const int kills =
        p.isSet(QStringLiteral("kills")) ? p.value(QStringLiteral("kills")).toInt() : 1000;
    const int officeKills = p.isSet(QStringLiteral("office-kills"))
                                ? p.value(QStringLiteral("office-kills")).toInt()
                                : 200;
    const quint32 seed = p.value(QStringLiteral("seed")).toUInt();
    const auto say = [](const QString &line) {
        std::printf("  %s\n", qPrintable(line));
        std::fflush(stdout);
    };
    int failed = 0;

    if (kills > 0) {
        QTemporaryDir dir;
        AckCrashOptions o;
        o.writer = QStringLiteral(MS_ACK_WRITER);
        o.workDir = dir.path();
        o.kills = kills;
        o.seed = seed;
        if (p.isSet(QStringLiteral("max-delay-ms")))
            o.maxDelayMs = p.value(QStringLiteral("max-delay-ms")).toInt();
        o.progress = say;
        std::printf("tablet: SIGKILL of a capturing process, %d kills\n", kills);
        const AckCrashReport r = runAckCrash(o);
        std::printf("tablet: seed %u: %d kills in %.1f s (%d before the first commit), "
                    "%lld evidence rows + %lld step commits acknowledged, %lld acknowledged-record "
                    "checks, %lld files re-hashed, %lld problems\n",
                    r.seed, r.kills, r.elapsedMs / 1000.0, r.killsDuringStartup,
                    static_cast<long long>(r.evidenceAcked), static_cast<long long>(r.stepsAcked),
                    static_cast<long long>(r.ackChecks), static_cast<long long>(r.filesHashed),
                    static_cast<long long>(r.problems.size()));
        for (const QString &problem : r.problems)
            std::printf("  PROBLEM %s\n", qPrintable(problem));
        failed += int(r.problems.size()) + (r.kills < kills ? 1 : 0);
    }
    if (officeKills > 0) {
        QTemporaryDir dir;
        OfficeCrashOptions o;
        o.workDir = dir.path();
        o.kills = officeKills;
        o.seed = seed;
        o.progress = say;
        std::printf("office: SIGKILL of meterswap-office during sync, %d kills\n", officeKills);
        const OfficeCrashReport r = runOfficeCrash(o);
        std::printf("office: seed %u: %d kills in %.1f s (%d mid-sync, %d syncs still completed "
                    "after a restart), %lld records and %lld files on the office exactly once, "
                    "%lld acknowledged records/files checked after kills, %d verify runs, "
                    "%lld problems\n",
                    r.seed, r.kills, r.elapsedMs / 1000.0, r.killsMidSync, r.syncsCompleted,
                    static_cast<long long>(r.records), static_cast<long long>(r.files),
                    static_cast<long long>(r.confirmedChecks), r.verifyRuns,
                    static_cast<long long>(r.problems.size()));
        for (const QString &problem : r.problems)
            std::printf("  PROBLEM %s\n", qPrintable(problem));
        failed += int(r.problems.size()) + (r.kills < officeKills ? 1 : 0);
    }
    return failed == 0 ? 0 : 1;
}
