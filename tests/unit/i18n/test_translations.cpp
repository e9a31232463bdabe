// GIVEN the project's sources and resources/translations/meterswap_en.ts
// WHEN lupdate extracts every tr()/translate() text from app/ and core/ the way
//      update_translations does
// THEN each text has a finished English translation with the same placeholders, and the
//      .qm compiled into the tablet translates it at run time.
#include "trhelpers.h"
#include "tsfile.h"
#include "workflow/valuevalidator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

struct LupdateRun
{
    TsFile fresh;        // what lupdate finds in the sources today (with locations)
    QStringList sources; // the files it read
    QString error;  // why it could not run
};

// The [sources] and [includes] lists CMake wrote for this test.
QJsonObject lupdateProject(const QString &tsPath, QStringList *sourceList, QString *error)
{
    QFile file(QStringLiteral(MS_I18N_INPUTS));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = file.fileName() + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QJsonArray sources, includes;
    QJsonArray *current = nullptr;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line == QLatin1String("[sources]"))
            current = &sources;
        else if (line == QLatin1String("[includes]"))
            current = &includes;
        else if (!line.isEmpty() && current && QFile::exists(line))
            current->append(line);
    }
    for (const auto &v : std::as_const(sources))
        sourceList->append(v.toString());
    QJsonObject project;
    project[QStringLiteral("projectFile")] = QStringLiteral(MS_SOURCE_DIR "/app/tablet/CMakeLists.txt");
    project[QStringLiteral("includePaths")] = includes;
    project[QStringLiteral("sources")] = sources;
    project[QStringLiteral("translations")] = QJsonArray{tsPath};
    return project;
}

LupdateRun runLupdate()
{
    LupdateRun run;
    QTemporaryDir dir;
    const QString ts = dir.filePath(QStringLiteral("meterswap_en.ts"));
    const QJsonObject project = lupdateProject(ts, &run.sources, &run.error);
    if (!run.error.isEmpty())
        return run;
    const QString projectPath = dir.filePath(QStringLiteral("project.json"));
    QFile out(projectPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(project).toJson()) < 0) {
        run.error = projectPath + QStringLiteral(": ") + out.errorString();
        return run;
    }
    out.close();

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(MS_LUPDATE),
                  {QStringLiteral("-project"), projectPath, QStringLiteral("-no-obsolete"),
                   QStringLiteral("-locations"), QStringLiteral("absolute"), QStringLiteral("-silent")});
    if (!lupdate.waitForFinished(90'000) || lupdate.exitStatus() != QProcess::NormalExit
        || lupdate.exitCode() != 0) {
        run.error = QStringLiteral("lupdate (%1) failed: %2 %3")
                        .arg(QStringLiteral(MS_LUPDATE), lupdate.errorString(),
                             QString::fromLocal8Bit(lupdate.readAll()));
        return run;
    }
    run.fresh = TsFile::read(ts);
    run.error = run.fresh.error;
    return run;
}

class EnglishTranslation : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_run = new LupdateRun(runLupdate());
        s_en = new TsFile(TsFile::read(QStringLiteral(MS_EN_TS)));
    }
    static void TearDownTestSuite()
    {
        delete s_run;
        delete s_en;
        s_run = nullptr;
        s_en = nullptr;
    }
    void SetUp() override
    {
        ASSERT_TRUE(s_run->error.isEmpty()) << s_run->error.toStdString();
        ASSERT_TRUE(s_en->error.isEmpty()) << s_en->error.toStdString();
        // A broken include path or source list would find next to nothing and pass vacuously.
        ASSERT_GT(s_run->fresh.messages.size(), 500) << "lupdate found too few texts";
    }

    static LupdateRun *s_run;
    static TsFile *s_en;
};

LupdateRun *EnglishTranslation::s_run = nullptr;
TsFile *EnglishTranslation::s_en = nullptr;

const char kHowToFix[] = "\nRefresh the .ts with `cmake --build <build> --target update_translations`, "
                         "translate the entries marked type=\"unfinished\" in "
                         "resources/translations/meterswap_en.ts and remove that attribute.";

TEST_F(EnglishTranslation, EverySourceTextHasAFinishedTranslation)
{
    const auto en = s_en->index();
    QStringList missing;
    for (const TsMessage &m : s_run->fresh.messages) {
        const auto it = en.constFind(m.key());
        if (it == en.cend()) {
            missing << QStringLiteral("  not in the .ts:  ") + m.describe();
            continue;
        }
        const TsMessage &t = s_en->messages[*it];
        const bool empty = t.translations.isEmpty()
                           || std::any_of(t.translations.cbegin(), t.translations.cend(),
                                          [](const QString &s) { return s.trimmed().isEmpty(); });
        if (!t.finished || empty)
            missing << QStringLiteral("  unfinished:      ") + m.describe();
    }
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " text(s) without English:\n"
                                   << missing.join(QLatin1Char('\n')).toStdString() << kHowToFix;
}

TEST_F(EnglishTranslation, HasNoEntriesTheSourcesNoLongerUse)
{
    const auto fresh = s_run->fresh.index();
    QStringList stale;
    for (const TsMessage &m : s_en->messages)
        if (!fresh.contains(m.key()))
            stale << QStringLiteral("  ") + m.describe();
    EXPECT_TRUE(stale.isEmpty()) << stale.size() << " entr(y/ies) no source uses any more:\n"
                                 << stale.join(QLatin1Char('\n')).toStdString() << kHowToFix;
}

TEST_F(EnglishTranslation, KeepsEveryPlaceholder)
{
    QStringList wrong;
    for (const TsMessage &m : s_en->messages) {
        const QStringList expected = placeholders(m.source);
        for (const QString &t : m.translations) {
            const QStringList got = placeholders(t);
            if (m.finished && got != expected)
                wrong << QStringLiteral("  %1\n    -> %2   (source has [%3], translation [%4])")
                             .arg(m.describe(), t, expected.join(QLatin1Char(' ')),
                                  got.join(QLatin1Char(' ')));
        }
    }
    EXPECT_TRUE(wrong.isEmpty()) << wrong.size() << " translation(s) drop or add a placeholder:\n"
                                 << wrong.join(QLatin1Char('\n')).toStdString();
}

TEST_F(EnglishTranslation, ShippedCatalogTranslatesEveryFinishedEntry)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/meterswap_en.qm")))
        << "the tablet's resources lack :/i18n/meterswap_en.qm";
    QStringList wrong;
    for (const TsMessage &m : s_en->messages) {
        if (!m.finished || m.numerus || m.translations.size() != 1)
            continue;
        const QByteArray comment = m.comment.toUtf8();
        const QString got = translator.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                                 comment.isEmpty() ? nullptr : comment.constData());
        if (got != m.translations.first())
            wrong << QStringLiteral("  ") + m.describe() + QStringLiteral(" -> \"") + got + QLatin1Char('"');
    }
    EXPECT_TRUE(wrong.isEmpty()) << wrong.size() << " entr(y/ies) the .qm translates differently "
                                 << "(rebuild meterswap_tablet_lrelease):\n"
                                 << wrong.join(QLatin1Char('\n')).toStdString();
}

// A text only reaches the user in English when tr() at run time looks it up under the context
// lupdate filed it under. A hand-written helper `QString tr(const char *)` that passes a fixed
// context to translate() breaks that silently for every caller outside that exact class.
TEST_F(EnglishTranslation, TrHelpersLookTextsUpWhereLupdateFiledThem)
{
    const QList<TrHelper> helpers = findTrHelpers(s_run->sources);
    const QStringList wrong = helperContextMismatches(s_run->fresh, helpers);
    EXPECT_TRUE(wrong.isEmpty())
        << wrong.size() << " text(s) would stay Chinese in English mode:\n"
        << wrong.join(QLatin1Char('\n')).toStdString()
        << "\nReplace the helper with `struct Tr { Q_DECLARE_TR_FUNCTIONS(<context>) };` and call "
           "Tr::tr(\"…\") (see core/media/barcode.cpp), then refresh the .ts.";
}

// A core message built outside any QObject reaches the user in English once the tablet's
// translator is installed (its translate() context matches the one lupdate recorded).
TEST(EnglishAtRunTime, CoreValidationMessageIsEnglish)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/meterswap_en.qm")));
    ASSERT_TRUE(QCoreApplication::installTranslator(&translator));
    EvidenceRequirement r;
    r.key = QStringLiteral("old_final_total");
    r.kind = EvidenceKind::MeterReading;
    r.label = QStringLiteral("Old meter final reading");
    r.unit = QStringLiteral("kWh");
    const ValueCheck check = ValueValidator::check(r, QStringLiteral("12a"));
    QCoreApplication::removeTranslator(&translator);
    EXPECT_EQ(check.verdict, ValueCheck::Verdict::Invalid);
    EXPECT_EQ(check.message.toStdString(),
              "\"12a\" is not a number: enter digits and a decimal point only");
}

} // namespace
