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

// Translation context of the repositories' messages: call Tr::tr("…") so lupdate files the text
// under ms::Store, the context used at run time (a free tr() helper would land under the caller's
// class or namespace, where the translator never looks).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::Store)
};

inline Error badInput(const QString &message)
{
    return makeError(QStringLiteral("store.bad_input"), message);
}

inline Error notFound(const QString &message)
{
    return makeError(QStringLiteral("store.not_found"), message);
}

// After a step() that returned no row: the read's own error when it failed (a locked or damaged
// database is not "not found"), else `missing`.
template<typename Query>
Error noRow(const Query &q, Error missing)
{
    return q.failed() ? q.error() : std::move(missing);
}

} // namespace ms::storeutil
