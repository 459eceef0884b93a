#pragma once
// The application's settings, typed, read from and written to QSettings.
#include <QString>

#include "SessionController.h"
#include "ace/engine/Pipeline.h"

namespace ace {

struct AppSettings {
    QString modelFolder;
    Device device = Device::Auto;
    Precision precision = Precision::Auto;
    GenerationSettings generation;

    static AppSettings load();
    void save() const;
    ModelLoadOptions loadOptions() const;
    // The folder to load: the user's, or the built-in model when none is set (empty when this
    // installation has neither).
    QString resolvedModelFolder() const;
    bool usesBuiltInModel() const;
};

// Empty when `folder` looks like an ACE model folder (the release layout, the folder itself or its
// parent); otherwise what is wrong and what to do, for the user.
QString checkModelFolder(const QString& folder);

// The built-in model's folder (ace::findBuiltInModel next to the executable, looked up once), or empty.
QString builtInModelFolder();

}  // namespace ace
