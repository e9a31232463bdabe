#include "meter/meterreadflow.h"

#include "meter/meterreadpage.h"
#include "service/jobsession.h"
#include "store/store.h"
#include "uilog.h"

#include <QCoreApplication>

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
        const auto settings = DeviceSettings(ctx.store).meter();
        const MeterSettings meter = settings ? settings.value() : MeterSettings();
        config.port = meter.port;
        config.kind = meter.link == QLatin1String("rs485") ? meter::LinkKind::Rs485
                                                            : meter::LinkKind::Infrared;
        config.assetRule = AssetAddressRule::fromText(meter.assetRule);
        auto *page = new MeterReadPage(config, memory, parent);
        if (!settings) // the page still reads (the port is picked by hand); it says why
            page->showProblem(QCoreApplication::translate("ms::MeterReadFlow",
                                                          "读不出本机的读表设置：%1。请选择端口后读表。")
                                  .arg(settings.error().message));
        // A port that answered is the one offered next time (a device preference, not a record).
        QObject::connect(page, &MeterReadPage::readFinished, page,
                         [&ctx](const meter::SwapSetReading &reading) {
                             const bool answered = reading.failure == meter::LinkFailure::None;
                             if (!answered || reading.port.isEmpty())
                                 return;
                             // A port not remembered is offered again by hand: not an error
                             // for the reading, which is saved apart from this.
                             if (auto r = DeviceSettings(ctx.store).rememberMeterPort(reading.port);
                                 !r)
                                 qCWarning(lcUi) << "meter port not remembered:"
                                                 << r.error().message;
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
