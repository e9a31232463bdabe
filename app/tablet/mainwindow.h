#pragma once
// The shell: a top bar (back, title, who is signed in, settings, sign out), a message bar for
// plain-words notices, and a stack of pages. Pages are pushed and popped; every screen is its
// own class in pages/.
#include "appcontext.h"
#include "widgets/evidenceslot.h"

#include <QMainWindow>
#include <memory>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace ms {

class JobSession;
class JobListPage;
class SignInPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext &ctx, QWidget *parent = nullptr);
    ~MainWindow() override;

    SignInPage *signInPage() const { return m_signIn; }
    JobListPage *jobListPage() const { return m_jobList; }
    QWidget *currentPage() const;
    JobSession *session() const { return m_session.get(); }

    void showMessage(const QString &text, bool error = true); // empty hides
    QString message() const;

    void signIn(const User &user);
    void signOut();
    bool openJob(RowId jobId);
    bool openTaskCards(RowId taskId); // 台区/任务作业卡 of a task, walked on a task session
    void openCard(const QString &cardId);
    void openEvidence(const QString &cardId, const QString &key, EvidenceSlot::Action action);
    void openConcentrator(const QString &cardId); // 36.1–36.5 over the maintenance port
    void openSettings();
    void openRoleHome();
    void openSync();
    void back();

private:
    void build();
    void push(QWidget *page, const QString &title);
    void pop();
    void popTo(QWidget *page);
    void updateTopBar();
    void onLanguageChanged(const QString &language);

    AppContext &m_ctx;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_user = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_settings = nullptr;
    QPushButton *m_roleHome = nullptr;
    QPushButton *m_sync = nullptr;
    QPushButton *m_signOut = nullptr;
    SignInPage *m_signIn = nullptr;
    JobListPage *m_jobList = nullptr;
    std::unique_ptr<JobSession> m_session;
    QList<QPair<QWidget *, QString>> m_pages; // stack with titles
};

} // namespace ms
