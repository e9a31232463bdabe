#include "catalog/jsonfields.h"

#include <QCoreApplication>
#include <cmath>

namespace ms::detail {

JsonFields::JsonFields(QList<CatalogProblem> &out, QString file, QString cardId)
    : m_out(out), m_file(std::move(file)), m_cardId(std::move(cardId))
{}

void JsonFields::problem(const QString &field, const QString &message)
{
    m_out.append(CatalogProblem{m_file, m_cardId, field, message});
}

QString JsonFields::typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return CatalogTr::tr("null");
    case QJsonValue::Bool: return CatalogTr::tr("布尔值");
    case QJsonValue::Double: return CatalogTr::tr("数字");
    case QJsonValue::String: return CatalogTr::tr("字符串");
    case QJsonValue::Array: return CatalogTr::tr("数组");
    case QJsonValue::Object: return CatalogTr::tr("对象");
    case QJsonValue::Undefined: break;
    }
    return CatalogTr::tr("缺失");
}

QString JsonFields::join(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

QString JsonFields::string(const QJsonObject &obj, const QString &key, const QString &field,
                           bool required, bool nonEmpty)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        if (required)
            problem(field, CatalogTr::tr("缺少必填字段：请补上（字符串）"));
        return {};
    }
    if (!v.isString()) {
        problem(field, CatalogTr::tr("应为字符串，实际是%1").arg(typeName(v)));
        return {};
    }
    const QString s = v.toString();
    if (nonEmpty && s.trimmed().isEmpty())
        problem(field, CatalogTr::tr("不能为空：请填写内容"));
    return s;
}

std::optional<bool> JsonFields::boolean(const QJsonObject &obj, const QString &key,
                                        const QString &field)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        problem(field, CatalogTr::tr("应为 true 或 false，实际是%1").arg(typeName(v)));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<int> JsonFields::integer(const QJsonObject &obj, const QString &key,
                                       const QString &field, int min, int max)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d)) {
        problem(field, CatalogTr::tr("应为整数，实际是%1").arg(v.isDouble() ? QString::number(d)
                                                                         : typeName(v)));
        return std::nullopt;
    }
    if (d < min || d > max) {
        problem(field, CatalogTr::tr("超出范围：应在 %1 到 %2 之间，实际是 %3")
                           .arg(min).arg(max).arg(QString::number(d)));
        return std::nullopt;
    }
    return static_cast<int>(d);
}

std::optional<double> JsonFields::number(const QJsonObject &obj, const QString &key,
                                         const QString &field)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble()) {
        problem(field, CatalogTr::tr("应为数字，实际是%1").arg(typeName(v)));
        return std::nullopt;
    }
    return v.toDouble();
}

QStringList JsonFields::stringList(const QJsonObject &obj, const QString &key,
                                   const QString &field, bool required, bool nonEmpty)
{
    QStringList out;
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        if (required)
            problem(field, CatalogTr::tr("缺少必填字段：请补上（字符串数组）"));
        return out;
    }
    if (!v.isArray()) {
        problem(field, CatalogTr::tr("应为字符串数组，实际是%1").arg(typeName(v)));
        return out;
    }
    const QJsonArray a = v.toArray();
    if (nonEmpty && a.isEmpty())
        problem(field, CatalogTr::tr("不能为空：这一栏至少写一条"));
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString f = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!a.at(i).isString()) {
            problem(f, CatalogTr::tr("应为字符串，实际是%1").arg(typeName(a.at(i))));
            continue;
        }
        if (a.at(i).toString().trimmed().isEmpty())
            problem(f, CatalogTr::tr("不能为空字符串：请删除这一条或填写内容"));
        out.append(a.at(i).toString());
    }
    return out;
}

QList<QJsonObject> JsonFields::objectList(const QJsonObject &obj, const QString &key,
                                          const QString &field, bool required, bool nonEmpty)
{
    QList<QJsonObject> out;
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        if (required)
            problem(field, CatalogTr::tr("缺少必填字段：请补上（数组）"));
        return out;
    }
    if (!v.isArray()) {
        problem(field, CatalogTr::tr("应为数组，实际是%1").arg(typeName(v)));
        return out;
    }
    const QJsonArray a = v.toArray();
    if (nonEmpty && a.isEmpty())
        problem(field, CatalogTr::tr("不能为空：这一栏至少写一条"));
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isObject()) {
            problem(QStringLiteral("%1[%2]").arg(field).arg(i),
                    CatalogTr::tr("应为对象，实际是%1").arg(typeName(a.at(i))));
            out.append(QJsonObject());
            continue;
        }
        out.append(a.at(i).toObject());
    }
    return out;
}

void JsonFields::rejectUnknown(const QJsonObject &obj, const QStringList &allowed,
                               const QString &prefix)
{
    for (auto it = obj.constBegin(); it != obj.constEnd(); ++it)
        if (!allowed.contains(it.key()))
            problem(join(prefix, it.key()),
                    CatalogTr::tr("未知字段：请检查拼写，允许的字段有 %1")
                        .arg(allowed.join(QStringLiteral(", "))));
}

} // namespace ms::detail
