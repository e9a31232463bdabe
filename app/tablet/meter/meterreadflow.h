#pragma once
// Wires the meter-read page into the job: builds the evidence rows (one per register read plus one
// file with every raw frame) and the factory the shell puts into AppContext::meterRead.
//   ms::meter::ProtocolMemory memory;               // lives as long as the app
//   ctx.meterRead = ms::makeMeterReadFactory(ctx, memory);
#include "appcontext.h"
#include "meter/reader/cross_check.h"
#include "meter/reader/protocol_memory.h"
#include "store/storetypes.h"

namespace ms {

// Setting keys of the meter page (device-local).
namespace meterkeys {
inline constexpr const char *kPort = "meter.port";             // last port used
inline constexpr const char *kLink = "meter.link";             // "infrared" | "rs485"
inline constexpr const char *kAssetRule = "meter.asset_rule";  // "tail" | "tail-1" | "contains"
} // namespace meterkeys

// The rows saved in ONE transaction: kind meter_frames (a JSON file with every frame, hex and
// timestamps) and kind meter_reading per register (forward_total, forward_t1..t4, reverse_total,
// remaining_energy, remaining_money). The register the card asks for carries the requirement key;
// the others carry "<key>.<register>". Every reading row names the frames row in meta.frames.
QList<NewEvidence> meterEvidence(const MeterReadRequest &request, const meter::SwapSetReading &reading,
                                 const QList<meter::CrossCheckWarning> &warnings, const QString &assetNo);

MeterReadFactory makeMeterReadFactory(AppContext &ctx, meter::ProtocolMemory &memory);

} // namespace ms
