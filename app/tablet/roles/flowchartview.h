#pragma once
// 标准化流程图: the manual's 4 phases and 43 flows drawn from the catalog (nothing hard-coded),
// one band per phase, one box per flow with its responsible role and its progress, the job's or
// task's current flow outlined. Tap a flow to open its cards (flowActivated).
#include "catalog/catalog.h"
#include "workflow/workflow.h"

#include <QHash>
#include <QWidget>

namespace ms {

struct FlowProgress
{
    int done = 0;  // cards completed
    int total = 0; // cards in the flow
};

class FlowChartView : public QWidget
{
    Q_OBJECT
public:
    explicit FlowChartView(const Catalog &catalog, QWidget *parent = nullptr);

    // Progress from a job's walk: cards on its path are done, its current card marks the position.
    void setWorkflowState(const WorkflowState &state);
    // Or directly (a task: per-flow counts over its jobs).
    void setProgress(const QHash<QString, FlowProgress> &progress, const QString &currentFlow);

    FlowProgress progress(const QString &flowId) const;
    QString currentFlow() const { return m_current; }
    QString flowAt(const QPoint &pos) const;
    QRect flowRect(const QString &flowId) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

signals:
    void flowActivated(const QString &flowId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void layoutBoxes(int width);

    const Catalog &m_catalog;
    QHash<QString, FlowProgress> m_progress;
    QString m_current;
    QHash<QString, QRect> m_boxes;           // flow id → box
    QList<QPair<QString, QRect>> m_bands;    // phase id → band
    int m_height = 0;
};

} // namespace ms
