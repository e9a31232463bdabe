#pragma once
// 选择表单对象: what an appendix form is for. A task form asks for the replacement task (台区,
// 小区); a job form asks for the task and then the customer's job in it. Both lists come from the
// store and have a search box (task number, name, area or address; 户号, 户名, address or meter
// number). The host opens the form with the choice.
#include "model/types.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ms {

class Store;
struct FormSpec;

class FormTargetPage : public QWidget
{
    Q_OBJECT
public:
    explicit FormTargetPage(Store &store, QWidget *parent = nullptr);

    static constexpr int kJobPage = 200; // jobs listed at once; the search narrows the rest

    // Starts over for `form`; `taskId` (when it exists) is selected already.
    void ask(const FormSpec &form, RowId taskId = 0);

    int formNumber() const { return m_number; }
    bool needsJob() const { return m_needsJob; }
    RowId selectedTask() const;
    RowId selectedJob() const;
    bool selectTask(RowId taskId); // as a tap on its row; false when it is not listed
    bool selectJob(RowId jobId);

    QLineEdit *taskSearch() const { return m_taskSearch; }
    QLineEdit *jobSearch() const { return m_jobSearch; }
    QListWidget *taskList() const { return m_tasks; }
    QListWidget *jobList() const { return m_jobs; }
    QPushButton *openButton() const { return m_open; }

signals:
    void chosen(int formNumber, RowId jobId, RowId taskId);

private:
    void fillTasks();
    void fillJobs();
    void updateOpen();

    Store &m_store;
    int m_number = 0;
    bool m_needsJob = false;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QLineEdit *m_taskSearch = nullptr;
    QLineEdit *m_jobSearch = nullptr;
    QListWidget *m_tasks = nullptr;
    QListWidget *m_jobs = nullptr;
    QWidget *m_jobPane = nullptr;
    QLabel *m_jobNote = nullptr;
    QLabel *m_choice = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace ms
