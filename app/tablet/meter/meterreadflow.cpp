#include "meter/meterreadflow.h"

#include "meter/meterreadpage.h"
#include "meter/reader/swap_set.h"
#include "store/store.h"
#include "store/evidencerepository.h"
#include "store/settingsrepository.h"

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
    {"forward_total", "forward_active", 0}, {"forward_t1", "forward_active", 1},
    {"forward_t2", "forward_active", 2},    {"forward_t3", "forward_active", 3},
    {"forward_t4", "forward_active", 4},    {"reverse_total", "reverse_active", 0},
    {"remaining_energy", "remaining_energy", 0}, {"remaining_money", "remaining_money", 0},
};

} // namespace

QList<NewEvidence> meterEvidence(const MeterReadRequest &request, const meter::SwapSetReading &reading,
                                 const QList<meter::CrossCheckWarning> &warnings, const QString &assetNo)
{
    QList<NewEvidence> rows;
    const QString key = request.requirement.key;
    const QString wanted = request.requirement.registerName.isEmpty() ? QStringLiteral("forward_total")
                                                                       : request.requirement.registerName;
    const QString meterSide = request.requirement.meter;
    const QString protocol = reading.protocol ? meter::protocolText(*reading.protocol) : QString();
    QJsonArray warningJson;
    for (const auto &w : warnings)
        warningJson.append(QJsonObject{{QStringLiteral("code"), w.code}, {QStringLiteral("message"), w.message}});

    NewEvidence frames;
    frames.record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    frames.record.jobId = request.jobId;
    frames.record.cardId = request.cardId;
    frames.record.requirement = key + QStringLiteral(".frames");
    frames.record.kind = EvidenceKind::MeterFrames;
    frames.record.mime = QStringLiteral("application/json");
    frames.record.value = reading.address;
    frames.record.userUuid = request.userUuid;
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
        NewEvidence row;
        row.record.jobId = request.jobId;
        row.record.cardId = request.cardId;
        row.record.requirement = name == wanted ? key : key + QLatin1Char('.') + name;
        row.record.kind = EvidenceKind::MeterReading;
        row.record.value = reading.text(QString::fromLatin1(r.key), r.index);
        row.record.unit = reading.item(QString::fromLatin1(r.key))->values.at(r.index).unit;
        row.record.userUuid = request.userUuid;
        row.record.meta = QJsonObject{{QStringLiteral("meter"), meterSide},
                                      {QStringLiteral("register"), name},
                                      {QStringLiteral("source"), QStringLiteral("meter_port")},
                                      {QStringLiteral("protocol"), protocol},
                                      {QStringLiteral("address"), reading.address},
                                      {QStringLiteral("asset_no"), assetNo},
                                      {QStringLiteral("frames"), frames.record.uuid},
                                      {QStringLiteral("read_at"), reading.finishedAt.toString(Qt::ISODateWithMs)},
                                      {QStringLiteral("warnings"), warningJson}};
        rows.append(row);
    }
    return rows;
}

MeterReadFactory makeMeterReadFactory(AppContext &ctx, meter::ProtocolMemory &memory)
{
    return [&ctx, &memory](const MeterReadRequest &request, QWidget *parent) -> QWidget * {
        MeterReadPageConfig config;
        config.title = request.requirement.label;
        config.meter = request.requirement.meter.isEmpty() ? QStringLiteral("old") : request.requirement.meter;
        const MeterInfo &info = config.meter == QLatin1String("new") ? request.customer.newMeter
                                                                      : request.customer.oldMeter;
        config.expectedAddress = info.commAddress;
        config.expectedAssetNo = info.assetNo;
        if (config.meter == QLatin1String("old"))
            config.lastBilled = request.customer.lastBilledReading;
        SettingsRepository &settings = ctx.store.settings();
        config.port = settings.value(QString::fromLatin1(meterkeys::kPort));
        config.kind = settings.value(QString::fromLatin1(meterkeys::kLink)) == QLatin1String("rs485")
                          ? meter::LinkKind::Rs485
                          : meter::LinkKind::Infrared;
        config.assetRule = AssetAddressRule::fromText(settings.value(QString::fromLatin1(meterkeys::kAssetRule),
                                                                     QStringLiteral("tail")));
        auto *page = new MeterReadPage(config, memory, parent);
        QObject::connect(page, &MeterReadPage::saveRequested, page,
                         [&ctx, page, request](const meter::SwapSetReading &reading,
                                               const QList<meter::CrossCheckWarning> &warnings,
                                               const QString &assetNo) {
                             const auto saved = ctx.store.evidence().add(meterEvidence(request, reading, warnings, assetNo));
                             if (!saved) {
                                 page->showSaveResult(false, saved.error().message);
                                 return;
                             }
                             (void)ctx.store.settings().setValue(QString::fromLatin1(meterkeys::kPort), reading.port);
                             page->showSaveResult(true, {});
                             if (request.done)
                                 request.done();
                         });
        QObject::connect(page, &MeterReadPage::closed, page, [request] {
            if (request.done)
                request.done();
        });
        return page;
    };
}

} // namespace ms
