// Forms and the 机电不符 register over a real store (SQLite file in a temporary directory) with
// the real catalog: context from task/customer/job/evidence/seals, PDFs through meterswapctl.
#include "catalog/catalogloader.h"
#include "common/resultvalue.h"
#include "common/testenv.h"
#include "pdftools.h"
#include "report/formcontextbuilder.h"
#include "report/formrenderer.h"
#include "report/mismatchregister.h"
#include "samplecontext.h"
#include "store/store.h"

#include <QBuffer>
#include <QFile>
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
        for (const Customer &c : test::valueOf(store->tasks().customers(taskId))) {
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
    ASSERT_TRUE(f.store->seals()
                    .add(RecordOwner::job(f.jobs.value(acc)), QStringLiteral("meter_cover"),
                         QStringLiteral("BJ001"))
                    .ok());
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
    auto infoA = test::valueOf(f.store->mismatch().forCustomer(f.customers.value(a).id));
    ASSERT_TRUE(infoA.has_value());
    EXPECT_DOUBLE_EQ(infoA->difference.value_or(0), 214.0);
    EXPECT_EQ(infoA->tier, QStringLiteral("positive_major"));
    EXPECT_TRUE(f.store->tasks().customer(f.customers.value(a).id)->mismatchFlag);
    // AND B has no purchase record: marked, message kept, no difference, flag untouched
    auto infoB = test::valueOf(f.store->mismatch().forCustomer(f.customers.value(b).id));
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

TEST(StoreForms, ValuesTypedOnTheFormScreenAreSavedAndPrintedAfterReopeningTheStore)
{
    // GIVEN a job whose appendix 8 had a remark and a corrected phone typed and saved
    auto f = std::make_unique<Fixture>();
    const QString acc = QStringLiteral("3100123457");
    const RowId jobId = f->jobs.value(acc);
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    const FormSpec &form = *lib->form(8);
    FormContextBuilder builder(*f->store, &f->catalog.catalog);
    auto owner = builder.ownerFor(form, jobId, 0);
    ASSERT_TRUE(owner.ok());
    EXPECT_EQ(owner->kind, FormOwner::Kind::Job);
    const QString remark = QStringLiteral("客户出差，由其子刘伟代为确认");
    ASSERT_TRUE(f->store->formEntries().save(8, owner.value(), {{QStringLiteral("remark"), remark},
                                                                 {QStringLiteral("phone"), QStringLiteral("13911112222")}},
                                             {}).ok());
    // WHEN the store is closed and opened again and the form is built and printed
    const QString dataDir = f->dir.path();
    f->store.reset();
    auto reopened = Store::open(dataDir);
    ASSERT_TRUE(reopened.ok());
    f->store = std::move(reopened).value();
    FormContextBuilder again(*f->store, &f->catalog.catalog);
    auto ctx = again.forForm(form, jobId, 0);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message.toStdString();
    // THEN the typed values are the entries and win over what the store knows
    EXPECT_EQ(ctx->entries.value(QStringLiteral("remark")), remark);
    const QString pdf = f->dir.filePath(QStringLiteral("8-typed.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(form, ctx.value(), pdf).ok());
    const QString text = test::pdfText(pdf).remove(QRegularExpression(QStringLiteral("\\s")));
    EXPECT_TRUE(text.contains(remark)) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("13911112222")));
    EXPECT_TRUE(text.contains(acc));
    // AND another job's appendix 8 does not get them
    auto other = again.forForm(form, f->jobs.value(QStringLiteral("3100123456")), 0);
    ASSERT_TRUE(other.ok());
    EXPECT_TRUE(other->entries.isEmpty());
}

TEST(StoreForms, MeterswapctlFormPdfPrintsWhatWasTypedForTheTask)
{
    const QString ctl = test::executable(QStringLiteral("meterswapctl"));
    if (ctl.isEmpty())
        GTEST_SKIP() << "meterswapctl not built";
    // GIVEN appendix 21 typed for the task (model, result) and saved, then the store closed
    Fixture f;
    const QString task = f.store->tasks().byId(f.taskId)->uuid;
    ASSERT_TRUE(f.store->formEntries().save(21, FormOwner::task(task),
                                            {{QStringLiteral("model"), QStringLiteral("DJGZ23-HX9000")},
                                             {QStringLiteral("result"), QStringLiteral("主站召测成功")}}, {}).ok());
    f.store.reset();
    // WHEN meterswapctl prints it, from the task or from one of its jobs
    for (const QStringList &by : {QStringList{QStringLiteral("--task"), QString::number(f.taskId)},
                                  QStringList{QStringLiteral("--job"), QString::number(f.jobs.value(QStringLiteral("3100123458")))}}) {
        const QString out = f.dir.filePath(QStringLiteral("ctl-21.pdf"));
        QProcess p;
        p.start(ctl, QStringList{QStringLiteral("form"), QStringLiteral("pdf"), QStringLiteral("21")} + by
                         + QStringList{QStringLiteral("--out"), out, QStringLiteral("--data"), f.dir.path()});
        ASSERT_TRUE(p.waitForFinished(60000));
        ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        EXPECT_EQ(o.value(QStringLiteral("typed_fields")).toInt(), 2);
        // THEN the PDF carries them
        const QString text = test::pdfText(out);
        EXPECT_TRUE(text.contains(QStringLiteral("DJGZ23-HX9000"))) << by.join(' ').toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("主站召测成功")));
    }
}

TEST(StoreForms, CardIssueAndConcentratorValuesComeFromWhatTheCardsRecorded)
{
    // GIVEN 34.3 wrote a card for one prepaid customer and 35.1 handed it over (ID last 4 typed),
    // and the concentrator cards 19.1 / 36.1–36.5 / 2.4 were recorded on a job of the task
    Fixture f;
    const QString acc = QStringLiteral("3100123456");
    f.value(acc, QStringLiteral("34.3"), QStringLiteral("card_number"), EvidenceKind::Text, QStringLiteral("8800123456789"));
    f.value(acc, QStringLiteral("35.1"), QStringLiteral("id_last4"), EvidenceKind::Text, QStringLiteral("402X"));
    f.value(acc, QStringLiteral("35.1"), QStringLiteral("card_handed_over"), EvidenceKind::Check, QStringLiteral("yes"));
    const QString other = QStringLiteral("3100123458");
    f.value(other, QStringLiteral("35.3"), QStringLiteral("card_collected"), EvidenceKind::Check, QStringLiteral("no"));
    const QString host = QStringLiteral("3100123457");
    f.value(host, QStringLiteral("19.1"), QStringLiteral("concentrator_barcode"), EvidenceKind::Barcode, QStringLiteral("3230001122334455"));
    f.value(host, QStringLiteral("19.1"), QStringLiteral("concentrator_seals"), EvidenceKind::SealNumber, QStringLiteral("JZ0001"));
    f.value(host, QStringLiteral("19.1"), QStringLiteral("concentrator_seals"), EvidenceKind::SealNumber, QStringLiteral("JZ0002"));
    f.value(host, QStringLiteral("2.4"), QStringLiteral("location_text"), EvidenceKind::Text, QStringLiteral("3号楼1单元一层配电间东墙"));
    f.value(host, QStringLiteral("36.1"), QStringLiteral("master_ip"), EvidenceKind::Text, QStringLiteral("10.172.4.21"));
    f.value(host, QStringLiteral("36.2"), QStringLiteral("master_port"), EvidenceKind::Number, QStringLiteral("9001"));
    f.value(host, QStringLiteral("36.3"), QStringLiteral("apn"), EvidenceKind::Text, QStringLiteral("BJDL.BJ"));
    f.value(host, QStringLiteral("36.4"), QStringLiteral("region_code"), EvidenceKind::Text, QStringLiteral("110105"));
    f.value(host, QStringLiteral("36.5"), QStringLiteral("terminal_address"), EvidenceKind::Number, QStringLiteral("12345"));
    ASSERT_TRUE(f.store->jobs().recordBranch(f.jobs.value(host), QStringLiteral("2.4"), QStringLiteral("concealed"), {}).ok());
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContextBuilder builder(*f.store, &f.catalog.catalog);
    // WHEN the task's card receipt (31) and concentrator certificate (21) are built
    auto ctx = builder.forForm(*lib->form(31), 0, f.taskId);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message.toStdString();
    // THEN the handed-over customer's row has the card number, ID digits and the issue date
    FormRow row;
    for (const FormRow &r : ctx->lists.value(QStringLiteral("customers")))
        if (r.values.value(QStringLiteral("customer.account_no")) == acc)
            row = r;
    EXPECT_EQ(row.values.value(QStringLiteral("card.number")), QStringLiteral("8800123456789"));
    EXPECT_EQ(row.values.value(QStringLiteral("card.id_last4")), QStringLiteral("402X"));
    EXPECT_EQ(row.values.value(QStringLiteral("card.issued_at")), QDate::currentDate().toString(Qt::ISODate));
    EXPECT_FALSE(row.values.contains(QStringLiteral("card.receiver"))); // no card records a name
    // AND a card answered "no" issues nothing
    for (const FormRow &r : ctx->lists.value(QStringLiteral("customers"))) {
        if (r.values.value(QStringLiteral("customer.account_no")) == other) {
            EXPECT_FALSE(r.values.contains(QStringLiteral("card.issued_at")));
        }
    }
    const QString pdf31 = f.dir.filePath(QStringLiteral("31.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(31), ctx.value(), pdf31).ok());
    const QString text31 = test::pdfText(pdf31);
    EXPECT_TRUE(text31.contains(QStringLiteral("8800123456789")));
    EXPECT_TRUE(text31.contains(QStringLiteral("402X")));
    // AND appendix 21 carries the concentrator's number, location, mounting, parameters, seals
    auto c21 = builder.forForm(*lib->form(21), 0, f.taskId);
    ASSERT_TRUE(c21.ok());
    const QString pdf21 = f.dir.filePath(QStringLiteral("21.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(21), c21.value(), pdf21).ok());
    const QString text21 = test::pdfText(pdf21).remove(QRegularExpression(QStringLiteral("\\s")));
    for (const QString &s : {QStringLiteral("3230001122334455"), QStringLiteral("3号楼1单元一层配电间东墙"),
                             QStringLiteral("10.172.4.21"), QStringLiteral("9001"), QStringLiteral("BJDL.BJ"),
                             QStringLiteral("110105"), QStringLiteral("12345"), QStringLiteral("JZ0001、JZ0002")})
        EXPECT_TRUE(text21.contains(s)) << s.toStdString();
    EXPECT_EQ(c21->value(QStringLiteral("concentrator.mounting")), QStringLiteral("暗装"));
    if (const QString keep = qEnvironmentVariable("MS_FORMS_PREVIEW_DIR"); !keep.isEmpty()) { // for a person
        QFile::copy(pdf21, keep + QStringLiteral("/store-21.pdf"));
        QFile::copy(pdf31, keep + QStringLiteral("/store-31.pdf"));
    }
    EXPECT_TRUE(
        c21->value(QStringLiteral("concentrator.old_asset_no")).isEmpty()); // not recorded here
}

TEST(StoreForms, NoticeValuesNoCardRecordsStayBlankAndTheStandardDocumentsPrint)
{
    // GIVEN a job with nothing recorded about card collection
    Fixture f;
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContextBuilder builder(*f.store, &f.catalog.catalog);
    auto ctx = builder.forForm(*lib->form(11), f.jobs.value(QStringLiteral("3100123456")), 0);
    ASSERT_TRUE(ctx.ok());
    // WHEN appendix 11 (领卡通知) is printed
    const QString pdf = f.dir.filePath(QStringLiteral("11.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(11), ctx.value(), pdf).ok());
    const QString text = test::pdfText(pdf).remove(QRegularExpression(QStringLiteral("\\s")));
    // THEN time and place are blank lines to fill by hand, the documents the standard wording
    EXPECT_TRUE(ctx->value(QStringLiteral("notice.collect_time")).isEmpty());
    EXPECT_TRUE(text.contains(QStringLiteral("于＿＿＿＿＿＿到＿＿＿＿＿＿领取"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("本通知、户主身份证原件、原购电卡")));
}

TEST(StoreForms, MeterswapctlPrintsAStaticFormWithoutJobOrTaskAndWithoutHeader)
{
    const QString ctl = test::executable(QStringLiteral("meterswapctl"));
    if (ctl.isEmpty())
        GTEST_SKIP() << "meterswapctl not built";
    Fixture f; // unit.name is set: a record would print "单位：国网北京城区供电中心"
    f.store.reset();
    const QString out = f.dir.filePath(QStringLiteral("16.pdf"));
    QProcess p;
    p.start(ctl, {QStringLiteral("form"), QStringLiteral("pdf"), QStringLiteral("16"), QStringLiteral("--out"), out,
                  QStringLiteral("--data"), f.dir.path()});
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const QString text = test::pdfText(out);
    EXPECT_TRUE(text.contains(QStringLiteral("宣传折页")));
    EXPECT_FALSE(text.contains(QStringLiteral("编号：")));
    EXPECT_FALSE(text.contains(QStringLiteral("国网北京城区供电中心")));
}

TEST(StoreForms, EveryNoticeCardAndConcentratorValueACardRecordsIsPrinted)
{
    // GIVEN the cards recorded who collected the card (35.1), when and where cards are collected
    // (34.2), the outage and working hours of the swap notice (10.2), a replaced concentrator
    // (19.1) and the concentrator count and read success rate at commissioning (39.1)
    Fixture f;
    const QString acc = QStringLiteral("3100123456");
    const QString host = QStringLiteral("3100123457");
    f.value(acc, QStringLiteral("35.1"), QStringLiteral("card_handed_over"), EvidenceKind::Check,
            QStringLiteral("yes"));
    f.value(acc, QStringLiteral("35.1"), QStringLiteral("receiver_name"), EvidenceKind::Text,
            QStringLiteral("王建华"));
    f.value(acc, QStringLiteral("34.2"), QStringLiteral("collect_time"), EvidenceKind::Text,
            QStringLiteral("11月20日至11月30日"));
    f.value(acc, QStringLiteral("34.2"), QStringLiteral("collect_place"), EvidenceKind::Text,
            QStringLiteral("安贞营业厅"));
    f.value(host, QStringLiteral("10.2"), QStringLiteral("outage_minutes"), EvidenceKind::Number,
            QStringLiteral("25"));
    f.value(host, QStringLiteral("10.2"), QStringLiteral("work_hours"), EvidenceKind::Text,
            QStringLiteral("每日8:30至17:00"));
    f.value(host, QStringLiteral("19.1"), QStringLiteral("old_concentrator_asset"),
            EvidenceKind::Barcode, QStringLiteral("3230009988776655"));
    f.value(host, QStringLiteral("39.1"), QStringLiteral("concentrator_count"),
            EvidenceKind::Number, QStringLiteral("2"));
    f.value(host, QStringLiteral("39.1"), QStringLiteral("station_success_rate"),
            EvidenceKind::Number, QStringLiteral("99.35"));
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContextBuilder builder(*f.store, &f.catalog.catalog);
    // WHEN the forms are printed THEN each carries what was recorded
    auto printed = [&](int form, RowId job, RowId task) {
        auto ctx = builder.forForm(*lib->form(form), job, task);
        EXPECT_TRUE(ctx.ok()) << (ctx.ok() ? "" : ctx.error().message.toStdString());
        const QString pdf = f.dir.filePath(QStringLiteral("f%1.pdf").arg(form));
        EXPECT_TRUE(FormRenderer::writePdf(*lib->form(form), ctx.value(), pdf).ok());
        return test::pdfText(pdf).remove(QRegularExpression(QStringLiteral("\\s")));
    };
    const RowId job = f.jobs.value(acc);
    EXPECT_TRUE(printed(31, 0, f.taskId).contains(QStringLiteral("王建华")));
    const QString n11 = printed(11, job, 0);
    EXPECT_TRUE(n11.contains(QStringLiteral("11月20日至11月30日"))) << n11.toStdString();
    EXPECT_TRUE(n11.contains(QStringLiteral("安贞营业厅")));
    const QString n13 = printed(13, 0, f.taskId);
    EXPECT_TRUE(n13.contains(QStringLiteral("25"))) << n13.toStdString();
    EXPECT_TRUE(n13.contains(QStringLiteral("每日8:30至17:00")));
    EXPECT_TRUE(printed(21, 0, f.taskId).contains(QStringLiteral("3230009988776655")));
    const QString n22 = printed(22, 0, f.taskId);
    EXPECT_TRUE(n22.contains(QStringLiteral("99.35"))) << n22.toStdString();
    auto c22 = builder.forForm(*lib->form(22), 0, f.taskId);
    ASSERT_TRUE(c22.ok());
    EXPECT_EQ(c22->value(QStringLiteral("concentrator.count")), QStringLiteral("2"));
    EXPECT_EQ(c22->value(QStringLiteral("concentrator.success_rate")), QStringLiteral("99.35"));
}

TEST(StoreForms, TheWorkCertificatePrintsTheCtRatioMultiplierAndADeadDisplaysSource)
{
    Fixture f;
    const QString acc = QStringLiteral("3100123456");
    f.value(acc, QStringLiteral("21.3"), QStringLiteral("ct_ratio"), EvidenceKind::Text,
            QStringLiteral("150/5"));
    f.value(acc, QStringLiteral("21.3"), QStringLiteral("ct_multiplier"), EvidenceKind::Number,
            QStringLiteral("30"));
    f.value(acc, QStringLiteral("21.3"), QStringLiteral("old_reading_basis"), EvidenceKind::Text,
            QStringLiteral("485读取日冻结数据"));
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContextBuilder builder(*f.store, &f.catalog.catalog);
    auto ctx = builder.forForm(*lib->form(8), f.jobs.value(acc), 0);
    ASSERT_TRUE(ctx.ok());
    const QString pdf = f.dir.filePath(QStringLiteral("8.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(8), ctx.value(), pdf).ok());
    const QString text = test::pdfText(pdf).remove(QRegularExpression(QStringLiteral("\\s")));
    for (const QString &s : {QStringLiteral("150/5（倍率30）"),
                             QStringLiteral("旧表黑屏，止码取得方式：485读取日冻结数据")})
        EXPECT_TRUE(text.contains(s)) << s.toStdString() << "\n" << text.toStdString();
}

// 附录24 退料单 for the task: the old meter of each swapped job, and each new meter found faulty
// at 21.4 and sent back, with its fault and customer; a number captured twice prints once.
TEST(StoreForms, TheReturnSheetListsOldMetersAndEachFaultyNewMeterSentBack)
{
    Fixture f;
    const QString acc = QStringLiteral("3100123456");
    f.value(acc, QStringLiteral("21.4"), QStringLiteral("faulty_meter_asset"),
            EvidenceKind::Barcode, QStringLiteral("3300000000077"));
    f.value(acc, QStringLiteral("21.4"), QStringLiteral("faulty_meter_fault"), EvidenceKind::Text,
            QStringLiteral("黑屏"));
    f.value(acc, QStringLiteral("21.4"), QStringLiteral("faulty_meter_asset"),
            EvidenceKind::Barcode, QStringLiteral("3300000000077"));
    f.value(acc, QStringLiteral("21.4"), QStringLiteral("new_meter_asset"), EvidenceKind::Barcode,
            test::kNewAsset);
    ASSERT_TRUE(f.store->jobs().setStatus(f.jobs.value(acc), JobStatus::Done).ok());
    FormContextBuilder builder(*f.store, &f.catalog.catalog);
    auto ctx = builder.forTask(f.taskId);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message.toStdString();
    const QList<FormRow> returns = ctx->lists.value(QStringLiteral("returns"));
    ASSERT_EQ(returns.size(), 2); // the old meter, the faulty new meter once
    EXPECT_EQ(returns.at(0).values.value(QStringLiteral("old_meter.asset_no")),
              QStringLiteral("110000000000") + acc);
    EXPECT_EQ(returns.at(1).values.value(QStringLiteral("col.asset")),
              QStringLiteral("3300000000077"));
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    const QString pdf = f.dir.filePath(QStringLiteral("24.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(24), ctx.value(), pdf).ok());
    const QString text = test::pdfText(pdf);
    for (const QString &s :
         {QStringLiteral("110000000000") + acc, QStringLiteral("3300000000077"),
          QStringLiteral("故障新表"), QStringLiteral("黑屏"), QStringLiteral("故障退回")})
        EXPECT_TRUE(text.contains(s)) << s.toStdString() << "\n" << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("3100123457")))
        << "a customer not swapped is not listed";
}
