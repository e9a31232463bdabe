#pragma once
// Wires the meter-read page into the open job: the factory the shell puts into
// AppContext::meterRead. A reading is saved through the job service (JobSession::addMeterRead:
// the frames file and every register, one transaction, on the job or the task the card belongs
// to); the last port used is remembered.
//   ms::meter::ProtocolMemory memory;               // lives as long as the app
//   ctx.meterRead = ms::makeMeterReadFactory(ctx, memory);
#include "appcontext.h"
#include "meter/reader/protocolmemory.h"
#include "service/devicesettings.h" // the meter setting keys

namespace ms {

MeterReadFactory makeMeterReadFactory(AppContext &ctx, meter::ProtocolMemory &memory);

} // namespace ms
