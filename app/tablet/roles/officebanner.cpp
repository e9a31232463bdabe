#include "roles/officebanner.h"

#include "sync/officedesk.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms {

OfficeBanner::OfficeBanner(sync::OfficeDesk &desk, const QStringList &localRoles, QWidget *parent)
    : QWidget(parent), m_desk(desk), m_localRoles(localRoles)
{
    setObjectName(QStringLiteral("officeBanner"));
    auto *col = new QVBoxLayout(this);
    col->setContentsMargins(0, 0, 0, 0);
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("identity"));
    m_identity->setWordWrap(true);
    col->addWidget(m_identity);
    m_down = new QWidget(this);
    m_down->setObjectName(QStringLiteral("unreachable"));
    m_down->setStyleSheet(QStringLiteral("background:#fdecea; color:#b00020;"));
    auto *row = new QHBoxLayout(m_down);
    m_downText = new QLabel(m_down);
    m_downText->setWordWrap(true);
    m_downText->setObjectName(QStringLiteral("unreachableText"));
    m_retry = new QPushButton(tr("重试"), m_down);
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setShortcut(QKeySequence(Qt::Key_F5));
    row->addWidget(m_downText, 1);
    row->addWidget(m_retry);
    col->addWidget(m_down);

    auto *prow = new QHBoxLayout;
    m_pendingText = new QLabel(this);
    m_pendingText->setObjectName(QStringLiteral("pendingText"));
    m_showPending = new QPushButton(tr("查看"), this);
    m_showPending->setCheckable(true);
    prow->addWidget(m_pendingText, 1);
    prow->addWidget(m_showPending);
    col->addLayout(prow);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("pendingDecisions"));
    m_list->setMaximumHeight(140);
    m_list->hide();
    col->addWidget(m_list);
    auto *arow = new QHBoxLayout;
    m_setAsideError = new QLabel(this);
    m_setAsideError->setObjectName(QStringLiteral("error"));
    m_setAsideError->setWordWrap(true);
    m_setAsideError->hide();
    m_setAside = new QPushButton(tr("已阅，移出列表"), this);
    m_setAside->setObjectName(QStringLiteral("setAside"));
    m_setAside->setToolTip(tr("办公室没有接受的决定不会再发送；读过原因后可以把它移出列表。"));
    m_setAside->setEnabled(false);
    m_setAside->hide();
    arow->addWidget(m_setAsideError, 1);
    arow->addWidget(m_setAside);
    col->addLayout(arow);

    connect(m_retry, &QPushButton::clicked, &m_desk, &sync::OfficeDesk::retry);
    connect(m_showPending, &QPushButton::toggled, this, [this](bool on) {
        m_list->setVisible(on);
        m_setAside->setVisible(on);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int current) {
        const QListWidgetItem *item = current >= 0 ? m_list->item(current) : nullptr;
        m_setAside->setEnabled(item && item->data(Qt::UserRole + 1).toBool());
    });
    connect(m_setAside, &QPushButton::clicked, this, &OfficeBanner::setAsideSelected);
    connect(&m_desk, &sync::OfficeDesk::reachabilityChanged, this, &OfficeBanner::refresh);
    connect(&m_desk, &sync::OfficeDesk::decisionsChanged, this, &OfficeBanner::refresh);
    connect(&m_desk, &sync::OfficeDesk::retryRequested, this, &OfficeBanner::askWhoAmI);
    refresh();
    askWhoAmI();
}

QString OfficeBanner::identityText() const
{
    return m_identity->text();
}

void OfficeBanner::askWhoAmI()
{
    m_identity->setText(tr("正在向办公室服务器 %1 确认本机令牌…").arg(m_desk.serverName()));
    m_desk.fetch(QStringLiteral("whoami"), QStringLiteral("whoami"), {}, this,
                 [this](const sync::OfficeDesk::Answer &a) {
                     if (a.error && !a.cached) {
                         m_identity->setText(tr("办公室服务器 %1 没有确认本机令牌：%2")
                                                 .arg(m_desk.serverName(), a.error->message));
                         return;
                     }
                     m_tokenRoles.clear();
                     for (const QJsonValue &r : a.body.value(QStringLiteral("roles")).toArray())
                         m_tokenRoles << r.toString();
                     QString text = tr("办公室服务器 %1：%2（%3）")
                                        .arg(m_desk.serverName(),
                                             a.body.value(QStringLiteral("user")).toString(),
                                             m_tokenRoles.isEmpty() ? tr("现场设备令牌，没有办公室岗位")
                                                                    : m_tokenRoles.join(QStringLiteral("、")));
                     QStringList lacking;
                     for (const QString &local : std::as_const(m_localRoles)) {
                         // the catalog's project_engineer is the office's engineer role
                         const QString office = local == QLatin1String("project_engineer")
                                                    ? QStringLiteral("engineer")
                                                    : local;
                         if ((office == QLatin1String("office_clerk") || office == QLatin1String("billing")
                              || office == QLatin1String("engineer"))
                             && !m_tokenRoles.contains(office))
                             lacking << office;
                     }
                     if (!lacking.isEmpty())
                         text += tr("\n本机令牌没有 %1 岗位，这些队列读不到；请办公室用 meterswap-office "
                                    "token create --roles %1 生成新令牌。")
                                     .arg(lacking.join(QLatin1Char(',')));
                     m_identity->setText(text);
                 });
}

QString OfficeBanner::unreachableText() const
{
    return m_down->isHidden() ? QString() : m_downText->text();
}

void OfficeBanner::refresh()
{
    m_downText->setText(tr("连不上办公室服务器 %1：%2\n屏幕上保留的是上次取到的数据；"
                           "此时做的审核决定保存在本机，服务器恢复后自动发送。请检查网络后点“重试”。")
                            .arg(m_desk.serverName(), m_desk.lastError()));
    m_down->setVisible(!m_desk.isReachable());

    m_list->clear();
    const auto pending = m_desk.pending();
    if (!pending) {
        m_pendingCount = -1;
        m_pendingText->setText(tr("读不出本机未发送的审核决定：%1").arg(pending.error().message));
        return;
    }
    m_pendingCount = int(pending->size());
    for (const PendingDecision &d : pending.value()) {
        QString line = tr("%1  %2").arg(d.createdAt.toLocalTime().toString(QStringLiteral("MM-dd hh:mm")),
                                       d.summary);
        if (d.refused)
            line += tr("（办公室没有接受：%1）").arg(d.lastError);
        else if (!d.lastError.isEmpty())
            line += tr("（等待发送：%1）").arg(d.lastError);
        auto *item = new QListWidgetItem(line, m_list);
        item->setData(Qt::UserRole, d.decisionUuid);
        item->setData(Qt::UserRole + 1, d.refused);
    }
    m_setAside->setEnabled(false);
    m_pendingText->setText(m_pendingCount == 0
                               ? tr("所有审核决定都已送达办公室。")
                               : tr("有 %n 条审核决定还没有送达办公室（保存在本机，不会丢失）。",
                                    nullptr, m_pendingCount));
    m_pendingText->setVisible(m_pendingCount != 0);
    m_showPending->setVisible(m_pendingCount != 0);
    if (m_pendingCount == 0) {
        m_list->hide();
        m_setAside->hide();
        m_showPending->setChecked(false);
    }
}

void OfficeBanner::setAsideSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !item->data(Qt::UserRole + 1).toBool())
        return;
    if (auto dropped = m_desk.drop(item->data(Qt::UserRole).toString()); !dropped) {
        m_setAsideError->setText(tr("没能移出列表：%1").arg(dropped.error().message));
        m_setAsideError->show();
        return;
    }
    m_setAsideError->hide();
}

} // namespace ms
