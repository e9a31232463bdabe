#include "service/demoseed.h"

#include "service/fieldwalk.h"
#include "service/jobsession.h"
#include "store/demodata.h"
#include "store/store.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QRandomGenerator>

#include <cmath>

namespace ms {

namespace {

// A real JPEG of roughly `targetKb` KB: a noisy photo-like image, made unique by `index`
// (a band of pixels encodes it), so every photo has its own SHA-256.
class PhotoMaker
{
public:
    explicit PhotoMaker(int targetKb)
    {
        // This noise costs about 0.45 byte per pixel at quality 85; width:height = 4:3.
        const double pixels = std::max(16.0, targetKb * 1024.0 / 0.45);
        const int w = std::max(64, int(std::sqrt(pixels * 4.0 / 3.0)));
        const int h = std::max(48, w * 3 / 4);
        m_base = QImage(w, h, QImage::Format_RGB32);
        QRandomGenerator rng(20261105);
        for (int y = 0; y < h; ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_base.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const int g = 60 + (x * 120) / w + int(rng.bounded(70));
                line[x] = qRgb(g, std::min(255, g + int(rng.bounded(40))), 200 - g / 2);
            }
        }
    }

    ProcessedPhoto make(quint32 index) const
    {
        QImage img = m_base.copy();
        for (int bit = 0; bit < 32; ++bit) {
            const QRgb c = (index >> bit) & 1 ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
            for (int y = 0; y < 8; ++y)
                for (int x = bit * 8; x < bit * 8 + 8 && x < img.width(); ++x)
                    img.setPixel(x, y, c);
        }
        ProcessedPhoto photo;
        QBuffer buffer(&photo.jpeg);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(85);
        writer.write(img);
        photo.size = img.size();
        photo.originalSize = img.size();
        return photo;
    }

private:
    QImage m_base;
};

// The card the photos go on, and its photo requirements taken in turn.
const QLatin1String kCard("21.4");
const QStringList kPhotoKeys = {QStringLiteral("new_meter_installed"), QStringLiteral("box_after")};

} // namespace

Result<DemoSeedReport> seedDemoJobs(Store &store, const Catalog &catalog, const Workflow &workflow,
                                    const DemoSeedOptions &options)
{
    DemoSeedReport report;
    auto taskId = generateJobs(store, options.jobs, options.seed, options.taskName);
    if (!taskId)
        return taskId.error();
    report.taskId = taskId.value();
    auto items = store.jobs().list(JobQuery().inTask(report.taskId).page(options.jobs));
    if (!items)
        return items.error();
    const PhotoMaker maker(options.photoKb);
    quint32 index = options.seed * 1000003u;
    for (const JobListItem &item : items.value()) {
        auto session = JobSession::open(store, catalog, workflow, Actor{}, item.job.id);
        if (!session)
            return session.error();
        for (int i = 0; i < options.photosPerJob; ++i) {
            const ProcessedPhoto photo = maker.make(index++);
            auto added =
                session.value()->addPhoto(kCard, kPhotoKeys.at(i % kPhotoKeys.size()), photo);
            if (!added)
                return added.error();
            report.photoBytes += photo.jpeg.size();
            ++report.photos;
        }
        if (options.complete) {
            const FieldWalk walk(catalog, [&](const QString &, const QString &, int) {
                const ProcessedPhoto photo = maker.make(index++);
                report.photoBytes += photo.jpeg.size();
                ++report.photos;
                return photo;
            });
            auto walked = walk.run(*session.value());
            if (!walked)
                return walked.error();
            if (session.value()->job().submission >= 1)
                ++report.submitted;
        }
        ++report.jobs;
    }
    return report;
}

} // namespace ms
