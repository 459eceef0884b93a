#include "Xml.h"

#include "ace/common/Error.h"

namespace ace::xml {
namespace {

constexpr int kMaxDepth = 64;

class Parser {
public:
    Parser(std::string_view s, const std::string& what) : m_s(s), m_what(what) {}

    std::unique_ptr<Element> document() {
        skipMisc();
        if (!startsWith("<")) fail("no root element");
        auto root = element(0);
        skipMisc();
        if (m_pos != m_s.size()) fail("content after the root element");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw Error(m_what + ": malformed XML at byte " + std::to_string(m_pos) + ": " + problem);
    }
    bool startsWith(std::string_view p) const { return m_s.substr(m_pos, p.size()) == p; }
    bool atEnd() const { return m_pos >= m_s.size(); }
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skipSpace() {
        while (!atEnd() && isSpace(m_s[m_pos])) ++m_pos;
    }
    void skipPast(std::string_view terminator) {
        const auto at = m_s.find(terminator, m_pos);
        if (at == std::string_view::npos) fail("unterminated '" + std::string(terminator) + "'");
        m_pos = at + terminator.size();
    }
    // Prolog, comments, processing instructions and a DOCTYPE without internal subset.
    void skipMisc() {
        for (;;) {
            skipSpace();
            if (startsWith("<?")) skipPast("?>");
            else if (startsWith("<!--")) skipPast("-->");
            else if (startsWith("<!DOCTYPE")) {
                const auto close = m_s.find('>', m_pos);
                const auto bracket = m_s.find('[', m_pos);
                if (bracket != std::string_view::npos && bracket < close) fail("DTDs are not supported");
                skipPast(">");
            } else return;
        }
    }
    std::string name() {
        const std::size_t start = m_pos;
        while (!atEnd()) {
            const char c = m_s[m_pos];
            if (isSpace(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'') break;
            ++m_pos;
        }
        if (m_pos == start) fail("expected a name");
        return std::string(m_s.substr(start, m_pos - start));
    }
    // Decodes character data up to (not including) `stop`.
    std::string chars(char stop) {
        std::string out;
        while (!atEnd() && m_s[m_pos] != stop) {
            const char c = m_s[m_pos];
            if (c == '<' && stop != '<') fail("'<' in an attribute value");
            if (c != '&') {
                out += c;
                ++m_pos;
                continue;
            }
            const auto semi = m_s.find(';', m_pos);
            if (semi == std::string_view::npos || semi - m_pos > 12) fail("bad character reference");
            const std::string_view ref = m_s.substr(m_pos + 1, semi - m_pos - 1);
            if (ref == "lt") out += '<';
            else if (ref == "gt") out += '>';
            else if (ref == "amp") out += '&';
            else if (ref == "quot") out += '"';
            else if (ref == "apos") out += '\'';
            else if (ref.size() > 1 && ref[0] == '#') {
                unsigned long cp = 0;
                const bool hex = ref[1] == 'x';
                const std::string_view digits = ref.substr(hex ? 2 : 1);
                if (digits.empty()) fail("bad character reference");
                for (char d : digits) {
                    int v;
                    if (d >= '0' && d <= '9') v = d - '0';
                    else if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
                    else if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
                    else fail("bad character reference");
                    cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
                    if (cp > 0x10FFFF) fail("character reference out of range");
                }
                if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) fail("character reference out of range");
                appendUtf8(out, cp);
            } else fail("unknown entity '&" + std::string(ref) + ";'");
            m_pos = semi + 1;
        }
        return out;
    }

    std::unique_ptr<Element> element(int depth) {
        if (depth > kMaxDepth) fail("elements nested too deeply");
        ++m_pos;  // '<'
        auto e = std::make_unique<Element>();
        e->name = name();
        for (;;) {
            skipSpace();
            if (atEnd()) fail("unterminated start tag <" + e->name + ">");
            if (startsWith("/>")) {
                m_pos += 2;
                return e;
            }
            if (m_s[m_pos] == '>') {
                ++m_pos;
                break;
            }
            std::string key = name();
            skipSpace();
            if (!startsWith("=")) fail("expected '=' after attribute " + key);
            ++m_pos;
            skipSpace();
            if (atEnd() || (m_s[m_pos] != '"' && m_s[m_pos] != '\'')) fail("expected a quoted value for " + key);
            const char quote = m_s[m_pos++];
            std::string value = chars(quote);
            if (atEnd()) fail("unterminated attribute value");
            ++m_pos;
            if (e->attributes.count(key)) fail("attribute " + key + " appears twice");
            e->attributes.emplace(std::move(key), std::move(value));
        }
        for (;;) {
            if (atEnd()) fail("unterminated element <" + e->name + ">");
            if (startsWith("</")) {
                m_pos += 2;
                const std::string closing = name();
                skipSpace();
                if (closing != e->name) fail("</" + closing + "> closes <" + e->name + ">");
                if (!startsWith(">")) fail("expected '>'");
                ++m_pos;
                return e;
            }
            if (startsWith("<!--")) skipPast("-->");
            else if (startsWith("<?")) skipPast("?>");
            else if (startsWith("<![CDATA[")) {
                const std::size_t start = m_pos + 9;
                skipPast("]]>");
                e->text.append(m_s.substr(start, m_pos - 3 - start));
            } else if (m_s[m_pos] == '<') e->children.push_back(element(depth + 1));
            else e->text += chars('<');
        }
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
    const std::string& m_what;
};

}  // namespace

void appendUtf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

const Element* Element::child(std::string_view childName) const {
    for (const auto& c : children)
        if (c->name == childName) return c.get();
    return nullptr;
}

const std::string* Element::attribute(const std::string& attributeName) const {
    const auto it = attributes.find(attributeName);
    return it == attributes.end() ? nullptr : &it->second;
}

std::unique_ptr<Element> parse(std::string_view text, const std::string& what) {
    if (text.size() > (64u << 20)) throw Error(what + ": XML document too large");
    return Parser(text, what).document();
}

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\r': out += "&#13;"; break;
        case '\n': out += "&#10;"; break;
        case '\t': out += "&#9;"; break;
        default:
            // Other control characters are not allowed in XML 1.0 at all.
            if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
    }
    return out;
}

}  // namespace ace::xml
