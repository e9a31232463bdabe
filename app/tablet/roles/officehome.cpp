#include "roles/officehome.h"

#include "catalog/catalog.h"
#include "catalog/catalogloader.h"
#include "report/formcontextbuilder.h"
#include "roles/billingpage.h"
#include "roles/flowchartpage.h"
#include "roles/formfillpage.h"
#include "roles/formspage.h"
#include "roles/formtargetpage.h"
#include "roles/officebanner.h"
#include "roles/progresspage.h"
#include "roles/reviewjobpage.h"
#include "roles/reviewqueuepage.h"
#include "roles/rolehomepage.h"
#include "roles/stockissuepage.h"
#include "roles/stockreconcilepage.h"
#include "roles/stockreturnpage.h"
#include "service/devicesettings.h"
#include "store/store.h"
#include "sync/officedesk.h"
#include "sync/stockdesk.h"
#include "sync/synchost.h"
#include "uilog.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ms {

RoleHomeFactory makeOfficeHomeFactory(const AppContext &ctx)
{
    return [&ctx](const User &user, QWidget *parent) -> QWidget * {
        return new OfficeHome(ctx.catalog, ctx.store, user, ctx.catalogRoot, parent,
                              makeOfficeDesk(ctx.store, user.uuid));
    };
}

sync::OfficeDesk *makeOfficeDesk(Store &store, const QString &userUuid)
{
    // Unreadable or missing sync settings: the homes show the local store, as before a server
    // is set up (the sync page names the settings problem). The user's own office token, when
    // one is saved, stands in for the device's.
    const auto settings = DeviceSettings(store).syncFor(userUuid);
    if (!settings || !settings->configured())
        return nullptr;
    sync::HttpOptions options;
    options.server = QUrl(settings->server);
    options.token = settings->token;
    options.pinnedSha256 = settings->pin;
    return new sync::OfficeDesk(store, options, userUuid);
}

namespace {
User withRoles(const QStringList &roles)
{
    User u;
    u.roles = roles;
    return u;
}
} // namespace

OfficeHome::OfficeHome(const Catalog &catalog, Store &store, const QStringList &roles,
                       QWidget *parent)
    : OfficeHome(catalog, store, withRoles(roles), QString(), parent)
{
}

OfficeHome::OfficeHome(const Catalog &catalog, Store &store, const User &user,
                       const QString &catalogRoot, QWidget *parent, sync::OfficeDesk *desk)
    : QWidget(parent), m_catalog(catalog), m_store(store), m_userUuid(user.uuid), m_desk(desk)
{
    if (m_desk)
        m_desk->setParent(this);
    // The forms of the catalog in use; a catalog folder without appendix/ falls back to the
    // built-in forms (a catalog update may carry cards only).
    const QString builtIn = CatalogLoader::builtInRoot();
    const QString root = catalogRoot.isEmpty() ? builtIn : catalogRoot;
    auto lib = FormLibrary::load(root);
    if (!lib && root != builtIn) {
        qCWarning(lcUi).noquote() << "forms of" << root << "not used:" << lib.error().message;
        lib = FormLibrary::load(builtIn);
    }
    if (lib)
        m_library = std::move(lib).value();
    else
        m_libraryError = lib.error().message;
    auto tiers = MismatchConfig::load(root + QStringLiteral("/config/mismatch-tiers.json"));
    if (!tiers)
        tiers = MismatchConfig::load(MismatchConfig::builtInPath());
    if (tiers)
        m_tiers = std::move(tiers).value();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("error"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    if (m_desk) {
        m_banner = new OfficeBanner(*m_desk, user.roles, this);
        layout->addWidget(m_banner);
    }
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    m_home = new RoleHomePage(catalog, store, user.roles, formLibrary(), m_stack);
    m_stack->addWidget(m_home);

    m_chart = new FlowChartPage(catalog, m_stack);
    m_stack->addWidget(m_chart);

    m_forms = new FormsPage(formLibrary(), m_libraryError, m_stack);
    m_stack->addWidget(m_forms);
    m_target = new FormTargetPage(store, m_stack);
    m_stack->addWidget(m_target);

    connect(m_home, &RoleHomePage::flowChartRequested, this, [this] { showFlowChart(); });
    connect(m_home, &RoleHomePage::cardRequested, this, [this](const QString &cardId) {
        const Card *card = m_catalog.card(cardId);
        showFlowChart(card ? card->flow : QString());
    });
    // A queue: the flow of the card that works it (its forms have their own buttons).
    if (m_desk && user.roles.contains(QLatin1String("office_clerk"))) {
        m_reviewQueue = new ReviewQueuePage(*m_desk, m_stack); // loads at once, asynchronously
        m_stack->addWidget(m_reviewQueue);
        connect(m_reviewQueue, &ReviewQueuePage::loaded, this, [this](int count, bool more) {
            m_home->setOfficeCount(QStringLiteral("clerk.review"), count, more);
        });
        m_reviewJob = new ReviewJobPage(*m_desk, &m_catalog, m_stack);
        m_stack->addWidget(m_reviewJob);
        connect(m_reviewQueue, &ReviewQueuePage::jobRequested, this, &OfficeHome::openReviewJob);
        connect(m_reviewJob, &ReviewJobPage::decided, this, &OfficeHome::openNextReviewJob);
        connect(m_reviewJob, &ReviewJobPage::nextRequested, this, &OfficeHome::openNextReviewJob);
    }
    if (m_desk && user.roles.contains(QLatin1String("billing"))) {
        m_billing = new BillingPage(*m_desk, m_stack);
        m_stack->addWidget(m_billing);
        connect(m_billing, &BillingPage::loaded, this, [this](int count) {
            m_home->setOfficeCount(QStringLiteral("billing.review"), count, false);
        });
    }
    if (m_desk && user.roles.contains(QLatin1String("project_engineer"))) {
        m_progress = new ProgressPage(*m_desk, m_stack);
        m_stack->addWidget(m_progress);
    }
    if (m_desk && user.roles.contains(QLatin1String("warehouse"))) {
        m_stockDesk = std::make_unique<sync::StockDesk>(*m_desk);
        m_stockIssue = new StockIssuePage(*m_stockDesk, m_stack);
        m_stockReturn = new StockReturnPage(*m_stockDesk, m_stack);
        m_stockReconcile = new StockReconcilePage(*m_stockDesk, m_stack);
        for (QWidget *page :
             {static_cast<QWidget *>(m_stockIssue), static_cast<QWidget *>(m_stockReturn),
              static_cast<QWidget *>(m_stockReconcile)})
            m_stack->addWidget(page);
        const auto openSheetFor = [this](int number, const FormContext &ctx,
                                         const QString &target) {
            static_cast<void>(openSheet(number, ctx, target)); // shows its own errors
        };
        connect(m_stockIssue, &StockIssuePage::sheetRequested, this, openSheetFor);
        connect(m_stockReturn, &StockReturnPage::sheetRequested, this, openSheetFor);
        connect(m_stockReconcile, &StockReconcilePage::loaded, this, [this](int differences) {
            m_home->setOfficeCount(QStringLiteral("warehouse.reconcile"), differences, false);
        });
        m_stockReconcile->reload(); // the differences on the home at once, asynchronously
    }
    connect(m_home, &RoleHomePage::queueRequested, this,
            [this](const QString &queueId, const QString &cardId) {
                if (queueId.startsWith(QLatin1String("warehouse.")) && m_stockIssue) {
                    if (queueId == QLatin1String("warehouse.issue"))
                        showPage(m_stockIssue);
                    else if (queueId == QLatin1String("warehouse.returns"))
                        showPage(m_stockReturn);
                    else {
                        showPage(m_stockReconcile);
                        m_stockReconcile->reload();
                    }
                    return;
                }
                if (queueId == QLatin1String("clerk.review") && m_reviewQueue) {
                    showReviewQueue();
                    return;
                }
                if (queueId == QLatin1String("billing.review") && m_billing) {
                    showPage(m_billing);
                    m_billing->reload();
                    return;
                }
                if (queueId == QLatin1String("engineer.tasks") && m_progress) {
                    showPage(m_progress);
                    m_progress->reload();
                    return;
                }
                const Card *card = m_catalog.card(cardId);
                showFlowChart(card ? card->flow : QString());
            });
    connect(m_home, &RoleHomePage::formsRequested, this, &OfficeHome::showForms);
    connect(m_home, &RoleHomePage::formRequested, this, [this](int number) {
        startForm(number, 0, true);
    });
    connect(m_forms, &FormsPage::formChosen, this, [this](int number) { startForm(number); });
    connect(m_target, &FormTargetPage::chosen, this, [this](int number, RowId job, RowId task) {
        static_cast<void>(openForm(number, job, task)); // openForm shows its own errors
    });
}

OfficeHome::~OfficeHome() = default;

QWidget *OfficeHome::currentPage() const
{
    QWidget *w = m_stack->currentWidget();
    return w == m_fillPane ? m_fill : w;
}

bool OfficeHome::goBack()
{
    QWidget *w = m_stack->currentWidget();
    if (w == m_home)
        return false;
    if (w == m_fillPane)
        closeForm(); // saves first; stays on the form (which says why) when that fails
    else if (w == m_reviewJob)
        showReviewQueue();
    else if (w == m_target)
        showPage(m_targetReturn && m_targetReturn != m_target ? m_targetReturn : m_forms);
    else
        showHome(); // the forms list, the flow chart
    return true;
}

QString OfficeHome::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void OfficeHome::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void OfficeHome::showPage(QWidget *page)
{
    showMessage({});
    if (page == m_home)
        m_home->refresh();
    m_stack->setCurrentWidget(page);
}

void OfficeHome::showHome()
{
    showPage(m_home);
}

void OfficeHome::showFlowChart(const QString &flowId)
{
    if (!flowId.isEmpty())
        m_chart->showFlow(flowId);
    showPage(m_chart);
}

void OfficeHome::showReviewQueue()
{
    if (!m_reviewQueue)
        return;
    showPage(m_reviewQueue);
    m_reviewQueue->reload();
}

void OfficeHome::openReviewJob(const QString &jobUuid)
{
    if (!m_reviewJob || jobUuid.isEmpty())
        return;
    showPage(m_reviewJob);
    m_reviewJob->open(jobUuid);
}

void OfficeHome::openNextReviewJob()
{
    // The job after the one just decided, in the queue's order; the queue when it was the last.
    const QString current = m_reviewJob->jobUuid();
    for (int r = 0; r + 1 < m_reviewQueue->rowCount(); ++r)
        if (m_reviewQueue->jobUuidAt(r) == current) {
            openReviewJob(m_reviewQueue->jobUuidAt(r + 1));
            return;
        }
    showReviewQueue();
}

void OfficeHome::showForms()
{
    showPage(m_forms);
}

void OfficeHome::startForm(int number, RowId taskId, bool direct)
{
    const FormSpec *form = m_library ? m_library->form(number) : nullptr;
    if (!form) {
        showMessage(m_library ? tr("附录 %1 不在表单目录中。").arg(number)
                              : tr("附录表单无法读取：%1").arg(m_libraryError));
        return;
    }
    QWidget *from = m_stack->currentWidget();
    if (form->scope == QLatin1String("static")) {
        static_cast<void>(openForm(number, 0, 0)); // openForm shows its own errors
        return;
    }
    if (taskId <= 0 && direct) {
        const auto tasks = m_store.tasks().list(); // unreadable: asked below, like several tasks
        if (tasks && tasks->size() == 1)
            taskId = tasks->first().id;
    }
    if (direct && taskId > 0 && !form->isJobScope()) {
        static_cast<void>(openForm(number, 0, taskId));
        return;
    }
    m_targetReturn = from == m_target ? m_targetReturn : from;
    m_target->ask(*form, taskId > 0 ? taskId : m_lastTask);
    showPage(m_target);
}

Result<FormFillPage *> OfficeHome::openForm(int number, RowId jobId, RowId taskId)
{
    const FormSpec *form = m_library ? m_library->form(number) : nullptr;
    if (!form) {
        const QString why = tr("附录 %1 不在表单目录中。").arg(number);
        showMessage(why);
        return makeError(QStringLiteral("ui.form_unknown"), why);
    }
    if (m_fill && !closeForm())
        return makeError(QStringLiteral("ui.form_not_saved"), m_fill->saveStatus());
    FormContextBuilder builder(m_store, &m_catalog, m_tiers ? &*m_tiers : nullptr);
    auto ctx = builder.forForm(*form, jobId, taskId);
    Result<FormOwner> owner = FormOwner{};
    if (ctx && (jobId > 0 || taskId > 0))
        owner = builder.ownerFor(*form, jobId, taskId);
    if (!ctx || !owner) {
        const Error &e = !ctx ? ctx.error() : owner.error();
        showMessage(tr("附录 %1 无法打开：%2").arg(number).arg(e.message));
        return e;
    }
    QWidget *from = m_stack->currentWidget();
    m_fillPane = new QWidget(m_stack);
    showFillPane(new FormFillPage(*form, std::move(ctx).value(),
                                  FormEntryService(m_store, Actor{m_userUuid, QString()}),
                                  owner.value(), m_fillPane),
                 targetText(*form, jobId, taskId), from);
    if (taskId > 0)
        m_lastTask = taskId;
    else if (jobId > 0)
        if (auto job = m_store.jobs().byId(jobId))
            m_lastTask = job->taskId;
    return m_fill;
}

Result<FormFillPage *> OfficeHome::openSheet(int number, const FormContext &context,
                                             const QString &target)
{
    const FormSpec *form = m_library ? m_library->form(number) : nullptr;
    if (!form) {
        const QString why = m_library ? tr("附录 %1 不在表单目录中。").arg(number)
                                      : tr("附录表单无法读取：%1").arg(m_libraryError);
        showMessage(why);
        return makeError(QStringLiteral("ui.form_unknown"), why);
    }
    if (m_fill && !closeForm())
        return makeError(QStringLiteral("ui.form_not_saved"), m_fill->saveStatus());
    QWidget *from = m_stack->currentWidget();
    m_fillPane = new QWidget(m_stack);
    showFillPane(new FormFillPage(*form, context, m_fillPane), target, from);
    return m_fill;
}

void OfficeHome::showFillPane(FormFillPage *page, const QString &targetText, QWidget *from)
{
    auto *col = new QVBoxLayout(m_fillPane);
    auto *target = new QLabel(targetText, m_fillPane);
    target->setObjectName(QStringLiteral("formTarget"));
    target->setWordWrap(true);
    col->addWidget(target);
    m_fill = page;
    col->addWidget(m_fill, 1);
    m_stack->addWidget(m_fillPane);
    m_fillReturn = from;
    showPage(m_fillPane);
}

bool OfficeHome::closeForm()
{
    if (!m_fill)
        return true;
    if (m_fill->isDirty() && m_fill->canSave() && !m_fill->save())
        return false; // the form's status line says why; everything typed is still there
    QWidget *pane = m_fillPane;
    m_fill = nullptr;
    m_fillPane = nullptr;
    QWidget *to = m_fillReturn && m_fillReturn != pane ? m_fillReturn : m_home;
    showPage(to);
    m_stack->removeWidget(pane);
    pane->deleteLater();
    return true;
}

QString OfficeHome::targetText(const FormSpec &form, RowId jobId, RowId taskId)
{
    if (form.scope == QLatin1String("static") && jobId <= 0 && taskId <= 0)
        return tr("宣传材料与文件：按内置内容打印，可补填空白处。");
    if (jobId > 0) {
        if (auto job = m_store.jobs().byId(jobId)) {
            auto customer = m_store.tasks().customer(job->customerId);
            auto task = m_store.tasks().byId(job->taskId);
            if (customer && task)
                return tr("客户：%1 %2（任务 %3）").arg(customer->accountNo, customer->name, task->code);
        }
    }
    if (taskId > 0)
        if (auto task = m_store.tasks().byId(taskId))
            return tr("换表任务：%1 %2").arg(task->code, task->name);
    return {};
}

} // namespace ms
