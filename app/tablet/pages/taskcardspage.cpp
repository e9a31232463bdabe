#include "pages/taskcardspage.h"

#include "service/jobsession.h"
#include "service/sealposition.h"
#include "style.h"
#include "widgets/pageheader.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QScroller>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

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

QLabel *sealCell(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("background: transparent"));
    return l;
}

} // namespace

TaskCardsPage::TaskCardsPage(AppContext &ctx, JobSession &taskSession, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_session(taskSession)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 12, 24, 12);
    root->setSpacing(8);
    m_header = new PageHeader(this);
    m_mineOnly = new QPushButton(this);
    m_mineOnly->setObjectName(QStringLiteral("mineOnly"));
    m_mineOnly->setCheckable(true);
    m_mineOnly->setChecked(mineOnlyByDefault(ctx.user ? ctx.user->roles : QStringList()));
    m_header->addControl(m_mineOnly);
    root->addWidget(m_header);
    auto *hint = new QLabel(tr("这些作业卡每个台区（集中器）只做一次，不按户做；记录保存在本任务上，"
                               "各户工单和附录表单都会用到。"),
                            this);
    hint->setObjectName(QStringLiteral("hint"));
    hint->setWordWrap(true);
    root->addWidget(hint);
    m_seals = new QWidget(this);
    auto *sealsLayout = new QVBoxLayout(m_seals);
    sealsLayout->setContentsMargins(0, 0, 0, 0);
    root->addWidget(m_seals);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    QScroller::grabGesture(m_scroll->viewport(), QScroller::TouchGesture);
    root->addWidget(m_scroll, 1);

    m_continue = new QPushButton(this);
    m_continue->setObjectName(QStringLiteral("primary"));
    m_continue->setMinimumHeight(80);
    root->addWidget(m_continue);
    const auto showState = [this] {
        // The state in words too, not only in colour: ✓ while only mine are listed.
        m_mineOnly->setText(m_mineOnly->isChecked() ? QStringLiteral("✓ %1").arg(tr("只看我的作业卡"))
                                                    : tr("只看我的作业卡"));
    };
    showState();
    connect(m_mineOnly, &QPushButton::toggled, this, [this, showState] {
        showState();
        QTimer::singleShot(0, this, &TaskCardsPage::refresh);
    });
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
    m_header->setTitle(task.areaCode.isEmpty() ? area : tr("%1　台区编号 %2").arg(area, task.areaCode));
    const TaskCardsOverview o = m_session.taskCards();
    m_header->setSummary(tr("已完成 %1 / %n 张", nullptr, int(o.cards.size())).arg(o.done));

    const int scrollPos = m_scroll->verticalScrollBar()->value();
    auto *content = new QWidget;
    m_list = new QVBoxLayout(content);
    m_list->setSpacing(8);
    // Two columns per phase, in manual order; "继续" goes to the first open card of the signed-in
    // person's role (an installer is not sent to the project engineer's 1.1), else the first open.
    const QStringList myRoles = m_ctx.user ? m_ctx.user->roles : QStringList();
    const bool mineOnly = m_mineOnly->isChecked();
    int listed = 0;
    QString phase;
    QString firstOpen;
    QString firstMine;
    QGridLayout *grid = nullptr;
    int cell = 0;
    for (const TaskCardState &s : o.cards) {
        const bool mine = myRoles.contains(s.card->role);
        const bool done = s.status == TaskCardStatus::Done;
        if (!done && firstOpen.isEmpty())
            firstOpen = s.card->id;
        if (!done && firstMine.isEmpty() && mine)
            firstMine = s.card->id;
        if (mineOnly && !mine)
            continue;
        ++listed;
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
    if (mineOnly && listed == 0) {
        QStringList names;
        for (const QString &id : myRoles)
            names << (m_ctx.catalog.role(id) ? m_ctx.catalog.role(id)->name : id);
        auto *none = new QLabel(tr("本任务没有分给您的角色（%1）的台区作业卡。点上方“只看我的作业卡”可查看全部。")
                                    .arg(names.join(QStringLiteral("、"))));
        none->setObjectName(QStringLiteral("notice"));
        none->setWordWrap(true);
        m_list->addWidget(none);
    }
    m_list->addStretch();
    m_scroll->setWidget(content); // deletes the previous content
    for (QWidget *old : m_seals->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        delete old;
    m_seals->layout()->addWidget(buildSeals());
    m_scroll->verticalScrollBar()->setValue(scrollPos);

    const QString nextId = firstMine.isEmpty() ? firstOpen : firstMine;
    const Card *next = nextId.isEmpty() ? nullptr : m_ctx.catalog.card(nextId);
    m_continue->setProperty("cardId", nextId);
    m_continue->setEnabled(next != nullptr);
    m_continue->setText(next ? tr("继续：%1 %2").arg(next->id, next->title)
                             : tr("本任务的台区作业卡都已完成"));
}

QWidget *TaskCardsPage::buildSeals()
{
    // A strip above the cards, always in sight: a task has a few seals (concentrator, its box).
    auto *box = new QFrame;
    box->setObjectName(QStringLiteral("taskSeals"));
    box->setStyleSheet(QStringLiteral("QFrame#taskSeals { background: #f3f6fa; border: 1px solid #c5ced9;"
                                      " border-radius: 8px; }"));
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(14, 4, 14, 8);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(3, 1);
    const QList<TaskSeal> seals = m_session.taskSeals();
    auto *title = new QLabel(tr("本任务的封印（%n 个）", nullptr, int(seals.size())), box);
    title->setObjectName(QStringLiteral("sectionTitle"));
    title->setStyleSheet(QStringLiteral("background: transparent"));
    grid->addWidget(title, 0, 0, std::max<int>(1, int(seals.size())), 1, Qt::AlignTop);
    if (seals.isEmpty()) {
        auto *none = sealCell(tr("尚未登记封印。集中器、集中器箱的封印号在对应作业卡上输入后列在这里。"), box);
        none->setObjectName(QStringLiteral("hint"));
        grid->addWidget(none, 0, 1, 1, 4, Qt::AlignBottom);
        return box;
    }
    int row = 0;
    for (const TaskSeal &t : seals) {
        const Card *card = t.cardId.isEmpty() ? nullptr : m_ctx.catalog.card(t.cardId);
        const QString cardText = card ? QStringLiteral("%1　%2").arg(card->id, card->title)
                                      : (t.cardId.isEmpty() ? tr("（未知）") : t.cardId);
        auto *number = sealCell(t.seal.number, box);
        number->setObjectName(QStringLiteral("sealNumber"));
        number->setStyleSheet(QStringLiteral("background: transparent; font-weight: bold"));
        number->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(number, row, 1, Qt::AlignBottom);
        grid->addWidget(sealCell(sealPositionName(t.seal.position), box), row, 2, Qt::AlignBottom);
        grid->addWidget(sealCell(cardText, box), row, 3, Qt::AlignBottom);
        grid->addWidget(sealCell(t.seal.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), box),
                        row, 4, Qt::AlignBottom);
        ++row;
    }
    return box;
}

bool TaskCardsPage::mineOnlyByDefault(const QStringList &roles)
{
    return roles.contains(QLatin1String("installer")) || roles.contains(QLatin1String("crew_leader"));
}

QPushButton *TaskCardsPage::cardButton(const QString &cardId) const
{
    for (QPushButton *b : findChildren<QPushButton *>())
        if (b->property("cardId").toString() == cardId && b != m_continue && b != m_mineOnly)
            return b;
    return nullptr;
}

QString TaskCardsPage::summaryText() const
{
    return m_header->summary();
}

} // namespace ms
