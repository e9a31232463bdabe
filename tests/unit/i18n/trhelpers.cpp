#include "trhelpers.h"

#include <QFile>
#include <QRegularExpression>

namespace ms::test {

namespace {

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
}

} // namespace

QList<TrHelper> findTrHelpers(const QStringList &sources)
{
    static const QRegularExpression helper(QStringLiteral(
        R"re(\bQString\s+tr\s*\(\s*const\s+char\s*\*\s*(\w+)\s*\)\s*\{\s*return\s+Q\w*Application::translate\(\s*"([^"]+)"\s*,\s*\1\s*\))re"));
    QList<TrHelper> out;
    for (const QString &path : sources) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        for (auto it = helper.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const int line = int(QStringView(text).left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
            out.append({path, line, m.captured(2)});
        }
    }
    return out;
}

QStringList helperContextMismatches(const TsFile &fresh, const QList<TrHelper> &helpers)
{
    static const QRegularExpression bareTr(QStringLiteral(R"((?<![\w:.>])tr\s*\()"));
    QHash<QString, const TrHelper *> byFile;
    QStringList out;
    for (const TrHelper &h : helpers) {
        if (h.file.endsWith(QLatin1String(".h")))
            out << QStringLiteral("  %1:%2: tr() helper with context %3 in a header: lupdate files "
                                  "each caller's texts under the caller's class or namespace")
                       .arg(h.file).arg(h.line).arg(h.context);
        byFile.insert(h.file, &h);
    }
    QHash<QString, QStringList> lines; // file -> its lines, read once
    for (const TsMessage &m : fresh.messages) {
        for (const TsLocation &loc : m.locations) {
            const TrHelper *h = byFile.value(loc.file);
            if (!h || m.context == h->context)
                continue;
            auto it = lines.find(loc.file);
            if (it == lines.end())
                it = lines.insert(loc.file, readLines(loc.file));
            const QString code = loc.line >= 1 && loc.line <= it->size() ? it->at(loc.line - 1) : QString();
            if (!bareTr.match(code).hasMatch())
                continue; // e.g. QCoreApplication::translate("Other", "…"): lupdate reads that context
            out << QStringLiteral("  %1:%2: \"%3\" is filed under %4, but tr() there is the helper "
                                  "of line %5 that looks it up under %6")
                       .arg(loc.file, QString::number(loc.line), m.source.left(40), m.context,
                            QString::number(h->line), h->context); // at once: texts hold %1 too
        }
    }
    return out;
}

} // namespace ms::test
