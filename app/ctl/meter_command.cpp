#include "commands.h"

#include <cstdio>

namespace ms::ctl {

// Not built yet: owned by the issue that delivers 'meter'. Fails loudly rather than pretending.
int meterCommand(const QStringList &)
{
    std::fprintf(stderr, "meterswapctl meter: not available in this build yet\n");
    return ExitFailed;
}

} // namespace ms::ctl
