#include "commands.h"

#include <cstdio>

namespace ms::ctl {

// Not built yet: owned by the issue that delivers 'demo'. Fails loudly rather than pretending.
int demoCommand(const QStringList &)
{
    std::fprintf(stderr, "meterswapctl demo: not available in this build yet\n");
    return ExitFailed;
}

} // namespace ms::ctl
