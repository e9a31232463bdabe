#include "roles/rolehomepage.h"

#include "report/formspec.h"
#include "store/store.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ms {

namespace {
int jobCount(Store &store, std::optional<JobStatus> status)
{
    JobQuery q;
    q.status = status;
    const auto n = store.jobs().count(q);
    return n ? n.value() : -1;
}

int taskCount(Store &store)
{
    const auto tasks = store.tasks().list();
    return tasks ? int(tasks->size()) : -1;
}
} // namespace

RoleHomePage::RoleHomePage(const Catalog &catalog, Store &store, const QStringList &roles,
                           const FormLibrary *forms, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_store(store), m_roles(roles), m_forms(forms)
{
    auto *outer = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("我的工作"), this);
    title->setObjectName(QStringLiteral("pageTitle")); // the app's style sheet sizes it
    top->addWidget(title, 1);
    auto *chart = new QPushButton(tr("标准化流程图"), this);
    chart->setObjectName(QStringLiteral("flowChartButton"));
    chart->setMinimumHeight(48);
    connect(chart, &QPushButton::clicked, this, &RoleHomePage::flowChartRequested);
    top->addWidget(chart);
    if (m_forms) {
        auto *all = new QPushButton(tr("附录表单"), this);
        all->setObjectName(QStringLiteral("formsButton"));
        all->setMinimumHeight(48);
        connect(all, &QPushButton::clicked, this, &RoleHomePage::formsRequested);
        top->addWidget(all);
    }
    outer->addLayout(top);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *col = new QVBoxLayout(content);
    for (const QString &id : m_roles) {
        if (const Role *role = m_catalog.role(id))
            col->addWidget(roleSection(*role), 1); // the card lists take the height there is
        else
            col->addWidget(new QLabel(tr("未知岗位“%1”：请在用户设置中改为目录中的岗位。").arg(id), content));
    }
    if (m_roles.isEmpty())
        col->addWidget(new QLabel(tr("此用户还没有分配岗位，请管理员在用户设置中添加。"), content));
    if (m_roles.isEmpty())
        col->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    refresh();
}

QList<RoleQueue> RoleHomePage::queues(const QString &roleId) const
{
    Store &s = m_store;
    const auto q = [](const char *id, const QString &label, const char *card, int count) {
        return RoleQueue{QLatin1String(id), label, QLatin1String(card), count};
    };
    const int done = jobCount(s, JobStatus::Done);
    if (roleId == QLatin1String("office_clerk")) {
        int noPurchase = 0;
        int flagged = 0;
        const auto tasks = s.tasks().list();
        bool unreadable = !tasks; // -1: the queue says it cannot be read, never "0"
        for (const Task &t : tasks ? tasks.value() : QList<Task>()) {
            const auto customers = s.tasks().customers(t.id);
            unreadable = unreadable || !customers;
            for (const Customer &c : customers ? customers.value() : QList<Customer>()) {
                flagged += c.mismatchFlag;
                if (c.payment != PaymentType::Prepaid)
                    continue;
                const auto purchase = s.mismatch().purchase(c.accountNo);
                unreadable = unreadable || !purchase;
                noPurchase += purchase && !purchase.value();
            }
            if (unreadable)
                break;
        }
        if (unreadable)
            noPurchase = flagged = -1;
        return {q("clerk.purchases", tr("缺购电记录（5.1 导入）"), "5.1", noPurchase),
                q("clerk.mismatch", tr("机电不符登记（7.1/7.2）"), "7.2", flagged),
                q("clerk.review", tr("待内勤审核（31.1）"), "31.1", done)};
    }
    if (roleId == QLatin1String("warehouse"))
        return {q("warehouse.issue", tr("待出库（13.1）"), "13.1", taskCount(s)),
                q("warehouse.returns", tr("待拆旧入库（32.1）"), "32.1", done),
                q("warehouse.reconcile", tr("库存对账（差异）"), "32.1", 0)};
    if (roleId == QLatin1String("installer"))
        return {q("installer.todo", tr("未开始的工单"), "20.1", jobCount(s, JobStatus::NotStarted)),
                q("installer.doing", tr("进行中的工单"), "", jobCount(s, JobStatus::InProgress))};
    if (roleId == QLatin1String("crew_leader"))
        return {q("leader.appointments", tr("约时待换（21.8）"), "21.8", jobCount(s, JobStatus::WaitingAppointment)),
                q("leader.acceptance", tr("待现场验收（28）"), "28.1", done)};
    if (roleId == QLatin1String("supervisor"))
        return {q("supervisor.check", tr("待质量检查（27）"), "27.1", done)};
    if (roleId == QLatin1String("billing"))
        return {q("billing.review", tr("待电费信息审核（33.1）"), "33.1", done)};
    if (roleId == QLatin1String("community_manager"))
        return {q("community.appointments", tr("需协助约时的客户（8.2）"), "8.2", jobCount(s, JobStatus::WaitingAppointment))};
    if (roleId == QLatin1String("project_engineer"))
        return {q("engineer.tasks", tr("换表工作任务（1.1）"), "1.1", taskCount(s))};
    return {};
}

QWidget *RoleHomePage::roleSection(const Role &role)
{
    auto *box = new QGroupBox(role.name, this);
    box->setObjectName(QStringLiteral("role_") + role.id);
    auto *layout = new QVBoxLayout(box);
    auto *queueRow = new QGridLayout;
    int col = 0;
    for (const RoleQueue &queue : queues(role.id)) {
        auto *button = new QPushButton(box);
        button->setObjectName(QStringLiteral("queue_") + queue.id);
        button->setMinimumHeight(56);
        m_queueButtons.insert(queue.id, button);
        m_queueDefs.insert(queue.id, queue);
        const QString id = queue.id;
        const QString card = queue.cardId;
        connect(button, &QPushButton::clicked, this, [this, id, card] { emit queueRequested(id, card); });
        auto *cell = new QVBoxLayout;
        cell->setSpacing(6);
        cell->addWidget(button);
        for (int number : queueForms(queue)) {
            const FormSpec *form = m_forms->form(number);
            auto *f = new QPushButton(tr("附录 %1　%2").arg(number).arg(form->title), box);
            f->setObjectName(QStringLiteral("queueForm"));
            f->setToolTip(tr("打开附录 %1 %2").arg(number).arg(form->title));
            f->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 12px; min-height: 52px;"
                                            " font-size: 18px; font-weight: normal; background: #ffffff;"));
            connect(f, &QPushButton::clicked, this, [this, number] { emit formRequested(number); });
            cell->addWidget(f);
            m_formButtons.insert(queue.id + QLatin1Char('/') + QString::number(number), f);
        }
        cell->addStretch(1);
        queueRow->addLayout(cell, col / 3, col % 3);
        ++col;
    }
    for (int c = 0; c < 3; ++c)
        queueRow->setColumnStretch(c, 1); // same width for every queue, however many
    layout->addLayout(queueRow);

    auto *list = new QListWidget(box);
    list->setObjectName(QStringLiteral("cards_") + role.id);
    for (const Flow &flow : m_catalog.flows) {
        if (flow.role != role.id)
            continue;
        auto *header = new QListWidgetItem(tr("流程 %1 %2").arg(flow.id, flow.name), list);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        header->setFlags(Qt::ItemIsEnabled);
        for (const FlowCard &card : flow.cards) {
            auto *item = new QListWidgetItem(QStringLiteral("    %1  %2").arg(card.id, card.title), list);
            item->setData(Qt::UserRole, card.id);
            item->setSizeHint(QSize(0, 40));
        }
    }
    // Cards of other flows assigned to this role (e.g. field steps done by another role's flow).
    for (const Card *card : m_catalog.cardsForRole(role.id)) {
        const Flow *flow = m_catalog.flow(card->flow);
        if (flow && flow->role == role.id)
            continue;
        auto *item = new QListWidgetItem(QStringLiteral("    %1  %2").arg(card->id, card->title), list);
        item->setData(Qt::UserRole, card->id);
    }
    connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            emit cardRequested(id);
    });
    connect(list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            emit cardRequested(id);
    });
    list->setMinimumHeight(220);
    layout->addWidget(list, 1);
    m_cardLists.insert(role.id, list);
    return box;
}

void RoleHomePage::refresh()
{
    for (const QString &role : m_roles) {
        for (const RoleQueue &queue : queues(role)) {
            QPushButton *b = m_queueButtons.value(queue.id);
            if (b && m_officeCounts.contains(queue.id)) {
                const auto [n, more] = m_officeCounts.value(queue.id);
                b->setText(more ? tr("%1\n%2+ 项（办公室服务器）").arg(queue.label).arg(n)
                                : tr("%1\n%n 项（办公室服务器）", nullptr, n).arg(queue.label));
            } else if (b)
                b->setText(queue.count < 0 ? tr("%1\n读不出数据，请稍后再试").arg(queue.label)
                                           : tr("%1\n%n 项", nullptr, queue.count).arg(queue.label));
        }
    }
}

void RoleHomePage::setOfficeCount(const QString &queueId, int count, bool more)
{
    m_officeCounts.insert(queueId, {count, more});
    refresh();
}

QList<int> RoleHomePage::queueForms(const RoleQueue &queue) const
{
    QList<int> out;
    if (!m_forms)
        return out;
    QStringList numbers;
    if (const Card *card = m_catalog.card(queue.cardId))
        numbers = card->forms;
    // Review queues whose card fills no form of its own: the task lists the reviewer checks.
    if (queue.id == QLatin1String("clerk.review"))
        numbers << QStringLiteral("8") << QStringLiteral("31"); // 装换凭证 per job, 发卡签收单
    else if (queue.id == QLatin1String("billing.review"))
        numbers << QStringLiteral("4") << QStringLiteral("28"); // 购电记录, 机电不符 differences
    else if (queue.id == QLatin1String("community.appointments"))
        numbers << QStringLiteral("29"); // 约时更换记录单
    for (const QString &n : std::as_const(numbers)) {
        const int number = n.toInt();
        if (m_forms->form(number) && !out.contains(number))
            out << number;
    }
    return out;
}

QPushButton *RoleHomePage::formButton(const QString &queueId, int number) const
{
    return m_formButtons.value(queueId + QLatin1Char('/') + QString::number(number));
}

QListWidget *RoleHomePage::cardList(const QString &roleId) const
{
    return m_cardLists.value(roleId);
}

QPushButton *RoleHomePage::queueButton(const QString &queueId) const
{
    return m_queueButtons.value(queueId);
}

} // namespace ms
