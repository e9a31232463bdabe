#include "commands.h"

#include <cstdio>

namespace ms::ctl {

// Not built yet: owned by the issue that delivers 'catalog'. Fails loudly rather than pretending.
int catalogCommand(const QStringList &)
{
    std::fprintf(stderr, "meterswapctl catalog: not available in this build yet\n");
    return ExitFailed;
}

} // namespace ms::ctl
