#include "meter/dlt698/parser.h"

namespace ms::dlt698 {

namespace {
std::size_t declaredLength(ByteView b)
{
    return b.size() < 3 ? b.size() : std::size_t((b[1] | b[2] << 8) & 0x3FFF) + 2;
}

// The header (through HCS) is in and its CRC is right: a real frame has started.
bool headerComplete(ByteView b)
{
    if (b.size() < 5)
        return false;
    const std::size_t headerEnd = 6 + std::size_t(b[4] & 0x0F) + 1 + 2;
    if (b.size() < headerEnd)
        return false;
    const std::uint16_t hcs = crc16x25(b.subspan(1, headerEnd - 3));
    return hcs == std::uint16_t(b[headerEnd - 2] | b[headerEnd - 1] << 8);
}

} // namespace

std::optional<std::size_t> StreamCodec::brokenLength(ByteView view, const meter::CodecError &error)
{
    // Only once the header CRC was right is it a broken frame rather than noise.
    if (error.fault != meter::Fault::BadFrameCrc && error.fault != meter::Fault::BadEnd)
        return std::nullopt;
    return declaredLength(view);
}

bool StreamCodec::hadStarted(ByteView view)
{
    return headerComplete(view);
}

} // namespace ms::dlt698
