#pragma once
// Progress for the project engineer (issue 14 §5): GET office/progress per task (台区) and per
// crew per day — jobs by state, review pass rate, top send-back reasons, first-time-right rate —
// as a stacked bar chart (Qt Charts) and a sortable table, exported to a UTF-8 CSV (BOM).
#include <QJsonObject>
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;

namespace ms {

namespace sync {
class OfficeDesk;
}

class ProgressPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProgressPage(sync::OfficeDesk &desk, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QChartView *chart() const { return m_chart; }
    bool isLoading() const { return m_loading; }
    QString status() const;
    // The table as CSV (UTF-8 with BOM, header first); false with status() saying why.
    bool exportTo(const QString &path);

public slots:
    void reload();

private:
    void showAnswer(const QJsonObject &answer);
    void setStatus(const QString &text, bool error = false);

    sync::OfficeDesk &m_desk;
    QComboBox *m_view = nullptr; // 按台区 / 按班组和日期
    QLabel *m_status = nullptr;
    QChartView *m_chart = nullptr;
    QTableWidget *m_table = nullptr;
    QJsonObject m_answer;
    bool m_loading = false;
};

} // namespace ms
