#pragma once
// meterswap-office COMMAND --config FILE: the office's settings in one file
// (packaging/office.conf, installed as /etc/meterswap-office/office.conf), so that the systemd
// unit and the admin commands open the same data. One "key = value" a line, keys being the
// command-line options without "--"; "#" starts a comment.
#include "model/result.h"

#include <QStringList>

namespace ms::server {

// The arguments FILE stands for ("--key", "value", ...; a flag set to true/yes/1 as "--key"),
// to be put before the command line's own, which therefore win. Keys the command has no option
// for are left out (one file serves every command). A key no command knows, a malformed line or
// an unreadable file is an error naming the file and line.
Result<QStringList> configArguments(const QString &path, const QStringList &valueOptions,
                                    const QStringList &flags);

// The --config value in `args` ("--config F" or "--config=F"), "" when absent.
QString configPath(const QStringList &args);

} // namespace ms::server
