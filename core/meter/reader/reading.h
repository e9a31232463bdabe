#pragma once
// What one meter read produced (读表结果): per item the decoded values and the raw frames that
// prove them, plus timings. Plain values; JSON for the command line and evidence meta.
#include "meter/dlt645/common.h"
#include "meter/link/linktypes.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms::meter {

struct ReadValue
{
    QString name;                  // Chinese, from the codec tables
    QString text;                  // "1234.56", "2025-06-01", "0000", ...
    std::optional<double> number;  // set for numbers
    int decimals = 0;
    QString unit;                  // "kWh", "元", "" ...
    bool missing = false;          // the meter filled the field with non-BCD bytes (FFFF ...)
};

struct ItemReading
{
    enum class Status {
        Ok,         // values read
        NotPresent, // "no requested data": this meter does not have it (not a failure)
        Refused,    // the meter answered with another error (password/unauthorised, ...)
        Failed,     // the link gave up (silent, garbled, ...)
    };
    QString key;  // swap-set key ("forward_active") or, for an explicit item, the id
    QString id;   // DI / OAD text ("" for the address step)
    QString name; // display name
    Status status = Status::Failed;
    QList<ReadValue> values;
    QString message;        // for NotPresent/Refused/Failed: what happened and what to try
    QList<RawFrame> frames; // request(s) and reply(ies) of this item
    qint64 elapsedMs = 0;

    static QString statusKey(Status s); // "ok", "not_present", "refused", "failed"
};

struct SwapSetReading
{
    QString port;
    QString linkParams;     // "2400 8E1"
    qint32 baud = 0;
    std::optional<Protocol> protocol;
    QString address;        // 12 digits MSD first
    bool autoDetected = false;
    QList<ItemReading> items;
    QList<RawFrame> frames; // everything on the wire, probes included, in order
    qint64 totalMs = 0;
    double wireMs = 0;      // (bytes sent + received) × bits per byte / baud
    int exchanges = 0;
    LinkFailure failure = LinkFailure::None; // the read as a whole stopped
    QString message;        // why (when failure != None)
    QDateTime startedAt;
    QDateTime finishedAt;

    bool complete() const;  // no link failure and no refused item
    const ItemReading *item(const QString &key) const;
    // The index-th number of an item (forward_active: 0 total, 1..4 tariffs).
    std::optional<double> number(const QString &key, int index = 0) const;
    QString text(const QString &key, int index = 0) const;
    QJsonObject toJson() const;
};

QJsonObject rawFrameJson(const RawFrame &frame);

} // namespace ms::meter

Q_DECLARE_METATYPE(ms::meter::ItemReading)
Q_DECLARE_METATYPE(ms::meter::SwapSetReading)
