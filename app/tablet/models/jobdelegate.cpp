#include "models/jobdelegate.h"

#include "models/joblistmodel.h"
#include "style.h"

#include <QCoreApplication>
#include <QPainter>

namespace ms {

QSize JobDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), kRowHeight);
}

void JobDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const
{
    const auto *model = qobject_cast<const JobListModel *>(index.model());
    const JobListItem *it = model ? model->item(index.row()) : nullptr;
    if (!it)
        return;
    p->save();
    const QRect r = option.rect.adjusted(8, 4, -8, -4);
    const bool selected = option.state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(selected ? QColor(0x0b, 0x3d, 0x7a) : QColor(0xc8, 0xcf, 0xd8), 2));
    p->setBrush(selected ? QColor(0xe8, 0xee, 0xf7) : (index.row() % 2 ? QColor(0xf6, 0xf8, 0xfb)
                                                                        : QColor(Qt::white)));
    p->drawRoundedRect(r, 8, 8);

    // status chip on the right
    const JobStatus status = it->job.status;
    const QString statusText = style::statusText(status);
    QFont chipFont = option.font;
    chipFont.setPixelSize(20);
    chipFont.setBold(true);
    const int chipW = 132;
    const QRect chip(r.right() - chipW - 12, r.center().y() - 22, chipW, 44);
    p->setPen(Qt::NoPen);
    p->setBrush(style::statusColor(status));
    p->drawRoundedRect(chip, 22, 22);
    p->setPen(Qt::white);
    p->setFont(chipFont);
    p->drawText(chip, Qt::AlignCenter, statusText);

    const int textRight = chip.left() - 16;
    QFont big = option.font;
    big.setPixelSize(26);
    big.setBold(true);
    p->setFont(big);
    p->setPen(QColor(0x11, 0x11, 0x11));
    const QRect line1(r.left() + 16, r.top() + 8, textRight - r.left() - 16, 38);
    const QString head = QStringLiteral("%1   %2").arg(it->customer.name, it->customer.accountNo);
    p->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter, head);
    // current card next to the name
    if (!it->job.currentCard.isEmpty() && status != JobStatus::Done) {
        QFont small = option.font;
        small.setPixelSize(20);
        p->setFont(small);
        p->setPen(style::statusColor(status));
        p->drawText(line1, Qt::AlignRight | Qt::AlignVCenter,
                    QCoreApplication::translate("ms::JobDelegate", "卡片 %1").arg(it->job.currentCard));
    }
    QFont mid = option.font;
    mid.setPixelSize(20);
    p->setFont(mid);
    p->setPen(QColor(0x33, 0x33, 0x33));
    const QRect line2(r.left() + 16, r.top() + 48, textRight - r.left() - 16, 32);
    const QString meter = it->customer.oldMeter.assetNo.isEmpty()
                              ? QString()
                              : QCoreApplication::translate("ms::JobDelegate", "旧表 %1")
                                    .arg(it->customer.oldMeter.assetNo.right(12));
    const QString tail = meter.isEmpty() ? QString() : QStringLiteral("   ") + meter;
    const QString sub = QFontMetrics(mid).elidedText(
        it->customer.address, Qt::ElideMiddle,
        line2.width() - QFontMetrics(mid).horizontalAdvance(tail) - 8);
    p->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter, sub + tail);
    p->restore();
}

} // namespace ms
