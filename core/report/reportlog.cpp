#include "report/reportlog.h"

namespace ms {
Q_LOGGING_CATEGORY(lcReport, "meterswap.report", QtWarningMsg)
}
