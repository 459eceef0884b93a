#include "text/TextEmbedder.h"

#include <algorithm>

#include "ace/common/Error.h"
#include "checkpoint/KeyMap.h"
#include "text/TextCleaner.h"

namespace ace {

TextEmbedder::TextEmbedder(T5Tokenizer tokenizer, T5Encoder encoder) : m_tokenizer(std::move(tokenizer)), m_encoder(std::move(encoder)) {
    if (m_tokenizer.vocabSize() > m_encoder->config().vocabSize)
        throw Error("the tokenizer has " + std::to_string(m_tokenizer.vocabSize()) + " tokens but the T5 encoder only " +
                    std::to_string(m_encoder->config().vocabSize) + " embedding rows: they do not belong together");
    m_encoder->eval();
}

const std::array<std::string, 10>& TextEmbedder::imageIdentifiers() {
    static const std::array<std::string, 10> ids = {"{image}",  "{image1}", "{image2}", "{image3}", "{image4}",
                                                    "{image5}", "{image6}", "{image7}", "{image8}", "{image9}"};
    return ids;
}

torch::Tensor TextEmbedder::encodeBatch(const std::vector<std::string>& cleaned, std::vector<int>& lengths) const {
    std::vector<TokenizedText> tokens;
    lengths.clear();
    for (const auto& text : cleaned) {
        tokens.push_back(m_tokenizer.encode(text));
        lengths.push_back(tokens.back().length);
    }
    const int64_t batch = static_cast<int64_t>(tokens.size());
    const int64_t width = m_padToMaxLength ? m_tokenizer.maxLength() : *std::max_element(lengths.begin(), lengths.end());
    torch::Tensor ids = torch::empty({batch, width}, torch::kLong);
    torch::Tensor mask = torch::empty({batch, width}, torch::kLong);
    for (int64_t b = 0; b < batch; ++b) {
        // The tokenizer's padding is <pad> with mask 0, so a narrower width is a prefix of it.
        std::copy_n(tokens[b].ids.begin(), width, ids[b].data_ptr<int64_t>());
        std::copy_n(tokens[b].attentionMask.begin(), width, mask[b].data_ptr<int64_t>());
    }
    torch::NoGradGuard noGrad;
    const torch::Device device = m_encoder->device();
    // forward() does not change the module; the holder only hands out a const view.
    return m_encoder.ptr()->forward(ids.to(device), mask.to(device));  // [B, width, dModel]
}

torch::Tensor TextEmbedder::embed(const std::string& text) const {
    std::vector<int> lengths;
    const torch::Tensor out = encodeBatch({cleanText(text)}, lengths);
    torch::NoGradGuard noGrad;
    return out[0].narrow(0, 0, lengths[0]).to(torch::kFloat32).contiguous();
}

torch::Tensor TextEmbedder::imageIndicatorEmbeddings() const {
    std::lock_guard lock(m_indicators->mutex);
    if (!m_indicators->table.defined()) {
        std::vector<std::string> cleaned;
        for (const auto& id : imageIdentifiers())
            cleaned.push_back(cleanText(id));
        std::vector<int> lengths;
        const torch::Tensor out = encodeBatch(cleaned, lengths);
        torch::NoGradGuard noGrad;
        m_indicators->table = out.select(1, 0).to(torch::kFloat32).contiguous();  // [10, dModel]
    }
    return m_indicators->table;
}

// ---- loading ------------------------------------------------------------------------------------

T5Tokenizer loadT5Tokenizer(const std::filesystem::path& tokenizerDir, int maxLength) {
    return T5Tokenizer(tokenizerDir / "spiece.model", maxLength);
}

std::filesystem::path findT5Weights(const std::filesystem::path& encoderDir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(encoderDir, ec))
        throw Error(encoderDir, "the T5 text encoder folder does not exist");
    for (const char* name : {"model.safetensors", "model.safetensors.index.json", "pytorch_model.bin.index.json", "pytorch_model.bin"}) {
        const auto file = encoderDir / name;
        if (std::filesystem::is_regular_file(file, ec))
            return file;
    }
    throw Error(encoderDir, "no T5 weights found (looked for model.safetensors, model.safetensors.index.json, "
                            "pytorch_model.bin.index.json and pytorch_model.bin)");
}

T5Encoder loadT5Encoder(const T5Config& config, const ckpt::TensorSource& source, const std::string& what,
                        const torch::TensorOptions& options) {
    // Names and shapes first, on the meta device: a wrong config must not cost a 19 GB allocation.
    {
        T5Encoder shapes(config, torch::TensorOptions().device(torch::kMeta));
        const ckpt::LoadReport report = ckpt::checkSource(*shapes, source);
        if (!report.ok())
            throw Error(what, "the weights do not match the T5 configuration (d_model " + std::to_string(config.dModel) + ", " +
                                  std::to_string(config.numLayers) + " layers, " + std::to_string(config.numHeads) + " heads of " +
                                  std::to_string(config.dKv) + ", d_ff " + std::to_string(config.dFf) + ", vocabulary " +
                                  std::to_string(config.vocabSize) + "):" + report.describe());
    }
    T5Encoder encoder(config, options);
    ckpt::loadStrict(*encoder, source, what);
    encoder->eval();
    return encoder;
}

T5Encoder loadT5Encoder(const std::filesystem::path& encoderDir, const torch::TensorOptions& options) {
    const T5Config config = T5Config::fromJson(encoderDir / "config.json");
    const std::filesystem::path weights = findT5Weights(encoderDir);
    const ckpt::TensorSource source = ckpt::selectT5EncoderKeys(ckpt::openSource(weights, ckpt::isT5EncoderKey));
    return loadT5Encoder(config, source, weights.string(), options);
}

TextEmbedder loadTextEmbedder(const std::filesystem::path& modelsDir, const std::string& name, const torch::TensorOptions& options) {
    T5Tokenizer tokenizer = loadT5Tokenizer(modelsDir / "tokenizer" / name);
    T5Encoder encoder = loadT5Encoder(modelsDir / "text_encoder" / name, options);
    return TextEmbedder(std::move(tokenizer), std::move(encoder));
}

}  // namespace ace
