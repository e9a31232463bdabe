#include "model/recordchain.h"

#include "model/sha256.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ms::chain {

namespace {
constexpr char kDomain[] = "meterswap-chain-1"; // followed by one 0x00 byte

// ECMAScript Number::toString (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 prescribes.
void appendNumber(QByteArray &out, double d)
{
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    if (d == 0) { // also -0
        out += '0';
        return;
    }
    if (d < 0) {
        out += '-';
        d = -d;
    }
    // Shortest digits that read back as d, in scientific form: "D[.DDD]e[+-]X".
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string_view sci(buf, size_t(r.ptr - buf));
    const size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.')
            digits += c;
    const int exponent = std::stoi(std::string(sci.substr(e + 1)));
    const int k = int(digits.size());
    const int n = exponent + 1; // the decimal point sits after n digits
    if (k <= n && n <= 21) {
        out += QByteArray::fromStdString(digits) + QByteArray(n - k, '0');
    } else if (0 < n && n <= 21) {
        out += QByteArray::fromStdString(digits.substr(0, size_t(n))) + '.'
               + QByteArray::fromStdString(digits.substr(size_t(n)));
    } else if (-6 < n && n <= 0) {
        out += "0." + QByteArray(-n, '0') + QByteArray::fromStdString(digits);
    } else {
        out += digits[0];
        if (k > 1)
            out += '.' + QByteArray::fromStdString(digits.substr(1));
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += QByteArray::number(std::abs(n - 1));
    }
}

void appendString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void append(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Bool: out += v.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: appendNumber(out, v.toDouble()); break;
    case QJsonValue::String: appendString(out, v.toString()); break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            append(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList keys = o.keys();
        // QString::compare orders by UTF-16 code units, as RFC 8785 asks.
        std::sort(keys.begin(), keys.end(),
                  [](const QString &a, const QString &b) { return QString::compare(a, b) < 0; });
        out += '{';
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i)
                out += ',';
            appendString(out, keys.at(i));
            out += ':';
            append(out, o.value(keys.at(i)));
        }
        out += '}';
        break;
    }
    }
}

QByteArray fromHex(const QString &hex) { return QByteArray::fromHex(hex.toLatin1()); }
} // namespace

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    append(out, value);
    return out;
}

QByteArray recordHash(const QString &entity, const QString &uuid, int version, const QString &op,
                      const QJsonObject &payload, const QStringList &blobs)
{
    QStringList files = blobs;
    files.sort();
    files.removeDuplicates();
    const QJsonObject record{{QStringLiteral("blobs"), QJsonArray::fromStringList(files)},
                             {QStringLiteral("entity"), entity},
                             {QStringLiteral("op"), op},
                             {QStringLiteral("payload"), payload},
                             {QStringLiteral("uuid"), uuid},
                             {QStringLiteral("version"), version}};
    Sha256 h;
    h.addData(canonicalJson(record));
    return h.result();
}

QByteArray recordHash(const OutboxEntry &e)
{
    return recordHash(e.entity, e.uuid, e.version, e.op, e.payload, e.blobs);
}

QByteArray genesis() { return QByteArray(32, '\0'); }

QString genesisHex() { return QString(64, QLatin1Char('0')); }

QByteArray linkOf(qint64 n, QByteArrayView prev, QByteArrayView recordHash)
{
    char position[8];
    qToBigEndian(quint64(n), position);
    Sha256 h;
    h.addData(QByteArrayView(kDomain, sizeof kDomain)); // the name and its terminating 0x00
    h.addData(QByteArrayView(position, 8));
    h.addData(prev);
    h.addData(recordHash);
    return h.result();
}

ChainLink makeLink(const OutboxEntry &e, qint64 n, const QString &prevHex, const SigningKey &key)
{
    const QByteArray link = linkOf(n, fromHex(prevHex), recordHash(e));
    return ChainLink{n, prevHex, QString::fromLatin1(link.toHex()),
                     QString::fromLatin1(key.sign(link).toHex())};
}

bool isHex(const QString &s, qsizetype bytes)
{
    if (s.size() != bytes * 2)
        return false;
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
               || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

LinkFault checkLink(const ChainLink &l, QByteArrayView recordHash, QByteArrayView publicKey)
{
    if (l.n == 0)
        return LinkFault::Unsigned;
    if (l.n < 1 || !isHex(l.prev, 32) || !isHex(l.link, 32)
        || !isHex(l.signature, SigningKey::kSignatureBytes))
        return LinkFault::Malformed;
    const QByteArray link = linkOf(l.n, fromHex(l.prev), recordHash);
    if (link != fromHex(l.link))
        return LinkFault::ContentMismatch;
    if (!SigningKey::verify(publicKey, link, fromHex(l.signature)))
        return LinkFault::BadSignature;
    return LinkFault::None;
}

LinkFault checkLink(const OutboxEntry &e, QByteArrayView publicKey)
{
    return checkLink(e.chain, recordHash(e), publicKey);
}

} // namespace ms::chain
