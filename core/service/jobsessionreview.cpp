// JobSession and the office's review (内勤审核): the approved lock and the supersede of a
// sent-back item's earlier evidence.
#include "service/jobsession.h"

#include "store/store.h"

namespace ms {

ReviewStatus JobSession::review() const
{
    if (m_taskSession)
        return {};
    return reviewStatusOf(m_data, m_catalog);
}

Result<void> JobSession::checkNotApproved() const
{
    if (m_taskSession)
        return {};
    auto latest = m_store.reviews().latestForJob(m_data.job.uuid);
    if (!latest)
        return latest.error();
    if (!latest.value() || latest.value()->decision != ReviewDecision::Approved)
        return {};
    const JobReview &r = *latest.value();
    return makeError(QStringLiteral("job.approved"),
                     tr("该工单已审核通过，不能再修改（%1 于 %2 审核通过）：如需更正，请联系内勤。")
                         .arg(r.by.isEmpty() ? tr("内勤") : r.by,
                              r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

Result<void> JobSession::markSupersedes(QList<NewEvidence> &items) const
{
    if (m_taskSession)
        return {};
    auto latest = m_store.reviews().latestForJob(m_data.job.uuid);
    if (!latest)
        return latest.error();
    auto job = m_store.jobs().byId(m_data.job.id);
    if (!job)
        return job.error();
    const std::optional<JobReview> &review = latest.value();
    // Only while the current round is sent back: a re-do replaces what the office judged.
    if (!review || review->decision != ReviewDecision::SentBack
        || job->submission > review->submission)
        return {};
    QSet<QString> taken;
    for (NewEvidence &n : items) {
        if (!n.supersedes.isEmpty())
            continue;
        const auto item = std::find_if(review->items.cbegin(), review->items.cend(),
                                       [&](const ReviewItem &i) {
                                           return belongsToItem(i, n.record.cardId,
                                                                n.record.requirement);
                                       });
        if (item == review->items.cend())
            continue;
        auto current = m_store.evidence().list(ownerOf(n.record.cardId), n.record.cardId);
        if (!current)
            return current.error();
        n.supersedes =
            supersedeTarget(*review, current.value(), n.record.cardId, n.record.requirement, taken);
        if (!n.supersedes.isEmpty())
            taken.insert(n.supersedes);
    }
    return {};
}

} // namespace ms
