#pragma once
// Who acts through the job service: recorded on every step and evidence row (uuid; empty for
// meterswapctl's demo data) and burned into photo watermarks (name).
#include <QString>

namespace ms {

struct Actor
{
    QString uuid;
    QString name;
};

} // namespace ms
