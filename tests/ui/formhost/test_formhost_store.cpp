// OfficeHome's forms over a store in states the demo never reaches: no task at all, and a full
// disk when the clerk leaves a form she typed in.
#include "catalog/catalogloader.h"
#include "common/storefixture.h"
#include "common/testenv.h"
#include "roles/formfillpage.h"
#include "roles/formspage.h"
#include "roles/formtargetpage.h"
#include "roles/officehome.h"
#include "store/store.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;

namespace {
struct Env : test::StoreEnv
{
    CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    User clerk;

    Env()
    {
        clerk.uuid = QStringLiteral("clerk-uuid");
        clerk.roles = QStringList{QStringLiteral("office_clerk")};
    }

    RowId importTask()
    {
        Task task;
        task.code = QStringLiteral("RW2026-077");
        task.name = QStringLiteral("和平里9区台区智能表更换");
        Customer c;
        c.accountNo = QStringLiteral("3100777001");
        c.name = QStringLiteral("周建国");
        c.address = QStringLiteral("东城区和平里9区3号楼");
        return StoreEnv::importTask(task, {c});
    }

    std::unique_ptr<OfficeHome> home()
    {
        auto h = std::make_unique<OfficeHome>(catalog.catalog, store(), clerk, test::formsDir());
        h->resize(1280, 720);
        h->show();
        return h;
    }
};
} // namespace

TEST(FormHostStore, WithNoTaskOnTheTabletTheTargetPageSaysWhatToDoAndCannotOpen)
{
    // GIVEN a tablet that has no task yet
    Env env;
    auto home = env.home();
    // WHEN the clerk picks a task form
    home->showForms();
    QTest::mouseClick(home->formsPage()->formButton(1), Qt::LeftButton);
    // THEN she is told to sync or import first, and 打开表单 stays off
    FormTargetPage *target = home->targetPage();
    ASSERT_EQ(home->currentPage(), target);
    ASSERT_EQ(target->taskList()->count(), 1);
    EXPECT_TRUE(target->taskList()->item(0)->text().contains(QStringLiteral("同步或导入")));
    EXPECT_EQ(target->taskList()->item(0)->flags(), Qt::NoItemFlags);
    EXPECT_FALSE(target->openButton()->isEnabled());
    // AND a queue's form button for a task form goes to the same page instead of failing
    home->showHome();
    home->startForm(4, 0, true);
    EXPECT_EQ(home->currentPage(), target);
    EXPECT_EQ(home->formPage(), nullptr);
}

TEST(FormHostStore, TaskSearchNarrowsTheListAndAnUnknownTaskIsSaidPlainly)
{
    Env env;
    const RowId first = env.importTask();
    Task other;
    other.code = QStringLiteral("RW2026-078");
    other.name = QStringLiteral("安定门外台区智能表更换");
    Customer c;
    c.accountNo = QStringLiteral("3100888001");
    c.name = QStringLiteral("吴敏");
    ASSERT_TRUE(env.store().tasks().importTask(other, {c}).ok());
    auto home = env.home();
    // GIVEN two tasks and the task form 附录 1
    home->startForm(1);
    FormTargetPage *target = home->targetPage();
    ASSERT_EQ(target->taskList()->count(), 2);
    EXPECT_EQ(target->selectedTask(), 0) << "two tasks: nothing is guessed";
    // WHEN she searches for its number THEN only that task is left
    QTest::keyClicks(target->taskSearch(), QStringLiteral("077"));
    ASSERT_EQ(target->taskList()->count(), 1);
    EXPECT_EQ(target->taskList()->item(0)->data(Qt::UserRole).toLongLong(), first);
    // WHEN the search matches no task THEN the list says so
    target->taskSearch()->setText(QStringLiteral("不存在"));
    ASSERT_EQ(target->taskList()->count(), 1);
    EXPECT_TRUE(target->taskList()->item(0)->text().contains(QStringLiteral("不存在")));
    EXPECT_FALSE(target->openButton()->isEnabled());
    // AND opening a task that is gone is an error on screen, not a crash
    auto r = home->openForm(1, 0, 987654);
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(home->message().isEmpty());
    EXPECT_EQ(home->formPage(), nullptr);
}

TEST(FormHostStore, LeavingAFormWhenTheDiskIsFullKeepsTheClerkOnItWithWhatSheTyped)
{
    // GIVEN a task's form with typing in it, on a store that cannot grow (as a full disk)
    Env env;
    const RowId task = env.importTask();
    env.reopenCapped(env.pageCount() + 1);
    auto home = env.home();
    auto opened = home->openForm(13, 0, task);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    FormFillPage *page = opened.value();
    QLineEdit *edit = nullptr;
    for (const FormField *f : home->formLibrary()->form(13)->allFields())
        if ((edit = qobject_cast<QLineEdit *>(page->editor(f->key))) && edit->text().isEmpty())
            break;
    ASSERT_NE(edit, nullptr);
    const QString key = edit->objectName();
    // A long entry (as a pasted notice text) needs new pages, which the full disk refuses.
    const QString typed = QStringLiteral("请各位居民提前关闭家用电器。").repeated(400);
    edit->setFocus();
    QInputMethodEvent commit;
    commit.setCommitString(typed);
    QApplication::sendEvent(edit, &commit);
    ASSERT_TRUE(page->isDirty());
    // WHEN she taps 返回 (the shell's back button steps back inside 我的工作)
    EXPECT_TRUE(home->goBack());
    // THEN the form stays, says saving failed, and what she typed is still in the field
    EXPECT_EQ(home->formPage(), page);
    EXPECT_EQ(home->currentPage(), page);
    EXPECT_TRUE(page->saveStatus().contains(QStringLiteral("保存失败"))) << page->saveStatus().toStdString();
    EXPECT_EQ(edit->text(), typed);
    EXPECT_EQ(edit->objectName(), key);
    EXPECT_TRUE(page->isDirty());
}

TEST(FormHostStore, TaskCountsThatCannotBeReadAreSaidSoNotShownAsNone)
{
    // GIVEN a task whose jobs table is then damaged on disk (the task itself still reads)
    Env env;
    ASSERT_GT(env.importTask(), 0);
    ASSERT_NO_FATAL_FAILURE(env.damageTables({QStringLiteral("jobs")}));
    auto home = env.home();
    // WHEN the clerk picks a task form
    home->startForm(1);
    FormTargetPage *target = home->targetPage();
    ASSERT_EQ(target->taskList()->count(), 1);
    // THEN the task is listed with its counts said to be unreadable, never "0 households"
    const QString text = target->taskList()->item(0)->text();
    EXPECT_TRUE(text.contains(QStringLiteral("RW2026-077"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("读不出户数"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("0 户"))) << text.toStdString();
}
