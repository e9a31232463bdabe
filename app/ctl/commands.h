#pragma once
// Each command group of meterswapctl. `args` excludes the program name and the group word
// (for "meterswapctl frame decode HEX", args = {"decode", "HEX"}).
// Contract (docs/architecture.md): JSON on stdout, human messages on stderr,
// exit 0 success, 1 failed operation, 2 bad usage.
#include <QStringList>

namespace ms::ctl {

enum Exit { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

int catalogCommand(const QStringList &args);
int frameCommand(const QStringList &args);
int meterCommand(const QStringList &args);
int simulateCommand(const QStringList &args);
int formCommand(const QStringList &args);
int syncCommand(const QStringList &args);
int demoCommand(const QStringList &args);
int verifyCommand(const QStringList &args);
int storeCommand(const QStringList &args);
int userCommand(const QStringList &args);
int reviewCommand(const QStringList &args);  // reviewcommand.cpp
int billingCommand(const QStringList &args); // billingcommand.cpp
int stockCommand(const QStringList &args);   // stockcommand.cpp
int jobCommand(const QStringList &args);
int captureCommand(const QStringList &args);

} // namespace ms::ctl
