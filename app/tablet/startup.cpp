#include "startup.h"

#include "appcontext.h"
#include "catalog/catalogloader.h"
#include "store/demodata.h"
#include "uilog.h"

#include <QCoreApplication>

namespace ms {

Result<Services> startServices(const StartupOptions &options)
{
    Services s;
    StoreOptions so;
    so.dataDir = options.dataDir;
    auto store = Store::open(so);
    if (!store)
        return store.error();
    s.store = std::move(store).value();

    if (options.demo) {
        auto demo = loadDemoData(*s.store);
        if (!demo)
            return demo.error();
    }

    // Catalog: --catalog, else the saved folder, else built in. A folder with problems is not
    // used (the built-in one is), and the person is told why.
    DeviceSettings settings(*s.store);
    QString dir = options.catalogDir;
    if (dir.isEmpty()) {
        auto saved = settings.catalogDir();
        if (!saved)
            return saved.error();
        dir = saved.value();
    }
    s.catalog = std::make_unique<Catalog>();
    if (!dir.isEmpty()) {
        CatalogLoad load = CatalogLoader::load(dir);
        if (load.ok()) {
            *s.catalog = std::move(load.catalog);
            s.catalogRoot = dir;
        } else {
            s.catalogNotice = QCoreApplication::translate(
                                  "ms::Startup", "卡片目录 %1 有 %n 处问题，暂用内置卡片。第一处：%2",
                                  nullptr, int(load.problems.size()))
                                  .arg(dir, load.problems.first().toString());
        }
    }
    if (s.catalogRoot.isEmpty()) {
        CatalogLoad load = CatalogLoader::load(CatalogLoader::builtInRoot());
        if (!load.ok())
            qCWarning(lcUi) << "built-in catalog has" << load.problems.size() << "problems, first:"
                            << load.problems.first().toString();
        *s.catalog = std::move(load.catalog);
        s.catalogRoot = CatalogLoader::builtInRoot();
    }
    s.workflow = std::make_unique<Workflow>(*s.catalog);

    s.language = std::make_unique<LanguageSwitcher>();
    QString lang = options.language;
    if (lang.isEmpty()) {
        auto saved = settings.language();
        if (!saved)
            return saved.error();
        lang = saved.value();
    }
    s.language->setLanguage(lang);
    return s;
}

} // namespace ms
