#include "LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace MicroShop {

namespace {

const QString settingsKey = QStringLiteral("ui/language");

} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{}

QStringList LanguageManager::languages()
{
    return {followSystem, QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString LanguageManager::effectiveLanguage() const
{
    if (m_language != followSystem)
        return m_language;
    // Any Chinese system locale gets the zh_CN translation: it is the one Chinese we ship.
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

void LanguageManager::setLanguage(const QString &language)
{
    apply(language);
    QSettings().setValue(settingsKey, m_language);
    emit languageChanged(m_language);
}

void LanguageManager::restore()
{
    // Nothing written back: the start reads the settings only (writing the file anew is a sync
    // to the disk on every start), and an override from the environment stays an override.
    const QString forced = qEnvironmentVariable("MICROSHOP_LANGUAGE");
    apply(!forced.isEmpty() ? forced : QSettings().value(settingsKey, followSystem).toString());
    emit languageChanged(m_language);
}

void LanguageManager::apply(const QString &language)
{
    m_language = languages().contains(language) ? language : followSystem;
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    const QString shown = effectiveLanguage();
    QLocale::setDefault(QLocale(shown == u"zh_CN" ? QLocale::Chinese : QLocale::English,
                                shown == u"zh_CN" ? QLocale::China : QLocale::UnitedStates));
    if (shown != u"en") {
        if (m_appTranslator.load(QStringLiteral(":/i18n/microshop_") + shown))
            QCoreApplication::installTranslator(&m_appTranslator);
        if (m_qtTranslator.load(QStringLiteral("qtbase_") + shown,
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }
}

} // namespace MicroShop
