#pragma once
// The warehouse workstation's client (issue 15): issue, return and reconciliation over the
// office's /api/v1/office/stock (docs/sync-protocol.md "Office API", Stock), through OfficeDesk
// (asynchronous on the UI thread; the last reconciliation kept in the store). Answers are typed
// here, so the screens never parse JSON.
//
//   StockDesk stock(desk);
//   stock.issue(crew, meterLines, {"SL000001-SL000300"}, this, [](Result<StockMovement> r) { … });
//   stock.reconcile(crew, this, [](Result<StockReport> r, bool cached) { … });
#include "model/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace ms::sync {

class OfficeDesk;

struct StockMovementLine
{
    QString kind; // meter | seal | old_meter
    QString number, crew, jobUuid, accountNo;
};

struct StockMovement
{
    QString uuid, kind, crew, by, at;
    QList<StockMovementLine> lines;
    bool repeated = false;
    int already = 0;
};

struct StockDifferenceRow
{
    QString kind, assetNo, sealNo, crew, jobUuid, detail;
    QString number() const { return assetNo.isEmpty() ? sealNo : assetNo; }
};

struct StockCrewRow
{
    QString crew;
    qint64 issuedMeters = 0, issuedSeals = 0, installedMeters = 0, installedSeals = 0,
           returnedMeters = 0, returnedSeals = 0, onHandMeters = 0, onHandSeals = 0, oldRemoved = 0,
           oldReturned = 0;
};

struct StockReport
{
    QString crew; // "" = the whole task
    qint64 issuedMeters = 0, issuedSeals = 0, installedMeters = 0, installedSeals = 0,
           returnedMeters = 0, returnedSeals = 0, oldRemoved = 0, oldReturned = 0;
    QStringList onHandMeters, onHandSeals, oldOnHand;
    QList<StockCrewRow> crews;
    QList<StockDifferenceRow> differences;
    QDateTime fetchedAt;
};

// The reconciliation as CSV for Excel: UTF-8 with BOM, one row per crew then one per
// difference (columns in docs/sync-protocol.md "Stock").
QByteArray stockReportCsv(const StockReport &report);

class StockDesk
{
public:
    explicit StockDesk(OfficeDesk &desk);

    using MovementDone = std::function<void(const Result<StockMovement> &)>;
    using ReportDone = std::function<void(const Result<StockReport> &, bool cached)>;

    // `meters` / `seals`: numbers or ranges FROM-TO, one per item (blank items are skipped).
    void issue(const QString &crew, const QStringList &meters, const QStringList &seals,
               QObject *context, MovementDone done);
    void returnStock(const QStringList &meters, const QStringList &seals, QObject *context,
                     MovementDone done);
    // crew "" = the whole task. `done` may run twice: the kept answer, then the office's.
    void reconcile(const QString &crew, QObject *context, ReportDone done);

private:
    void post(const QString &path, const QJsonObject &body, QObject *context, MovementDone done);
    OfficeDesk &m_desk;
};

} // namespace ms::sync
