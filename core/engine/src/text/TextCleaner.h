#pragma once
// The reference's prompt cleaning (scepter tokenizer_component: CLEAN = 'whitespace'):
//   ftfy.fix_text(text) with its defaults, html.unescape twice, strip, regex `\s+` -> ' ', strip.
// Text is UTF-8 in and out. Invalid UTF-8 bytes become U+FFFD each (Python would have refused to
// decode them; a replacement keeps a bad prompt usable).
//
// Deviations from ftfy 6.3, on purpose (tests/data/text/cleaning.json lists them with both results):
// - No mojibake repair (ftfy's fix_encoding, with restore_byte_a0, replace_lossy_sequences and
//   decode_inconsistent_utf8): it is a large statistical heuristic ("cafÃ©" -> "café") for text that
//   went through a wrong codec. Prompts typed into the app arrive as proper Unicode; such text is
//   kept as it is.
// - No NFC: the T5 SentencePiece model normalises with NFKC (nmt_nfkc), which composes anyway, so the
//   token ids are the same; only the cleaned string may keep a decomposed sequence (e + U+0301).
// - remove_terminal_escapes accepts ASCII digits in the parameters of an escape sequence (Python's \d
//   also takes other scripts' digits).
#include <string>

namespace ace {

std::string cleanText(const std::string& text);

namespace text {

// The steps, exposed for tests.
std::string fixText(const std::string& text);       // ftfy.fix_text with the deviations above
std::string htmlUnescape(const std::string& text);  // Python's html.unescape

}  // namespace text
}  // namespace ace
