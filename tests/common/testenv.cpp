#include "common/testenv.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace ms::test {

QString sourceDir() { return QStringLiteral(MS_SOURCE_DIR); }
QString formsDir() { return QStringLiteral(MS_FORMS_DIR); }
QString testDataDir() { return QStringLiteral(MS_TEST_DATA_DIR); }
QString binaryDir() { return QStringLiteral(MS_BINARY_DIR); }

QString executable(const QString &name)
{
    QDirIterator it(binaryDir() + QStringLiteral("/app"), {name}, QDir::Files | QDir::Executable,
                    QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace ms::test
