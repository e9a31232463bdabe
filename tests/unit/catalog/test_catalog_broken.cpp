// GIVEN the minimal valid catalog changed by one case file from tests/data/catalog/broken/
// WHEN it is loaded THEN exactly the expected problems are reported (file: card: field: message).
#include "catalog/catalogloader.h"
#include "catalogfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace ms;

namespace {

struct BrokenCase
{
    std::string name;
    QJsonObject data;
};

std::vector<BrokenCase> loadCases()
{
    std::vector<BrokenCase> out;
    const QDir dir(test::brokenCasesDir());
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.push_back({QFileInfo(name).baseName().toStdString(),
                       QJsonDocument::fromJson(f.readAll()).object()});
    }
    return out;
}

class BrokenCatalog : public ::testing::TestWithParam<BrokenCase>
{};

} // namespace

TEST(BrokenCatalogCases, ThereAreCasesForEveryKindOfProblem)
{
    EXPECT_GE(loadCases().size(), 18u);
}

TEST_P(BrokenCatalog, ReportsExactlyTheExpectedProblems)
{
    const BrokenCase &c = GetParam();
    ASSERT_FALSE(c.data.isEmpty()) << "case file is not valid JSON: " << c.name;
    test::CatalogFixture fixture;
    ASSERT_EQ(fixture.apply(c.data), QString());

    const CatalogLoad load = CatalogLoader::load(fixture.root());

    QStringList got;
    for (const CatalogProblem &p : load.problems)
        got.append(p.toString());
    const QJsonArray expect = c.data.value(QStringLiteral("expect")).toArray();
    ASSERT_FALSE(expect.isEmpty());
    for (const QJsonValue &e : expect) {
        const QString want = e.toString();
        const bool found = std::any_of(got.cbegin(), got.cend(),
                                       [&](const QString &line) { return line.startsWith(want); });
        EXPECT_TRUE(found) << "missing: " << want.toStdString() << "\n got:\n"
                           << got.join(QLatin1Char('\n')).toStdString();
    }
    EXPECT_EQ(got.size(), expect.size()) << got.join(QLatin1Char('\n')).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenCatalog, ::testing::ValuesIn(loadCases()),
                         [](const ::testing::TestParamInfo<BrokenCase> &param) {
                             return param.param.name;
                         });
