#pragma once
// 工单列表: every household of the tasks on this device, searchable by 户号, name, address or
// meter number, with the status of each at a glance. Tap a row to open the job.
#include "appcontext.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListView;
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

signals:
    void jobOpened(ms::RowId jobId);

private:
    void applyQuery();

    AppContext &m_ctx;
    JobListModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QButtonGroup *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_taskTitle = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace ms
