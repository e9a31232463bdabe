#pragma once
// What meterswapctl review and billing share: --server URL, the token (--token-file F, env
// MS_TOKEN, or --token T with a warning), --pin SHA256, and printing the answer or the error.
#include "sync/officeclient.h"

#include <QCommandLineParser>

#include <memory>
#include <optional>

namespace ms::ctl {

// Parses `args` (the sub-command first) with the shared options plus `valueOptions`, `flags`
// and `multiOptions` (given several times, e.g. --item). Prints usage errors itself.
struct OfficeArgs
{
    QCommandLineParser parser;
    std::unique_ptr<sync::OfficeClient> client;
    QString sub;
};
std::optional<int> parseOfficeArgs(OfficeArgs &a, const QString &group, const QStringList &args,
                                   const QStringList &valueOptions, const QStringList &flags = {});

// JSON on stdout, exit 0; or the error on stderr, exit 1.
int printAnswer(const QString &group, const Result<QJsonObject> &answer);
void printError(const QString &group, const QString &message);

} // namespace ms::ctl
