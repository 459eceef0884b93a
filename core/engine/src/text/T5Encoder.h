#pragma once
// The T5 v1.1 encoder of Hugging Face's T5EncoderModel (the reference's text encoder, t5-v1_1-xxl),
// with Hugging Face's parameter names, so a checkpoint loads key for key:
//   shared.weight                                                  [vocab, d_model]
//   encoder.block.{i}.layer.0.SelfAttention.{q,k,v}.weight         [heads*d_kv, d_model]
//   encoder.block.{i}.layer.0.SelfAttention.o.weight               [d_model, heads*d_kv]
//   encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight  [buckets, heads]
//   encoder.block.{i}.layer.{0,1}.layer_norm.weight                [d_model]
//   encoder.block.{i}.layer.1.DenseReluDense.{wi_0,wi_1}.weight    [d_ff, d_model]
//   encoder.block.{i}.layer.1.DenseReluDense.wo.weight             [d_model, d_ff]
//   encoder.final_layer_norm.weight                                [d_model]
// (the tied alias encoder.embed_tokens.weight is not a parameter of its own).
//
// Semantics (ace-reference.md section 3): unscaled embeddings; per layer x += o(attn(rms(x))) with
// no 1/sqrt(d_kv), softmax in fp32, plus the relative position bias of block 0 (bidirectional
// buckets) shared by all layers, padded keys masked with the dtype's lowest value; then
// x += wo(gelu_tanh(wi_0 h) * wi_1 h), h = rms(x); final rms. RMS norm: fp32 statistics, cast back
// to the weight's half type before the weight multiplies.
// Precision, per the parameter dtype the module is built with:
// - float32: everything in fp32.
// - bfloat16 (the reference: bf16 weights under CUDA autocast(bf16)): matmuls in bf16; the tanh-GELU
//   and its product with wi_1 in fp32 (torch.pow is on autocast's fp32 list, which lifts the whole
//   gelu_new expression to fp32), cast to bf16 before wo.
// - float16 (as from_pretrained(torch_dtype=float16) gives it): `wo` stays fp32 (T5's
//   _keep_in_fp32_modules), so the residual stream is fp32 from block 0's feed-forward on; while it
//   is still fp16 it is clamped like Hugging Face does (to +-(65504 - 1000) when it holds an inf).
//   No autocast: the gelu rounds to fp16 at each step, as Hugging Face's fp16 model does.
// Parameters are created uninitialised (torch::empty) in the given dtype and device: the module is
// meant to be loaded from a checkpoint, and a 4.7 B-parameter XXL must not be initialised first.
// Built on the meta device it allocates nothing and still lists every name and shape.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>

namespace ace {

struct T5Config {
    int64_t vocabSize = 32128;
    int64_t dModel = 512;
    int64_t dKv = 64;
    int64_t numHeads = 8;
    int64_t numLayers = 6;
    int64_t dFf = 2048;
    int64_t relativeAttentionNumBuckets = 32;
    int64_t relativeAttentionMaxDistance = 128;
    double layerNormEpsilon = 1e-6;

    // A Hugging Face config.json; absent fields take Hugging Face's T5Config defaults. Only gated-GELU
    // (T5 v1.1) models are accepted. Throws ace::Error naming the file.
    static T5Config fromJson(const std::filesystem::path& file);
    // Writes a Hugging Face config.json of a T5 v1.1 encoder (gated-GELU) that fromJson reads
    // back to this configuration. Throws ace::Error naming the file when it cannot be written.
    void writeJson(const std::filesystem::path& file) const;
    // google/t5-v1_1-xxl's encoder (ACE's text encoder) with `layers` of its 24 layers.
    static T5Config v11Xxl(int64_t layers = 24);
};

namespace t5 {

// Linear layer without bias, parameter `weight` [out, in].
class LinearImpl : public torch::nn::Module {
public:
    LinearImpl(int64_t in, int64_t out, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& x) { return torch::linear(x, weight); }
    torch::Tensor weight;
};
TORCH_MODULE(Linear);

class EmbeddingImpl : public torch::nn::Module {
public:
    EmbeddingImpl(int64_t rows, int64_t dim, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& ids);
    torch::Tensor weight;
};
TORCH_MODULE(Embedding);

class LayerNormImpl : public torch::nn::Module {
public:
    LayerNormImpl(int64_t dim, double eps, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor weight;

private:
    double m_eps;
};
TORCH_MODULE(LayerNorm);

class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(const T5Config& config, bool hasRelativeBias, const torch::TensorOptions& options);
    // x: [B, L, d_model], bias: [B, H, L, L] (position bias + mask) -> [B, L, d_model]
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    // [1, H, L, L] relative position bias (block 0 only)
    torch::Tensor positionBias(int64_t length);

    Linear q{nullptr}, k{nullptr}, v{nullptr}, o{nullptr};
    Embedding relative_attention_bias{nullptr};

private:
    int64_t m_heads, m_dKv, m_buckets, m_maxDistance;
};
TORCH_MODULE(Attention);

class LayerSelfAttentionImpl : public torch::nn::Module {
public:
    LayerSelfAttentionImpl(const T5Config& config, bool hasRelativeBias, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    Attention SelfAttention{nullptr};
    LayerNorm layer_norm{nullptr};
};
TORCH_MODULE(LayerSelfAttention);

class DenseGatedActDenseImpl : public torch::nn::Module {
public:
    DenseGatedActDenseImpl(const T5Config& config, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& h);
    Linear wi_0{nullptr}, wi_1{nullptr}, wo{nullptr};
};
TORCH_MODULE(DenseGatedActDense);

class LayerFFImpl : public torch::nn::Module {
public:
    LayerFFImpl(const T5Config& config, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& x);
    DenseGatedActDense DenseReluDense{nullptr};
    LayerNorm layer_norm{nullptr};
};
TORCH_MODULE(LayerFF);

class BlockImpl : public torch::nn::Module {
public:
    BlockImpl(const T5Config& config, bool hasRelativeBias, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    torch::nn::ModuleList layer;  // 0: LayerSelfAttention, 1: LayerFF
    LayerSelfAttention selfAttention{nullptr};
    LayerFF ff{nullptr};
};
TORCH_MODULE(Block);

class StackImpl : public torch::nn::Module {
public:
    StackImpl(const T5Config& config, const torch::TensorOptions& options);
    // x: [B, L, d_model] embeddings, mask: [B, L] -> [B, L, d_model]
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask);
    torch::nn::ModuleList block;
    std::vector<Block> blocks;
    LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(Stack);

// The gelu_new of Hugging Face, 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), in its order of operations.
torch::Tensor geluNew(const torch::Tensor& x);

// Hugging Face's _relative_position_bucket (bidirectional), same ops for the same buckets.
// relativePosition: int64 (key - query) -> int64 bucket
torch::Tensor relativePositionBucket(const torch::Tensor& relativePosition, int64_t numBuckets, int64_t maxDistance);

}  // namespace t5

class T5EncoderImpl : public torch::nn::Module {
public:
    // options: dtype (float32, bfloat16, float16) and device of the parameters (default float32, CPU).
    explicit T5EncoderImpl(const T5Config& config, const torch::TensorOptions& options = {});

    // ids: [B, L] int64, mask: [B, L] (1 = token, 0 = padding; any integer or float type)
    // -> last_hidden_state [B, L, d_model] in the model's dtype
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& mask);

    const T5Config& config() const { return m_config; }
    torch::Dtype dtype() const { return m_dtype; }
    torch::Device device() const { return shared->weight.device(); }

    t5::Embedding shared{nullptr};
    t5::Stack encoder{nullptr};

private:
    T5Config m_config;
    torch::Dtype m_dtype;
};
TORCH_MODULE(T5Encoder);

}  // namespace ace
