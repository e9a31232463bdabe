#include "meter/link/meter_log.h"

namespace ms::meter {
Q_LOGGING_CATEGORY(lcMeter, "meterswap.meter", QtWarningMsg)
} // namespace ms::meter
