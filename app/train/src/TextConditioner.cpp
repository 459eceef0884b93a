#include "TextConditioner.h"

#include <algorithm>

#include <torch/torch.h>

#include "text/TextCleaner.h"

namespace ace::train {

TextConditioner::TextConditioner(std::shared_ptr<const T5Tokenizer> tokenizer, T5Encoder encoder, bool trainable,
                                 torch::Device device)
    : m_tokenizer(std::move(tokenizer)), m_encoder(std::move(encoder)), m_trainable(trainable), m_device(device) {
    for (auto& p : m_encoder->parameters()) p.set_requires_grad(trainable);
}

const std::vector<std::string>& TextConditioner::identifiers() {
    static const std::vector<std::string> kIds = {"{image}",  "{image1}", "{image2}", "{image3}", "{image4}",
                                                  "{image5}", "{image6}", "{image7}", "{image8}", "{image9}"};
    return kIds;
}

std::vector<torch::Tensor> TextConditioner::encodeBatch(const std::vector<std::string>& cleaned) {
    std::vector<TokenizedText> tokens;
    int longest = 1;
    for (const auto& text : cleaned) {
        tokens.push_back(m_tokenizer->encode(text));
        longest = std::max(longest, tokens.back().length);
    }
    // Only the real tokens matter (padding keys are masked), so the batch is cut to the longest.
    const int64_t n = static_cast<int64_t>(cleaned.size());
    auto ids = torch::zeros({n, longest}, torch::kInt64);
    auto mask = torch::zeros({n, longest}, torch::kInt64);
    for (int64_t i = 0; i < n; ++i)
        for (int k = 0; k < tokens[i].length; ++k) {
            ids[i][k] = tokens[i].ids[k];
            mask[i][k] = 1;
        }
    torch::Tensor out = m_encoder->forward(ids.to(m_device), mask.to(m_device)).to(torch::kFloat32);  // [n, L, d]
    std::vector<torch::Tensor> rows;
    for (int64_t i = 0; i < n; ++i) rows.push_back(out[i].slice(0, 0, tokens[i].length));
    return rows;
}

std::vector<torch::Tensor> TextConditioner::embed(const std::vector<std::string>& texts) {
    std::vector<std::string> cleaned;
    for (const auto& t : texts) cleaned.push_back(cleanText(t));
    if (!m_trainable) {
        std::vector<std::string> missing;
        for (const auto& c : cleaned)
            if (!m_cache.count(c) && std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
        if (!missing.empty()) {
            torch::NoGradGuard noGrad;
            const auto rows = encodeBatch(missing);
            for (std::size_t i = 0; i < missing.size(); ++i) m_cache[missing[i]] = rows[i].clone();
        }
        std::vector<torch::Tensor> out;
        for (const auto& c : cleaned) out.push_back(m_cache.at(c));
        return out;
    }
    std::vector<std::string> distinct;
    for (const auto& c : cleaned)
        if (std::find(distinct.begin(), distinct.end(), c) == distinct.end()) distinct.push_back(c);
    const auto rows = encodeBatch(distinct);
    std::vector<torch::Tensor> out;
    for (const auto& c : cleaned)
        out.push_back(rows[std::find(distinct.begin(), distinct.end(), c) - distinct.begin()]);
    return out;
}

torch::Tensor TextConditioner::indicators() {
    const auto rows = embed(identifiers());
    std::vector<torch::Tensor> first;
    for (const auto& r : rows) first.push_back(r[0]);
    return torch::stack(first);  // [10, d]
}

}  // namespace ace::train
