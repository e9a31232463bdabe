// libFuzzer target: the office evidence-volume scanner (core/serverstore/evidencepack.h) on any
// bytes as a volume file. The first input byte picks how it is opened: read-only (as `verify`
// does), or as the writer after a crash (every entry re-hashed, the volume cut at the first torn
// one), with or without a clean mark that claims part of the file. The volume lives in a tmpfs.
// Invariants (trap when broken): an entry the writer indexed reads back with its own SHA-256;
// after the writer's recovery a new file can be appended, and a second open finds it and every
// entry the first open found.
#include "model/sha256.h"
#include "serverstore/evidencepack.h"

#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

using namespace ms;
using namespace ms::server;

namespace {
QString scratchDir()
{
    const QString base =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return base + QStringLiteral("/fuzz_evidencepack_%1").arg(::getpid());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::uint8_t how = data[0];
    const QByteArray volume(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static const QString dir = scratchDir();
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    if (!writeFile(dir + QStringLiteral("/pack-000001.msp"), volume))
        return 0;
    if (how & 2) // a clean mark claiming the first (how >> 2) * 16 bytes were synced
        writeFile(dir + QStringLiteral("/clean"),
                  "1 " + QByteArray::number((how >> 2) * 16) + '\n');

    if (!(how & 1)) {
        EvidencePack reader(dir);
        if (reader.open(EvidencePack::Mode::ReadOnly))
            for (const QString &sha : reader.list())
                (void)reader.read(sha);
        return 0;
    }

    QStringList found;
    {
        EvidencePack writer(dir);
        if (!writer.open(EvidencePack::Mode::Writer))
            return 0;
        found = writer.list();
        if (!(how & 2)) // nothing claimed clean: every indexed entry was re-hashed
            for (const QString &sha : found) {
                const auto bytes = writer.read(sha);
                if (!bytes || Sha256::hexOf(*bytes) != sha)
                    __builtin_trap();
            }
        const QByteArray extra = "appended after recovery " + QByteArray::number(qulonglong(size));
        if (!writer.add(Sha256::hexOf(extra), extra))
            __builtin_trap();
        found << Sha256::hexOf(extra);
    }
    EvidencePack again(dir);
    if (!again.open(EvidencePack::Mode::Writer))
        __builtin_trap();
    const QStringList after = again.list();
    for (const QString &sha : found)
        if (!after.contains(sha))
            __builtin_trap();
    return 0;
}
