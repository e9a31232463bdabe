#pragma once
// Nameplate barcodes (铭牌条码): read the asset number (资产编号) from a camera frame or an imported
// photo with zxing-cpp, and check it against the communication address read over the port.
#include "model/result.h"

#include <QImage>
#include <QList>
#include <QPoint>
#include <QString>

#include <optional>

namespace ms {

struct BarcodeHit
{
    QString text;      // decoded content (digits for an asset number)
    QString format;    // "Code128", "QRCode", ...
    QList<QPoint> corners; // in image coordinates
};

// Every barcode found (1D and QR; rotated images too). Error "barcode.none" when nothing is
// readable, with what to try (closer, steadier, light, import a sharper photo).
Result<QList<BarcodeHit>> scanBarcodes(const QImage &image);

// How the 12-digit communication address relates to the asset number. The usual State Grid rule:
// the address is the last 12 digits (`skipTrailing` 0), some provinces append a check digit
// (`skipTrailing` 1). `Contains` accepts the address anywhere in the asset number.
struct AssetAddressRule
{
    enum class Mode { Tail, Contains };
    Mode mode = Mode::Tail;
    int skipTrailing = 0; // digits after the address (check digits)
    int addressDigits = 12;

    static AssetAddressRule fromText(const QString &text); // "tail", "tail-1", "contains"
    QString toText() const;
};

struct AssetCheck
{
    bool matches = false;
    QString addressFromAsset; // what the rule takes from the asset number ("" if too short)
    QString message;          // translated; empty when it matches
};

// Compares an asset number (barcode) with an address read from the meter (12 digits MSD first).
AssetCheck checkAssetAgainstAddress(const QString &assetNo, const QString &address,
                                    const AssetAddressRule &rule = {});
// The hit that looks like an asset number (longest digit string of at least 12 digits).
std::optional<BarcodeHit> pickAssetNumber(const QList<BarcodeHit> &hits);

} // namespace ms
