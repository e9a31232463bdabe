#pragma once
// 工单列表: every household of the tasks on this device, searchable by 户号, name, address or
// meter number, with the status of each at a glance. Tap a row to open the job. When the store
// cannot be read (locked by another program, damaged), the page says so instead of showing an
// empty list, with a button to try again.
#include "appcontext.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace ms {

class JobListModel;

class JobListPage : public QWidget
{
    Q_OBJECT
public:
    explicit JobListPage(AppContext &ctx, QWidget *parent = nullptr);

    void setSearch(const QString &text); // applies at once (tests, barcode scan)
    void refresh();
    JobListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    // What is shown in place of the list when the store could not be read ("" when it could).
    QString errorText() const;

signals:
    void jobOpened(ms::RowId jobId);
    void taskCardsOpened(ms::RowId taskId); // 台区/任务作业卡 of a task

private:
    void applyQuery();
    void openTaskCards();
    void showError(const QString &message); // "" hides it

    AppContext &m_ctx;
    JobListModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QButtonGroup *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_taskTitle = nullptr;
    QWidget *m_errorBox = nullptr;   // the read error and a retry button, over the list
    QLabel *m_error = nullptr;
    QPushButton *m_taskCards = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace ms
