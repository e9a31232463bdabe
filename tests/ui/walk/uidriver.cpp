#include "uidriver.h"

#include "pages/signinpage.h"
#include "style.h"

#include <QAbstractButton>
#include <QApplication>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QScrollArea>
#include <QTest>

namespace ms::test {

std::unique_ptr<App> App::start(bool demo)
{
    auto app = std::make_unique<App>();
    style::apply(*qApp); // the real look: sizes matter for taps and screenshots
    StartupOptions o;
    o.dataDir = app->dir.path();
    o.demo = demo;
    o.language = QStringLiteral("zh_CN");
    auto s = startServices(o);
    if (!s) {
        qWarning("start failed: %s", qPrintable(s.error().message));
        return nullptr;
    }
    app->services = std::move(s).value();
    app->ctx = std::make_unique<AppContext>(*app->services.store, *app->services.catalog,
                                            *app->services.workflow, *app->services.language);
    app->ctx->catalogRoot = app->services.catalogRoot;
    app->ctx->cameraEnabled = false;
    app->window = std::make_unique<MainWindow>(*app->ctx);
    app->window->resize(1280, 800);
    app->window->show();
    QApplication::processEvents();
    return app;
}

bool waitForPinCheck(MainWindow &window)
{
    SignInPage *page = window.signInPage();
    return page && QTest::qWaitFor([page] { return !page->isChecking(); }, 20000);
}

bool signInAs(MainWindow &window, const QString &name, const QString &pin)
{
    if (!window.signInPage() || !window.signInPage()->selectUser(name))
        return false;
    window.signInPage()->enterPin(pin);
    return waitForPinCheck(window);
}

QAbstractButton *findButton(QWidget *root, const QString &text)
{
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (b->isVisibleTo(root->window()) && b->text().contains(text))
            return b;
    return nullptr;
}

QAbstractButton *findButtonByProperty(QWidget *root, const char *name, const QVariant &value)
{
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (b->property(name) == value && b->isVisibleTo(root->window()))
            return b;
    return nullptr;
}

QList<QAbstractButton *> buttonsWithProperty(QWidget *root, const char *name)
{
    QList<QAbstractButton *> out;
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (b->property(name).isValid())
            out << b;
    return out;
}

bool tap(QAbstractButton *button)
{
    if (!button || !button->isEnabled())
        return false;
    // QTest delivers the click through the window like a finger: lay out pending changes, then
    // scroll the button into view when it sits in a scroll area.
    QApplication::processEvents();
    for (QWidget *p = button->parentWidget(); p; p = p->parentWidget())
        if (auto *area = qobject_cast<QScrollArea *>(p)) {
            area->ensureWidgetVisible(button, 10, 10);
            QApplication::processEvents();
        }
    const QPoint centre = button->rect().center();
    QWidget *hit = button->window()->childAt(button->mapTo(button->window(), centre));
    if (hit != button && !button->isAncestorOf(hit)) {
        qWarning("tap: %s is covered by %s", qPrintable(button->text()),
                 hit ? hit->metaObject()->className() : "nothing");
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton, {}, centre);
    QApplication::processEvents();
    return true;
}

void drawStroke(QWidget *w, const QList<QPoint> &points)
{
    if (points.isEmpty())
        return;
    QTest::mousePress(w, Qt::LeftButton, {}, points.first());
    for (qsizetype i = 1; i < points.size(); ++i)
        QTest::mouseMove(w, points[i], 5);
    QTest::mouseRelease(w, Qt::LeftButton, {}, points.last());
}

bool writeJpeg(const QString &path, int width, int height)
{
    QImage img(width, height, QImage::Format_RGB32);
    QPainter p(&img);
    QLinearGradient g(0, 0, width, height);
    g.setColorAt(0, QColor(70, 90, 110));
    g.setColorAt(1, QColor(210, 200, 170));
    p.fillRect(img.rect(), g);
    p.setBrush(Qt::white);
    p.drawRect(width / 4, height / 4, width / 2, height / 3); // a "meter"
    p.setPen(Qt::black);
    QFont f;
    f.setPixelSize(height / 12);
    p.setFont(f);
    p.drawText(QRect(width / 4, height / 4, width / 2, height / 3), Qt::AlignCenter,
               QStringLiteral("012345.67"));
    p.end();
    QImageWriter w(path, "jpeg");
    w.setQuality(90);
    return w.write(img);
}

} // namespace ms::test
