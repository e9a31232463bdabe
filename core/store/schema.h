#pragma once
// The tablet store's schema as an append-only list of migrations (internal to core/store).
#include "store/database.h"

namespace ms {

QList<Migration> storeMigrations();

} // namespace ms
