#pragma once
// 13.1 设备材料出库 (issue 15): new meters by scanning their barcodes (one per line) or typing
// asset-number ranges, and seals by number ranges, issued to a crew through the office
// (StockDesk). Shows what was issued, line by line, and prints its 领料单 (附录7) and 库房流转单
// (附录6) from the office's answer; the office refuses the whole batch when a number is with
// another crew. Not queued when the office cannot be reached: nothing is issued.
#include "sync/stockdesk.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace ms {

struct FormContext;
struct StockSheet;

class StockIssuePage : public QWidget
{
    Q_OBJECT
public:
    explicit StockIssuePage(sync::StockDesk &stock, QWidget *parent = nullptr);

    QLineEdit *crewEdit() const { return m_crew; }
    QPlainTextEdit *metersEdit() const { return m_meters; }
    QLineEdit *sealsEdit() const { return m_seals; }
    QTableWidget *lines() const { return m_lines; }
    // 附录7 领料单 and 附录6 库房流转单 of the last issue (enabled once something was issued).
    QPushButton *issueSheetButton() const { return m_sheet7; }
    QPushButton *transferSheetButton() const { return m_sheet6; }
    QString status() const;
    bool isBusy() const { return m_busy; }

public slots:
    void issueNow();

signals:
    void issued(const QString &batchUuid);
    // The form `number` of the last issue, filled from the office's answer, to print.
    void sheetRequested(int number, const ms::FormContext &context, const QString &target);

private:
    void setStatus(const QString &text, bool error = false);
    void requestSheet(int number);

    sync::StockDesk &m_stock;
    QLineEdit *m_crew = nullptr;
    QPlainTextEdit *m_meters = nullptr;
    QLineEdit *m_seals = nullptr;
    QPushButton *m_issue = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_lines = nullptr;
    QPushButton *m_sheet7 = nullptr;
    QPushButton *m_sheet6 = nullptr;
    sync::StockMovement m_last;
    bool m_busy = false;
};

// Fills `table` with a movement's lines: kind, number, crew, customer.
void showStockLines(QTableWidget *table, const sync::StockMovement &movement);
// A movement as the warehouse's forms print it (report/stockforms.h).
StockSheet stockSheet(const sync::StockMovement &movement);
// What the issue and return screens share: typed or scanned numbers split at spaces, new lines,
// commas and semicolons (either width); the lines table (kind, number, crew, customer); the
// status line, red and bold for an error.
QStringList splitStockItems(const QString &text);
QTableWidget *makeStockLinesTable(QWidget *parent);
void setStockStatus(QLabel *label, const QString &text, bool error);

} // namespace ms
