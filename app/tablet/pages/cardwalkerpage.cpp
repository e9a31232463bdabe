#include "pages/cardwalkerpage.h"

#include "service/jobsession.h"
#include "style.h"
#include "widgets/illustrationview.h"
#include "widgets/pageheader.h"

#include <QButtonGroup>
#include <algorithm>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QScroller>
#include <QTimer>
#include <QVBoxLayout>

namespace ms {

namespace {

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setObjectName(QStringLiteral("sectionTitle"));
    return l;
}

QLabel *wrapped(const QString &text, QWidget *parent, const char *name = nullptr)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    if (name)
        l->setObjectName(QString::fromLatin1(name));
    return l;
}

} // namespace

CardWalkerPage::CardWalkerPage(AppContext &ctx, JobSession &session, const QString &cardId,
                               QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_session(session), m_cardId(cardId)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(20, 10, 20, 10);
    root->setSpacing(8);
    m_header = new PageHeader(this);
    root->addWidget(m_header);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    QScroller::grabGesture(m_scroll->viewport(), QScroller::TouchGesture);
    root->addWidget(m_scroll, 1);

    m_missing = new QLabel(this);
    m_missing->setObjectName(QStringLiteral("error"));
    m_missing->setWordWrap(true);
    m_missing->hide();
    root->addWidget(m_missing);

    auto *bottom = new QHBoxLayout;
    m_back = new QPushButton(tr("‹ 上一张卡"), this);
    m_back->setMinimumWidth(220);
    bottom->addWidget(m_back);
    bottom->addStretch();
    m_complete = new QPushButton(this);
    m_complete->setObjectName(QStringLiteral("primary"));
    m_complete->setProperty("role", QStringLiteral("complete"));
    m_complete->setMinimumWidth(360);
    m_complete->setMinimumHeight(72);
    bottom->addWidget(m_complete);
    root->addLayout(bottom);

    connect(m_back, &QPushButton::clicked, this, &CardWalkerPage::goBack);
    connect(m_complete, &QPushButton::clicked, this, [this] { completeCard(); });
    // Rebuild after the tap that changed the job has returned (never delete the tapped button
    // inside its own clicked signal); several changes in a row rebuild once.
    connect(&session, &JobSession::changed, this, [this] {
        if (m_rebuildPending)
            return;
        m_rebuildPending = true;
        QTimer::singleShot(0, this, [this] {
            m_rebuildPending = false;
            rebuild();
        });
    });
    rebuild();
}

void CardWalkerPage::setCard(const QString &cardId)
{
    m_cardId = cardId;
    m_missing->hide();
    m_pendingReason.clear();
    rebuild();
    m_scroll->verticalScrollBar()->setValue(0);
}

void CardWalkerPage::rebuild()
{
    const Card *card = m_ctx.catalog.card(m_cardId);
    if (!card) {
        m_header->setTitle(tr("卡片 %1 不在卡片目录中：请更新卡片目录。").arg(m_cardId));
        return;
    }
    if (m_reason)
        m_pendingReason = m_reason->text();
    m_reason = nullptr;
    const int scrollPos = m_scroll->verticalScrollBar()->value();
    const CardProgress progress = m_session.progress(m_cardId);
    const Role *role = m_ctx.catalog.role(card->role);
    m_header->setTitle(QStringLiteral("%1  %2").arg(card->id, card->title));
    m_header->setSummary(tr("%1 · 步骤 %2/%3 · 证据 %4/%5")
                           .arg(role ? role->name : card->role)
                           .arg(progress.stepsDone())
                           .arg(progress.steps.size())
                           .arg(progress.evidenceDone())
                           .arg(std::count_if(progress.evidence.cbegin(), progress.evidence.cend(),
                                              [](const RequirementState &r) { return r.required; })));

    auto *content = new QWidget;
    auto *cols = new QHBoxLayout(content);
    cols->setSpacing(20);
    cols->addWidget(buildSteps(*card, progress), 3);
    auto *right = new QVBoxLayout;
    right->addWidget(buildEvidence(*card, progress));
    if (QWidget *decision = buildDecision(*card, progress))
        right->addWidget(decision);
    right->addStretch();
    cols->addLayout(right, 2);
    m_scroll->setWidget(content); // deletes the previous content
    m_scroll->verticalScrollBar()->setValue(scrollPos);

    const bool onPath = std::any_of(m_session.state().path.cbegin(), m_session.state().path.cend(),
                                    [this](const PathEntry &p) { return p.cardId == m_cardId; });
    if (m_session.isTaskSession()) {
        m_back->setText(tr("‹ 台区作业卡列表"));
        m_back->setEnabled(true);
    } else {
        m_back->setEnabled(!previousCard().isEmpty());
    }
    if (card->isFinal())
        m_complete->setText(tr("完成本户换表 ✓"));
    else
        m_complete->setText(onPath ? tr("下一张卡 ›") : tr("完成本卡 ›"));
    if (m_missing->isVisible())
        m_missing->setText(missingText());
    if (m_missing->text().isEmpty())
        m_missing->hide();
}

QWidget *CardWalkerPage::buildSteps(const Card &card, const CardProgress &progress)
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    QStringList prep;
    if (!card.equipment.isEmpty())
        prep << tr("<b>工作装备：</b>%1").arg(card.equipment.join(QStringLiteral("、")).toHtmlEscaped());
    if (!card.materials.isEmpty())
        prep << tr("<b>所需材料：</b>%1").arg(card.materials.join(QStringLiteral("、")).toHtmlEscaped());
    if (!card.documents.isEmpty())
        prep << tr("<b>单据资料：</b>%1").arg(card.documents.join(QStringLiteral("、")).toHtmlEscaped());
    if (!prep.isEmpty())
        l->addWidget(wrapped(prep.join(QStringLiteral("<br>")), w, "hint"));

    l->addWidget(sectionTitle(tr("操作步骤（做完一步点一下）"), w));
    for (const StepState &s : progress.steps) {
        auto *b = new QPushButton(w);
        b->setObjectName(QStringLiteral("step"));
        b->setCheckable(true);
        b->setChecked(s.done);
        b->setProperty("safety", s.safety);
        b->setProperty("stepIndex", s.index);
        b->setMinimumHeight(72);
        auto *text = new QLabel(QStringLiteral("%1  %2.  %3%4")
                                    .arg(s.done ? QStringLiteral("☑") : QStringLiteral("☐"))
                                    .arg(s.index + 1)
                                    .arg(s.safety ? tr("【安全】") : QString(), s.text),
                                b);
        text->setWordWrap(true);
        text->setAttribute(Qt::WA_TransparentForMouseEvents);
        text->setStyleSheet(QStringLiteral("background:transparent; font-size:21px; color:%1")
                                .arg(s.safety ? QStringLiteral("#7a0000") : QStringLiteral("#111111")));
        auto *bl = new QHBoxLayout(b);
        bl->setContentsMargins(14, 8, 14, 8);
        bl->addWidget(text);
        const int index = s.index;
        connect(b, &QPushButton::clicked, this, [this, index] { toggleStep(index); });
        l->addWidget(b);
    }
    if (!card.illustrations.isEmpty()) {
        l->addWidget(sectionTitle(tr("操作示例图"), w));
        const QString root =
            m_ctx.catalogRoot.isEmpty() ? QStringLiteral(":/forms") : m_ctx.catalogRoot;
        for (const Illustration &i : card.illustrations)
            l->addWidget(new IllustrationView(root + QLatin1Char('/') + i.file, i.caption, w));
    }
    if (!card.checkpoints.isEmpty()) {
        l->addWidget(sectionTitle(tr("检查要点"), w));
        for (const QString &c : card.checkpoints)
            l->addWidget(wrapped(QStringLiteral("● ") + c, w));
    }
    if (!card.precautions.isEmpty()) {
        l->addWidget(sectionTitle(tr("注意事项"), w));
        for (const QString &p : card.precautions)
            l->addWidget(wrapped(QStringLiteral("⚠ ") + p, w, "precaution"));
    }
    l->addStretch();
    return w;
}

QWidget *CardWalkerPage::buildEvidence(const Card &card, const CardProgress &progress)
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    if (card.evidence.isEmpty())
        return w;
    l->addWidget(sectionTitle(tr("需要留存的证据"), w));
    if (card.id.startsWith(QLatin1String("36.")) && card.id != QLatin1String("36.6")) {
        // 36.1–36.5 over the maintenance port; the keypad steps stay as the fallback.
        auto *port = new QPushButton(tr("用维护口读取/设置集中器参数"), w);
        port->setObjectName(QStringLiteral("concentrator_port"));
        port->setMinimumHeight(style::kTouch);
        connect(port, &QPushButton::clicked, this, [this] { emit concentratorRequested(m_cardId); });
        l->addWidget(port);
    }
    if (card.id == QLatin1String("37.2") || card.id == QLatin1String("38.1")) {
        // The whole 台区's archive and read check over the maintenance port.
        auto *check = new QPushButton(tr("用维护口核查本台区档案与抄读"), w);
        check->setObjectName(QStringLiteral("concentrator_check"));
        check->setMinimumHeight(style::kTouch);
        connect(check, &QPushButton::clicked, this,
                [this] { emit concentratorRequested(m_cardId); });
        l->addWidget(check);
    }
    for (const EvidenceRequirement &req : card.evidence) {
        // Only what applies to this job (a requirement's `when` may rule it out).
        const auto found = std::find_if(progress.evidence.cbegin(), progress.evidence.cend(),
                                        [&req](const RequirementState &r) { return r.key == req.key; });
        if (found == progress.evidence.cend())
            continue;
        const RequirementState state = *found;
        auto *slot = new EvidenceSlot(req, state, m_session.evidence(card.id, req.key),
                                      bool(m_ctx.meterRead), w);
        connect(slot, &EvidenceSlot::actionRequested, this, &CardWalkerPage::onSlotAction);
        l->addWidget(slot);
    }
    return w;
}

QWidget *CardWalkerPage::buildDecision(const Card &card, const CardProgress &progress)
{
    const QList<Edge> choices = m_ctx.workflow.userChoices(card.id);
    if (choices.size() < 2)
        return nullptr;
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(sectionTitle(card.decision ? card.decision->question : tr("下一步怎么走？"), w));
    m_reason = new QLineEdit(w);
    m_reason->setPlaceholderText(tr("原因（可不填），例如：敲门三次无人应答"));
    m_reason->setText(m_pendingReason);
    l->addWidget(m_reason);
    for (const Edge &e : choices) {
        auto *b = new QPushButton((progress.chosen == e.choice ? QStringLiteral("✓ ") : QString()) + e.label, w);
        b->setObjectName(QStringLiteral("choice"));
        b->setProperty("choice", e.choice);
        b->setMinimumHeight(72);
        if (progress.chosen == e.choice)
            b->setStyleSheet(QStringLiteral("background:#b07a00; color:white"));
        const QString choice = e.choice;
        connect(b, &QPushButton::clicked, this, [this, choice] {
            chooseBranch(choice, m_reason ? m_reason->text() : QString());
        });
        l->addWidget(b);
    }
    return w;
}

bool CardWalkerPage::toggleStep(int index)
{
    const CardProgress p = m_session.progress(m_cardId);
    bool done = false;
    for (const StepState &s : p.steps)
        if (s.index == index)
            done = s.done;
    if (auto r = m_session.setStep(m_cardId, index, !done); !r) {
        emit messageRaised(r.error().message);
        return false;
    }
    return true;
}

bool CardWalkerPage::chooseBranch(const QString &choice, const QString &reason)
{
    if (auto r = m_session.choose(m_cardId, choice, reason.trimmed()); !r) {
        emit messageRaised(r.error().message);
        return false;
    }
    return true;
}

QString CardWalkerPage::missingText() const
{
    const QStringList missing = Workflow::blockers(m_session.progress(m_cardId));
    if (missing.isEmpty())
        return {};
    return tr("还不能完成这张卡，还缺：\n") + QStringLiteral("• ") + missing.join(QStringLiteral("\n• "));
}

bool CardWalkerPage::completeCard()
{
    auto next = m_session.completeCard(m_cardId);
    if (!next) {
        const QString missing = missingText();
        m_missing->setText(missing.isEmpty() ? next.error().message : missing);
        m_missing->show();
        return false;
    }
    m_missing->hide();
    // The workflow decides where this person's walk ends (e.g. 30.2 hands over to the office).
    if (next->isEmpty() || m_session.state().status == JobStatus::Done) {
        emit jobFinished();
        return true;
    }
    setCard(next.value());
    return true;
}

QString CardWalkerPage::previousCard() const
{
    const QList<PathEntry> &path = m_session.state().path;
    for (qsizetype i = 0; i < path.size(); ++i)
        if (path[i].cardId == m_cardId)
            return i > 0 ? path[i - 1].cardId : QString();
    return path.isEmpty() ? QString() : path.last().cardId;
}

void CardWalkerPage::goBack()
{
    if (m_session.isTaskSession()) {
        emit listRequested();
        return;
    }
    const QString prev = previousCard();
    if (!prev.isEmpty())
        setCard(prev);
}

void CardWalkerPage::onSlotAction(const QString &key, EvidenceSlot::Action action)
{
    if (action == EvidenceSlot::Action::Yes || action == EvidenceSlot::Action::No) {
        auto r = m_session.addValue(m_cardId, key,
                                    action == EvidenceSlot::Action::Yes ? QStringLiteral("yes")
                                                                        : QStringLiteral("no"));
        if (!r)
            emit messageRaised(r.error().message);
        return;
    }
    emit evidenceRequested(m_cardId, key, action);
}

} // namespace ms
