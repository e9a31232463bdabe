#include "commands.h"

#include <cstdio>

namespace ms::ctl {

// Not built yet: owned by the issue that delivers 'form'. Fails loudly rather than pretending.
int formCommand(const QStringList &)
{
    std::fprintf(stderr, "meterswapctl form: not available in this build yet\n");
    return ExitFailed;
}

} // namespace ms::ctl
