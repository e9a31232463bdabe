#include "roles/stockreconcilepage.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ms {

StockReconcilePage::StockReconcilePage(sync::StockDesk &stock, QWidget *parent)
    : QWidget(parent), m_stock(stock)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("库存对账"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);
    auto *bar = new QHBoxLayout;
    m_crew = new QLineEdit(this);
    m_crew->setPlaceholderText(tr("班组（空 = 整个任务）"));
    bar->addWidget(m_crew, 1);
    auto *refresh = new QPushButton(tr("对账"), this);
    bar->addWidget(refresh);
    auto *exportButton = new QPushButton(tr("导出 CSV"), this);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_crews = new QTableWidget(0, 7, this);
    m_crews->setHorizontalHeaderLabels({tr("班组"), tr("发出表"), tr("已装表"), tr("退回表"),
                                        tr("在手表"), tr("发出封印"), tr("在手封印")});
    m_crews->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_crews, 1);
    m_differences = new QTableWidget(0, 5, this);
    m_differences->setHorizontalHeaderLabels(
        {tr("差异"), tr("编号"), tr("班组"), tr("说明"), tr("工单")});
    m_differences->horizontalHeader()->setStretchLastSection(true);
    m_differences->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_differences, 2);
    connect(refresh, &QPushButton::clicked, this, &StockReconcilePage::reload);
    connect(m_crew, &QLineEdit::returnPressed, this, &StockReconcilePage::reload);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("导出对账"), tr("库存对账.csv"),
                                                          tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    });
}

QString StockReconcilePage::summary() const
{
    return m_summary->text();
}

QString StockReconcilePage::status() const
{
    return m_status->text();
}

void StockReconcilePage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#b00020; font-weight:bold;") : QString());
}

QString StockReconcilePage::kindText(const QString &kind)
{
    if (kind == QLatin1String("installed_not_issued"))
        return tr("已装未出库");
    if (kind == QLatin1String("removed_not_returned"))
        return tr("拆回未入库");
    if (kind == QLatin1String("issued_missing"))
        return tr("出库去向不明");
    if (kind == QLatin1String("seal_used_twice"))
        return tr("封印重复使用");
    if (kind == QLatin1String("returned_but_installed"))
        return tr("退回但记录已装");
    return kind;
}

void StockReconcilePage::reload()
{
    m_loading = true;
    setStatus(tr("正在对账…"));
    m_stock.reconcile(m_crew->text(), this,
                      [this](const Result<sync::StockReport> &r, bool cached) {
                          m_loading = false;
                          if (!r) {
                              setStatus(tr("对账失败：%1").arg(r.error().message), true);
                              return;
                          }
                          show(*r);
                          setStatus(cached ? tr("办公室服务器连不上，显示的是 %1 的对账结果。")
                                                 .arg(QLocale().toString(r->fetchedAt.toLocalTime(),
                                                                         QLocale::ShortFormat))
                                           : QString(),
                                    cached);
                          emit loaded(int(r->differences.size()));
                      });
}

void StockReconcilePage::show(const sync::StockReport &r)
{
    m_report = r;
    m_summary->setText(tr("%1：新表发出 %2 = 已装 %3 + 退回 %4 + 在手 %5；封印发出 %6 = 已用 %7 + "
                          "退回 %8 + 在手 %9；"
                          "拆回旧表 %10，已入库 %11；差异：%12。")
                           .arg(r.crew.isEmpty() ? tr("整个任务") : r.crew)
                           .arg(r.issuedMeters)
                           .arg(r.installedMeters)
                           .arg(r.returnedMeters)
                           .arg(r.onHandMeters.size())
                           .arg(r.issuedSeals)
                           .arg(r.installedSeals)
                           .arg(r.returnedSeals)
                           .arg(r.onHandSeals.size())
                           .arg(r.oldRemoved)
                           .arg(r.oldReturned)
                           .arg(r.differences.size()));
    m_crews->setRowCount(int(r.crews.size()));
    for (int i = 0; i < r.crews.size(); ++i) {
        const sync::StockCrewRow &c = r.crews.at(i);
        const QStringList cells{c.crew,
                                QString::number(c.issuedMeters),
                                QString::number(c.installedMeters),
                                QString::number(c.returnedMeters),
                                QString::number(c.onHandMeters),
                                QString::number(c.issuedSeals),
                                QString::number(c.onHandSeals)};
        for (int k = 0; k < cells.size(); ++k)
            m_crews->setItem(i, k, new QTableWidgetItem(cells.at(k)));
    }
    m_differences->setRowCount(int(r.differences.size()));
    for (int i = 0; i < r.differences.size(); ++i) {
        const sync::StockDifferenceRow &d = r.differences.at(i);
        const QStringList cells{kindText(d.kind), d.number(), d.crew, d.detail, d.jobUuid};
        for (int k = 0; k < cells.size(); ++k)
            m_differences->setItem(i, k, new QTableWidgetItem(cells.at(k)));
    }
}

bool StockReconcilePage::exportTo(const QString &path)
{
    if (!m_report) {
        setStatus(tr("还没有对账结果，请先点“对账”。"), true);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sync::stockReportCsv(*m_report)) < 0
        || !file.commit()) {
        setStatus(tr("没有导出：写不了 %1（%2）。请换一个位置。").arg(path, file.errorString()),
                  true);
        return false;
    }
    setStatus(tr("已导出到 %1。").arg(path));
    return true;
}

} // namespace ms
