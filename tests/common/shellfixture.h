#pragma once
// The real tablet app for a UI test: demo data in a fresh data dir, MainWindow shown at
// 1280×800 (ms::test::App), with the helpers the screen tests share. Widgets: link it only into
// UI tests (library meterswap_test_ui, which also carries tests/ui/walk/uidriver).
#include "ui/walk/uidriver.h"

#include <gtest/gtest.h>

namespace ms {
class CardWalkerPage;
class Store;
} // namespace ms

namespace ms::test {

class ShellTest : public ::testing::Test
{
protected:
    void SetUp() override;

    MainWindow &win() { return *app->window; }
    Store &store();
    template<typename T>
    T *page() { return qobject_cast<T *>(win().currentPage()); }

    // Signs in as the demo installer 张伟 (PIN 123456) and checks the job list is shown.
    void signIn();
    // The walker's evidence slot for requirement `key` (fails the test and returns the walker
    // itself when there is none, so a following find comes back empty instead of crashing).
    QWidget *slotOf(CardWalkerPage *walker, const QString &key);
    // Checks the window renders at 1280×800 and is not blank (more than 8 colours on a 16 px
    // grid); with MS_SCREENSHOT_DIR set, saves it there as `name` (the docs' screenshots).
    void saveScreen(const QString &name);

    std::unique_ptr<App> app;
};

} // namespace ms::test
