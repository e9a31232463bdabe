#pragma once
// Drives the real MainWindow the way a finger would: finds buttons by text or property and
// clicks them with QTest mouse events. Shared by the walk and shell tests.
#include "appcontext.h"
#include "mainwindow.h"
#include "startup.h"

#include <QTemporaryDir>
#include <QWidget>
#include <memory>

class QAbstractButton;

namespace ms::test {

struct App
{
    QTemporaryDir dir;
    Services services;
    std::unique_ptr<AppContext> ctx;
    std::unique_ptr<MainWindow> window;

    // Demo data in a fresh data dir, window shown at 1280×800.
    static std::unique_ptr<App> start(bool demo = true);
};

// Every demo user's PIN (core/store/demodata.cpp, README).
inline QString demoPin() { return QStringLiteral("123456"); }
// Picks `name` on the sign-in page, enters `pin` and waits until the PIN check (which runs off
// the UI thread) is over, whatever its outcome; false when the user is not there or it hangs.
bool signInAs(MainWindow &window, const QString &name, const QString &pin = demoPin());
// Waits until the sign-in page has no PIN check running.
bool waitForPinCheck(MainWindow &window);

// Buttons under `root` that are visible and whose text contains `text` (or property matches).
QAbstractButton *findButton(QWidget *root, const QString &text);
QAbstractButton *findButtonByProperty(QWidget *root, const char *name, const QVariant &value);
QList<QAbstractButton *> buttonsWithProperty(QWidget *root, const char *name);
// Clicks with a real press/release at the button's centre; false when hidden or disabled.
bool tap(QAbstractButton *button);
// Draws a stroke through the points with mouse press/move/release on `w`.
void drawStroke(QWidget *w, const QList<QPoint> &points);
// Writes a real photo-like JPEG of the given size to `path`.
bool writeJpeg(const QString &path, int width, int height);

} // namespace ms::test
