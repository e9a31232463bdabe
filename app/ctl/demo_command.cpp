#include "commands.h"

#include "store/demodata.h"
#include "store/store.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QImage>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cstdio>

namespace ms::ctl {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Demo)
};

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

    QByteArray make(quint32 index) const
    {
        QImage img = m_base.copy();
        for (int bit = 0; bit < 32; ++bit) {
            const QRgb c = (index >> bit) & 1 ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
            for (int y = 0; y < 8; ++y)
                for (int x = bit * 8; x < bit * 8 + 8 && x < img.width(); ++x)
                    img.setPixel(x, y, c);
        }
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(85);
        writer.write(img);
        return bytes;
    }

private:
    QImage m_base;
};
} // namespace

// meterswapctl demo seed --data DIR --jobs N --photos-per-job M [--photo-kb K] [--seed S]
int demoCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("seed"), QStringLiteral("seed"));
    for (const char *o : {"data", "jobs", "photos-per-job", "photo-kb", "seed"})
        p.addOption(QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("value")));
    if (!p.parse(QStringList{QStringLiteral("meterswapctl")} + args)
        || p.positionalArguments() != QStringList{QStringLiteral("seed")}) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(Tr::tr("用法：meterswapctl demo seed --data DIR --jobs N --photos-per-job M [--photo-kb K]")));
        return ExitUsage;
    }
    bool okJobs = false, okPhotos = false;
    const int jobs = p.value(QStringLiteral("jobs")).toInt(&okJobs);
    const int photos = p.value(QStringLiteral("photos-per-job")).toInt(&okPhotos);
    const int photoKb = p.isSet(QStringLiteral("photo-kb")) ? p.value(QStringLiteral("photo-kb")).toInt() : 400;
    const quint32 seed = p.isSet(QStringLiteral("seed")) ? p.value(QStringLiteral("seed")).toUInt() : 1;
    if (!okJobs || !okPhotos || jobs < 1 || jobs > 100000 || photos < 0 || photos > 100 || photoKb < 1) {
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("meterswapctl demo seed: --jobs 应为 1…100000，--photos-per-job 应为 0…100")));
        return ExitUsage;
    }
    StoreOptions options;
    options.dataDir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : Store::defaultDataDir();
    auto opened = Store::open(options);
    if (!opened) {
        std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(opened.error().message));
        return ExitFailed;
    }
    Store &store = **opened;
    if (!store.openNotice().message.isEmpty())
        std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(store.openNotice().message));
    auto taskId = generateJobs(store, jobs, seed, Tr::tr("演示任务 %1").arg(seed));
    if (!taskId) {
        std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(taskId.error().message));
        return ExitFailed;
    }
    JobQuery query;
    query.taskId = *taskId;
    query.limit = jobs;
    const QList<JobListItem> items = store.jobs().list(query);
    const PhotoMaker maker(photoKb);
    qint64 bytes = 0;
    quint32 index = seed * 1000003u;
    for (const JobListItem &item : items) {
        QList<NewEvidence> evidence;
        for (int i = 0; i < photos; ++i) {
            NewEvidence e;
            e.record.jobId = item.job.id;
            e.record.cardId = QStringLiteral("21.4");
            e.record.requirement = i == 0 ? QStringLiteral("old_meter_face")
                                          : QStringLiteral("new_meter_installed_%1").arg(i);
            e.record.kind = EvidenceKind::Photo;
            e.record.mime = QStringLiteral("image/jpeg");
            e.data = maker.make(index++);
            bytes += e.data.size();
            evidence << e;
        }
        if (!evidence.isEmpty())
            if (auto added = store.evidence().add(evidence); !added) {
                std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(added.error().message));
                return ExitFailed;
            }
        if (auto done = store.jobs().setStatus(item.job.id, JobStatus::Done); !done) {
            std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(done.error().message));
            return ExitFailed;
        }
    }
    const PendingCounts pending = store.outbox().counts();
    const QJsonObject o{{QStringLiteral("task_id"), *taskId},
                        {QStringLiteral("jobs"), int(items.size())},
                        {QStringLiteral("photos"), int(items.size()) * photos},
                        {QStringLiteral("photo_bytes"), bytes},
                        {QStringLiteral("pending_records"), pending.records},
                        {QStringLiteral("pending_files"), pending.files},
                        {QStringLiteral("pending_bytes"), pending.bytes}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

} // namespace ms::ctl
