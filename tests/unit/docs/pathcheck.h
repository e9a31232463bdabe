#pragma once
// Finds the repository paths that comments and docs cite (`docs/sync-protocol.md`,
// core/store/outboxchain.h, `app/server/`, tests/fuzz/seeds/<name>/) and says which of them are
// not in the tree. What counts as a citation:
// - a word that starts with one of kRoots and a slash, not glued to what comes before it
//   (`build/ci/tests/...`, `../shared/docs/x.md` and `${DIR}/tests/...` are not citations);
//   trailing sentence punctuation is not part of it;
// - in a Markdown file, the target of a relative link `[text](target)`, resolved from the file's
//   folder (URLs and `#anchors` are skipped);
// - a Markdown page named without its folder ("see simulator.md"): cited as `**/simulator.md`,
//   it holds when a file of that name is anywhere in the tree.
// A cited path holds when a file or folder of that name exists, or, for a name without an
// extension, a file of that name with any extension (core/store/outboxchain → .h/.cpp). `*` and
// `?` are globs within one path segment, `<word>` is a placeholder for one or more characters of
// a segment, `{a,b}` a choice. A line holding the word pathcheck:ignore is not read (for text
// that names a missing path on purpose, such as the checker's own tests).
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ms::test {

struct CitedPath
{
    int line = 0;     // 1-based
    QString path;     // as cited, relative to the repository root
    QString original; // as written (differs for a Markdown link)
};

class PathCheck
{
public:
    // The top-level folders a citation starts with.
    static const QStringList kRoots;

    // Every file and folder under `root` (relative, '/'-separated), without build trees
    // (build*/), version control and other hidden entries.
    explicit PathCheck(const QString &root);
    // For tests of the checker itself: the tree as a list of relative paths.
    explicit PathCheck(const QStringList &tree);

    // The citations in `text`. `file` is its relative path (Markdown links resolve from there).
    static QList<CitedPath> citations(const QString &text, const QString &file);
    // True when `path` names something in the tree (globs, placeholders, a missing extension).
    bool holds(const QString &path) const;

    // The files to scan under the root: sources, CMake files, scripts and docs in app/, core/,
    // tests/ (without tests/data, the fuzz seeds and the checker's own tests, which cite made-up
    // trees), docs/, packaging/, forms/*.md, README.md.
    QStringList scannedFiles() const;
    // "file:line: path" for every citation in the scanned files that does not hold.
    QStringList missing() const;

private:
    QString m_root;
    QSet<QString> m_tree;
};

} // namespace ms::test
