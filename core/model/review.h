#pragma once
// 内勤审核 on the tablet: the office's decision on one submission of a job (pulled, never pushed:
// docs/sync-protocol.md "Reviews") and the job's state as crews and the office speak of it
// (not_started … submitted, sent_back, resubmitted, approved), from the job's own status, its
// submission round and the latest decision.
//
//   const JobState s = jobStateOf(job, latestVerdict);   // e.g. JobState::SentBack
//   jobStateKey(s) == "sent_back"
#include "model/types.h"

#include <QList>
#include <optional>

namespace ms {

enum class ReviewDecision { Approved, SentBack };
QString reviewDecisionKey(ReviewDecision d); // "approved" | "sent_back"
std::optional<ReviewDecision> reviewDecisionFromKey(const QString &key);

// One item the office sent back: a card's requirement (its `key` in the card file) and why.
struct ReviewItem
{
    QString card;
    QString requirement;
    QString reason;
};

// 审核结论 — one office decision on one submission round of a job.
struct JobReview
{
    RowId id = 0;          // local arrival order
    QString uuid;          // the decision's uuid (made by the office client)
    QString jobUuid;
    QString customerUuid;
    int submission = 0;    // the round it judged (1 = first submission)
    ReviewDecision decision = ReviewDecision::Approved;
    QList<ReviewItem> items; // sent_back only
    QString by;            // office user name
    QDateTime at;          // when the office decided
    QDateTime receivedAt;  // when this tablet stored it
    // Evidence rows up to this id existed when the review arrived: a row of a sent-back item
    // with a higher id re-does the item (local ids, so no clock is compared).
    RowId evidenceMark = 0;
    int version = 1;
};

// The decision and round of a job's latest review (what a job list needs).
struct ReviewVerdict
{
    ReviewDecision decision = ReviewDecision::Approved;
    int submission = 0;
};

enum class JobState {
    NotStarted, InProgress, WaitingAppointment, Submitted, SentBack, Resubmitted, Approved
};
QString jobStateKey(JobState s); // "not_started", "in_progress", … "approved"

// approved: the latest review approved; sent_back: it sent back the current round;
// resubmitted: it sent back an earlier round; submitted: a round with no review yet; else the
// job's walk (a job done in the field but never submitted counts as in_progress).
JobState jobStateOf(const Job &job, const std::optional<ReviewVerdict> &latest);

} // namespace ms
