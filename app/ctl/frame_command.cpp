#include "commands.h"

#include <cstdio>

namespace ms::ctl {

// Not built yet: owned by the issue that delivers 'frame'. Fails loudly rather than pretending.
int frameCommand(const QStringList &)
{
    std::fprintf(stderr, "meterswapctl frame: not available in this build yet\n");
    return ExitFailed;
}

} // namespace ms::ctl
