#pragma once
// Logging category of the meter subsystem (link, reader, simulator): meterswap.meter.
#include <QLoggingCategory>

namespace ms::meter {
Q_DECLARE_LOGGING_CATEGORY(lcMeter)
} // namespace ms::meter
