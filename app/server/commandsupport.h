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

// Parses `args` with the given value options (and flags); --data is required. On a usage error
// prints it and returns false.
bool parse(QCommandLineParser &p, const QStringList &args, const QStringList &valueOptions,
           const QStringList &flags = {});

struct Opened
{
    std::unique_ptr<SqlOfficeStore> store;
    std::unique_ptr<FileBlobStore> blobs;
};

// Only `serve` writes evidence; the other commands may run beside it and open it read-only.
Result<Opened> openData(const QString &dir, EvidencePack::Mode evidence = EvidencePack::Mode::ReadOnly);

// DIR/tls/cert.pem and DIR/tls/key.pem, made by `tls init` and used by `serve` when present.
QString tlsCertPath(const QString &dataDir);
QString tlsKeyPath(const QString &dataDir);

} // namespace ms::server
