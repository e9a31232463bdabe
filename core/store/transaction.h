#pragma once
// One transaction per user action (RAII). The outermost Transaction is BEGIN IMMEDIATE ... COMMIT;
// a nested one is a SAVEPOINT, so repository calls compose: wrap several of them in an outer
// Transaction and they commit or roll back together. Not committed when destroyed → rolled back.
//
//   ms::Transaction tx(store.database());
//   if (!tx.ok()) return tx.error();
//   ... repository calls ...
//   return tx.commit();
// Lock::Read opens a deferred transaction instead: every read in it sees one snapshot (in WAL
// mode writers carry on beside it); for several reads that must agree with each other.
#include "model/result.h"

#include <optional>

namespace ms {

class Database;

class Transaction
{
public:
    enum class Lock { Write, Read };
    explicit Transaction(Database &db, Lock lock = Lock::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

    // Commits (or releases the savepoint). On failure everything is rolled back and the error
    // says why ("store.disk_full" when SQLite reports a full disk).
    Result<void> commit();
    void rollback();

private:
    Database &m_db;
    int m_level = 0;          // depth this transaction opened (1 = outermost)
    bool m_open = false;
    bool m_write = true;      // Lock::Write (counted by Database::commitCount at level 1)
    std::optional<Error> m_error;
};

} // namespace ms
