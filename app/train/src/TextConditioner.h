#pragma once
// The instruction side of training: tokenizes and encodes the frame texts with the T5 encoder
// and computes the image-indicator table exactly as inference does (TextEmbedder: cleaned text,
// rows [0, t_len); indicator row i = the output at token 0 of "{image}", "{image1}".."{image9}").
// Trainable: the encoder runs inside the autograd graph and learns with the DiT. Frozen: outputs
// are cached by text (the released T5-XXL when fine-tuning the full-size model).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "text/T5Encoder.h"
#include "text/T5Tokenizer.h"

namespace ace::train {

class TextConditioner {
public:
    TextConditioner(std::shared_ptr<const T5Tokenizer> tokenizer, T5Encoder encoder, bool trainable,
                    torch::Device device);

    bool trainable() const { return m_trainable; }
    T5Encoder& encoder() { return m_encoder; }

    // One [t_len, d_model] float32 tensor per text (same order); duplicates are encoded once.
    std::vector<torch::Tensor> embed(const std::vector<std::string>& texts);
    // [10, d_model] float32.
    torch::Tensor indicators();

    static const std::vector<std::string>& identifiers();

private:
    // Encodes distinct cleaned texts as one padded batch -> per text [t_len, d] rows.
    std::vector<torch::Tensor> encodeBatch(const std::vector<std::string>& cleaned);

    std::shared_ptr<const T5Tokenizer> m_tokenizer;
    T5Encoder m_encoder;
    bool m_trainable;
    torch::Device m_device;
    std::map<std::string, torch::Tensor> m_cache;  // frozen encoder only
};

}  // namespace ace::train
