// libFuzzer target: the purchase-records CSV (docs/purchase-csv.md, core/store/csvimport.h
// parsePurchaseCsv) on any bytes. Invariants (trap when broken): a file accepted without problems
// yields records with a 户号, unique in the file, and non-negative kWh and counts; every problem
// names a line inside the file and says something.
#include "store/csvimport.h"

#include <QSet>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace ms;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const PurchaseCsv csv = parsePurchaseCsv(bytes);
    const int lines = int(bytes.count('\n')) + 2;
    for (const CsvProblem &p : csv.problems)
        if (p.line < 0 || p.line > lines || p.message.isEmpty())
            __builtin_trap();
    if (csv.problems.isEmpty()) {
        QSet<QString> accounts;
        for (const PurchaseRecord &r : csv.records) {
            if (r.accountNo.trimmed().isEmpty() || accounts.contains(r.accountNo))
                __builtin_trap();
            accounts.insert(r.accountNo);
            if (!(r.cumulativeKwh >= 0) || !std::isfinite(r.cumulativeKwh) || r.purchaseCount < 0)
                __builtin_trap();
        }
    }
    (void)formatCsvProblems(QStringLiteral("purchases.csv"), csv.problems);
    return 0;
}
