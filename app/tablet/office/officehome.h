#pragma once
// The home of an office or field-management role: the role's queues and cards, and the manual's
// flow chart one tap away. Hosted by the shell through AppContext::roleHome.
#include <QStringList>
#include <QWidget>

class QStackedWidget;

namespace ms {

class Catalog;
class Store;
class RoleHomePage;
class FlowChartPage;

class OfficeHome : public QWidget
{
    Q_OBJECT
public:
    OfficeHome(const Catalog &catalog, Store &store, const QStringList &roles,
               QWidget *parent = nullptr);

    RoleHomePage *home() const { return m_home; }
    FlowChartPage *flowChart() const { return m_chart; }
    void showHome();
    void showFlowChart(const QString &flowId = {});

private:
    const Catalog &m_catalog;
    QStackedWidget *m_stack = nullptr;
    RoleHomePage *m_home = nullptr;
    FlowChartPage *m_chart = nullptr;
    QWidget *m_chartPane = nullptr;
};

} // namespace ms
