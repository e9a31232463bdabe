#pragma once
// Numbers the warehouse types or scans: meter asset numbers (10–24 digits, as on cards 21.4 /
// 24.3) and seal numbers (6–16 capital letters or digits, as on 29.1), each given alone or as a
// range "FROM-TO" of numbers that differ only in their trailing digits:
//   expandStockNumbers({"BJ0012001-BJ0012003"}, StockKind::Seal)
//       // → {"BJ0012001", "BJ0012002", "BJ0012003"}
#include "model/result.h"

#include <QStringList>

namespace ms::server {

enum class StockKind { Meter, Seal };

inline constexpr qint64 kMaxStockRange = 100000; // numbers in one range

// Trims each item, drops empty ones and repeats (first order kept). "stock.bad_number" names
// the item (1-based) and says what a number of this kind looks like.
Result<QStringList> expandStockNumbers(const QStringList &items, StockKind kind);

} // namespace ms::server
