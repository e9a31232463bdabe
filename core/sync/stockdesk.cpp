#include "sync/stockdesk.h"

#include "sync/officedesk.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QUuid>

namespace ms::sync {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::sync::StockDesk)
};

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

QJsonArray items(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        if (!s.trimmed().isEmpty())
            out.append(s.trimmed());
    return out;
}

StockMovement movementFrom(const QJsonObject &o)
{
    StockMovement m{
        o.value(QStringLiteral("uuid")).toString(),   o.value(QStringLiteral("kind")).toString(),
        o.value(QStringLiteral("crew")).toString(),   o.value(QStringLiteral("by")).toString(),
        o.value(QStringLiteral("at")).toString(),     {},
        o.value(QStringLiteral("repeated")).toBool(), o.value(QStringLiteral("already")).toInt()};
    for (const QJsonValue &v : o.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        m.lines << StockMovementLine{l.value(QStringLiteral("kind")).toString(),
                                     l.value(QStringLiteral("number")).toString(),
                                     l.value(QStringLiteral("crew")).toString(),
                                     l.value(QStringLiteral("job_uuid")).toString(),
                                     l.value(QStringLiteral("account_no")).toString()};
    }
    return m;
}

qint64 n(const QJsonObject &o, const char *group, const char *key)
{
    return o.value(QLatin1String(group)).toObject().value(QLatin1String(key)).toInteger();
}

StockReport reportFrom(const QJsonObject &o)
{
    StockReport r;
    r.crew = o.value(QStringLiteral("crew")).toString();
    r.issuedMeters = n(o, "issued", "meters");
    r.issuedSeals = n(o, "issued", "seals");
    r.installedMeters = n(o, "installed", "meters");
    r.installedSeals = n(o, "installed", "seals");
    r.returnedMeters = n(o, "returned", "meters");
    r.returnedSeals = n(o, "returned", "seals");
    r.oldRemoved = n(o, "old_meters", "removed");
    r.oldReturned = n(o, "old_meters", "returned");
    const QJsonObject onHand = o.value(QStringLiteral("on_hand")).toObject();
    r.onHandMeters = strings(onHand.value(QStringLiteral("meters")));
    r.onHandSeals = strings(onHand.value(QStringLiteral("seals")));
    r.oldOnHand =
        strings(o.value(QStringLiteral("old_meters")).toObject().value(QStringLiteral("on_hand")));
    for (const QJsonValue &v : o.value(QStringLiteral("crews")).toArray()) {
        const QJsonObject c = v.toObject();
        r.crews << StockCrewRow{c.value(QStringLiteral("crew")).toString(),
                                n(c, "issued", "meters"),
                                n(c, "issued", "seals"),
                                n(c, "installed", "meters"),
                                n(c, "installed", "seals"),
                                n(c, "returned", "meters"),
                                n(c, "returned", "seals"),
                                n(c, "on_hand", "meters"),
                                n(c, "on_hand", "seals"),
                                c.value(QStringLiteral("old_removed")).toInteger(),
                                c.value(QStringLiteral("old_returned")).toInteger()};
    }
    for (const QJsonValue &v : o.value(QStringLiteral("differences")).toArray()) {
        const QJsonObject d = v.toObject();
        r.differences << StockDifferenceRow{d.value(QStringLiteral("kind")).toString(),
                                            d.value(QStringLiteral("asset_no")).toString(),
                                            d.value(QStringLiteral("seal_no")).toString(),
                                            d.value(QStringLiteral("crew")).toString(),
                                            d.value(QStringLiteral("job_uuid")).toString(),
                                            d.value(QStringLiteral("detail")).toString()};
    }
    return r;
}

// One CSV field: quoted when it holds a comma, quote or line break.
QString field(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"'))
        && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\""))
           + QLatin1Char('"');
}
} // namespace

QByteArray stockReportCsv(const StockReport &r)
{
    QStringList rows;
    rows << QStringLiteral("row,crew,kind,number,job_uuid,detail,issued_meters,installed_meters,"
                           "returned_meters,on_hand_meters,issued_seals,installed_seals,"
                           "returned_seals,on_hand_seals,old_removed,old_returned");
    for (const StockCrewRow &c : r.crews)
        rows << QStringLiteral("crew,%1,,,,,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11")
                    .arg(field(c.crew))
                    .arg(c.issuedMeters)
                    .arg(c.installedMeters)
                    .arg(c.returnedMeters)
                    .arg(c.onHandMeters)
                    .arg(c.issuedSeals)
                    .arg(c.installedSeals)
                    .arg(c.returnedSeals)
                    .arg(c.onHandSeals)
                    .arg(c.oldRemoved)
                    .arg(c.oldReturned);
    for (const StockDifferenceRow &d : r.differences)
        rows << QStringLiteral("difference,%1,%2,%3,%4,%5,,,,,,,,,,")
                    .arg(field(d.crew), field(d.kind), field(d.number()), field(d.jobUuid),
                         field(d.detail));
    return QByteArray("\xEF\xBB\xBF") + rows.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

StockDesk::StockDesk(OfficeDesk &desk) : m_desk(desk) {}

void StockDesk::post(const QString &path, const QJsonObject &body, QObject *context,
                     MovementDone done)
{
    m_desk.postBytes(path, body, context, [done](Result<QByteArray> r) {
        if (!r) {
            done(r.error());
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(*r);
        if (!doc.isObject()) {
            done(makeError(QStringLiteral("sync.bad_answer"),
                           Tr::tr("办公室的回答不是 JSON 对象；请检查服务器地址和版本。")));
            return;
        }
        done(movementFrom(doc.object()));
    });
}

void StockDesk::issue(const QString &crew, const QStringList &meters, const QStringList &seals,
                      QObject *context, MovementDone done)
{
    post(QStringLiteral("office/stock/issue"),
         {{QStringLiteral("request_uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
          {QStringLiteral("crew"), crew.trimmed()},
          {QStringLiteral("meters"), items(meters)},
          {QStringLiteral("seals"), items(seals)}},
         context, std::move(done));
}

void StockDesk::returnStock(const QStringList &meters, const QStringList &seals, QObject *context,
                            MovementDone done)
{
    post(QStringLiteral("office/stock/return"),
         {{QStringLiteral("request_uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
          {QStringLiteral("meters"), items(meters)},
          {QStringLiteral("seals"), items(seals)}},
         context, std::move(done));
}

void StockDesk::reconcile(const QString &crew, QObject *context, ReportDone done)
{
    QUrlQuery q;
    if (!crew.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("crew"), crew.trimmed());
    m_desk.fetch(QStringLiteral("stock?") + crew.trimmed(), QStringLiteral("office/stock"), q,
                 context, [done](const OfficeDesk::Answer &a) {
                     if (a.error && !a.cached) {
                         done(*a.error, false);
                         return;
                     }
                     StockReport r = reportFrom(a.body);
                     r.fetchedAt = a.fetchedAt;
                     done(r, a.cached);
                 });
}

} // namespace ms::sync
