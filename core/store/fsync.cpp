#include "store/fsync.h"

#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace ms::storeutil {

bool fsyncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace ms::storeutil
