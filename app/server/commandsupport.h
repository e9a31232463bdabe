#pragma once
// What the meterswap-office commands share: output, option parsing, opening the data directory.
#include "serverstore/evidencepack.h"
#include "serverstore/fileblobstore.h"
#include "serverstore/sqlofficestore.h"

#include <QCommandLineParser>

#include <memory>

namespace ms::server {

void err(const QString &message);   // "meterswap-office: MESSAGE" on stderr
void out(const QByteArray &text);   // stdout, flushed

// Parses `args` with the given value options (and flags) plus --config FILE and --database URL;
// --data is required. On a usage error prints it and returns false.
bool parse(QCommandLineParser &p, const QStringList &args, const QStringList &valueOptions,
           const QStringList &flags = {});

// Servers on one office (PostgreSQL) each write evidence volumes of their own: at most this many.
constexpr int kMaxEvidenceWriters = 64;

struct Opened
{
    std::unique_ptr<SqlOfficeStore> store;
    std::unique_ptr<FileBlobStore> blobs;
};

// The office database: PostgreSQL when `database` names one (postgresql://USER@HOST:PORT/DB,
// several servers share it), else SQLite in DIR/office.db. "office.bad_database" for a
// --database that is not a postgresql:// URL.
Result<std::unique_ptr<SqlOfficeStore>> openStore(const QString &dir, const QString &database);
// --data (evidence, and the SQLite database) and --database as parse() read them. Only `serve`
// writes evidence; the other commands may run beside it and open it read-only.
Result<Opened> openData(const QCommandLineParser &p,
                        EvidencePack::Mode evidence = EvidencePack::Mode::ReadOnly);

// DIR/tls/cert.pem and DIR/tls/key.pem, made by `tls init` and used by `serve` when present.
QString tlsCertPath(const QString &dataDir);
QString tlsKeyPath(const QString &dataDir);

} // namespace ms::server
