#pragma once
// Shared by the meter and the concentrator simulators of `meterswapctl simulate`.
#include <QJsonObject>
#include <QStringList>

namespace ms::meter {
class SimulatorRunner;
}

namespace ms::ctl {

// Prints `ready` as one JSON line, runs until SIGTERM/SIGINT, closes (removing the link).
int runSimulatorUntilSignal(meter::SimulatorRunner &runner, const QJsonObject &ready);
// `meterswapctl simulate --protocol gdw1376.1 …` (simulateconcentrator.cpp).
int simulateConcentrator(const QStringList &args);

} // namespace ms::ctl
