#include "roles/flowchartview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace ms {

namespace {
constexpr int kBoxW = 170;
constexpr int kBoxH = 74;
constexpr int kGap = 12;
constexpr int kBandTitle = 30;
constexpr int kMargin = 10;
} // namespace

FlowChartView::FlowChartView(const Catalog &catalog, QWidget *parent)
    : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("flowChart"));
    for (const Flow &f : m_catalog.flows)
        m_progress.insert(f.id, FlowProgress{0, int(f.cards.size())});
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    layoutBoxes(900);
}

void FlowChartView::setWorkflowState(const WorkflowState &state)
{
    QHash<QString, FlowProgress> progress;
    for (const Flow &f : m_catalog.flows)
        progress.insert(f.id, FlowProgress{0, int(f.cards.size())});
    QSet<QString> seen;
    for (const PathEntry &e : state.path) {
        const Card *card = m_catalog.card(e.cardId);
        if (card && !seen.contains(e.cardId)) {
            seen.insert(e.cardId);
            ++progress[card->flow].done;
        }
    }
    const Card *current = m_catalog.card(state.currentCard);
    setProgress(progress, current ? current->flow : QString());
}

void FlowChartView::setProgress(const QHash<QString, FlowProgress> &progress, const QString &currentFlow)
{
    for (auto it = progress.begin(); it != progress.end(); ++it)
        m_progress.insert(it.key(), it.value());
    m_current = currentFlow;
    update();
}

FlowProgress FlowChartView::progress(const QString &flowId) const
{
    return m_progress.value(flowId);
}

void FlowChartView::layoutBoxes(int width)
{
    m_boxes.clear();
    m_bands.clear();
    const int perRow = std::max(1, (width - 2 * kMargin + kGap) / (kBoxW + kGap));
    int y = kMargin;
    for (const Phase &phase : m_catalog.phases) {
        const int rows = std::max<int>(1, int((phase.flows.size() + perRow - 1) / perRow));
        const int bandH = kBandTitle + rows * (kBoxH + kGap) + kGap / 2;
        m_bands.append({phase.id, QRect(kMargin / 2, y, width - kMargin, bandH)});
        for (qsizetype i = 0; i < phase.flows.size(); ++i) {
            const int r = int(i / perRow);
            const int c = int(i % perRow);
            m_boxes.insert(phase.flows.at(i), QRect(kMargin + c * (kBoxW + kGap),
                                                    y + kBandTitle + r * (kBoxH + kGap), kBoxW, kBoxH));
        }
        y += bandH + kGap * 2; // room for the arrow to the next phase
    }
    m_height = y;
}

int FlowChartView::heightForWidth(int width) const
{
    const int perRow = std::max(1, (width - 2 * kMargin + kGap) / (kBoxW + kGap));
    int y = kMargin;
    for (const Phase &phase : m_catalog.phases) {
        const int rows = std::max<int>(1, int((phase.flows.size() + perRow - 1) / perRow));
        y += kBandTitle + rows * (kBoxH + kGap) + kGap / 2 + kGap * 2;
    }
    return y;
}

QSize FlowChartView::sizeHint() const
{
    return QSize(5 * (kBoxW + kGap) + 2 * kMargin, heightForWidth(5 * (kBoxW + kGap) + 2 * kMargin));
}

void FlowChartView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutBoxes(width());
    if (m_height != height())
        updateGeometry();
}

QString FlowChartView::flowAt(const QPoint &pos) const
{
    for (auto it = m_boxes.begin(); it != m_boxes.end(); ++it)
        if (it.value().contains(pos))
            return it.key();
    return {};
}

QRect FlowChartView::flowRect(const QString &flowId) const
{
    return m_boxes.value(flowId);
}

void FlowChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const QString id = flowAt(event->position().toPoint());
    if (!id.isEmpty())
        emit flowActivated(id);
    QWidget::mouseReleaseEvent(event);
}

void FlowChartView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QColor bandColors[] = {QColor(232, 240, 254), QColor(254, 243, 224), QColor(232, 245, 233),
                                 QColor(243, 229, 245)};
    QFont titleFont = font();
    titleFont.setBold(true);
    for (qsizetype i = 0; i < m_bands.size(); ++i) {
        const QRect band = m_bands.at(i).second;
        const Phase *phase = m_catalog.phase(m_bands.at(i).first);
        p.setPen(Qt::NoPen);
        p.setBrush(bandColors[i % 4]);
        p.drawRoundedRect(band, 8, 8);
        p.setPen(palette().text().color());
        p.setFont(titleFont);
        p.drawText(band.adjusted(10, 4, -10, 0), Qt::AlignLeft | Qt::AlignTop,
                   tr("阶段 %1　%2").arg(i + 1).arg(phase ? phase->name : QString()));
        if (i + 1 < m_bands.size()) { // arrow down to the next phase
            const int x = band.center().x();
            const int y0 = band.bottom() + 2;
            const int y1 = m_bands.at(i + 1).second.top() - 2;
            p.setPen(QPen(Qt::darkGray, 2));
            p.drawLine(x, y0, x, y1);
            QPainterPath head;
            head.moveTo(x - 6, y1 - 8);
            head.lineTo(x, y1);
            head.lineTo(x + 6, y1 - 8);
            p.drawPath(head);
        }
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (const Flow &flow : m_catalog.flows) {
        const QRect box = m_boxes.value(flow.id);
        if (box.isNull())
            continue;
        const FlowProgress pr = m_progress.value(flow.id);
        const bool complete = pr.total > 0 && pr.done >= pr.total;
        const bool current = flow.id == m_current;
        p.setBrush(complete ? QColor(200, 230, 201) : palette().base().color());
        p.setPen(QPen(current ? QColor(230, 81, 0) : QColor(120, 120, 120), current ? 4 : 1));
        p.drawRoundedRect(box, 6, 6);
        p.setPen(palette().text().color());
        p.setFont(titleFont);
        p.drawText(box.adjusted(8, 4, -8, 0), Qt::AlignLeft | Qt::AlignTop, flow.id);
        p.setFont(small);
        const QRect nameRect = box.adjusted(34, 4, -6, -26);
        p.drawText(nameRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, flow.name);
        const Role *role = m_catalog.role(flow.role);
        p.setPen(Qt::darkGray);
        const QRect roleRect = box.adjusted(8, 0, -8, -14);
        p.drawText(roleRect, Qt::AlignLeft | Qt::AlignBottom,
                   p.fontMetrics().elidedText(role ? role->name : flow.role, Qt::ElideRight, roleRect.width()));
        // progress bar
        const QRect bar(box.left() + 8, box.bottom() - 11, box.width() - 16, 6);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(224, 224, 224));
        p.drawRoundedRect(bar, 3, 3);
        if (pr.total > 0 && pr.done > 0) {
            QRect fill = bar;
            fill.setWidth(bar.width() * std::min(pr.done, pr.total) / pr.total);
            p.setBrush(complete ? QColor(46, 125, 50) : QColor(251, 140, 0));
            p.drawRoundedRect(fill, 3, 3);
        }
    }
}

} // namespace ms
