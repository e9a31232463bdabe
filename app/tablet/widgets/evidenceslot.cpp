#include "widgets/evidenceslot.h"

#include "style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms {

EvidenceSlot::EvidenceSlot(const EvidenceRequirement &req, const RequirementState &state,
                           const QList<Evidence> &captured, bool meterReadAvailable,
                           QWidget *parent)
    : QFrame(parent), m_key(req.key), m_done(state.done())
{
    setObjectName(QStringLiteral("card"));
    setProperty("requirement", req.key);
    const QColor accent = m_done ? style::okColor()
                                 : (req.required ? style::missingColor() : QColor(0x4a, 0x4a, 0x4a));
    setStyleSheet(QStringLiteral("QFrame#card { border: 3px solid %1; }").arg(accent.name()));
    auto *root = new QVBoxLayout(this);
    root->setSpacing(6);

    auto *head = new QHBoxLayout;
    auto *label = new QLabel(req.label, this);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("font-weight:bold; font-size:21px; border:none"));
    head->addWidget(label, 1);
    QString stateText;
    if (m_done)
        stateText = tr("✓ 已完成");
    else if (req.required)
        stateText = tr("缺");
    else
        stateText = tr("选填");
    if (state.need > 1 || state.have > 1)
        stateText += QStringLiteral(" %1/%2").arg(state.have).arg(state.need);
    auto *chip = new QLabel(stateText, this);
    chip->setObjectName(QStringLiteral("state"));
    chip->setStyleSheet(QStringLiteral("color:white; background:%1; border-radius:6px; "
                                       "padding:4px 10px; font-weight:bold")
                            .arg(accent.name()));
    head->addWidget(chip, 0, Qt::AlignTop);
    root->addLayout(head);

    // What is there already: the latest value or a thumbnail.
    if (!captured.isEmpty()) {
        const Evidence &last = captured.last();
        if (last.kind == EvidenceKind::Photo) {
            const QByteArray thumb = QByteArray::fromBase64(
                last.meta.value(QStringLiteral("thumbnail_jpeg_base64")).toString().toLatin1());
            QPixmap pm;
            if (pm.loadFromData(thumb, "JPEG")) {
                auto *row = new QHBoxLayout;
                for (qsizetype i = std::max<qsizetype>(0, captured.size() - 3); i < captured.size(); ++i) {
                    QPixmap p;
                    p.loadFromData(QByteArray::fromBase64(captured[i]
                                                              .meta.value(QStringLiteral("thumbnail_jpeg_base64"))
                                                              .toString()
                                                              .toLatin1()),
                                   "JPEG");
                    auto *img = new QLabel(this);
                    img->setPixmap(p.scaled(120, 90, Qt::KeepAspectRatio, Qt::SmoothTransformation));
                    img->setStyleSheet(QStringLiteral("border:none"));
                    row->addWidget(img);
                }
                row->addStretch();
                root->addLayout(row);
            }
        } else if (last.kind == EvidenceKind::Signature) {
            auto *v = new QLabel(tr("已签名（%1）").arg(last.capturedAt.toLocalTime().toString(QStringLiteral("HH:mm"))), this);
            v->setStyleSheet(QStringLiteral("border:none; color:#1b6e2a"));
            root->addWidget(v);
        } else if (!last.value.isEmpty()) {
            QString text = last.value;
            if (last.kind == EvidenceKind::Check)
                text = last.value == QLatin1String("yes") ? tr("是") : tr("否");
            QStringList values;
            for (const Evidence &e : captured)
                values << (e.kind == EvidenceKind::Check ? (e.value == QLatin1String("yes") ? tr("是") : tr("否"))
                                                         : e.value);
            auto *v = new QLabel(values.join(QStringLiteral("、")) + (last.unit.isEmpty() ? QString() : QStringLiteral(" ") + last.unit), this);
            v->setStyleSheet(QStringLiteral("border:none; font-size:26px; font-weight:bold; color:#0b3d7a"));
            root->addWidget(v);
        }
    }

    auto *row = new QHBoxLayout;
    const bool again = m_done;
    switch (req.kind) {
    case EvidenceKind::Photo:
        addButton(row, again ? tr("再拍一张") : tr("拍照"), Action::Photo, !again);
        break;
    case EvidenceKind::Video:
        addButton(row, again ? tr("再录一段") : tr("录像"), Action::Video, !again);
        break;
    case EvidenceKind::Signature:
        addButton(row, again ? tr("重新签名") : tr("签名"), Action::Signature, !again);
        break;
    case EvidenceKind::MeterReading:
        if (meterReadAvailable)
            addButton(row, tr("读表"), Action::MeterRead, !again);
        addButton(row, tr("手动输入"), Action::Manual, !again && !meterReadAvailable);
        break;
    case EvidenceKind::Check:
        addButton(row, tr("是"), Action::Yes, false);
        addButton(row, tr("否"), Action::No, false);
        break;
    case EvidenceKind::Barcode:
    case EvidenceKind::SealNumber:
    case EvidenceKind::Number:
    case EvidenceKind::Text:
    case EvidenceKind::MeterFrames:
        addButton(row, again ? tr("修改") : tr("输入"), Action::Manual, !again);
        break;
    }
    root->addLayout(row);
}

void EvidenceSlot::addButton(QLayout *row, const QString &text, Action action, bool primary)
{
    auto *b = new QPushButton(text, this);
    if (primary)
        b->setObjectName(QStringLiteral("primary"));
    b->setProperty("action", int(action));
    row->addWidget(b);
    connect(b, &QPushButton::clicked, this, [this, action] { emit actionRequested(m_key, action); });
}

} // namespace ms
