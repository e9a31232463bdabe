// Short versions of the crash harnesses (the bench target runs 1,000 and 200 kills):
// GIVEN a child capturing through the real Store WHEN it is SIGKILLed at random moments THEN every
// commit it acknowledged is there after each restart, integrity_check is ok and no evidence file
// is missing or dangling; GIVEN a tablet syncing WHEN the office server is SIGKILLed at random
// moments and restarted THEN what the office acknowledged survives each kill, verify passes, and
// at the end the office holds every record exactly once.
#include "ackharness.h"
#include "officecrash.h"

#include <QTemporaryDir>
#include <cstdio>
#include <gtest/gtest.h>

using namespace ms::test;

TEST(CrashAck, EveryAcknowledgedCaptureSurvivesSigkill)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    AckCrashOptions o;
    o.writer = QStringLiteral(MS_ACK_WRITER);
    o.workDir = dir.path();
    o.kills = 20;
    const AckCrashReport r = runAckCrash(o);
    std::printf("crash_ack: seed %u, %d kills in %lld ms, %lld evidence + %lld step commits "
                "acknowledged, %lld acknowledged-record checks\n",
                r.seed, r.kills, static_cast<long long>(r.elapsedMs),
                static_cast<long long>(r.evidenceAcked), static_cast<long long>(r.stepsAcked),
                static_cast<long long>(r.ackChecks));
    EXPECT_TRUE(r.problems.isEmpty()) << "seed " << r.seed << ":\n"
                                      << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(r.kills, o.kills);
    EXPECT_GT(r.evidenceAcked, 0) << "the child must have done real work";
}

// The harness itself: a writer that says "saved" before the commit loses acknowledged captures
// when killed, and the harness must say so (else a clean run above would prove nothing).
TEST(CrashAck, TheHarnessCatchesAWriterThatAcknowledgesBeforeCommitting)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    AckCrashOptions o;
    o.writer = QStringLiteral(MS_ACK_WRITER);
    o.workDir = dir.path();
    o.kills = 40;
    o.seed = 12;
    o.writerArguments = {QStringLiteral("--ack-before-commit")};
    const AckCrashReport r = runAckCrash(o);
    ASSERT_FALSE(r.problems.isEmpty()) << "40 kills of an early-acknowledging writer lost nothing?";
    EXPECT_TRUE(r.problems.first().contains(QStringLiteral("is gone")))
        << r.problems.first().toStdString();
}

TEST(CrashAck, WhatTheOfficeAcknowledgedSurvivesSigkillAndEndsExactlyOnce)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    OfficeCrashOptions o;
    o.workDir = dir.path();
    o.kills = 8;
    const OfficeCrashReport r = runOfficeCrash(o);
    std::printf("crash_office: seed %u, %d kills (%d mid-sync) in %lld ms, %lld records and %lld "
                "files exactly once, %d verify runs\n",
                r.seed, r.kills, r.killsMidSync, static_cast<long long>(r.elapsedMs),
                static_cast<long long>(r.records), static_cast<long long>(r.files), r.verifyRuns);
    EXPECT_TRUE(r.problems.isEmpty()) << "seed " << r.seed << ":\n"
                                      << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(r.kills, o.kills);
    EXPECT_GT(r.records, 0);
}
