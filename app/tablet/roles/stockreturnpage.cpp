#include "roles/stockreturnpage.h"

#include "report/stockforms.h"
#include "roles/stockissuepage.h"
#include "sync/stockdesk.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ms {

StockReturnPage::StockReturnPage(sync::StockDesk &stock, QWidget *parent)
    : QWidget(parent), m_stock(stock)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("拆旧设备入库、退料（32.1）"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);
    auto *form = new QFormLayout;
    m_meters = new QPlainTextEdit(this);
    m_meters->setPlaceholderText(tr("扫描拆回旧表或未用新表的条码，每行一个"));
    form->addRow(tr("表计"), m_meters);
    m_seals = new QLineEdit(this);
    m_seals->setPlaceholderText(tr("退回的未用封印号段，如 BJ0012281-BJ0012300"));
    form->addRow(tr("封印"), m_seals);
    layout->addLayout(form);
    m_receive = new QPushButton(tr("入库"), this);
    m_receive->setObjectName(QStringLiteral("primary"));
    layout->addWidget(m_receive);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_lines = makeStockLinesTable(this);
    layout->addWidget(m_lines, 1);
    m_sheet24 = new QPushButton(tr("打印退料单（附录24）"), this);
    m_sheet24->setObjectName(QStringLiteral("printReturnSheet"));
    m_sheet24->setMinimumHeight(52);
    m_sheet24->setEnabled(false); // until something was received
    layout->addWidget(m_sheet24, 0, Qt::AlignLeft);
    connect(m_receive, &QPushButton::clicked, this, &StockReturnPage::receiveNow);
    connect(m_sheet24, &QPushButton::clicked, this, [this] {
        emit sheetRequested(24, stockFormContext(24, stockSheet(m_last)),
                            tr("入库（退料）单 %1").arg(m_last.uuid));
    });
}

QString StockReturnPage::status() const
{
    return m_status->text();
}

void StockReturnPage::setStatus(const QString &text, bool error)
{
    setStockStatus(m_status, text, error);
}

void StockReturnPage::receiveNow()
{
    m_busy = true;
    m_receive->setEnabled(false);
    setStatus(tr("正在入库…"));
    m_stock.returnStock(
        splitStockItems(m_meters->toPlainText()), splitStockItems(m_seals->text()), this,
        [this](const Result<sync::StockMovement> &r) {
            m_busy = false;
            m_receive->setEnabled(true);
            if (!r) {
                setStatus(tr("没有入库：%1").arg(r.error().message), true);
                return;
            }
            showStockLines(m_lines, *r);
            m_last = *r;
            m_sheet24->setEnabled(true);
            setStatus(tr("已入库 %n 项（单号 %1）。", nullptr, int(r->lines.size())).arg(r->uuid));
            m_meters->clear();
            m_seals->clear();
            emit received(r->uuid);
        });
}

} // namespace ms
