#include "models/jobdelegate.h"

#include "models/joblistmodel.h"
#include "service/reviewstatus.h"
#include "style.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>

namespace ms {

namespace {
constexpr int kMinRowWidth = 480; // a narrower view scrolls sideways
} // namespace

QSize JobDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    // Rows take the viewport's width (QListView stretches narrower rows to it). Asking for the
    // view's own width made rows as wide as the view *including* its scroll bar, so the status
    // chip on the right slid under the bar.
    return QSize(kMinRowWidth, kRowHeight);
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
    // Once submitted, the office's review is what the crew needs to see (退回 in red).
    const JobState state = it->state();
    const bool reviewed = it->job.submission >= 1 || it->review.has_value();
    const QString statusText = reviewed ? jobStateText(state) : style::statusText(status);
    const QColor chipColor = style::stateColor(state, status);
    QFont chipFont = option.font;
    chipFont.setPixelSize(20);
    chipFont.setBold(true);
    // As wide as the text needs (English is longer than 未开始), at most a third of the row;
    // a text that still does not fit is elided rather than clipped.
    const QFontMetrics chipMetrics(chipFont);
    const int chipW = std::clamp(chipMetrics.horizontalAdvance(statusText) + 36, 132,
                                 std::max(132, r.width() / 3));
    const QRect chip(r.right() - chipW - 12, r.center().y() - 22, chipW, 44);
    p->setPen(Qt::NoPen);
    p->setBrush(chipColor);
    p->drawRoundedRect(chip, 22, 22);
    p->setPen(Qt::white);
    p->setFont(chipFont);
    p->drawText(chip, Qt::AlignCenter,
                chipMetrics.elidedText(statusText, Qt::ElideRight, chip.width() - 24));

    const int textRight = chip.left() - 16;
    QFont big = option.font;
    big.setPixelSize(26);
    big.setBold(true);
    p->setFont(big);
    p->setPen(QColor(0x11, 0x11, 0x11));
    const QRect line1(r.left() + 16, r.top() + 8, textRight - r.left() - 16, 38);
    // current card at the right of the first line; the name gives way to it
    QFont small = option.font;
    small.setPixelSize(20);
    const QString card = !it->job.currentCard.isEmpty() && status != JobStatus::Done
                             ? QCoreApplication::translate("ms::JobDelegate", "卡片 %1").arg(it->job.currentCard)
                             : QString();
    const int cardW = card.isEmpty() ? 0 : QFontMetrics(small).horizontalAdvance(card) + 16;
    const QString head = QStringLiteral("%1   %2").arg(it->customer.name, it->customer.accountNo);
    p->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(big).elidedText(head, Qt::ElideRight, line1.width() - cardW));
    if (!card.isEmpty()) {
        p->setFont(small);
        p->setPen(style::statusColor(status));
        p->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, card);
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
