#pragma once
// Small helpers shared by the repositories (internal to core/store).
#include "model/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace ms::storeutil {

inline QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

inline QString tr(const char *text)
{
    return QCoreApplication::translate("ms::Store", text);
}

inline Error badInput(const QString &message)
{
    return makeError(QStringLiteral("store.bad_input"), message);
}

inline Error notFound(const QString &message)
{
    return makeError(QStringLiteral("store.not_found"), message);
}

} // namespace ms::storeutil
