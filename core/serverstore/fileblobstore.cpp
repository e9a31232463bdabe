#include "serverstore/fileblobstore.h"

#include "model/sha256.h"
#include "store/fsync.h"

#include <QCoreApplication>
#include <QDir>
#include <QDateTime>
#include <QDirIterator>
#include <QSet>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QLoggingCategory>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcOfficeBlobs, "meterswap.office.blobs", QtWarningMsg)

namespace ms::server {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::FileBlobStore)
};

Error ioError(const QFile &file, const QString &what)
{
    if (file.error() == QFileDevice::ResourceError)
        return makeError(QStringLiteral("blob.disk_full"),
                         Tr::tr("服务器磁盘已满，无法保存证据文件（%1）。请清理服务器磁盘后重试。").arg(what));
    return makeError(QStringLiteral("blob.io"),
                     Tr::tr("无法写入证据文件 %1：%2").arg(what, file.errorString()));
}

Error hashMismatch(const QString &sha256, const QString &actual)
{
    qCWarning(lcOfficeBlobs) << "hash mismatch, discarded" << sha256 << "got" << actual;
    return makeError(QStringLiteral("blob.hash_mismatch"),
                     Tr::tr("文件内容与其 SHA-256 %1 不符（实际为 %2），已丢弃；请重新拍摄或重新发送。")
                         .arg(sha256, actual));
}

Result<QByteArray> hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("blob.io"),
                         Tr::tr("无法读取证据文件 %1：%2").arg(path, file.errorString()));
    Sha256 hash;
    if (!hash.addData(&file))
        return makeError(QStringLiteral("blob.io"), Tr::tr("读取证据文件 %1 时出错").arg(path));
    return hash.hex().toLatin1();
}
} // namespace

FileBlobStore::FileBlobStore(QString rootDir, QString writer)
    : m_root(std::move(rootDir)),
      m_pack(m_root + QStringLiteral("/packs")
             + (writer.isEmpty() ? QString() : QLatin1Char('/') + writer)),
      m_ownDir(m_root + QStringLiteral("/packs")
               + (writer.isEmpty() ? QString() : QLatin1Char('/') + writer))
{
}

FileBlobStore::~FileBlobStore()
{
    if (m_partialLockFd >= 0)
        ::close(m_partialLockFd);
}

// Every other directory of volumes: ROOT/packs itself and ROOT/packs/<writer>, but this store's.
Result<void> FileBlobStore::refreshOthers()
{
    QMutexLocker lock(&m_othersMutex);
    const QString packs = m_root + QStringLiteral("/packs");
    QStringList dirs{packs};
    for (const QString &sub : QDir(packs).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        dirs << packs + QLatin1Char('/') + sub;
    for (const QString &dir : std::as_const(dirs)) {
        if (dir == m_ownDir)
            continue;
        auto it = m_others.find(dir);
        if (it == m_others.end()) {
            auto pack = std::make_unique<EvidencePack>(dir);
            if (auto ok = pack->open(EvidencePack::Mode::ReadOnly); !ok)
                return ok;
            m_others.emplace(dir, std::move(pack));
        } else if (auto ok = it->second->refresh(); !ok) {
            return ok;
        }
    }
    return {};
}

const EvidencePack *FileBlobStore::holder(const QString &sha256)
{
    if (m_pack.size(sha256))
        return &m_pack;
    for (int pass = 0; pass < 2; ++pass) {
        {
            QMutexLocker lock(&m_othersMutex);
            for (const auto &[dir, pack] : m_others)
                if (pack->size(sha256))
                    return pack.get();
        }
        if (pass == 0)
            if (auto ok = refreshOthers(); !ok)
                qCWarning(lcOfficeBlobs)
                    << "reading other servers' evidence volumes:" << ok.error().message;
    }
    return nullptr;
}

Result<void> FileBlobStore::init(EvidencePack::Mode mode)
{
    if (!QDir().mkpath(m_root + QStringLiteral("/partial")))
        return makeError(QStringLiteral("blob.io"), Tr::tr("无法创建证据目录 %1").arg(m_root));
    // The 256 fan-out directories (first two hex digits) are made once, up front: creating a
    // directory on ext4 scans for a block group, which cost ~1 ms per upload while they were
    // still being made on demand.
    QDir root(m_root);
    for (int i = 0; i < 256; ++i) {
        const QString dir = QStringLiteral("%1").arg(i, 2, 16, QLatin1Char('0'));
        if (!root.exists(dir) && !root.mkdir(dir))
            return makeError(QStringLiteral("blob.io"), Tr::tr("无法创建证据目录 %1/%2").arg(m_root, dir));
    }
    if (auto ok = m_pack.open(mode); !ok)
        return ok;
    m_partialLockFd =
        ::open(QFile::encodeName(m_root + QStringLiteral("/partial.lock")).constData(),
               O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_partialLockFd < 0 && mode == EvidencePack::Mode::Writer)
        return makeError(QStringLiteral("blob.io"), Tr::tr("无法创建证据目录 %1").arg(m_root));
    return refreshOthers();
}

QString FileBlobStore::finalPath(const QString &sha256) const
{
    return m_root + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString FileBlobStore::partialPath(const QString &sha256) const
{
    return m_root + QStringLiteral("/partial/") + sha256 + QStringLiteral(".part");
}

QMutex &FileBlobStore::lockFor(const QString &sha256)
{
    return m_stripes[size_t(qHash(sha256) % m_stripes.size())];
}

Result<wire::BlobState> FileBlobStore::state(const QString &sha256)
{
    QMutexLocker lock(&lockFor(sha256));
    return stateLocked(sha256);
}

Result<wire::BlobState> FileBlobStore::stateLocked(const QString &sha256)
{
    if (const EvidencePack *pack = holder(sha256))
        return wire::BlobState{*pack->size(sha256), true};
    const QFileInfo done(finalPath(sha256));
    if (done.exists())
        return wire::BlobState{done.size(), true};
    const QFileInfo part(partialPath(sha256));
    return wire::BlobState{part.exists() ? part.size() : 0, false};
}

QString FileBlobStore::metaPath(const QString &sha256) const
{
    return m_root + QStringLiteral("/partial/") + sha256 + QStringLiteral(".meta");
}

void FileBlobStore::setPartialLimits(qint64 quotaBytes, int expiryDays)
{
    QMutexLocker lock(&m_partials);
    m_partialQuota = quotaBytes;
    m_partialExpiryDays = expiryDays;
}

std::optional<FileBlobStore::PartialMeta> FileBlobStore::readMeta(const QString &sha256) const
{
    QFile file(metaPath(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    PartialMeta meta;
    meta.owner.tokenId = o.value(QStringLiteral("token")).toInteger();
    meta.owner.device = o.value(QStringLiteral("device")).toString();
    meta.total = o.value(QStringLiteral("total")).toInteger();
    return meta;
}

Result<void> FileBlobStore::claimPartial(const QString &sha256, qint64 totalSize,
                                         const UploadOwner &owner)
{
    if (const auto meta = readMeta(sha256)) {
        if (meta->owner.tokenId != owner.tokenId && meta->owner.device != owner.device)
            return makeError(QStringLiteral("blob.partial_foreign"),
                             Tr::tr("文件 %1 正由另一台设备（%2）分块上传，只有它能续传；"
                                    "它若不再上传，此部分会在 %3 天后清除，之后可以重新上传。")
                                 .arg(sha256, meta->owner.device)
                                 .arg(m_partialExpiryDays));
        if (meta->total != totalSize)
            return makeError(QStringLiteral("blob.total_mismatch"),
                             Tr::tr("文件 %1 开始上传时声明为 %2 字节，本次声明为 %3 字节；请从头重新上传。")
                                 .arg(sha256)
                                 .arg(meta->total)
                                 .arg(totalSize));
        return {};
    }
    // A new partial (or one from before owners were kept): the quota counts the declared totals
    // of every unfinished upload of this device.
    QMutexLocker lock(&m_partials);
    qint64 held = 0;
    const QDir dir(m_root + QStringLiteral("/partial"));
    for (const QString &name : dir.entryList({QStringLiteral("*.meta")}, QDir::Files)) {
        const auto other = readMeta(name.chopped(5));
        if (other && other->owner.device == owner.device)
            held += other->total;
    }
    if (held + totalSize > m_partialQuota)
        return makeError(QStringLiteral("blob.partial_quota"),
                         Tr::tr("本设备未完成的分块上传已有 %1 字节，再加 %2 字节会超过每台设备 %3 字节的上限；"
                                "请先完成正在上传的文件，或等办公室清除过期的部分。")
                             .arg(held)
                             .arg(totalSize)
                             .arg(m_partialQuota));
    QSaveFile meta(metaPath(sha256));
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("token"), owner.tokenId},
                                                      {QStringLiteral("device"), owner.device},
                                                      {QStringLiteral("total"), totalSize}})
                                .toJson(QJsonDocument::Compact);
    if (!meta.open(QIODevice::WriteOnly) || meta.write(json) != json.size() || !meta.commit())
        return ioError(QFile(metaPath(sha256)), sha256);
    return {};
}

void FileBlobStore::dropPartial(const QString &sha256)
{
    QFile::remove(partialPath(sha256));
    QFile::remove(metaPath(sha256));
}

int FileBlobStore::expirePartials()
{
    int days = 0;
    {
        QMutexLocker lock(&m_partials);
        days = m_partialExpiryDays;
    }
    const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-days);
    const QDir dir(m_root + QStringLiteral("/partial"));
    QSet<QString> hashes;
    for (const QString &name : dir.entryList({QStringLiteral("*.part"), QStringLiteral("*.meta")}, QDir::Files))
        hashes.insert(name.left(name.lastIndexOf(QLatin1Char('.'))));
    int removed = 0;
    for (const QString &sha : std::as_const(hashes)) {
        QMutexLocker lock(&lockFor(sha));
        const QFileInfo part(partialPath(sha));
        const QFileInfo meta(metaPath(sha));
        const QDateTime touched = std::max(part.exists() ? part.lastModified() : QDateTime(),
                                           meta.exists() ? meta.lastModified() : QDateTime());
        if (touched.isValid() && touched >= before)
            continue;
        qCInfo(lcOfficeBlobs) << "removing an unfinished upload untouched for" << days << "days:" << sha
                              << part.size() << "bytes";
        dropPartial(sha);
        ++removed;
    }
    return removed;
}

namespace {
// Holds an flock for the scope (0 fd: nothing to hold).
struct FileLock
{
    int fd;
    explicit FileLock(int f) : fd(f)
    {
        while (fd >= 0 && ::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    ~FileLock()
    {
        if (fd >= 0)
            ::flock(fd, LOCK_UN);
    }
};
} // namespace

Result<wire::BlobState> FileBlobStore::append(const QString &sha256, qint64 offset, qint64 totalSize,
                                        const QByteArray &bytes, const UploadOwner &owner)
{
    QMutexLocker lock(&lockFor(sha256));
    // A chunk of a partial upload: another server may be appending to the same .part (a client
    // that gave up on one server and resumed on the next), so offset check and write are one
    // step across processes too. A whole file in one request needs no such lock.
    const FileLock partials(offset == 0 && bytes.size() == totalSize ? -1 : m_partialLockFd);
    auto current = stateLocked(sha256);
    if (!current)
        return current.error();
    if (current->complete)
        return *current; // already held: nothing to write (idempotent)
    if (offset != current->offset)
        return makeError(QStringLiteral("blob.offset_mismatch"),
                         Tr::tr("服务器已收到 %1 字节，本次从 %2 字节处开始；请从 %1 处续传。")
                             .arg(current->offset)
                             .arg(offset));
    if (offset + bytes.size() > totalSize)
        return makeError(QStringLiteral("blob.too_large"),
                         Tr::tr("数据超出文件声明的大小 %1 字节").arg(totalSize));
    if (offset == 0 && bytes.size() == totalSize) { // the whole file in one request
        const QString actual = Sha256::hexOf(bytes);
        if (actual != sha256)
            return hashMismatch(sha256, actual);
        auto added = m_pack.add(sha256, bytes);
        if (!added)
            return added.error();
        if (QFileInfo::exists(metaPath(sha256)) || QFileInfo::exists(partialPath(sha256)))
            dropPartial(sha256); // somebody's unfinished upload of it is moot now
        return wire::BlobState{*added, true};
    }
    if (auto claimed = claimPartial(sha256, totalSize, owner); !claimed)
        return claimed.error();
    QFile file(partialPath(sha256));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return ioError(file, sha256);
    if (file.write(bytes) != bytes.size()) {
        const Error error = ioError(file, sha256);
        file.resize(offset); // keep only what was there before this chunk
        return error;
    }
    if (!file.flush())
        return ioError(file, sha256);
    file.close();
    if (offset + bytes.size() < totalSize)
        return wire::BlobState{offset + bytes.size(), false};
    return complete(sha256);
}

Result<wire::BlobState> FileBlobStore::complete(const QString &sha256)
{
    const QString part = partialPath(sha256);
    auto hash = hashFile(part);
    if (!hash)
        return hash.error();
    if (QString::fromLatin1(*hash) != sha256) {
        dropPartial(sha256);
        return hashMismatch(sha256, QString::fromLatin1(*hash));
    }
    const QString target = finalPath(sha256);
    const QString dir = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(QStringLiteral("blob.io"), Tr::tr("无法创建目录 %1").arg(dir));
    if (!storeutil::fsyncPath(part) || ::rename(QFile::encodeName(part).constData(),
                                    QFile::encodeName(target).constData()) != 0)
        return makeError(QStringLiteral("blob.io"), Tr::tr("无法保存证据文件 %1").arg(sha256));
    storeutil::fsyncPath(dir);
    QFile::remove(metaPath(sha256));
    return wire::BlobState{QFileInfo(target).size(), true};
}

Result<void> FileBlobStore::verify(const QString &sha256)
{
    QMutexLocker lock(&lockFor(sha256));
    const auto actualHash = [&]() -> Result<QByteArray> {
        if (const EvidencePack *pack = holder(sha256)) {
            auto bytes = pack->read(sha256);
            if (!bytes)
                return bytes.error();
            return Sha256::hexOf(*bytes).toLatin1();
        }
        const QString path = finalPath(sha256);
        if (!QFileInfo::exists(path))
            return makeError(QStringLiteral("blob.missing"), Tr::tr("证据文件 %1 不存在").arg(sha256));
        return hashFile(path);
    };
    const auto hash = actualHash();
    if (!hash)
        return hash.error();
    if (QString::fromLatin1(*hash) != sha256)
        return makeError(QStringLiteral("blob.corrupt"),
                         Tr::tr("证据文件 %1 已损坏（实际 SHA-256 为 %2）")
                             .arg(sha256, QString::fromLatin1(*hash)));
    return {};
}

Result<QStringList> FileBlobStore::list()
{
    QStringList out = m_pack.list();
    if (auto ok = refreshOthers(); !ok)
        return ok.error();
    {
        QMutexLocker lock(&m_othersMutex);
        for (const auto &[dir, pack] : m_others)
            out << pack->list();
    }
    QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.dir().dirName() != QLatin1String("partial") && isSha256Hex(info.fileName()))
            out << info.fileName();
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

Result<qint64> FileBlobStore::size(const QString &sha256)
{
    if (const EvidencePack *pack = holder(sha256))
        return *pack->size(sha256);
    const QFileInfo info(finalPath(sha256));
    if (!info.exists())
        return makeError(QStringLiteral("blob.missing"), Tr::tr("证据文件 %1 不存在").arg(sha256));
    return info.size();
}

Result<QByteArray> FileBlobStore::read(const QString &sha256)
{
    if (const EvidencePack *pack = holder(sha256))
        return pack->read(sha256);
    QFile file(finalPath(sha256));
    if (!file.exists())
        return makeError(QStringLiteral("blob.missing"), Tr::tr("证据文件 %1 不存在").arg(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("blob.io"),
                         Tr::tr("无法读取证据文件 %1：%2").arg(sha256, file.errorString()));
    return file.readAll();
}


} // namespace ms::server
