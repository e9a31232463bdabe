#pragma once
// A throw-away copy of tests/data/catalog/minimal in a QTemporaryDir, changed by the operations of
// a case file in tests/data/catalog/broken/ (see README there).
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

namespace ms::test {

class CatalogFixture
{
public:
    CatalogFixture(); // copies the minimal catalog
    QString root() const { return m_dir.path(); }
    // Applies {"ops": [...]}; returns an empty string or what went wrong.
    QString apply(const QJsonObject &testCase);
    QString setJson(const QString &file, const QString &pointer, const QJsonValue &value);
    QString removeJson(const QString &file, const QString &pointer);
    void writeText(const QString &file, const QByteArray &text);

private:
    QTemporaryDir m_dir;
};

QString minimalCatalogDir();
QString brokenCasesDir();

} // namespace ms::test
