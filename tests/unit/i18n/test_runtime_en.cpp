// GIVEN the English translator the tablet ships (:/i18n/meterswap_en.qm) is installed
// WHEN a store, report or sync error is built deep in core code (outside any QObject)
// THEN its message is English: the context tr() uses at run time is the one lupdate recorded.
// Also checks that the helper-context check in test_translations.cpp can fail.
#include "report/formspec.h"
#include "store/csvimport.h"
#include "sync/wire.h"
#include "trhelpers.h"
#include "tsfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <gtest/gtest.h>

#include <algorithm>

using namespace ms;
using namespace ms::test;

namespace {

class EnglishErrors : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_translator.load(QStringLiteral(":/i18n/meterswap_en.qm")));
        ASSERT_TRUE(QCoreApplication::installTranslator(&m_translator));
    }
    void TearDown() override { QCoreApplication::removeTranslator(&m_translator); }

    // English = something was said, and no Han character is left in it.
    static void expectEnglish(const QString &message)
    {
        static const QRegularExpression han(QStringLiteral("\\p{Han}"));
        EXPECT_FALSE(message.trimmed().isEmpty());
        EXPECT_FALSE(han.match(message).hasMatch()) << "still Chinese: " << message.toStdString();
    }

    QTranslator m_translator;
};

TEST_F(EnglishErrors, StoreCsvImportProblem)
{
    const CustomerCsv empty = parseCustomerCsv(QByteArray());
    ASSERT_EQ(empty.problems.size(), 1);
    expectEnglish(empty.problems.first().message);
    EXPECT_TRUE(empty.problems.first().message.contains(QLatin1String("empty")))
        << empty.problems.first().message.toStdString();

    const CustomerCsv badHeader = parseCustomerCsv(QByteArrayLiteral("account_no,nonsense\n1,2\n"));
    // (the "missing column" problems quote the Chinese column names a file may use, so only
    // the unknown-column one is all English)
    const auto unknown = std::find_if(badHeader.problems.cbegin(), badHeader.problems.cend(),
                                      [](const CsvProblem &p) { return p.column == 2; });
    ASSERT_NE(unknown, badHeader.problems.cend());
    expectEnglish(unknown->message);
    EXPECT_TRUE(unknown->message.contains(QLatin1String("nonsense"))) << unknown->message.toStdString();
}

TEST_F(EnglishErrors, ReportFormParserProblem)
{
    const auto spec = FormLibrary::parse(
        QByteArrayLiteral(R"({"number": 40, "title": "T", "scope": "job",
                              "blocks": [{"type": "bogus"}]})"),
        QStringLiteral("form40.json"));
    ASSERT_FALSE(spec.ok());
    expectEnglish(spec.error().message);
    EXPECT_TRUE(spec.error().message.contains(QLatin1String("1 to 31"))) << spec.error().message.toStdString();
}

TEST_F(EnglishErrors, SyncWireDecodeProblem)
{
    const auto notObject = sync::decodePushBatch(QByteArrayLiteral("[]"));
    ASSERT_FALSE(notObject.ok());
    expectEnglish(notObject.error().message);

    const auto badJson = sync::decodePushBatch(QByteArrayLiteral("{"));
    ASSERT_FALSE(badJson.ok());
    expectEnglish(badJson.error().message);
}

// GIVEN a source file whose bare tr() calls go to a helper with a fixed context
// WHEN lupdate filed one of its texts under the enclosing class instead
// THEN the check names the file, the line and both contexts.
TEST(TrHelperCheck, ReportsATextFiledUnderAnotherContext)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("foo.cpp"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("namespace ms {\n"
            "namespace {\n"
            "QString tr(const char *text)\n"
            "{\n"
            "    return QCoreApplication::translate(\"ms::Foo\", text);\n"
            "}\n"
            "} // namespace\n"
            "QString Bar::hello() { return tr(\"hello\"); }\n"
            "QString Bar::bye() { return QCoreApplication::translate(\"ms::Bar\", \"bye\"); }\n"
            "}\n");
    f.close();
    const QList<TrHelper> helpers = findTrHelpers({path});
    ASSERT_EQ(helpers.size(), 1);
    EXPECT_EQ(helpers.first().line, 3);
    EXPECT_EQ(helpers.first().context, QStringLiteral("ms::Foo"));

    TsFile fresh;
    TsMessage hello;
    hello.context = QStringLiteral("ms::Bar");
    hello.source = QStringLiteral("hello");
    hello.locations = {{path, 8}};
    TsMessage bye = hello;
    bye.source = QStringLiteral("bye");
    bye.locations = {{path, 9}};
    fresh.messages = {hello, bye};
    const QStringList wrong = helperContextMismatches(fresh, helpers);
    ASSERT_EQ(wrong.size(), 1) << wrong.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(wrong.first().contains(QStringLiteral("foo.cpp:8")));
    EXPECT_TRUE(wrong.first().contains(QStringLiteral("ms::Foo")));

    hello.context = QStringLiteral("ms::Foo"); // where the helper looks: fine
    fresh.messages = {hello, bye};
    EXPECT_TRUE(helperContextMismatches(fresh, helpers).isEmpty());
}

} // namespace
