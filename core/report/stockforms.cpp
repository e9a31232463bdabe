#include "report/stockforms.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace ms {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::StockForms)
};

// The trailing digits of `n` (at most 18) and what comes before them.
std::pair<QString, qint64> split(const QString &n, int *width)
{
    int k = 0;
    while (k < n.size() && k < 18 && n.at(n.size() - 1 - k).isDigit())
        ++k;
    *width = k;
    return {n.left(n.size() - k), k ? n.right(k).toLongLong() : -1};
}

FormRow row(const QHash<QString, QString> &values, const QStringList &tags = {})
{
    FormRow r;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        r.values.insert(QStringLiteral("col.") + it.key(), it.value());
    r.tags = tags;
    return r;
}
} // namespace

QString compactNumberRanges(QStringList numbers)
{
    std::sort(numbers.begin(), numbers.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    QStringList out;
    for (qsizetype i = 0; i < numbers.size();) {
        int width = 0;
        const auto [prefix, first] = split(numbers.at(i), &width);
        qsizetype j = i;
        while (j + 1 < numbers.size() && first >= 0) {
            int w = 0;
            const auto [p, v] = split(numbers.at(j + 1), &w);
            if (p != prefix || w != width || v != first + (j + 1 - i))
                break;
            ++j;
        }
        out << (j == i ? numbers.at(i) : numbers.at(i) + QLatin1Char('-') + numbers.at(j));
        i = j + 1;
    }
    return out.join(QStringLiteral(", "));
}

FormContext stockFormContext(int formNumber, const StockSheet &sheet)
{
    FormContext ctx;
    ctx.values.insert(QStringLiteral("doc.number"), sheet.number);
    const QDateTime at = QDateTime::fromString(sheet.at, Qt::ISODateWithMs);
    ctx.values.insert(QStringLiteral("doc.date"),
                      (at.isValid() ? at.toLocalTime() : QDateTime::currentDateTime())
                          .toString(QStringLiteral("yyyy-MM-dd")));
    ctx.values.insert(QStringLiteral("task.crew"), sheet.crew);
    QStringList meters, seals;
    for (const StockSheetLine &l : sheet.lines)
        (l.kind == QLatin1String("seal") ? seals : meters) << l.number;
    if (formNumber == 6 || formNumber == 7) {
        QList<FormRow> rows;
        const struct
        {
            QString material, unit;
            const QStringList *numbers;
        } parts[] = {{Tr::tr("智能电能表"), Tr::tr("只"), &meters},
                     {Tr::tr("封印"), Tr::tr("枚"), &seals}};
        for (const auto &p : parts) {
            if (p.numbers->isEmpty())
                continue;
            const QString qty = QString::number(p.numbers->size());
            rows << row({{QStringLiteral("material"), p.material},
                         {QStringLiteral("category"), p.material},
                         {QStringLiteral("unit"), p.unit},
                         {QStringLiteral("issued"), qty},
                         {QStringLiteral("qty"), qty},
                         {QStringLiteral("asset_range"), compactNumberRanges(*p.numbers)}});
        }
        ctx.lists.insert(QStringLiteral("stock"), rows);
        if (formNumber == 6) {
            ctx.entries.insert(QStringLiteral("from_store"), Tr::tr("计量库房"));
            ctx.entries.insert(QStringLiteral("to_store"), sheet.crew);
        }
    }
    if (formNumber == 24) {
        QList<FormRow> rows;
        for (const StockSheetLine &l : sheet.lines) {
            const bool old = l.kind == QLatin1String("old_meter");
            const bool seal = l.kind == QLatin1String("seal");
            rows << row(
                {{QStringLiteral("material"), old    ? Tr::tr("拆回旧表")
                                              : seal ? Tr::tr("未用封印")
                                                     : Tr::tr("未用新表")},
                 {QStringLiteral("asset"), l.number},
                 {QStringLiteral("qty"), QStringLiteral("1")},
                 {QStringLiteral("reason"),
                  old ? Tr::tr("换表拆旧（户号 %1）").arg(l.accountNo) : Tr::tr("未用退回")},
                 {QStringLiteral("state"), old ? Tr::tr("待检") : Tr::tr("完好")}},
                {QStringLiteral("swapped")});
        }
        ctx.lists.insert(QStringLiteral("returns"), rows);
    }
    return ctx;
}

} // namespace ms
