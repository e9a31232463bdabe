#include "catalogfixture.h"

#include "common/testenv.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ms::test {

QString minimalCatalogDir() { return testDataDir() + QStringLiteral("/catalog/minimal"); }
QString brokenCasesDir() { return testDataDir() + QStringLiteral("/catalog/broken"); }

CatalogFixture::CatalogFixture()
{
    const QString src = minimalCatalogDir();
    QDirIterator it(src, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString rel = QDir(src).relativeFilePath(from);
        QDir().mkpath(QFileInfo(root() + QLatin1Char('/') + rel).path());
        QFile::copy(from, root() + QLatin1Char('/') + rel);
    }
}

namespace {

// Sets (or, with `remove`, deletes) the value at a JSON pointer ("/cards/0/steps", "-" appends).
bool edit(QJsonValue &node, QStringList path, const QJsonValue &value, bool remove)
{
    const QString key = path.takeFirst();
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        if (path.isEmpty()) {
            if (remove)
                o.remove(key);
            else
                o.insert(key, value);
        } else {
            QJsonValue child = o.value(key);
            if (!edit(child, path, value, remove))
                return false;
            o.insert(key, child);
        }
        node = o;
        return true;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        if (path.isEmpty() && key == QLatin1String("-") && !remove) {
            a.append(value);
        } else {
            bool ok = false;
            const int i = key.toInt(&ok);
            if (!ok || i < 0 || i >= a.size())
                return false;
            if (path.isEmpty()) {
                if (remove)
                    a.removeAt(i);
                else
                    a.replace(i, value);
            } else {
                QJsonValue child = a.at(i);
                if (!edit(child, path, value, remove))
                    return false;
                a.replace(i, child);
            }
        }
        node = a;
        return true;
    }
    return false;
}

QString editFile(const QString &path, const QString &pointer, const QJsonValue &value, bool remove)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read ") + path;
    QJsonValue root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    if (!edit(root, pointer.mid(1).split(QLatin1Char('/')), value, remove))
        return QStringLiteral("bad pointer ") + pointer;
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot write ") + path;
    f.write(QJsonDocument(root.toObject()).toJson());
    return {};
}

} // namespace

QString CatalogFixture::setJson(const QString &file, const QString &pointer, const QJsonValue &value)
{
    return editFile(root() + QLatin1Char('/') + file, pointer, value, false);
}

QString CatalogFixture::removeJson(const QString &file, const QString &pointer)
{
    return editFile(root() + QLatin1Char('/') + file, pointer, {}, true);
}

void CatalogFixture::writeText(const QString &file, const QByteArray &text)
{
    QFile f(root() + QLatin1Char('/') + file);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(text);
}

QString CatalogFixture::apply(const QJsonObject &testCase)
{
    for (const QJsonValue &v : testCase.value(QStringLiteral("ops")).toArray()) {
        const QJsonObject op = v.toObject();
        const QString kind = op.value(QStringLiteral("op")).toString();
        const QString file = op.value(QStringLiteral("file")).toString();
        const QString path = op.value(QStringLiteral("path")).toString();
        QString err;
        if (kind == QLatin1String("set"))
            err = setJson(file, path, op.value(QStringLiteral("value")));
        else if (kind == QLatin1String("remove"))
            err = removeJson(file, path);
        else if (kind == QLatin1String("text"))
            writeText(file, op.value(QStringLiteral("text")).toString().toUtf8());
        else if (kind == QLatin1String("delete"))
            QFile::remove(root() + QLatin1Char('/') + file);
        else
            err = QStringLiteral("unknown op ") + kind;
        if (!err.isEmpty())
            return err;
    }
    return {};
}

} // namespace ms::test
