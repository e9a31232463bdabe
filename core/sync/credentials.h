#pragma once
// Where the tablet side takes its office address and device token from, shared by the app,
// meterswapctl and meterswap-office (docs/sync-protocol.md "Tokens and addresses").
//
// A token given as `--token T` is on the command line, which every user of the machine can read
// (ps, /proc): it still works (scripts rely on it) but warns. `--token-file F` (the file's first
// line) and the MS_TOKEN environment variable keep it off the command line.
// No message here or anywhere else ever contains a token.
#include "model/result.h"

#include <QCommandLineParser>

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ms::sync {

inline constexpr char kTokenEnvironment[] = "MS_TOKEN";

struct TokenArguments
{
    std::optional<QString> token;     // --token T
    std::optional<QString> tokenFile; // --token-file F

    // What a parser with the options "token" and "token-file" was given (every program's names).
    static TokenArguments fromParser(const QCommandLineParser &parser);
};

// The token from --token-file, else --token, else $MS_TOKEN; nullopt when none is given.
// Errors ("sync.token_usage", "sync.token_file") name the option or the file, never the token.
// `warnings` gets what the caller should print on stderr (a token on the command line, a token
// file other users may read).
Result<std::optional<QString>> resolveToken(const TokenArguments &args, QStringList *warnings);

// An office address the tablet may send a token to: https://, or http:// to this machine only
// (loopback). Error "sync.insecure_server" or "sync.bad_server", saying what to do.
Result<void> checkServerUrl(const QUrl &server);

} // namespace ms::sync
