#pragma once
// The user interface language: catalogues compiled from translations/*.ts at build time and
// embedded under :/i18n. The language comes from the setting "ui/language" when it is set, else
// from the system locale.
#include <QString>
#include <QStringList>

namespace ace {

// Installs the catalogue for `language` ("zh_CN", "en", ...; empty = setting, else system) into
// the application, replacing one installed before. Returns the language now in use ("en" when
// the source strings are shown).
QString installTranslations(const QString& language = {});
// Languages with a catalogue, e.g. {"en", "zh_CN"}.
QStringList availableLanguages();

}  // namespace ace
