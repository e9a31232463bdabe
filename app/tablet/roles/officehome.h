#pragma once
// The home of an office or field-management role: the role's queues and cards, the manual's
// flow chart and the appendix forms one tap away. Hosted by the shell through
// AppContext::roleHome (makeOfficeHomeFactory).
//
// Forms: 附录表单 (FormsPage) → what the form is for (FormTargetPage: a task, or a job of a task;
// static forms skip this) → the form on screen (FormFillPage) with typed values saved to the
// store, print preview and PDF export. A queue on the role home that works with a form has a
// button for it that opens the form for the task straight away.
#include "appcontext.h"
#include "backnavigation.h"
#include "model/result.h"
#include "report/formspec.h"
#include "workflow/mismatchconfig.h"

#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>

class QLabel;
class QStackedWidget;

namespace ms {

class Catalog;
class Store;
class RoleHomePage;
class FlowChartPage;
class FormsPage;
class FormTargetPage;
class FormFillPage;
struct FormContext;
class OfficeBanner;
class ReviewQueuePage;
class ReviewJobPage;
class BillingPage;
class ProgressPage;
class StockIssuePage;
class StockReturnPage;
class StockReconcilePage;
namespace sync {
class OfficeDesk;
class StockDesk;
}

// The shell's role-home factory: an OfficeHome for the signed-in user, with the forms of the
// catalog the app runs on (ctx.catalogRoot, the built-in one when that has none).
RoleHomeFactory makeOfficeHomeFactory(const AppContext &ctx);
// The office workstation's link to the office for `userUuid`, from this device's server settings
// (address, token, pinned certificate) with the user's own office token in place of the device
// token when one is saved (DeviceSettings::setOfficeToken); null when not configured.
sync::OfficeDesk *makeOfficeDesk(Store &store, const QString &userUuid);

class OfficeHome : public QWidget, public BackNavigation
{
    Q_OBJECT
    Q_INTERFACES(ms::BackNavigation)
public:
    // Forms from `catalogRoot` (empty = built-in); what is typed is saved as `user`.
    // With `desk` (the office workstation: server and office token configured), the office
    // roles' queues come from the office server; OfficeHome takes ownership of it.
    OfficeHome(const Catalog &catalog, Store &store, const User &user, const QString &catalogRoot,
               QWidget *parent = nullptr, sync::OfficeDesk *desk = nullptr);
    OfficeHome(const Catalog &catalog, Store &store, const QStringList &roles,
               QWidget *parent = nullptr);
    ~OfficeHome() override;

    RoleHomePage *home() const { return m_home; }
    FlowChartPage *flowChart() const { return m_chart; }
    FormsPage *formsPage() const { return m_forms; }
    FormTargetPage *targetPage() const { return m_target; }
    FormFillPage *formPage() const { return m_fill; } // the open form, or null
    QWidget *currentPage() const;
    sync::OfficeDesk *desk() const { return m_desk; }
    OfficeBanner *banner() const { return m_banner; }
    ReviewQueuePage *reviewQueue() const { return m_reviewQueue; } // null without the desk
    ReviewJobPage *reviewJob() const { return m_reviewJob; }
    BillingPage *billingPage() const { return m_billing; }   // billing role, with the desk
    ProgressPage *progressPage() const { return m_progress; } // engineer role, with the desk
    // The warehouse role, with the desk (issue 15): issue, return, reconciliation.
    StockIssuePage *stockIssuePage() const { return m_stockIssue; }
    StockReturnPage *stockReturnPage() const { return m_stockReturn; }
    StockReconcilePage *stockReconcilePage() const { return m_stockReconcile; }
    void showReviewQueue();
    void openReviewJob(const QString &jobUuid);
    const FormLibrary *formLibrary() const { return m_library ? &*m_library : nullptr; }
    QString message() const; // the error line's text, empty when hidden

    void showHome();
    void showFlowChart(const QString &flowId = {});
    void showForms();
    // Form `number` as a person asks for it: a static form opens at once; a task form opens for
    // `taskId` when `direct` and the task is known (given, or the only one); otherwise the
    // target page asks, with `taskId` selected.
    void startForm(int number, RowId taskId = 0, bool direct = false);
    // Opens form `number` for the job or task (both 0 for a static form). Errors are also shown.
    Result<FormFillPage *> openForm(int number, RowId jobId, RowId taskId);
    // Opens form `number` filled from `context` (a warehouse sheet, made from the office's
    // answer): printed or exported as it is, nothing typed kept. Errors are also shown.
    Result<FormFillPage *> openSheet(int number, const FormContext &context, const QString &target);
    // Leaves the open form (saving what is typed first; stays when that fails).
    bool closeForm();
    // The shell's 返回: form → where it was opened from, target page → forms list (or where it
    // was asked from), forms list / flow chart → role home; false on the role home.
    bool goBack() override;

private:
    void showPage(QWidget *page);
    void showMessage(const QString &text);
    QString targetText(const FormSpec &form, RowId jobId, RowId taskId);
    // Puts `page` (made for m_fillPane) on screen under `target`, returning to `from` later.
    void showFillPane(FormFillPage *page, const QString &target, QWidget *from);

    const Catalog &m_catalog;
    Store &m_store;
    QString m_userUuid;
    std::optional<FormLibrary> m_library;
    std::optional<MismatchConfig> m_tiers;
    QString m_libraryError;
    QLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    RoleHomePage *m_home = nullptr;
    FlowChartPage *m_chart = nullptr;
    FormsPage *m_forms = nullptr;
    FormTargetPage *m_target = nullptr;
    QWidget *m_fillPane = nullptr;
    FormFillPage *m_fill = nullptr;
    QWidget *m_targetReturn = nullptr; // where the shell's 返回 leaves the target page for
    QWidget *m_fillReturn = nullptr;   // and the form
    RowId m_lastTask = 0;
    sync::OfficeDesk *m_desk = nullptr;
    OfficeBanner *m_banner = nullptr;
    ReviewQueuePage *m_reviewQueue = nullptr;
    ReviewJobPage *m_reviewJob = nullptr;
    BillingPage *m_billing = nullptr;
    ProgressPage *m_progress = nullptr;
    std::unique_ptr<sync::StockDesk> m_stockDesk;
    StockIssuePage *m_stockIssue = nullptr;
    StockReturnPage *m_stockReturn = nullptr;
    StockReconcilePage *m_stockReconcile = nullptr;

    void openNextReviewJob();
};

} // namespace ms
