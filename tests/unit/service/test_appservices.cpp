// The services app/ writes through besides the job service: device settings, accounts (sign-in),
// typed form fields, and the one entry point for a decision's choice. Real store, real catalog.
#include "jobsessionfixture.h"

#include "service/accounts.h"
#include "service/devicesettings.h"
#include "service/formentryservice.h"

#include <QDir>

using namespace ms;
using ms::test::valueOf;

namespace {

class AppServicesTest : public test::JobServiceTest
{
};

template <typename T> void expectError(const Result<T> &r, const char *code, const char *what)
{
    ASSERT_FALSE(r.ok()) << what << ": accepted";
    EXPECT_EQ(r.error().code, QLatin1String(code))
        << what << ": " << r.error().message.toStdString();
    EXPECT_FALSE(r.error().message.isEmpty()) << what;
}

} // namespace

TEST_F(AppServicesTest, DeviceSettingsAreCheckedOneWriteEachAndTheSyncKeysOneTransaction)
{
    DeviceSettings settings(store());
    // GIVEN nothing saved: the defaults
    EXPECT_EQ(valueOf(settings.photoLongEdge()), DeviceSettings::kDefaultLongEdge);
    EXPECT_EQ(valueOf(settings.language()), QStringLiteral("zh_CN"));
    EXPECT_FALSE(valueOf(settings.sync()).configured());
    // WHEN a photo size, a language and the office are set
    qint64 before = commits();
    ASSERT_TRUE(settings.setPhotoLongEdge(1600).ok());
    ASSERT_TRUE(settings.setLanguage(QStringLiteral("en")).ok());
    EXPECT_EQ(commits() - before, 2);
    before = commits();
    SyncSettingsChange change;
    change.server = QStringLiteral("https://office.example:8443");
    change.token = QStringLiteral("secret-token");
    change.pin = QString(64, QLatin1Char('b'));
    ASSERT_TRUE(settings.setSync(change).ok());
    // THEN the three sync keys are one transaction, and a call that changes nothing writes nothing
    EXPECT_EQ(commits() - before, 1);
    ASSERT_TRUE(settings.setSync({}).ok());
    EXPECT_EQ(commits() - before, 1);
    // AND they read back
    EXPECT_EQ(valueOf(settings.photoLongEdge()), 1600);
    EXPECT_EQ(valueOf(settings.language()), QStringLiteral("en"));
    const SyncSettings sync = valueOf(settings.sync());
    EXPECT_TRUE(sync.configured());
    EXPECT_EQ(sync.server, QStringLiteral("https://office.example:8443"));
    EXPECT_EQ(sync.pin, QString(64, QLatin1Char('b')));
    // AND a port that answered is remembered, an empty one ignored
    ASSERT_TRUE(settings.rememberMeterPort(QStringLiteral("/dev/ttyUSB0")).ok());
    ASSERT_TRUE(settings.rememberMeterPort({}).ok());
    EXPECT_EQ(valueOf(settings.meter()).port, QStringLiteral("/dev/ttyUSB0"));
    EXPECT_EQ(valueOf(settings.meter()).link, QStringLiteral("infrared"));
}

TEST_F(AppServicesTest, BadSettingsAreRefusedAndNothingIsSaved)
{
    DeviceSettings settings(store());
    const qint64 before = commits();
    expectError(settings.setPhotoLongEdge(10), "settings.bad_value", "10 px");
    expectError(settings.setLanguage(QStringLiteral("../../etc")), "settings.bad_value", "lang");
    // A folder whose cards do not load is not used
    QTemporaryDir empty;
    ASSERT_TRUE(empty.isValid());
    expectError(settings.setCatalogDir(empty.path()), "catalog.invalid", "empty folder");
    EXPECT_EQ(commits(), before);
    EXPECT_EQ(valueOf(settings.catalogDir()), QString());
    // A folder that loads is saved; "" goes back to the built-in cards
    ASSERT_TRUE(settings.setCatalogDir(test::formsDir()).ok());
    EXPECT_EQ(valueOf(settings.catalogDir()), test::formsDir());
    ASSERT_TRUE(settings.setCatalogDir({}).ok());
    EXPECT_EQ(valueOf(settings.catalogDir()), QString());
}

TEST_F(AppServicesTest, UnreadableSettingsAreAnErrorNotNoOfficeConfigured)
{
    // GIVEN the office configured, then the settings table damaged on disk
    SyncSettingsChange change;
    change.server = QStringLiteral("https://office.example:8443");
    change.token = QStringLiteral("secret-token");
    ASSERT_TRUE(DeviceSettings(store()).setSync(change).ok());
    session.reset();
    ASSERT_NO_FATAL_FAILURE(env.damageTables({QStringLiteral("settings")}));
    // WHEN the sync settings are read THEN the read says the database is damaged
    const auto sync = DeviceSettings(store()).sync();
    ASSERT_FALSE(sync.ok());
    EXPECT_EQ(sync.error().code, QStringLiteral("store.corrupt"));
    EXPECT_FALSE(sync.error().message.contains(QStringLiteral("secret-token")));
    EXPECT_FALSE(DeviceSettings(store()).photoLongEdge().ok());
}

TEST_F(AppServicesTest, SignInByNameChecksThePinAndNamesAnUnknownUser)
{
    Accounts accounts(store());
    ASSERT_TRUE(
        store()
            .users()
            .add(QStringLiteral("张伟"), {QStringLiteral("installer")}, QStringLiteral("135790"))
            .ok());
    // WHEN the right PIN is given THEN the user is signed in
    auto ok = accounts.signIn(QStringLiteral("张伟"), QStringLiteral("135790"));
    ASSERT_TRUE(ok.ok()) << ok.error().message.toStdString();
    EXPECT_EQ(ok->user.name, QStringLiteral("张伟"));
    // WHEN a wrong PIN is given THEN it is refused and counted
    expectError(accounts.signIn(QStringLiteral("张伟"), QStringLiteral("000000")),
                "store.wrong_pin", "wrong pin");
    EXPECT_EQ(valueOf(accounts.lockState(ok->user.uuid)).failures, 1);
    // WHEN nobody has that name THEN the error names it
    const auto nobody = accounts.signIn(QStringLiteral("李四"), QStringLiteral("135790"));
    expectError(nobody, "store.not_found", "unknown user");
    EXPECT_TRUE(nobody.error().message.contains(QStringLiteral("李四")));
    EXPECT_EQ(valueOf(accounts.users()).size(), 1);
}

TEST_F(AppServicesTest, TypedFormFieldsAreSavedByTheServicesUserInOneTransaction)
{
    FormEntryService forms(store(), kActor);
    const FormOwner owner = FormOwner::job(session->job().uuid);
    const QHash<QString, QString> typed{{QStringLiteral("remark"), QStringLiteral("客户出差")}};
    const qint64 before = commits();
    auto saved = forms.save(8, owner, typed);
    ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
    EXPECT_EQ(commits() - before, 1);
    const FormEntries loaded = valueOf(forms.load(8, owner));
    EXPECT_EQ(loaded.entries, typed);
    EXPECT_EQ(loaded.userUuid, kActor.uuid);
}

TEST_F(AppServicesTest, AChoiceWithoutAnOwnerIsRefused)
{
    const auto r = store().choices().set(RecordOwner{}, QStringLiteral("2.4"),
                                         QStringLiteral("surface"), {}, kActor.uuid);
    expectError(r, "store.bad_input", "no owner");
}
