#pragma once
// 13.1 设备材料出库 (issue 15): new meters by scanning their barcodes (one per line) or typing
// asset-number ranges, and seals by number ranges, issued to a crew through the office
// (StockDesk). Shows what was issued, line by line; the office refuses the whole batch when a
// number is with another crew. Not queued when the office cannot be reached: nothing is issued.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace ms {

namespace sync {
class StockDesk;
struct StockMovement;
} // namespace sync

class StockIssuePage : public QWidget
{
    Q_OBJECT
public:
    explicit StockIssuePage(sync::StockDesk &stock, QWidget *parent = nullptr);

    QLineEdit *crewEdit() const { return m_crew; }
    QPlainTextEdit *metersEdit() const { return m_meters; }
    QLineEdit *sealsEdit() const { return m_seals; }
    QTableWidget *lines() const { return m_lines; }
    QString status() const;
    bool isBusy() const { return m_busy; }

public slots:
    void issueNow();

signals:
    void issued(const QString &batchUuid);

private:
    void setStatus(const QString &text, bool error = false);

    sync::StockDesk &m_stock;
    QLineEdit *m_crew = nullptr;
    QPlainTextEdit *m_meters = nullptr;
    QLineEdit *m_seals = nullptr;
    QPushButton *m_issue = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_lines = nullptr;
    bool m_busy = false;
};

// Fills `table` with a movement's lines: kind, number, crew, customer.
void showStockLines(QTableWidget *table, const sync::StockMovement &movement);

} // namespace ms
