#pragma once
// Protocol-neutral entry points over all three codecs: decode any frame (telling 645-2007,
// 645-1997, 698.45 and Q/GDW 376.1 apart) and encode a read request from text arguments.
// Used by `meterswapctl frame`, evidence display and tests.
#include "meter/dlt645/common.h"

#include <string_view>

namespace ms::meter {

// One whole frame (FE preamble allowed). Q/GDW 376.1 frames: Fault::OtherProtocol.
Outcome<Message> decodeAnyFrame(ByteView bytes);

// Read request for `item` (DI or OAD text) to `address` (12 digits MSD first; "AAAAAAAAAAAA"
// or "" for the wildcard) in `protocol`, with the 4 × FE preamble. Fault::InvalidArgument when
// the address or item text does not fit the protocol.
Outcome<Bytes> encodeReadRequest(Protocol protocol, std::string_view address,
                                 std::string_view item);

} // namespace ms::meter
