// The appendix forms as a clerk reaches them in the real app: sign in, 我的工作, 附录表单, search,
// choose what the form is for, type, save, leave, come back; export a PDF to a chosen file and
// read it back with pdftotext. Static forms open at once; the role homes' queue buttons open
// their forms for the task. Real MainWindow, real store in a QTemporaryDir, demo data.
#include "common/resultvalue.h"
#include "common/shellfixture.h"
#include "roles/formfillpage.h"
#include "roles/formspage.h"
#include "roles/formtargetpage.h"
#include "roles/officehome.h"
#include "roles/rolehomepage.h"
#include "pages/joblistpage.h"
#include "pages/signinpage.h"
#include "store/store.h"
#include "unit/report/pdftools.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

QString squash(QString s)
{
    return s.remove(QRegularExpression(QStringLiteral("\\s")));
}

// Types text the way an input method commits it (QTest::keyClicks is Latin-1 only).
void commitText(QWidget *w, const QString &text)
{
    w->setFocus();
    QInputMethodEvent e;
    e.setCommitString(text);
    QApplication::sendEvent(w, &e);
}

// A tap on a list row, at its centre, like a finger.
bool tapRow(QListWidget *list, RowId id)
{
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        if (item->data(Qt::UserRole).toLongLong() != id)
            continue;
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
        QApplication::processEvents();
        return list->currentItem() == item;
    }
    return false;
}

class FormHost : public ShellTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(ShellTest::SetUp());
        app->ctx->roleHome = makeOfficeHomeFactory(*app->ctx);
        taskId = test::valueOf(app->ctx->store.tasks().list()).value(0).id;
        ASSERT_GT(taskId, 0);
    }

    // Signs in as a demo user (PIN 123456) and taps 我的工作 in the top bar.
    OfficeHome *signInToRoleHome(const QString &name)
    {
        EXPECT_TRUE(signInAs(win(), name));
        EXPECT_TRUE(qobject_cast<JobListPage *>(win().currentPage()));
        EXPECT_TRUE(tap(findButton(&win(), QStringLiteral("我的工作"))));
        return qobject_cast<OfficeHome *>(win().currentPage());
    }

    void shot(const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("MS_UI_SHOTS"); !dir.isEmpty()) {
            QApplication::processEvents();
            win().grab().save(dir + QStringLiteral("/formhost-%1.png").arg(name));
        }
    }

    // A job of the demo task with its 户号.
    std::pair<RowId, QString> aJob(int index)
    {
        const auto jobs = test::valueOf(store().jobs().list(JobQuery().inTask(taskId)));
        return {jobs.at(index).job.id, jobs.at(index).customer.accountNo};
    }

    RowId taskId = 0;
};

} // namespace

TEST_F(FormHost, ClerkFindsAJobFormTypesSavesLeavesAndFindsItAgainThenExportsThePdf)
{
    // GIVEN the clerk on her role home
    OfficeHome *home = signInToRoleHome(QStringLiteral("王芳"));
    ASSERT_NE(home, nullptr);
    ASSERT_EQ(home->currentPage(), home->home());
    shot(QStringLiteral("1-rolehome"));
    const auto [jobId, account] = aJob(3);

    // WHEN she opens 附录表单 and searches for 凭证
    ASSERT_TRUE(tap(findButton(home, QStringLiteral("附录表单"))));
    FormsPage *forms = home->formsPage();
    ASSERT_EQ(home->currentPage(), forms);
    EXPECT_EQ(forms->shownForms().size(), 31);
    shot(QStringLiteral("2-forms"));
    QTest::keyClicks(forms->searchBox(), QStringLiteral("8"));
    EXPECT_EQ(forms->shownForms(), QList<int>{8});
    forms->searchBox()->clear();
    commitText(forms->searchBox(), QStringLiteral("凭证"));
    // THEN only the forms whose title says 凭证 are left (8, 9 城网/农网, 21 集中器)
    EXPECT_EQ(forms->shownForms(), (QList<int>{8, 9, 21}));

    // WHEN she taps 附录 8: it is one per customer, so she is asked for the task and the job
    ASSERT_TRUE(tap(forms->formButton(8)));
    FormTargetPage *target = home->targetPage();
    ASSERT_EQ(home->currentPage(), target);
    EXPECT_TRUE(target->jobList()->isVisible());
    EXPECT_EQ(target->selectedTask(), taskId) << "the only task is chosen already";
    EXPECT_FALSE(target->openButton()->isEnabled()) << "no customer chosen yet";
    QTest::keyClicks(target->jobSearch(), account);
    ASSERT_EQ(target->jobList()->count(), 1);
    ASSERT_TRUE(tapRow(target->jobList(), jobId));
    shot(QStringLiteral("3-target"));
    ASSERT_TRUE(tap(target->openButton()));

    // THEN the form is on screen for that customer
    FormFillPage *page = home->formPage();
    ASSERT_NE(page, nullptr);
    ASSERT_EQ(home->currentPage(), page);
    ASSERT_TRUE(page->canSave());
    EXPECT_EQ(page->text(QStringLiteral("account_no")), account);
    auto *target_label = home->findChild<QLabel *>(QStringLiteral("formTarget"));
    ASSERT_NE(target_label, nullptr);
    EXPECT_TRUE(target_label->text().contains(account)) << target_label->text().toStdString();

    // WHEN she types a phone number and a remark and leaves at once with 返回 (no 保存)
    auto *phone = qobject_cast<QLineEdit *>(page->editor(QStringLiteral("phone")));
    auto *remark = qobject_cast<QPlainTextEdit *>(page->editor(QStringLiteral("remark")));
    ASSERT_TRUE(phone && remark);
    phone->selectAll(); // the customer's phone is filled in from the job: she corrects it
    QTest::keyClicks(phone, QStringLiteral("13911112222"));
    const QString remarkText = QStringLiteral("表箱锈蚀，已报修");
    remark->setFocus();
    remark->insertPlainText(remarkText);
    shot(QStringLiteral("4-form"));
    ASSERT_TRUE(tap(findButton(&win(), QStringLiteral("‹ 返回"))));
    // THEN she is back where she came from and the entry is in the store
    EXPECT_EQ(home->currentPage(), target);
    EXPECT_EQ(home->formPage(), nullptr);
    auto owner = FormOwner::job(store().jobs().byId(jobId)->uuid);
    auto saved = store().formEntries().load(8, owner);
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->entries.value(QStringLiteral("phone")), QStringLiteral("13911112222"));

    // WHEN she opens the same form for the same customer again (the choice is remembered)
    EXPECT_EQ(target->selectedJob(), jobId);
    ASSERT_TRUE(tap(target->openButton()));
    page = home->formPage();
    ASSERT_NE(page, nullptr);
    // THEN what she typed is there
    EXPECT_EQ(page->text(QStringLiteral("phone")), QStringLiteral("13911112222"));
    EXPECT_EQ(page->text(QStringLiteral("remark")), remarkText);

    // WHEN she exports a PDF: the save dialog suggests 附录08_<户号>.pdf
    ASSERT_TRUE(tap(findButton(page, QStringLiteral("导出 PDF"))));
    auto *dialog = page->findChild<QFileDialog *>(QStringLiteral("exportPdfDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->isVisible(); }, 3000));
    const QStringList suggested = dialog->selectedFiles();
    ASSERT_EQ(suggested.size(), 1);
    EXPECT_EQ(QFileInfo(suggested.first()).fileName(), QStringLiteral("附录08_%1.pdf").arg(account));
    const QString pdf = app->dir.filePath(QStringLiteral("out/附录08.pdf"));
    ASSERT_TRUE(QDir().mkpath(QFileInfo(pdf).absolutePath()));
    auto *nameEdit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    ASSERT_NE(nameEdit, nullptr);
    nameEdit->setText(pdf); // she types where it goes
    ASSERT_EQ(dialog->selectedFiles().join(u'|').toStdString(), pdf.toStdString());
    static_cast<QDialog *>(dialog)->accept(); // as the dialog's 保存 button
    QApplication::processEvents();
    // THEN the file is there with the title and what she typed, and the page says where it went
    ASSERT_TRUE(QFileInfo::exists(pdf));
    const QString text = squash(pdfText(pdf));
    EXPECT_TRUE(text.contains(QStringLiteral("智能电能表装换工作凭证（城网）"))) << text.left(400).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("13911112222")));
    EXPECT_TRUE(text.contains(remarkText));
    EXPECT_TRUE(text.contains(account));
    EXPECT_TRUE(page->saveStatus().contains(QStringLiteral("已导出"))) << page->saveStatus().toStdString();
    shot(QStringLiteral("5-exported"));

    // AND the top bar's 返回 (the only back button: the pages draw none of their own) leads
    // back step by step: the target page, the forms list, the role home, then the job list
    EXPECT_EQ(findButton(home, QStringLiteral("返回")), nullptr);
    EXPECT_EQ(findButton(home, QStringLiteral("回到我的工作")), nullptr);
    QAbstractButton *shellBack = findButton(&win(), QStringLiteral("‹ 返回"));
    ASSERT_NE(shellBack, nullptr);
    ASSERT_TRUE(tap(shellBack));
    ASSERT_EQ(home->currentPage(), target);
    EXPECT_EQ(findButton(target, QStringLiteral("返回")), nullptr);
    ASSERT_TRUE(tap(shellBack));
    ASSERT_EQ(home->currentPage(), forms);
    shot(QStringLiteral("5b-forms-one-back"));
    ASSERT_TRUE(tap(shellBack));
    EXPECT_EQ(home->currentPage(), home->home());
    EXPECT_EQ(win().currentPage(), home);
    ASSERT_TRUE(tap(shellBack));
    EXPECT_TRUE(qobject_cast<JobListPage *>(win().currentPage()));
}

TEST_F(FormHost, TaskFormsAskForTheTaskAndStaticFormsOpenAtOnce)
{
    OfficeHome *home = signInToRoleHome(QStringLiteral("王芳"));
    ASSERT_NE(home, nullptr);
    home->showForms();
    FormsPage *forms = home->formsPage();
    // GIVEN the forms list: every form sits under its scope's heading
    for (const FormSpec &f : home->formLibrary()->forms()) {
        QPushButton *b = forms->formButton(f.number);
        ASSERT_NE(b, nullptr) << f.number;
        EXPECT_TRUE(b->text().contains(f.title));
    }
    // WHEN a search matches nothing THEN it says so instead of an empty screen
    commitText(forms->searchBox(), QStringLiteral("不存在的表格"));
    EXPECT_TRUE(forms->shownForms().isEmpty());
    auto *none = forms->findChild<QLabel *>(QStringLiteral("notice"));
    ASSERT_NE(none, nullptr);
    EXPECT_TRUE(none->isVisible());
    EXPECT_TRUE(none->text().contains(QStringLiteral("不存在的表格")));
    forms->searchBox()->clear();
    EXPECT_FALSE(none->isVisible());

    // WHEN the clerk taps a task form (附录 31 发卡签收单) THEN only the task is asked for
    ASSERT_TRUE(tap(forms->formButton(31)));
    FormTargetPage *target = home->targetPage();
    ASSERT_EQ(home->currentPage(), target);
    EXPECT_FALSE(target->jobList()->isVisible());
    ASSERT_TRUE(tapRow(target->taskList(), taskId));
    shot(QStringLiteral("6-target-task"));
    ASSERT_TRUE(tap(target->openButton()));
    FormFillPage *page = home->formPage();
    ASSERT_NE(page, nullptr);
    EXPECT_TRUE(page->canSave()) << "kept for the task";
    EXPECT_EQ(page->suggestedPdfName(), QStringLiteral("附录31_HB-2026-0317.pdf"));
    ASSERT_TRUE(home->closeForm());

    // WHEN a static form (附录 14 宣传横幅) is tapped THEN it opens with nothing to choose
    ASSERT_TRUE(tap(findButton(&win(), QStringLiteral("‹ 返回"))));
    ASSERT_EQ(home->currentPage(), forms);
    ASSERT_TRUE(tap(forms->formButton(14)));
    page = home->formPage();
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(home->currentPage(), page);
    EXPECT_FALSE(page->canSave());
    EXPECT_EQ(page->suggestedPdfName(), QStringLiteral("附录14_宣传横幅.pdf"));
    shot(QStringLiteral("6-static-form"));
    ASSERT_TRUE(tap(findButton(&win(), QStringLiteral("‹ 返回"))));
    EXPECT_EQ(home->currentPage(), forms);
}

TEST_F(FormHost, QueueButtonsOnTheRoleHomesOpenTheirFormsForTheTask)
{
    // GIVEN the billing clerk's home: her review queue works with the purchase and mismatch lists
    OfficeHome *home = signInToRoleHome(QStringLiteral("黄丽"));
    ASSERT_NE(home, nullptr);
    RoleHomePage *roleHome = home->home();
    QPushButton *purchases = roleHome->formButton(QStringLiteral("billing.review"), 4);
    ASSERT_NE(purchases, nullptr);
    EXPECT_NE(roleHome->formButton(QStringLiteral("billing.review"), 28), nullptr);
    shot(QStringLiteral("7-billing-home"));
    // WHEN she taps 附录 4 THEN it opens straight away for the (only) task, listing its customers
    ASSERT_TRUE(tap(purchases));
    FormFillPage *page = home->formPage();
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(home->currentPage(), page);
    EXPECT_TRUE(home->findChild<QLabel *>(QStringLiteral("formTarget"))->text().contains(QStringLiteral("HB-2026-0317")));
    QTemporaryDir out;
    ASSERT_TRUE(page->exportPdf(out.filePath(QStringLiteral("4.pdf"))).ok());
    const QString text = squash(pdfText(out.filePath(QStringLiteral("4.pdf"))));
    EXPECT_TRUE(text.contains(QStringLiteral("更换客户购电记录单")));
    EXPECT_TRUE(text.contains(aJob(0).second)) << "the task's customers are listed";
    // AND 返回 leads back to her home
    ASSERT_TRUE(tap(findButton(&win(), QStringLiteral("‹ 返回"))));
    EXPECT_EQ(home->currentPage(), roleHome);
}

TEST_F(FormHost, AJobFormFromAQueueAsksForTheCustomerWithTheTaskChosen)
{
    // GIVEN the office clerk's 内勤审核 queue, which checks the 装换工作凭证 of each job
    OfficeHome *home = signInToRoleHome(QStringLiteral("王芳"));
    ASSERT_NE(home, nullptr);
    QPushButton *voucher = home->home()->formButton(QStringLiteral("clerk.review"), 8);
    ASSERT_NE(voucher, nullptr);
    EXPECT_NE(home->home()->formButton(QStringLiteral("clerk.purchases"), 4), nullptr);
    // WHEN she taps it THEN the customer is asked for, in the task's list of 20
    ASSERT_TRUE(tap(voucher));
    FormTargetPage *target = home->targetPage();
    ASSERT_EQ(home->currentPage(), target);
    EXPECT_EQ(target->selectedTask(), taskId);
    EXPECT_EQ(target->jobList()->count(), 20);
    // AND 返回 goes back to her home, not to a list she never saw
    ASSERT_TRUE(tap(findButton(&win(), QStringLiteral("‹ 返回"))));
    EXPECT_EQ(home->currentPage(), home->home());
}
