// No comment or doc cites a file that is not in the repository: every path under app/, core/,
// docs/, forms/, packaging/, resources/ or tests/ named in app/, core/, tests/, docs/,
// packaging/, forms/*.md and README.md exists (tests/unit/docs/pathcheck.h says what counts).
#include "common/testenv.h"
#include "pathcheck.h"

#include <gtest/gtest.h>

using ms::test::CitedPath;
using ms::test::PathCheck;

namespace {

QStringList paths(const QList<CitedPath> &cited)
{
    QStringList out;
    for (const CitedPath &c : cited)
        out << c.path;
    return out;
}

const QStringList kTree{
    QStringLiteral("README.md"),
    QStringLiteral("core/store/outboxchain.h"),
    QStringLiteral("core/store/outboxchain.cpp"),
    QStringLiteral("core/sync/uploadlane.h"),
    QStringLiteral("docs/sync-protocol.md"),
    QStringLiteral("docs/decisions/0004-office-edge-gate.md"),
    QStringLiteral("resources/translations/meterswap_en.ts"),
    QStringLiteral("tests/fuzz/seeds/wire/a.json"),
};

} // namespace

TEST(DocPaths, EveryCitedPathExists)
{
    // GIVEN the repository as checked out (or another tree: MS_DOCPATHS_ROOT=DIR, e.g. a merge)
    const QString root = qEnvironmentVariableIsSet("MS_DOCPATHS_ROOT")
                             ? qEnvironmentVariable("MS_DOCPATHS_ROOT")
                             : ms::test::sourceDir();
    const PathCheck check(root);
    ASSERT_FALSE(check.scannedFiles().isEmpty()) << "no source found under " << qPrintable(root);
    // THEN every path a comment or a doc cites is there
    const QStringList missing = check.missing();
    EXPECT_TRUE(missing.isEmpty())
        << missing.size()
        << " cited path(s) are not in the repository: point each to the file meant, or drop the "
           "citation\n"
        << qPrintable(missing.join(u'\n'));
}

TEST(DocPaths, FindsPathsInCommentsAndProse)
{
    const QString text = QStringLiteral(
        "// See core/store/outboxchain.h and `docs/sync-protocol.md` \"Record chain\".\n"
        "Run build/ci/tests/unit/store/test_store, or read ../shared/docs/style.md;\n"
        "${MS_SOURCE_DIR}/tests/data is data; the folder is app/server/. End: core/sync/wire.h.\n");
    const QList<CitedPath> cited = PathCheck::citations(text, QStringLiteral("core/x.h"));
    EXPECT_EQ(paths(cited),
              (QStringList{QStringLiteral("core/store/outboxchain.h"),
                           QStringLiteral("docs/sync-protocol.md"), QStringLiteral("app/server/"),
                           QStringLiteral("core/sync/wire.h")}));
    EXPECT_EQ(cited.at(2).line, 3);
}

TEST(DocPaths, FindsPagesNamedWithoutTheirFolder)
{
    const QString text =
        QStringLiteral("// see meter-protocols.md, or sync-protocol.md \"Tokens\"\n");
    const QList<CitedPath> cited = PathCheck::citations(text, QStringLiteral("core/x.h"));
    EXPECT_EQ(paths(cited), (QStringList{QStringLiteral("**/meter-protocols.md"),
                                         QStringLiteral("**/sync-protocol.md")}));
    const PathCheck check(kTree);
    EXPECT_FALSE(check.holds(cited.at(0).path));
    EXPECT_TRUE(check.holds(cited.at(1).path));
}

TEST(DocPaths, ResolvesRelativeMarkdownLinks)
{
    const QString text = QStringLiteral(
        "[decision](decisions/0004-office-edge-gate.md#context), [web](https://example.org/a.md),\n"
        "[here](#anchor) and [up](../README.md)\n");
    const QList<CitedPath> cited =
        PathCheck::citations(text, QStringLiteral("docs/sync-protocol.md"));
    EXPECT_EQ(paths(cited), (QStringList{QStringLiteral("docs/decisions/0004-office-edge-gate.md"),
                                         QStringLiteral("README.md")}));
    EXPECT_EQ(cited.at(0).original, QStringLiteral("decisions/0004-office-edge-gate.md"));
    // Outside Markdown a bracket is code, not a link.
    EXPECT_TRUE(PathCheck::citations(text, QStringLiteral("core/x.cpp")).isEmpty());
}

TEST(DocPaths, SkipsLinesMarkedIgnore)
{
    const QString text = QStringLiteral("core/gone.h // pathcheck:ignore\ncore/there.h\n");
    EXPECT_EQ(paths(PathCheck::citations(text, QStringLiteral("a.cpp"))),
              QStringList{QStringLiteral("core/there.h")});
}

TEST(DocPaths, HoldsForFilesFoldersStemsGlobsAndPlaceholders)
{
    const PathCheck check(kTree);
    EXPECT_TRUE(check.holds(QStringLiteral("core/store/outboxchain.h")));
    EXPECT_TRUE(check.holds(QStringLiteral("core/store/")));
    EXPECT_TRUE(check.holds(QStringLiteral("core/store/outboxchain"))); // .h / .cpp
    EXPECT_TRUE(check.holds(QStringLiteral("core/sync/uploadlane.*")));
    EXPECT_TRUE(check.holds(QStringLiteral("resources/translations/*.ts")));
    EXPECT_TRUE(check.holds(QStringLiteral("resources/translations/meterswap_<lang>.ts")));
    EXPECT_TRUE(check.holds(QStringLiteral("tests/fuzz/seeds/<name>/")));
    EXPECT_TRUE(check.holds(QStringLiteral("core/{store,sync}/outboxchain.h")));
    EXPECT_TRUE(check.holds(QStringLiteral("docs/decisions/0004-*.md")));
}

TEST(DocPaths, FailsForWhatIsNotThere)
{
    const PathCheck check(kTree);
    EXPECT_FALSE(check.holds(QStringLiteral("core/store/office/")));         // a renamed folder
    EXPECT_FALSE(check.holds(QStringLiteral("core/store/outboxchain.hpp"))); // a wrong extension
    EXPECT_FALSE(check.holds(QStringLiteral("core/sync/uploadlane.cpp")));   // only the .h exists
    EXPECT_FALSE(check.holds(QStringLiteral("core/sync/upload")));           // a prefix is no stem
    EXPECT_FALSE(check.holds(QStringLiteral("resources/translations/*.qm")));
    EXPECT_FALSE(check.holds(QStringLiteral("docs/decisions/0009-*.md")));
    EXPECT_FALSE(check.holds(QStringLiteral("docs/platform-notes.md")));
}
