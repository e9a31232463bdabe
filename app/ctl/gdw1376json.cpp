#include "gdw1376json.h"

#include <QJsonArray>

namespace ms::ctl {

using namespace gdw1376;

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonValue kwh(const std::optional<std::int64_t> &tenThousandths)
{
    return tenThousandths ? QJsonValue(double(*tenThousandths) / 10000.0) : QJsonValue();
}

QString dateTimeText(const meter::DateTime &t, bool seconds)
{
    const QString date = QStringLiteral("%1-%2-%3 %4:%5")
                             .arg(t.year, 4, 10, QLatin1Char('0'))
                             .arg(t.month, 2, 10, QLatin1Char('0'))
                             .arg(t.day, 2, 10, QLatin1Char('0'))
                             .arg(t.hour, 2, 10, QLatin1Char('0'))
                             .arg(t.minute, 2, 10, QLatin1Char('0'));
    return seconds ? date + QStringLiteral(":%1").arg(t.second, 2, 10, QLatin1Char('0')) : date;
}

QJsonObject endpoint(const Endpoint &e)
{
    return {{QStringLiteral("ip"), QStringLiteral("%1.%2.%3.%4")
                                       .arg(e.ip[0]).arg(e.ip[1]).arg(e.ip[2]).arg(e.ip[3])},
            {QStringLiteral("port"), e.port}};
}

QJsonObject entry(const ArchiveEntry &e)
{
    const auto name = meterProtocolOf(e.protocol);
    return {{QStringLiteral("seq"), e.seq},
            {QStringLiteral("point"), e.point},
            {QStringLiteral("protocol"), name.empty() ? QJsonValue(e.protocol)
                                                      : QJsonValue(QString::fromLatin1(
                                                            name.data(), qsizetype(name.size())))},
            {QStringLiteral("protocol_code"), e.protocol},
            {QStringLiteral("comm_address"), text(e.commAddress)},
            {QStringLiteral("port"), e.port},
            {QStringLiteral("baud_code"), e.baudCode},
            {QStringLiteral("tariffs"), e.tariffs},
            {QStringLiteral("digits"), QStringLiteral("%1.%2").arg(e.integerDigits).arg(e.decimalDigits)},
            {QStringLiteral("collector"), text(e.collector)},
            {QStringLiteral("user_class"), QStringLiteral("%1/%2").arg(e.userMajor).arg(e.userMinor)}};
}

} // namespace

QJsonValue gdw1376UnitValueJson(const UnitValue &value)
{
    if (const auto *f1 = std::get_if<UplinkComm>(&value))
        return QJsonObject{{QStringLiteral("rts_delay_ms"), f1->rtsDelay20ms * 20},
                           {QStringLiteral("master_delay_min"), f1->masterDelayMinutes},
                           {QStringLiteral("timeout_s"), f1->timeoutSeconds},
                           {QStringLiteral("retries"), f1->retries},
                           {QStringLiteral("confirm_flags"), f1->confirmFlags},
                           {QStringLiteral("heartbeat_min"), f1->heartbeatMinutes}};
    if (const auto *f3 = std::get_if<MasterStation>(&value))
        return QJsonObject{{QStringLiteral("master"), endpoint(f3->main)},
                           {QStringLiteral("backup"), endpoint(f3->backup)},
                           {QStringLiteral("apn"), text(f3->apn)}};
    if (const auto *archive = std::get_if<MeterArchive>(&value)) {
        QJsonArray meters;
        for (const ArchiveEntry &e : archive->entries)
            meters.append(entry(e));
        return QJsonObject{{QStringLiteral("meters"), meters}};
    }
    if (const auto *q = std::get_if<ArchiveQuery>(&value)) {
        QJsonArray seqs;
        for (int s : q->seqs)
            seqs.append(s);
        return QJsonObject{{QStringLiteral("seqs"), seqs}};
    }
    if (const auto *f89 = std::get_if<LogicalAddress>(&value))
        return QJsonObject{{QStringLiteral("area"), text(Address{f89->area, 1, 0}.areaText())},
                           {QStringLiteral("terminal"), f89->terminal}};
    if (const auto *clock = std::get_if<Clock>(&value))
        return QJsonObject{{QStringLiteral("time"), dateTimeText(clock->at, true)},
                           {QStringLiteral("weekday"), clock->weekday}};
    if (const auto *r = std::get_if<EnergyReading>(&value)) {
        QJsonArray tariffs;
        for (const auto &t : r->tariffs)
            tariffs.append(kwh(t));
        return QJsonObject{{QStringLiteral("read_at"), r->readAt ? QJsonValue(dateTimeText(*r->readAt, false))
                                                                 : QJsonValue()},
                           {QStringLiteral("unit"), QStringLiteral("kWh")},
                           {QStringLiteral("total"), kwh(r->total)},
                           {QStringLiteral("tariffs"), tariffs}};
    }
    if (const auto *v = std::get_if<UnitVerdicts>(&value)) {
        QJsonArray units;
        for (const UnitVerdict &u : v->units)
            units.append(QJsonObject{{QStringLiteral("pn"), u.pn},
                                     {QStringLiteral("fn"), u.fn},
                                     {QStringLiteral("error"), u.error}});
        return QJsonObject{{QStringLiteral("afn"), v->afn}, {QStringLiteral("units"), units}};
    }
    if (const auto *raw = std::get_if<Raw>(&value))
        return QJsonObject{{QStringLiteral("raw"), text(meter::toHex(raw->data, " "))}};
    return QJsonValue(); // a unit without data
}

QJsonObject gdw1376Json(const Frame &frame, const std::vector<DataUnit> &units)
{
    QJsonArray unitArray;
    for (const DataUnit &u : units)
        unitArray.append(QJsonObject{{QStringLiteral("pn"), u.pn == AllPoints ? QJsonValue(QStringLiteral("all"))
                                                                               : QJsonValue(u.pn)},
                                     {QStringLiteral("fn"), u.fn},
                                     {QStringLiteral("value"), gdw1376UnitValueJson(u.value)}});
    QJsonObject o{
        {QStringLiteral("protocol"), QStringLiteral("gdw1376.1")},
        {QStringLiteral("direction"), frame.isUplink() ? QStringLiteral("response") : QStringLiteral("request")},
        {QStringLiteral("address"),
         QJsonObject{{QStringLiteral("area"), text(frame.address.areaText())},
                     {QStringLiteral("terminal"), frame.address.terminal},
                     {QStringLiteral("logical"), text(frame.address.logicalText())},
                     {QStringLiteral("a3"), frame.address.a3}}},
        {QStringLiteral("control"), frame.control},
        {QStringLiteral("function"), frame.function()},
        {QStringLiteral("afn"), frame.afn},
        {QStringLiteral("seq"), frame.sequence()},
        {QStringLiteral("first"), frame.first()},
        {QStringLiteral("last"), frame.last()},
        {QStringLiteral("units"), unitArray}};
    if (frame.password)
        o.insert(QStringLiteral("password"), text(meter::toHex(*frame.password)));
    if (frame.eventCounter)
        o.insert(QStringLiteral("event_counter"),
                 QJsonArray{(*frame.eventCounter)[0], (*frame.eventCounter)[1]});
    if (frame.timeLabel)
        o.insert(QStringLiteral("time_label"), text(meter::toHex(*frame.timeLabel)));
    return o;
}

} // namespace ms::ctl
