// HTTPS with a self-signed office certificate that the client pins by its SHA-256.
#include "officeprocess.h"
#include "synctestutil.h"

#include "common/resultvalue.h"
#include "sync/storesynclocal.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {
class TlsSyncTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_office.isValid() && m_tablet.isValid());
        m_cert = m_office.filePath(QStringLiteral("cert.pem"));
        m_key = m_office.filePath(QStringLiteral("key.pem"));
        const ProcessResult gen = run(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_cert,
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=meterswap-office"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        ASSERT_EQ(gen.exitCode, 0) << gen.err.constData();
        const auto certs = QSslCertificate::fromPath(m_cert);
        ASSERT_EQ(certs.size(), 1);
        m_pin = QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex());
        m_server = std::make_unique<OfficeServerProcess>(m_office.path());
        ASSERT_TRUE(m_server->start(0, m_cert, m_key));
        ASSERT_TRUE(m_server->url().startsWith(QStringLiteral("https://")));
        m_token = m_server->token(QStringLiteral("tablet-tls"), QStringLiteral("li"));
        m_store = openStore(m_tablet.path());
        ASSERT_TRUE(m_store);
        seedStore(*m_store, 2, 1, 20000);
    }
    QTemporaryDir m_office, m_tablet;
    QString m_cert, m_key, m_pin, m_token;
    std::unique_ptr<OfficeServerProcess> m_server;
    std::unique_ptr<Store> m_store;
};
} // namespace

TEST_F(TlsSyncTest, PinnedSelfSignedCertificateSyncs)
{
    sync::StoreSyncLocal local(*m_store);
    sync::SyncOptions o = options(m_server->url(), m_token);
    o.http.pinnedSha256 = m_pin;
    const auto summary = runSync(local, o);
    ASSERT_TRUE(summary.ok) << summary.error.message.toStdString();
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 2);
    EXPECT_EQ(test::valueOf(m_store->outbox().counts()).records, 0);
}

TEST_F(TlsSyncTest, WrongPinOrNoPinIsRefusedAndNothingIsSent)
{
    sync::StoreSyncLocal local(*m_store);
    const int pending = test::valueOf(m_store->outbox().counts()).records;
    sync::SyncOptions o = options(m_server->url(), m_token);
    o.http.pinnedSha256 = QString(64, QLatin1Char('0'));
    const auto wrong = runSync(local, o);
    EXPECT_FALSE(wrong.ok);
    EXPECT_TRUE(wrong.error.code.startsWith(QStringLiteral("sync.tls"))) << wrong.error.code.toStdString();
    EXPECT_EQ(wrong.retries, 0); // a certificate problem is not retried
    o.http.pinnedSha256.clear();
    const auto none = runSync(local, o);
    EXPECT_FALSE(none.ok);
    EXPECT_EQ(none.error.code, QStringLiteral("sync.tls_pin_required")); // says to set the pin
    EXPECT_EQ(test::valueOf(m_store->outbox().counts()).records, pending);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("records")).toInt(), 0);
}
