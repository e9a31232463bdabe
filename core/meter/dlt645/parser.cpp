#include "meter/dlt645/parser.h"

namespace ms::dlt645 {

std::optional<std::size_t> StreamCodec::brokenLength(ByteView view, const meter::CodecError &error)
{
    if (error.fault == meter::Fault::Garbage)
        return std::nullopt; // noise, not a frame
    return 12 + std::size_t(view.size() > 9 ? view[9] : 0);
}

bool StreamCodec::hadStarted(ByteView view)
{
    return view.size() >= 8 && view[7] == 0x68; // the second 68 of the header arrived
}

} // namespace ms::dlt645
