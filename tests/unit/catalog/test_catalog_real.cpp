// The real catalog in forms/ (and the copy compiled into the program) validates.
#include "catalog/catalogloader.h"
#include "common/testenv.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace ms;

TEST(RealCatalog, FormsFolderValidatesWithoutProblems)
{
    const CatalogLoad load = CatalogLoader::load(test::formsDir());
    QStringList lines;
    for (const CatalogProblem &p : load.problems)
        lines.append(p.toString());
    EXPECT_TRUE(load.ok()) << load.problems.size() << " problems:\n"
                           << lines.join(QLatin1Char('\n')).toStdString();
}

TEST(RealCatalog, ListsThe97CardsOfThe43FlowsIn4PhasesWithEverySeedRole)
{
    const CatalogLoad load = CatalogLoader::load(test::formsDir());
    const Catalog &c = load.catalog;
    EXPECT_EQ(c.phases.size(), 4);
    EXPECT_EQ(c.roles.size(), 8);
    EXPECT_EQ(c.flows.size(), 43);
    int listed = 0;
    int reconstructed = 0;
    QSet<QString> rolesUsed;
    for (const Flow &f : c.flows) {
        listed += int(f.cards.size());
        rolesUsed.insert(f.role);
        for (const FlowCard &fc : f.cards)
            reconstructed += fc.source == QLatin1String("reconstructed") ? 1 : 0;
    }
    EXPECT_EQ(listed, 97);
    EXPECT_EQ(reconstructed, 13);
    EXPECT_EQ(rolesUsed.size(), 8);
    EXPECT_EQ(c.plannedTitle(QStringLiteral("21.9")), QStringLiteral("家中无人由物业或居委会协助换表要求"));
    EXPECT_EQ(c.plannedTitle(QStringLiteral("36.5")), QStringLiteral("终端地址设置"));
}

TEST(RealCatalog, SwapFlowsAreCompleteAndValid)
{
    // flows 20, 21, 29, 30 are authored here; none of their cards may have a problem
    // (an edge into a flow authored elsewhere, e.g. 20.2 -> 22.1, may dangle until that flow exists)
    const QStringList ours{"20", "21", "29", "30"};
    const CatalogLoad load = CatalogLoader::load(test::formsDir());
    for (const CatalogProblem &p : load.problems) {
        if (!ours.contains(p.cardId.section(QLatin1Char('.'), 0, 0)))
            continue;
        const Card *card = load.catalog.card(p.cardId);
        if (card && p.field.startsWith(QLatin1String("next["))) {
            const int i = p.field.mid(5).section(QLatin1Char(']'), 0, 0).toInt();
            if (!ours.contains(card->next.value(i).to.section(QLatin1Char('.'), 0, 0)))
                continue;
        }
        ADD_FAILURE() << p.toString().toStdString();
    }
    for (const char *id : {"20.1", "20.2", "21.1", "21.2", "21.3", "21.4", "21.5", "21.6", "21.7",
                           "21.8", "21.9", "29.1", "30.1", "30.2"})
        EXPECT_NE(load.catalog.card(QString::fromLatin1(id)), nullptr) << id;
}

TEST(RealCatalog, BuiltInResourcesMatchTheFormsFolder)
{
    const CatalogLoad disk = CatalogLoader::load(test::formsDir());
    const CatalogLoad builtIn = CatalogLoader::load(CatalogLoader::builtInRoot());
    ASSERT_FALSE(builtIn.catalog.flows.isEmpty()) << "resources :/forms not linked in";
    EXPECT_EQ(builtIn.catalog.cards.size(), disk.catalog.cards.size());
    EXPECT_EQ(builtIn.problems.size(), disk.problems.size());
}
