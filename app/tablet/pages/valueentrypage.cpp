#include "pages/valueentrypage.h"

#include "service/jobsession.h"
#include "widgets/numericpad.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <cmath>

namespace ms {

namespace {
QString fmt(double v)
{
    return QString::number(v, 'f', v == std::floor(v) ? 0 : 2);
}
} // namespace

ValueEntryPage::ValueEntryPage(AppContext &, JobSession &session, const QString &cardId,
                               const EvidenceRequirement &requirement, QWidget *parent)
    : QWidget(parent), m_session(session), m_cardId(cardId), m_req(requirement)
{
    const bool numeric = requirement.isNumeric();
    const bool digitsOnly = numeric || requirement.kind == EvidenceKind::SealNumber
                            || requirement.kind == EvidenceKind::Barcode
                            || requirement.kind == EvidenceKind::Text;
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(32, 20, 32, 20);
    root->setSpacing(40);

    auto *left = new QVBoxLayout;
    auto *title = new QLabel(requirement.label, this);
    title->setObjectName(QStringLiteral("pageTitle"));
    title->setWordWrap(true);
    left->addWidget(title);
    QStringList rules;
    if (!requirement.unit.isEmpty())
        rules << tr("单位：%1").arg(requirement.unit);
    if (requirement.decimals)
        rules << tr("最多 %n 位小数", nullptr, *requirement.decimals);
    if (requirement.min && requirement.max)
        rules << tr("范围 %1 – %2").arg(fmt(*requirement.min), fmt(*requirement.max));
    if (requirement.plausibleLow && requirement.plausibleHigh)
        rules << tr("通常在 %1 – %2 之间").arg(fmt(*requirement.plausibleLow), fmt(*requirement.plausibleHigh));
    if (!requirement.patternHint.isEmpty())
        rules << requirement.patternHint;
    auto *hint = new QLabel(rules.join(QStringLiteral("；")), this);
    hint->setObjectName(QStringLiteral("hint"));
    hint->setWordWrap(true);
    left->addWidget(hint);
    auto *row = new QHBoxLayout;
    m_edit = new QLineEdit(this);
    m_edit->setStyleSheet(QStringLiteral("font-size:40px; min-height:80px"));
    m_edit->setAccessibleName(requirement.label);
    if (numeric)
        m_edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    row->addWidget(m_edit, 1);
    if (!requirement.unit.isEmpty()) {
        auto *unit = new QLabel(requirement.unit, this);
        unit->setStyleSheet(QStringLiteral("font-size:32px; font-weight:bold"));
        row->addWidget(unit);
    }
    left->addLayout(row);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    left->addWidget(m_message);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("notIssuedReason"));
    m_reason->setPlaceholderText(tr("仍要使用的原因（如：库房补发，单据未到）"));
    m_reason->hide();
    left->addWidget(m_reason);
    left->addStretch();
    auto *buttons = new QHBoxLayout;
    auto *cancel = new QPushButton(tr("取消"), this);
    m_ok = new QPushButton(tr("✓ 确定"), this);
    m_ok->setObjectName(QStringLiteral("primary"));
    m_ok->setMinimumHeight(88);
    buttons->addWidget(cancel);
    buttons->addWidget(m_ok, 2);
    left->addLayout(buttons);
    root->addLayout(left, 3);

    if (digitsOnly) {
        auto *pad = new NumericPad(numeric && requirement.decimals.value_or(2) > 0, this);
        pad->setTarget(m_edit);
        root->addWidget(pad, 2);
        connect(pad, &NumericPad::typed, this, [this] {
            m_confirming = false;
            m_message->hide();
        });
    }
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_confirming = false;
        m_message->hide();
        m_reason->hide();
        m_ok->setText(tr("✓ 确定"));
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] { submit(); });
    connect(m_ok, &QPushButton::clicked, this, [this] { submit(); });
    connect(cancel, &QPushButton::clicked, this, [this] { emit finished(false); });
    m_edit->setFocus();
}

QString ValueEntryPage::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

bool ValueEntryPage::submit()
{
    // The service checks the value (ValueValidator): an invalid one is refused with what is
    // wrong; one outside the usual range is saved only once the person has confirmed it.
    const QString typed = m_edit->text().trimmed();
    QJsonObject meta;
    if (m_confirming && m_confirmedValue == typed)
        meta.insert(QStringLiteral("confirmed_implausible"), true);
    if (m_reason->isVisible() && !m_reason->text().trimmed().isEmpty())
        meta.insert(QStringLiteral("not_issued_reason"), m_reason->text().trimmed());
    auto saved = m_session.addValue(m_cardId, m_req.key, typed, meta);
    if (!saved && saved.error().code == QLatin1String("stock.not_issued")) {
        m_message->setObjectName(QStringLiteral("notice"));
        m_message->setText(saved.error().message);
        m_message->style()->polish(m_message);
        m_message->show();
        m_reason->show();
        m_reason->setFocus();
        m_ok->setText(tr("写明原因后继续"));
        return false;
    }
    if (!saved && saved.error().code == QLatin1String("value.implausible")) {
        m_confirming = true;
        m_confirmedValue = typed;
        m_message->setObjectName(QStringLiteral("notice"));
        m_message->setText(saved.error().message + tr("\n确认无误请再点一次“确认无误”。"));
        m_message->style()->polish(m_message);
        m_message->show();
        m_ok->setText(tr("确认无误"));
        return false;
    }
    if (!saved) {
        m_message->setObjectName(QStringLiteral("error"));
        m_message->setStyleSheet({});
        m_message->setText(saved.error().message);
        m_message->style()->polish(m_message);
        m_message->show();
        return false;
    }
    emit finished(true);
    return true;
}

} // namespace ms
