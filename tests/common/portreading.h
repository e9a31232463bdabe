#pragma once
// A read over the meter's port as MeterReader hands it over, without a meter: a 2007 meter at
// 201000000012 with its total and T1..T4 (1234.56, 400, 500, 234.56, 100 kWh) and one raw frame.
#include "meter/reader/reading.h"

#include <QDateTime>

namespace ms::test {

inline meter::SwapSetReading portReading()
{
    meter::SwapSetReading reading;
    reading.protocol = meter::Protocol::Dlt645_2007;
    reading.address = QStringLiteral("201000000012");
    meter::ItemReading energy;
    energy.key = QStringLiteral("forward_active");
    energy.status = meter::ItemReading::Status::Ok;
    for (const char *v : {"1234.56", "400.00", "500.00", "234.56", "100.00"}) {
        meter::ReadValue value;
        value.text = QString::fromLatin1(v);
        value.number = value.text.toDouble();
        value.unit = QStringLiteral("kWh");
        energy.values.append(value);
    }
    reading.items.append(energy);
    reading.frames.append({meter::RawFrame::Direction::Tx, QByteArray::fromHex("68AA16"),
                           QDateTime::currentDateTimeUtc()});
    return reading;
}

} // namespace ms::test
