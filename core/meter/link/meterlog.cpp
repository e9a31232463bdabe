#include "meter/link/meterlog.h"

namespace ms::meter {
Q_LOGGING_CATEGORY(lcMeter, "meterswap.meter", QtWarningMsg)
} // namespace ms::meter
