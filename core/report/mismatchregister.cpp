#include "report/mismatchregister.h"

#include "report/reportlog.h"
#include "store/store.h"

namespace ms {

MismatchRegister::MismatchRegister(Store &store, const MismatchCalculator &calculator,
                                   const Catalog *catalog)
    : m_store(store), m_calc(calculator), m_catalog(catalog)
{
}

Result<MismatchOutcome> MismatchRegister::assess(RowId customerId)
{
    auto customer = m_store.tasks().customer(customerId);
    if (!customer)
        return customer.error();
    const auto earlier = m_store.mismatch().forCustomer(customerId);
    if (!earlier)
        return earlier.error();
    MismatchInfo info = earlier.value().value_or(MismatchInfo{});
    info.customerId = customerId;

    // Readings from 6.1 when the mismatch fields do not hold them yet.
    if ((!info.mechanicalRegister || !info.remainingEnergy) && m_catalog) {
        const auto job = m_store.jobs().forCustomer(customerId);
        if (!job && job.error().code != QLatin1String("store.not_found"))
            return job.error(); // a failed read is not "no job yet"
        if (job) {
            auto evidence = m_store.evidence().list(RecordOwner::job(job->id));
            if (!evidence)
                return evidence.error();
            for (const Evidence &e : evidence.value()) {
                if (e.kind != EvidenceKind::MeterReading)
                    continue;
                const Card *card = m_catalog->card(e.cardId);
                const EvidenceRequirement *req = card ? card->requirement(e.requirement) : nullptr;
                const QString reg = e.meta.value(QLatin1String("register"))
                                        .toString(req ? req->registerName : QString());
                bool ok = false;
                const double value = e.value.toDouble(&ok);
                if (!ok)
                    continue;
                if (reg == QLatin1String("mechanical_register") && !info.mechanicalRegister)
                    info.mechanicalRegister = value;
                else if (reg == QLatin1String("remaining_energy") && !info.remainingEnergy)
                    info.remainingEnergy = value;
            }
        }
    }

    MismatchInput input;
    input.accountNo = customer->accountNo;
    const auto purchase = m_store.mismatch().purchase(customer->accountNo);
    if (!purchase)
        return purchase.error();
    if (purchase.value())
        input.cumulativePurchased = purchase.value()->cumulativeKwh;
    input.mechanicalRegister = info.mechanicalRegister;
    input.remainingEnergy = info.remainingEnergy;

    MismatchOutcome out;
    out.customerId = customerId;
    out.accountNo = customer->accountNo;
    auto computed = m_calc.compute(input);
    if (computed) {
        out.result = computed.value();
        info.difference = computed->difference;
        info.tier = computed->tier.id;
        info.note = computed->baselineKnown ? QString()
                                            : QStringLiteral("baseline: register reading itself");
    } else {
        out.problem = computed.error();
        info.difference.reset();
        info.tier = out.needsPurchaseRecord() ? QString::fromLatin1(kNeedsPurchaseRecordTier) : QString();
        info.note = computed.error().message;
        qCInfo(lcReport).noquote() << computed.error().message;
    }
    auto saved = m_store.mismatch().save(info);
    if (!saved)
        return saved.error();
    if (out.result && customer->mismatchFlag != out.result->flagged()) {
        Customer c = customer.value();
        c.mismatchFlag = out.result->flagged();
        auto updated = m_store.tasks().updateCustomer(c);
        if (!updated)
            return updated.error();
    }
    return out;
}

Result<MismatchSummary> MismatchRegister::assessTask(RowId taskId)
{
    MismatchSummary summary;
    auto customers = m_store.tasks().customers(taskId);
    if (!customers)
        return customers.error();
    for (const Customer &c : customers.value()) {
        auto outcome = assess(c.id);
        if (!outcome)
            return outcome.error();
        if (outcome->result)
            ++(outcome->flagged() ? summary.flagged : summary.consistent);
        else if (outcome->needsPurchaseRecord())
            ++summary.needsPurchaseRecord;
        else
            ++summary.needsReadings;
        summary.outcomes.append(outcome.value());
    }
    return summary;
}

} // namespace ms
