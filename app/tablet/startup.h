#pragma once
// Everything the app needs before its first window: the store (data dir, demo data), the
// catalog (built in, or a configured folder that validates), the workflow and the language.
// main.cpp and the start-up benchmark both use it.
#include "catalog/catalog.h"
#include "languageswitcher.h"
#include "model/result.h"
#include "store/store.h"
#include "workflow/workflow.h"

#include <memory>

namespace ms {

struct StartupOptions
{
    QString dataDir;     // "" = Store::defaultDataDir()
    bool demo = false;   // load the demo task and users on first run
    QString language;    // "" = the saved setting, else zh_CN
    QString catalogDir;  // "" = the saved setting, else built in
};

struct Services
{
    std::unique_ptr<Store> store;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<Workflow> workflow;
    std::unique_ptr<LanguageSwitcher> language;
    QString catalogRoot;
    QString catalogNotice; // a configured folder that was not used, and why
};

Result<Services> startServices(const StartupOptions &options);

} // namespace ms
