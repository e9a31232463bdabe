#pragma once
// The office workstation under test (issue 14 §2–§5): the real meterswap-office on loopback
// with field tablets' submitted jobs pushed into it (as h-14a's test_office_review does), and the
// app's OfficeHome over a real workstation store whose settings hold the office token.
#include "officeprocess.h"
#include "synctestutil.h"

#include "catalog/catalogloader.h"
#include "common/chainsigner.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <functional>

namespace ms {
class OfficeHome;
}

namespace ms::test {

class WorkstationTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    QString officeToken(const QString &device, const QString &user, const QString &roles);
    QString api(const QString &rest) const;
    void push(const QString &entity, const QString &id, int version, QJsonObject payload,
              const QStringList &blobs = {});
    QString upload(const QByteArray &bytes);
    // A task, a customer and a job of the tablet, submitted at `submittedAt`, with one photo
    // (card 21.4, requirement new_meter_installed) when `photo` is not empty.
    QString submittedJob(const QString &account, const QString &submittedAt,
                         const QByteArray &photo = {});
    // The workstation's OfficeHome for `roles`, its store in m_wsDir with `token`. With
    // `ownToken`, the device holds `token` (e.g. a field token) and the user `userUuid` their
    // own office token `ownToken` (a shared device, issue 14 §6).
    OfficeHome *openWorkstation(const QString &token, const QStringList &roles,
                                const QString &ownToken = {},
                                const QString &userUuid = QStringLiteral("ws-user"));
    void closeWorkstation();
    static bool waitFor(const std::function<bool()> &done, int ms = 20000);

    QTemporaryDir m_dir;   // the office's data
    QTemporaryDir m_wsDir; // the workstation's store
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_tabletToken;
    ChainSigner m_chain;
    qint64 m_seq = 0;
    CatalogLoad m_catalog;
    std::unique_ptr<Store> m_ws;
    std::unique_ptr<OfficeHome> m_home;
};

} // namespace ms::test
