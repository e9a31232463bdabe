#pragma once
// One job as a big row: name and 户号, address, old meter, and a coloured status chip.
#include <QStyledItemDelegate>

namespace ms {

class JobDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static constexpr int kRowHeight = 96;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ms
