#pragma once
// The acknowledged-crash harness (issue 12, "Tests and figures"): a child process (ack_writer)
// captures and commits through the real Store and prints every commit it was told succeeded; the
// parent SIGKILLs it at random moments (seeded; the seed is in the report) and after every kill
// opens the store as the app does at start-up and checks:
//   - every acknowledged evidence row and step record is there, with its outbox row;
//   - PRAGMA integrity_check is ok;
//   - no evidence file is missing (each row's file exists, has its size and, once, its hash);
//   - none is dangling (every file under evidence/ but a temporary is named by a row).
// Used by the ctest (a few dozen kills) and by bench_crash (1,000).
#include <QString>
#include <QStringList>
#include <functional>

namespace ms::test {

struct AckCrashOptions
{
    QString writer;  // path of ack_writer
    QString workDir; // data directories are made under it
    int kills = 20;
    quint32 seed = 0;            // 0 = pick one (printed in the report)
    int maxDelayMs = 400;        // kill after 0..maxDelayMs from the child's start
    int killsPerDataDir = 100;   // start a fresh data directory after this many (bounds the size)
    QStringList writerArguments; // extra (the harness's self-test: --ack-before-commit)
    std::function<void(const QString &)> progress; // a line now and then (may be empty)
};

struct AckCrashReport
{
    quint32 seed = 0;
    int kills = 0;
    qint64 elapsedMs = 0;
    qint64 evidenceAcked = 0; // acknowledged evidence rows, summed over data directories
    qint64 stepsAcked = 0;    // acknowledged step commits
    qint64 ackChecks = 0;     // acknowledged records checked, summed over kills
    qint64 filesHashed = 0;
    int killsDuringStartup = 0; // the child had acknowledged nothing yet
    QStringList problems;       // empty = every check held after every kill
};

AckCrashReport runAckCrash(const AckCrashOptions &options);

} // namespace ms::test
