#include "pages/taskcardspage.h"

#include "jobsession.h"
#include "style.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <algorithm>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QScroller>
#include <QTimer>
#include <QVBoxLayout>

namespace ms {

namespace {

QString statusLine(const TaskCardState &s, const QString &roleName)
{
    const CardProgress &p = s.progress;
    const int required = int(std::count_if(p.evidence.cbegin(), p.evidence.cend(),
                                            [](const RequirementState &r) { return r.required; }));
    const QString counts = TaskCardsPage::tr("步骤 %1/%2 · 证据 %3/%4")
                               .arg(p.stepsDone())
                               .arg(p.steps.size())
                               .arg(p.evidenceDone())
                               .arg(required);
    return QStringLiteral("%1　·　%2").arg(roleName, counts);
}

} // namespace

TaskCardsPage::TaskCardsPage(AppContext &ctx, JobSession &taskSession, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_session(taskSession)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 12, 24, 12);
    root->setSpacing(8);
    auto *head = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_title->setWordWrap(true);
    head->addWidget(m_title, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("hint"));
    head->addWidget(m_summary);
    root->addLayout(head);
    auto *hint = new QLabel(tr("这些作业卡每个台区（集中器）只做一次，不按户做；记录保存在本任务上，"
                               "各户工单和附录表单都会用到。"),
                            this);
    hint->setObjectName(QStringLiteral("hint"));
    hint->setWordWrap(true);
    root->addWidget(hint);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    QScroller::grabGesture(m_scroll->viewport(), QScroller::TouchGesture);
    root->addWidget(m_scroll, 1);

    m_continue = new QPushButton(this);
    m_continue->setObjectName(QStringLiteral("primary"));
    m_continue->setMinimumHeight(80);
    root->addWidget(m_continue);
    connect(m_continue, &QPushButton::clicked, this, [this] {
        const QString id = m_continue->property("cardId").toString();
        if (!id.isEmpty())
            emit cardOpened(id);
    });
    // Rebuild after the change's own signal has returned (never inside a tapped button's click).
    connect(&taskSession, &JobSession::changed, this, [this] {
        QTimer::singleShot(0, this, &TaskCardsPage::refresh);
    });
    refresh();
}

void TaskCardsPage::refresh()
{
    // The top bar names the task; the page names the area (台区) the cards are done for.
    const Task &task = m_session.task();
    const QString area = task.areaName.isEmpty() ? task.name : task.areaName;
    m_title->setText(task.areaCode.isEmpty() ? area : tr("%1　台区编号 %2").arg(area, task.areaCode));
    const TaskCardsOverview o = m_session.taskCards();
    m_summary->setText(tr("已完成 %1 / %2 张").arg(o.done).arg(o.cards.size()));

    const int scrollPos = m_scroll->verticalScrollBar()->value();
    auto *content = new QWidget;
    m_list = new QVBoxLayout(content);
    m_list->setSpacing(8);
    // Two columns per phase, in manual order; "继续" goes to the first open card of the signed-in
    // person's role (an installer is not sent to the project engineer's 1.1), else the first open.
    const QStringList myRoles = m_ctx.user ? m_ctx.user->roles : QStringList();
    QString phase;
    QString firstOpen;
    QString firstMine;
    QGridLayout *grid = nullptr;
    int cell = 0;
    for (const TaskCardState &s : o.cards) {
        if (s.phaseName != phase || !grid) {
            phase = s.phaseName;
            auto *t = new QLabel(phase);
            t->setObjectName(QStringLiteral("sectionTitle"));
            m_list->addWidget(t);
            grid = new QGridLayout;
            grid->setHorizontalSpacing(10);
            grid->setVerticalSpacing(8);
            grid->setColumnStretch(0, 1);
            grid->setColumnStretch(1, 1);
            m_list->addLayout(grid);
            cell = 0;
        }
        const Role *role = m_ctx.catalog.role(s.card->role);
        const QString roleName = role ? role->name : s.card->role;
        const bool done = s.status == TaskCardStatus::Done;
        if (!done && firstOpen.isEmpty())
            firstOpen = s.card->id;
        if (!done && firstMine.isEmpty() && myRoles.contains(s.card->role))
            firstMine = s.card->id;

        auto *b = new QPushButton;
        b->setObjectName(QStringLiteral("step"));
        b->setCheckable(true);
        b->setChecked(done);
        b->setProperty("cardId", s.card->id);
        b->setMinimumHeight(76);
        auto *row = new QHBoxLayout(b);
        row->setContentsMargins(14, 6, 14, 6);
        auto *text = new QLabel(QStringLiteral("<b>%1　%2</b><br><span style='font-size:17px; color:#333333'>%3</span>")
                                    .arg(s.card->id, s.card->title.toHtmlEscaped(),
                                         statusLine(s, roleName).toHtmlEscaped()));
        text->setAttribute(Qt::WA_TransparentForMouseEvents);
        text->setStyleSheet(QStringLiteral("background:transparent"));
        text->setWordWrap(true);
        row->addWidget(text, 1);
        QString badge;
        QColor color;
        switch (s.status) {
        case TaskCardStatus::Done: badge = tr("✓ 已完成"); color = style::okColor(); break;
        case TaskCardStatus::InProgress: badge = tr("进行中"); color = style::statusColor(JobStatus::InProgress); break;
        case TaskCardStatus::NotStarted: badge = tr("未开始"); color = style::statusColor(JobStatus::NotStarted); break;
        }
        auto *chip = new QLabel(badge);
        chip->setAttribute(Qt::WA_TransparentForMouseEvents);
        chip->setStyleSheet(QStringLiteral("background:transparent; font-weight:bold; font-size:20px; color:%1")
                                .arg(color.name()));
        row->addWidget(chip);
        const QString id = s.card->id;
        connect(b, &QPushButton::clicked, this, [this, b, done, id] {
            b->setChecked(done);
            emit cardOpened(id);
        });
        grid->addWidget(b, cell / 2, cell % 2);
        ++cell;
    }
    m_list->addStretch();
    m_scroll->setWidget(content); // deletes the previous content
    m_scroll->verticalScrollBar()->setValue(scrollPos);

    const QString nextId = firstMine.isEmpty() ? firstOpen : firstMine;
    const Card *next = nextId.isEmpty() ? nullptr : m_ctx.catalog.card(nextId);
    m_continue->setProperty("cardId", nextId);
    m_continue->setEnabled(next != nullptr);
    m_continue->setText(next ? tr("继续：%1 %2").arg(next->id, next->title)
                             : tr("本任务的台区作业卡都已完成"));
}

QPushButton *TaskCardsPage::cardButton(const QString &cardId) const
{
    for (QPushButton *b : findChildren<QPushButton *>())
        if (b->property("cardId").toString() == cardId && b != m_continue)
            return b;
    return nullptr;
}

QString TaskCardsPage::summaryText() const
{
    return m_summary->text();
}

} // namespace ms
