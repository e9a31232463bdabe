#include "tsfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <algorithm>

namespace ms::test {

QString TsMessage::describe() const
{
    QString text = context + QStringLiteral(" | ") + source;
    if (!comment.isEmpty())
        text += QStringLiteral(" (") + comment + QLatin1Char(')');
    return text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

namespace {

// `tsDir` resolves the location file names, which lupdate writes relative to the .ts.
void readMessage(QXmlStreamReader &xml, TsMessage &m, const QDir &tsDir)
{
    m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == QLatin1String("location")) {
            const auto file = xml.attributes().value(QLatin1String("filename"));
            TsLocation loc;
            loc.file = file.isEmpty() && !m.locations.isEmpty()
                           ? m.locations.constLast().file
                           : QDir::cleanPath(tsDir.absoluteFilePath(file.toString()));
            loc.line = xml.attributes().value(QLatin1String("line")).toInt();
            m.locations << loc;
            xml.skipCurrentElement();
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            m.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            m.finished = type.isEmpty();
            if (m.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        m.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                m.translations << xml.readElementText();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
}

} // namespace

TsFile TsFile::read(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = path + QStringLiteral(": ") + file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("TS")) {
        ts.error = path + QStringLiteral(": not a .ts file");
        return ts;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("context")) {
            xml.skipCurrentElement();
            continue;
        }
        QString context;
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                TsMessage m;
                m.context = context;
                readMessage(xml, m, QFileInfo(path).absoluteDir());
                ts.messages << m;
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QHash<QString, qsizetype> TsFile::index() const
{
    QHash<QString, qsizetype> out;
    for (qsizetype i = 0; i < messages.size(); ++i)
        out.insert(messages[i].key(), i);
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(L?[1-9][0-9]?|n)"));
    QStringList out;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ms::test
