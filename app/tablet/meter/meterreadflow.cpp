#include "meter/meterreadflow.h"

#include "meter/meterreadpage.h"
#include "service/jobsession.h"
#include "store/store.h"

namespace ms {

MeterReadFactory makeMeterReadFactory(AppContext &ctx, meter::ProtocolMemory &memory)
{
    return [&ctx, &memory](const MeterReadRequest &request, QWidget *parent) -> QWidget * {
        MeterReadPageConfig config;
        config.title = request.requirement.label;
        config.meter = request.requirement.meter.isEmpty() ? QStringLiteral("old") : request.requirement.meter;
        const Customer &customer = request.session->customer(); // empty on a task's cards
        const MeterInfo &info = config.meter == QLatin1String("new") ? customer.newMeter
                                                                      : customer.oldMeter;
        config.expectedAddress = info.commAddress;
        config.expectedAssetNo = info.assetNo;
        if (config.meter == QLatin1String("old"))
            config.lastBilled = customer.lastBilledReading;
        SettingsRepository &settings = ctx.store.settings();
        config.port = settings.value(QString::fromLatin1(meterkeys::kPort));
        config.kind = settings.value(QString::fromLatin1(meterkeys::kLink)) == QLatin1String("rs485")
                          ? meter::LinkKind::Rs485
                          : meter::LinkKind::Infrared;
        config.assetRule = AssetAddressRule::fromText(settings.value(QString::fromLatin1(meterkeys::kAssetRule),
                                                                     QStringLiteral("tail")));
        auto *page = new MeterReadPage(config, memory, parent);
        // A port that answered is the one offered next time (a device preference, not a record).
        QObject::connect(page, &MeterReadPage::readFinished, page,
                         [&ctx](const meter::SwapSetReading &reading) {
                             const bool answered = reading.failure == meter::LinkFailure::None;
                             if (!answered || reading.port.isEmpty())
                                 return;
                             (void)ctx.store.settings().setValue(
                                 QString::fromLatin1(meterkeys::kPort), reading.port);
                         });
        QObject::connect(page, &MeterReadPage::saveRequested, page,
                         [page, request](const meter::SwapSetReading &reading,
                                         const QList<meter::CrossCheckWarning> &warnings,
                                         const QString &assetNo) {
                             const auto saved = request.session->addMeterRead(
                                 request.cardId, request.requirement.key, reading, warnings,
                                 assetNo);
                             if (!saved) {
                                 page->showSaveResult(false, saved.error().message);
                                 return;
                             }
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
