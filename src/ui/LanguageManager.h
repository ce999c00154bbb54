#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace MicroShop {

// Loads MicroShop's and Qt's own translations and switches them live; the choice ("system",
// "zh_CN" or "en") is remembered per desktop in QSettings.
class LanguageManager final : public QObject
{
    Q_OBJECT

public:
    static inline const QString followSystem = QStringLiteral("system");

    explicit LanguageManager(QObject *parent = nullptr);

    static QStringList languages(); // "system", "zh_CN", "en"
    QString language() const { return m_language; }

    // The language actually shown: zh_CN or en.
    QString effectiveLanguage() const;

    // Installs the translators of language, sends every widget a LanguageChange event and
    // remembers the choice.
    void setLanguage(const QString &language);

    // Applies the remembered choice (or an override such as $MICROSHOP_LANGUAGE) without
    // writing it back.
    void restore();

signals:
    void languageChanged(const QString &language);

private:
    void apply(const QString &language);

    QString m_language = followSystem;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};

} // namespace MicroShop
