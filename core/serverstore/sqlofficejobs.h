#pragma once
// OfficeJobStore on the office's database (the connection of its SqlOfficeStore).
// Reads: sqlofficejobs.cpp; decisions, exports, progress: sqlofficedecisions.cpp.
#include "serverstore/jobprojection.h"
#include "serverstore/officejobstore.h"
#include "serverstore/sqlconnection.h"

namespace ms::server {

class SqlOfficeJobs final : public OfficeJobStore
{
public:
    SqlOfficeJobs(SqlConnection &db, JobProjection &projection);

    Result<QueuePage> reviewQueue(const QueueFilter &filter) override;
    Result<QList<BillingRow>> billingQueue(const QueueFilter &filter) override;
    Result<std::optional<JobPicture>> job(const QString &uuid) override;
    Result<BillingRow> billingFigures(const JobHead &head) override;
    Result<DecisionOutcome> decide(const DecisionRequest &request) override;
    Result<ExportResult> exportBilling(const QString &batch, const QString &byUser,
                                       const QString &byDevice) override;
    Result<QList<ExportLogEntry>> exportLog() override;
    Result<Progress> progress(const ProgressFilter &filter) override;

    // SELECT of a JobHead's columns from office_jobs j (append WHERE …); read with readHead.
    static QString headSelect();
    static JobHead readHead(const SqlStatement &s);

private:
    // Jobs in `states`, filtered, oldest submission first; one more than the limit.
    Result<QList<JobHead>> heads(const QStringList &states, const QueueFilter &filter);
    Result<std::optional<JobHead>> head(const QString &uuid);
    Result<QList<OfficeDecision>> decisions(const QString &jobUuid);
    Result<QList<JobEvidence>> evidence(const QString &jobUuid); // by card, then capture time
    Result<BillingRow> billingRow(const QString &jobUuid);

    SqlConnection &m_db;
    JobProjection &m_projection;
};

} // namespace ms::server
