#include "workflow/valuevalidator.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace ms {

namespace {

// lupdate files Tr::tr() under this context; a free tr() helper would land in the namespace.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ValueValidator)
};

QString num(double v)
{
    return QString::number(v, 'g', 12);
}

ValueCheck invalid(QString message, ValueCheck c)
{
    c.verdict = ValueCheck::Verdict::Invalid;
    c.message = std::move(message);
    return c;
}

ValueCheck checkNumber(const EvidenceRequirement &r, ValueCheck c)
{
    static const QRegularExpression decimal(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    if (!decimal.match(c.normalized).hasMatch())
        return invalid(Tr::tr("“%1”不是数字：请只输入数字和小数点").arg(c.normalized), c);
    const double v = c.normalized.toDouble();
    c.number = v;
    const qsizetype dot = c.normalized.indexOf(QLatin1Char('.'));
    const qsizetype places = dot < 0 ? 0 : c.normalized.size() - dot - 1;
    if (r.decimals && places > *r.decimals) {
        if (*r.decimals == 0)
            return invalid(Tr::tr("%1 只能是整数：请去掉小数部分").arg(r.label), c);
        return invalid(Tr::tr("%1 最多 %2 位小数：请按表盘显示核对后重新输入")
                           .arg(r.label).arg(*r.decimals), c);
    }
    if (r.min && v < *r.min)
        return invalid(Tr::tr("%1 不能小于 %2 %3：请核对后重新输入").arg(r.label, num(*r.min), r.unit), c);
    if (r.max && v > *r.max)
        return invalid(Tr::tr("%1 不能大于 %2 %3：请核对后重新输入").arg(r.label, num(*r.max), r.unit), c);
    if ((r.plausibleLow && v < *r.plausibleLow) || (r.plausibleHigh && v > *r.plausibleHigh)) {
        c.verdict = ValueCheck::Verdict::Implausible;
        c.message = Tr::tr("%1 为 %2 %3，超出通常范围 %4–%5：请再看一遍表盘，确认无误再保存")
                        .arg(r.label, c.normalized, r.unit,
                             r.plausibleLow ? num(*r.plausibleLow) : QStringLiteral("…"),
                             r.plausibleHigh ? num(*r.plausibleHigh) : QStringLiteral("…"));
    }
    return c;
}

} // namespace

ValueCheck ValueValidator::check(const EvidenceRequirement &r, const QString &text)
{
    ValueCheck c;
    c.normalized = text.trimmed();
    if (c.normalized.isEmpty())
        return invalid(Tr::tr("请填写%1").arg(r.label), c);
    if (r.kind == EvidenceKind::Check) {
        if (c.normalized != QLatin1String("yes") && c.normalized != QLatin1String("no"))
            return invalid(Tr::tr("%1 只能选择“是”或“否”").arg(r.label), c);
        return c;
    }
    if (r.isNumeric()) {
        c.normalized.replace(QChar(0xFF0E), QLatin1Char('.')); // full-width dot from some IMEs
        c = checkNumber(r, c);
        if (c.verdict == ValueCheck::Verdict::Invalid)
            return c;
    }
    if (!r.pattern.isEmpty()) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(r.pattern));
        if (!re.isValid())
            return invalid(Tr::tr("%1 的校验规则有误（%2）：请联系内勤更新作业卡目录")
                               .arg(r.label, re.errorString()), c);
        if (!re.match(c.normalized).hasMatch()) {
            const QString hint = r.patternHint.isEmpty() ? Tr::tr("格式不正确") : r.patternHint;
            return invalid(Tr::tr("%1“%2”不符合要求：应为%3").arg(r.label, c.normalized, hint), c);
        }
    }
    return c;
}

} // namespace ms
