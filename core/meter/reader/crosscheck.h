#pragma once
// Plausibility checks on a reading before it goes into the job (读数核对). Warnings, not errors:
// the installer sees them, may re-read, and may save anyway (the warning is saved with it).
#include "meter/reader/reading.h"

#include <QList>
#include <QString>

#include <optional>

namespace ms::meter {

struct CrossCheckInput
{
    QString meter;                     // "old" (止码) | "new" (起码)
    QString expectedAddress;           // the job's meter communication address ("" = unknown)
    std::optional<double> lastBilled;  // old meter: last billed reading, kWh (from the task)
    double newMeterMaxStart = 1.0;     // kWh a new meter may already show
    double tariffTolerance = 0.05;     // kWh between total and the sum of T1..T4
};

struct CrossCheckWarning
{
    QString code;    // "address_mismatch", "new_meter_not_zero", "below_last_billed", "tariff_sum"
    QString message; // translated, says what to do
};

QList<CrossCheckWarning> crossCheck(const SwapSetReading &reading, const CrossCheckInput &input);

} // namespace ms::meter
