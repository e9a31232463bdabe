// meterswapctl catalog validate / list: the command-line contract (exit codes, stdout, stderr).
#include "catalogfixture.h"
#include "common/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <gtest/gtest.h>

namespace {

struct CtlRun
{
    int exit = -1;
    QString out;
    QString err;
};

CtlRun ctl(const QStringList &args)
{
    QProcess p;
    p.start(ms::test::executable(QStringLiteral("meterswapctl")), QStringList{"catalog"} + args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST(CatalogCli, ValidateCleanFolderExitsZero)
{
    const CtlRun r = ctl({"validate", ms::test::minimalCatalogDir()});
    EXPECT_EQ(r.exit, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

TEST(CatalogCli, ValidatePrintsOneLinePerProblemAndExitsOne)
{
    ms::test::CatalogFixture f;
    ASSERT_EQ(f.setJson("cards/2.json", "/cards/1/role", QStringLiteral("electrician")), QString());
    ASSERT_EQ(f.setJson("cards/2.json", "/cards/0/evidence/0/kind", QStringLiteral("picture")), QString());
    const CtlRun r = ctl({"validate", f.root()});
    EXPECT_EQ(r.exit, 1);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << r.out.toStdString();
    EXPECT_TRUE(lines.at(0).startsWith("cards/2.json: 2.1: evidence[0].kind: "));
    EXPECT_TRUE(lines.at(1).startsWith("cards/2.json: 2.2: role: "));
    EXPECT_TRUE(r.err.contains("2 problem(s)"));
}

TEST(CatalogCli, ListJsonHasOneObjectPerCardWithCounts)
{
    const CtlRun r = ctl({"list", "--json", ms::test::minimalCatalogDir()});
    ASSERT_EQ(r.exit, 0) << r.err.toStdString();
    const QJsonArray cards = QJsonDocument::fromJson(r.out.toUtf8()).array();
    ASSERT_EQ(cards.size(), 4);
    const QJsonObject c = cards.at(1).toObject();
    EXPECT_EQ(c.value("id").toString(), "2.1");
    EXPECT_EQ(c.value("flow").toString(), "2");
    EXPECT_EQ(c.value("phase").toString(), "field");
    EXPECT_EQ(c.value("role").toString(), "installer");
    EXPECT_EQ(c.value("title").toString(), "抄读旧表");
    EXPECT_EQ(c.value("steps").toInt(), 2);
    EXPECT_EQ(c.value("checkpoints").toInt(), 1);
    EXPECT_EQ(c.value("precautions").toInt(), 1);
    EXPECT_EQ(c.value("evidence").toInt(), 4);
}

TEST(CatalogCli, BuiltInCatalogListsAllDefinedCards)
{
    const CtlRun r = ctl({"list", "--json"});
    ASSERT_EQ(r.exit, 0) << r.err.toStdString();
    const QJsonArray cards = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QStringList ids;
    for (const QJsonValue &v : cards)
        ids.append(v.toObject().value("id").toString());
    EXPECT_TRUE(ids.contains("21.9"));
    EXPECT_TRUE(ids.contains("30.2"));
}

TEST(CatalogCli, BadUsageExitsTwo)
{
    EXPECT_EQ(ctl({}).exit, 2);
    EXPECT_EQ(ctl({"frobnicate"}).exit, 2);
    EXPECT_EQ(ctl({"list", "--jsn"}).exit, 2);
    EXPECT_EQ(ctl({"validate", "a", "b"}).exit, 2);
}
