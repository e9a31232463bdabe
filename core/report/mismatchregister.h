#pragma once
// The 机电不符 register (flows 7.1 and 7.2, appendix 28) over the store: for each customer it
// takes the purchase record (5.1) and the old meter's mechanical register and remaining energy
// (6.1: the stored mismatch fields, else the job's 6.1 readings), computes the difference energy
// with MismatchCalculator, saves it with its tier, and sets the customer's mismatch flag so the
// workflow routes the job through 22–26. A customer without a purchase record is saved with the
// tier "needs_purchase_record", a message, and no difference; the flag is left as it was.
#include "catalog/catalog.h"
#include "model/result.h"
#include "workflow/mismatch.h"

#include <QList>
#include <QString>

namespace ms {

class Store;

struct MismatchOutcome
{
    RowId customerId = 0;
    QString accountNo;
    std::optional<MismatchResult> result; // set when the difference could be computed
    Error problem;                        // set otherwise: what is missing and what to do
    bool flagged() const { return result && result->flagged(); }
    bool needsPurchaseRecord() const { return problem.code == QLatin1String(kMismatchNoPurchaseRecord); }
};

struct MismatchSummary
{
    QList<MismatchOutcome> outcomes;
    int flagged = 0;
    int consistent = 0;
    int needsPurchaseRecord = 0;
    int needsReadings = 0;
};

class MismatchRegister
{
public:
    // `catalog` (optional) finds the 6.1 readings among a job's evidence.
    MismatchRegister(Store &store, const MismatchCalculator &calculator, const Catalog *catalog);

    // One customer: compute, save (MismatchInfo) and set the flag. Store errors are returned;
    // a missing record or reading is an outcome with `problem` set (and is saved as such).
    Result<MismatchOutcome> assess(RowId customerId);
    // Every customer of a task.
    Result<MismatchSummary> assessTask(RowId taskId);

private:
    Store &m_store;
    const MismatchCalculator &m_calc;
    const Catalog *m_catalog;
};

} // namespace ms
