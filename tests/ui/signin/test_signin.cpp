// Sign-in that resists a lost tablet (issue 12 §6), through the real sign-in page. The store's
// clock is moved instead of waiting out a lock; the page's one-second tick is real.
#include "common/resultvalue.h"
#include "common/shellfixture.h"

#include "pages/joblistpage.h"
#include "pages/signinpage.h"
#include "store/store.h"
#include "widgets/pinpanel.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPasswordDigestor>
#include <QTest>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

class SignInTest : public ShellTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(ShellTest::SetUp());
        store().users().setClock([this] { return m_now; });
        for (const User &u : test::valueOf(store().users().list()))
            if (u.name == QStringLiteral("张伟"))
                m_user = u.uuid;
        ASSERT_FALSE(m_user.isEmpty());
    }

    SignInPage *signInPage() { return win().signInPage(); }

    // The visible label whose text contains `part` ("" when none).
    QString label(const QString &part)
    {
        for (QLabel *l : signInPage()->findChildren<QLabel *>())
            if (l->isVisible() && l->text().contains(part))
                return l->text();
        return {};
    }

    void lockOut()
    {
        for (int i = 0; i < UserRepository::kMaxTries; ++i)
            ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟"), QStringLiteral("000000")));
        ASSERT_TRUE(store().users().lockState(m_user)->locked());
    }

    QDateTime m_now = QDateTime(QDate(2026, 11, 5), QTime(9, 0), QTimeZone::utc());
    QString m_user;
};

} // namespace

TEST_F(SignInTest, ThePinIsCheckedOffTheUiThread)
{
    ASSERT_TRUE(signInPage()->selectUser(QStringLiteral("张伟")));
    signInPage()->enterPin(demoPin());
    // enterPin returned while the key derivation still runs: the page is waiting, not frozen
    EXPECT_TRUE(signInPage()->isChecking());
    EXPECT_FALSE(findButton(signInPage(), QStringLiteral("登录")));
    EXPECT_FALSE(page<JobListPage>());
    ASSERT_TRUE(waitForPinCheck(win()));
    EXPECT_TRUE(page<JobListPage>());
}

TEST_F(SignInTest, FiveWrongPinsShowACountDownThatTicksAndSurvivesARestartOfThePage)
{
    // GIVEN four wrong PINs: the page says how many tries are left
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟"), QStringLiteral("000000")));
    EXPECT_FALSE(label(QStringLiteral("再错 1 次")).isEmpty());
    // WHEN the fifth is wrong THEN a count-down from 0:30 shows and 登录 is off
    ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟"), QStringLiteral("000000")));
    EXPECT_FALSE(label(QStringLiteral("0:30 后可再试")).isEmpty())
        << label(QStringLiteral("锁定")).toStdString();
    // (the keypad and 登录 give way to the count-down and the way out while locked)
    EXPECT_EQ(findButton(signInPage(), QStringLiteral("登录")), nullptr);
    // AND the challenge for the office is shown
    const QString challenge = store().users().lockState(m_user)->resetChallenge;
    EXPECT_FALSE(label(challenge.left(4) + QLatin1Char(' ') + challenge.mid(4)).isEmpty());
    saveScreen(QStringLiteral("signin-locked.png"));
    // WHEN ten seconds pass THEN the count-down follows on its own
    m_now = m_now.addSecs(10);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return !label(QStringLiteral("0:20 后可再试")).isEmpty(); }, 5000));
    // WHEN the app signs out and back to the page (the lock is stored) THEN it is still counting
    signInPage()->reload();
    ASSERT_TRUE(signInPage()->selectUser(QStringLiteral("张伟")));
    EXPECT_FALSE(label(QStringLiteral("0:20 后可再试")).isEmpty());
    // AND the right PIN is refused while locked
    signInPage()->enterPin(demoPin());
    ASSERT_TRUE(waitForPinCheck(win()));
    EXPECT_FALSE(page<JobListPage>());
    // WHEN the time is up THEN the count-down goes, 登录 comes back and the right PIN works
    m_now = m_now.addSecs(20);
    EXPECT_TRUE(QTest::qWaitFor([&] { return label(QStringLiteral("后可再试")).isEmpty(); }, 5000));
    QAbstractButton *ok = findButton(signInPage(), QStringLiteral("登录"));
    ASSERT_TRUE(ok);
    EXPECT_TRUE(ok->isEnabled());
    ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟")));
    EXPECT_TRUE(page<JobListPage>()) << win().message().toStdString();
}

TEST_F(SignInTest, AnOfficeCodeAndANewPinUnlockAtOnce)
{
    const QString token = QStringLiteral("mst_signin_test_token");
    ASSERT_TRUE(store().settings().setValue(QStringLiteral("sync.token"), token).ok());
    ASSERT_NO_FATAL_FAILURE(lockOut());
    const QString challenge = store().users().lockState(m_user)->resetChallenge;
    ASSERT_TRUE(tap(findButton(signInPage(), QStringLiteral("输入办公室解锁码"))));
    PinPanel *panel = signInPage()->pinPanel();
    ASSERT_TRUE(panel->isVisible());
    saveScreen(QStringLiteral("signin-reset.png")); // and the page still fits 1280x800
    // a wrong code is refused and the panel says so
    panel->enter(QStringLiteral("00000000"), QStringLiteral("654321"), QStringLiteral("654321"));
    ASSERT_TRUE(waitForPinCheck(win()));
    EXPECT_TRUE(panel->isVisible());
    // the office's code (what meterswap-office pin-reset-code prints) unlocks with the new PIN
    const QString code = pin::resetCode(pin::tokenSha256Hex(token), challenge);
    panel->enter(code, QStringLiteral("654321"), QStringLiteral("654321"));
    ASSERT_TRUE(waitForPinCheck(win()));
    EXPECT_FALSE(panel->isVisible());
    EXPECT_FALSE(label(QStringLiteral("已重设")).isEmpty());
    EXPECT_FALSE(store().users().lockState(m_user)->locked());
    ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟"), QStringLiteral("654321")));
    EXPECT_TRUE(page<JobListPage>()) << win().message().toStdString();
}

TEST_F(SignInTest, APinFromBeforeTheRuleMustBeReplacedBeforeWork)
{
    // GIVEN 张伟 still has a 4-digit PIN hashed the old way (as an upgraded tablet has)
    const QByteArray salt("0123456789abcdef");
    auto st = store().database().prepare(
        QStringLiteral("UPDATE users SET pin_kdf = 'pbkdf2-sha256$20000', pin_salt = ?, pin_hash = "
                       "? WHERE uuid = ?"));
    ASSERT_TRUE(st.ok());
    st.value().bindBlob(1, salt).bindBlob(
        2, QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "1234", salt, 20000, 32));
    st.value().bindText(3, m_user);
    ASSERT_TRUE(st.value().run().ok());
    // WHEN signing in with it THEN the page asks for a new PIN first
    ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟"), QStringLiteral("1234")));
    EXPECT_FALSE(page<JobListPage>());
    PinPanel *panel = signInPage()->pinPanel();
    ASSERT_TRUE(panel->isVisible());
    // AND a short one is refused, a mistyped repeat too
    panel->enter({}, QStringLiteral("4321"), QStringLiteral("4321"));
    EXPECT_FALSE(page<JobListPage>());
    panel->enter({}, QStringLiteral("246810"), QStringLiteral("246811"));
    EXPECT_FALSE(page<JobListPage>());
    // WHEN a 6-digit PIN is set THEN work starts, and only the new PIN signs in from now on
    panel->enter({}, QStringLiteral("246810"), QStringLiteral("246810"));
    ASSERT_TRUE(waitForPinCheck(win()));
    EXPECT_TRUE(page<JobListPage>()) << win().message().toStdString();
    EXPECT_EQ(store().users().byUuid(m_user)->pinKdf, pin::currentKdf());
    EXPECT_TRUE(store().users().verifyPin(m_user, QStringLiteral("246810")).ok());
    EXPECT_FALSE(store().users().verifyPin(m_user, QStringLiteral("1234")).ok());
}
