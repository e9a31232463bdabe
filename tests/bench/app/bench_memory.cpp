// Resident memory while walking a job through the real screens with 50 photos (imported 12 MP
// JPEGs through PhotoPage, shown back as thumbnails in the card walker). Goal ≤ 150 MB. JSON.
#include "appcontext.h"
#include "mainwindow.h"
#include "models/joblistmodel.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/photopage.h"
#include "service/jobsession.h"
#include "startup.h"
#include "style.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>

namespace {

long statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLong();
    return -1;
}

void pump()
{
    // No exec() here: deliver deleteLater() as the running event loop of the app would.
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ms::style::apply(app);
    QTemporaryDir dir;
    ms::StartupOptions o;
    o.dataDir = dir.path();
    o.demo = true;
    auto s = ms::startServices(o);
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return 1;
    }
    ms::AppContext ctx(*s->store, *s->catalog, *s->workflow, *s->language);
    ctx.cameraEnabled = false;
    const QString jpegPath = dir.filePath(QStringLiteral("photo.jpg"));
    {
        QImage img(4000, 3000, QImage::Format_RGB32);
        QPainter p(&img);
        for (int i = 0; i < 300; ++i)
            p.fillRect((i * 211) % 4000, (i * 137) % 3000, 300, 200, QColor::fromHsv(i % 360, 120, 200));
        p.end();
        QImageWriter(jpegPath, "jpeg").write(img);
    }
    ms::MainWindow window(ctx);
    window.show();
    const auto users = s->store->users().list();
    if (!users || users->isEmpty()) {
        std::fprintf(stderr, "no demo users: %s\n",
                     users ? "none" : qPrintable(users.error().message));
        return 1;
    }
    window.signIn(users->first());
    pump();
    const long baseKb = statusKb("VmRSS:");
    auto *list = qobject_cast<ms::JobListPage *>(window.currentPage());
    if (!list || !window.openJob(list->model()->item(0)->job.id))
        return 1;
    // 50 photos spread over the cards that take photos, each through the photo screen.
    const QStringList cards = {QStringLiteral("20.1"), QStringLiteral("21.2"), QStringLiteral("21.3"),
                               QStringLiteral("21.4"), QStringLiteral("21.7"), QStringLiteral("29.1")};
    long peakKb = 0;
    int photos = 0;
    for (int i = 0; photos < 50; ++i) {
        const QString cardId = cards[i % cards.size()];
        window.openCard(cardId);
        pump();
        const ms::Card *card = ctx.catalog.card(cardId);
        QString key;
        for (const auto &r : card->evidence)
            if (r.kind == ms::EvidenceKind::Photo)
                key = r.key;
        window.openEvidence(cardId, key, ms::EvidenceSlot::Action::Photo);
        auto *photo = qobject_cast<ms::PhotoPage *>(window.currentPage());
        if (!photo)
            return 1;
        photo->importFile(jpegPath);
        for (int w = 0; w < 200 && !photo->hasPending(); ++w) {
            QApplication::processEvents();
            QThread::msleep(5);
        }
        if (!photo->keep())
            return 1;
        ++photos;
        pump();
        peakKb = std::max(peakKb, statusKb("VmRSS:"));
        if (photos % 10 == 0)
            std::fprintf(stderr, "after %d photos: RSS %.1f MB\n", photos, statusKb("VmRSS:") / 1024.0);
    }
    std::printf("{\"bench\":\"walk_memory_50_photos\",\"photos\":%d,\"rss_before_job_mb\":%.1f,"
                "\"rss_peak_mb\":%.1f,\"vm_hwm_mb\":%.1f,\"goal_mb\":150}\n",
                photos, baseKb / 1024.0, peakKb / 1024.0, statusKb("VmHWM:") / 1024.0);
    return 0;
}
