#include "languageswitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>

namespace ms {

namespace {
Q_LOGGING_CATEGORY(lcI18n, "meterswap.i18n", QtWarningMsg)
} // namespace

LanguageSwitcher::LanguageSwitcher(QObject *parent) : QObject(parent) {}

QString LanguageSwitcher::fromEnvironment()
{
    const QString chosen = qEnvironmentVariable("MS_LANG");
    if (available().contains(chosen))
        return chosen;
    if (!chosen.isEmpty())
        qCWarning(lcI18n) << "MS_LANG" << chosen << "is not one of" << available();
    return QLocale::system().language() == QLocale::English ? QStringLiteral("en")
                                                             : QStringLiteral("zh_CN");
}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    const QString lang = available().contains(language) ? language : QStringLiteral("zh_CN");
    if (lang == m_language && (lang == QStringLiteral("zh_CN") || m_installed))
        return true;
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        QCoreApplication::removeTranslator(&m_qtTranslator);
        m_installed = false;
    }
    bool ok = true;
    if (lang != QStringLiteral("zh_CN")) {
        ok = m_translator.load(QStringLiteral(":/i18n/meterswap_%1.qm").arg(lang));
        if (!ok) {
            qCWarning(lcI18n) << "no translation for" << lang;
        } else {
            QCoreApplication::installTranslator(&m_translator);
            if (m_qtTranslator.load(QStringLiteral("qtbase_%1").arg(lang),
                                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(&m_qtTranslator);
            m_installed = true;
        }
    }
    m_language = ok ? lang : QStringLiteral("zh_CN");
    emit changed(m_language);
    return ok;
}

} // namespace ms
