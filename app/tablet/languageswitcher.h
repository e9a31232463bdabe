#pragma once
// Runtime language switch: zh_CN is the source language (no translator), English comes from
// meterswap_en.qm compiled in from resources/translations/meterswap_en.ts.
#include <QObject>
#include <QString>
#include <QTranslator>

namespace ms {

class LanguageSwitcher : public QObject
{
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    static QStringList available() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }
    QString language() const { return m_language; }
    // Installs the translator for `language` (unknown → zh_CN); emits changed() when it changed.
    bool setLanguage(const QString &language);

signals:
    void changed(const QString &language);

private:
    QString m_language = QStringLiteral("zh_CN");
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    bool m_installed = false;
};

} // namespace ms
