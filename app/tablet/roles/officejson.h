#pragma once
// Reading the office's JSON answers on the office-role screens: a field as text (numbers too),
// and an ISO-8601 time as the clerk's local "yyyy-MM-dd hh:mm" (the text itself when it is not
// one).
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ms::officejson {

inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toVariant().toString();
}

inline QString when(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")) : iso;
}

} // namespace ms::officejson
