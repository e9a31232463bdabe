#include "model/result.h"
#include "model/types.h"

#include <gtest/gtest.h>

using namespace ms;

TEST(ModelTypes, JobStatusKeysRoundTrip)
{
    for (auto s : {JobStatus::NotStarted, JobStatus::InProgress, JobStatus::WaitingAppointment,
                   JobStatus::Done}) {
        const QString key = jobStatusKey(s);
        ASSERT_FALSE(key.isEmpty());
        EXPECT_EQ(jobStatusFromKey(key), s);
    }
    EXPECT_FALSE(jobStatusFromKey(QStringLiteral("finished")).has_value());
}

TEST(ModelTypes, EvidenceKindKeysRoundTrip)
{
    EXPECT_EQ(evidenceKindKey(EvidenceKind::SealNumber), QStringLiteral("seal_number"));
    EXPECT_EQ(evidenceKindFromKey(QStringLiteral("meter_frames")), EvidenceKind::MeterFrames);
    EXPECT_FALSE(evidenceKindFromKey(QStringLiteral("selfie")).has_value());
}

TEST(ModelResult, CarriesValueOrError)
{
    Result<int> good(42);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 42);
    Result<int> bad(makeError(QStringLiteral("x.y"), QStringLiteral("broken")));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, QStringLiteral("x.y"));
    Result<void> fine;
    EXPECT_TRUE(fine.ok());
}
