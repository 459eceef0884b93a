#include "checkpoint/StateDict.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "ace/common/Error.h"

namespace ace::ckpt {
namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "(";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + ")";
}

std::map<std::string, torch::Tensor> moduleTensors(const torch::nn::Module& module) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : module.named_parameters(true)) out.emplace(p.key(), p.value());
    for (const auto& b : module.named_buffers(true)) out.emplace(b.key(), b.value());
    return out;
}

}  // namespace

TensorSource sourceFromReader(const CheckpointReader& reader, const std::string& prefix) {
    TensorSource src;
    for (const auto& key : reader.keys()) {
        if (key.compare(0, prefix.size(), prefix) != 0) continue;
        const TensorInfo info = reader.info(key);
        src[key.substr(prefix.size())] =
            LazyTensor{info.shape, info.dtype, [&reader, key] { return reader.load(key); },
                       reader.path().filename().string() + ":" + key,
                       [&reader, key](torch::Tensor& dst) { reader.loadInto(key, dst); }};
    }
    return src;
}

TensorSource sourceFromReader(std::shared_ptr<const CheckpointReader> reader, const KeyFilter& keep) {
    TensorSource src;
    const std::string file = reader->path().filename().string();
    for (const auto& key : reader->keys()) {
        if (keep && !keep(key)) continue;
        const TensorInfo info = reader->info(key);
        src[key] = LazyTensor{info.shape, info.dtype, [reader, key] { return reader->load(key); }, file + ":" + key,
                              [reader, key](torch::Tensor& dst) { reader->loadInto(key, dst); }};
    }
    return src;
}

TensorSource openSource(const std::filesystem::path& file, const KeyFilter& keep) {
    return sourceFromReader(std::shared_ptr<const CheckpointReader>(openCheckpoint(file)), keep);
}

std::string LoadReport::describe() const {
    std::ostringstream out;
    auto list = [&](const char* title, const std::vector<std::string>& keys) {
        if (keys.empty()) return;
        out << "\n" << title << " (" << keys.size() << "):";
        const size_t shown = std::min<size_t>(keys.size(), 20);
        for (size_t i = 0; i < shown; ++i) out << "\n  " << keys[i];
        if (shown < keys.size()) out << "\n  ... and " << keys.size() - shown << " more";
    };
    list("missing keys", missing);
    list("unexpected keys", unexpected);
    list("keys with the wrong shape", mismatched);
    return out.str();
}

LoadReport checkSource(const torch::nn::Module& module, const TensorSource& source) {
    LoadReport report;
    const auto tensors = moduleTensors(module);
    for (const auto& [name, t] : tensors) {
        auto it = source.find(name);
        if (it == source.end()) {
            report.missing.push_back(name);
        } else if (it->second.shape != t.sizes().vec()) {
            report.mismatched.push_back(name + ": file " + shapeText(it->second.shape) + " vs model " +
                                        shapeText(t.sizes().vec()));
        }
    }
    for (const auto& [name, lt] : source)
        if (!tensors.count(name)) report.unexpected.push_back(name);
    return report;
}

void loadStrict(torch::nn::Module& module, const TensorSource& source, const std::string& what,
                const std::vector<std::string>& ignore) {
    LoadReport report = checkSource(module, source);
    const std::set<std::string> ignored(ignore.begin(), ignore.end());
    std::erase_if(report.unexpected, [&](const std::string& k) { return ignored.count(k) != 0; });
    if (!report.ok()) {
        std::string hint;
        const size_t expected = moduleTensors(module).size();
        if (expected > 0 && report.missing.size() == expected && !source.empty())
            hint = "\nnone of the model's tensors is in the file: is it the checkpoint of another model?";
        throw Error(what, "the checkpoint does not match the " + module.name() + " architecture:" + report.describe() + hint);
    }

    torch::NoGradGuard noGrad;
    for (auto& [name, t] : moduleTensors(module)) {
        const LazyTensor& lt = source.at(name);
        if (lt.loadInto) {
            lt.loadInto(t);  // the shape was checked against the index above
            continue;
        }
        torch::Tensor value = lt.load();
        if (value.sizes().vec() != lt.shape)
            throw Error(what, "tensor " + lt.origin + " loaded with shape " + shapeText(value.sizes().vec()) +
                                  " instead of " + shapeText(lt.shape));
        t.copy_(value.to(t.dtype()));
    }
}

}  // namespace ace::ckpt
