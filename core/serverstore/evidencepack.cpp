#include "serverstore/evidencepack.h"

#include "model/sha256.h"
#include "store/fsync.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcOfficeBlobs)

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::EvidencePack)
};

constexpr char kMagic[4] = {'M', 'S', 'P', 'K'};
constexpr quint32 kFormat = 1;

QByteArray header(const QByteArray &rawHash, qint64 size)
{
    QByteArray h(EvidencePack::kHeaderBytes, '\0');
    std::memcpy(h.data(), kMagic, 4);
    qToLittleEndian<quint32>(kFormat, h.data() + 4);
    qToLittleEndian<quint64>(quint64(size), h.data() + 8);
    std::memcpy(h.data() + 16, rawHash.constData(), 32);
    return h;
}

bool parseHeader(const char *h, QByteArray *rawHash, qint64 *size)
{
    if (std::memcmp(h, kMagic, 4) != 0 || qFromLittleEndian<quint32>(h + 4) != kFormat)
        return false;
    *size = qint64(qFromLittleEndian<quint64>(h + 8));
    *rawHash = QByteArray(h + 16, 32);
    return *size >= 0;
}

// pread until `size` bytes are in or the file ends.
bool readAt(int fd, char *into, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t n = ::pread(fd, into, size_t(size), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        into += n;
        size -= n;
        offset += n;
    }
    return true;
}

Error ioError(int err, const QString &what)
{
    if (err == ENOSPC || err == EDQUOT || err == EFBIG)
        return makeError(QStringLiteral("blob.disk_full"),
                         Tr::tr("服务器磁盘已满，无法保存证据文件（%1）。请清理服务器磁盘后重试。").arg(what));
    return makeError(QStringLiteral("blob.io"),
                     Tr::tr("无法写入证据卷 %1：%2").arg(what, QString::fromLocal8Bit(std::strerror(err))));
}

// Writes head then body at `at`, continuing after short writes; 0 or the errno.
int writeAt(int fd, QByteArrayView head, QByteArrayView body, qint64 at)
{
    const qint64 total = head.size() + body.size();
    qint64 done = 0;
    while (done < total) {
        iovec parts[2];
        int count = 0;
        if (done < head.size())
            parts[count++] = {const_cast<char *>(head.data()) + done, size_t(head.size() - done)};
        const qint64 bodyDone = std::max<qint64>(0, done - head.size());
        parts[count++] = {const_cast<char *>(body.data()) + bodyDone, size_t(body.size() - bodyDone)};
        const ssize_t n = ::pwritev(fd, parts, count, at + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : ENOSPC;
        done += n;
    }
    return 0;
}

} // namespace

struct EvidencePack::Fd
{
    int fd = -1;
    bool failed = false; // a sync failed (guarded by m_syncMutex)
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

EvidencePack::EvidencePack(QString dir, qint64 volumeBytes)
    : m_dir(std::move(dir)), m_volumeBytes(std::max<qint64>(volumeBytes, kHeaderBytes + 1)),
      m_sync(&::fdatasync)
{
}

EvidencePack::~EvidencePack()
{
    if (m_mode == Mode::Writer)
        writeCleanMark();
    m_writer.reset();
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
}

QString EvidencePack::volumePath(int number) const
{
    return m_dir + QStringLiteral("/pack-%1.msp").arg(number, 6, 10, QLatin1Char('0'));
}

Result<void> EvidencePack::open(Mode mode)
{
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_dir))
        return makeError(QStringLiteral("pack.io"), Tr::tr("无法创建证据卷目录 %1").arg(m_dir));
    if (mode == Mode::Writer) {
        m_lockFd = ::open(QFile::encodeName(m_dir + QStringLiteral("/lock")).constData(),
                          O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_lockFd < 0 || ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0)
            return makeError(QStringLiteral("pack.busy"),
                             Tr::tr("证据卷 %1 正由另一个 meterswap-office serve 写入；同一数据目录只能运行一个服务，"
                                    "请先停止那个服务。").arg(m_dir));
    }
    static const QRegularExpression name(QStringLiteral("^pack-(\\d{6})\\.msp$"));
    for (const QString &file : QDir(m_dir).entryList({QStringLiteral("pack-*.msp")}, QDir::Files, QDir::Name)) {
        const auto m = name.match(file);
        if (m.hasMatch())
            m_volumes.push_back(m.captured(1).toInt());
    }
    // The clean mark names the newest volume and how much of it a clean close had synced.
    qint64 verifiedFrom = 0;
    QFile mark(m_dir + QStringLiteral("/clean"));
    if (!m_volumes.empty() && mark.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = mark.readAll().trimmed().split(' ');
        if (parts.size() == 2 && parts.at(0).toInt() == m_volumes.back())
            verifiedFrom = parts.at(1).toLongLong();
    }
    m_openingMode = mode;
    for (size_t i = 0; i < m_volumes.size(); ++i) {
        const bool last = i + 1 == m_volumes.size();
        qint64 from = last && mode == Mode::Writer ? verifiedFrom : -1;
        // A volume left because a sync failed: what came after the last good sync is re-hashed.
        QFile unsynced(unsyncedMarkPath(m_volumes[i]));
        if (unsynced.open(QIODevice::ReadOnly)) {
            bool ok = false;
            const qint64 unsyncedFrom = unsynced.readAll().trimmed().toLongLong(&ok);
            if (ok)
                from = from < 0 ? unsyncedFrom : std::min(from, unsyncedFrom);
        }
        if (auto ok = scanVolume(m_volumes[i], last, from); !ok)
            return ok;
    }
    m_mode = mode;
    if (mode == Mode::Writer && !m_volumes.empty()) {
        auto fd = std::make_shared<Fd>();
        fd->fd = ::open(QFile::encodeName(volumePath(m_volumes.back())).constData(), O_WRONLY | O_CLOEXEC);
        if (fd->fd < 0)
            return ioError(errno, volumePath(m_volumes.back()));
        m_writer = std::move(fd);
        m_writerVolume = m_volumes.back();
    }
    return {};
}

namespace {
// The entry whose header is at `pos`, when its header parses and its body fits in the file
// (written so that no size in a corrupt header can overflow).
bool entryAt(int fd, qint64 pos, qint64 fileSize, QByteArray *raw, qint64 *size)
{
    char h[EvidencePack::kHeaderBytes];
    return pos <= fileSize - EvidencePack::kHeaderBytes
        && readAt(fd, h, EvidencePack::kHeaderBytes, pos) && parseHeader(h, raw, size)
        && *size <= fileSize - pos - EvidencePack::kHeaderBytes;
}

bool bodyMatches(int fd, qint64 pos, qint64 size, const QByteArray &raw)
{
    QByteArray body(size, Qt::Uninitialized);
    if (!readAt(fd, body.data(), size, pos + EvidencePack::kHeaderBytes))
        return false;
    Sha256 hash;
    hash.addData(body);
    return hash.result() == raw;
}

// The next entry after `from` whose header parses and whose bytes hash to its name, or -1.
qint64 nextGoodEntry(int fd, qint64 from, qint64 fileSize)
{
    constexpr qint64 kBlock = 1 << 20;
    QByteArray block;
    for (qint64 at = from; at <= fileSize - EvidencePack::kHeaderBytes; at += kBlock) {
        block.resize(int(std::min(kBlock + 3, fileSize - at)));
        if (!readAt(fd, block.data(), block.size(), at))
            return -1;
        for (qsizetype i = block.indexOf(QByteArrayView(kMagic, 4)); i >= 0 && i < kBlock;
             i = block.indexOf(QByteArrayView(kMagic, 4), i + 1)) {
            QByteArray raw;
            qint64 size = 0;
            if (entryAt(fd, at + i, fileSize, &raw, &size) && bodyMatches(fd, at + i, size, raw))
                return at + i;
        }
    }
    return -1;
}
} // namespace

QString EvidencePack::unsyncedMarkPath(int number) const
{
    return volumePath(number) + QStringLiteral(".unsynced");
}

namespace {
QList<std::pair<qint64, qint64>> damagedRanges(const QString &volume)
{
    QList<std::pair<qint64, qint64>> out;
    QFile f(volume + QStringLiteral(".damaged"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        bool okFrom = false, okTo = false;
        const qint64 from = parts.value(0).toLongLong(&okFrom), to = parts.value(1).toLongLong(&okTo);
        if (parts.size() == 2 && okFrom && okTo && from >= 0 && to > from)
            out.append({from, to});
    }
    return out;
}

Result<void> saveDamagedRanges(const QString &volume, const QList<std::pair<qint64, qint64>> &ranges)
{
    const QString path = volume + QStringLiteral(".damaged");
    QSaveFile f(path);
    QByteArray text;
    for (const auto &[from, to] : ranges)
        text += QByteArray::number(from) + ' ' + QByteArray::number(to) + '\n';
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
        return makeError(QStringLiteral("pack.io"),
                         Tr::tr("无法记录证据卷的损坏位置 %1：%2").arg(path, f.errorString()));
    return {};
}
} // namespace

// Indexes one volume. Entries from verifiedFrom on (>= 0: the newest volume after a crash, or a
// volume whose sync failed) are re-hashed. A damaged entry anywhere is skipped: the scan goes on
// at the next entry whose header parses and whose bytes match their hash, so files stored after
// the damage stay reachable. Only a tail with no good entry in it is cut, and only from the
// newest volume of the writer: nothing there was acknowledged (a sync covers every earlier write).
Result<void> EvidencePack::scanVolume(int number, bool last, qint64 verifiedFrom, qint64 startAt)
{
    const QString path = volumePath(number);
    Fd fd;
    fd.fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd.fd < 0 || ::fstat(fd.fd, &st) != 0)
        return makeError(QStringLiteral("pack.io"), Tr::tr("无法读取证据卷 %1：%2")
                                                        .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const qint64 fileSize = st.st_size;
    if (verifiedFrom > fileSize) // the mark does not fit this volume: trust none of it
        verifiedFrom = 0;
    // Damage found by an earlier hashing scan: a damaged header can still parse, and a scan that
    // trusts headers (read-only, or behind a clean mark) would follow its size into the middle of
    // the next entries. So every scan jumps over the ranges recorded in DIR/pack-N.msp.damaged.
    QList<std::pair<qint64, qint64>> damaged = damagedRanges(path);
    const qsizetype knownDamage = damaged.size();
    qint64 pos = startAt;
    while (pos < fileSize) {
        bool jumped = false;
        for (const auto &[from, to] : std::as_const(damaged))
            if (pos >= from && pos < to) {
                pos = to;
                jumped = true;
            }
        if (jumped)
            continue;
        QByteArray raw;
        qint64 size = 0;
        bool good = entryAt(fd.fd, pos, fileSize, &raw, &size);
        if (good && verifiedFrom >= 0 && pos >= verifiedFrom)
            good = bodyMatches(fd.fd, pos, size, raw);
        if (!good) {
            const qint64 next = nextGoodEntry(fd.fd, pos + 1, fileSize);
            if (next < 0)
                break;
            qCWarning(lcOfficeBlobs) << "evidence volume" << path << "damaged: skipped" << next - pos
                                     << "bytes from" << pos << "to the next intact entry";
            m_skippedBytes += next - pos;
            damaged.append({pos, next});
            pos = next;
            continue;
        }
        m_index.insert(raw, Location{number, pos + kHeaderBytes, size});
        pos += kHeaderBytes + size;
    }
    if (damaged.size() > knownDamage && m_openingMode == Mode::Writer)
        if (auto saved = saveDamagedRanges(path, damaged); !saved)
            return saved;
    if (last)
        m_end = pos;
    m_scanned.insert(number, pos);
    if (pos == fileSize)
        return {};
    if (!last || m_openingMode != Mode::Writer) {
        if (!last) // the newest volume may be mid-write by the serving process
            qCWarning(lcOfficeBlobs) << "evidence volume" << path << "unreadable from byte" << pos;
        return {};
    }
    // Nothing from `pos` on was acknowledged (see the header): cut it so appends continue on a
    // clean end.
    qCWarning(lcOfficeBlobs) << "evidence volume" << path << "torn by a crash: cutting"
                             << fileSize - pos << "unacknowledged bytes from" << pos;
    const int wfd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    const bool cut = wfd >= 0 && ::ftruncate(wfd, pos) == 0 && ::fsync(wfd) == 0;
    const int err = errno;
    if (wfd >= 0)
        ::close(wfd);
    if (!cut)
        return ioError(err, path);
    m_cutBytes += fileSize - pos;
    return {};
}

Result<void> EvidencePack::startVolume(int number)
{
    auto fd = std::make_shared<Fd>();
    fd->fd = ::open(QFile::encodeName(volumePath(number)).constData(),
                    O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd->fd < 0 || !storeutil::fsyncPath(m_dir))
        return ioError(errno, volumePath(number));
    m_volumes.push_back(number);
    m_writer = std::move(fd);
    m_writerVolume = number;
    m_end = 0;
    return {};
}

Result<qint64> EvidencePack::add(const QString &sha256, const QByteArray &bytes)
{
    const QByteArray raw = QByteArray::fromHex(sha256.toLatin1());
    std::shared_ptr<Fd> writer;
    qint64 at = 0;
    int volume = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (m_mode != Mode::Writer)
            return makeError(QStringLiteral("pack.read_only"), Tr::tr("证据卷 %1 以只读方式打开").arg(m_dir));
        if (const auto held = m_index.constFind(raw); held != m_index.cend())
            return held->size;
        const qint64 need = kHeaderBytes + bytes.size();
        if (!m_writer || (m_end > 0 && m_end + need > m_volumeBytes)) {
            if (m_writer && m_sync(m_writer->fd) != 0)
                return ioError(errno, volumePath(m_writerVolume));
            if (auto ok = startVolume(m_volumes.empty() ? 1 : m_volumes.back() + 1); !ok)
                return ok.error();
        }
        if (const int err = writeAt(m_writer->fd, header(raw, bytes.size()), bytes, m_end); err != 0) {
            if (::ftruncate(m_writer->fd, m_end) != 0) // leave no half entry behind
                qCWarning(lcOfficeBlobs) << "could not cut a failed write off" << volumePath(m_writerVolume);
            return ioError(err, volumePath(m_writerVolume));
        }
        writer = m_writer;
        volume = m_writerVolume;
        at = m_end + kHeaderBytes;
        m_end += need;
    }
    {
        // One sync at a time: after a failed sync Linux reports the error to one caller only, and
        // a concurrent sync of the same file could return success for pages that were lost. A
        // sync that waited here usually finds its bytes already written by the one before it.
        QMutexLocker syncing(&m_syncMutex);
        if (writer->failed || m_sync(writer->fd) != 0) {
            const int err = writer->failed ? EIO : errno;
            if (!writer->failed)
                abandonVolume(writer, volume, at - kHeaderBytes);
            return ioError(err, volumePath(volume)); // not indexed: the client sends it again
        }
    }
    QMutexLocker lock(&m_mutex);
    m_index.insert(raw, Location{volume, at, bytes.size()});
    return qint64(bytes.size());
}

// A sync of this volume failed: the page cache can no longer be trusted to hold what was
// written, so no more goes into it. The next file starts a new volume, and the next open
// re-hashes this one from the entry whose sync failed (the .unsynced mark).
void EvidencePack::abandonVolume(const std::shared_ptr<Fd> &writer, int volume, qint64 from)
{
    writer->failed = true;
    qCWarning(lcOfficeBlobs) << "evidence volume" << volumePath(volume) << "could not be synced;"
                             << "continuing in a new volume";
    QSaveFile mark(unsyncedMarkPath(volume));
    if (mark.open(QIODevice::WriteOnly)) {
        mark.write(QByteArray::number(from) + '\n');
        if (mark.commit())
            storeutil::fsyncPath(m_dir);
    }
    QMutexLocker lock(&m_mutex);
    if (m_writer == writer)
        m_writer.reset(); // add() starts the next volume
}

std::optional<EvidencePack::Location> EvidencePack::find(const QString &sha256) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_index.constFind(QByteArray::fromHex(sha256.toLatin1()));
    if (it == m_index.cend())
        return std::nullopt;
    return *it;
}

std::optional<qint64> EvidencePack::size(const QString &sha256) const
{
    const auto at = find(sha256);
    return at ? std::optional<qint64>(at->size) : std::nullopt;
}

Result<QByteArray> EvidencePack::read(const QString &sha256) const
{
    const auto at = find(sha256);
    if (!at)
        return makeError(QStringLiteral("blob.missing"), Tr::tr("证据文件 %1 不存在").arg(sha256));
    const QString path = volumePath(at->volume);
    Fd fd;
    fd.fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    QByteArray bytes(at->size, Qt::Uninitialized);
    if (fd.fd < 0 || !readAt(fd.fd, bytes.data(), at->size, at->offset))
        return makeError(QStringLiteral("blob.io"), Tr::tr("无法从证据卷 %1 读取文件 %2").arg(path, sha256));
    return bytes;
}

Result<void> EvidencePack::refresh()
{
    QMutexLocker lock(&m_mutex);
    if (m_mode != Mode::ReadOnly)
        return {};
    static const QRegularExpression name(QStringLiteral("^pack-(\\d{6})\\.msp$"));
    std::vector<int> found;
    for (const QString &file :
         QDir(m_dir).entryList({QStringLiteral("pack-*.msp")}, QDir::Files, QDir::Name))
        if (const auto m = name.match(file); m.hasMatch())
            found.push_back(m.captured(1).toInt());
    if (found.empty())
        return {};
    const int newest = found.back();
    bool prefixFinished = true;
    for (const int number : found) {
        if (number < m_finishedBelow)
            continue;
        if (std::find(m_volumes.begin(), m_volumes.end(), number) == m_volumes.end()) {
            m_volumes.push_back(number);
            std::sort(m_volumes.begin(), m_volumes.end());
        }
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(volumePath(number)).constData(), &st) != 0)
            continue;
        const qint64 from = m_scanned.value(number, 0);
        if (st.st_size > from)
            if (auto ok = scanVolume(number, number == newest, -1, from); !ok)
                return ok;
        // The writer has moved on to a newer volume and this one is indexed to its end: it is
        // not looked at again (with all before it).
        const bool finished = number < newest && m_scanned.value(number, 0) >= qint64(st.st_size);
        if (finished && prefixFinished)
            m_finishedBelow = number + 1;
        prefixFinished = prefixFinished && finished;
    }
    return {};
}

QStringList EvidencePack::list() const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    out.reserve(m_index.size());
    for (auto it = m_index.cbegin(); it != m_index.cend(); ++it)
        out << QString::fromLatin1(it.key().toHex());
    return out;
}

// Written on a clean close, after a final sync: the newest volume up to m_end needs no re-hash on
// the next open. Stays valid after later appends (volumes only grow), so it is never removed.
void EvidencePack::writeCleanMark()
{
    QMutexLocker lock(&m_mutex);
    if (!m_writer || m_sync(m_writer->fd) != 0)
        return;
    QSaveFile mark(m_dir + QStringLiteral("/clean"));
    if (!mark.open(QIODevice::WriteOnly))
        return;
    mark.write(QByteArray::number(m_writerVolume) + ' ' + QByteArray::number(m_end) + '\n');
    if (mark.commit())
        storeutil::fsyncPath(m_dir);
}

} // namespace ms::server
