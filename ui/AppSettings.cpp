#include "AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include "ace/engine/BuiltInModel.h"

namespace ace {

AppSettings AppSettings::load() {
    QSettings s;
    AppSettings a;
    a.modelFolder = s.value("model/folder").toString();
    a.device = static_cast<Device>(std::clamp(s.value("model/device", 0).toInt(), 0, 2));
    a.precision = static_cast<Precision>(std::clamp(s.value("model/precision", 0).toInt(), 0, 3));
    GenerationSettings& g = a.generation;
    g.steps = s.value("generation/steps", g.steps).toInt();
    g.guideScale = s.value("generation/guideScale", g.guideScale).toDouble();
    if (g.guideScale <= 1.0) g.guideScale = 0.0;  // no guidance is not a setting: the model's default
    g.guideRescale = s.value("generation/guideRescale", g.guideRescale).toDouble();
    g.randomSeed = s.value("generation/randomSeed", g.randomSeed).toBool();
    g.seed = s.value("generation/seed", g.seed).toLongLong();
    g.outputWidth = s.value("generation/outputWidth", g.outputWidth).toInt();
    g.outputHeight = s.value("generation/outputHeight", g.outputHeight).toInt();
    g.historyLength = s.value("generation/historyLength", g.historyLength).toInt();
    g.featherRadius = s.value("generation/featherRadius", g.featherRadius).toDouble();
    return a;
}

void AppSettings::save() const {
    QSettings s;
    s.setValue("model/folder", modelFolder);
    s.setValue("model/device", static_cast<int>(device));
    s.setValue("model/precision", static_cast<int>(precision));
    s.setValue("generation/steps", generation.steps);
    s.setValue("generation/guideScale", generation.guideScale);
    s.setValue("generation/guideRescale", generation.guideRescale);
    s.setValue("generation/randomSeed", generation.randomSeed);
    s.setValue("generation/seed", generation.seed);
    s.setValue("generation/outputWidth", generation.outputWidth);
    s.setValue("generation/outputHeight", generation.outputHeight);
    s.setValue("generation/historyLength", generation.historyLength);
    s.setValue("generation/featherRadius", generation.featherRadius);
}

ModelLoadOptions AppSettings::loadOptions() const {
    ModelLoadOptions o;
    o.device = device;
    o.ditPrecision = precision;
    o.vaePrecision = precision;
    // T5 keeps the reference's bf16 on the GPU unless float32 is asked for everywhere.
    o.textEncoderPrecision = precision == Precision::Float32 ? Precision::Float32 : Precision::Auto;
    return o;
}

QString builtInModelFolder() {
    // Looked up once per process: the settings dialog asks on every keystroke in the folder field,
    // and the lookup reads files (the installation does not change while the app runs).
    static const QString folder = [] {
        const auto dir = std::filesystem::path(QCoreApplication::applicationDirPath().toStdString());
        return QString::fromStdString(findBuiltInModel(dir).string());
    }();
    return folder;
}

bool AppSettings::usesBuiltInModel() const { return modelFolder.trimmed().isEmpty() && !builtInModelFolder().isEmpty(); }

QString AppSettings::resolvedModelFolder() const {
    return modelFolder.trimmed().isEmpty() ? builtInModelFolder() : modelFolder;
}

QString checkModelFolder(const QString& folder) {
    const auto tr = [](const char* text) { return QCoreApplication::translate("ace::SettingsDialog", text); };
    if (folder.trimmed().isEmpty())
        return tr("No model folder is set and this installation has no built-in model. Download ACE-0.6B-512px "
                  "(or -1024px) and choose its folder in Settings.");
    const QFileInfo info(folder);
    if (!info.exists()) return tr("The folder %1 does not exist. Choose the folder you downloaded the model to.").arg(folder);
    if (!info.isDir()) return tr("%1 is a file; choose the model's folder.").arg(folder);
    QDir dir(folder);
    if (dir.exists("models")) dir.cd("models");
    QStringList missing;
    for (const char* part : {"dit", "vae", "text_encoder", "tokenizer"})
        if (!dir.exists(part)) missing << QString::fromLatin1(part);
    if (!missing.isEmpty())
        return tr("%1 is not a complete ACE model folder: %2 missing. It needs models/dit, models/vae, "
                  "models/text_encoder and models/tokenizer, as in the ACE-0.6B release; download it again or "
                  "choose the folder that holds them.")
            .arg(QDir::toNativeSeparators(folder), missing.join(", "));
    return {};
}

}  // namespace ace
