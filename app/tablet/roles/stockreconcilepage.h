#pragma once
// 库存对账 (issue 15): per crew or for the whole task, issued = installed + returned + on hand,
// and every difference by asset or seal number and its kind; exported as CSV for Excel (UTF-8
// with BOM). The last answer is kept (StockDesk over OfficeDesk) and shown, with its time, when
// the office cannot be reached.
#include "sync/stockdesk.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ms {

class StockReconcilePage : public QWidget
{
    Q_OBJECT
public:
    explicit StockReconcilePage(sync::StockDesk &stock, QWidget *parent = nullptr);

    QLineEdit *crewEdit() const { return m_crew; }
    QTableWidget *crews() const { return m_crews; }
    QTableWidget *differences() const { return m_differences; }
    QString summary() const;
    QString status() const;
    bool isLoading() const { return m_loading; }
    // Writes the reconciliation on screen as CSV to `path`; false (and status() says why) when
    // there is none yet or the file cannot be written.
    bool exportTo(const QString &path);

public slots:
    void reload();

signals:
    void loaded(int differences);

private:
    void show(const sync::StockReport &report);
    void setStatus(const QString &text, bool error = false);
    static QString kindText(const QString &kind);

    sync::StockDesk &m_stock;
    std::optional<sync::StockReport> m_report;
    QLineEdit *m_crew = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_crews = nullptr;
    QTableWidget *m_differences = nullptr;
    bool m_loading = false;
};

} // namespace ms
