#include "pipeline/ModelFolder.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "ace/common/Error.h"

namespace ace {
namespace fs = std::filesystem;
namespace {

constexpr const char* kLayoutHelp =
    "A model folder holds dit/ (the DiT checkpoint), vae/ (the VAE checkpoint), "
    "text_encoder/<name>/ (config.json and weights) and tokenizer/<name>/ (spiece.model), "
    "as in the ACE-0.6B-512px and ACE-0.6B-1024px releases.";

bool isWeightFile(const fs::path& p) {
    const auto ext = p.extension().string();
    return ext == ".pth" || ext == ".bin" || ext == ".safetensors" || ext == ".pt" || ext == ".ckpt";
}

std::vector<fs::path> sortedEntries(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

fs::path singleWeightFile(const fs::path& dir, const std::string& what) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error(dir, "missing " + what + " folder. " + kLayoutHelp);
    std::vector<fs::path> files;
    for (const auto& p : sortedEntries(dir))
        if (fs::is_regular_file(p, ec) && isWeightFile(p)) files.push_back(p);
    if (files.empty()) throw Error(dir, "no " + what + " checkpoint (.pth, .bin or .safetensors) in this folder");
    // Prefer safetensors when a folder has both (e.g. a user's own conversion).
    auto st = std::find_if(files.begin(), files.end(), [](const fs::path& p) { return p.extension() == ".safetensors"; });
    if (st != files.end()) return *st;
    if (files.size() > 1) throw Error(dir, "more than one " + what + " checkpoint; keep one");
    return files.front();
}

// text_encoder/<name>/ or tokenizer/<name>/: the one sub-folder (or the folder itself).
fs::path componentDir(const fs::path& dir, const std::string& what) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error(dir, "missing " + what + " folder. " + kLayoutHelp);
    std::vector<fs::path> subdirs;
    for (const auto& p : sortedEntries(dir))
        if (fs::is_directory(p, ec)) subdirs.push_back(p);
    if (subdirs.size() == 1) return subdirs.front();
    if (subdirs.empty()) return dir;
    throw Error(dir, "more than one " + what + " in this folder; keep one");
}

fs::path textEncoderWeights(const fs::path& dir) {
    std::error_code ec;
    for (const auto& p : sortedEntries(dir))
        if (p.filename().string().ends_with(".index.json")) return p;
    return singleWeightFile(dir, "text encoder");
}

}  // namespace

ModelFolder locateModelFolder(const fs::path& folder) {
    std::error_code ec;
    if (folder.empty()) throw Error("no model folder is set. " + std::string(kLayoutHelp));
    if (!fs::exists(folder, ec)) throw Error(folder, "the model folder does not exist");
    if (!fs::is_directory(folder, ec)) throw Error(folder, "is a file; choose the model folder instead");
    ModelFolder m;
    m.root = fs::is_directory(folder / "models", ec) ? folder / "models" : folder;
    m.ditFile = singleWeightFile(m.root / "dit", "DiT");
    m.vaeFile = singleWeightFile(m.root / "vae", "VAE");
    m.textEncoderDir = componentDir(m.root / "text_encoder", "text encoder");
    if (!fs::is_regular_file(m.textEncoderDir / "config.json", ec))
        throw Error(m.textEncoderDir / "config.json", "missing text encoder configuration");
    m.textEncoderWeights = textEncoderWeights(m.textEncoderDir);
    const fs::path tokDir = componentDir(m.root / "tokenizer", "tokenizer");
    m.tokenizerModel = tokDir / "spiece.model";
    if (!fs::is_regular_file(m.tokenizerModel, ec)) throw Error(m.tokenizerModel, "missing tokenizer model");
    return m;
}

ModelSettings readModelSettings(const ModelFolder& folder) {
    ModelSettings s;
    const fs::path file = folder.root / "ace_model.json";
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) {
        try {
            std::ifstream in(file);
            const auto j = nlohmann::json::parse(in);
            s.name = j.value("name", std::string("ACE model"));
            s.builtIn = j.value("built_in", false);
            s.maxSeqLen = j.value("max_seq_len", int64_t{1024});
            s.numHeads = j.value("num_heads", int64_t{16});
            s.defaultSteps = j.value("default_steps", 20);
            s.defaultWidth = j.value("default_width", 512);
            s.defaultHeight = j.value("default_height", 512);
            s.guideScale = j.value("guide_scale", 4.5);
            s.guideRescale = j.value("guide_rescale", 0.5);
        } catch (const nlohmann::json::exception& e) {
            throw Error(file, std::string("invalid model settings: ") + e.what());
        }
        if (s.maxSeqLen <= 0 || s.numHeads <= 0 || s.defaultSteps <= 0 || s.defaultWidth < 16 || s.defaultHeight < 16)
            throw Error(file, "invalid model settings: values out of range");
        return s;
    }
    // The release: same weights shape for both, the 1024px model has a 4096-token budget.
    const std::string dit = folder.ditFile.filename().string();
    if (dit.find("1024") != std::string::npos) {
        s.name = "ACE-0.6B-1024px";
        s.maxSeqLen = 4096;
        s.defaultSteps = 50;
        s.defaultWidth = s.defaultHeight = 1024;
    } else {
        s.name = "ACE-0.6B-512px";
    }
    return s;
}

void writeModelSettings(const fs::path& root, const ModelSettings& s) {
    nlohmann::json j = {{"name", s.name},
                        {"built_in", s.builtIn},
                        {"max_seq_len", s.maxSeqLen},
                        {"num_heads", s.numHeads},
                        {"default_steps", s.defaultSteps},
                        {"default_width", s.defaultWidth},
                        {"default_height", s.defaultHeight},
                        {"guide_scale", s.guideScale},
                        {"guide_rescale", s.guideRescale}};
    std::ofstream out(root / "ace_model.json");
    out << j.dump(2) << "\n";
    if (!out) throw Error(root / "ace_model.json", "cannot write");
}

}  // namespace ace
