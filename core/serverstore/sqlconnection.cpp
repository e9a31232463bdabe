#include "serverstore/sqlconnection.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace ms::server {

QString SqlConnection::jsonRows(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

QString SqlConnection::jsonList(const QStringList &values)
{
    return jsonRows(QJsonArray::fromStringList(values));
}

Result<void> SqlStatement::run()
{
    while (step()) {
    }
    if (failed())
        return error();
    return {};
}

SqlTransaction::SqlTransaction(SqlConnection &connection, Lock lock)
{
    auto level = connection.begin(lock);
    if (!level)
        m_error = level.error();
    else
        m_level = std::move(level).value();
}

SqlTransaction::~SqlTransaction() = default; // an uncommitted level rolls back

Result<void> SqlTransaction::commit()
{
    if (!m_level)
        return m_error ? *m_error
                       : makeError(QStringLiteral("store.sql"),
                                   QCoreApplication::translate("ms::Database", "事务已结束。"));
    auto done = m_level->commit();
    m_level.reset();
    if (!done)
        m_error = done.error();
    return done;
}

void SqlTransaction::rollback()
{
    if (m_level)
        m_level->rollback();
    m_level.reset();
}

} // namespace ms::server
