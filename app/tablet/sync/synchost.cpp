#include "sync/synchost.h"

#include "store/store.h"
#include "sync/storesynclocal.h"
#include "sync/syncclient.h"
#include "sync/syncpage.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QVBoxLayout>

namespace ms {

SyncHost::SyncHost(Store &store, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto settings = DeviceSettings(store).sync();
    if (!settings) { // a damaged database is not "no office configured"
        auto *problem = new QLabel(tr("读不出本机的同步设置：%1").arg(settings.error().message),
                                   this);
        problem->setWordWrap(true);
        problem->setStyleSheet(
            QStringLiteral("font-size:22px; padding:24px; color:#b00020; font-weight:bold"));
        layout->addWidget(problem);
        layout->addStretch(1);
        return;
    }
    if (!settings->configured()) {
        auto *hint = new QLabel(
            tr("本机还没有配置办公室服务器。\n请班长或内勤用办公室电脑执行 "
               "meterswap-office token create 生成设备令牌，然后在本机执行一次：\n"
               "meterswap --server https://服务器地址:端口 --token-file 令牌文件 --server-pin 证书指纹\n"
               "配置后在这里点“开始同步”。数据一直保存在本机，不会丢失。"),
            this);
        hint->setWordWrap(true);
        hint->setStyleSheet(QStringLiteral("font-size:22px; padding:24px"));
        layout->addWidget(hint);
        layout->addStretch(1);
        return;
    }
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_local = std::make_unique<sync::StoreSyncLocal>(store);
    sync::SyncOptions options;
    options.http.server = QUrl(settings->server);
    options.http.token = settings->token;
    options.http.pinnedSha256 = settings->pin;
    m_client = std::make_unique<sync::SyncClient>(*m_local, *m_nam, options);
    layout->addWidget(new ui::SyncPage(*m_local, *m_client, this));
}

SyncHost::~SyncHost()
{
    if (m_client)
        m_client->cancel();
}

} // namespace ms
