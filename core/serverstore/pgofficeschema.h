#pragma once
// The office's schema migrations on PostgreSQL (pgofficeschema.cpp); the SQLite ones are in
// sqlofficestore.cpp.
#include "store/database.h" // ms::Migration

#include <QList>

namespace ms::server {

const QList<Migration> &pgOfficeMigrations();

} // namespace ms::server
