// Every appendix renders to a real A4 PDF; poppler reads back its title, the job's numbers and
// the embedded Chinese font; signatures land in their boxes; long lists continue over pages.
#include "common/testenv.h"
#include "pdftools.h"
#include "report/formrenderer.h"
#include "report/formspec.h"
#include "samplecontext.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;

namespace {
FormLibrary library()
{
    auto lib = FormLibrary::load(test::formsDir());
    EXPECT_TRUE(lib.ok());
    return lib.value();
}

QString squash(QString s)
{
    return s.remove(QRegularExpression(QStringLiteral("\\s")));
}
} // namespace

TEST(FormRenderer, EachOfTheThirtyOneAppendicesRendersWithTitleNumbersAndEmbeddedFont)
{
    // GIVEN the 31 forms and a job's context
    const FormLibrary lib = library();
    const FormContext ctx = test::sampleContext();
    QTemporaryDir dir;
    for (const FormSpec &form : lib.forms()) {
        SCOPED_TRACE(form.file.toStdString());
        // WHEN each is written as a PDF
        const QString pdf = dir.filePath(QStringLiteral("appendix-%1.pdf").arg(form.number));
        auto info = FormRenderer::writePdf(form, ctx, pdf);
        ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
        EXPECT_GE(info->pages, 1);
        EXPECT_EQ(test::pdfPages(pdf), info->pages);
        // THEN its text holds the title, and the job's numbers wherever the form names them
        const QString text = squash(test::pdfText(pdf));
        EXPECT_TRUE(text.contains(squash(form.title))) << text.left(400).toStdString();
        const QStringList sources = form.sources();
        if (sources.contains(QStringLiteral("customer.account_no"))) {
            EXPECT_TRUE(text.contains(test::kAccount));
        }
        if (sources.contains(QStringLiteral("old_meter.asset_no"))) {
            EXPECT_TRUE(text.contains(test::kOldAsset));
        }
        if (sources.contains(QStringLiteral("new_meter.asset_no"))) {
            EXPECT_TRUE(text.contains(test::kNewAsset));
        }
        EXPECT_TRUE(text.contains(QStringLiteral("第1页共%1页").arg(info->pages)));
        // AND the Chinese font is embedded
        const QString fonts = test::pdfFonts(pdf);
        EXPECT_TRUE(fonts.contains(QStringLiteral("WenQuanYi"))) << fonts.toStdString();
        for (const QString &line : fonts.split(QLatin1Char('\n')).mid(2))
            if (!line.trimmed().isEmpty()) {
                EXPECT_TRUE(line.contains(QStringLiteral(" yes "))) << line.toStdString();
            }
    }
}

TEST(FormRenderer, JobFormsCarryEveryKnownValue)
{
    const FormLibrary lib = library();
    const FormContext ctx = test::sampleContext();
    QTemporaryDir dir;
    for (int n : {8, 9, 30}) {
        const FormSpec &form = *lib.form(n);
        const QString pdf = dir.filePath(QStringLiteral("f.pdf"));
        ASSERT_TRUE(FormRenderer::writePdf(form, ctx, pdf).ok());
        const QString text = squash(test::pdfText(pdf));
        for (const FormField *f : form.allFields()) {
            const QString v = ctx.fieldValue(*f);
            if (!v.isEmpty() && f->kind != QLatin1String("choice") && f->kind != QLatin1String("multiline")) {
                EXPECT_TRUE(text.contains(squash(v))) << n << " " << f->key.toStdString();
            }
        }
    }
}

TEST(FormRenderer, WideListsAreLandscapeAndNoticesPortrait)
{
    const FormLibrary lib = library();
    QTemporaryDir dir;
    for (int n : {1, 4, 28, 29, 31, 8, 11}) {
        const QString pdf = dir.filePath(QStringLiteral("o.pdf"));
        ASSERT_TRUE(FormRenderer::writePdf(*lib.form(n), test::sampleContext(), pdf).ok());
        const QImage page = test::pdfPage(pdf, 1, 20);
        ASSERT_FALSE(page.isNull());
        EXPECT_EQ(page.width() > page.height(), lib.form(n)->landscape) << n;
    }
}

TEST(FormRenderer, CapturedSignaturesArePlacedInTheirBoxes)
{
    // GIVEN the work certificate with and without the captured signatures
    const FormSpec form = *library().form(8);
    FormContext signedCtx = test::sampleContext();
    FormContext unsignedCtx = signedCtx;
    unsignedCtx.signatures.clear();
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("signed.pdf"));
    const QString b = dir.filePath(QStringLiteral("unsigned.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(form, signedCtx, a).ok());
    ASSERT_TRUE(FormRenderer::writePdf(form, unsignedCtx, b).ok());
    // THEN the signed one prints the signing date and has ink where the unsigned one is blank
    EXPECT_TRUE(squash(test::pdfText(a)).contains(QStringLiteral("2026年11月5日")));
    const int last = test::pdfPages(a);
    const QImage pa = test::pdfPage(a, last, 40).convertToFormat(QImage::Format_Grayscale8);
    const QImage pb = test::pdfPage(b, last, 40).convertToFormat(QImage::Format_Grayscale8);
    ASSERT_EQ(pa.size(), pb.size());
    auto ink = [](const QImage &img) {
        qint64 dark = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                dark += qGray(img.pixel(x, y)) < 128;
        return dark;
    };
    EXPECT_GT(ink(pa), ink(pb) + 100);
}

TEST(FormRenderer, LongListsContinueOnNumberedPagesWithTheHeaderRepeated)
{
    // GIVEN a task with 60 customers on the mismatch register (appendix 28)
    FormContext ctx = test::sampleContext();
    QList<FormRow> rows;
    for (int i = 0; i < 60; ++i)
        rows.append(test::customerRow(QStringLiteral("31009%1").arg(i, 5, 10, QLatin1Char('0')),
                                      QStringLiteral("客户%1").arg(i), test::kOldAsset, {}, {}));
    ctx.lists.insert(QStringLiteral("customers"), rows);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("28.pdf"));
    auto info = FormRenderer::writePdf(*library().form(28), ctx, pdf);
    ASSERT_TRUE(info.ok());
    // THEN it runs over several pages, numbered "第 n 页 共 N 页", every row present once
    ASSERT_GE(info->pages, 3);
    const QString text = squash(test::pdfText(pdf));
    EXPECT_TRUE(text.contains(QStringLiteral("第%1页共%1页").arg(info->pages)));
    EXPECT_EQ(text.count(QStringLiteral("3100900059")), 1);
    EXPECT_EQ(text.count(QStringLiteral("户号")), info->pages); // the column header, once per page
    EXPECT_TRUE(text.contains(QStringLiteral("（续）")));
}

TEST(FormRenderer, NothingKnownStillGivesAFormToFillByHand)
{
    const FormLibrary lib = library();
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("blank.pdf"));
    auto info = FormRenderer::writePdf(*lib.form(8), FormContext{}, pdf);
    ASSERT_TRUE(info.ok());
    const QString text = squash(test::pdfText(pdf));
    EXPECT_TRUE(text.contains(QStringLiteral("户号")));
    EXPECT_TRUE(text.contains(QStringLiteral("年月日")));
}

TEST(FormRenderer, AnUnwritableFileIsAClearError)
{
    auto info = FormRenderer::writePdf(*library().form(8), FormContext{},
                                       QStringLiteral("/proc/definitely/not/here.pdf"));
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error().code, QStringLiteral("report.io"));
    EXPECT_TRUE(info.error().message.contains(QStringLiteral("/proc/definitely/not/here.pdf")));
}

// Not a test: MS_FORMS_PREVIEW_DIR=/some/dir writes every appendix there for a person to look at.
TEST(FormRenderer, PreviewForAPerson)
{
    const QString out = qEnvironmentVariable("MS_FORMS_PREVIEW_DIR");
    if (out.isEmpty())
        GTEST_SKIP() << "set MS_FORMS_PREVIEW_DIR to write the 31 sample PDFs";
    const FormLibrary lib = library();
    for (const FormSpec &form : lib.forms())
        ASSERT_TRUE(FormRenderer::writePdf(form, test::sampleContext(),
                                           out + QStringLiteral("/appendix-%1.pdf").arg(form.number, 2, 10, QLatin1Char('0')))
                        .ok());
}

TEST(FormRenderer, PublicityAndFixedNoticesPrintWithoutTheUnitAndNumberHeader)
{
    // GIVEN a context with the unit and a document serial known
    const FormLibrary lib = library();
    FormContext ctx = test::sampleContext();
    ctx.values.insert(QStringLiteral("unit.name"), QStringLiteral("国网北京城区供电中心"));
    ctx.values.insert(QStringLiteral("doc.serial"), QStringLiteral("RW2026-018"));
    QTemporaryDir dir;
    for (int n : {14, 15, 16, 23, 8, 13}) {
        SCOPED_TRACE(n);
        const FormSpec &form = *lib.form(n);
        // WHEN the form is printed
        const QString pdf = dir.filePath(QStringLiteral("h%1.pdf").arg(n));
        ASSERT_TRUE(FormRenderer::writePdf(form, ctx, pdf).ok());
        const QString text = squash(test::pdfText(pdf));
        // THEN static forms carry neither the unit line nor a document number; records do
        const bool record = form.scope != QLatin1String("static");
        EXPECT_EQ(text.contains(QStringLiteral("编号：")), record) << text.left(300).toStdString();
        EXPECT_EQ(text.contains(QStringLiteral("单位：国网北京城区供电中心")), record); // 23 says "施工单位：" itself
        EXPECT_EQ(text.contains(form.numberPrefix + QStringLiteral("-RW2026-018")), record);
        EXPECT_TRUE(text.contains(squash(form.title)));
        // AND the title is the first thing on the page of a static form
        if (!record) {
            EXPECT_TRUE(text.startsWith(squash(form.title))) << text.left(100).toStdString();
        }
    }
}
