#pragma once
// The reference's ACETextEmbedder (ace-reference.md section 3): a prompt is cleaned (cleanText),
// tokenized alone (T5Tokenizer: </s> appended, padded to 120) and encoded with its attention mask
// by the T5 encoder; the DiT takes rows [0, t_len) of last_hidden_state, t_len = real tokens
// including </s>. The image-indicator table is T5's output at token 0 of each of "{image}",
// "{image1}".."{image9}" encoded the same way; it is in no checkpoint, so it is computed here once
// per embedder and kept.
#include <array>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "checkpoint/StateDict.h"
#include "text/T5Encoder.h"
#include "text/T5Tokenizer.h"

namespace ace {

class TextEmbedder {
public:
    TextEmbedder(T5Tokenizer tokenizer, T5Encoder encoder);

    // [t_len, dModel] float32 on the encoder's device.
    torch::Tensor embed(const std::string& text) const;
    // [10, dModel] float32 on the encoder's device: row i = T5 output at token 0 of identifier i.
    torch::Tensor imageIndicatorEmbeddings() const;

    // The reference's TEXT_IDENTIFIER.
    static const std::array<std::string, 10>& imageIdentifiers();

    // true (default, the reference): every prompt is padded to the tokenizer's length and encoded
    // with its mask. false: only the t_len real tokens are encoded, which gives the same rows (the
    // padded keys are masked out exactly) up to summation order, and is much cheaper on a CPU.
    void setPadToMaxLength(bool pad) { m_padToMaxLength = pad; }
    bool padToMaxLength() const { return m_padToMaxLength; }

    const T5Tokenizer& tokenizer() const { return m_tokenizer; }
    const T5Encoder& encoder() const { return m_encoder; }

private:
    // Encodes several cleaned texts as one batch; returns last_hidden_state [B, L, dModel] and their lengths.
    torch::Tensor encodeBatch(const std::vector<std::string>& cleaned, std::vector<int>& lengths) const;

    T5Tokenizer m_tokenizer;
    T5Encoder m_encoder;
    bool m_padToMaxLength = true;
    struct IndicatorCache {
        std::mutex mutex;
        torch::Tensor table;
    };
    std::shared_ptr<IndicatorCache> m_indicators = std::make_shared<IndicatorCache>();
};

// ---- loading from the release's model folders -----------------------------------------------

// models/tokenizer/<name>/spiece.model
T5Tokenizer loadT5Tokenizer(const std::filesystem::path& tokenizerDir, int maxLength = 120);

// The weights file of a Hugging Face T5 folder, in this order of preference: model.safetensors,
// model.safetensors.index.json, pytorch_model.bin.index.json, pytorch_model.bin. Throws ace::Error
// naming the folder when there is none.
std::filesystem::path findT5Weights(const std::filesystem::path& encoderDir);

// Checks `source` (encoder names, e.g. from ckpt::selectT5EncoderKeys or a converted cache)
// against `config` before anything is allocated, then builds the encoder with `options` (dtype,
// device) and loads it strictly. Errors name `what`.
T5Encoder loadT5Encoder(const T5Config& config, const ckpt::TensorSource& source, const std::string& what,
                        const torch::TensorOptions& options = {});

// models/text_encoder/<name>/: config.json and the weights (full encoder-decoder checkpoints are
// fine: only shared.weight and encoder.* are read).
T5Encoder loadT5Encoder(const std::filesystem::path& encoderDir, const torch::TensorOptions& options = {});

// models/tokenizer/<name> and models/text_encoder/<name> under `modelsDir`.
TextEmbedder loadTextEmbedder(const std::filesystem::path& modelsDir, const std::string& name = "t5-v1_1-xxl",
                              const torch::TensorOptions& options = {});

}  // namespace ace
