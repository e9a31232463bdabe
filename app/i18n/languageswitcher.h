#pragma once
// Runtime language switch: zh_CN is the source language (no translator), English comes from
// meterswap_en.qm compiled in from resources/translations/meterswap_en.ts. Built into its own
// library (meterswap_i18n, QtCore only) so the tablet and the command-line programs
// (meterswapctl, meterswap-office) load the same translation the same way.
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
    // The language a command-line program speaks: $MS_LANG when it names one of available(),
    // else the system locale's (an English locale → en; anything else, C/POSIX included →
    // zh_CN, the product's language).
    static QString fromEnvironment();
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
