#include "meter/gdw1376/parser.h"

namespace ms::gdw1376 {

std::optional<std::size_t> StreamCodec::brokenLength(ByteView view, const meter::CodecError &error)
{
    if (error.fault == meter::Fault::Garbage || view.size() < 6)
        return std::nullopt; // noise, not a frame
    return (std::size_t(view[1] | view[2] << 8) >> 2) + 8;
}

bool StreamCodec::hadStarted(ByteView view)
{
    return view.size() >= 6 && view[5] == 0x68 && view[1] == view[3] && view[2] == view[4];
}

} // namespace ms::gdw1376
