#include "commands.h"

#include <cstdio>

namespace ms::ctl {

// Not built yet: owned by the issue that delivers 'simulate'. Fails loudly rather than pretending.
int simulateCommand(const QStringList &)
{
    std::fprintf(stderr, "meterswapctl simulate: not available in this build yet\n");
    return ExitFailed;
}

} // namespace ms::ctl
