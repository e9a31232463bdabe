#pragma once
// Helpers every test may use: where the source tree's data lives, and isolated temp dirs.
#include <QString>

namespace ms::test {

QString sourceDir();   // project root
QString formsDir();    // <root>/forms
QString testDataDir(); // <root>/tests/data
QString binaryDir();   // the build tree root (to find meterswapctl, meterswap-office, ...)
QString executable(const QString &name); // full path of a built program, e.g. "meterswapctl"

} // namespace ms::test
