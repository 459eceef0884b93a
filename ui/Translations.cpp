#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace ace {
namespace {
QPointer<QTranslator> g_translator;
}

QStringList availableLanguages() {
    QStringList languages;
    for (const QString& file : QDir(":/i18n").entryList({"ace_*.qm"}, QDir::Files, QDir::Name))
        languages << file.mid(4, file.size() - 7);
    return languages;
}

QString installTranslations(const QString& language) {
    if (g_translator) {
        QCoreApplication::removeTranslator(g_translator);
        delete g_translator;
    }
    QString wanted = language;
    if (wanted.isEmpty()) wanted = QSettings().value("ui/language").toString();
    auto* translator = new QTranslator(QCoreApplication::instance());
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    // Tries ace_zh_CN, ace_zh, ... for the locale's UI languages.
    if (translator->load(locale, "ace", "_", ":/i18n") && !translator->isEmpty()) {
        QCoreApplication::installTranslator(translator);
        g_translator = translator;
        return translator->language().isEmpty() ? locale.name() : translator->language();
    }
    delete translator;
    return "en";
}

}  // namespace ace
