#pragma once
// Reads a task export (CSV, UTF-8, one customer per row) into the assignment rows the office
// store keeps. Columns are named by the header row; see docs/sync-protocol.md "import-task".
#include "model/result.h"
#include "serverstore/officetypes.h"

namespace ms::server {

struct TaskImport
{
    wire::Assignment task;
    QList<wire::Assignment> customers; // each with the row's "installers" (';'-separated) as assignees
    QStringList assignees;       // every row's installers together
};

// Errors name the file, line and column: "tasks.csv:4: account_no: 户号为空".
Result<TaskImport> readTaskCsv(const QString &filePath);

} // namespace ms::server
