#pragma once
// The flow chart with the tapped flow's cards beside it; tapping a card asks the shell to open it.
#include "catalog/catalog.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace ms {

class FlowChartView;

class FlowChartPage : public QWidget
{
    Q_OBJECT
public:
    explicit FlowChartPage(const Catalog &catalog, QWidget *parent = nullptr);

    FlowChartView *chart() const { return m_chart; }
    QListWidget *cardList() const { return m_cards; }
    QString selectedFlow() const { return m_flow; }

public slots:
    void showFlow(const QString &flowId);

signals:
    void cardRequested(const QString &cardId);

private:
    const Catalog &m_catalog;
    FlowChartView *m_chart;
    QLabel *m_flowTitle;
    QListWidget *m_cards;
    QString m_flow;
};

} // namespace ms
