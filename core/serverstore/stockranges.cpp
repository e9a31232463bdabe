#include "serverstore/stockranges.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::StockRanges)
};

bool valid(const QString &n, StockKind kind)
{
    static const QRegularExpression meter(QStringLiteral("^[0-9]{10,24}$"));
    static const QRegularExpression seal(QStringLiteral("^[A-Z0-9]{6,16}$"));
    return (kind == StockKind::Meter ? meter : seal).match(n).hasMatch();
}

QString shape(StockKind kind)
{
    return kind == StockKind::Meter ? Tr::tr("表计资产编号应为 10–24 位数字")
                                    : Tr::tr("封印编号应为 6–16 位大写字母或数字");
}

// The trailing digits of `n` (at most 18, so they fit a qint64).
int tailDigits(const QString &n)
{
    int k = 0;
    while (k < n.size() && k < 18 && n.at(n.size() - 1 - k).isDigit())
        ++k;
    return k;
}
} // namespace

Result<QStringList> expandStockNumbers(const QStringList &items, StockKind kind)
{
    QStringList out;
    QSet<QString> seen;
    const auto add = [&](const QString &n) {
        if (!seen.contains(n)) {
            seen.insert(n);
            out << n;
        }
    };
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items.at(i).trimmed();
        if (item.isEmpty())
            continue;
        const QStringList ends = item.split(QLatin1Char('-'));
        if (ends.size() == 1) {
            if (!valid(item, kind))
                return makeError(
                    QStringLiteral("stock.bad_number"),
                    Tr::tr("第 %1 项“%2”不是有效的编号：%3。").arg(i + 1).arg(item, shape(kind)));
            add(item);
            continue;
        }
        const QString from = ends.value(0).trimmed(), to = ends.value(1).trimmed();
        const int k = tailDigits(from);
        if (ends.size() != 2 || !valid(from, kind) || !valid(to, kind) || from.size() != to.size()
            || k == 0 || tailDigits(to) < k || from.left(from.size() - k) != to.left(to.size() - k))
            return makeError(
                QStringLiteral("stock.bad_number"),
                Tr::tr("第 %1 项“%2”不是有效的号段：应为“起号-止号”，两端位数相同、只有末尾数字不同"
                       "（如 BJ0012001-BJ0012300）；%3。")
                    .arg(i + 1)
                    .arg(item, shape(kind)));
        const qint64 first = from.right(k).toLongLong(), last = to.right(k).toLongLong();
        if (last < first || last - first + 1 > kMaxStockRange)
            return makeError(QStringLiteral("stock.bad_number"),
                             Tr::tr("第 %1 项“%2”：止号应不小于起号，一个号段最多 %3 个编号。")
                                 .arg(i + 1)
                                 .arg(item)
                                 .arg(kMaxStockRange));
        const QString prefix = from.left(from.size() - k);
        for (qint64 n = first; n <= last; ++n)
            add(prefix + QStringLiteral("%1").arg(n, k, 10, QLatin1Char('0')));
    }
    return out;
}

} // namespace ms::server
