#include "service/sealposition.h"

#include <QStringList>

namespace ms {

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
