// The 31 appendix forms as data: all present, well formed, using only the documented sources.
#include "catalog/catalogloader.h"
#include "common/testenv.h"
#include "report/cardvalues.h"
#include "report/formcontext.h"
#include "report/formspec.h"

#include <QDir>
#include <QFile>
#include <gtest/gtest.h>

using namespace ms;

TEST(FormLibrary, AllThirtyOneAppendicesLoadFromSourceAndResources)
{
    for (const QString &root : {test::formsDir(), QStringLiteral(":/forms")}) {
        SCOPED_TRACE(root.toStdString());
        auto lib = FormLibrary::load(root);
        ASSERT_TRUE(lib.ok()) << lib.error().message.toStdString();
        ASSERT_EQ(lib->forms().size(), 31);
        for (int n = 1; n <= 31; ++n) {
            const FormSpec *f = lib->form(n);
            ASSERT_NE(f, nullptr) << n;
            EXPECT_FALSE(f->title.isEmpty());
            EXPECT_FALSE(f->blocks.isEmpty());
        }
    }
}

TEST(FormLibrary, NamesScopesAndLayoutFollowTheManual)
{
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    EXPECT_EQ(lib->form(8)->title,
              QStringLiteral("国网北京市电力公司智能电能表装换工作凭证（城网）"));
    EXPECT_EQ(lib->form(28)->title, QStringLiteral("排查“机电不符”客户记录单"));
    for (int n : {8, 9, 30, 2, 17, 18, 25, 11, 12, 26})
        EXPECT_EQ(lib->form(n)->scope, QStringLiteral("job")) << n;
    for (int n : {10, 19, 27})
        EXPECT_EQ(lib->form(n)->scope, QStringLiteral("crew_day")) << n;
    for (int n = 1; n <= 31; ++n) {
        const bool wide = n == 1 || n == 4 || n == 28 || n == 29 || n == 31 || n == 14;
        EXPECT_EQ(lib->form(n)->landscape, wide) << n;
    }
}

TEST(FormLibrary, EveryAutoFillSourceIsInTheDocumentedVocabulary)
{
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    for (const auto &f : lib->forms())
        for (const auto &s : f.sources())
            EXPECT_TRUE(isKnownFormSource(s)) << f.file.toStdString() << ": " << s.toStdString();
    EXPECT_FALSE(isKnownFormSource(QStringLiteral("customer.acount_no")));
}

TEST(FormLibrary, ABrokenFormIsRefusedWithFileFieldAndReason)
{
    // GIVEN a form with an unknown block type, a duplicated key and a choice without options
    const QByteArray json = R"({"number": 8, "title": "x", "scope": "job", "orientation": "portrait",
        "blocks": [ {"type": "fields", "fields": [ {"key": "a", "label": "A"},
                                                    {"key": "a", "label": "B", "kind": "choice"} ]},
                    {"type": "picture"} ]})";
    auto spec = FormLibrary::parse(json, QStringLiteral("appendix/08.json"));
    ASSERT_FALSE(spec.ok());
    const QString msg = spec.error().message;
    EXPECT_TRUE(msg.contains(QStringLiteral("appendix/08.json: blocks[0].fields[1].key"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("blocks[0].fields[1].options")));
    EXPECT_TRUE(msg.contains(QStringLiteral("blocks[1].type")));
}

TEST(FormContext, TypedEntriesWinOverAutoFillAndPlaceholdersLeaveBlanks)
{
    FormField f;
    f.key = QStringLiteral("phone");
    f.source = QStringLiteral("customer.phone");
    f.defaultText = QStringLiteral("默认");
    FormContext ctx;
    EXPECT_EQ(ctx.fieldValue(f), QStringLiteral("默认"));
    ctx.values.insert(QStringLiteral("customer.phone"), QStringLiteral("13800000000"));
    EXPECT_EQ(ctx.fieldValue(f), QStringLiteral("13800000000"));
    EXPECT_TRUE(ctx.isAutoFilled(f));
    ctx.entries.insert(QStringLiteral("phone"), QStringLiteral("13911112222"));
    EXPECT_EQ(ctx.fieldValue(f), QStringLiteral("13911112222"));
    EXPECT_FALSE(ctx.isAutoFilled(f));
    ctx.values.insert(QStringLiteral("customer.name"), QStringLiteral("张三"));
    EXPECT_EQ(ctx.expand(QStringLiteral("致 {customer.name}，{notice.collect_time} 领卡")),
              QStringLiteral("致 张三，＿＿＿＿＿＿ 领卡"));
}

TEST(FormLibrary, PublicityAndFixedNoticesHaveNoRecordHeaderAndRecordsKeepIt)
{
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    for (int n : {14, 15, 16, 23})
        EXPECT_FALSE(lib->form(n)->header) << n;
    for (const FormSpec &f : lib->forms()) {
        if (f.scope != QLatin1String("static")) {
            EXPECT_TRUE(f.header) << f.file.toStdString();
        }
    }
}

TEST(FormLibrary, AHeaderlessRecordFormOrAnUnknownMemberIsRefusedNamingIt)
{
    // GIVEN a job record without its header, a misspelt member and a header that is not a bool
    const QByteArray json = R"({"number": 8, "title": "x", "scope": "job", "orientation": "portrait",
        "header": false, "numbr_prefix": "HB08",
        "blocks": [ {"type": "fields", "fields": [ {"key": "a", "label": "A", "sorce": "customer.name"} ]},
                    {"type": "text", "paragraphs": ["p"], "colour": "red"} ]})";
    auto spec = FormLibrary::parse(json, QStringLiteral("appendix/08.json"));
    ASSERT_FALSE(spec.ok());
    const QString msg = spec.error().message;
    EXPECT_TRUE(msg.contains(QStringLiteral("appendix/08.json: header:"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("appendix/08.json: numbr_prefix:"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("blocks[0].fields[0].sorce"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("blocks[1].colour"))) << msg.toStdString();
    auto notBool = FormLibrary::parse(R"({"number": 14, "title": "x", "scope": "static", "orientation": "portrait",
        "header": "no", "blocks": [ {"type": "text", "paragraphs": ["p"]} ]})", QStringLiteral("appendix/14.json"));
    ASSERT_FALSE(notBool.ok());
    EXPECT_TRUE(notBool.error().message.contains(QStringLiteral("header")));
    // AND the same static form with a boolean header loads
    auto good = FormLibrary::parse(R"({"number": 14, "title": "x", "scope": "static", "orientation": "portrait",
        "header": false, "blocks": [ {"type": "text", "paragraphs": ["p"]} ]})", QStringLiteral("appendix/14.json"));
    ASSERT_TRUE(good.ok()) << good.error().message.toStdString();
    EXPECT_FALSE(good->header);
}

TEST(CardValues, EveryCardRequirementReadExistsInTheCatalogAndEveryPathIsDocumented)
{
    const CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    for (const QString &cardReq : CardValues::requirementsRead()) {
        const QString cardId = cardReq.section(QLatin1Char('/'), 0, 0);
        const QString key = cardReq.section(QLatin1Char('/'), 1);
        const Card *card = catalog.catalog.card(cardId);
        ASSERT_NE(card, nullptr) << cardReq.toStdString();
        EXPECT_NE(card->requirement(key), nullptr) << cardReq.toStdString();
    }
    for (const QString &path : CardValues::paths())
        EXPECT_TRUE(isKnownFormSource(path)) << path.toStdString();
    // 2.4's mounting decision has exactly the choices the table reads
    QStringList choices;
    for (const Edge &e : catalog.catalog.card(QStringLiteral("2.4"))->next)
        choices << e.choice;
    EXPECT_EQ(choices, (QStringList{QStringLiteral("surface"), QStringLiteral("concealed")}));
}

TEST(CardValues, APreferredCardWinsThenTheLatestRecordAndSealsAreJoined)
{
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const auto ev = [&](const char *card, const char *req, const char *value, int secs) {
        Evidence e;
        e.cardId = QLatin1String(card);
        e.requirement = QLatin1String(req);
        e.value = QString::fromUtf8(value);
        e.capturedAt = t0.addSecs(secs);
        return e;
    };
    // GIVEN a read-back card number recorded after the written one, a retyped ID, two seals
    const QList<Evidence> evidence{ev("34.4", "readback_card_no", "999", 60), ev("34.3", "card_number", "111", 0),
                                   ev("35.1", "id_last4", "1234", 0), ev("35.1", "id_last4", "5678", 30),
                                   ev("19.1", "concentrator_seals", "S1", 0), ev("28.4", "concentrator_box_seal", "S2", 5),
                                   ev("4.1", "box_bottom_height", "1.6", 0)};
    const RecordedValues v = CardValues::fromJob(evidence, {});
    EXPECT_EQ(v.value(QStringLiteral("card.number")).text, QStringLiteral("111")); // 34.3 preferred
    EXPECT_EQ(v.value(QStringLiteral("card.id_last4")).text, QStringLiteral("5678")); // latest
    EXPECT_EQ(v.value(QStringLiteral("concentrator.seal")).text, QStringLiteral("S1、S2"));
    EXPECT_EQ(v.value(QStringLiteral("concentrator.mounting")).text, QStringLiteral("明装")); // 4.1 recorded
    EXPECT_FALSE(v.contains(QStringLiteral("card.issued_at"))); // nothing answered yes
    // AND merging across jobs: a preferred card beats a fallback, then the later record
    RecordedValues task{{QStringLiteral("concentrator.asset_no"), {QStringLiteral("FROM-36.1"), t0.addSecs(100), 2}}};
    CardValues::merge(task, {{QStringLiteral("concentrator.asset_no"), {QStringLiteral("FROM-19.1"), t0, 0}}});
    EXPECT_EQ(task.value(QStringLiteral("concentrator.asset_no")).text, QStringLiteral("FROM-19.1"));
    CardValues::merge(task, {{QStringLiteral("concentrator.asset_no"), {QStringLiteral("LATER-19.1"), t0.addSecs(5), 0}}});
    EXPECT_EQ(task.value(QStringLiteral("concentrator.asset_no")).text, QStringLiteral("LATER-19.1"));
}

TEST(FormLibrary, EveryAppendixTitleIsTheManuals)
{
    // The 31 titles of the manual's appendix list (seed 000_cab82a5672d8fc2b, 目录), the line
    // breaks of the printed list joined and its half-width brackets written full-width.
    const QStringList seed{"智能电能表更换工作计划表",
                           "营销信息采集系统故障联络单",
                           "营销信息采集系统报装联络单",
                           "更换客户购电记录单",
                           "智能电能表更换现场勘察记录单",
                           "国网北京市电力公司电能计量设备库房流转单",
                           "国网北京市电力公司电能计量设备领料单",
                           "国网北京市电力公司智能电能表装换工作凭证（城网）",
                           "国网北京市电力公司智能电能表装换工作凭证（农网）",
                           "危险点分析控制单",
                           "国网北京市电力公司换表领卡通知",
                           "国网北京市电力公司换表领卡通知——后付费客户类",
                           "国网北京市电力公司更换智能电能表通知",
                           "宣传横幅",
                           "宣传展板",
                           "宣传折页",
                           "短信服务告知书",
                           "电能计量装置鉴定送检协议书",
                           "监理日志",
                           "现场作业验收规范单",
                           "国网北京市电力公司集中器装换工作凭证",
                           "用电信息采集建设工程单元工程竣工验收记录",
                           "关于印发北京市电力公司《智能电能表安装调试工作规范》的通知",
                           "国网北京市电力公司电能计量设备退料单",
                           "用电证",
                           "国网北京市电力公司约时换表通知",
                           "电力线路第二种工作票",
                           "排查“机电不符”客户记录单",
                           "约时更换智能电能表记录单",
                           "国网北京市电力公司换表结果告知",
                           "发卡签收单"};
    ASSERT_EQ(seed.size(), 31);
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    for (int n = 1; n <= 31; ++n)
        EXPECT_EQ(lib->form(n)->title, seed.at(n - 1)) << "appendix " << n;
}
