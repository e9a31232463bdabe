// The Debian packages as an operator gets them: cpack builds both from this build tree, they are
// unpacked into a clean temporary root (dpkg -x), and the server is started from the unpacked
// files with the unpacked configuration. Real cpack, dpkg-deb, appstreamcli and HTTP.
#include "common/testenv.h"
#include "integration/sync/officeprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace ms::test;

namespace {

class Packages : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const QString out = s_dir->filePath(QStringLiteral("debs"));
        s_cpack =
            run(QStringLiteral(MS_CPACK_COMMAND),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                 binaryDir() + QStringLiteral("/CPackConfig.cmake"), QStringLiteral("-B"), out});
        for (const QString &name : QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files))
            s_debs << out + QLatin1Char('/') + name;
        s_root = s_dir->filePath(QStringLiteral("root"));
        for (const QString &deb : s_debs)
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, s_root});
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }

    static QString deb(const QString &package)
    {
        for (const QString &d : s_debs)
            if (QFileInfo(d).fileName().startsWith(package + QLatin1Char('_')))
                return d;
        return {};
    }
    static QString field(const QString &package, const QString &name)
    {
        return QString::fromUtf8(
                   run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), deb(package), name}).out)
            .trimmed();
    }
    static QString installed(const QString &path) { return s_root + path; }

    static void CpackMakesTheAppAndTheOfficeAsSeparatePackages();
    static void EachPackageHoldsItsFilesAndNothingOfTheOther();
    static void TheInstalledMetainfoValidatesAndNamesTheInstalledDesktopEntry();
    static void TheInstalledServerStartsFromTheInstalledConfigurationAndAnswersHealth();
    static void AnAdminCommandReadsTheSameConfigurationAndABadLineIsNamed();

    static QTemporaryDir *s_dir;
    static ProcessResult s_cpack;
    static QStringList s_debs;
    static QString s_root;
};

QTemporaryDir *Packages::s_dir = nullptr;
ProcessResult Packages::s_cpack;
QStringList Packages::s_debs;
QString Packages::s_root;

QByteArray httpGet(const QString &url, int *status)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void Packages::CpackMakesTheAppAndTheOfficeAsSeparatePackages()
{
    ASSERT_EQ(s_cpack.exitCode, 0) << s_cpack.out.constData() << s_cpack.err.constData();
    ASSERT_FALSE(deb(QStringLiteral("meterswap")).isEmpty())
        << s_debs.join(QLatin1Char(' ')).toStdString();
    ASSERT_FALSE(deb(QStringLiteral("meterswap-office")).isEmpty())
        << s_debs.join(QLatin1Char(' ')).toStdString();
    // An office machine needs no Multimedia (nor widgets); the tablet app does.
    const QString officeDepends =
        field(QStringLiteral("meterswap-office"), QStringLiteral("Depends"));
    EXPECT_FALSE(officeDepends.contains(QLatin1String("multimedia")))
        << officeDepends.toStdString();
    EXPECT_TRUE(officeDepends.contains(QLatin1String("libqt6httpserver6")))
        << officeDepends.toStdString();
    EXPECT_TRUE(officeDepends.contains(QLatin1String("adduser"))) << officeDepends.toStdString();
    const QString appDepends = field(QStringLiteral("meterswap"), QStringLiteral("Depends"));
    EXPECT_TRUE(appDepends.contains(QLatin1String("libqt6multimedia6")))
        << appDepends.toStdString();
}

void Packages::EachPackageHoldsItsFilesAndNothingOfTheOther()
{
    ASSERT_EQ(s_cpack.exitCode, 0) << s_cpack.err.constData();
    const auto contents = [](const QString &package) {
        return QString::fromUtf8(
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), deb(package)}).out);
    };
    const QString app = contents(QStringLiteral("meterswap"));
    for (const char *path : {"./usr/bin/meterswap\n", "./usr/bin/meterswapctl\n",
                             "./usr/share/applications/invalid.meterswap.MeterSwap.desktop\n",
                             "./usr/share/metainfo/invalid.meterswap.MeterSwap.metainfo.xml\n",
                             "./usr/share/icons/hicolor/scalable/apps/meterswap.svg\n"})
        EXPECT_TRUE(app.contains(QLatin1String(path))) << path << "\n" << app.toStdString();
    EXPECT_FALSE(app.contains(QLatin1String("meterswap-office")));
    const QString office = contents(QStringLiteral("meterswap-office"));
    for (const char *path :
         {"./usr/bin/meterswap-office\n", "./usr/lib/systemd/system/meterswap-office.service\n",
          "./usr/lib/systemd/system/meterswap-office@.service\n",
          "./etc/meterswap-office/office.conf\n"})
        EXPECT_TRUE(office.contains(QLatin1String(path))) << path << "\n" << office.toStdString();
    EXPECT_FALSE(office.contains(QLatin1String("./usr/bin/meterswap\n")));
    // The configuration survives upgrades: dpkg treats it as a conffile.
    const ProcessResult conffiles = run(
        QStringLiteral("dpkg-deb"), {QStringLiteral("-I"), deb(QStringLiteral("meterswap-office")),
                                     QStringLiteral("conffiles")});
    EXPECT_EQ(QString::fromUtf8(conffiles.out).trimmed(),
              QStringLiteral("/etc/meterswap-office/office.conf"));
}

void Packages::TheInstalledMetainfoValidatesAndNamesTheInstalledDesktopEntry()
{
    ASSERT_EQ(s_cpack.exitCode, 0) << s_cpack.err.constData();
    const QString appstream = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (appstream.isEmpty())
        FAIL()
            << "appstreamcli is not installed: run packaging/install-deps.sh (package appstream)";
    const QString metainfo =
        installed(QStringLiteral("/usr/share/metainfo/invalid.meterswap.MeterSwap.metainfo.xml"));
    const ProcessResult v =
        run(appstream, {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfo});
    EXPECT_EQ(v.exitCode, 0) << v.out.constData() << v.err.constData();
    QFile desktop(
        installed(QStringLiteral("/usr/share/applications/invalid.meterswap.MeterSwap.desktop")));
    ASSERT_TRUE(desktop.open(QIODevice::ReadOnly));
    const QByteArray entry = desktop.readAll();
    EXPECT_TRUE(entry.contains("\nExec=meterswap\n"));
    EXPECT_TRUE(entry.contains("\nIcon=meterswap\n"));
}

void Packages::TheInstalledServerStartsFromTheInstalledConfigurationAndAnswersHealth()
{
    ASSERT_EQ(s_cpack.exitCode, 0) << s_cpack.err.constData();
    const QString program = installed(QStringLiteral("/usr/bin/meterswap-office"));
    const QString conf = installed(QStringLiteral("/etc/meterswap-office/office.conf"));
    ASSERT_TRUE(QFileInfo(program).isExecutable());
    // The unit runs what the package installed, on the file the package installed.
    QFile unit(installed(QStringLiteral("/usr/lib/systemd/system/meterswap-office.service")));
    ASSERT_TRUE(unit.open(QIODevice::ReadOnly));
    EXPECT_TRUE(unit.readAll().contains("\nExecStart=/usr/bin/meterswap-office serve --config "
                                        "/etc/meterswap-office/office.conf\n"));

    // The shipped file as is, except the data directory (the test cannot write /var/lib) and a
    // free port: both given on the command line, which wins over the file.
    QTemporaryDir data;
    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(program, {QStringLiteral("serve"), QStringLiteral("--config"), conf,
                           QStringLiteral("--data"), data.path(), QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0")});
    ASSERT_TRUE(server.waitForStarted(10000));
    QByteArray out;
    static const QRegularExpression re(QStringLiteral("listening on http://127.0.0.1:(\\d+)"));
    QRegularExpressionMatch m;
    for (int i = 0; i < 300 && !m.hasMatch() && server.state() == QProcess::Running; ++i) {
        server.waitForReadyRead(100);
        out += server.readAllStandardOutput();
        m = re.match(QString::fromUtf8(out));
    }
    ASSERT_TRUE(m.hasMatch()) << out.constData() << server.readAllStandardError().constData();
    int status = 0;
    const QByteArray body =
        httpGet(QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(m.captured(1)), &status);
    EXPECT_EQ(status, 200) << body.constData();
    EXPECT_EQ(QJsonDocument::fromJson(body).object().value(QStringLiteral("status")).toString(),
              QStringLiteral("ok"));
    server.terminate();
    EXPECT_TRUE(server.waitForFinished(15000));
    EXPECT_EQ(server.exitCode(), 0) << server.readAllStandardError().constData();
    // workers = 4 from the file reached serve; the SQLite database went to --data
    EXPECT_TRUE(QFileInfo::exists(data.filePath(QStringLiteral("office.db"))));
}

void Packages::AnAdminCommandReadsTheSameConfigurationAndABadLineIsNamed()
{
    ASSERT_EQ(s_cpack.exitCode, 0) << s_cpack.err.constData();
    QTemporaryDir dir;
    const QString conf = dir.filePath(QStringLiteral("office.conf"));
    QFile f(conf);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("# test\ndata = " + dir.filePath(QStringLiteral("data")).toUtf8() + "\nworkers = 2\n");
    f.close();
    const QString program = installed(QStringLiteral("/usr/bin/meterswap-office"));
    const ProcessResult stats = run(program, {QStringLiteral("stats"), QStringLiteral("--config"),
                                              conf, QStringLiteral("--json")});
    EXPECT_EQ(stats.exitCode, 0) << stats.err.constData();
    EXPECT_TRUE(stats.json().contains(QStringLiteral("records"))) << stats.out.constData();

    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write("lisen = 0.0.0.0:80\n");
    f.close();
    const ProcessResult bad =
        run(program, {QStringLiteral("stats"), QStringLiteral("--config"), conf});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains("lisen")) << bad.err.constData();
    EXPECT_TRUE(bad.err.contains(" 4")) << bad.err.constData(); // the line
}

// One test, so that ctest (one process per test) runs cpack once: it strips and packs the app.
TEST_F(Packages, BuildInstallAndServe)
{
    {
        SCOPED_TRACE("CpackMakesTheAppAndTheOfficeAsSeparatePackages");
        CpackMakesTheAppAndTheOfficeAsSeparatePackages();
    }
    {
        SCOPED_TRACE("EachPackageHoldsItsFilesAndNothingOfTheOther");
        EachPackageHoldsItsFilesAndNothingOfTheOther();
    }
    {
        SCOPED_TRACE("TheInstalledMetainfoValidatesAndNamesTheInstalledDesktopEntry");
        TheInstalledMetainfoValidatesAndNamesTheInstalledDesktopEntry();
    }
    {
        SCOPED_TRACE("TheInstalledServerStartsFromTheInstalledConfigurationAndAnswersHealth");
        TheInstalledServerStartsFromTheInstalledConfigurationAndAnswersHealth();
    }
    {
        SCOPED_TRACE("AnAdminCommandReadsTheSameConfigurationAndABadLineIsNamed");
        AnAdminCommandReadsTheSameConfigurationAndABadLineIsNamed();
    }
}

} // namespace
