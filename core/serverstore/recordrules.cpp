#include "serverstore/recordrules.h"

#include <QSet>

namespace ms::server {

namespace {
void collect(const QJsonObject &a, const QJsonObject &b, const QString &prefix,
             const QStringList &ignore, QStringList &out)
{
    QSet<QString> keys;
    for (auto it = a.begin(); it != a.end(); ++it)
        keys.insert(it.key());
    for (auto it = b.begin(); it != b.end(); ++it)
        keys.insert(it.key());
    for (const QString &key : std::as_const(keys)) {
        if (prefix.isEmpty() && ignore.contains(key))
            continue;
        const QJsonValue va = a.value(key);
        const QJsonValue vb = b.value(key);
        if (va == vb)
            continue;
        if (va.isObject() && vb.isObject())
            collect(va.toObject(), vb.toObject(), prefix + key + QLatin1Char('.'), ignore, out);
        else
            out << prefix + key;
    }
}
} // namespace

bool isOfficeEntity(const QString &entity)
{
    return entity == QLatin1String("task") || entity == QLatin1String("customer");
}

QStringList differingFields(const QJsonObject &a, const QJsonObject &b, const QStringList &ignore)
{
    QStringList out;
    collect(a, b, QString(), ignore, out);
    out.sort();
    return out;
}

} // namespace ms::server
