#include "roles/stockissuepage.h"

#include "report/stockforms.h"
#include "sync/stockdesk.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ms {

QStringList splitStockItems(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,，;；]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QTableWidget *makeStockLinesTable(QWidget *parent)
{
    auto *table = new QTableWidget(0, 4, parent);
    table->setHorizontalHeaderLabels({StockIssuePage::tr("类别"), StockIssuePage::tr("编号"),
                                      StockIssuePage::tr("班组"), StockIssuePage::tr("户号")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return table;
}

void setStockStatus(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? QStringLiteral("color:#b00020; font-weight:bold;") : QString());
}

void showStockLines(QTableWidget *table, const sync::StockMovement &movement)
{
    table->setRowCount(int(movement.lines.size()));
    for (int i = 0; i < movement.lines.size(); ++i) {
        const sync::StockMovementLine &l = movement.lines.at(i);
        const QString kind = l.kind == QLatin1String("seal")        ? StockIssuePage::tr("封印")
                             : l.kind == QLatin1String("old_meter") ? StockIssuePage::tr("拆回旧表")
                                                                    : StockIssuePage::tr("新表");
        const QStringList cells{kind, l.number, l.crew, l.accountNo};
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    table->resizeColumnsToContents(); // whole 13-digit asset numbers; 户号 stretches
}

StockSheet stockSheet(const sync::StockMovement &movement)
{
    StockSheet sheet{movement.uuid, movement.kind, movement.crew, movement.by, movement.at, {}};
    for (const sync::StockMovementLine &l : movement.lines)
        sheet.lines << StockSheetLine{l.kind, l.number, l.crew, l.accountNo};
    return sheet;
}

StockIssuePage::StockIssuePage(sync::StockDesk &stock, QWidget *parent)
    : QWidget(parent), m_stock(stock)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("设备材料出库（13.1）"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);
    auto *form = new QFormLayout;
    m_crew = new QLineEdit(this);
    m_crew->setPlaceholderText(tr("任务上写的施工班组名"));
    form->addRow(tr("领料班组"), m_crew);
    m_meters = new QPlainTextEdit(this);
    m_meters->setPlaceholderText(
        tr("扫描新表条码，每行一个；或输入号段，如 3300000000001-3300000000100"));
    form->addRow(tr("智能电能表"), m_meters);
    m_seals = new QLineEdit(this);
    m_seals->setPlaceholderText(tr("封印号段，如 BJ0012001-BJ0012300；多段用逗号分开"));
    form->addRow(tr("封印"), m_seals);
    layout->addLayout(form);
    m_issue = new QPushButton(tr("出库"), this);
    m_issue->setObjectName(QStringLiteral("primary"));
    layout->addWidget(m_issue);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_lines = makeStockLinesTable(this);
    layout->addWidget(m_lines, 1);
    auto *sheets = new QHBoxLayout;
    m_sheet7 = new QPushButton(tr("打印领料单（附录7）"), this);
    m_sheet7->setObjectName(QStringLiteral("printIssueSheet"));
    m_sheet6 = new QPushButton(tr("打印库房流转单（附录6）"), this);
    m_sheet6->setObjectName(QStringLiteral("printTransferSheet"));
    for (QPushButton *b : {m_sheet7, m_sheet6}) {
        b->setMinimumHeight(52);
        b->setEnabled(false); // until something was issued
        sheets->addWidget(b);
    }
    sheets->addStretch(1);
    layout->addLayout(sheets);
    connect(m_issue, &QPushButton::clicked, this, &StockIssuePage::issueNow);
    connect(m_sheet7, &QPushButton::clicked, this, [this] { requestSheet(7); });
    connect(m_sheet6, &QPushButton::clicked, this, [this] { requestSheet(6); });
}

void StockIssuePage::requestSheet(int number)
{
    emit sheetRequested(number, stockFormContext(number, stockSheet(m_last)),
                        tr("出库单 %1：领料班组 %2").arg(m_last.uuid, m_last.crew));
}

QString StockIssuePage::status() const
{
    return m_status->text();
}

void StockIssuePage::setStatus(const QString &text, bool error)
{
    setStockStatus(m_status, text, error);
}

void StockIssuePage::issueNow()
{
    if (m_crew->text().trimmed().isEmpty())
        return setStatus(tr("请填写领料班组。"), true);
    m_busy = true;
    m_issue->setEnabled(false);
    setStatus(tr("正在出库…"));
    m_stock.issue(m_crew->text(), splitStockItems(m_meters->toPlainText()),
                  splitStockItems(m_seals->text()), this,
                  [this](const Result<sync::StockMovement> &r) {
                      m_busy = false;
                      m_issue->setEnabled(true);
                      if (!r) {
                          setStatus(tr("没有出库：%1").arg(r.error().message), true);
                          return;
                      }
                      showStockLines(m_lines, *r);
                      m_last = *r;
                      m_sheet7->setEnabled(true);
                      m_sheet6->setEnabled(true);
                      qsizetype meters = 0;
                      for (const sync::StockMovementLine &l : r->lines)
                          meters += l.kind == QLatin1String("meter");
                      setStatus(tr("已出库给 %1：新表 %2，封印 %3（单号 %4）。")
                                    .arg(r->crew)
                                    .arg(meters)
                                    .arg(r->lines.size() - meters)
                                    .arg(r->uuid));
                      m_meters->clear();
                      m_seals->clear();
                      emit issued(r->uuid);
                  });
}

} // namespace ms
