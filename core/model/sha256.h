#pragma once
// SHA-256, the name of every evidence file. OpenSSL's implementation (SHA-NI/AVX2 where the CPU
// has them) hashes ~1 GB/s here against ~110 MB/s for QCryptographicHash in Qt 6.4, which
// matters for 12 MP photos on the tablet and for every upload the office verifies.
//
//   ms::Sha256 h; h.addData(chunk); ... QString name = h.hex();
//   QString name = ms::Sha256::hexOf(bytes);
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

class QIODevice;

namespace ms {

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView bytes);
    bool addData(QIODevice *device); // reads to the end; false on a read error
    QByteArray result();             // 32 bytes; the object is spent afterwards
    QString hex();                   // 64 lowercase hex digits

    static QString hexOf(QByteArrayView bytes);

private:
    struct Context;
    Context *m_ctx;
};

// A SHA-256 name as evidence files carry it: 64 lowercase hex digits.
bool isSha256Hex(QStringView text);

} // namespace ms
