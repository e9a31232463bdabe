#pragma once
// Internal to core/catalog: typed reads from a QJsonObject that record a precise problem
// (file: card id: field: message) instead of failing, so one pass reports everything.
#include "catalog/catalogloader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ms::detail {

// Translation context of every catalog problem text (lupdate files CatalogTr::tr() under it).
struct CatalogTr
{
    Q_DECLARE_TR_FUNCTIONS(ms::CatalogLoader)
};

class JsonFields
{
public:
    JsonFields(QList<CatalogProblem> &out, QString file, QString cardId = {});

    void setCardId(const QString &id) { m_cardId = id; }
    const QString &file() const { return m_file; }
    void problem(const QString &field, const QString &message);

    // `field` is the full path used in messages ("evidence[2].label"); `key` is looked up in obj.
    QString string(const QJsonObject &obj, const QString &key, const QString &field,
                   bool required, bool nonEmpty = true);
    std::optional<bool> boolean(const QJsonObject &obj, const QString &key, const QString &field);
    std::optional<int> integer(const QJsonObject &obj, const QString &key, const QString &field,
                               int min, int max);
    std::optional<double> number(const QJsonObject &obj, const QString &key, const QString &field);
    QStringList stringList(const QJsonObject &obj, const QString &key, const QString &field,
                           bool required, bool nonEmpty);
    // An array of objects; elements that are not objects are reported and skipped (returned as
    // empty objects so indexes stay aligned with the file).
    QList<QJsonObject> objectList(const QJsonObject &obj, const QString &key, const QString &field,
                                  bool required, bool nonEmpty);
    void rejectUnknown(const QJsonObject &obj, const QStringList &allowed, const QString &prefix);

    static QString typeName(const QJsonValue &v);
    static QString join(const QString &prefix, const QString &key);

private:
    QList<CatalogProblem> &m_out;
    QString m_file;
    QString m_cardId;
};

} // namespace ms::detail
