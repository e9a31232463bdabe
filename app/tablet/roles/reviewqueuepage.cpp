#include "roles/reviewqueuepage.h"

#include "roles/officejson.h"
#include "sync/officedesk.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ms {

using officejson::str;

namespace {
enum Column { Submitted, Account, Customer, Task, Crew, State, Round, ColumnCount };
constexpr int kUuidRole = Qt::UserRole + 1;
constexpr int kStateRole = Qt::UserRole + 2;
} // namespace

ReviewQueuePage::ReviewQueuePage(sync::OfficeDesk &desk, QWidget *parent)
    : QWidget(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("ReviewQueuePage"));
    auto *col = new QVBoxLayout(this);
    auto *title = new QLabel(tr("待内勤审核（31.1）"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    col->addWidget(title);

    auto *filters = new QHBoxLayout;
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("taskFilter"));
    m_task->addItem(tr("全部台区"), QString());
    m_task->setMinimumContentsLength(12);
    m_crew = new QLineEdit(this);
    m_crew->setObjectName(QStringLiteral("crewFilter"));
    m_crew->setPlaceholderText(tr("班组"));
    m_byDate = new QCheckBox(tr("提交日期"), this);
    m_from = new QDateEdit(QDate::currentDate().addDays(-7), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
    }
    auto *apply = new QPushButton(tr("刷新"), this);
    apply->setObjectName(QStringLiteral("reload"));
    apply->setShortcut(QKeySequence::Refresh);
    filters->addWidget(new QLabel(tr("台区"), this));
    filters->addWidget(m_task);
    filters->addWidget(m_crew);
    filters->addWidget(m_byDate);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("—"), this));
    filters->addWidget(m_to);
    filters->addStretch(1);
    filters->addWidget(apply);
    col->addLayout(filters);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    col->addWidget(m_status);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("提交时间"), tr("户号"), tr("客户"), tr("台区/任务"),
                                        tr("班组"), tr("状态"), tr("轮次")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queue"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(Submitted, Qt::AscendingOrder); // oldest first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    col->addWidget(m_table, 1);
    m_more = new QPushButton(this);
    m_more->setObjectName(QStringLiteral("more"));
    m_more->hide();
    col->addWidget(m_more, 0, Qt::AlignHCenter);
    connect(m_more, &QPushButton::clicked, this, &ReviewQueuePage::loadMore);

    connect(m_byDate, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_byDate, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(apply, &QPushButton::clicked, this, &ReviewQueuePage::reload);
    connect(m_crew, &QLineEdit::returnPressed, this, &ReviewQueuePage::reload);
    connect(m_task, &QComboBox::activated, this, &ReviewQueuePage::reload);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit jobRequested(m_proxy->index(index.row(), 0).data(kUuidRole).toString());
    });
    connect(&m_desk, &sync::OfficeDesk::retryRequested, this, &ReviewQueuePage::reload);
    connect(&m_desk, &sync::OfficeDesk::decisionApplied, this, &ReviewQueuePage::reload);
    reload();
}

int ReviewQueuePage::rowCount() const
{
    return m_proxy->rowCount();
}

QString ReviewQueuePage::jobUuidAt(int row) const
{
    return m_proxy->index(row, 0).data(kUuidRole).toString();
}

QString ReviewQueuePage::stateAt(int row) const
{
    return m_proxy->index(row, 0).data(kStateRole).toString();
}

QString ReviewQueuePage::status() const
{
    return m_status->text();
}

QUrlQuery ReviewQueuePage::filterQuery() const
{
    QUrlQuery query;
    if (const QString task = m_task->currentData().toString(); !task.isEmpty())
        query.addQueryItem(QStringLiteral("task"), task);
    if (const QString crew = m_crew->text().trimmed(); !crew.isEmpty())
        query.addQueryItem(QStringLiteral("crew"), crew);
    if (m_byDate->isChecked()) {
        query.addQueryItem(QStringLiteral("from"), m_from->date().toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("to"), m_to->date().toString(Qt::ISODate));
    }
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    return query;
}

void ReviewQueuePage::showCount()
{
    m_more->setVisible(!m_next.isEmpty());
    m_more->setText(tr("加载更多（再取 %n 个）", nullptr, m_pageSize));
    m_status->setText(
        m_next.isEmpty()
            ? tr("%n 个工单等待审核（按提交时间，最早的在前）。", nullptr, m_model->rowCount())
            : tr("已显示最早提交的 %n 个待审核工单，还有更多：点“加载更多”。", nullptr,
                 m_model->rowCount()));
}

void ReviewQueuePage::reload()
{
    const QUrlQuery query = filterQuery();
    const QString key = QStringLiteral("review.queue?") + query.toString();
    if (m_model->rowCount() == 0)
        if (auto kept = m_desk.cached(key))
            showAnswer(kept->body); // what the office said last time, while it is asked again
    m_loading = true;
    m_status->setText(tr("正在从办公室服务器 %1 读取待审核工单…").arg(m_desk.serverName()));
    const int generation = ++m_generation;
    m_desk.fetch(key, QStringLiteral("office/review/queue"), query, this,
                 [this, generation](const sync::OfficeDesk::Answer &a) {
                     if (generation != m_generation)
                         return; // a newer request is on its way
                     m_loading = false;
                     if (!a.error) {
                         showAnswer(a.body);
                         showCount();
                     } else if (a.cached) {
                         showAnswer(a.body);
                         m_more->hide(); // the next page needs the office
                         m_status->setText(tr("显示的是 %1 取到的数据：%2")
                                               .arg(a.fetchedAt.toLocalTime().toString(
                                                        QStringLiteral("yyyy-MM-dd hh:mm")),
                                                    a.error->message));
                     } else {
                         m_status->setText(tr("读不到待审核工单：%1").arg(a.error->message));
                     }
                     emit loaded(m_model->rowCount(), !m_next.isEmpty());
                 });
}

void ReviewQueuePage::loadMore()
{
    if (m_next.isEmpty() || m_loading)
        return;
    QUrlQuery query = filterQuery();
    query.addQueryItem(QStringLiteral("after"), m_next);
    m_loading = true;
    m_more->setEnabled(false);
    m_status->setText(tr("正在读取下一页…"));
    const int generation = ++m_generation;
    // Later pages are not kept: the first page is what an unreachable office leaves on screen.
    m_desk.fetch(QString(), QStringLiteral("office/review/queue"), query, this,
                 [this, generation](const sync::OfficeDesk::Answer &a) {
                     if (generation != m_generation)
                         return;
                     m_loading = false;
                     m_more->setEnabled(true);
                     if (a.error) {
                         m_status->setText(tr("下一页读不到：%1").arg(a.error->message));
                         return;
                     }
                     showAnswer(a.body, true);
                     showCount();
                     emit loaded(m_model->rowCount(), !m_next.isEmpty());
                 });
}

void ReviewQueuePage::showAnswer(const QJsonObject &answer, bool append)
{
    const QString selected = jobUuidAt(m_table->currentIndex().row());
    if (!append)
        m_model->removeRows(0, m_model->rowCount());
    m_next = answer.value(QStringLiteral("next")).toString();
    for (const QJsonValue &v : answer.value(QStringLiteral("jobs")).toArray()) {
        const QJsonObject j = v.toObject();
        const bool again = str(j, "state") == QLatin1String("resubmitted");
        const bool billing = j.value(QStringLiteral("billing_sent_back")).toBool();
        QString state = again ? tr("重新提交") : tr("已提交");
        if (billing)
            state += tr("（电费审核退回）");
        const QDateTime at = QDateTime::fromString(str(j, "submitted_at"), Qt::ISODateWithMs);
        QList<QStandardItem *> row;
        auto *first = new QStandardItem(at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")));
        first->setData(str(j, "uuid"), kUuidRole);
        first->setData(str(j, "state") + (billing ? QStringLiteral(", billing_sent_back") : QString()),
                       kStateRole);
        row << first << new QStandardItem(str(j, "account_no"))
            << new QStandardItem(str(j, "customer_name"))
            << new QStandardItem(tr("%1 %2").arg(str(j, "area_name"), str(j, "task_name")).trimmed())
            << new QStandardItem(str(j, "crew")) << new QStandardItem(state);
        auto *round = new QStandardItem;
        round->setData(j.value(QStringLiteral("submission")).toInt(), Qt::DisplayRole);
        row << round;
        if (again || billing)
            for (QStandardItem *item : row)
                item->setBackground(QColor(billing ? 0xffe0b2 : 0xfff8e1));
        m_model->appendRow(row);
        const QString task = str(j, "task_uuid");
        if (!task.isEmpty() && m_task->findData(task) < 0)
            m_task->addItem(tr("%1 %2").arg(str(j, "area_name"), str(j, "task_name")).trimmed(), task);
    }
    m_table->resizeColumnsToContents();
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (jobUuidAt(r) == selected && !selected.isEmpty())
            m_table->selectRow(r);
}

} // namespace ms
