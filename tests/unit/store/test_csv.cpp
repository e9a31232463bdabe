// CSV import of a task's customers and of purchase records: precise FILE:LINE:COLUMN errors.
#include "common/storefixture.h"

#include "store/csvimport.h"

#include "common/resultvalue.h"
#include "common/testenv.h"

#include <QFile>

using namespace ms;
using namespace ms::test;

namespace {
const QByteArray kBom = "\xEF\xBB\xBF";
const QByteArray kHeader = "户号,户名,地址,电话,表箱号,付费方式,旧表资产编号,上次抄见示数,机电不符\r\n";

QString problems(const QList<CsvProblem> &p)
{
    return formatCsvProblems(QStringLiteral("t.csv"), p);
}
} // namespace

TEST(CustomerCsv, ReadsUtf8WithBomCrlfAndQuotedFields)
{
    const QByteArray csv = kBom + kHeader
        + "0100000001,王建国,\"北京市朝阳区安贞里3号楼1单元101室, 东侧\",13800138000,01-01,预付费,"
          "1100000143210000100000,1234.56,否\r\n"
          "0100000002,\"李\"\"秀英\"\"\",\"多行\n地址\",,01-02,后付费,,,是\r\n"
          "\r\n";
    const CustomerCsv r = parseCustomerCsv(csv);
    ASSERT_TRUE(r.problems.isEmpty()) << problems(r.problems).toStdString();
    ASSERT_EQ(r.customers.size(), 2);
    const Customer &a = r.customers[0];
    EXPECT_EQ(a.accountNo, QStringLiteral("0100000001"));
    EXPECT_EQ(a.address, QStringLiteral("北京市朝阳区安贞里3号楼1单元101室, 东侧"));
    EXPECT_EQ(a.payment, PaymentType::Prepaid);
    EXPECT_EQ(a.oldMeter.commAddress, QStringLiteral("210000100000")); // tail of the asset number
    EXPECT_DOUBLE_EQ(a.lastBilledReading.value(), 1234.56);
    EXPECT_FALSE(a.mismatchFlag);
    const Customer &b = r.customers[1];
    EXPECT_EQ(b.name, QStringLiteral("李\"秀英\""));
    EXPECT_EQ(b.address, QStringLiteral("多行\n地址"));
    EXPECT_EQ(b.payment, PaymentType::Postpaid);
    EXPECT_FALSE(b.lastBilledReading.has_value());
    EXPECT_TRUE(b.mismatchFlag);
}

TEST(CustomerCsv, EnglishHeaderNamesAreAccepted)
{
    const CustomerCsv r = parseCustomerCsv("account_no,name,payment\n42,Li Lei,prepaid\n");
    ASSERT_TRUE(r.problems.isEmpty()) << problems(r.problems).toStdString();
    EXPECT_EQ(r.customers.first().payment, PaymentType::Prepaid);
}

TEST(CustomerCsv, EveryBadCellIsReportedWithLineAndColumn)
{
    const QByteArray csv = kHeader
        + "0100000001,王建国,地址,138-0013-8000,01-01,月结,,12.5,否\r\n"   // line 2: payment (col 6)
          "0100000002,,地址,,01-02,后付费,11000A,,否\r\n"                  // line 3: name (2), asset (7)
          "0100000001,张三,地址,,01-03,后付费,,-3,也许\r\n";               // line 4: dup (1), reading (8), mismatch (9)
    const CustomerCsv r = parseCustomerCsv(csv);
    const QString text = problems(r.problems);
    EXPECT_TRUE(r.customers.isEmpty()); // a row with any problem is not taken
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:2:6: "))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("月结")));
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:3:2: ")));
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:3:7: ")));
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:4:1: ")));
    EXPECT_TRUE(text.contains(QStringLiteral("第 2 行")));
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:4:8: ")));
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:4:9: ")));
    EXPECT_EQ(r.problems.size(), 6);
}

TEST(CustomerCsv, HeaderProblemsNameTheColumn)
{
    const CustomerCsv r = parseCustomerCsv("户号,姓名\n1,张三\n");
    const QString text = problems(r.problems);
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:1:2: "))) << text.toStdString(); // unknown 姓名
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:1:0: ")));                       // missing 户名
    EXPECT_TRUE(text.contains(QStringLiteral("户名")));
    EXPECT_TRUE(r.customers.isEmpty());
}

TEST(CustomerCsv, GbkFileUnterminatedQuoteEmptyFileAndExtraFieldsAreExplained)
{
    // "户号,户名\n1,张三\n" in GBK
    const QByteArray gbk = "\xBB\xA7\xBA\xC5,\xBB\xA7\xC3\xFB\n1,\xD5\xC5\xC8\xFD\n";
    const CustomerCsv g = parseCustomerCsv(gbk);
    ASSERT_EQ(g.problems.size(), 1);
    EXPECT_EQ(g.problems.first().line, 1);
    EXPECT_TRUE(g.problems.first().message.contains(QStringLiteral("UTF-8")));

    const CustomerCsv q = parseCustomerCsv("户号,户名\n1,\"张三\n2,李四\n");
    ASSERT_EQ(q.problems.size(), 1);
    EXPECT_TRUE(q.problems.first().message.contains(QStringLiteral("第 2 行")));

    EXPECT_FALSE(parseCustomerCsv("").problems.isEmpty());
    EXPECT_FALSE(parseCustomerCsv(kBom).problems.isEmpty());
    EXPECT_FALSE(parseCustomerCsv("户号,户名\n").problems.isEmpty());

    const CustomerCsv x = parseCustomerCsv("户号,户名\n1,张三,北京\n");
    ASSERT_EQ(x.problems.size(), 1);
    EXPECT_EQ(x.problems.first().line, 2);
    EXPECT_EQ(x.problems.first().column, 3);
}

TEST(CustomerCsv, ArbitraryBytesNeverCrash)
{
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(char((i * 131 + 7) % 256));
    (void)parseCustomerCsv(junk);
    (void)parseCustomerCsv("\"\"\"\",,,\n,\n\"");
    (void)parsePurchaseCsv(junk);
    SUCCEED();
}

TEST_F(StoreTest, ImportingABadCsvFileImportsNothingAndAGoodOneCreatesJobs)
{
    const QString path = dir() + QStringLiteral("/customers.csv");
    auto write = [&](const QByteArray &bytes) {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    };
    Task t;
    t.name = QStringLiteral("CSV 任务");
    write(kHeader + "1,张三,,,,预付费,,,否\n2,,,,,,,,\n");
    auto bad = importCustomerCsvFile(store(), t, path);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.startsWith(QStringLiteral("customers.csv:3:2: ")))
        << bad.error().message.toStdString();
    EXPECT_TRUE(test::valueOf(store().tasks().list()).isEmpty());

    write(kBom + kHeader + "1,张三,,,,预付费,,,否\n2,李四,,,,,,,\n");
    auto good = importCustomerCsvFile(store(), t, path);
    ASSERT_TRUE(good.ok()) << good.error().message.toStdString();
    EXPECT_EQ(good->jobsCreated, 2);
    EXPECT_EQ(importCustomerCsvFile(store(), t, dir() + QStringLiteral("/nope.csv")).error().code,
              QStringLiteral("store.bad_input"));
}

TEST_F(StoreTest, PurchaseCsvIsParsedAndImported)
{
    const PurchaseCsv r = parsePurchaseCsv(
        "户号,累计购电量,最后购电日期,购电次数\n0100000005,5230.5,2026-09-01,17\n"
        "0100000006,,2026/9/2,x\n");
    ASSERT_EQ(r.records.size(), 1);
    const QString text = problems(r.problems);
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:3:2: "))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("t.csv:3:4: ")));
    EXPECT_EQ(r.records.first().lastPurchaseDate, QDate(2026, 9, 1));

    const QString path = dir() + QStringLiteral("/purchases.csv");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("account_no,cumulative_kwh,last_purchase_date,purchase_count\n7,100,2026/9/2,3\n");
    f.close();
    EXPECT_EQ(importPurchaseCsvFile(store(), path).value(), 1);
    EXPECT_EQ(test::valueOf(store().mismatch().purchase(QStringLiteral("7")))->lastPurchaseDate, QDate(2026, 9, 2));
}

// Found by tests/fuzz/fuzz_purchase_csv: a 户号 twice was taken, the second row silently
// replacing the first. The file is refused, naming both lines, and nothing is imported.
TEST_F(StoreTest, PurchaseCsvWithAnAccountTwiceIsRefused)
{
    const QString path = dir() + QStringLiteral("/purchases.csv");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("户号,累计购电量,最后购电日期,购电次数\n3100123457,4210.00,2026-09-30,23\n"
            "3100123457,1880.5,2026/8/2,9\n");
    f.close();
    auto imported = importPurchaseCsvFile(store(), path);
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error().code, QStringLiteral("store.bad_input"));
    EXPECT_TRUE(imported.error().message.contains(QStringLiteral("purchases.csv:3:1: ")))
        << imported.error().message.toStdString();
    EXPECT_TRUE(imported.error().message.contains(QStringLiteral("第 2 行")));
    EXPECT_FALSE(test::valueOf(store().mismatch().purchase(QStringLiteral("3100123457"))).has_value());
}

TEST_F(StoreTest, ExampleFilesShippedInResourcesDemoImportCleanly)
{
    Task t;
    t.name = QStringLiteral("示例任务");
    auto customers = importCustomerCsvFile(
        store(), t, sourceDir() + QStringLiteral("/resources/demo/customers-example.csv"));
    ASSERT_TRUE(customers.ok()) << customers.error().message.toStdString();
    EXPECT_EQ(customers->jobsCreated, 5);
    auto purchases = importPurchaseCsvFile(
        store(), sourceDir() + QStringLiteral("/resources/demo/purchases-example.csv"));
    ASSERT_TRUE(purchases.ok()) << purchases.error().message.toStdString();
    EXPECT_EQ(purchases.value(), 3);
}
