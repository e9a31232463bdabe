#include "store/evidencefiles.h"

#include "model/sha256.h"

#include "store/fsync.h"
#include "store/storelog.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ms {

namespace {

// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::EvidenceFiles)
};

constexpr qint64 kChunk = 256 * 1024;
const QLatin1String kTempPrefix("tmp-");

Error osError(int err, const QString &what)
{
    if (err == ENOSPC || err == EDQUOT || err == EFBIG)
        return makeError(QStringLiteral("store.disk_full"),
                         Tr::tr("存储空间已满，%1未能保存，之前的数据都还在。请清理空间（例如先同步再删除旧照片）后重试。")
                             .arg(what));
    return makeError(QStringLiteral("store.io"),
                     Tr::tr("%1未能保存：%2").arg(what, QString::fromLocal8Bit(std::strerror(err))));
}

} // namespace

EvidenceFiles::EvidenceFiles(QString rootDir, WriteFault fault)
    : m_root(std::move(rootDir)), m_fault(std::move(fault))
{
    QDir().mkpath(m_root);
}

QString EvidenceFiles::path(const QString &sha256) const
{
    return m_root + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

bool EvidenceFiles::exists(const QString &sha256) const
{
    return isSha256Hex(sha256) && QFileInfo::exists(path(sha256));
}

qint64 EvidenceFiles::size(const QString &sha256) const
{
    const QFileInfo fi(path(sha256));
    return isSha256Hex(sha256) && fi.exists() ? fi.size() : -1;
}

QString EvidenceFiles::sha256Hex(const QByteArray &data)
{
    return Sha256::hexOf(data);
}

Result<BlobInfo> EvidenceFiles::write(const QByteArray &data)
{
    // Same bytes already stored: nothing to write (content addressing de-duplicates).
    const QString sha = sha256Hex(data);
    if (exists(sha) && size(sha) == data.size())
        return BlobInfo{sha, data.size(), true};
    qint64 pos = 0;
    return writeStream(
        [&](char *buf, qint64 max) {
            const qint64 n = qMin(max, qint64(data.size()) - pos);
            std::memcpy(buf, data.constData() + pos, size_t(n));
            pos += n;
            return n;
        },
        data.size());
}

Result<BlobInfo> EvidenceFiles::writeFile(const QString &sourcePath)
{
    QFile in(sourcePath);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("store.bad_input"),
                         Tr::tr("无法读取文件 %1：%2。请确认文件存在且可读。").arg(sourcePath, in.errorString()));
    bool readFailed = false;
    auto result = writeStream(
        [&](char *buf, qint64 max) {
            const qint64 n = in.read(buf, max);
            if (n < 0)
                readFailed = true;
            return n;
        },
        in.size());
    if (readFailed)
        return makeError(QStringLiteral("store.bad_input"),
                         Tr::tr("读取文件 %1 时出错：%2").arg(sourcePath, in.errorString()));
    return result;
}

Result<BlobInfo> EvidenceFiles::writeStream(const std::function<qint64(char *, qint64)> &read,
                                            qint64 expectedSize)
{
    Q_UNUSED(expectedSize);
    const QString what = Tr::tr("证据文件");
    QByteArray tmpl = QFile::encodeName(m_root + QLatin1Char('/') + kTempPrefix) + "XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return osError(errno, what);
    const QString tmpPath = QFile::decodeName(tmpl);
    auto abandon = [&](int err) {
        ::close(fd);
        ::unlink(tmpl.constData());
        return osError(err, what);
    };

    Sha256 hash;
    QByteArray buf(kChunk, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = read(buf.data(), kChunk);
        if (n < 0)
            return abandon(EIO);
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buf.constData(), n));
        if (m_fault) {
            if (const int err = m_fault(total))
                return abandon(err);
        }
        qint64 off = 0;
        while (off < n) {
            const ssize_t w = ::write(fd, buf.constData() + off, size_t(n - off));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return abandon(errno);
            }
            off += w;
        }
        total += n;
    }
    if (::fsync(fd) != 0)
        return abandon(errno);
    ::close(fd);

    const QString sha = hash.hex();
    const QString target = path(sha);
    const QString dir = QFileInfo(target).absolutePath();
    if (QFileInfo::exists(target) && QFileInfo(target).size() == total) {
        ::unlink(tmpl.constData());
        return BlobInfo{sha, total, true};
    }
    const bool newDir = !QFileInfo::exists(dir);
    if (newDir && !QDir().mkpath(dir)) {
        ::unlink(tmpl.constData());
        return osError(errno ? errno : EIO, what);
    }
    if (::rename(tmpl.constData(), QFile::encodeName(target).constData()) != 0) {
        const int err = errno;
        ::unlink(tmpl.constData());
        return osError(err, what);
    }
    // The rename is durable only once the directory entry is.
    if (!storeutil::fsyncPath(dir) || (newDir && !storeutil::fsyncPath(m_root)))
        qCWarning(lcStore) << "fsync of evidence directory failed:" << dir;
    qCDebug(lcStore) << "stored evidence" << sha << total << "bytes from" << tmpPath;
    return BlobInfo{sha, total, false};
}

Result<void> EvidenceFiles::verify(const QString &sha256) const
{
    QFile f(path(sha256));
    if (!isSha256Hex(sha256) || !f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("store.evidence_missing"),
                         Tr::tr("证据文件 %1 不见了。").arg(sha256));
    Sha256 hash;
    if (!hash.addData(&f))
        return makeError(QStringLiteral("store.evidence_missing"),
                         Tr::tr("证据文件 %1 无法读取：%2").arg(sha256, f.errorString()));
    const QString actual = hash.hex();
    if (actual != sha256)
        return makeError(QStringLiteral("store.evidence_mismatch"),
                         Tr::tr("证据文件 %1 的内容与其哈希不符（实际 %2），文件可能被改动或损坏。")
                             .arg(sha256, actual));
    return {};
}

void EvidenceFiles::discard(const QString &sha256)
{
    if (isSha256Hex(sha256))
        QFile::remove(path(sha256));
}

QString EvidenceFiles::quarantineDir() const
{
    return m_root + QStringLiteral("-quarantine");
}

SweepReport EvidenceFiles::sweep(const SweepPlan &plan)
{
    SweepReport report;
    report.quarantineDir = quarantineDir();
    QStringList temporaries, orphans, reclaim;
    int evidenceFiles = 0;
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo fi = it.fileInfo();
        const QString name = fi.fileName();
        if (name.startsWith(kTempPrefix)) {
            temporaries << fi.absoluteFilePath();
            continue;
        }
        const bool inPlace = isSha256Hex(name) && fi.path().endsWith(name.left(2));
        evidenceFiles += inPlace ? 1 : 0;
        if (inPlace && plan.reclaimable.contains(name))
            reclaim << fi.absoluteFilePath();
        else if (!inPlace || !plan.referenced.contains(name))
            orphans << fi.absoluteFilePath();
    }
    // More orphans than a crash can leave, or a database that names none of the files: the
    // database is not the one these files belong to.
    const bool unaccountable = orphans.size() > kMaxQuarantine
        || (!orphans.isEmpty() && orphans.size() == evidenceFiles);
    if (!plan.touchOrphans || unaccountable) {
        report.leftAsFound = true;
        report.unaccounted = int(orphans.size());
        if (!orphans.isEmpty())
            qCWarning(lcStore) << orphans.size() << "evidence files are named by no record;"
                               << "left in place untouched (the database"
                               << (plan.touchOrphans ? "cannot account for them)" : "is new)");
        return report;
    }
    for (const QString &path : std::as_const(temporaries)) {
        const qint64 bytes = QFileInfo(path).size();
        if (QFile::remove(path)) {
            ++report.temporariesRemoved;
            report.bytesFreed += bytes;
            qCDebug(lcStore) << "sweep removed interrupted write" << path;
        }
    }
    for (const QString &path : std::as_const(reclaim)) {
        const qint64 bytes = QFileInfo(path).size();
        if (QFile::remove(path)) {
            ++report.supersededRemoved;
            report.bytesFreed += bytes;
            qCInfo(lcStore) << "sweep removed superseded evidence confirmed by the office" << path;
        }
    }
    if (!orphans.isEmpty() && !QDir().mkpath(report.quarantineDir)) {
        qCWarning(lcStore) << "cannot create" << report.quarantineDir << "- orphans left in place";
        report.unaccounted = int(orphans.size());
        return report;
    }
    for (const QString &path : std::as_const(orphans)) {
        const QString name = QFileInfo(path).fileName();
        QString target = report.quarantineDir + QLatin1Char('/') + name;
        for (int n = 2; QFileInfo::exists(target); ++n)
            target = report.quarantineDir + QLatin1Char('/') + name + QLatin1Char('.') + QString::number(n);
        if (QFile::rename(path, target)) {
            ++report.orphansQuarantined;
            qCWarning(lcStore) << "evidence file named by no record moved to quarantine:" << path
                               << "->" << target;
        } else {
            ++report.unaccounted;
            qCWarning(lcStore) << "could not move" << path << "to quarantine; left in place";
        }
    }
    if (report.orphansQuarantined > 0)
        storeutil::fsyncPath(report.quarantineDir);
    return report;
}

} // namespace ms
