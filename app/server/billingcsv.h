#pragma once
// The billing export for the marketing system: UTF-8 CSV with a BOM (so Excel opens it as
// UTF-8), CRLF line ends, RFC 4180 quoting; the column layout is docs/billing-export.md.
#include "serverstore/officejobstore.h"

#include <QByteArray>
#include <QStringList>

namespace ms::server {

QStringList billingCsvHeader();
QByteArray billingCsv(const ExportResult &batch);

} // namespace ms::server
