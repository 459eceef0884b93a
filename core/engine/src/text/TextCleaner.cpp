#include "text/TextCleaner.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string_view>

#include "text/TextCleanerData.h"

namespace ace {
namespace text {
namespace {

using U32 = std::u32string;

constexpr char32_t kReplacement = 0xFFFD;

// ---- UTF-8 ------------------------------------------------------------------------------------

U32 decodeUtf8(const std::string& s) {
    U32 out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            out.push_back(c);
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, cp = c & 0x07, min = 0x10000;
        } else {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        bool ok = i + static_cast<size_t>(extra) < n;
        for (int k = 1; ok && k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += extra + 1;
    }
    return out;
}

std::string encodeUtf8(const U32& s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

// ---- tables -----------------------------------------------------------------------------------

// Windows-1252 for the C1 range as Python's "sloppy-windows-1252" (ftfy) and html.unescape's
// _invalid_charrefs have it: the five bytes Windows-1252 leaves undefined keep their code point.
constexpr char32_t kCp1252C1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

template <size_t N>
const data::NamedString* findNamed(const data::NamedString (&table)[N], const std::string& name) {
    const auto* it = std::lower_bound(std::begin(table), std::end(table), name,
                                      [](const data::NamedString& e, const std::string& key) { return std::strcmp(e.name, key.c_str()) < 0; });
    if (it != std::end(table) && name == it->name)
        return it;
    return nullptr;
}

template <size_t N>
const data::CodeMap* findCode(const data::CodeMap (&table)[N], char32_t c) {
    const auto* it = std::lower_bound(std::begin(table), std::end(table), c, [](const data::CodeMap& e, char32_t key) { return e.from < key; });
    if (it != std::end(table) && it->from == c)
        return it;
    return nullptr;
}

void appendZeroTerminated(U32& out, const char32_t* s) {
    for (; *s != 0; ++s)
        out.push_back(*s);
}

// Names are ASCII; anything else cannot be an entity.
bool toAsciiName(const U32& s, size_t begin, size_t end, std::string& out) {
    out.clear();
    for (size_t i = begin; i < end; ++i) {
        if (s[i] >= 0x80)
            return false;
        out.push_back(static_cast<char>(s[i]));
    }
    return true;
}

bool isAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isAsciiHex(char32_t c) { return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isAsciiAlnum(char32_t c) { return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Python's str.isspace().
bool isPySpace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// `\s` of the `regex` module on str patterns (Unicode White_Space): like isspace() without U+001C..U+001F.
bool isRegexSpace(char32_t c) { return isPySpace(c) && !(c >= 0x1C && c <= 0x1F); }

// ---- html.unescape ----------------------------------------------------------------------------

// Python's html._replace_charref for a numeric reference.
void appendNumericCharref(U32& out, const U32& digits, bool hex) {
    // Saturate: any value above 0x10FFFF behaves the same.
    uint64_t num = 0;
    for (char32_t d : digits) {
        const int v = isAsciiDigit(d) ? int(d - '0') : (d >= 'a' ? int(d - 'a' + 10) : int(d - 'A' + 10));
        num = num * (hex ? 16 : 10) + v;
        if (num > 0x10FFFF)
            num = 0x110000;
    }
    if (num == 0) {
        out.push_back(kReplacement);
        return;
    }
    if (num == 0x0D) {
        out.push_back(U'\r');
        return;
    }
    if (num >= 0x80 && num <= 0x9F) {
        out.push_back(kCp1252C1[num - 0x80]);
        return;
    }
    if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) {
        out.push_back(kReplacement);
        return;
    }
    // html._invalid_codepoints: dropped.
    const bool invalid = (num >= 0x1 && num <= 0x8) || num == 0xB || (num >= 0xE && num <= 0x1F) || num == 0x7F ||
                         (num >= 0xFDD0 && num <= 0xFDEF) || (num & 0xFFFF) == 0xFFFE || (num & 0xFFFF) == 0xFFFF;
    if (invalid)
        return;
    out.push_back(static_cast<char32_t>(num));
}

// Copies `s`, offering each '&' to `reference(i, out)`, which appends a replacement and returns the
// index after the reference it consumed, or 0 when none starts at i (the '&' is then kept).
template <typename Reference>
U32 replaceReferences(const U32& s, Reference&& reference) {
    U32 out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] == U'&') {
            if (const size_t end = reference(i, out); end != 0) {
                i = end;
                continue;
            }
        }
        out.push_back(s[i++]);
    }
    return out;
}

// Python's html.unescape: references matched by
//   &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)
// a named one resolved by the longest prefix (of at least two characters) that names an entity.
U32 htmlUnescape32(const U32& s) {
    if (s.find(U'&') == U32::npos)
        return s;
    const size_t n = s.size();
    std::string name;
    auto isNameChar = [](char32_t c) { return c != U'\t' && c != U'\n' && c != U'\f' && c != U' ' && c != U'<' && c != U'&' && c != U'#' && c != U';'; };
    return replaceReferences(s, [&](size_t i, U32& out) -> size_t {
        const size_t j = i + 1;
        if (j < n && s[j] == U'#') {
            // Decimal first, as the alternation does.
            size_t k = j + 1;
            while (k < n && isAsciiDigit(s[k]))
                ++k;
            if (k > j + 1) {
                appendNumericCharref(out, s.substr(j + 1, k - j - 1), false);
                return (k < n && s[k] == U';') ? k + 1 : k;
            }
            if (j + 1 < n && (s[j + 1] == U'x' || s[j + 1] == U'X')) {
                k = j + 2;
                while (k < n && isAsciiHex(s[k]))
                    ++k;
                if (k > j + 2) {
                    appendNumericCharref(out, s.substr(j + 2, k - j - 2), true);
                    return (k < n && s[k] == U';') ? k + 1 : k;
                }
            }
            return 0;  // "&#" without digits: no reference
        }
        size_t k = j;
        while (k < n && k - j < 32 && isNameChar(s[k]))
            ++k;
        if (k == j)
            return 0;
        const size_t end = (k < n && s[k] == U';') ? k + 1 : k;  // the matched name, with its ';'
        const data::NamedString* hit = nullptr;
        if (toAsciiName(s, j, end, name) && (hit = findNamed(data::kHtml5Entities, name)) != nullptr) {
            appendZeroTerminated(out, hit->value);
            return end;
        }
        // Longest prefix s[j, j+x) with 2 <= x < length that is an entity (those lack a ';').
        for (size_t x = end - j - 1; x >= 2; --x) {
            if (toAsciiName(s, j, j + x, name) && (hit = findNamed(data::kHtml5Entities, name)) != nullptr) {
                appendZeroTerminated(out, hit->value);
                out.append(s, j + x, end - (j + x));
                return end;
            }
        }
        out.append(s, i, end - i);
        return end;
    });
}

// ---- ftfy fixers ------------------------------------------------------------------------------

// ftfy unescape_html: `&#?[0-9A-Za-z]{1,24};`, looked up in the HTML5 table (names with ';') and in
// ftfy's upper-case additions; other numeric references go through html.unescape and are kept
// as they are when that leaves a ';' behind.
U32 ftfyUnescapeHtml(const U32& s) {
    const size_t n = s.size();
    std::string name;
    return replaceReferences(s, [&](size_t i, U32& out) -> size_t {
        size_t j = i + 1;
        const bool numeric = j < n && s[j] == U'#';
        if (numeric)
            ++j;
        size_t k = j;
        while (k < n && isAsciiAlnum(s[k]))
            ++k;
        if (k == j || k - j > 24 || k >= n || s[k] != U';')
            return 0;
        const size_t end = k + 1;
        const data::NamedString* hit = nullptr;
        if (!numeric && toAsciiName(s, j, end, name)) {
            hit = findNamed(data::kHtml5Entities, name);
            if (hit == nullptr)
                hit = findNamed(data::kFtfyUpperEntities, name);
        }
        if (hit != nullptr) {
            appendZeroTerminated(out, hit->value);
        } else if (numeric) {
            const U32 match = s.substr(i, end - i);
            const U32 unescaped = htmlUnescape32(match);
            out += unescaped.find(U';') != U32::npos ? match : unescaped;
        } else {
            out.append(s, i, end - i);
        }
        return end;
    });
}

void fixC1Controls(U32& s) {
    for (char32_t& c : s)
        if (c >= 0x80 && c <= 0x9F)
            c = kCp1252C1[c - 0x80];
}

U32 translate(const U32& s, bool ligatures) {
    U32 out;
    out.reserve(s.size());
    for (char32_t c : s) {
        const data::CodeMap* m = ligatures ? findCode(data::kLigatures, c) : findCode(data::kWidthMap, c);
        if (m != nullptr)
            appendZeroTerminated(out, m->to);
        else
            out.push_back(c);
    }
    return out;
}

void uncurlQuotes(U32& s) {
    for (char32_t& c : s) {
        if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B))
            c = U'\'';
        else if (c >= 0x201C && c <= 0x201F)
            c = U'"';
    }
}

U32 fixLineBreaks(const U32& s) {
    U32 out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (c == U'\r' && i + 1 < s.size() && s[i + 1] == U'\n')
            continue;  // "\r\n" -> "\n": the '\n' follows
        out.push_back((c == U'\r' || c == 0x2028 || c == 0x2029 || c == 0x85) ? U'\n' : c);
    }
    return out;
}

// "\x1b[" (digits or ';')* letter
U32 removeTerminalEscapes(const U32& s) {
    U32 out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] == 0x1B && i + 1 < s.size() && s[i + 1] == U'[') {
            size_t k = i + 2;
            while (k < s.size() && (isAsciiDigit(s[k]) || s[k] == U';'))
                ++k;
            if (k < s.size() && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))) {
                i = k + 1;
                continue;
            }
        }
        out.push_back(s[i++]);
    }
    return out;
}

bool isFtfyControl(char32_t c) {
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF ||
           (c >= 0xFFF9 && c <= 0xFFFC);
}

// ftfy fix_and_explain: the fixers, repeated until the text stops changing.
U32 fixSegment(U32 text, bool unescapeHtml) {
    while (true) {
        const U32 original = text;
        if (unescapeHtml)
            text = ftfyUnescapeHtml(text);
        // (fix_encoding: not ported, see the header)
        fixC1Controls(text);
        text = translate(text, true);
        text = translate(text, false);
        uncurlQuotes(text);
        text = fixLineBreaks(text);
        // (fix_surrogates: decoding already replaced anything that is not a scalar value)
        text = removeTerminalEscapes(text);
        std::erase_if(text, isFtfyControl);
        // (NFC: not applied, see the header)
        if (text == original)
            return text;
    }
}

U32 fixText32(const U32& text) {
    // Line by line; unescape_html='auto' turns off for good at the first line holding a '<'.
    U32 out;
    bool unescapeHtml = true;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t nl = text.find(U'\n', pos);
        const size_t end = nl == U32::npos ? text.size() : nl + 1;
        const U32 segment = text.substr(pos, end - pos);
        if (unescapeHtml && segment.find(U'<') != U32::npos)
            unescapeHtml = false;
        out += fixSegment(segment, unescapeHtml);
        pos = end;
    }
    return out;
}

U32 pyStrip(const U32& s) {
    size_t b = 0, e = s.size();
    while (b < e && isPySpace(s[b]))
        ++b;
    while (e > b && isPySpace(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

U32 collapseWhitespace(const U32& s) {
    U32 out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (isRegexSpace(s[i])) {
            while (i < s.size() && isRegexSpace(s[i]))
                ++i;
            out.push_back(U' ');
        } else {
            out.push_back(s[i++]);
        }
    }
    return out;
}

}  // namespace

std::string fixText(const std::string& text) { return encodeUtf8(fixText32(decodeUtf8(text))); }

std::string htmlUnescape(const std::string& text) { return encodeUtf8(htmlUnescape32(decodeUtf8(text))); }

}  // namespace text

std::string cleanText(const std::string& input) {
    using namespace text;
    U32 s = fixText32(decodeUtf8(input));
    s = htmlUnescape32(htmlUnescape32(s));
    s = pyStrip(s);
    s = collapseWhitespace(s);
    return encodeUtf8(pyStrip(s));
}

}  // namespace ace
