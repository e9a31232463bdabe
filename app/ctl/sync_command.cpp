#include "commands.h"

#include <cstdio>

namespace ms::ctl {

// Not built yet: owned by the issue that delivers 'sync'. Fails loudly rather than pretending.
int syncCommand(const QStringList &)
{
    std::fprintf(stderr, "meterswapctl sync: not available in this build yet\n");
    return ExitFailed;
}

} // namespace ms::ctl
