#include "text/T5Tokenizer.h"

#include <sentencepiece_processor.h>

#include "ace/common/Error.h"

namespace ace {

T5Tokenizer::T5Tokenizer(const std::filesystem::path& spieceModel, int maxLength) : m_path(spieceModel), m_maxLength(maxLength) {
    if (maxLength < 1)
        throw Error(spieceModel, "the token budget must be at least 1 (got " + std::to_string(maxLength) + ")");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(spieceModel, ec))
        throw Error(spieceModel, "the SentencePiece model file does not exist");
    auto sp = std::make_shared<sentencepiece::SentencePieceProcessor>();
    const auto status = sp->Load(spieceModel.string());
    if (!status.ok())
        throw Error(spieceModel, "not a readable SentencePiece model (" + status.ToString() + ")");
    m_pieces = sp->GetPieceSize();
    // Hugging Face looks the special tokens up by their strings.
    auto idOf = [&](const char* piece) {
        const int id = sp->PieceToId(piece);
        if (sp->IdToPiece(id) != piece)
            throw Error(spieceModel, std::string("the SentencePiece model has no '") + piece + "' piece, so it is not a T5 vocabulary");
        return static_cast<int64_t>(id);
    };
    m_pad = idOf("<pad>");
    m_eos = idOf("</s>");
    m_unk = idOf("<unk>");
    m_sp = std::move(sp);
}

int64_t T5Tokenizer::matchSpecial(const std::string& text, size_t pos, size_t& length) const {
    auto startsWith = [&](std::string_view s) { return text.compare(pos, s.size(), s) == 0; };
    if (startsWith("</s>")) {
        length = 4;
        return m_eos;
    }
    if (startsWith("<pad>")) {
        length = 5;
        return m_pad;
    }
    if (startsWith("<unk>")) {
        length = 5;
        return m_unk;
    }
    constexpr std::string_view kSentinel = "<extra_id_";
    if (!startsWith(kSentinel))
        return -1;
    // "<extra_id_" N ">" with N written as Python's str(N), 0 <= N < 100: one or two digits, no
    // leading zero. With leftmost-longest matching, "<extra_id_1>0" is <extra_id_1> then "0".
    const size_t d = pos + kSentinel.size();
    auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    if (!digit(d))
        return -1;
    if (digit(d + 1) && text[d] != '0' && d + 2 < text.size() && text[d + 2] == '>') {
        length = kSentinel.size() + 3;
        return m_pieces + kExtraIds - 1 - ((text[d] - '0') * 10 + (text[d + 1] - '0'));
    }
    if (d + 1 < text.size() && text[d + 1] == '>') {
        length = kSentinel.size() + 2;
        return m_pieces + kExtraIds - 1 - (text[d] - '0');
    }
    return -1;
}

void T5Tokenizer::encodePiece(const std::string& piece, std::vector<int64_t>& ids) const {
    if (piece.empty())
        return;
    std::vector<int> pieceIds;
    const auto status = m_sp->Encode(piece, &pieceIds);
    if (!status.ok())
        throw Error(m_path, "SentencePiece could not encode the text (" + status.ToString() + ")");
    ids.insert(ids.end(), pieceIds.begin(), pieceIds.end());
}

TokenizedText T5Tokenizer::encode(const std::string& text) const {
    std::vector<int64_t> ids;
    size_t start = 0;
    for (size_t pos = text.find('<'); pos != std::string::npos; pos = text.find('<', pos)) {
        size_t length = 0;
        const int64_t special = matchSpecial(text, pos, length);
        if (special < 0) {
            ++pos;
            continue;
        }
        encodePiece(text.substr(start, pos - start), ids);
        ids.push_back(special);
        pos += length;
        start = pos;
    }
    encodePiece(text.substr(start), ids);

    if (ids.size() > static_cast<size_t>(m_maxLength - 1))
        ids.resize(m_maxLength - 1);
    ids.push_back(m_eos);

    TokenizedText out;
    out.length = static_cast<int>(ids.size());
    out.ids = std::move(ids);
    out.ids.resize(m_maxLength, m_pad);
    out.attentionMask.assign(m_maxLength, 0);
    std::fill_n(out.attentionMask.begin(), out.length, 1);
    return out;
}

}  // namespace ace
