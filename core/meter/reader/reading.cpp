#include "meter/reader/reading.h"

#include "meter/reader/swapset.h"

#include <QJsonArray>

namespace ms::meter {

QString ItemReading::statusKey(Status s)
{
    switch (s) {
    case Status::Ok: return QStringLiteral("ok");
    case Status::NotPresent: return QStringLiteral("not_present");
    case Status::Refused: return QStringLiteral("refused");
    case Status::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

bool SwapSetReading::complete() const
{
    if (failure != LinkFailure::None)
        return false;
    return std::none_of(items.begin(), items.end(), [](const ItemReading &i) {
        return i.status == ItemReading::Status::Refused || i.status == ItemReading::Status::Failed;
    });
}

const ItemReading *SwapSetReading::item(const QString &key) const
{
    for (const ItemReading &i : items) {
        if (i.key == key)
            return &i;
    }
    return nullptr;
}

std::optional<double> SwapSetReading::number(const QString &key, int index) const
{
    const ItemReading *i = item(key);
    if (!i || i->status != ItemReading::Status::Ok || index < 0 || index >= i->values.size())
        return std::nullopt;
    return i->values.at(index).number;
}

QString SwapSetReading::text(const QString &key, int index) const
{
    const ItemReading *i = item(key);
    if (!i || index < 0 || index >= i->values.size())
        return {};
    return i->values.at(index).text;
}

QJsonObject rawFrameJson(const RawFrame &frame)
{
    return QJsonObject{
        {QStringLiteral("dir"), frame.direction == RawFrame::Direction::Tx ? QStringLiteral("tx")
                                                                           : QStringLiteral("rx")},
        {QStringLiteral("at"), frame.at.toString(Qt::ISODateWithMs)},
        {QStringLiteral("hex"), QString::fromLatin1(frame.bytes.toHex().toUpper())},
    };
}

QJsonObject SwapSetReading::toJson() const
{
    QJsonArray itemArray;
    for (const ItemReading &i : items) {
        QJsonArray values;
        for (const ReadValue &v : i.values) {
            QJsonObject o{{QStringLiteral("name"), v.name},
                          {QStringLiteral("unit"), v.unit.isEmpty() ? QJsonValue() : QJsonValue(v.unit)}};
            o.insert(QStringLiteral("value"), v.number && !v.missing ? QJsonValue(*v.number)
                                                                     : QJsonValue(v.text));
            values.append(o);
        }
        QJsonArray frameArray;
        for (const RawFrame &f : i.frames)
            frameArray.append(rawFrameJson(f));
        QJsonObject o{{QStringLiteral("key"), i.key},
                      {QStringLiteral("id"), i.id.isEmpty() ? QJsonValue() : QJsonValue(i.id)},
                      {QStringLiteral("name"), i.name},
                      {QStringLiteral("status"), ItemReading::statusKey(i.status)},
                      {QStringLiteral("values"), values},
                      {QStringLiteral("unit"), i.values.isEmpty() || i.values.first().unit.isEmpty()
                                                   ? QJsonValue()
                                                   : QJsonValue(i.values.first().unit)},
                      {QStringLiteral("frames"), frameArray},
                      {QStringLiteral("elapsed_ms"), i.elapsedMs}};
        if (!i.message.isEmpty())
            o.insert(QStringLiteral("message"), i.message);
        itemArray.append(o);
    }
    QJsonArray wire; // everything on the line in order, detection probes included
    for (const RawFrame &f : frames)
        wire.append(rawFrameJson(f));
    QJsonObject root{
        {QStringLiteral("frames"), wire},
        {QStringLiteral("port"), port},
        {QStringLiteral("link"), linkParams},
        {QStringLiteral("baud"), baud},
        {QStringLiteral("protocol"), protocol ? QJsonValue(protocolText(*protocol)) : QJsonValue()},
        {QStringLiteral("address"), address.isEmpty() ? QJsonValue() : QJsonValue(address)},
        {QStringLiteral("auto_detected"), autoDetected},
        {QStringLiteral("items"), itemArray},
        {QStringLiteral("total_ms"), totalMs},
        {QStringLiteral("wire_ms"), qRound64(wireMs * 10) / 10.0},
        {QStringLiteral("exchanges"), exchanges},
        {QStringLiteral("started_at"), startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("finished_at"), finishedAt.toString(Qt::ISODateWithMs)},
    };
    if (failure != LinkFailure::None) {
        root.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("kind"), linkFailureKey(failure)},
                                                         {QStringLiteral("message"), message}});
    }
    return root;
}

} // namespace ms::meter
