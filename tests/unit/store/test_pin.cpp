// Sign-in that resists a lost tablet (issue 12 §6): the PIN rule, the KDF, the lock with its
// growing delay (stored, so a restart keeps it), the office reset code, and the upgrade of a
// hash written before migration 6. The clock is moved, never waited for.
#include "common/storefixture.h"

#include "store/schema.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QTimeZone>

using namespace ms;
using namespace ms::test;

namespace {

class PinTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        useClock();
        auto u = store().users().add(QStringLiteral("张伟"), {QStringLiteral("installer")},
                                     QStringLiteral("258046"));
        ASSERT_TRUE(u.ok()) << u.error().message.toStdString();
        m_user = u->uuid;
    }

    // The repository reads this clock; a reopened store gets it again.
    void useClock()
    {
        store().users().setClock([this] { return m_now; });
    }

    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

    Result<User> tryPin(const QString &pin) { return store().users().verifyPin(m_user, pin); }

    PinLock lock()
    {
        auto l = store().users().lockState(m_user);
        EXPECT_TRUE(l.ok());
        return l.ok() ? l.value() : PinLock{};
    }

    // Five misses: the fifth locks.
    void lockOut()
    {
        for (int i = 0; i < UserRepository::kMaxTries; ++i)
            (void)tryPin(QStringLiteral("000000"));
        ASSERT_TRUE(lock().locked());
    }

    QDateTime m_now = QDateTime(QDate(2026, 11, 5), QTime(9, 0), QTimeZone::utc());
    QString m_user;
};

// The code the office makes (meterswap-office pin-reset-code), written out independently.
QString officeCode(const QString &token, const QString &challenge)
{
    const QByteArray key =
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
    const QByteArray mac = QMessageAuthenticationCode::hash(
        "meterswap-pin-reset-v1\n" + challenge.toLatin1(), key, QCryptographicHash::Sha256);
    quint64 n = 0;
    for (int i = 0; i < 8; ++i)
        n = (n << 8) | quint8(mac[i]);
    return QStringLiteral("%1").arg(n % 100000000, 8, 10, QLatin1Char('0'));
}

} // namespace

TEST_F(PinTest, PinsShorterThanSixDigitsAreRefusedWithAClearMessage)
{
    for (const char *bad : {"1234", "12345", "12345a", "1234567890123"}) {
        auto r = store().users().add(QStringLiteral("李强%1").arg(QLatin1String(bad)), {},
                                     QString::fromLatin1(bad));
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, QStringLiteral("store.bad_input"));
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("6")))
            << r.error().message.toStdString();
    }
    auto change = store().users().changePin(m_user, QStringLiteral("1234"));
    ASSERT_FALSE(change.ok());
    EXPECT_EQ(change.error().code, QStringLiteral("store.bad_input"));
    EXPECT_TRUE(tryPin(QStringLiteral("258046")).ok()) << "a refused change keeps the old PIN";
}

TEST_F(PinTest, PinIsDerivedWithPbkdf2Sha256At600000Iterations)
{
    auto u = store().users().byUuid(m_user);
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->pinKdf, QStringLiteral("pbkdf2-sha256$600000"));
    EXPECT_EQ(u->pinSalt.size(), 16);
    EXPECT_EQ(u->pinHash, QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "258046",
                                                             u->pinSalt, 600000, 32));
}

TEST_F(PinTest, FiveWrongPinsLockTheAccountWithADelayThatDoubles)
{
    // GIVEN four wrong PINs: each says how many tries are left
    for (int i = 0; i < 4; ++i) {
        auto r = tryPin(QStringLiteral("111111"));
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, QStringLiteral("store.wrong_pin"));
        EXPECT_TRUE(r.error().message.contains(QString::number(4 - i)))
            << r.error().message.toStdString();
    }
    EXPECT_FALSE(lock().locked());
    // WHEN the fifth is wrong THEN the account locks for 30 s, with a challenge for the office
    auto fifth = tryPin(QStringLiteral("111111"));
    ASSERT_FALSE(fifth.ok());
    EXPECT_EQ(fifth.error().code, QStringLiteral("store.pin_locked"));
    EXPECT_EQ(lock().secondsLeft, 30);
    EXPECT_EQ(lock().resetChallenge.size(), 8);
    EXPECT_TRUE(fifth.error().message.contains(lock().resetChallenge));
    // AND even the right PIN is refused (without a key derivation) until the time is up
    advance(29);
    EXPECT_EQ(lock().secondsLeft, 1);
    EXPECT_EQ(tryPin(QStringLiteral("258046")).error().code, QStringLiteral("store.pin_locked"));
    EXPECT_EQ(lock().failures, 5) << "a try during the lock does not count";
    // AND each further miss doubles the delay: 60 s, 120 s, …
    advance(1);
    EXPECT_FALSE(lock().locked());
    EXPECT_EQ(tryPin(QStringLiteral("111111")).error().code, QStringLiteral("store.pin_locked"));
    EXPECT_EQ(lock().secondsLeft, 60);
    advance(60);
    EXPECT_EQ(tryPin(QStringLiteral("111111")).error().code, QStringLiteral("store.pin_locked"));
    EXPECT_EQ(lock().secondsLeft, 120);
    // WHEN the right PIN comes after the lock THEN it signs in and the count starts again
    advance(120);
    ASSERT_TRUE(tryPin(QStringLiteral("258046")).ok());
    EXPECT_EQ(lock().failures, 0);
    EXPECT_TRUE(lock().resetChallenge.isEmpty());
    EXPECT_EQ(tryPin(QStringLiteral("111111")).error().code, QStringLiteral("store.wrong_pin"));
}

TEST_F(PinTest, TheDelayStopsGrowingAtAnHour)
{
    lockOut();
    // 30 s × 2^7 would be 3840 s: the 12th miss hits the cap, the 13th stays there
    for (int i = 0; i < 8; ++i) {
        advance(lock().secondsLeft);
        (void)tryPin(QStringLiteral("000000"));
    }
    EXPECT_EQ(lock().failures, 13);
    EXPECT_EQ(lock().secondsLeft, 3600);
}

TEST_F(PinTest, TheLockSurvivesARestartAndAClockTurnedBack)
{
    lockOut();
    advance(10);
    // WHEN the app restarts THEN the account is still locked for what was left
    reopen();
    useClock();
    EXPECT_EQ(lock().secondsLeft, 20);
    EXPECT_EQ(tryPin(QStringLiteral("258046")).error().code, QStringLiteral("store.pin_locked"));
    // WHEN the clock is turned back THEN the lock neither lifts nor grows beyond its length
    advance(-3600);
    EXPECT_EQ(lock().secondsLeft, 30);
}

TEST_F(PinTest, AnOfficeResetCodeUnlocksWithANewPin)
{
    const QString token = QStringLiteral("mst_0123456789abcdef");
    ASSERT_TRUE(store().settings().setValue(QStringLiteral("sync.token"), token).ok());
    // GIVEN nothing is locked THEN there is nothing to reset
    EXPECT_EQ(store()
                  .users()
                  .resetPin(m_user, QStringLiteral("12345678"), pin::make(QStringLiteral("999999")))
                  .error()
                  .code,
              QStringLiteral("store.no_reset"));
    lockOut();
    const QString challenge = lock().resetChallenge;
    // WHEN a wrong code is typed THEN it is refused and the PIN stays
    auto wrong = store().users().resetPin(m_user, QStringLiteral("00000000"),
                                          pin::make(QStringLiteral("999999")));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, QStringLiteral("store.wrong_reset_code"));
    EXPECT_TRUE(lock().locked());
    // WHEN the office's code comes with a new PIN THEN the account is unlocked at once
    ASSERT_TRUE(
        store()
            .users()
            .resetPin(m_user, officeCode(token, challenge), pin::make(QStringLiteral("999999")))
            .ok());
    EXPECT_FALSE(lock().locked());
    EXPECT_EQ(lock().failures, 0);
    EXPECT_FALSE(tryPin(QStringLiteral("258046")).ok());
    EXPECT_TRUE(tryPin(QStringLiteral("999999")).ok());
}

TEST_F(PinTest, FiveWrongResetCodesRenewTheChallenge)
{
    const QString token = QStringLiteral("mst_0123456789abcdef");
    ASSERT_TRUE(store().settings().setValue(QStringLiteral("sync.token"), token).ok());
    lockOut();
    const QString old = lock().resetChallenge;
    const pin::Hash next = pin::make(QStringLiteral("999999"));
    Result<void> r;
    for (int i = 0; i < UserRepository::kMaxTries; ++i)
        r = store().users().resetPin(m_user, QStringLiteral("0000000%1").arg(i), next);
    ASSERT_FALSE(r.ok());
    const QString renewed = lock().resetChallenge;
    EXPECT_NE(renewed, old);
    EXPECT_TRUE(r.error().message.contains(renewed)) << r.error().message.toStdString();
    // the code for the old challenge no longer works; the new one does
    EXPECT_FALSE(store().users().resetPin(m_user, officeCode(token, old), next).ok());
    EXPECT_TRUE(store().users().resetPin(m_user, officeCode(token, renewed), next).ok());
}

TEST_F(PinTest, WithoutADeviceTokenOnlyTheLocalResetWorks)
{
    lockOut();
    auto r = store().users().resetPin(m_user, officeCode(QString(), lock().resetChallenge),
                                      pin::make(QStringLiteral("999999")));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("store.no_reset"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("meterswapctl user reset-pin")));
    ASSERT_TRUE(store().users().resetPinLocally(m_user, pin::make(QStringLiteral("999999"))).ok());
    EXPECT_TRUE(tryPin(QStringLiteral("999999")).ok());
}

// A user written by a version before migration 6: a 4-digit PIN, Qt's PBKDF2 at 20,000
// iterations. The old PIN still signs in (once), the hash is re-derived at 600,000 iterations,
// and the sign-in asks for a 6-digit PIN before anything else.
TEST(PinMigration, AnOlderHashSignsInOnceIsUpgradedAndAsksForALongerPin)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArray salt("0123456789abcdef");
    const QByteArray oldKey =
        QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "2580", salt, 20000, 32);
    {
        auto db = Database::open(dir.path() + QStringLiteral("/meterswap.db"),
                                 storeMigrations().mid(0, 3));
        ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
        auto st = db.value()->prepare(
            QStringLiteral("INSERT INTO users(uuid, name, roles, pin_salt, pin_hash, updated_at) "
                           "VALUES ('u-1', '张伟', '[\"installer\"]', ?, ?, '2026-01-01')"));
        ASSERT_TRUE(st.ok());
        st.value().bindBlob(1, salt).bindBlob(2, oldKey);
        ASSERT_TRUE(st.value().run().ok());
    }
    auto opened = Store::open(dir.path());
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    UserRepository &users = opened.value()->users();
    ASSERT_EQ(users.byUuid(QStringLiteral("u-1"))->pinKdf, QStringLiteral("pbkdf2-sha256$20000"));

    // a wrong PIN upgrades nothing
    EXPECT_FALSE(users.verifyPin(QStringLiteral("u-1"), QStringLiteral("2581")).ok());
    EXPECT_EQ(users.byUuid(QStringLiteral("u-1"))->pinHash, oldKey);

    auto attempt = users.beginSignIn(QStringLiteral("u-1"));
    ASSERT_TRUE(attempt.ok());
    const pin::Verdict verdict = pin::check(QStringLiteral("2580"), attempt->stored);
    EXPECT_TRUE(verdict.matched);
    auto signIn = users.finishSignIn(*attempt, verdict);
    ASSERT_TRUE(signIn.ok()) << signIn.error().message.toStdString();
    EXPECT_TRUE(signIn->mustChangePin);
    EXPECT_EQ(signIn->user.pinKdf, QStringLiteral("pbkdf2-sha256$600000"));
    EXPECT_NE(signIn->user.pinHash, oldKey);
    EXPECT_EQ(signIn->user.pinHash,
              QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "2580",
                                                 signIn->user.pinSalt, 600000, 32));
    // the same PIN still works (the hash changed, the PIN did not) until it is replaced
    EXPECT_TRUE(users.verifyPin(QStringLiteral("u-1"), QStringLiteral("2580")).ok());
    ASSERT_TRUE(users.changePin(QStringLiteral("u-1"), QStringLiteral("258046")).ok());
    EXPECT_FALSE(users.verifyPin(QStringLiteral("u-1"), QStringLiteral("2580")).ok());
}
