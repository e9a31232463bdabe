#include "mainwindow.h"

#include "concentrator/concentratorcheckpage.h"
#include "concentrator/concentratorpage.h"

#include "backnavigation.h"
#include "service/jobsession.h"
#include "languageswitcher.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/jobpage.h"
#include "pages/photopage.h"
#include "pages/settingspage.h"
#include "pages/signaturepage.h"
#include "pages/signinpage.h"
#include "pages/taskcardspage.h"
#include "pages/valueentrypage.h"
#include "store/store.h"
#include "uilog.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ms {

MainWindow::MainWindow(AppContext &ctx, QWidget *parent) : QMainWindow(parent), m_ctx(ctx)
{
    resize(1280, 800);
    build();
    QStringList notices;
    if (!ctx.store.openNotice().message.isEmpty())
        notices << ctx.store.openNotice().message;
    if (!ctx.catalogNotice.isEmpty())
        notices << ctx.catalogNotice;
    if (!notices.isEmpty())
        showMessage(notices.join(QLatin1Char('\n')));
}

MainWindow::~MainWindow()
{
    // Pages refer to the session: delete them first.
    for (auto &p : m_pages)
        if (p.first != m_signIn && p.first != m_jobList)
            delete p.first;
    m_pages.clear();
}

void MainWindow::build()
{
    setWindowTitle(tr("换表通"));
    auto *central = new QWidget(this);
    auto *root = new QVBoxLayout(central);
    root->setContentsMargins(0, 0, 0, 0);
    root->setSpacing(0);

    auto *bar = new QFrame(central);
    bar->setObjectName(QStringLiteral("topBar"));
    bar->setFixedHeight(80);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(12, 8, 12, 8);
    m_back = new QPushButton(tr("‹ 返回"), bar);
    m_title = new QLabel(bar);
    m_title->setStyleSheet(QStringLiteral("font-weight:bold; font-size:24px"));
    // A long title (task name, English) wraps to two lines rather than widening the window.
    m_title->setWordWrap(true);
    m_user = new QLabel(bar);
    m_roleHome = new QPushButton(tr("我的工作"), bar);
    m_sync = new QPushButton(tr("同步"), bar);
    m_settings = new QPushButton(tr("设置"), bar);
    m_signOut = new QPushButton(tr("退出登录"), bar);
    barLayout->addWidget(m_back);
    barLayout->addWidget(m_title, 1);
    barLayout->addWidget(m_user);
    barLayout->addWidget(m_roleHome);
    barLayout->addWidget(m_sync);
    barLayout->addWidget(m_settings);
    barLayout->addWidget(m_signOut);
    root->addWidget(bar);

    m_message = new QLabel(central);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("notice"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    root->addWidget(m_message);

    m_stack = new QStackedWidget(central);
    root->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_signIn = new SignInPage(m_ctx, m_stack);
    connect(m_signIn, &SignInPage::signedIn, this, &MainWindow::signIn);
    push(m_signIn, tr("换表通 · 登录"));

    connect(m_back, &QPushButton::clicked, this, &MainWindow::back);
    connect(m_settings, &QPushButton::clicked, this, &MainWindow::openSettings);
    connect(m_roleHome, &QPushButton::clicked, this, &MainWindow::openRoleHome);
    connect(m_sync, &QPushButton::clicked, this, &MainWindow::openSync);
    connect(m_signOut, &QPushButton::clicked, this, &MainWindow::signOut);
    connect(m_message, &QLabel::linkActivated, m_message, &QLabel::hide);
    updateTopBar();
}

QWidget *MainWindow::currentPage() const
{
    return m_stack->currentWidget();
}

void MainWindow::showMessage(const QString &text, bool error)
{
    if (text.isEmpty()) {
        m_message->hide();
        return;
    }
    m_message->setObjectName(error ? QStringLiteral("error") : QStringLiteral("notice"));
    m_message->setStyleSheet(QStringLiteral("margin:6px 12px"));
    m_message->setText(text);
    m_message->show();
}

QString MainWindow::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void MainWindow::push(QWidget *page, const QString &title)
{
    if (m_stack->indexOf(page) < 0)
        m_stack->addWidget(page);
    m_pages.append({page, title});
    m_stack->setCurrentWidget(page);
    updateTopBar();
}

void MainWindow::pop()
{
    if (m_pages.size() <= 1)
        return;
    QWidget *top = m_pages.takeLast().first;
    m_stack->setCurrentWidget(m_pages.last().first);
    if (top != m_signIn && top != m_jobList) {
        m_stack->removeWidget(top);
        top->deleteLater();
    }
    // Leaving the job page closes the job.
    if (m_pages.last().first == m_jobList && m_session) {
        m_session->deleteLater();
        (void)m_session.release();
    }
    updateTopBar();
}

void MainWindow::popTo(QWidget *page)
{
    while (m_pages.size() > 1 && m_pages.last().first != page)
        pop();
}

void MainWindow::back()
{
    showMessage({});
    // A page with pages of its own (我的工作) steps back inside first.
    if (auto *nested = qobject_cast<BackNavigation *>(currentPage()); nested && nested->goBack())
        return;
    pop();
}

void MainWindow::updateTopBar()
{
    m_title->setText(m_pages.isEmpty() ? QString() : m_pages.last().second);
    const bool signedIn = m_ctx.user.has_value();
    m_user->setText(signedIn ? tr("当前用户：%1").arg(m_ctx.user->name) : QString());
    m_back->setVisible(m_pages.size() > 1 && m_pages.last().first != m_jobList);
    m_signOut->setVisible(signedIn);
    m_roleHome->setVisible(signedIn && bool(m_ctx.roleHome));
    m_sync->setVisible(signedIn && bool(m_ctx.syncPage));
    m_settings->setVisible(!qobject_cast<SettingsPage *>(currentPage()));
}

void MainWindow::signIn(const User &user)
{
    m_ctx.user = user;
    qCInfo(lcUi) << "signed in" << user.name;
    if (!m_jobList) {
        m_jobList = new JobListPage(m_ctx, m_stack);
        connect(m_jobList, &JobListPage::jobOpened, this, &MainWindow::openJob);
        connect(m_jobList, &JobListPage::taskCardsOpened, this, &MainWindow::openTaskCards);
    }
    // The list replaces sign-in at the bottom of the stack.
    m_pages.clear();
    m_pages.append({m_jobList, tr("工单列表")});
    m_stack->addWidget(m_jobList);
    m_stack->setCurrentWidget(m_jobList);
    m_jobList->refresh();
    updateTopBar();
}

void MainWindow::openRoleHome()
{
    if (!m_ctx.roleHome || !m_ctx.user)
        return;
    popTo(m_jobList);
    push(m_ctx.roleHome(*m_ctx.user, m_stack), tr("我的工作"));
}

void MainWindow::openSync()
{
    if (!m_ctx.syncPage)
        return;
    popTo(m_jobList);
    push(m_ctx.syncPage(m_stack), tr("同步到办公室"));
}

void MainWindow::signOut()
{
    popTo(m_jobList);
    m_ctx.user.reset();
    m_pages.clear();
    m_signIn->reload();
    m_pages.append({m_signIn, tr("换表通 · 登录")});
    m_stack->setCurrentWidget(m_signIn);
    updateTopBar();
}

bool MainWindow::openJob(RowId jobId)
{
    popTo(m_jobList);
    auto session =
        JobSession::open(m_ctx.store, m_ctx.catalog, m_ctx.workflow, m_ctx.actor(), jobId);
    if (!session) {
        showMessage(session.error().message);
        return false;
    }
    m_session = std::move(session).value();
    auto *page = new JobPage(m_ctx, *m_session, m_stack);
    connect(page, &JobPage::cardOpened, this, &MainWindow::openCard);
    const Customer &c = m_session->customer();
    push(page, tr("%1 · 户号 %2").arg(c.name, c.accountNo));
    return true;
}

bool MainWindow::openTaskCards(RowId taskId)
{
    popTo(m_jobList);
    auto session =
        JobSession::openTask(m_ctx.store, m_ctx.catalog, m_ctx.workflow, m_ctx.actor(), taskId);
    if (!session) {
        showMessage(session.error().message);
        return false;
    }
    m_session = std::move(session).value();
    auto *page = new TaskCardsPage(m_ctx, *m_session, m_stack);
    connect(page, &TaskCardsPage::cardOpened, this, &MainWindow::openCard);
    push(page, tr("台区/任务作业卡 · %1").arg(m_session->task().name));
    return true;
}

void MainWindow::openCard(const QString &cardId)
{
    if (!m_session)
        return;
    if (auto *walker = qobject_cast<CardWalkerPage *>(currentPage())) {
        walker->setCard(cardId);
        return;
    }
    auto *walker = new CardWalkerPage(m_ctx, *m_session, cardId, m_stack);
    connect(walker, &CardWalkerPage::evidenceRequested, this, &MainWindow::openEvidence);
    connect(walker, &CardWalkerPage::concentratorRequested, this, &MainWindow::openConcentrator);
    connect(walker, &CardWalkerPage::messageRaised, this, [this](const QString &t) { showMessage(t); });
    const bool taskSession = m_session->isTaskSession();
    connect(walker, &CardWalkerPage::listRequested, this, &MainWindow::back);
    connect(walker, &CardWalkerPage::jobFinished, this, [this, taskSession] {
        showMessage(taskSession ? tr("本张台区作业卡已完成，记录已保存在任务上，联网后会自动上传。")
                                : tr("本户换表已完成，记录已保存，联网后会自动上传。"),
                    false);
        pop(); // back to the job page (task session: the task's card list)
    });
    if (taskSession)
        push(walker, tr("台区作业卡 · %1").arg(m_session->task().name));
    else
        push(walker, tr("%1 · %2").arg(m_session->customer().name, m_session->customer().accountNo));
}

void MainWindow::openEvidence(const QString &cardId, const QString &key, EvidenceSlot::Action action)
{
    const Card *card = m_ctx.catalog.card(cardId);
    const EvidenceRequirement *req = card ? card->requirement(key) : nullptr;
    qCInfo(lcUi) << "evidence" << cardId << key << int(action) << bool(req);
    if (!m_session || !req)
        return;
    const auto done = [this](bool) { pop(); };
    QWidget *page = nullptr;
    switch (action) {
    case EvidenceSlot::Action::Photo:
    case EvidenceSlot::Action::Video: {
        auto *p = new PhotoPage(m_ctx, *m_session, cardId, *req, m_stack);
        connect(p, &PhotoPage::finished, this, done);
        page = p;
        break;
    }
    case EvidenceSlot::Action::Signature: {
        auto *p = new SignaturePage(m_ctx, *m_session, cardId, *req, m_stack);
        connect(p, &SignaturePage::finished, this, done);
        page = p;
        break;
    }
    case EvidenceSlot::Action::MeterRead: {
        if (!m_ctx.meterRead)
            return;
        MeterReadRequest r{m_session.get(), cardId, *req, {}};
        QPointer<MainWindow> self(this);
        r.done = [self] {
            if (self)
                self->pop();
        };
        page = m_ctx.meterRead(r, m_stack);
        break;
    }
    case EvidenceSlot::Action::Manual: {
        auto *p = new ValueEntryPage(m_ctx, *m_session, cardId, *req, m_stack);
        connect(p, &ValueEntryPage::finished, this, done);
        page = p;
        break;
    }
    case EvidenceSlot::Action::Yes:
    case EvidenceSlot::Action::No:
        return;
    }
    if (page)
        push(page, QStringLiteral("%1 · %2").arg(cardId, req->label));
}

void MainWindow::openConcentrator(const QString &cardId)
{
    if (!m_session)
        return;
    if (cardId == QLatin1String("37.2") || cardId == QLatin1String("38.1")) {
        auto *check = new ConcentratorCheckPage(m_ctx, *m_session, m_stack);
        connect(check, &ConcentratorCheckPage::finished, this, [this](bool) { pop(); });
        push(check, tr("%1 · 档案与抄读核查").arg(cardId));
        return;
    }
    auto *page = new ConcentratorPage(m_ctx, *m_session, cardId, m_stack);
    connect(page, &ConcentratorPage::finished, this, [this](bool) { pop(); });
    push(page, tr("%1 · 集中器维护口").arg(cardId));
}

void MainWindow::openSettings()
{
    auto *page = new SettingsPage(m_ctx, m_stack);
    connect(page, &SettingsPage::languageChanged, this, &MainWindow::onLanguageChanged);
    push(page, tr("设置"));
}

void MainWindow::onLanguageChanged(const QString &language)
{
    if (!m_ctx.language.setLanguage(language))
        showMessage(tr("没有找到这种语言的翻译文件，继续使用中文。"));
    // Rebuild every page in the new language; keep the person signed in.
    const std::optional<User> user = m_ctx.user;
    for (auto &p : m_pages)
        if (p.first != m_signIn && p.first != m_jobList)
            p.first->deleteLater();
    m_pages.clear();
    if (m_session) {
        m_session->deleteLater();
        (void)m_session.release();
    }
    QWidget *old = takeCentralWidget();
    old->deleteLater();
    m_jobList = nullptr;
    m_signIn = nullptr;
    build();
    if (user) {
        signIn(*user);
        openSettings();
    }
}

} // namespace ms
