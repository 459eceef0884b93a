#include "checkpoint/KeyMap.h"

#include <utility>

#include "ace/common/Error.h"

namespace ace::ckpt {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Python's str.replace: every non-overlapping occurrence, left to right.
std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "(";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + ")";
}

void insertUnique(TensorSource& out, const std::string& key, LazyTensor value) {
    auto [it, inserted] = out.emplace(key, value);
    if (!inserted)
        throw Error("two checkpoint tensors map to the model key '" + key + "': " + it->second.origin + " and " +
                    value.origin);
}

// Loads `lt` and checks that the file delivered the shape its index promised (a transform below
// relies on it before slicing).
torch::Tensor loadChecked(const LazyTensor& lt) {
    torch::Tensor t = lt.load();
    if (t.sizes().vec() != lt.shape)
        throw Error("tensor " + lt.origin + " loaded with shape " + shapeText(t.sizes().vec()) + " instead of " +
                    shapeText(lt.shape));
    return t;
}

// Part `index` of `parts` equal slices of `lt` along dim 0: [n, ...] -> [n / parts, ...].
LazyTensor slice(const LazyTensor& lt, int64_t parts, int64_t index) {
    if (lt.shape.empty() || lt.shape[0] % parts != 0)
        throw Error("tensor " + lt.origin + " of shape " + shapeText(lt.shape) + " cannot be split into " +
                    std::to_string(parts) + " equal parts along its first dimension");
    const int64_t rows = lt.shape[0] / parts;
    LazyTensor out = lt;
    out.shape[0] = rows;
    out.origin = lt.origin + " [rows " + std::to_string(index * rows) + ":" + std::to_string((index + 1) * rows) + "]";
    out.load = [whole = lt, rows, index] { return loadChecked(whole).narrow(0, index * rows, rows).clone(); };
    out.loadInto = nullptr;  // it would copy the whole tensor
    return out;
}

// [C, in-1, ...] -> [C, in, ...], the new channel's weights 0.
LazyTensor padChannel(const LazyTensor& lt, int64_t inChannels) {
    LazyTensor out = lt;
    out.shape[1] = inChannels;
    out.origin = lt.origin + " (zero-padded to " + std::to_string(inChannels) + " input channels)";
    out.load = [whole = lt, shape = out.shape] {
        torch::Tensor v = loadChecked(whole);
        torch::Tensor padded = torch::zeros(shape, v.options());
        padded.narrow(1, 0, v.size(1)).copy_(v);
        return padded;
    };
    out.loadInto = nullptr;
    return out;
}

}  // namespace

TensorSource unwrapPrefix(const TensorSource& source, const std::string& prefix) {
    TensorSource out;
    for (const auto& [key, lt] : source)
        if (startsWith(key, prefix)) out.emplace(key.substr(prefix.size()), lt);
    return out.empty() ? source : out;
}

TensorSource mapDitKeys(const TensorSource& source, int64_t xEmbedderInChannels) {
    TensorSource out;
    for (const auto& [original, lt] : unwrapPrefix(source, "state_dict.")) {
        // The same order as the reference: plain renames first, then at most one of the
        // structural rules.
        std::string k = replaceAll(original, ".cross_attn.q_linear.", ".cross_attn.q.");
        k = replaceAll(k, ".cross_attn.proj.", ".cross_attn.o.");
        k = replaceAll(k, ".attn.proj.", ".attn.o.");
        if (contains(k, ".cross_attn.kv_linear.")) {
            insertUnique(out, replaceAll(k, ".cross_attn.kv_linear.", ".cross_attn.k."), slice(lt, 2, 0));
            insertUnique(out, replaceAll(k, ".cross_attn.kv_linear.", ".cross_attn.v."), slice(lt, 2, 1));
        } else if (contains(k, ".attn.qkv.")) {
            insertUnique(out, replaceAll(k, ".attn.qkv.", ".attn.q."), slice(lt, 3, 0));
            insertUnique(out, replaceAll(k, ".attn.qkv.", ".attn.k."), slice(lt, 3, 1));
            insertUnique(out, replaceAll(k, ".attn.qkv.", ".attn.v."), slice(lt, 3, 2));
        } else if (contains(k, "y_embedder.y_proj.")) {
            insertUnique(out, replaceAll(k, "y_embedder.y_proj.", "y_embedder."), lt);
        } else if (k == "x_embedder.proj.weight" && lt.shape.size() == 4 && lt.shape[1] == xEmbedderInChannels - 1) {
            // The reference tests `k in ('x_embedder.proj.weight')`, a substring test, but any
            // other substring is not a model key and makes it fail (KeyError); here such a key
            // passes through and the strict load reports it as unexpected. Its padding copies
            // into [:, :4] of the model's tensor, which only makes sense for a 4-channel weight.
            insertUnique(out, k, padChannel(lt, xEmbedderInChannels));
        } else {
            insertUnique(out, k, lt);
        }
    }
    return out;
}

TensorSource mapVaeKeys(const TensorSource& source) {
    const TensorSource unwrapped = unwrapPrefix(source, "state_dict.");
    bool ldmFull = false;
    for (const auto& [key, lt] : unwrapped) ldmFull = ldmFull || contains(key, "first_stage_model.");
    TensorSource out;
    for (const auto& [original, lt] : unwrapped) {
        if (ldmFull && !contains(original, "first_stage_model.")) continue;
        std::string k = original;
        if (contains(k, "post_quant_conv"))
            k = replaceAll(k, "post_quant_conv", "conv2");
        else if (contains(k, "quant_conv"))
            k = replaceAll(k, "quant_conv", "conv1");
        k = replaceAll(k, "first_stage_model.", "");
        insertUnique(out, k, lt);
    }
    return out;
}

bool isT5EncoderKey(const std::string& key) { return key == "shared.weight" || startsWith(key, "encoder."); }

TensorSource selectT5EncoderKeys(const TensorSource& source) {
    TensorSource out;
    for (const auto& [key, lt] : source)
        if (isT5EncoderKey(key) && key != "encoder.embed_tokens.weight") out.emplace(key, lt);
    if (!out.count("shared.weight")) {
        auto alias = source.find("encoder.embed_tokens.weight");
        if (alias != source.end()) out.emplace("shared.weight", alias->second);
    }
    return out;
}

}  // namespace ace::ckpt
