#include "store/choicerepository.h"

#include "store/jobrepository.h"
#include "store/storeutil.h"
#include "store/taskcardrepository.h"

namespace ms {

Result<void> ChoiceRepository::set(const RecordOwner &owner, const QString &cardId,
                                   const QString &choice, const QString &reason,
                                   const QString &userUuid)
{
    if (!owner.isValid())
        return storeutil::badInput(
            storeutil::Tr::tr("选择没有记在哪个工单或任务上：请重新打开工单后再选。"));
    // The one place that knows where each owner keeps its choices.
    if (owner.isTask()) {
        auto r = m_taskCards.setChoice(owner.taskId, cardId, choice, reason, userUuid);
        return r ? Result<void>() : Result<void>(r.error());
    }
    auto r = m_jobs.recordBranch(owner.jobId, cardId, choice, reason);
    return r ? Result<void>() : Result<void>(r.error());
}

} // namespace ms
