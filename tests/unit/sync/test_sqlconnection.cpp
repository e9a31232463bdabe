// A set of rows or keys bound as ONE parameter (SqlConnection::rowsFrom / inList), which the
// office's push uses to write a whole batch per statement: the same values come back on both
// engines — quotes, Chinese text, NULL, numbers past 32 bits, an empty set.
#include "common/officeengines.h"
#include "serverstore/sqlconnection.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace ms;
using namespace ms::server;

namespace {

template <typename Engine> class SqlConnectionTest : public ::testing::Test
{
protected:
    Engine engine;
};
TYPED_TEST_SUITE(SqlConnectionTest, test::OfficeEngines, test::EngineName);

struct Row
{
    QString a;
    bool aNull = false;
    qint64 b = 0;
    double c = 0;
    bool cNull = false;
};

QList<Row> readAll(SqlConnection &db, const QString &where = {}, const QString &param = {})
{
    auto st = db.prepare(QStringLiteral("SELECT a, b, c FROM t_rows") + where
                         + QStringLiteral(" ORDER BY b"));
    EXPECT_TRUE(st) << st.error().message.toStdString();
    QList<Row> rows;
    if (!st)
        return rows;
    if (!param.isEmpty())
        st.value().bindText(1, param);
    while (st.value().step())
        rows << Row{st.value().text(0), st.value().isNull(0), st.value().integer(1),
                    st.value().real(2), st.value().isNull(2)};
    EXPECT_FALSE(st.value().failed()) << st.value().error().message.toStdString();
    return rows;
}

} // namespace

TYPED_TEST(SqlConnectionTest, RowsAndKeysTravelAsOneParameterAndComeBackUnchanged)
{
    MS_REQUIRE_ENGINE(this->engine);
    auto store = this->engine.open();
    ASSERT_TRUE(store) << store.error().message.toStdString();
    SqlConnection &db = (*store)->connection();
    ASSERT_TRUE(db.exec(
        QStringLiteral("CREATE TABLE t_rows(a text, b bigint NOT NULL, c double precision)")));

    const QString tricky = QStringLiteral("电能表 'A-1' \"引号\" \\ ,{}");
    QJsonArray rows{QJsonArray{QStringLiteral("plain"), 1, 1.5},
                    QJsonArray{tricky, -7, QJsonValue::Null},
                    QJsonArray{QJsonValue::Null, 4000000001LL, -0.25}};
    auto ins =
        db.prepare(QStringLiteral("INSERT INTO t_rows(a, b, c) SELECT a, b, c FROM ")
                   + db.rowsFrom(1, {{"a"}, {"b", SqlColumn::Integer}, {"c", SqlColumn::Real}}));
    ASSERT_TRUE(ins) << ins.error().message.toStdString();
    ins.value().bindText(1, SqlConnection::jsonRows(rows));
    ASSERT_TRUE(ins.value().run()) << ins.value().error().message.toStdString();
    EXPECT_EQ(db.changes(), 3);

    const QList<Row> all = readAll(db);
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all[0].a, tricky);
    EXPECT_EQ(all[0].b, -7);
    EXPECT_TRUE(all[0].cNull);
    EXPECT_EQ(all[1].a, QStringLiteral("plain"));
    EXPECT_DOUBLE_EQ(all[1].c, 1.5);
    EXPECT_TRUE(all[2].aNull);
    EXPECT_EQ(all[2].b, 4000000001LL);
    EXPECT_DOUBLE_EQ(all[2].c, -0.25);

    // keys: text (the tricky one and one that matches nothing), integers, and none at all
    EXPECT_EQ(readAll(db, QStringLiteral(" WHERE a") + db.inList(1),
                      SqlConnection::jsonList({tricky, QStringLiteral("absent")}))
                  .size(),
              1);
    const QList<Row> byNumber =
        readAll(db, QStringLiteral(" WHERE b") + db.inList(1, SqlColumn::Integer),
                SqlConnection::jsonRows(QJsonArray{1, 4000000001LL}));
    ASSERT_EQ(byNumber.size(), 2);
    EXPECT_EQ(byNumber[1].b, 4000000001LL);
    EXPECT_TRUE(readAll(db, QStringLiteral(" WHERE a") + db.inList(1), SqlConnection::jsonList({}))
                    .isEmpty());
    auto del = db.prepare(QStringLiteral("DELETE FROM t_rows WHERE a") + db.inList(1));
    ASSERT_TRUE(del);
    del.value().bindText(1, SqlConnection::jsonList({QStringLiteral("plain")}));
    ASSERT_TRUE(del.value().run());
    EXPECT_EQ(readAll(db).size(), 2);
}
