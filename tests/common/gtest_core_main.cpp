// Shared main for core tests: a QCoreApplication exists before any test runs (MuseScore gmain).
#include <QCoreApplication>
#include <QStandardPaths>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MeterSwapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("meterswap-test"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
