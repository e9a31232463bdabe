#pragma once
// Shared by the sync integration tests: synchronous raw HTTP, a tablet store with evidence,
// and running a SyncClient to the end.
#include "store/store.h"
#include "sync/syncclient.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace ms::test {

struct Http
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const;
};

Http request(const QByteArray &verb, const QString &url, const QString &token,
             const QByteArray &body = {});
// The same with the device's public key in X-MeterSwap-Device-Key, as the sync client sends it.
Http keyedRequest(const QByteArray &verb, const QString &url, const QString &token,
                  const QString &deviceKey, const QByteArray &body = {});

std::unique_ptr<Store> openStore(const QString &dir);
// One task with `jobs` jobs; each gets `filesPerJob` evidence files of `fileBytes` random bytes.
// Returns the hashes of the files.
QStringList seedStore(Store &store, int jobs, int filesPerJob, int fileBytes, quint32 seed = 7);

// Runs a sync to its end (or `timeoutMs`), calling `onProgress` on every progress report.
sync::SyncSummary runSync(sync::SyncLocal &local, const sync::SyncOptions &options,
                          const std::function<void(const sync::SyncProgress &)> &onProgress = {},
                          int timeoutMs = 60000);

sync::SyncOptions options(const QString &url, const QString &token);

} // namespace ms::test
