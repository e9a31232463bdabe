#include "store/transaction.h"

#include "store/database.h"
#include "store/storelog.h"

#include <QCoreApplication>

namespace ms {

namespace {
QString savepointName(int level)
{
    return QStringLiteral("ms_sp%1").arg(level);
}
} // namespace

Transaction::Transaction(Database &db, Lock lock) : m_db(db), m_write(lock == Lock::Write)
{
    m_level = m_db.m_depth + 1;
    const Result<void> begun = m_level == 1
        ? m_db.exec(lock == Lock::Read ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"))
        : m_db.exec(QStringLiteral("SAVEPOINT ") + savepointName(m_level));
    if (!begun) {
        m_error = begun.error();
        return;
    }
    m_open = true;
    m_db.m_depth = m_level;
}

Transaction::~Transaction()
{
    if (m_open)
        rollback();
}

Result<void> Transaction::commit()
{
    if (!m_open)
        return m_error ? *m_error
                       : makeError(QStringLiteral("store.sql"),
                                   QCoreApplication::translate("ms::Database", "事务已结束。"));
    const Result<void> done = m_level == 1
        ? m_db.exec(QStringLiteral("COMMIT"))
        : m_db.exec(QStringLiteral("RELEASE ") + savepointName(m_level));
    if (!done) {
        m_error = done.error();
        rollback();
        return done;
    }
    m_open = false;
    m_db.m_depth = m_level - 1;
    if (m_level == 1) {
        if (m_write)
            ++m_db.m_commits;
        // Run the change notifications registered by every level of this transaction.
        const auto pending = std::exchange(m_db.m_afterCommit, {});
        for (const auto &p : pending)
            p.fn();
    } else {
        for (auto &p : m_db.m_afterCommit)
            if (p.depth > m_db.m_depth)
                p.depth = m_db.m_depth;
    }
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_level == 1) {
        if (auto r = m_db.exec(QStringLiteral("ROLLBACK")); !r)
            qCDebug(lcStore) << "rollback:" << r.error().message; // already rolled back by SQLite
    } else {
        const QString sp = savepointName(m_level);
        (void)m_db.exec(QStringLiteral("ROLLBACK TO ") + sp);
        (void)m_db.exec(QStringLiteral("RELEASE ") + sp);
    }
    m_db.m_depth = m_level - 1;
    m_db.m_afterCommit.removeIf([this](const auto &p) { return p.depth >= m_level; });
}

} // namespace ms
