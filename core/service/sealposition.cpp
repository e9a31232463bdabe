#include "service/sealposition.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace ms {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::SealPosition)
};
} // namespace

QString sealPositionName(const QString &position)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("terminal_cover"), QT_TRANSLATE_NOOP("ms::SealPosition", "端钮盒")},
        {QStringLiteral("meter_cover"), QT_TRANSLATE_NOOP("ms::SealPosition", "表盖")},
        {QStringLiteral("box"), QT_TRANSLATE_NOOP("ms::SealPosition", "表箱")},
        {QStringLiteral("removed"), QT_TRANSLATE_NOOP("ms::SealPosition", "拆回旧表")},
        {QStringLiteral("concentrator"), QT_TRANSLATE_NOOP("ms::SealPosition", "集中器")},
        {QStringLiteral("concentrator_box"), QT_TRANSLATE_NOOP("ms::SealPosition", "集中器箱")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("ms::SealPosition", "其他")}};
    const char *name = names.value(position);
    return name ? Tr::tr(name) : position;
}

QString sealPosition(const QString &key, qsizetype index)
{
    // The concentrator's seals are the task's, never a meter's.
    if (key.startsWith(QLatin1String("concentrator")))
        return key.contains(QLatin1String("box")) ? QStringLiteral("concentrator_box")
                                                  : QStringLiteral("concentrator");
    // One requirement for several seals ("端钮盒、表盖、表箱"): by the order they are entered.
    static const QStringList byIndex = {QStringLiteral("terminal_cover"),
                                        QStringLiteral("meter_cover"), QStringLiteral("box")};
    if (key == QLatin1String("seal_numbers") || key == QLatin1String("seals"))
        return byIndex.value(index, QStringLiteral("other"));
    if (key.contains(QLatin1String("terminal")))
        return QStringLiteral("terminal_cover");
    if (key.contains(QLatin1String("box")))
        return QStringLiteral("box");
    if (key.contains(QLatin1String("removed")) || key.contains(QLatin1String("old")))
        return QStringLiteral("removed");
    return QStringLiteral("meter_cover");
}

} // namespace ms
