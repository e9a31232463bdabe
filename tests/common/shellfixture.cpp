#include "common/shellfixture.h"

#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/signinpage.h"
#include "widgets/evidenceslot.h"

#include <QApplication>
#include <QImage>
#include <QSet>

namespace ms::test {

void ShellTest::SetUp()
{
    app = App::start();
    ASSERT_TRUE(app);
}

Store &ShellTest::store()
{
    return app->ctx->store;
}

void ShellTest::signIn()
{
    ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟")));
    ASSERT_TRUE(page<JobListPage>()) << win().message().toStdString();
}

QWidget *ShellTest::slotOf(CardWalkerPage *walker, const QString &key)
{
    for (auto *slot : walker->findChildren<EvidenceSlot *>())
        if (slot->key() == key)
            return slot;
    ADD_FAILURE() << "no slot " << key.toStdString();
    return walker;
}

void ShellTest::saveScreen(const QString &name)
{
    QApplication::processEvents();
    const QImage img = win().grab().toImage();
    EXPECT_EQ(img.size(), QSize(1280, 800));
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 16)
        for (int x = 0; x < img.width(); x += 16)
            colours.insert(img.pixel(x, y));
    EXPECT_GT(colours.size(), 8) << name.toStdString();
    if (const QString dir = qEnvironmentVariable("MS_SCREENSHOT_DIR"); !dir.isEmpty()) {
        EXPECT_TRUE(img.save(dir + QLatin1Char('/') + name));
    }
}

} // namespace ms::test
