#include "pages/signaturepage.h"

#include "service/jobsession.h"
#include "media/signature.h"
#include "widgets/signaturepad.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms {

namespace {
QString signerName(const QString &signer)
{
    if (signer == QLatin1String("customer")) return SignaturePage::tr("客户");
    if (signer == QLatin1String("installer")) return SignaturePage::tr("施工人员");
    if (signer == QLatin1String("witness")) return SignaturePage::tr("见证人（物业/居委会）");
    if (signer == QLatin1String("crew_leader")) return SignaturePage::tr("施工负责人");
    if (signer == QLatin1String("supervisor")) return SignaturePage::tr("监理");
    if (signer == QLatin1String("clerk")) return SignaturePage::tr("内勤");
    return signer;
}
} // namespace

SignaturePage::SignaturePage(AppContext &, JobSession &session, const QString &cardId,
                             const EvidenceRequirement &requirement, QWidget *parent)
    : QWidget(parent), m_session(session), m_cardId(cardId), m_req(requirement),
      m_summary(session.signatureSummary())
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 12, 24, 12);
    root->setSpacing(10);
    auto *title = new QLabel(tr("%1签名：%2").arg(signerName(requirement.signer), requirement.label), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    title->setWordWrap(true);
    root->addWidget(title);
    auto *summary = new QLabel(m_summary, this);
    summary->setObjectName(QStringLiteral("notice"));
    summary->setStyleSheet(QStringLiteral("font-size:24px"));
    summary->setWordWrap(true);
    root->addWidget(summary);
    auto *hint = new QLabel(tr("请核对以上信息，无误后在下方签名。"), this);
    hint->setObjectName(QStringLiteral("hint"));
    root->addWidget(hint);
    m_pad = new SignaturePad(this);
    root->addWidget(m_pad, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    root->addWidget(m_error);
    auto *row = new QHBoxLayout;
    auto *cancel = new QPushButton(tr("取消"), this);
    auto *undo = new QPushButton(tr("↶ 撤销一笔"), this);
    auto *clear = new QPushButton(tr("清除"), this);
    clear->setObjectName(QStringLiteral("danger"));
    auto *ok = new QPushButton(tr("✓ 确认签名"), this);
    ok->setObjectName(QStringLiteral("primary"));
    ok->setMinimumWidth(300);
    row->addWidget(cancel);
    row->addStretch();
    row->addWidget(undo);
    row->addWidget(clear);
    row->addWidget(ok);
    root->addLayout(row);

    connect(cancel, &QPushButton::clicked, this, [this] { emit finished(false); });
    connect(undo, &QPushButton::clicked, m_pad, &SignaturePad::undo);
    connect(clear, &QPushButton::clicked, m_pad, &SignaturePad::clear);
    connect(ok, &QPushButton::clicked, this, [this] { confirm(); });
    connect(m_pad, &SignaturePad::changed, m_error, &QWidget::hide);
}

bool SignaturePage::confirm()
{
    auto art = SignatureRenderer::render(m_pad->signature(), m_summary);
    if (!art) {
        m_error->setText(art.error().message);
        m_error->show();
        return false;
    }
    auto saved = m_session.addSignature(m_cardId, m_req.key, art.value(), m_summary);
    if (!saved) {
        m_error->setText(saved.error().message);
        m_error->show();
        return false;
    }
    emit finished(true);
    return true;
}

} // namespace ms
