#pragma once
#include <QLoggingCategory>

namespace ms {
Q_DECLARE_LOGGING_CATEGORY(lcReport) // "meterswap.report"
}
