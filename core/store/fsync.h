#pragma once
// fsync of a file or a directory by path (internal to core/store): after a rename or a new file,
// the directory must be synced too for the name to survive a power cut.
#include <QString>

namespace ms::storeutil {

bool fsyncPath(const QString &path); // false when it cannot be opened or synced

} // namespace ms::storeutil
