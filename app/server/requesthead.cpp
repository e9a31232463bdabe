#include "requesthead.h"

#include <QList>

namespace ms::server {

namespace {
// Fewer and shorter than Qt's own header parser takes (100 fields of 8 KiB): past its limits it
// stops parsing half-way and could miss a Content-Length that this parser saw.
constexpr int kMaxFields = 64;
constexpr qsizetype kMaxLine = 8000;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isFieldValue(QByteArrayView s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

bool fail(HeadProblem *problem, int status, const char *code)
{
    problem->status = status;
    problem->code = code;
    return false;
}

bool parseRequestLine(QByteArrayView line, RequestHead *out)
{
    const qsizetype a = line.indexOf(' ');
    const qsizetype b = a < 0 ? -1 : line.indexOf(' ', a + 1);
    if (a <= 0 || b <= a + 1 || line.indexOf(' ', b + 1) >= 0)
        return false;
    const QByteArrayView method = line.first(a);
    const QByteArrayView target = line.sliced(a + 1, b - a - 1);
    const QByteArrayView version = line.sliced(b + 1);
    if (!isToken(method) || (version != "HTTP/1.1" && version != "HTTP/1.0"))
        return false;
    for (char c : target)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return false;
    if (!target.startsWith('/'))
        return false;
    out->method = method.toByteArray();
    out->target = target.toByteArray();
    const qsizetype query = target.indexOf('?');
    out->path = (query < 0 ? target : target.first(query)).toByteArray();
    return true;
}
} // namespace

bool isLeadingSpace(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v';
}

qsizetype findHeadEnd(QByteArrayView bytes)
{
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        if (bytes[i] != '\n')
            continue;
        if (bytes[i + 1] == '\n')
            return i + 2;
        if (bytes[i + 1] == '\r' && i + 2 < bytes.size() && bytes[i + 2] == '\n')
            return i + 3;
    }
    return -1;
}

bool parseRequestHead(QByteArrayView head, RequestHead *out, HeadProblem *problem)
{
    *out = {};
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the empty line that ends the head
        if (line.size() > kMaxLine || line.contains('\r'))
            return fail(problem, 431, "edge.bad_head");
        lines << line;
        start = end + 1;
    }
    if (lines.isEmpty() || !parseRequestLine(lines.first(), out))
        return fail(problem, 400, "edge.bad_request_line");
    if (lines.size() - 1 > kMaxFields)
        return fail(problem, 431, "edge.too_many_fields");
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return fail(problem, 400, "edge.bad_field"); // also folded lines (leading space)
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (!isFieldValue(value))
            return fail(problem, 400, "edge.bad_field");
        if (name == "content-length") {
            if (haveLength || value.isEmpty() || value.size() > 15)
                return fail(problem, 400, "edge.bad_length");
            for (char c : value)
                if (c < '0' || c > '9')
                    return fail(problem, 400, "edge.bad_length");
            out->contentLength = value.toLongLong();
            haveLength = true;
        } else if (name == "transfer-encoding") {
            return fail(problem, 411, "edge.length_required");
        } else if (name == "upgrade") {
            return fail(problem, 400, "edge.upgrade");
        } else if (name == "connection" && value.toByteArray().toLower().contains("upgrade")) {
            return fail(problem, 400, "edge.upgrade");
        } else if (name == "authorization" && value.startsWith("Bearer ")) {
            out->bearer = trimmed(value.sliced(7)).toByteArray();
        } else if (name == "expect") {
            if (value.toByteArray().toLower() != "100-continue")
                return fail(problem, 417, "edge.expectation");
            out->expectContinue = true;
        }
    }
    return true;
}

} // namespace ms::server
