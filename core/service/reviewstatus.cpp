#include "service/reviewstatus.h"

#include "catalog/catalog.h"

#include <QCoreApplication>

namespace ms {

namespace {

// lupdate files Tr::tr() under this context.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ReviewStatus)
};

std::optional<JobReview> latestOf(const QList<JobReview> &reviews)
{
    std::optional<JobReview> latest;
    for (const JobReview &r : reviews) // arrival order: a later one of the same round wins
        if (!latest || r.submission >= latest->submission)
            latest = r;
    return latest;
}

} // namespace

QString jobStateText(JobState state)
{
    switch (state) {
    case JobState::NotStarted:
        return Tr::tr("未开始");
    case JobState::InProgress:
        return Tr::tr("进行中");
    case JobState::WaitingAppointment:
        return Tr::tr("待约时");
    case JobState::Submitted:
        return Tr::tr("已送审");
    case JobState::SentBack:
        return Tr::tr("退回");
    case JobState::Resubmitted:
        return Tr::tr("已重新提交");
    case JobState::Approved:
        return Tr::tr("已审核通过");
    }
    return {};
}

bool belongsToItem(const ReviewItem &item, const QString &cardId, const QString &requirement)
{
    return cardId == item.card
           && (requirement == item.requirement
               || requirement.startsWith(item.requirement + QLatin1Char('.')));
}

ReviewStatus reviewStatusOf(const JobRecords &records, const Catalog &catalog)
{
    ReviewStatus s;
    s.latest = latestOf(records.reviews);
    std::optional<ReviewVerdict> verdict;
    if (s.latest)
        verdict = ReviewVerdict{s.latest->decision, s.latest->submission};
    s.state = jobStateOf(records.job, verdict);
    if (s.state != JobState::SentBack)
        return s;
    s.canResubmit = true;
    for (const ReviewItem &item : s.latest->items) {
        SentBackItem i{item, {}, item.requirement, false};
        if (const Card *card = catalog.card(item.card)) {
            i.cardTitle = card->title;
            if (const EvidenceRequirement *req = card->requirement(item.requirement))
                i.label = req->label;
        }
        for (const Evidence &e : records.evidence)
            if (e.id > s.latest->evidenceMark && e.cardId == item.card
                && e.requirement == item.requirement)
                i.redone = true;
        s.canResubmit = s.canResubmit && i.redone;
        s.items << i;
    }
    return s;
}

QString supersedeTarget(const JobReview &review, const QList<Evidence> &current,
                        const QString &cardId, const QString &requirement,
                        const QSet<QString> &taken)
{
    for (const Evidence &e : current) // oldest first
        if (e.id <= review.evidenceMark && e.cardId == cardId && e.requirement == requirement
            && !taken.contains(e.uuid))
            return e.uuid;
    return {};
}

} // namespace ms
