#pragma once
// Column lists and row readers shared by the repositories (internal to core/store).
#include "model/types.h"
#include "store/database.h"

namespace ms::rows {

// "c.id, c.uuid, ..." — 21 columns, read with customerFrom(q, first).
extern const char *const kCustomerColumns;
constexpr int kCustomerColumnCount = 21;
Customer customerFrom(const Statement &q, int first);

// "j.id, j.uuid, ..." — 12 columns.
extern const char *const kJobColumns;
constexpr int kJobColumnCount = 14;
Job jobFrom(const Statement &q, int first);

// The lower-cased text the job search matches.
QString searchText(const Customer &c);

QString paymentKey(PaymentType p);

} // namespace ms::rows
