#define ZX_USE_UTF8 1
#include "media/barcode.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTransform>

#include <ZXing/ReadBarcode.h>

namespace ms {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would land in the namespace.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::Barcode)
};
} // namespace

Result<QList<BarcodeHit>> scanBarcodes(const QImage &image)
{
    if (image.isNull())
        return makeError(QStringLiteral("barcode.no_image"),
                         Tr::tr("没有图像可识别。请重新拍摄或导入铭牌照片。"));
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                int(gray.bytesPerLine()));
    // zxing-cpp 1.4 asserts when it merges several row hits of one linear barcode found by a
    // multi-symbol search (Result::operator== "lineCount() == 1"), so linear codes are read one
    // symbol at a time (upright, then turned 90°), matrix codes (QR, Data Matrix) all at once.
    ZXing::DecodeHints linear;
    linear.setFormats(ZXing::BarcodeFormat::LinearCodes);
    linear.setTryHarder(true);
    linear.setTryRotate(false);
    linear.setMaxNumberOfSymbols(1);
    ZXing::DecodeHints matrix;
    matrix.setFormats(ZXing::BarcodeFormat::MatrixCodes);
    matrix.setTryHarder(true);
    matrix.setTryRotate(true);
    std::vector<ZXing::Result> results;
    const QImage turned = gray.transformed(QTransform().rotate(90));
    const ZXing::ImageView turnedView(turned.constBits(), turned.width(), turned.height(),
                                      ZXing::ImageFormat::Lum, int(turned.bytesPerLine()));
    for (const ZXing::ImageView *v : {&view, &turnedView}) {
        const ZXing::Result r = ZXing::ReadBarcode(*v, linear);
        if (r.isValid()) {
            results.push_back(r);
            break;
        }
    }
    for (const ZXing::Result &r : ZXing::ReadBarcodes(view, matrix))
        results.push_back(r);
    QList<BarcodeHit> hits;
    for (const ZXing::Result &r : results) {
        if (!r.isValid())
            continue;
        BarcodeHit hit;
        hit.text = QString::fromStdString(r.text()).trimmed();
        hit.format = QString::fromStdString(ZXing::ToString(r.format()));
        for (const auto &p : r.position())
            hit.corners.append(QPoint(p.x, p.y));
        hits.append(hit);
    }
    if (hits.isEmpty())
        return makeError(QStringLiteral("barcode.none"),
                         Tr::tr("图像中没有找到可识别的条码。请让条码充满取景框中部、保持稳定、避免反光，"
                            "或导入一张更清晰的铭牌照片。"));
    return hits;
}

AssetAddressRule AssetAddressRule::fromText(const QString &text)
{
    AssetAddressRule rule;
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("contains")) {
        rule.mode = Mode::Contains;
    } else if (t.startsWith(QLatin1String("tail-"))) {
        bool ok = false;
        const int skip = t.mid(5).toInt(&ok);
        if (ok && skip >= 0 && skip <= 8)
            rule.skipTrailing = skip;
    }
    return rule;
}

QString AssetAddressRule::toText() const
{
    if (mode == Mode::Contains)
        return QStringLiteral("contains");
    return skipTrailing ? QStringLiteral("tail-%1").arg(skipTrailing) : QStringLiteral("tail");
}

AssetCheck checkAssetAgainstAddress(const QString &assetNo, const QString &address,
                                    const AssetAddressRule &rule)
{
    AssetCheck check;
    const QString asset = assetNo.trimmed().toUpper();
    const QString addr = address.trimmed().toUpper();
    if (rule.mode == AssetAddressRule::Mode::Contains) {
        check.matches = !addr.isEmpty() && asset.contains(addr);
        check.addressFromAsset = check.matches ? addr : QString();
    } else {
        const qsizetype end = asset.size() - rule.skipTrailing;
        if (end >= rule.addressDigits)
            check.addressFromAsset = asset.mid(end - rule.addressDigits, rule.addressDigits);
        check.matches = !addr.isEmpty() && check.addressFromAsset == addr;
    }
    if (!check.matches) {
        if (check.addressFromAsset.isEmpty() && rule.mode == AssetAddressRule::Mode::Tail)
            check.message = Tr::tr("资产编号 %1 太短，取不出 %2 位通信地址。请重新扫描铭牌上的资产编号条码。")
                                .arg(asset)
                                .arg(rule.addressDigits);
        else
            check.message = Tr::tr("条码资产编号 %1 与读到的通信地址 %2 不对应（规则：%3）。"
                               "请确认探头对准的是这块表、扫描的是这块表的铭牌。")
                                .arg(asset, addr, rule.toText());
    }
    return check;
}

std::optional<BarcodeHit> pickAssetNumber(const QList<BarcodeHit> &hits)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9A-Fa-f]{12,}$"));
    std::optional<BarcodeHit> best;
    for (const BarcodeHit &h : hits) {
        if (digits.match(h.text).hasMatch() && (!best || h.text.size() > best->text.size()))
            best = h;
    }
    return best;
}

} // namespace ms
