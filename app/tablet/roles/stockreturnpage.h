#pragma once
// 32.1 拆旧设备入库 (issue 15): old meters received by scanning (the office matches each to the
// job that removed it), unused new meters and seals returned. Shows each number as the office
// matched it (old meter with its customer, unused meter, seal) and prints its 退料单 (附录24); an
// unknown number refuses the whole return, naming it.
#include "sync/stockdesk.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace ms {

struct FormContext;

class StockReturnPage : public QWidget
{
    Q_OBJECT
public:
    explicit StockReturnPage(sync::StockDesk &stock, QWidget *parent = nullptr);

    QPlainTextEdit *metersEdit() const { return m_meters; }
    QLineEdit *sealsEdit() const { return m_seals; }
    QTableWidget *lines() const { return m_lines; }
    // 附录24 退料单 of the last return (enabled once something was received).
    QPushButton *returnSheetButton() const { return m_sheet24; }
    QString status() const;
    bool isBusy() const { return m_busy; }

public slots:
    void receiveNow();

signals:
    void received(const QString &batchUuid);
    // Form 24 of the last return, filled from the office's answer, to print.
    void sheetRequested(int number, const ms::FormContext &context, const QString &target);

private:
    void setStatus(const QString &text, bool error = false);

    sync::StockDesk &m_stock;
    QPlainTextEdit *m_meters = nullptr;
    QLineEdit *m_seals = nullptr;
    QPushButton *m_receive = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_lines = nullptr;
    QPushButton *m_sheet24 = nullptr;
    sync::StockMovement m_last;
    bool m_busy = false;
};

} // namespace ms
