// The 31 appendix forms as data: all present, well formed, using only the documented sources.
#include "common/testenv.h"
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
    EXPECT_EQ(lib->form(8)->title, QStringLiteral("智能电能表装换工作凭证（城网）"));
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
