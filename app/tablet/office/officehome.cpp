#include "office/officehome.h"

#include "catalog/catalog.h"
#include "office/flowchartpage.h"
#include "office/rolehomepage.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ms {

OfficeHome::OfficeHome(const Catalog &catalog, Store &store, const QStringList &roles,
                       QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_home = new RoleHomePage(catalog, store, roles, m_stack);
    m_stack->addWidget(m_home);

    m_chartPane = new QWidget(m_stack);
    auto *chartLayout = new QVBoxLayout(m_chartPane);
    auto *toHome = new QPushButton(tr("‹ 回到我的工作"), m_chartPane);
    toHome->setMinimumHeight(56);
    chartLayout->addWidget(toHome, 0, Qt::AlignLeft);
    m_chart = new FlowChartPage(catalog, m_chartPane);
    chartLayout->addWidget(m_chart, 1);
    m_stack->addWidget(m_chartPane);

    connect(toHome, &QPushButton::clicked, this, &OfficeHome::showHome);
    connect(m_home, &RoleHomePage::flowChartRequested, this, [this] { showFlowChart(); });
    connect(m_home, &RoleHomePage::cardRequested, this, [this](const QString &cardId) {
        const Card *card = m_catalog.card(cardId);
        showFlowChart(card ? card->flow : QString());
    });
}

void OfficeHome::showHome()
{
    m_home->refresh();
    m_stack->setCurrentWidget(m_home);
}

void OfficeHome::showFlowChart(const QString &flowId)
{
    if (!flowId.isEmpty())
        m_chart->showFlow(flowId);
    m_stack->setCurrentWidget(m_chartPane);
}

} // namespace ms
