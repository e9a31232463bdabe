#include "pages/jobpage.h"

#include "service/jobsession.h"
#include "service/reviewstatus.h"
#include "service/sealposition.h"
#include "store/store.h"
#include "style.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ms {

namespace {

QFrame *box(const QString &title, QLabel **body, QWidget *parent)
{
    auto *f = new QFrame(parent);
    f->setObjectName(QStringLiteral("card"));
    auto *l = new QVBoxLayout(f);
    auto *t = new QLabel(title, f);
    t->setObjectName(QStringLiteral("sectionTitle"));
    l->addWidget(t);
    *body = new QLabel(f);
    (*body)->setWordWrap(true);
    (*body)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(*body);
    l->addStretch();
    return f;
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("—") : s.toHtmlEscaped();
}

} // namespace

JobPage::JobPage(AppContext &ctx, JobSession &session, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_session(session)
{
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(24, 16, 24, 16);
    root->setSpacing(20);

    auto *left = new QGridLayout;
    left->setSpacing(12);
    left->addWidget(box(tr("客户"), &m_customer, this), 0, 0, 1, 2);
    left->addWidget(box(tr("旧表（拆回）"), &m_oldMeter, this), 1, 0);
    left->addWidget(box(tr("新表（装出）"), &m_newMeter, this), 1, 1);
    left->addWidget(box(tr("封印"), &m_seals, this), 2, 0, 1, 2);
    left->setRowStretch(3, 1);
    root->addLayout(left, 3);

    auto *right = new QVBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pageTitle"));
    right->addWidget(m_status);
    m_review = new QLabel(this);
    m_review->setObjectName(QStringLiteral("reviewPanel"));
    m_review->setWordWrap(true);
    m_review->setTextFormat(Qt::RichText);
    right->addWidget(m_review);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *progressBox = new QWidget(scroll);
    m_progress = new QVBoxLayout(progressBox);
    m_progress->setSpacing(8);
    scroll->setWidget(progressBox);
    right->addWidget(scroll, 1);
    m_continue = new QPushButton(this);
    m_continue->setObjectName(QStringLiteral("primary"));
    m_continue->setMinimumHeight(88);
    right->addWidget(m_continue);
    root->addLayout(right, 2);

    connect(m_continue, &QPushButton::clicked, this, [this] {
        if (m_action == QLatin1String("open") && !m_actionCard.isEmpty()) {
            emit cardOpened(m_actionCard);
        } else if (m_action == QLatin1String("resubmit")) {
            if (auto r = m_session.resubmit(); !r) {
                m_review->setText(QStringLiteral("<span style='color:#b31212'>%1</span>")
                                      .arg(r.error().message.toHtmlEscaped()));
                m_review->setVisible(true);
            }
        }
    });
    connect(&session, &JobSession::changed, this, &JobPage::refresh);
    refresh();
}

void JobPage::refresh()
{
    const Customer &c = m_session.customer();
    const Job &j = m_session.job();
    m_customer->setText(
        tr("<b style='font-size:26px'>%1</b>　户号 <b>%2</b><br>%3<br>电话 %4　表箱 %5　%6")
            .arg(orDash(c.name), orDash(c.accountNo), orDash(c.address), orDash(c.phone),
                 orDash(c.meterBoxNo),
                 c.payment == PaymentType::Prepaid ? tr("预付费") : tr("后付费"))
        + (c.mismatchFlag ? tr("<br><b style='color:#b31212'>机电不符客户</b>") : QString()));
    const auto meterText = [this](const MeterInfo &m, const QString &which) {
        const QString reading = m_session.latestReading(which);
        return tr("资产编号 <b>%1</b><br>通信地址 %2<br>型号 %3<br>%4 <b>%5</b>")
            .arg(orDash(m.assetNo), orDash(m.commAddress), orDash(m.model),
                 which == QLatin1String("old") ? tr("止码") : tr("起码"),
                 reading.isEmpty() ? tr("未录入") : reading + QStringLiteral(" kWh"));
    };
    m_oldMeter->setText(meterText(c.oldMeter, QStringLiteral("old")));
    m_newMeter->setText(meterText(c.newMeter, QStringLiteral("new")));
    QStringList seals;
    for (const Seal &s : m_session.seals())
        seals << QStringLiteral("%1 <b>%2</b>")
                     .arg(sealPositionName(s.position).toHtmlEscaped(), s.number.toHtmlEscaped());
    m_seals->setText(seals.isEmpty() ? tr("尚未加封") : seals.join(QStringLiteral("<br>")));

    const WorkflowState &st = m_session.state();
    QString status = style::statusText(st.status);
    if (st.status == JobStatus::WaitingAppointment && j.appointmentAt.isValid())
        status += tr("（约 %1）").arg(j.appointmentAt.toLocalTime().toString(QStringLiteral("MM-dd HH:mm")));
    m_status->setText(status);
    m_status->setStyleSheet(QStringLiteral("color:%1").arg(style::statusColor(st.status).name()));

    while (QLayoutItem *item = m_progress->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const PathEntry &p : st.path) {
        const Card *card = m_ctx.catalog.card(p.cardId);
        auto *b = new QPushButton(QStringLiteral("✓  %1  %2").arg(p.cardId, card ? card->title : QString()));
        b->setObjectName(QStringLiteral("step"));
        b->setCheckable(true);
        b->setChecked(true);
        const QString id = p.cardId;
        connect(b, &QPushButton::clicked, this, [this, b, id] {
            b->setChecked(true);
            emit cardOpened(id);
        });
        m_progress->addWidget(b);
        if (!p.choice.isEmpty()) {
            auto *why = new QLabel(tr("　→ %1　%2").arg(p.label, p.reason));
            why->setObjectName(QStringLiteral("hint"));
            why->setWordWrap(true);
            m_progress->addWidget(why);
        }
    }
    m_action.clear();
    m_actionCard.clear();
    if (!st.currentCard.isEmpty()) {
        m_action = QStringLiteral("open");
        m_actionCard = st.currentCard;
        const Card *card = m_ctx.catalog.card(st.currentCard);
        const QString title = card ? card->title : QString();
        auto *cur = new QLabel(QStringLiteral("▶  %1  %2").arg(st.currentCard, title));
        cur->setObjectName(QStringLiteral("notice"));
        m_progress->addWidget(cur);
        m_continue->setText(st.path.isEmpty() ? tr("开始：%1 %2").arg(st.currentCard, title)
                                              : tr("继续：%1 %2").arg(st.currentCard, title));
        m_continue->setEnabled(true);
    } else {
        m_continue->setText(tr("本户换表已完成"));
        m_continue->setEnabled(false);
    }
    if (!st.problem.isEmpty()) {
        auto *problem = new QLabel(st.problem);
        problem->setObjectName(QStringLiteral("error"));
        problem->setWordWrap(true);
        m_progress->addWidget(problem);
    }
    m_progress->addStretch();
    showReview(m_session.review());
}

void JobPage::showReview(const ReviewStatus &review)
{
    const JobState state = review.state;
    const bool reviewed = m_session.job().submission >= 1 || review.latest.has_value();
    m_review->setVisible(reviewed);
    if (!reviewed)
        return;
    const QColor colour = style::stateColor(state, m_session.state().status);
    m_status->setText(jobStateText(state));
    m_status->setStyleSheet(QStringLiteral("color:%1").arg(colour.name()));
    const JobReview *latest = review.latest ? &*review.latest : nullptr;
    const QString who = latest ? tr("%1 · %2").arg(latest->by.toHtmlEscaped(),
                                                  latest->at.toLocalTime().toString(
                                                      QStringLiteral("MM-dd HH:mm")))
                               : QString();
    switch (state) {
    case JobState::SentBack: {
        QStringList rows;
        for (const SentBackItem &i : review.items)
            rows << tr("%1 <b>%2 %3</b>：%4<br><span style='color:#555'>退回原因：%5</span>")
                        .arg(i.redone ? QStringLiteral("✓") : QStringLiteral("✗"),
                             i.item.card.toHtmlEscaped(), i.label.toHtmlEscaped(),
                             i.redone ? tr("已重新采集") : tr("待重新采集"),
                             i.item.reason.toHtmlEscaped());
        m_review->setText(tr("<b style='color:#b31212'>内勤退回（第 %1 次送审，%2）</b>：请重新采集下列各项。<br>%3")
                              .arg(latest->submission)
                              .arg(who, rows.join(QStringLiteral("<br>"))));
        if (review.canResubmit) {
            m_action = QStringLiteral("resubmit");
            m_continue->setText(tr("重新提交（第 %1 次送审）").arg(m_session.job().submission + 1));
            m_continue->setEnabled(true);
            return;
        }
        for (const SentBackItem &i : review.items)
            if (!i.redone) {
                m_action = QStringLiteral("open");
                m_actionCard = i.item.card;
                m_continue->setText(tr("重新采集：%1 %2").arg(i.item.card, i.label));
                m_continue->setEnabled(true);
                break;
            }
        return;
    }
    case JobState::Approved:
        m_review->setText(tr("<b style='color:#1b6e2a'>已审核通过</b>（%1）：本工单只能查看，不能再修改。如需更正，请联系内勤。").arg(who));
        m_action.clear();
        m_continue->setText(tr("已审核通过"));
        m_continue->setEnabled(false);
        return;
    case JobState::Resubmitted:
        m_review->setText(tr("已重新提交（第 %1 次送审），等待内勤审核。").arg(m_session.job().submission));
        break;
    default:
        m_review->setText(tr("已送审（第 %1 次），等待内勤审核。").arg(m_session.job().submission));
        break;
    }
    if (m_session.state().currentCard.isEmpty()) {
        m_continue->setText(jobStateText(state));
        m_continue->setEnabled(false);
    }
}

} // namespace ms
