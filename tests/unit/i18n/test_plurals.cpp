// GIVEN the tablet's sources and the English translation it ships
// WHEN a screen shows a count of things ("共 %n 户", "%n 条记录")
// THEN the text is a numerus form (tr(text, nullptr, n)) so English says "1 household" and
//      "2 households"; a count glued to its measure word with %1 ("%1 户") in a text without
//      %n is refused.
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>
#include <gtest/gtest.h>

namespace {

// The tablet's .cpp files among the sources lupdate reads (the list CMake wrote for the i18n test).
QStringList tabletSources()
{
    QStringList out;
    QFile file(QStringLiteral(MS_I18N_INPUTS));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    QTextStream in(&file);
    const QString tablet = QStringLiteral(MS_SOURCE_DIR "/app/tablet/");
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line == QLatin1String("[includes]"))
            break;
        if (line.startsWith(tablet) && line.endsWith(QLatin1String(".cpp")))
            out << line;
    }
    return out;
}

// "file:line: literal" for each string literal with a %1-style number before a measure word.
QStringList countsWithoutNumerus(const QString &path)
{
    static const QRegularExpression literal(QStringLiteral(R"re("((?:[^"\\\n]|\\.)*)")re"));
    static const QRegularExpression count(QStringLiteral("%L?[0-9]+\\s*(户|张|个|条|项|处|份|位|台|块)(?![号名数表区])"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {path + QStringLiteral(": cannot read")};
    const QString text = QString::fromUtf8(f.readAll());
    QStringList found;
    for (auto it = literal.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // A numerus text may hold a second count: the translation puts the noun after %n
        // ("Showing the first %1 of %n households").
        if (count.match(m.captured(1)).hasMatch() && !m.captured(1).contains(QLatin1String("%n")))
            found << QStringLiteral("%1:%2: %3").arg(path).arg(text.left(m.capturedStart()).count(u'\n') + 1).arg(m.captured(1));
    }
    return found;
}

TEST(Plurals, TabletCountsAreNumerusForms)
{
    const QStringList sources = tabletSources();
    ASSERT_GT(sources.size(), 20) << MS_I18N_INPUTS;
    QStringList found;
    for (const QString &path : sources)
        found += countsWithoutNumerus(path);
    EXPECT_TRUE(found.isEmpty()) << "use tr(\"…%n…\", nullptr, n) and give the English singular and plural:\n"
                                 << found.join(u'\n').toStdString();
}

TEST(Plurals, TheCheckFindsAGluedCount)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("page.cpp"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("label->setText(tr(\"共 %1 户\").arg(n));\n"
                           "label->setText(tr(\"共 %n 户\", nullptr, n));\n")
                .toUtf8());
    f.close();
    const QStringList found = countsWithoutNumerus(path);
    ASSERT_EQ(found.size(), 1) << found.join(u'\n').toStdString();
    EXPECT_TRUE(found.first().contains(QStringLiteral(":1:")));
}

struct Case
{
    const char *context;
    const char *source;
    int n;
    const char *english;
    const char *chinese;
};

TEST(Plurals, EnglishHasSingularAndPluralAndChineseOneForm)
{
    const Case cases[] = {
        {"ms::JobListPage", "共 %n 户", 1, "1 household", "共 1 户"},
        {"ms::JobListPage", "共 %n 户", 12, "12 households", "共 12 户"},
        {"ms::JobListPage", "换表工单（%n 个任务）", 1, "Jobs (1 task)", "换表工单（1 个任务）"},
        {"ms::JobListPage", "换表工单（%n 个任务）", 3, "Jobs (3 tasks)", "换表工单（3 个任务）"},
        {"ms::ui::SyncPage", "%n 条记录", 1, "1 record", "1 条记录"},
        {"ms::ui::SyncPage", "%n 个证据文件", 2, "2 evidence files", "2 个证据文件"},
        {"ms::ValueEntryPage", "最多 %n 位小数", 1, "at most 1 decimal place", "最多 1 位小数"},
        {"ms::FormTargetPage", "共 %n 户", 1, "1 household", "共 1 户"},
    };
    // Chinese: the source text, no translator
    for (const Case &c : cases)
        EXPECT_EQ(QCoreApplication::translate(c.context, c.source, nullptr, c.n).toStdString(), c.chinese);
    QTranslator en;
    ASSERT_TRUE(en.load(QStringLiteral(":/i18n/meterswap_en.qm")));
    ASSERT_TRUE(QCoreApplication::installTranslator(&en));
    for (const Case &c : cases)
        EXPECT_EQ(QCoreApplication::translate(c.context, c.source, nullptr, c.n).toStdString(), c.english)
            << c.context << " | " << c.source;
    QCoreApplication::removeTranslator(&en);
}

} // namespace
