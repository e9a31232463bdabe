#include "pathcheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace ms::test {

const QStringList PathCheck::kRoots{QStringLiteral("app"),       QStringLiteral("core"),
                                    QStringLiteral("docs"),      QStringLiteral("forms"),
                                    QStringLiteral("packaging"), QStringLiteral("resources"),
                                    QStringLiteral("tests")};

namespace {

constexpr QLatin1StringView kIgnoreMarker("pathcheck:ignore");
constexpr const char *kSelfTest = "tests/unit/docs/test_docpaths.cpp";

void listTree(const QDir &root, const QString &prefix, QSet<QString> &out)
{
    const QFileInfoList entries =
        QDir(root.filePath(prefix)).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries) {
        const QString name = e.fileName();
        if (name.startsWith(u'.'))
            continue; // .git (a file in a worktree), .ci, editor files
        if (prefix.isEmpty() && name.startsWith(QLatin1String("build")))
            continue; // build trees of the presets (build/<preset>)
        const QString rel = prefix.isEmpty() ? name : prefix + u'/' + name;
        out.insert(rel);
        if (e.isDir() && !e.isSymLink())
            listTree(root, rel, out);
    }
}

// One segment of a cited path with globs and placeholders, as a regular expression.
QString segmentPattern(const QString &segment)
{
    QString rx;
    for (qsizetype i = 0; i < segment.size(); ++i) {
        const QChar c = segment.at(i);
        if (c == u'*') {
            rx += QLatin1String("[^/]*");
        } else if (c == u'<') {
            const qsizetype end = segment.indexOf(u'>', i);
            if (end < 0) {
                rx += QRegularExpression::escape(segment.mid(i));
                break;
            }
            rx += QLatin1String("[^/]+");
            i = end;
        } else if (c == u'{') {
            const qsizetype end = segment.indexOf(u'}', i);
            if (end < 0) {
                rx += QRegularExpression::escape(segment.mid(i));
                break;
            }
            QStringList choices;
            for (const QString &choice : segment.mid(i + 1, end - i - 1).split(u','))
                choices << QRegularExpression::escape(choice);
            rx += QLatin1String("(?:") + choices.join(u'|') + u')';
            i = end;
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return rx;
}

bool hasExtension(const QString &path)
{
    const QString last = path.section(u'/', -1);
    return last.lastIndexOf(u'.') > 0;
}

QString describe(const CitedPath &c)
{
    if (c.path.startsWith(QLatin1String("**/")))
        return QStringLiteral("%1 (no page of that name in the repository)").arg(c.original);
    if (c.original != c.path)
        return QStringLiteral("%1 (link %2)").arg(c.path, c.original);
    return c.path;
}

} // namespace

PathCheck::PathCheck(const QString &root)
    : m_root(root)
{
    listTree(QDir(root), QString(), m_tree);
}

PathCheck::PathCheck(const QStringList &tree)
{
    for (const QString &p : tree) {
        // Every folder above a listed file is in the tree too.
        QString path = p;
        while (!path.isEmpty()) {
            m_tree.insert(path);
            path = path.section(u'/', 0, -2);
        }
    }
}

QList<CitedPath> PathCheck::citations(const QString &text, const QString &file)
{
    // A root-relative path: not glued to a word, a path or a variable before it.
    static const QRegularExpression cited(
        QStringLiteral("(?<![A-Za-z0-9_./\\\\$}~@-])((?:%1)/[A-Za-z0-9_./*<>{},-]*)")
            .arg(kRoots.join(u'|')));
    // A page named without its folder ("see simulator.md"): some Markdown file of that name.
    static const QRegularExpression page(
        QStringLiteral("(?<![A-Za-z0-9_./\\$}~@-])([A-Za-z0-9_-]+\\.md)(?![A-Za-z0-9_])"));
    static const QRegularExpression link(QStringLiteral("\\]\\(([^()\\s]+)\\)"));
    const bool markdown = file.endsWith(QLatin1String(".md"));
    const QString folder = QFileInfo(file).path();

    QList<CitedPath> out;
    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &line = lines.at(n);
        if (line.contains(kIgnoreMarker))
            continue;
        QSet<QString> seen;
        const auto add = [&](const QString &path, const QString &original) {
            if (!seen.contains(path)) {
                seen.insert(path);
                out << CitedPath{int(n + 1), path, original};
            }
        };
        for (auto it = cited.globalMatch(line); it.hasNext();) {
            QString path = it.next().captured(1);
            while (!path.isEmpty() && QStringLiteral(".,:;").contains(path.back()))
                path.chop(1); // the end of a sentence, not of the path
            add(path, path);
        }
        for (auto it = page.globalMatch(line); it.hasNext();) {
            const QString name = it.next().captured(1);
            add(QStringLiteral("**/") + name, name);
        }
        if (!markdown)
            continue;
        for (auto it = link.globalMatch(line); it.hasNext();) {
            const QString target = it.next().captured(1).section(u'#', 0, 0);
            if (target.isEmpty() || target.contains(u':') || target.startsWith(u'/'))
                continue; // an anchor in the same page, a URL, an absolute path
            const QString resolved =
                QDir::cleanPath(folder == QLatin1String(".") ? target : folder + u'/' + target);
            add(resolved, target);
        }
    }
    return out;
}

bool PathCheck::holds(const QString &cited) const
{
    QString path = cited;
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.isEmpty())
        return true;
    if (path.startsWith(QLatin1String("**/"))) { // a file name anywhere in the tree
        const QString name = path.mid(3);
        for (const QString &p : m_tree)
            if (p == name || p.endsWith(u'/' + name))
                return true;
        return false;
    }
    const bool pattern = path.contains(u'*') || path.contains(u'<') || path.contains(u'{');
    const bool stem = !hasExtension(path); // core/store/outboxchain: .h and .cpp
    if (!pattern) {
        if (m_tree.contains(path))
            return true;
        if (!stem)
            return false;
        const QString prefix = path + u'.';
        for (const QString &p : m_tree)
            if (p.startsWith(prefix) && !p.mid(prefix.size()).contains(u'/'))
                return true;
        return false;
    }
    QStringList segments;
    for (const QString &segment : path.split(u'/'))
        segments << segmentPattern(segment);
    const QRegularExpression rx(QRegularExpression::anchoredPattern(
        segments.join(u'/') + (stem ? QLatin1String("(?:\\.[^/]+)?") : QLatin1String(""))));
    for (const QString &p : m_tree)
        if (rx.match(p).hasMatch())
            return true;
    return false;
}

QStringList PathCheck::scannedFiles() const
{
    static const QStringList kinds{QStringLiteral("cpp"), QStringLiteral("h"),
                                   QStringLiteral("md"),  QStringLiteral("cmake"),
                                   QStringLiteral("sh"),  QStringLiteral("py")};
    QStringList out;
    for (const QString &p : m_tree) {
        const QString top = p.section(u'/', 0, 0);
        const QString name = p.section(u'/', -1);
        const bool wanted = kinds.contains(QFileInfo(name).suffix()) ||
                            name == QLatin1String("CMakeLists.txt") ||
                            p.startsWith(QLatin1String("packaging/"));
        if (!wanted || QFileInfo(QDir(m_root).filePath(p)).isDir())
            continue;
        if (p.startsWith(QLatin1String("tests/data/")) ||
            p.startsWith(QLatin1String("tests/fuzz/seeds/")) || p == QLatin1String(kSelfTest))
            continue; // inputs, not text about the tree; the checker's tests cite made-up trees
        if (p == QLatin1String("README.md") ||
            (top == QLatin1String("forms") && name.endsWith(QLatin1String(".md"))) ||
            QStringList{QStringLiteral("app"), QStringLiteral("core"), QStringLiteral("tests"),
                        QStringLiteral("docs"), QStringLiteral("packaging")}
                .contains(top))
            out << p;
    }
    out.sort();
    return out;
}

QStringList PathCheck::missing() const
{
    QStringList out;
    for (const QString &file : scannedFiles()) {
        QFile f(QDir(m_root).filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            out << QStringLiteral("%1: cannot be read (%2)").arg(file, f.errorString());
            continue;
        }
        const QString text = QString::fromUtf8(f.readAll());
        for (const CitedPath &c : citations(text, file))
            if (!holds(c.path))
                out << QStringLiteral("%1:%2: %3").arg(file).arg(c.line).arg(describe(c));
    }
    return out;
}

} // namespace ms::test
