#include "pages/signinpage.h"

#include "store/store.h"
#include "widgets/numericpad.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ms {

SignInPage::SignInPage(AppContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(32, 24, 32, 24);
    root->setSpacing(40);

    auto *left = new QVBoxLayout;
    auto *title = new QLabel(tr("请选择您的名字"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    left->addWidget(title);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_userBox = new QWidget(scroll);
    new QGridLayout(m_userBox);
    scroll->setWidget(m_userBox);
    left->addWidget(scroll, 1);
    root->addLayout(left, 3);

    auto *right = new QVBoxLayout;
    m_who = new QLabel(tr("未选择"), this);
    m_who->setObjectName(QStringLiteral("pageTitle"));
    right->addWidget(m_who);
    m_pin = new QLineEdit(this);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("输入 PIN 码"));
    m_pin->setMaxLength(8);
    m_pin->setAccessibleName(tr("PIN 码"));
    right->addWidget(m_pin);
    auto *pad = new NumericPad(false, this);
    pad->setTarget(m_pin);
    right->addWidget(pad);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    right->addWidget(m_error);
    auto *ok = new QPushButton(tr("登录"), this);
    ok->setObjectName(QStringLiteral("primary"));
    ok->setMinimumHeight(80);
    right->addWidget(ok);
    right->addStretch();
    root->addLayout(right, 2);

    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    connect(ok, &QPushButton::clicked, this, &SignInPage::trySignIn);
    connect(m_pin, &QLineEdit::returnPressed, this, &SignInPage::trySignIn);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        m_who->setText(m_users.value(id).name);
        m_error->hide();
        m_pin->clear();
    });
    reload();
}

void SignInPage::reload()
{
    m_users = m_ctx.store.users().list();
    auto *grid = static_cast<QGridLayout *>(m_userBox->layout());
    for (QAbstractButton *b : m_group->buttons()) {
        m_group->removeButton(b);
        b->deleteLater();
    }
    for (int i = 0; i < m_users.size(); ++i) {
        auto *b = new QPushButton(m_users[i].name, m_userBox);
        b->setCheckable(true);
        b->setMinimumHeight(80);
        m_group->addButton(b, i);
        grid->addWidget(b, i / 3, i % 3);
    }
    grid->setRowStretch(int(m_users.size()) / 3 + 1, 1);
    if (m_users.isEmpty()) {
        m_error->setText(tr("这台设备上还没有用户：请用 --demo 启动演示数据，或先与办公室同步。"));
        m_error->show();
    }
}

bool SignInPage::selectUser(const QString &name)
{
    for (int i = 0; i < m_users.size(); ++i)
        if (m_users[i].name == name) {
            m_group->button(i)->click();
            return true;
        }
    return false;
}

void SignInPage::enterPin(const QString &pin)
{
    m_pin->setText(pin);
    trySignIn();
}

void SignInPage::trySignIn()
{
    const int id = m_group->checkedId();
    if (id < 0) {
        m_error->setText(tr("请先点您的名字，再输入 PIN 码。"));
        m_error->show();
        return;
    }
    auto user = m_ctx.store.users().verifyPin(m_users[id].uuid, m_pin->text());
    m_pin->clear();
    if (!user) {
        m_error->setText(user.error().code == QLatin1String("store.wrong_pin")
                             ? tr("PIN 码不对，请重新输入。忘记 PIN 码请联系施工负责人。")
                             : user.error().message);
        m_error->show();
        return;
    }
    m_error->hide();
    emit signedIn(user.value());
}

} // namespace ms
