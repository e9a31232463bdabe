#pragma once
// Hosts the sync page in the shell: builds the client from this device's settings (office server
// address, device token, pinned certificate) and owns it for as long as the page is open.
#include "service/devicesettings.h" // the sync setting keys

#include <QWidget>
#include <memory>

class QNetworkAccessManager;

namespace ms {

class Store;
namespace sync {
class StoreSyncLocal;
class SyncClient;
} // namespace sync

class SyncHost : public QWidget
{
    Q_OBJECT
public:
    explicit SyncHost(Store &store, QWidget *parent = nullptr);
    ~SyncHost() override;

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<sync::StoreSyncLocal> m_local;
    std::unique_ptr<sync::SyncClient> m_client;
};

} // namespace ms
