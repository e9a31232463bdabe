#include "pages/joblistpage.h"

#include "models/jobdelegate.h"
#include "models/joblistmodel.h"
#include "store/store.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScroller>
#include <QTimer>
#include <QVBoxLayout>

namespace ms {

namespace {
constexpr int kAll = 100; // not -1: QButtonGroup auto-assigns ids for -1
}

JobListPage::JobListPage(AppContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 16, 24, 16);
    root->setSpacing(12);

    auto *head = new QHBoxLayout;
    m_taskTitle = new QLabel(this);
    m_taskTitle->setObjectName(QStringLiteral("pageTitle"));
    head->addWidget(m_taskTitle, 1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("hint"));
    head->addWidget(m_count);
    m_taskCards = new QPushButton(tr("台区/任务作业卡"), this);
    m_taskCards->setObjectName(QStringLiteral("taskCards"));
    m_taskCards->setToolTip(tr("集中器、信号测试等每个台区只做一次的作业卡"));
    head->addWidget(m_taskCards);
    root->addLayout(head);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("搜索：户号 / 户名 / 地址 / 表号"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("搜索"));
    root->addWidget(m_search);

    auto *filters = new QHBoxLayout;
    m_filter = new QButtonGroup(this);
    const QList<QPair<int, QString>> options = {
        {kAll, tr("全部")},
        {int(JobStatus::NotStarted), tr("未开始")},
        {int(JobStatus::InProgress), tr("进行中")},
        {int(JobStatus::WaitingAppointment), tr("待约时")},
        {int(JobStatus::Done), tr("已完成")}};
    for (const auto &[id, text] : options) {
        auto *b = new QPushButton(text, this);
        b->setCheckable(true);
        b->setChecked(id == kAll);
        m_filter->addButton(b, id);
        filters->addWidget(b);
    }
    root->addLayout(filters);

    m_errorBox = new QWidget(this);
    auto *errorRow = new QHBoxLayout(m_errorBox);
    errorRow->setContentsMargins(0, 0, 0, 0);
    m_error = new QLabel(m_errorBox);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    errorRow->addWidget(m_error, 1);
    auto *retry = new QPushButton(tr("重试"), m_errorBox);
    errorRow->addWidget(retry);
    m_errorBox->hide();
    root->addWidget(m_errorBox);
    connect(retry, &QPushButton::clicked, this, &JobListPage::refresh);

    m_model = new JobListModel(ctx.store, this);
    m_view = new QListView(this);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new JobDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("工单列表"));
    QScroller::grabGesture(m_view->viewport(), QScroller::TouchGesture);
    root->addWidget(m_view, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &JobListPage::applyQuery);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QButtonGroup::idClicked, this, &JobListPage::applyQuery);
    connect(m_taskCards, &QPushButton::clicked, this, &JobListPage::openTaskCards);
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit jobOpened(index.data(JobListModel::JobIdRole).toLongLong());
    });
    connect(&ctx.store, &Store::jobChanged, this, [this](RowId id) { m_model->refreshJob(id); });
    connect(m_model, &JobListModel::errorChanged, this, &JobListPage::showError);
    connect(&ctx.store, &Store::taskChanged, this, &JobListPage::refresh);
    refresh();
}

void JobListPage::setSearch(const QString &text)
{
    m_search->setText(text);
    m_debounce->stop();
    applyQuery();
}

void JobListPage::refresh()
{
    const auto read = m_ctx.store.tasks().list();
    const QList<Task> tasks = read ? read.value() : QList<Task>();
    m_taskTitle->setText(tasks.size() == 1 ? tasks.first().name
                                           : tr("换表工单（%n 个任务）", nullptr, int(tasks.size())));
    m_taskCards->setEnabled(!tasks.isEmpty());
    applyQuery();
    if (!read)
        showError(read.error().message);
}

QString JobListPage::errorText() const
{
    return m_errorBox->isVisibleTo(this) ? m_error->text() : QString();
}

void JobListPage::showError(const QString &message)
{
    m_error->setText(message.isEmpty() ? QString()
                                       : tr("读不出工单列表：%1").arg(message));
    m_errorBox->setVisible(!message.isEmpty());
}

void JobListPage::openTaskCards()
{
    const auto read = m_ctx.store.tasks().list();
    if (!read) {
        showError(read.error().message);
        return;
    }
    const QList<Task> &tasks = read.value();
    if (tasks.size() == 1) {
        emit taskCardsOpened(tasks.first().id);
        return;
    }
    // Several tasks on this device: say which one.
    QMenu menu(this);
    for (const Task &t : tasks) {
        const QString label = t.areaName.isEmpty() ? t.name : tr("%1（%2）").arg(t.areaName, t.name);
        const RowId id = t.id;
        menu.addAction(label, this, [this, id] { emit taskCardsOpened(id); });
    }
    menu.exec(m_taskCards->mapToGlobal(QPoint(0, m_taskCards->height())));
}

void JobListPage::applyQuery()
{
    JobQuery q;
    q.search = m_search->text().trimmed();
    if (m_filter->checkedId() != kAll)
        q.status = JobStatus(m_filter->checkedId());
    m_model->setQuery(q);
    // No count when the list could not be read: "0 households" would not be true.
    m_count->setText(m_model->error().isEmpty() ? tr("共 %n 户", nullptr, int(m_model->totalCount()))
                                                : QString());
    showError(m_model->error());
}

} // namespace ms
