#pragma once
// Q/GDW 1376.1 frames and data units as the JSON `meterswapctl frame decode` prints
// ({"protocol": "gdw1376.1", "afn", "units": [{"pn", "fn", "value"}], ...}).
#include "meter/gdw1376/dataunits.h"

#include <QJsonObject>

namespace ms::ctl {

QJsonObject gdw1376Json(const gdw1376::Frame &frame, const std::vector<gdw1376::DataUnit> &units);
QJsonValue gdw1376UnitValueJson(const gdw1376::UnitValue &value);

} // namespace ms::ctl
