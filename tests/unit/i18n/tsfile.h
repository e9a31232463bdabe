#pragma once
// A Qt Linguist .ts file read into memory: one entry per (context, source, comment).
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms::test {

struct TsLocation
{
    QString file; // absolute path
    int line = 0;
};

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool finished = false;     // no type="unfinished" / "vanished" / "obsolete"
    QStringList translations;  // one, or one per numerus form
    QList<TsLocation> locations; // where lupdate found it (when run with -locations absolute)

    QString key() const { return context + QChar(0x1F) + source + QChar(0x1F) + comment; }
    QString describe() const;  // "context | source" for failure messages
};

struct TsFile
{
    QList<TsMessage> messages;
    QString error; // empty when the file was read

    static TsFile read(const QString &path);
    QHash<QString, qsizetype> index() const; // key() -> position in messages
};

// The %1..%99, %L1 and %n markers of a text, sorted (a multiset).
QStringList placeholders(const QString &text);

} // namespace ms::test
