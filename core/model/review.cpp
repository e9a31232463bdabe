#include "model/review.h"

#include <array>
#include <utility>

namespace ms {

namespace {
constexpr std::array<std::pair<JobState, const char *>, 7> kJobState{{
    {JobState::NotStarted, "not_started"},
    {JobState::InProgress, "in_progress"},
    {JobState::WaitingAppointment, "waiting_appointment"},
    {JobState::Submitted, "submitted"},
    {JobState::SentBack, "sent_back"},
    {JobState::Resubmitted, "resubmitted"},
    {JobState::Approved, "approved"},
}};
} // namespace

QString reviewDecisionKey(ReviewDecision d)
{
    return d == ReviewDecision::Approved ? QStringLiteral("approved")
                                         : QStringLiteral("sent_back");
}

std::optional<ReviewDecision> reviewDecisionFromKey(const QString &key)
{
    if (key == QLatin1String("approved"))
        return ReviewDecision::Approved;
    if (key == QLatin1String("sent_back"))
        return ReviewDecision::SentBack;
    return std::nullopt;
}

QString jobStateKey(JobState s)
{
    for (const auto &[v, key] : kJobState)
        if (v == s)
            return QString::fromLatin1(key);
    return {};
}

JobState jobStateOf(const Job &job, const std::optional<ReviewVerdict> &latest)
{
    if (latest && latest->decision == ReviewDecision::Approved)
        return JobState::Approved;
    if (latest && latest->decision == ReviewDecision::SentBack)
        return job.submission > latest->submission ? JobState::Resubmitted : JobState::SentBack;
    if (job.submission >= 1)
        return JobState::Submitted;
    switch (job.status) {
    case JobStatus::NotStarted:
        return JobState::NotStarted;
    case JobStatus::WaitingAppointment:
        return JobState::WaitingAppointment;
    case JobStatus::InProgress:
    case JobStatus::Done:
        break;
    }
    return JobState::InProgress;
}

} // namespace ms
