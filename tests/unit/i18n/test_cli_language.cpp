// GIVEN the real meterswapctl and meterswap-office programs
// WHEN they are run with MS_LANG=en (or an English system locale)
// THEN their error messages come out in English; with MS_LANG unset under the C locale, with
// MS_LANG=zh_CN, or with a language we do not ship, they stay Chinese (the product default).
#include "common/testenv.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace ms::test;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString err;
};

// `lang` empty: MS_LANG unset. `locale` goes into LC_ALL and LANG.
Outcome run(const QString &program, const QStringList &args, const QString &lang, const QString &locale)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"MS_LANG", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LANG", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    if (!lang.isEmpty())
        env.insert(QStringLiteral("MS_LANG"), lang);
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.insert(QStringLiteral("LANG"), locale);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(executable(program), args);
    EXPECT_TRUE(p.waitForFinished(30000)) << program.toStdString();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

bool hasHan(const QString &s)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(s).hasMatch();
}

class CliLanguage : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(executable(QStringLiteral("meterswapctl")).isEmpty());
        ASSERT_FALSE(executable(QStringLiteral("meterswap-office")).isEmpty());
    }
    const QString ctl = QStringLiteral("meterswapctl");
    const QString office = QStringLiteral("meterswap-office");
    // A frame that is not a meter frame; office stats without its data folder.
    const QStringList badFrame{QStringLiteral("frame"), QStringLiteral("decode"), QStringLiteral("0102")};
    const QStringList noData{QStringLiteral("stats")};
};

TEST_F(CliLanguage, CtlSpeaksEnglishWithMsLangEn)
{
    const Outcome r = run(ctl, badFrame, QStringLiteral("en"), QStringLiteral("C"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QLatin1String("Not a meter frame"))) << r.err.toStdString();
    EXPECT_FALSE(hasHan(r.err)) << r.err.toStdString();
}

TEST_F(CliLanguage, CtlStaysChineseWithoutMsLangUnderTheCLocaleAndWithZhCN)
{
    for (const QString &lang : {QString(), QStringLiteral("zh_CN")}) {
        const Outcome r = run(ctl, badFrame, lang, QStringLiteral("C"));
        EXPECT_EQ(r.exitCode, 1);
        EXPECT_TRUE(r.err.contains(QStringLiteral("不是电能表帧"))) << r.err.toStdString();
    }
}

TEST_F(CliLanguage, CtlFollowsAnEnglishSystemLocaleAndMsLangWins)
{
    Outcome r = run(ctl, badFrame, QString(), QStringLiteral("en_US.UTF-8"));
    EXPECT_TRUE(r.err.contains(QLatin1String("Not a meter frame"))) << r.err.toStdString();
    r = run(ctl, badFrame, QStringLiteral("zh_CN"), QStringLiteral("en_US.UTF-8"));
    EXPECT_TRUE(r.err.contains(QStringLiteral("不是电能表帧"))) << r.err.toStdString();
}

TEST_F(CliLanguage, CtlUnknownCommandIsTranslatedToo)
{
    const Outcome en = run(ctl, {QStringLiteral("bogus")}, QStringLiteral("en"), QStringLiteral("C"));
    EXPECT_EQ(en.exitCode, 2);
    EXPECT_TRUE(en.err.contains(QLatin1String("unknown command \"bogus\""))) << en.err.toStdString();
    const Outcome zh = run(ctl, {QStringLiteral("bogus")}, QString(), QStringLiteral("C"));
    EXPECT_TRUE(zh.err.contains(QStringLiteral("未知命令“bogus”"))) << zh.err.toStdString();
}

TEST_F(CliLanguage, OfficeSpeaksEnglishWithMsLangEnAndChineseOtherwise)
{
    const Outcome en = run(office, noData, QStringLiteral("en"), QStringLiteral("C"));
    EXPECT_EQ(en.exitCode, 2);
    EXPECT_TRUE(en.err.contains(QLatin1String("--data DIR")) && en.err.contains(QLatin1String("is required")))
        << en.err.toStdString();
    EXPECT_FALSE(hasHan(en.err)) << en.err.toStdString();

    const Outcome zh = run(office, noData, QString(), QStringLiteral("C"));
    EXPECT_TRUE(zh.err.contains(QStringLiteral("需要 --data DIR"))) << zh.err.toStdString();
    // A language we do not ship falls back to Chinese rather than failing.
    const Outcome other = run(office, noData, QStringLiteral("fr"), QStringLiteral("C"));
    EXPECT_TRUE(other.err.contains(QStringLiteral("需要 --data DIR"))) << other.err.toStdString();

    const Outcome unknown = run(office, {QStringLiteral("bogus")}, QStringLiteral("en"), QStringLiteral("C"));
    EXPECT_TRUE(unknown.err.contains(QLatin1String("unknown command \"bogus\""))) << unknown.err.toStdString();
}

} // namespace
