#pragma once
// The sub-commands of meterswap-office. `args` excludes the program name and the command word.
// JSON on stdout, human messages on stderr; exit 0 ok, 1 failed, 2 bad usage.
#include <QStringList>

namespace ms::server {

enum Exit { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

int serveCommand(const QStringList &args);
int tlsCommand(const QStringList &args);
int tokenCommand(const QStringList &args);
int importTaskCommand(const QStringList &args);
int statsCommand(const QStringList &args);
int verifyCommand(const QStringList &args);
int pinResetCodeCommand(const QStringList &args); // pinresetcommand.cpp

} // namespace ms::server
