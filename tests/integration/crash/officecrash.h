#pragma once
// The office crash harness (issue 12, "Tests and figures"): the real meterswap-office serves a
// tablet store on loopback; each round the tablet captures a little more and syncs, and the
// server is SIGKILLed at a random moment of that sync (seeded; the seed is in the report), then
// started again on the same port while the client keeps retrying. After every kill, with the
// server down:
//   - every record the tablet holds as confirmed is in the office database at its version, and
//     every file the tablet holds as uploaded is recorded there (what the office acknowledged
//     survived);
//   - `meterswap-office verify --data DIR` passes.
// At the end a last sync runs undisturbed, and the office holds every tablet record exactly once
// (same uuids, same versions, nothing extra), every file, and verify passes.
// Used by the ctest (a few kills) and by bench_crash (200).
#include <QString>
#include <QStringList>
#include <functional>

namespace ms::test {

struct OfficeCrashOptions
{
    QString workDir; // the office and tablet data directories are made under it
    int kills = 10;
    quint32 seed = 0;            // 0 = pick one (printed in the report)
    int maxDelayMs = 250;        // kill after 0..maxDelayMs from the sync's start
    bool verifyEveryKill = true; // run `meterswap-office verify` after each kill (~0.1 s each)
    std::function<void(const QString &)> progress;
};

struct OfficeCrashReport
{
    quint32 seed = 0;
    int kills = 0;
    int killsMidSync = 0;   // the sync had not finished when the server died
    int syncsCompleted = 0; // rounds whose sync still ended well (resumed after the restart)
    qint64 elapsedMs = 0;
    qint64 records = 0;         // records on the tablet at the end
    qint64 files = 0;           // evidence files on the tablet at the end
    qint64 confirmedChecks = 0; // confirmed records / uploaded files checked at the office, summed
    int verifyRuns = 0;
    QStringList problems; // empty = every check held
};

OfficeCrashReport runOfficeCrash(const OfficeCrashOptions &options);

} // namespace ms::test
