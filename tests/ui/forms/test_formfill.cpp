// 表单填写 on a real store: what a clerk types is saved (a moment after typing and on 保存) with
// one outbox row per saved edit, comes back after the store is reopened and prints; a full disk
// is said plainly and nothing typed is lost. Values the card walker records (JobSession) fill
// the card-issue form.
#include "catalog/catalogloader.h"
#include "common/resultvalue.h"
#include "common/storefixture.h"
#include "common/testenv.h"
#include "roles/formfillpage.h"
#include "report/formcontextbuilder.h"
#include "service/jobsession.h"
#include "store/store.h"
#include "unit/report/pdftools.h"
#include "workflow/workflow.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;

namespace {
struct Env : test::StoreEnv
{
    CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    FormLibrary forms = FormLibrary::load(test::formsDir()).value();
    RowId taskId = 0;
    RowId jobId = 0;

    explicit Env(qint64 maxPageCount = 0)
    {
        Task task;
        task.code = QStringLiteral("RW2026-031");
        task.name = QStringLiteral("和平里7区台区智能表更换");
        task.areaName = QStringLiteral("和平里7区台区");
        Customer c;
        c.accountNo = QStringLiteral("3100555001");
        c.name = QStringLiteral("孙丽华");
        c.address = QStringLiteral("东城区和平里7区12号楼3单元");
        c.payment = PaymentType::Prepaid;
        taskId = importTask(task, {c});
        jobId = store()
                    .jobs()
                    .forCustomer(test::valueOf(store().tasks().customers(taskId)).first().id)
                    ->id;
        if (maxPageCount > 0) // cap the file just above its size: a full disk
            reopenCapped(pageCount() + maxPageCount);
    }

    qint64 formOutboxRows()
    {
        auto st = store().database().prepare(
            QStringLiteral("SELECT count(*) FROM outbox WHERE entity='form_entry'"));
        return st.ok() && st.value().step() ? st.value().integer(0) : -1;
    }

    std::unique_ptr<FormFillPage> page(int number)
    {
        FormContextBuilder builder(store(), &catalog.catalog);
        const FormSpec &form = *forms.form(number);
        auto ctx = builder.forForm(form, jobId, 0);
        auto owner = builder.ownerFor(form, jobId, 0);
        EXPECT_TRUE(ctx.ok() && owner.ok());
        auto p = std::make_unique<FormFillPage>(
            form, ctx.value(), FormEntryService(store(), Actor{QStringLiteral("clerk-uuid"), {}}),
            owner.value());
        p->resize(1280, 800);
        p->show();
        return p;
    }
};

QString squash(QString s)
{
    return s.remove(QRegularExpression(QStringLiteral("\\s")));
}
} // namespace

TEST(FormFillStore, TypedFieldsAreSavedAfterAPauseReloadAfterReopenAndPrint)
{
    Env env;
    const QString remark = QStringLiteral("客户要求下午三点后施工");
    {
        // GIVEN appendix 8 of a job on screen
        auto page = env.page(8);
        ASSERT_TRUE(page->canSave());
        auto *remarkEdit = qobject_cast<QPlainTextEdit *>(page->editor(QStringLiteral("remark")));
        auto *phone = qobject_cast<QLineEdit *>(page->editor(QStringLiteral("phone")));
        ASSERT_TRUE(remarkEdit && phone);
        // WHEN the clerk types a phone number and pauses
        QTest::keyClicks(phone, QStringLiteral("13800138000"));
        EXPECT_TRUE(page->isDirty());
        EXPECT_TRUE(page->saveStatus().contains(QStringLiteral("未保存")));
        // THEN it is saved once typing stops: one outbox row for the whole burst of keystrokes
        ASSERT_TRUE(QTest::qWaitFor([&] { return !page->isDirty(); }, 5000));
        EXPECT_TRUE(page->saveStatus().contains(QStringLiteral("已保存"))) << page->saveStatus().toStdString();
        EXPECT_EQ(env.formOutboxRows(), 1);
        // AND an explicit 保存 after another edit saves at once: one more row
        remarkEdit->setFocus();
        remarkEdit->insertPlainText(remark); // as an input method commits it (keyClicks is ASCII only)
        auto *save = page->findChild<QPushButton *>(QStringLiteral("save"));
        ASSERT_NE(save, nullptr);
        EXPECT_TRUE(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        EXPECT_FALSE(page->isDirty());
        EXPECT_FALSE(save->isEnabled());
        EXPECT_EQ(env.formOutboxRows(), 2);
        if (const QString shots = qEnvironmentVariable("MS_UI_SHOTS"); !shots.isEmpty())
            page->grab().save(shots + QStringLiteral("/formfill-saved.png"));
    }
    // WHEN the store is closed and reopened and the form opened again
    env.reopen();
    auto again = env.page(8);
    // THEN the typed values are back in their fields and in the print
    EXPECT_EQ(qobject_cast<QPlainTextEdit *>(again->editor(QStringLiteral("remark")))->toPlainText(), remark);
    EXPECT_EQ(again->text(QStringLiteral("phone")), QStringLiteral("13800138000"));
    EXPECT_TRUE(again->saveStatus().contains(QStringLiteral("已载入")));
    QTemporaryDir out;
    const QString pdf = out.filePath(QStringLiteral("8.pdf"));
    ASSERT_TRUE(again->exportPdf(pdf).ok());
    const QString text = squash(test::pdfText(pdf));
    EXPECT_TRUE(text.contains(remark));
    EXPECT_TRUE(text.contains(QStringLiteral("13800138000")));
}

TEST(FormFillStore, AFullDiskSaysSoAndKeepsWhatWasTyped)
{
    // GIVEN a store that cannot grow any more (as a full disk)
    Env env(1);
    auto page = env.page(8);
    auto *remarkEdit = qobject_cast<QPlainTextEdit *>(page->editor(QStringLiteral("remark")));
    ASSERT_NE(remarkEdit, nullptr);
    // WHEN a long remark is typed and saved
    const QString longRemark = QString(3500, QChar(u'记'));
    remarkEdit->setPlainText(longRemark);
    auto saved = page->save();
    // THEN the save fails saying the storage is full, the text stays on screen, still unsaved
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, QStringLiteral("store.disk_full")) << saved.error().message.toStdString();
    EXPECT_TRUE(page->saveStatus().contains(QStringLiteral("存储空间已满"))) << page->saveStatus().toStdString();
    EXPECT_TRUE(page->saveStatus().contains(QStringLiteral("没有丢失")));
    EXPECT_EQ(remarkEdit->toPlainText(), longRemark);
    EXPECT_TRUE(page->isDirty());
    EXPECT_EQ(page->context().entries.value(QStringLiteral("remark")), longRemark); // still prints
    EXPECT_EQ(env.formOutboxRows(), 0);
    if (const QString shots = qEnvironmentVariable("MS_UI_SHOTS"); !shots.isEmpty())
        page->grab().save(shots + QStringLiteral("/formfill-diskfull.png"));
}

TEST(FormFillStore, CardIssueValuesRecordedThroughTheWalkerPrintOnTheReceipt)
{
    // GIVEN the card walker's session records 34.3 (card written) and 35.1 (handed over)
    Env env;
    Workflow workflow(env.catalog.catalog);
    auto session = JobSession::open(env.store(), env.catalog.catalog, workflow, Actor{}, env.jobId);
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    JobSession &s = *session.value();
    ASSERT_TRUE(s.addValue(QStringLiteral("34.3"), QStringLiteral("card_number"), QStringLiteral("8800777000123")).ok());
    ASSERT_TRUE(s.addValue(QStringLiteral("35.1"), QStringLiteral("card_handed_over"), QStringLiteral("yes")).ok());
    ASSERT_TRUE(s.addValue(QStringLiteral("35.1"), QStringLiteral("id_last4"), QStringLiteral("0427")).ok());
    const CardProgress p = s.progress(QStringLiteral("35.1"));
    EXPECT_GE(p.evidenceDone(), 2); // the walker counts them as that card's records
    // WHEN the task's 发卡签收单 (31) is built and printed
    FormContextBuilder builder(env.store(), &env.catalog.catalog);
    auto ctx = builder.forForm(*env.forms.form(31), 0, env.taskId);
    ASSERT_TRUE(ctx.ok());
    QTemporaryDir out;
    const QString pdf = out.filePath(QStringLiteral("31.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*env.forms.form(31), ctx.value(), pdf).ok());
    // THEN the customer's row carries the card number, ID digits and today's issue date
    const QString text = squash(test::pdfText(pdf));
    EXPECT_TRUE(text.contains(QStringLiteral("8800777000123"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("0427")));
    EXPECT_TRUE(text.contains(QDate::currentDate().toString(Qt::ISODate)));
}
