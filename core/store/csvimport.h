#pragma once
// CSV import of a task's customers (docs/csv-import.md) and of purchase records (appendix 4).
// UTF-8 with or without BOM, comma separated, RFC 4180 quoting, header row with the documented
// column names (Chinese or English). Every problem is reported as "FILE:LINE:COLUMN: message",
// all at once, and nothing is imported while any problem remains.
#include "model/result.h"
#include "model/types.h"
#include "store/storetypes.h"
#include "store/taskrepository.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms {

struct CsvProblem
{
    int line = 0;      // 1-based physical line
    int column = 0;    // 1-based field index (0 = whole line)
    QString message;   // translated
};

struct CustomerCsv
{
    QList<Customer> customers;
    QList<CsvProblem> problems;
};

struct PurchaseCsv
{
    QList<PurchaseRecord> records;
    QList<CsvProblem> problems;
};

// Parses; never throws, never crashes on any input.
CustomerCsv parseCustomerCsv(const QByteArray &bytes);
PurchaseCsv parsePurchaseCsv(const QByteArray &bytes);

// Joins problems as "FILE:LINE:COLUMN: message" lines (the Error message import shows).
QString formatCsvProblems(const QString &fileName, const QList<CsvProblem> &problems);

// Low level: one record per inner list, with the physical line each record starts on.
struct CsvRow
{
    int line = 0;
    QStringList fields;
};
Result<QList<CsvRow>> readCsv(const QByteArray &bytes); // error: unterminated quote, with line

class Store;
// Reads FILE and imports its customers into `task` (created if new), one transaction.
// Errors: "store.bad_input" with every problem listed, or the store's own errors.
Result<TaskImportResult> importCustomerCsvFile(Store &store, const Task &task,
                                               const QString &filePath);
Result<int> importPurchaseCsvFile(Store &store, const QString &filePath);

} // namespace ms
