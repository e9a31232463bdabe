#pragma once
// Fills a FormContext from the store: the task, its customers and jobs, the job's readings,
// scanned numbers and signatures (evidence, interpreted through the catalog's requirements),
// seals, purchase records and mismatch results, and the unit from settings.
//
// Settings read (device settings, SettingsRepository): "unit.name" 供电单位, "unit.station"
// 供电所, "unit.phone" 服务电话 (default 95598), "unit.contractor" 施工单位.
#include "catalog/catalog.h"
#include "model/result.h"
#include "report/cardvalues.h"
#include "report/formcontext.h"
#include "report/formspec.h"
#include "store/formentryrepository.h"
#include "workflow/mismatchconfig.h"

#include <QDate>

namespace ms {

class Store;

class FormContextBuilder
{
public:
    // `catalog` maps evidence to what it means (which meter, which register, which signer);
    // without it only evidence that names these in its meta is used. Both must outlive this.
    // `tiers` (optional) turns stored tier ids into the office's tier names.
    FormContextBuilder(Store &store, const Catalog *catalog, const MismatchConfig *tiers = nullptr);

    // The printed date (defaults to today).
    void setDate(const QDate &date) { m_date = date; }

    // A job: its own values plus its task's lists. Errors "report.not_found".
    Result<FormContext> forJob(RowId jobId);
    // A task: task values and the "customers"/"tasks" lists. Errors "report.not_found".
    Result<FormContext> forTask(RowId taskId);
    // What `meterswapctl form pdf` does: a job form needs a job (error "report.needs_job"
    // otherwise); any other form uses the task (given, or the job's); a static form (publicity)
    // needs neither and then gets only the unit and the date.
    // Also loads what was typed on the form's screen and saved (FormEntryRepository) into
    // `entries`, so the print shows it.
    Result<FormContext> forForm(const FormSpec &form, RowId jobId, RowId taskId);

    // Whose typed entries a form keeps: the job for a job form, otherwise the task (given, or
    // the job's). Errors as forForm ("report.needs_job", "report.needs_task", "report.not_found").
    Result<FormOwner> ownerFor(const FormSpec &form, RowId jobId, RowId taskId);

private:
    Result<void> addUnit(FormContext &ctx); // unit.* from settings, doc.date, doc.year
    Result<void> addTask(FormContext &ctx, const Task &task); // a failed read is an error
    // One customer's row; adds what the job's cards recorded to `taskRecorded` when given, and
    // what the job sends back to the store to `returns` (附录24: the old meter of a swapped job,
    // each faulty new meter 21.4 sent back).
    Result<FormRow> customerRow(const Customer &customer, RecordedValues *taskRecorded = nullptr,
                                QList<FormRow> *returns = nullptr);

    static QList<FormRow> faultyMeterRows(const QList<Evidence> &evidence,
                                          const QHash<QString, QString> &customer);

    Store &m_store;
    const Catalog *m_catalog;
    const MismatchConfig *m_tiers;
    QDate m_date = QDate::currentDate();
};

} // namespace ms
