#include "text/T5Encoder.h"

#include <cmath>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include "ace/common/Error.h"

namespace ace {

// ---- config -------------------------------------------------------------------------------------

T5Config T5Config::fromJson(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw Error(file, "cannot open the T5 configuration");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(file, std::string("not valid JSON (") + e.what() + ")");
    }
    if (!j.is_object())
        throw Error(file, "the T5 configuration is not a JSON object");
    T5Config c;
    auto integer = [&](const char* key, int64_t& field) {
        if (!j.contains(key))
            return;
        const auto& v = j.at(key);
        if (!v.is_number_integer() || v.get<int64_t>() <= 0)
            throw Error(file, std::string("'") + key + "' must be a positive integer, not " + v.dump());
        field = v.get<int64_t>();
    };
    integer("vocab_size", c.vocabSize);
    integer("d_model", c.dModel);
    integer("d_kv", c.dKv);
    integer("num_heads", c.numHeads);
    integer("num_layers", c.numLayers);
    integer("d_ff", c.dFf);
    integer("relative_attention_num_buckets", c.relativeAttentionNumBuckets);
    integer("relative_attention_max_distance", c.relativeAttentionMaxDistance);
    if (j.contains("layer_norm_epsilon")) {
        const auto& v = j.at("layer_norm_epsilon");
        if (!v.is_number() || !(v.get<double>() > 0))
            throw Error(file, "'layer_norm_epsilon' must be a positive number, not " + v.dump());
        c.layerNormEpsilon = v.get<double>();
    }
    // Hugging Face's default is "relu" (T5 v1.0); "gated-gelu" means gelu_new, as "gated-gelu_new" does.
    const std::string proj = j.value("feed_forward_proj", std::string("relu"));
    if (proj != "gated-gelu" && proj != "gated-gelu_new")
        throw Error(file, "feed_forward_proj '" + proj + "' is not supported: only T5 v1.1 encoders (gated-gelu) are");
    if (c.relativeAttentionNumBuckets < 4)
        throw Error(file, "relative_attention_num_buckets must be at least 4");
    return c;
}

T5Config T5Config::v11Xxl(int64_t layers) {
    T5Config c;
    c.vocabSize = 32128;
    c.dModel = 4096;
    c.dKv = 64;
    c.numHeads = 64;
    c.numLayers = layers;
    c.dFf = 10240;
    c.relativeAttentionNumBuckets = 32;
    c.relativeAttentionMaxDistance = 128;
    c.layerNormEpsilon = 1e-6;
    return c;
}

void T5Config::writeJson(const std::filesystem::path& file) const {
    const nlohmann::json j = {{"architectures", {"T5EncoderModel"}},
                              {"model_type", "t5"},
                              {"d_model", dModel},
                              {"d_kv", dKv},
                              {"num_heads", numHeads},
                              {"num_layers", numLayers},
                              {"d_ff", dFf},
                              {"vocab_size", vocabSize},
                              {"relative_attention_num_buckets", relativeAttentionNumBuckets},
                              {"relative_attention_max_distance", relativeAttentionMaxDistance},
                              {"layer_norm_epsilon", layerNormEpsilon},
                              {"feed_forward_proj", "gated-gelu"},
                              {"is_gated_act", true},
                              {"dense_act_fn", "gelu_new"},
                              {"pad_token_id", 0},
                              {"eos_token_id", 1},
                              {"tie_word_embeddings", false}};
    std::ofstream out(file);
    out << j.dump(2) << "\n";
    if (!out.flush()) throw Error(file, "cannot write the T5 configuration");
}

namespace t5 {

// ---- layers -------------------------------------------------------------------------------------

LinearImpl::LinearImpl(int64_t in, int64_t out, const torch::TensorOptions& options) {
    weight = register_parameter("weight", torch::empty({out, in}, options), /*requires_grad=*/false);
}

EmbeddingImpl::EmbeddingImpl(int64_t rows, int64_t dim, const torch::TensorOptions& options) {
    weight = register_parameter("weight", torch::empty({rows, dim}, options), false);
}

torch::Tensor EmbeddingImpl::forward(const torch::Tensor& ids) { return torch::embedding(weight, ids); }

LayerNormImpl::LayerNormImpl(int64_t dim, double eps, const torch::TensorOptions& options) : m_eps(eps) {
    weight = register_parameter("weight", torch::empty({dim}, options), false);
}

torch::Tensor LayerNormImpl::forward(const torch::Tensor& x) {
    // Statistics in fp32; x * rsqrt(...) promotes to fp32, then back to a half weight's dtype.
    const torch::Tensor variance = x.to(torch::kFloat32).pow(2).mean(-1, /*keepdim=*/true);
    torch::Tensor h = x * torch::rsqrt(variance + m_eps);
    if (weight.scalar_type() == torch::kHalf || weight.scalar_type() == torch::kBFloat16)
        h = h.to(weight.scalar_type());
    return weight * h;
}

torch::Tensor geluNew(const torch::Tensor& x) {
    const double c = std::sqrt(2.0 / M_PI);
    return 0.5 * x * (1.0 + torch::tanh(c * (x + 0.044715 * torch::pow(x, 3.0))));
}

torch::Tensor relativePositionBucket(const torch::Tensor& relativePosition, int64_t numBuckets, int64_t maxDistance) {
    // Bidirectional: half of the buckets for keys after the query.
    numBuckets /= 2;
    torch::Tensor buckets = (relativePosition > 0).to(torch::kLong) * numBuckets;
    const torch::Tensor distance = torch::abs(relativePosition);
    // Half of those are exact distances, the rest grow logarithmically up to maxDistance.
    const int64_t maxExact = numBuckets / 2;
    const torch::Tensor isSmall = distance < maxExact;
    torch::Tensor large = maxExact + (torch::log(distance.to(torch::kFloat32) / static_cast<double>(maxExact)) /
                                      std::log(static_cast<double>(maxDistance) / static_cast<double>(maxExact)) *
                                      static_cast<double>(numBuckets - maxExact))
                                         .to(torch::kLong);
    large = torch::min(large, torch::full_like(large, numBuckets - 1));
    return buckets + torch::where(isSmall, distance, large);
}

AttentionImpl::AttentionImpl(const T5Config& c, bool hasRelativeBias, const torch::TensorOptions& options)
    : m_heads(c.numHeads), m_dKv(c.dKv), m_buckets(c.relativeAttentionNumBuckets), m_maxDistance(c.relativeAttentionMaxDistance) {
    const int64_t inner = c.numHeads * c.dKv;
    q = register_module("q", Linear(c.dModel, inner, options));
    k = register_module("k", Linear(c.dModel, inner, options));
    v = register_module("v", Linear(c.dModel, inner, options));
    o = register_module("o", Linear(inner, c.dModel, options));
    if (hasRelativeBias)
        relative_attention_bias = register_module("relative_attention_bias", Embedding(c.relativeAttentionNumBuckets, c.numHeads, options));
}

torch::Tensor AttentionImpl::positionBias(int64_t length) {
    TORCH_CHECK(!relative_attention_bias.is_empty(), "only block 0 holds the relative attention bias");
    const auto longOptions = torch::TensorOptions().dtype(torch::kLong).device(relative_attention_bias->weight.device());
    const torch::Tensor position = torch::arange(length, longOptions);
    const torch::Tensor relative = position.unsqueeze(0) - position.unsqueeze(1);  // [q, k] = key - query
    const torch::Tensor buckets = relativePositionBucket(relative, m_buckets, m_maxDistance);
    return relative_attention_bias->forward(buckets).permute({2, 0, 1}).unsqueeze(0);  // [1, H, q, k]
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    const int64_t b = x.size(0), l = x.size(1);
    auto heads = [&](const torch::Tensor& t) { return t.view({b, l, m_heads, m_dKv}).transpose(1, 2); };  // [B, H, L, d_kv]
    const torch::Tensor qh = heads(q->forward(x));
    const torch::Tensor kh = heads(k->forward(x));
    const torch::Tensor vh = heads(v->forward(x));
    torch::Tensor scores = torch::matmul(qh, kh.transpose(3, 2));  // [B, H, L, L], no 1/sqrt(d_kv)
    scores += bias;
    const torch::Tensor weights = torch::softmax(scores.to(torch::kFloat32), -1).to(scores.scalar_type());
    const torch::Tensor out = torch::matmul(weights, vh).transpose(1, 2).contiguous().view({b, l, m_heads * m_dKv});
    return o->forward(out);
}

LayerSelfAttentionImpl::LayerSelfAttentionImpl(const T5Config& c, bool hasRelativeBias, const torch::TensorOptions& options) {
    SelfAttention = register_module("SelfAttention", Attention(c, hasRelativeBias, options));
    layer_norm = register_module("layer_norm", LayerNorm(c.dModel, c.layerNormEpsilon, options));
}

torch::Tensor LayerSelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    return x + SelfAttention->forward(layer_norm->forward(x), bias);
}

DenseGatedActDenseImpl::DenseGatedActDenseImpl(const T5Config& c, const torch::TensorOptions& options) {
    wi_0 = register_module("wi_0", Linear(c.dModel, c.dFf, options));
    wi_1 = register_module("wi_1", Linear(c.dModel, c.dFf, options));
    // T5's _keep_in_fp32_modules: Hugging Face loads `wo` in fp32 when asked for fp16.
    const auto woOptions = options.dtype() == torch::kHalf ? options.dtype(torch::kFloat32) : options;
    wo = register_module("wo", Linear(c.dFf, c.dModel, woOptions));
}

torch::Tensor DenseGatedActDenseImpl::forward(const torch::Tensor& h) {
    const torch::Tensor gate = wi_0->forward(h);    // [B, L, d_ff]
    const torch::Tensor linear = wi_1->forward(h);  // [B, L, d_ff]
    torch::Tensor hidden;
    if (gate.scalar_type() == torch::kBFloat16)
        hidden = geluNew(gate.to(torch::kFloat32)) * linear.to(torch::kFloat32);  // autocast's fp32 gelu
    else
        hidden = geluNew(gate) * linear;  // fp32, or Hugging Face's plain fp16 path
    return wo->forward(hidden.to(wo->weight.scalar_type()));
}

LayerFFImpl::LayerFFImpl(const T5Config& c, const torch::TensorOptions& options) {
    DenseReluDense = register_module("DenseReluDense", DenseGatedActDense(c, options));
    layer_norm = register_module("layer_norm", LayerNorm(c.dModel, c.layerNormEpsilon, options));
}

torch::Tensor LayerFFImpl::forward(const torch::Tensor& x) { return x + DenseReluDense->forward(layer_norm->forward(x)); }

namespace {

// Hugging Face's fp16 guard in T5Block: an inf in the fp16 hidden state is clamped to +-(max - 1000).
torch::Tensor clampHalf(const torch::Tensor& x) {
    if (x.scalar_type() != torch::kHalf)
        return x;
    const double max = 65504.0;
    const bool hasInf = torch::isinf(x).any().item<bool>();
    const double limit = hasInf ? max - 1000.0 : max;
    return torch::clamp(x, -limit, limit);
}

}  // namespace

BlockImpl::BlockImpl(const T5Config& c, bool hasRelativeBias, const torch::TensorOptions& options) {
    selfAttention = LayerSelfAttention(c, hasRelativeBias, options);
    ff = LayerFF(c, options);
    layer = register_module("layer", torch::nn::ModuleList(selfAttention, ff));
}

torch::Tensor BlockImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    torch::Tensor h = clampHalf(selfAttention->forward(x, bias));
    return clampHalf(ff->forward(h));
}

StackImpl::StackImpl(const T5Config& c, const torch::TensorOptions& options) {
    block = register_module("block", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.numLayers; ++i) {
        blocks.push_back(Block(c, /*hasRelativeBias=*/i == 0, options));
        block->push_back(blocks.back());
    }
    final_layer_norm = register_module("final_layer_norm", LayerNorm(c.dModel, c.layerNormEpsilon, options));
}

torch::Tensor StackImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
    // Extended mask in the embeddings' dtype: 0 for tokens, the dtype's lowest value for padding.
    const auto dtype = x.scalar_type();
    const double lowest = dtype == torch::kFloat32    ? static_cast<double>(std::numeric_limits<float>::lowest())
                          : dtype == torch::kBFloat16 ? static_cast<double>(std::numeric_limits<c10::BFloat16>::lowest())
                                                      : static_cast<double>(std::numeric_limits<c10::Half>::lowest());
    const torch::Tensor extended = (1.0 - mask.to(dtype).unsqueeze(1).unsqueeze(2)) * lowest;  // [B, 1, 1, L]
    // Block 0's relative position bias, masked, shared by every layer: [B, H, L, L]
    const torch::Tensor bias = blocks.front()->selfAttention->SelfAttention->positionBias(x.size(1)) + extended;
    torch::Tensor h = x;
    for (auto& b : blocks)
        h = b->forward(h, bias);
    return final_layer_norm->forward(h);
}

}  // namespace t5

T5EncoderImpl::T5EncoderImpl(const T5Config& config, const torch::TensorOptions& options) : m_config(config) {
    m_dtype = options.has_dtype() ? options.dtype().toScalarType() : torch::kFloat32;
    if (m_dtype != torch::kFloat32 && m_dtype != torch::kBFloat16 && m_dtype != torch::kHalf)
        throw Error("T5 encoder: parameters must be float32, bfloat16 or float16");
    if (config.numLayers < 1)
        throw Error("T5 encoder: at least one layer is needed (block 0 holds the position bias)");
    const auto opts = options.dtype(m_dtype);
    shared = register_module("shared", t5::Embedding(config.vocabSize, config.dModel, opts));
    encoder = register_module("encoder", t5::Stack(config, opts));
}

torch::Tensor T5EncoderImpl::forward(const torch::Tensor& ids, const torch::Tensor& mask) {
    TORCH_CHECK(ids.dim() == 2 && ids.scalar_type() == torch::kLong, "T5 encoder: ids must be [B, L] int64");
    TORCH_CHECK(mask.sizes() == ids.sizes(), "T5 encoder: the mask must have the shape of the ids");
    TORCH_CHECK(ids.numel() == 0 || (ids.min().item<int64_t>() >= 0 && ids.max().item<int64_t>() < m_config.vocabSize),
                "T5 encoder: token id out of range");
    const torch::Tensor x = shared->forward(ids);  // [B, L, d_model], unscaled
    return encoder->forward(x, mask);
}

}  // namespace ace
