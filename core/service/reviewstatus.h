#pragma once
// Where a job stands with the office's review (内勤审核), from what the store holds: its state
// (submitted, sent_back, …), the items of a send-back with whether each has been re-done, and
// whether 重新提交 is possible. Pure functions over JobRecords, so the job service, the tablet's
// pages and meterswapctl read it the same way.
//
//   const ReviewStatus r = reviewStatusOf(records, catalog);
//   if (r.state == JobState::SentBack) for (const SentBackItem &i : r.items) show(i.label);
#include "model/review.h"
#include "service/jobrecords.h"

#include <QList>
#include <QSet>
#include <optional>

namespace ms {

class Catalog;

struct SentBackItem
{
    ReviewItem item;
    QString cardTitle; // from the catalog ("" when the catalog has no such card)
    QString label;     // the requirement's label, else its key
    bool redone = false; // captured again since the send-back arrived
};

struct ReviewStatus
{
    JobState state = JobState::NotStarted;
    std::optional<JobReview> latest; // the job's latest review
    QList<SentBackItem> items;       // state sent_back: the items of that review, in its order
    bool canResubmit = false;        // sent_back and every item re-done
    bool locked() const { return state == JobState::Approved; }
};

ReviewStatus reviewStatusOf(const JobRecords &records, const Catalog &catalog);

// The state in people's words: 未开始, 进行中, 待约时, 已送审, 退回, 已重新提交, 已审核通过.
QString jobStateText(JobState state);

// True when an evidence row of `requirement` ("old_final_total", or one of its companion rows
// "old_final_total.forward_t1", "old_final_total.frames") belongs to the sent-back item.
bool belongsToItem(const ReviewItem &item, const QString &cardId, const QString &requirement);

// The evidence row a new capture of a sent-back item replaces: the oldest current row of exactly
// that card and requirement that was there when the review arrived and is not in `taken`; ""
// when there is none (an item that was missing is simply captured).
QString supersedeTarget(const JobReview &review, const QList<Evidence> &current,
                        const QString &cardId, const QString &requirement,
                        const QSet<QString> &taken);

} // namespace ms
