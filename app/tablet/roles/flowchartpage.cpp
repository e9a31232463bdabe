#include "roles/flowchartpage.h"

#include "roles/flowchartview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ms {

FlowChartPage::FlowChartPage(const Catalog &catalog, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_chart(new FlowChartView(catalog, this)),
      m_flowTitle(new QLabel(tr("点选一个流程查看其作业卡片"), this)), m_cards(new QListWidget(this))
{
    auto *layout = new QHBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_chart);
    layout->addWidget(scroll, 3);
    auto *side = new QVBoxLayout;
    m_flowTitle->setWordWrap(true);
    m_flowTitle->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_flowTitle->setMinimumHeight(72);
    m_flowTitle->setObjectName(QStringLiteral("flowTitle"));
    side->addWidget(m_flowTitle);
    m_cards->setObjectName(QStringLiteral("flowCards"));
    side->addWidget(m_cards, 1);
    layout->addLayout(side, 1);
    connect(m_chart, &FlowChartView::flowActivated, this, &FlowChartPage::showFlow);
    connect(m_cards, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit cardRequested(item->data(Qt::UserRole).toString());
    });
}

void FlowChartPage::showFlow(const QString &flowId)
{
    const Flow *flow = m_catalog.flow(flowId);
    if (!flow)
        return;
    m_flow = flowId;
    const Role *role = m_catalog.role(flow->role);
    const FlowProgress pr = m_chart->progress(flowId);
    m_flowTitle->setText(tr("流程 %1 %2\n责任岗位：%3　进度：%4/%5")
                             .arg(flow->id, flow->name, role ? role->name : flow->role)
                             .arg(pr.done)
                             .arg(pr.total));
    m_cards->clear();
    for (const FlowCard &card : flow->cards) {
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(card.id, card.title), m_cards);
        item->setData(Qt::UserRole, card.id);
        item->setSizeHint(QSize(0, 44));
    }
}

} // namespace ms
