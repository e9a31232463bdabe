// GIVEN a task export whose rows after the header are all blank (found by fuzz_task_csv)
// WHEN the office imports it THEN it is refused with a message naming the file, and nothing is
// stored (it used to import a task with no code and an empty uuid, handed to every tablet).
#include "integration/sync/officeprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms::test;

TEST(OfficeImport, AFileWithOnlyBlankRowsIsRefusedAndStoresNothing)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString csv = dir.path() + QStringLiteral("/tasks.csv");
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("task_code,task_name,account_no,customer_name\r\n\r\n\r\n");
    f.close();
    const QString data = dir.path() + QStringLiteral("/office");
    const ProcessResult r =
        runOffice({QStringLiteral("import-task"), QStringLiteral("--data"), data, csv});
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains("tasks.csv")) << r.err.toStdString();
    const QJsonObject stats = runOffice({QStringLiteral("stats"), QStringLiteral("--data"), data,
                                         QStringLiteral("--json")})
                                  .json();
    EXPECT_EQ(stats.value(QStringLiteral("tasks")).toInt(-1), 0);
}
