// The warehouse workstation in the app (issue 15) against the real meterswap-office on loopback:
// the warehouse home's issue, return and reconciliation screens (one class each over StockDesk),
// the office's refusals shown as they are, the reconciliation exported as CSV with a BOM, and
// kept on screen when the office goes away.
#include "workstationfixture.h"

#include "roles/formfillpage.h"
#include "roles/officehome.h"
#include "roles/rolehomepage.h"
#include "roles/stockissuepage.h"
#include "roles/stockreconcilepage.h"
#include "roles/stockreturnpage.h"

#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTableWidget>

using namespace ms;
using namespace ms::test;

namespace {
// The open form exported as PDF and read back with poppler's pdftotext.
QString printedText(OfficeHome *home, const QString &pdf)
{
    FormFillPage *page = home->formPage();
    if (!page)
        return QStringLiteral("(no form open)");
    if (auto ok = page->exportPdf(pdf); !ok)
        return ok.error().message;
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

TEST_F(WorkstationTest, WarehouseIssuesReceivesReconcilesAndExports)
{
    const QString keeper = officeToken(QStringLiteral("store-pc-01"), QStringLiteral("孙库管"),
                                       QStringLiteral("warehouse"));
    ASSERT_FALSE(keeper.isEmpty());
    OfficeHome *home = openWorkstation(keeper, {QStringLiteral("warehouse")});
    StockIssuePage *issue = home->stockIssuePage();
    StockReturnPage *receive = home->stockReturnPage();
    StockReconcilePage *reconcile = home->stockReconcilePage();
    ASSERT_TRUE(issue && receive && reconcile);

    // WHEN the keeper issues scanned meters, a range and seals to 一班
    issue->crewEdit()->setText(QStringLiteral("一班"));
    issue->metersEdit()->setPlainText(
        QStringLiteral("3300000000001\n3300000000002-3300000000003\n"));
    issue->sealsEdit()->setText(QStringLiteral("SL000001-SL000003"));
    issue->issueNow();
    ASSERT_TRUE(waitFor([&] { return !issue->isBusy(); }));
    // THEN every number is listed as issued
    EXPECT_EQ(issue->lines()->rowCount(), 6) << issue->status().toStdString();
    EXPECT_TRUE(issue->status().contains(QStringLiteral("一班"))) << issue->status().toStdString();
    // AND its 领料单 (附录7) prints from the office's answer: the crew, the meters and seals as
    // ranges
    ASSERT_TRUE(issue->issueSheetButton()->isEnabled());
    home->home()->queueButton(QStringLiteral("warehouse.issue"))->click();
    ASSERT_EQ(home->currentPage(), issue);
    if (const QString shots = qEnvironmentVariable("MS_SCREENSHOT_DIR"); !shots.isEmpty()) {
        home->window()->resize(1280, 800);
        home->window()->grab().save(shots + QStringLiteral("/stock-issue.png"));
    }
    issue->issueSheetButton()->click();
    ASSERT_NE(home->formPage(), nullptr) << home->message().toStdString();
    const QString sheet7 = printedText(home, m_wsDir.filePath(QStringLiteral("领料单.pdf")));
    if (const QString shots = qEnvironmentVariable("MS_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QFile::copy(m_wsDir.filePath(QStringLiteral("领料单.pdf")),
                    shots + QStringLiteral("/sheet7.pdf"));
        home->window()->resize(1280, 800);
        home->window()->grab().save(shots + QStringLiteral("/sheet7-form.png"));
    }
    EXPECT_TRUE(sheet7.contains(QStringLiteral("领料单"))) << sheet7.toStdString();
    EXPECT_TRUE(sheet7.contains(QStringLiteral("一班"))) << sheet7.toStdString();
    EXPECT_TRUE(sheet7.contains(QStringLiteral("3300000000001-3300000000003")))
        << sheet7.toStdString();
    EXPECT_TRUE(sheet7.contains(QStringLiteral("SL000001-SL000003"))) << sheet7.toStdString();
    ASSERT_TRUE(home->closeForm());
    EXPECT_EQ(home->currentPage(), issue) << "back where the sheet was asked for";
    // AND the same meter to another crew is refused, the office's message shown
    issue->crewEdit()->setText(QStringLiteral("二班"));
    issue->metersEdit()->setPlainText(QStringLiteral("3300000000001"));
    issue->issueNow();
    ASSERT_TRUE(waitFor([&] { return !issue->isBusy(); }));
    EXPECT_TRUE(issue->status().contains(QStringLiteral("3300000000001")))
        << issue->status().toStdString();
    EXPECT_EQ(issue->metersEdit()->toPlainText(), QStringLiteral("3300000000001")) << "input kept";

    // WHEN a number nobody issued is scanned at the return: refused, named, nothing received
    receive->metersEdit()->setPlainText(QStringLiteral("3300000000003\n5500000000005"));
    receive->receiveNow();
    ASSERT_TRUE(waitFor([&] { return !receive->isBusy(); }));
    EXPECT_TRUE(receive->status().contains(QStringLiteral("5500000000005")))
        << receive->status().toStdString();
    EXPECT_EQ(receive->lines()->rowCount(), 0);
    // AND the unused meter and seal come back
    receive->metersEdit()->setPlainText(QStringLiteral("3300000000003"));
    receive->sealsEdit()->setText(QStringLiteral("SL000003"));
    receive->receiveNow();
    ASSERT_TRUE(waitFor([&] { return !receive->isBusy(); }));
    EXPECT_EQ(receive->lines()->rowCount(), 2) << receive->status().toStdString();
    // AND its 退料单 (附录24) prints the returned meter and seal
    ASSERT_TRUE(receive->returnSheetButton()->isEnabled());
    receive->returnSheetButton()->click();
    ASSERT_NE(home->formPage(), nullptr) << home->message().toStdString();
    const QString sheet24 = printedText(home, m_wsDir.filePath(QStringLiteral("退料单.pdf")));
    EXPECT_TRUE(sheet24.contains(QStringLiteral("3300000000003"))) << sheet24.toStdString();
    EXPECT_TRUE(sheet24.contains(QStringLiteral("SL000003"))) << sheet24.toStdString();
    ASSERT_TRUE(home->closeForm());

    // THEN the reconciliation names what 一班 neither installed nor returned
    reconcile->crewEdit()->setText(QStringLiteral("一班"));
    reconcile->reload();
    ASSERT_TRUE(waitFor([&] { return !reconcile->isLoading(); }));
    ASSERT_EQ(reconcile->differences()->rowCount(), 4) << reconcile->status().toStdString();
    QStringList numbers;
    for (int r = 0; r < 4; ++r)
        numbers << reconcile->differences()->item(r, 1)->text();
    numbers.sort();
    EXPECT_EQ(numbers,
              (QStringList{QStringLiteral("3300000000001"), QStringLiteral("3300000000002"),
                           QStringLiteral("SL000001"), QStringLiteral("SL000002")}));
    EXPECT_TRUE(reconcile->summary().contains(QStringLiteral("新表发出 3")))
        << reconcile->summary().toStdString();
    EXPECT_TRUE(home->home()
                    ->queueButton(QStringLiteral("warehouse.reconcile"))
                    ->text()
                    .contains(QStringLiteral("4 项")))
        << home->home()->queueButton(QStringLiteral("warehouse.reconcile"))->text().toStdString();
    // AND it exports as CSV for Excel
    const QString csv = m_wsDir.filePath(QStringLiteral("对账.csv"));
    ASSERT_TRUE(reconcile->exportTo(csv)) << reconcile->status().toStdString();
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    EXPECT_TRUE(bytes.contains("difference,一班,issued_missing,3300000000001"))
        << bytes.constData();

    // WHEN the office goes away: the last reconciliation stays, and says so
    m_server->kill();
    reconcile->reload();
    ASSERT_TRUE(waitFor([&] { return !reconcile->isLoading(); }));
    EXPECT_EQ(reconcile->differences()->rowCount(), 4);
    EXPECT_TRUE(reconcile->status().contains(QStringLiteral("连不上")))
        << reconcile->status().toStdString();
}
