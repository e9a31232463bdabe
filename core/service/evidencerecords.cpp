#include "service/evidencerecords.h"

#include "meter/reader/swapset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace ms {

namespace {

struct RegisterMap
{
    const char *name; // catalog register name
    const char *key;  // swap-set key
    int index;
};

constexpr RegisterMap kRegisters[] = {
    {"forward_total", "forward_active", 0},      {"forward_t1", "forward_active", 1},
    {"forward_t2", "forward_active", 2},         {"forward_t3", "forward_active", 3},
    {"forward_t4", "forward_active", 4},         {"reverse_total", "reverse_active", 0},
    {"remaining_energy", "remaining_energy", 0}, {"remaining_money", "remaining_money", 0},
};

NewEvidence row(const QString &cardId, const QString &requirement, EvidenceKind kind)
{
    NewEvidence n;
    n.record.cardId = cardId;
    n.record.requirement = requirement;
    n.record.kind = kind;
    return n;
}

} // namespace

NewEvidence EvidenceRecords::photo(const QString &cardId, const QString &requirement,
                                   const ProcessedPhoto &photo)
{
    NewEvidence n = row(cardId, requirement, EvidenceKind::Photo);
    n.record.mime = QStringLiteral("image/jpeg");
    n.record.meta =
        QJsonObject{{QStringLiteral("watermark"), QJsonArray::fromStringList(photo.watermark)},
                    {QStringLiteral("width"), photo.size.width()},
                    {QStringLiteral("height"), photo.size.height()},
                    {QStringLiteral("original_width"), photo.originalSize.width()},
                    {QStringLiteral("original_height"), photo.originalSize.height()},
                    {QStringLiteral("thumbnail_jpeg_base64"),
                     QString::fromLatin1(photo.thumbnailJpeg.toBase64())}};
    n.data = photo.jpeg;
    return n;
}

NewEvidence EvidenceRecords::video(const QString &cardId, const QString &requirement,
                                   const QByteArray &bytes, const QString &mime)
{
    NewEvidence n = row(cardId, requirement, EvidenceKind::Video);
    n.record.mime = mime;
    n.data = bytes;
    return n;
}

NewEvidence EvidenceRecords::signature(const QString &cardId,
                                       const EvidenceRequirement &requirement,
                                       const SignatureArtifact &art, const QString &summary)
{
    NewEvidence n = row(cardId, requirement.key, EvidenceKind::Signature);
    n.record.mime = QStringLiteral("image/png");
    n.record.meta =
        QJsonObject{{QStringLiteral("summary"), summary},
                    {QStringLiteral("summary_sha256"), art.summarySha256},
                    {QStringLiteral("points_sha256"), art.pointsSha256},
                    {QStringLiteral("points"), QJsonDocument::fromJson(art.pointsJson).object()},
                    {QStringLiteral("signer"), requirement.signer}};
    n.data = art.png;
    return n;
}

NewEvidence EvidenceRecords::value(const QString &cardId, const EvidenceRequirement &requirement,
                                   const QString &value, QJsonObject meta)
{
    NewEvidence n = row(cardId, requirement.key, requirement.kind);
    n.record.value = value;
    n.record.unit = requirement.unit;
    if (!requirement.meter.isEmpty())
        meta.insert(QStringLiteral("meter"), requirement.meter);
    if (!requirement.registerName.isEmpty())
        meta.insert(QStringLiteral("register"), requirement.registerName);
    if (!meta.contains(QStringLiteral("source")))
        meta.insert(QStringLiteral("source"), QStringLiteral("manual"));
    n.record.meta = meta;
    return n;
}

QList<NewEvidence> EvidenceRecords::meterRead(const QString &cardId,
                                              const EvidenceRequirement &requirement,
                                              const meter::SwapSetReading &reading,
                                              const QList<meter::CrossCheckWarning> &warnings,
                                              const QString &assetNo)
{
    QList<NewEvidence> rows;
    const QString key = requirement.key;
    const QString wanted = requirement.registerName.isEmpty() ? QStringLiteral("forward_total")
                                                              : requirement.registerName;
    const QString meterSide = requirement.meter;
    const QString protocol = reading.protocol ? meter::protocolText(*reading.protocol) : QString();
    QJsonArray warningJson;
    for (const auto &w : warnings)
        warningJson.append(
            QJsonObject{{QStringLiteral("code"), w.code}, {QStringLiteral("message"), w.message}});

    NewEvidence frames = row(cardId, key + QStringLiteral(".frames"), EvidenceKind::MeterFrames);
    frames.record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    frames.record.mime = QStringLiteral("application/json");
    frames.record.value = reading.address;
    frames.record.meta = QJsonObject{{QStringLiteral("meter"), meterSide},
                                     {QStringLiteral("protocol"), protocol},
                                     {QStringLiteral("address"), reading.address},
                                     {QStringLiteral("frames"), int(reading.frames.size())},
                                     {QStringLiteral("total_ms"), reading.totalMs}};
    frames.data = QJsonDocument(reading.toJson()).toJson(QJsonDocument::Indented);
    rows.append(frames);

    for (const RegisterMap &r : kRegisters) {
        const auto value = reading.number(QString::fromLatin1(r.key), r.index);
        if (!value)
            continue;
        const QString name = QString::fromLatin1(r.name);
        NewEvidence n = row(cardId, name == wanted ? key : key + QLatin1Char('.') + name,
                            EvidenceKind::MeterReading);
        n.record.value = reading.text(QString::fromLatin1(r.key), r.index);
        n.record.unit = reading.item(QString::fromLatin1(r.key))->values.at(r.index).unit;
        n.record.meta =
            QJsonObject{{QStringLiteral("meter"), meterSide},
                        {QStringLiteral("register"), name},
                        {QStringLiteral("source"), QStringLiteral("meter_port")},
                        {QStringLiteral("protocol"), protocol},
                        {QStringLiteral("address"), reading.address},
                        {QStringLiteral("asset_no"), assetNo},
                        {QStringLiteral("frames"), frames.record.uuid},
                        {QStringLiteral("read_at"), reading.finishedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("warnings"), warningJson}};
        rows.append(n);
    }
    return rows;
}

} // namespace ms
