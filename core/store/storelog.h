#pragma once
// The store's logging category: QT_LOGGING_RULES="meterswap.store.debug=true" to see it.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
