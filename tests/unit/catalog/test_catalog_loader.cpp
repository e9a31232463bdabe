#include "catalog/catalogloader.h"
#include "catalogfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace ms;

TEST(CatalogLoader, MinimalCatalogLoadsWithoutProblems)
{
    // GIVEN the minimal test catalog WHEN loaded
    const CatalogLoad load = CatalogLoader::load(test::minimalCatalogDir());
    // THEN no problems, and every section is read into the value types
    for (const CatalogProblem &p : load.problems)
        ADD_FAILURE() << p.toString().toStdString();
    const Catalog &c = load.catalog;
    EXPECT_EQ(c.entry, "1.1");
    EXPECT_EQ(c.jobEntry, "2.1");
    ASSERT_EQ(c.cards.size(), 4);
    EXPECT_EQ(c.cards.at(0).id, "1.1");
    const Card *card = c.card(QStringLiteral("2.1"));
    ASSERT_NE(card, nullptr);
    EXPECT_EQ(card->file, "cards/2.json");
    EXPECT_EQ(card->steps.size(), 2);
    ASSERT_TRUE(card->decision.has_value());
    EXPECT_EQ(card->decision->id, "presence");
    ASSERT_EQ(card->next.size(), 2);
    EXPECT_EQ(card->next.at(1).wait, "appointment");
    const EvidenceRequirement *photo = card->requirement(QStringLiteral("old_face"));
    ASSERT_NE(photo, nullptr);
    EXPECT_EQ(photo->minCount, 2);
    EXPECT_EQ(photo->kind, EvidenceKind::Photo);
    const EvidenceRequirement *total = card->requirement(QStringLiteral("old_total"));
    ASSERT_NE(total, nullptr);
    EXPECT_EQ(total->decimals, 2);
    EXPECT_EQ(total->max, 999999.99);
    EXPECT_EQ(total->registerName, "forward_total");
    EXPECT_EQ(card->requirement(QStringLiteral("money"))->when, "customer.prepaid");
    EXPECT_FALSE(card->requirement(QStringLiteral("phone"))->required);
    EXPECT_EQ(c.card(QStringLiteral("2.2"))->requirement(QStringLiteral("start"))->plausibleHigh, 1.0);
    EXPECT_EQ(c.card(QStringLiteral("2.3"))->source, "reconstructed");
    EXPECT_EQ(c.phaseOfFlow(QStringLiteral("2"))->id, "field");
    EXPECT_EQ(c.cardsForRole(QStringLiteral("installer")).size(), 3);
    EXPECT_EQ(c.plannedTitle(QStringLiteral("2.2")), "换表");
}

TEST(CatalogLoader, MissingDirectoryIsOneClearProblem)
{
    const CatalogLoad load = CatalogLoader::load(QStringLiteral("/nonexistent/forms"));
    ASSERT_EQ(load.problems.size(), 1);
    EXPECT_TRUE(load.problems.first().message.contains(QStringLiteral("目录不存在")));
}

TEST(CatalogLoader, StrictLoadListsEveryProblemInItsError)
{
    // GIVEN a catalog with two independent mistakes in different files
    test::CatalogFixture f;
    ASSERT_EQ(f.setJson(QStringLiteral("cards/1.json"), QStringLiteral("/cards/0/role"), QStringLiteral("nobody")), QString());
    ASSERT_EQ(f.setJson(QStringLiteral("cards/2.json"), QStringLiteral("/cards/1/steps"), QJsonArray()), QString());
    // WHEN loaded strictly THEN the error names both
    const Result<Catalog> r = CatalogLoader::loadStrict(f.root());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "catalog.invalid");
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("cards/1.json: 1.1: role:")));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("cards/2.json: 2.2: steps:")));
}

TEST(CatalogLoader, BrokenCardStillYieldsTheRestOfTheCatalog)
{
    // GIVEN one card file that is not JSON
    test::CatalogFixture f;
    f.writeText(QStringLiteral("cards/1.json"), "{ \"flow\": \"1\", ");
    // WHEN loaded THEN the other flow's cards are still there for the UI
    const CatalogLoad load = CatalogLoader::load(f.root());
    EXPECT_FALSE(load.ok());
    EXPECT_NE(load.catalog.card(QStringLiteral("2.2")), nullptr);
    EXPECT_EQ(load.catalog.card(QStringLiteral("1.1")), nullptr);
}

TEST(CatalogLoader, EveryFieldWithAWrongTypeIsReportedNeverCrashes)
{
    // GIVEN each field of card 2.1 (and of one requirement and one edge) replaced by each
    // wrong-typed value WHEN loaded THEN a problem names that field, and nothing crashes
    const QStringList cardFields{"id", "flow", "title", "role", "scope", "source", "equipment",
                                 "materials", "documents", "steps", "checkpoints", "precautions",
                                 "illustrations", "evidence", "forms", "decision", "next"};
    const QStringList reqFields{"key", "kind", "label", "required", "min_count", "meter", "register",
                                "unit", "decimals", "min", "max", "plausible", "pattern", "when"};
    const QList<QJsonValue> wrong{QJsonValue(QJsonValue::Null), QJsonValue(QJsonObject{{"x", 1}}),
                                  QJsonValue(QJsonArray{1})};
    test::CatalogFixture f;
    QFile original(f.root() + QStringLiteral("/cards/2.json"));
    ASSERT_TRUE(original.open(QIODevice::ReadOnly));
    const QByteArray pristine = original.readAll();
    int checked = 0;
    auto probe = [&](const QString &pointer, const QString &field) {
        for (const QJsonValue &v : wrong) {
            f.writeText(QStringLiteral("cards/2.json"), pristine);
            ASSERT_EQ(f.setJson(QStringLiteral("cards/2.json"), pointer, v), QString());
            const CatalogLoad load = CatalogLoader::load(f.root());
            const bool named = std::any_of(load.problems.cbegin(), load.problems.cend(),
                                           [&](const CatalogProblem &p) {
                                               return p.field.startsWith(field);
                                           });
            EXPECT_TRUE(named) << pointer.toStdString() << " = "
                               << QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).toStdString();
            ++checked;
        }
    };
    for (const QString &k : cardFields)
        probe(QStringLiteral("/cards/0/") + k, k);
    for (const QString &k : reqFields)
        probe(QStringLiteral("/cards/0/evidence/1/") + k, QStringLiteral("evidence[1].") + k);
    for (const QString &k : {QStringLiteral("to"), QStringLiteral("choice"), QStringLiteral("when"), QStringLiteral("wait")})
        probe(QStringLiteral("/cards/0/next/0/") + k, QStringLiteral("next[0].") + k);
    EXPECT_EQ(checked, (17 + 14 + 4) * 3);
}
