// Forms and the 机电不符 register over a real store (SQLite file in a temporary directory) with
// the real catalog: context from task/customer/job/evidence/seals, PDFs through meterswapctl.
#include "catalog/catalogloader.h"
#include "common/testenv.h"
#include "pdftools.h"
#include "report/formcontextbuilder.h"
#include "report/formrenderer.h"
#include "report/mismatchregister.h"
#include "samplecontext.h"
#include "store/store.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;

namespace {
struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    RowId taskId = 0;
    QHash<QString, Customer> customers; // by account
    QHash<QString, RowId> jobs;         // by account

    Fixture()
    {
        StoreOptions options;
        options.dataDir = dir.path();
        auto opened = Store::open(options);
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message.toStdString());
        store = std::move(opened).value();
        Task task;
        task.code = QStringLiteral("RW2026-018");
        task.name = QStringLiteral("安贞里3号楼台区智能表更换");
        task.areaName = QStringLiteral("安贞里3号楼台区");
        task.areaCode = QStringLiteral("TQ-0231");
        task.address = QStringLiteral("朝阳区安贞里3号楼");
        task.crew = QStringLiteral("城区二班");
        task.leader = QStringLiteral("王建国");
        QList<Customer> list;
        for (const auto &[account, name] : {std::pair{"3100123456", "张秀兰"}, std::pair{"3100123457", "刘强"},
                                            std::pair{"3100123458", "赵敏"}}) {
            Customer c;
            c.accountNo = QLatin1String(account);
            c.name = QString::fromUtf8(name);
            c.address = QStringLiteral("朝阳区安贞里3号楼2单元");
            c.payment = PaymentType::Prepaid;
            c.oldMeter.assetNo = QStringLiteral("110000000000") + c.accountNo;
            list << c;
        }
        auto imported = store->tasks().importTask(task, list);
        EXPECT_TRUE(imported.ok());
        taskId = imported->task.id;
        for (const Customer &c : store->tasks().customers(taskId)) {
            customers.insert(c.accountNo, c);
            jobs.insert(c.accountNo, store->jobs().forCustomer(c.id)->id);
        }
        EXPECT_TRUE(store->settings().setValue(QStringLiteral("unit.name"), QStringLiteral("国网北京城区供电中心")).ok());
    }

    void value(const QString &account, const QString &card, const QString &key, EvidenceKind kind,
               const QString &v)
    {
        NewEvidence e;
        e.record.jobId = jobs.value(account);
        e.record.cardId = card;
        e.record.requirement = key;
        e.record.kind = kind;
        e.record.value = v;
        auto added = store->evidence().add(e);
        ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
    }

    void signature(const QString &account, const QString &card, const QString &key)
    {
        QByteArray png;
        QBuffer buf(&png);
        buf.open(QIODevice::WriteOnly);
        test::scribble().save(&buf, "PNG");
        NewEvidence e;
        e.record.jobId = jobs.value(account);
        e.record.cardId = card;
        e.record.requirement = key;
        e.record.kind = EvidenceKind::Signature;
        e.record.mime = QStringLiteral("image/png");
        e.data = png;
        ASSERT_TRUE(store->evidence().add(e).ok());
    }
};
} // namespace

TEST(StoreForms, AJobsWorkCertificateIsFilledFromTheStore)
{
    // GIVEN a swapped job: old final reading, new meter scanned, start reading, seals, signature
    Fixture f;
    const QString acc = QStringLiteral("3100123456");
    f.value(acc, QStringLiteral("21.3"), QStringLiteral("old_final_total"), EvidenceKind::MeterReading, QStringLiteral("4388.6"));
    f.value(acc, QStringLiteral("21.4"), QStringLiteral("new_meter_asset"), EvidenceKind::Barcode, test::kNewAsset);
    f.value(acc, QStringLiteral("21.4"), QStringLiteral("new_start_total"), EvidenceKind::MeterReading, QStringLiteral("0.01"));
    f.signature(acc, QStringLiteral("21.5"), QStringLiteral("customer_signature"));
    ASSERT_TRUE(f.store->seals().add(f.jobs.value(acc), QStringLiteral("meter_cover"), QStringLiteral("BJ001")).ok());
    // WHEN the context is built for appendix 8
    FormContextBuilder builder(*f.store, &f.catalog.catalog);
    auto ctx = builder.forJob(f.jobs.value(acc));
    ASSERT_TRUE(ctx.ok()) << ctx.error().message.toStdString();
    // THEN the auto-fill values come from the catalog-interpreted evidence
    EXPECT_EQ(ctx->value(QStringLiteral("customer.account_no")), acc);
    EXPECT_EQ(ctx->value(QStringLiteral("reading.old.forward_total")), QStringLiteral("4388.60"));
    EXPECT_EQ(ctx->value(QStringLiteral("reading.new.forward_total")), QStringLiteral("0.01"));
    EXPECT_EQ(ctx->value(QStringLiteral("new_meter.asset_no")), test::kNewAsset);
    EXPECT_EQ(ctx->value(QStringLiteral("seal.meter_cover")), QStringLiteral("BJ001"));
    EXPECT_EQ(ctx->value(QStringLiteral("unit.name")), QStringLiteral("国网北京城区供电中心"));
    ASSERT_TRUE(ctx->signatures.contains(QStringLiteral("customer")));
    EXPECT_FALSE(ctx->signatures.value(QStringLiteral("customer")).image.isNull());
    EXPECT_EQ(ctx->lists.value(QStringLiteral("customers")).size(), 3);
    // AND the PDF carries them
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    const QString pdf = f.dir.filePath(QStringLiteral("8.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(8), ctx.value(), pdf).ok());
    const QString text = test::pdfText(pdf);
    for (const QString &s : {acc, test::kNewAsset, QStringLiteral("110000000000") + acc, QStringLiteral("4388.60")})
        EXPECT_TRUE(text.contains(s)) << s.toStdString();
}

TEST(StoreForms, TheMismatchRegisterTiersFlagsAndRefusesToGuess)
{
    // GIVEN purchase records for two of three prepaid customers and 6.1 readings for all three
    Fixture f;
    const QString a = QStringLiteral("3100123456"), b = QStringLiteral("3100123457"), c = QStringLiteral("3100123458");
    ASSERT_TRUE(f.store->mismatch().importPurchases({{a, 4210.0, QDate(2026, 9, 30), 23, {}},
                                                      {c, 1000.0, QDate(2026, 9, 1), 8, {}}}).ok());
    for (const auto &[acc, reg, rem] : {std::tuple{a, "4388.60", "35.40"}, std::tuple{b, "100", "5"},
                                        std::tuple{c, "905", "100"}}) {
        f.value(acc, QStringLiteral("6.1"), QStringLiteral("mechanical_register"), EvidenceKind::MeterReading, QLatin1String(reg));
        f.value(acc, QStringLiteral("6.1"), QStringLiteral("remaining_energy"), EvidenceKind::MeterReading, QLatin1String(rem));
    }
    auto config = MismatchConfig::load(test::formsDir() + QStringLiteral("/config/mismatch-tiers.json"));
    ASSERT_TRUE(config.ok());
    const MismatchCalculator calc(config.value());
    MismatchRegister reg(*f.store, calc, &f.catalog.catalog);
    // WHEN the task is assessed (7.1/7.2)
    auto summary = reg.assessTask(f.taskId);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    // THEN A: 4388.60 − (4210 − 35.40) = +214.00 → positive_major, flagged and routed via 22–26
    EXPECT_EQ(summary->flagged, 1);
    EXPECT_EQ(summary->consistent, 1);
    EXPECT_EQ(summary->needsPurchaseRecord, 1);
    auto infoA = f.store->mismatch().forCustomer(f.customers.value(a).id);
    ASSERT_TRUE(infoA.has_value());
    EXPECT_DOUBLE_EQ(infoA->difference.value_or(0), 214.0);
    EXPECT_EQ(infoA->tier, QStringLiteral("positive_major"));
    EXPECT_TRUE(f.store->tasks().customer(f.customers.value(a).id)->mismatchFlag);
    // AND B has no purchase record: marked, message kept, no difference, flag untouched
    auto infoB = f.store->mismatch().forCustomer(f.customers.value(b).id);
    ASSERT_TRUE(infoB.has_value());
    EXPECT_EQ(infoB->tier, QLatin1String(kNeedsPurchaseRecordTier));
    EXPECT_FALSE(infoB->difference.has_value());
    EXPECT_TRUE(infoB->note.contains(b));
    EXPECT_FALSE(f.store->tasks().customer(f.customers.value(b).id)->mismatchFlag);
    // AND C: 905 − (1000 − 100) = +5 → consistent, not flagged
    EXPECT_FALSE(f.store->tasks().customer(f.customers.value(c).id)->mismatchFlag);
    // AND appendix 28 lists the difference and the tier name
    auto tiers = config.value();
    FormContextBuilder builder(*f.store, &f.catalog.catalog, &tiers);
    auto ctx = builder.forTask(f.taskId);
    ASSERT_TRUE(ctx.ok());
    auto lib = FormLibrary::load(test::formsDir());
    const QString pdf = f.dir.filePath(QStringLiteral("28.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(28), ctx.value(), pdf).ok());
    const QString text = test::pdfText(pdf);
    EXPECT_TRUE(text.contains(QStringLiteral("214.00")));
    EXPECT_TRUE(text.contains(QStringLiteral("缺购电记录")));
}

TEST(StoreForms, MeterswapctlFormPdfWritesTheJobsFormAndRefusesBadUsage)
{
    const QString ctl = test::executable(QStringLiteral("meterswapctl"));
    if (ctl.isEmpty())
        GTEST_SKIP() << "meterswapctl not built";
    Fixture f;
    const QString acc = QStringLiteral("3100123457");
    const QString jobId = QString::number(f.jobs.value(acc));
    const QString out = f.dir.filePath(QStringLiteral("ctl-8.pdf"));
    QProcess p;
    p.start(ctl, {QStringLiteral("form"), QStringLiteral("pdf"), QStringLiteral("8"), QStringLiteral("--job"), jobId,
                  QStringLiteral("--out"), out, QStringLiteral("--data"), f.dir.path()});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    EXPECT_EQ(o.value(QStringLiteral("pages")).toInt(), 1);
    EXPECT_TRUE(test::pdfText(out).contains(acc));
    EXPECT_TRUE(test::pdfFonts(out).contains(QStringLiteral("WenQuanYi")));

    // A job form with only a task: usage error that says to give --job.
    p.start(ctl, {QStringLiteral("form"), QStringLiteral("pdf"), QStringLiteral("8"), QStringLiteral("--task"),
                  QString::number(f.taskId), QStringLiteral("--out"), out, QStringLiteral("--data"), f.dir.path()});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 2);
    EXPECT_TRUE(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("--job")));

    // An unknown job: failed operation naming it.
    p.start(ctl, {QStringLiteral("form"), QStringLiteral("pdf"), QStringLiteral("30"), QStringLiteral("--job"),
                  QStringLiteral("999999"), QStringLiteral("--out"), out, QStringLiteral("--data"), f.dir.path()});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 1);
    EXPECT_TRUE(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("999999")));

    // A task list form with --task.
    p.start(ctl, {QStringLiteral("form"), QStringLiteral("pdf"), QStringLiteral("31"), QStringLiteral("--task"),
                  QString::number(f.taskId), QStringLiteral("--out"), out, QStringLiteral("--data"), f.dir.path()});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    EXPECT_TRUE(test::pdfText(out).contains(acc));
}
