#include "roles/formtargetpage.h"

#include "report/formspec.h"
#include "store/store.h"
#include "style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms {

namespace {
QListWidget *makeList(const QString &name, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(name);
    list->setSpacing(2);
    list->setWordWrap(true);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px; border-bottom: 1px solid #d0d6de; }"
                                       "QListWidget::item:selected { background: #0b3d7a; color: #ffffff; }"));
    return list;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setObjectName(QStringLiteral("sectionTitle"));
    return l;
}
} // namespace

FormTargetPage::FormTargetPage(Store &store, QWidget *parent) : QWidget(parent), m_store(store)
{
    setObjectName(QStringLiteral("formTargetPage"));
    auto *outer = new QVBoxLayout(this);
    // Back is the shell's 返回 (OfficeHome::goBack), never a button of this page.
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    outer->addWidget(m_title);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    outer->addWidget(m_hint);

    auto *columns = new QHBoxLayout;
    auto *taskPane = new QWidget(this);
    auto *taskCol = new QVBoxLayout(taskPane);
    taskCol->setContentsMargins(0, 0, 0, 0);
    taskCol->addWidget(heading(tr("换表任务"), taskPane));
    m_taskSearch = new QLineEdit(taskPane);
    m_taskSearch->setObjectName(QStringLiteral("taskSearch"));
    m_taskSearch->setPlaceholderText(tr("任务编号、名称、台区或地址"));
    m_taskSearch->setClearButtonEnabled(true);
    taskCol->addWidget(m_taskSearch);
    m_tasks = makeList(QStringLiteral("taskList"), taskPane);
    taskCol->addWidget(m_tasks, 1);
    columns->addWidget(taskPane, 1);

    m_jobPane = new QWidget(this);
    auto *jobCol = new QVBoxLayout(m_jobPane);
    jobCol->setContentsMargins(0, 0, 0, 0);
    jobCol->addWidget(heading(tr("客户（工单）"), m_jobPane));
    m_jobSearch = new QLineEdit(m_jobPane);
    m_jobSearch->setObjectName(QStringLiteral("jobSearch"));
    m_jobSearch->setPlaceholderText(tr("户号、户名、地址或表号"));
    m_jobSearch->setClearButtonEnabled(true);
    jobCol->addWidget(m_jobSearch);
    m_jobNote = new QLabel(m_jobPane);
    m_jobNote->setObjectName(QStringLiteral("hint"));
    m_jobNote->setWordWrap(true);
    jobCol->addWidget(m_jobNote);
    m_jobs = makeList(QStringLiteral("jobList"), m_jobPane);
    jobCol->addWidget(m_jobs, 1);
    columns->addWidget(m_jobPane, 1);
    outer->addLayout(columns, 1);

    auto *bottom = new QHBoxLayout;
    m_choice = new QLabel(this);
    m_choice->setObjectName(QStringLiteral("targetChoice"));
    m_choice->setWordWrap(true);
    bottom->addWidget(m_choice, 1);
    m_open = new QPushButton(tr("打开表单"), this);
    m_open->setObjectName(QStringLiteral("primary"));
    m_open->setMinimumWidth(220);
    bottom->addWidget(m_open);
    outer->addLayout(bottom);

    connect(m_taskSearch, &QLineEdit::textChanged, this, &FormTargetPage::fillTasks);
    connect(m_jobSearch, &QLineEdit::textChanged, this, &FormTargetPage::fillJobs);
    // Selection, not the current row: a tap moves the current row before it selects.
    connect(m_tasks, &QListWidget::itemSelectionChanged, this, [this] {
        m_jobSearch->clear(); // a new task: its jobs, unfiltered
        fillJobs();
        updateOpen();
    });
    connect(m_jobs, &QListWidget::itemSelectionChanged, this, &FormTargetPage::updateOpen);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_open->isEnabled())
            emit chosen(m_number, m_needsJob ? selectedJob() : 0, selectedTask());
    });
}

void FormTargetPage::ask(const FormSpec &form, RowId taskId)
{
    m_number = form.number;
    m_needsJob = form.isJobScope();
    m_title->setText(tr("附录 %1　%2").arg(form.number).arg(form.title));
    m_hint->setText(m_needsJob ? tr("此表每户一份：先选换表任务，再选客户。")
                               : tr("此表按换表任务填写：请选择任务。"));
    m_jobPane->setVisible(m_needsJob);
    {
        const QSignalBlocker block(m_taskSearch);
        m_taskSearch->clear();
    }
    fillTasks();
    if (taskId > 0)
        selectTask(taskId);
    else if (m_tasks->count() == 1 && m_tasks->item(0)->data(Qt::UserRole).toLongLong() > 0)
        m_tasks->setCurrentRow(0); // the only task: nothing to choose
    fillJobs();
    updateOpen();
}

void FormTargetPage::fillTasks()
{
    const RowId keep = selectedTask();
    const QString wanted = m_taskSearch->text().simplified();
    const QSignalBlocker block(m_tasks);
    m_tasks->clear();
    const auto read = m_store.tasks().list();
    const QList<Task> tasks = read ? read.value() : QList<Task>();
    if (!read) {
        auto *failed = new QListWidgetItem(tr("读不出任务列表：%1").arg(read.error().message), m_tasks);
        failed->setFlags(Qt::NoItemFlags);
    }
    for (const Task &t : tasks) {
        const QString hay = QStringList{t.code, t.name, t.areaName, t.areaCode, t.address}.join(QLatin1Char(' '));
        if (!wanted.isEmpty() && !hay.contains(wanted, Qt::CaseInsensitive))
            continue;
        const auto all = m_store.jobs().count(JobQuery().inTask(t.id));
        const auto finished =
            m_store.jobs().count(JobQuery().inTask(t.id).withStatus(JobStatus::Done));
        const QString place = t.areaName.isEmpty() ? t.address : t.areaName;
        // A count that cannot be read is said so, never shown as "0 households".
        const QString text =
            !all || !finished
                ? tr("%1　%2\n%3 · 读不出户数：%4")
                      .arg(t.code, t.name, place,
                           (!all ? all.error() : finished.error()).message)
                : tr("%1　%2\n%3 · %n 户，已完成 %4 户", nullptr, all.value())
                      .arg(t.code, t.name, place)
                      .arg(finished.value());
        auto *item = new QListWidgetItem(text, m_tasks);
        item->setData(Qt::UserRole, qlonglong(t.id));
        if (t.id == keep)
            m_tasks->setCurrentItem(item);
    }
    if (m_tasks->count() == 0) {
        auto *none = new QListWidgetItem(tasks.isEmpty() ? tr("平板上还没有换表任务：请先同步或导入任务。")
                                                         : tr("没有与“%1”相符的任务。").arg(wanted),
                                         m_tasks);
        none->setFlags(Qt::NoItemFlags);
    }
    if (selectedTask() != keep) {
        fillJobs();
        updateOpen();
    }
}

void FormTargetPage::fillJobs()
{
    if (!m_needsJob)
        return;
    const RowId keep = selectedJob();
    const QSignalBlocker block(m_jobs);
    m_jobs->clear();
    const RowId task = selectedTask();
    if (task <= 0) {
        m_jobNote->setText(tr("请先在左侧选择换表任务。"));
        m_jobSearch->setEnabled(false);
        updateOpen();
        return;
    }
    m_jobSearch->setEnabled(true);
    const QString wanted = m_jobSearch->text().simplified();
    const auto read = m_store.jobs().list(JobQuery().inTask(task).matching(wanted).page(kJobPage));
    const auto counted = m_store.jobs().count(JobQuery().inTask(task).matching(wanted));
    if (!read || !counted) {
        const QString why = !read ? read.error().message : counted.error().message;
        m_jobNote->setText(tr("读不出客户列表：%1").arg(why));
        updateOpen();
        return;
    }
    const QList<JobListItem> &jobs = read.value();
    for (const JobListItem &j : jobs) {
        auto *item = new QListWidgetItem(tr("%1　%2\n%3 · %4")
                                             .arg(j.customer.accountNo, j.customer.name, j.customer.address,
                                                  style::statusText(j.job.status)),
                                         m_jobs);
        item->setData(Qt::UserRole, qlonglong(j.job.id));
        if (j.job.id == keep)
            m_jobs->setCurrentItem(item);
    }
    const int total = counted.value();
    if (jobs.isEmpty())
        m_jobNote->setText(wanted.isEmpty() ? tr("此任务没有客户。") : tr("没有与“%1”相符的客户。").arg(wanted));
    else if (total > jobs.size())
        m_jobNote->setText(tr("显示前 %1 户（共 %n 户），输入户号或户名可缩小范围。", nullptr, total).arg(jobs.size()));
    else
        m_jobNote->setText(tr("共 %n 户", nullptr, total));
    updateOpen();
}

RowId FormTargetPage::selectedTask() const
{
    const QListWidgetItem *item = m_tasks->currentItem();
    return item && item->isSelected() ? item->data(Qt::UserRole).toLongLong() : 0;
}

RowId FormTargetPage::selectedJob() const
{
    const QListWidgetItem *item = m_jobs->currentItem();
    return item && item->isSelected() ? item->data(Qt::UserRole).toLongLong() : 0;
}

bool FormTargetPage::selectTask(RowId taskId)
{
    for (int i = 0; i < m_tasks->count(); ++i)
        if (m_tasks->item(i)->data(Qt::UserRole).toLongLong() == taskId) {
            m_tasks->setCurrentRow(i);
            m_tasks->scrollToItem(m_tasks->item(i));
            return true;
        }
    return false;
}

bool FormTargetPage::selectJob(RowId jobId)
{
    for (int i = 0; i < m_jobs->count(); ++i)
        if (m_jobs->item(i)->data(Qt::UserRole).toLongLong() == jobId) {
            m_jobs->setCurrentRow(i);
            m_jobs->scrollToItem(m_jobs->item(i));
            return true;
        }
    return false;
}

void FormTargetPage::updateOpen()
{
    const QListWidgetItem *task = selectedTask() > 0 ? m_tasks->currentItem() : nullptr;
    const QListWidgetItem *job = m_needsJob && selectedJob() > 0 ? m_jobs->currentItem() : nullptr;
    const bool ready = task && (!m_needsJob || job);
    m_open->setEnabled(ready);
    if (!task)
        m_choice->setText(tr("尚未选择换表任务"));
    else if (m_needsJob && !job)
        m_choice->setText(tr("尚未选择客户"));
    else
        m_choice->setText(tr("已选：%1").arg((job ? job : task)->text().section(QLatin1Char('\n'), 0, 0).simplified()));
}

} // namespace ms
