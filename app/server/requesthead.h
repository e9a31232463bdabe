#pragma once
// The head of one HTTP/1.1 request (request line and header fields), read by the office's front
// layer (edgegate.h) before Qt HttpServer gets to the body. Strict on purpose: whatever this
// parser lets through, Qt HttpServer 6.4 must frame the same way (same end of head, same body
// length), so anything it might read differently is refused instead (docs/decisions/0004-office-edge-gate.md).
#include <QByteArray>
#include <QByteArrayView>

namespace ms::server {

struct RequestHead
{
    QByteArray method;     // "GET", "PUT", …
    QByteArray target;     // as sent: path and query
    QByteArray path;       // target without the query
    qint64 contentLength = 0;
    QByteArray bearer;     // the token after "Authorization: Bearer ", empty when none
    bool expectContinue = false; // "Expect: 100-continue"
};

// Why a head was refused: the HTTP status and a stable code for the error body.
struct HeadProblem
{
    int status = 400;
    QByteArray code;
};

// Bytes Qt HttpServer skips before a request line (left over from the previous request).
bool isLeadingSpace(char c);

// Offset just past the end of the head in `bytes` (which starts at the request line): the first
// "\n\r\n" or "\n\n", as Qt HttpServer 6.4 finds it; -1 while the head is not complete.
qsizetype findHeadEnd(QByteArrayView bytes);

// Parses a complete head. Refuses (400) what a second parser could frame differently: bad
// request line, folded or malformed field lines, a Content-Length that is not plain digits or
// given twice, any Transfer-Encoding (411: a body must declare its length) and Upgrade.
bool parseRequestHead(QByteArrayView head, RequestHead *out, HeadProblem *problem);

} // namespace ms::server
