#pragma once
// T5 tokenisation as the reference's Hugging Face T5TokenizerFast does it with
// padding='max_length', truncation=True, max_length=120 (ace-reference.md section 3):
// - the special-token strings "</s>", "<pad>", "<unk>" and "<extra_id_0>".."<extra_id_99>" are cut out
//   of the raw text first (leftmost, longest match; no stripping around them) and map to their ids;
// - every piece of text between them is encoded by SentencePiece on its own (its normaliser, dummy
//   prefix, whitespace handling; unknown characters such as '{' and '}' give <unk>);
// - content is truncated to maxLength - 1 ids, then </s> is appended (even after a literal "</s>":
//   the fast tokenizer does that, the slow one does not), then <pad> up to maxLength.
// Known difference: Hugging Face's Precompiled normaliser works per grapheme cluster and, for a
// cluster shorter than 6 bytes that starts with characters the NFKC map rewrites, keeps only that
// rewrite ("Ａ" + U+0301 -> "A", "ﬁ" + U+0301 -> "fi"); SentencePiece normalises the whole text
// ("Á", "fí"). Only combining marks after compatibility characters are affected; the cleaning
// (cleanText) already maps full-width forms and ligatures, and on 150 random prompts through the
// whole chain the ids agree (tests/data/text/tokenizer_golden.json: chain, deviations).
// The 100 sentinels sit after the SentencePiece vocabulary in reverse order, as in T5:
// <extra_id_N> = pieces + 99 - N (32099..32000 for the 32000-piece T5 model).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace ace {

struct TokenizedText {
    std::vector<int64_t> ids;            // [maxLength], padded with <pad>
    std::vector<int64_t> attentionMask;  // [maxLength], 1 for the `length` real tokens, then 0
    int length = 0;                      // real tokens including the final </s>
};

class T5Tokenizer {
public:
    // Throws ace::Error naming the file when it is missing or not a SentencePiece model with the
    // T5 special pieces.
    explicit T5Tokenizer(const std::filesystem::path& spieceModel, int maxLength = 120);

    TokenizedText encode(const std::string& text) const;

    int maxLength() const { return m_maxLength; }
    // SentencePiece pieces + 100 sentinels (32100 for T5; the embedding table may have more rows).
    int64_t vocabSize() const { return m_pieces + kExtraIds; }
    int64_t padId() const { return m_pad; }
    int64_t eosId() const { return m_eos; }
    int64_t unkId() const { return m_unk; }

    static constexpr int kExtraIds = 100;

private:
    // The id of a special-token string starting at text[pos], with its length; -1 if none.
    int64_t matchSpecial(const std::string& text, size_t pos, size_t& length) const;
    void encodePiece(const std::string& piece, std::vector<int64_t>& ids) const;

    std::shared_ptr<const sentencepiece::SentencePieceProcessor> m_sp;  // shared: copies are cheap
    std::filesystem::path m_path;
    int m_maxLength = 120;
    int64_t m_pieces = 0;
    int64_t m_pad = 0, m_eos = 1, m_unk = 2;
};

}  // namespace ace
