#pragma once
// 31.1 内勤审核: the office's queue of submitted jobs (GET office/review/queue), oldest first,
// filtered by task/台区, crew and date; resubmitted and billing-sent-back jobs marked. Loaded
// asynchronously with a loading line; while the office cannot be reached the last answer stays
// on screen (OfficeDesk keeps it). Pages of kPageSize jobs: 加载更多 fetches the next page after
// the office's cursor and appends it. Enter or a double click opens the job.
#include <QUrlQuery>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace ms {

namespace sync {
class OfficeDesk;
}

class ReviewQueuePage : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewQueuePage(sync::OfficeDesk &desk, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    int rowCount() const;
    QString jobUuidAt(int row) const; // row in the view's (sorted) order
    QString stateAt(int row) const;   // "submitted" | "resubmitted" (+ ", billing_sent_back")
    QString status() const;           // loading / when the data shown was fetched / error
    bool isLoading() const { return m_loading; }
    QLineEdit *crewFilter() const { return m_crew; }
    QPushButton *moreButton() const { return m_more; } // shown while the office has more
    static constexpr int kPageSize = 100;
    void setPageSize(int jobs) { m_pageSize = jobs; } // tests: small pages

public slots:
    void loadMore();

    void reload();

signals:
    void jobRequested(const QString &jobUuid);
    void loaded(int count, bool more); // after every answer (fresh or kept)

private:
    QUrlQuery filterQuery() const;
    void showAnswer(const QJsonObject &answer, bool append = false);
    void showCount();

    sync::OfficeDesk &m_desk;
    QComboBox *m_task = nullptr;
    QLineEdit *m_crew = nullptr;
    QCheckBox *m_byDate = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_status = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_more = nullptr;
    QString m_next; // the office's cursor for the page after the ones shown
    int m_pageSize = kPageSize;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace ms
