#pragma once
// A minimal XML reader for the small, well-formed documents the layered formats carry
// (OpenRaster's stack.xml, PSD's XMP packet): elements, attributes and text with the predefined
// and numeric character references. No DTDs, no namespaces processing (prefixes stay in the
// names). Nesting depth and size are bounded; malformed input throws ace::Error.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ace::xml {

struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::vector<std::unique_ptr<Element>> children;
    std::string text;  // concatenated character data directly inside this element

    const Element* child(std::string_view childName) const;
    const std::string* attribute(const std::string& attributeName) const;
};

// `what` names the document in error messages (e.g. "stack.xml").
std::unique_ptr<Element> parse(std::string_view text, const std::string& what);

// Appends a Unicode code point (<= 0x10FFFF) as UTF-8.
void appendUtf8(std::string& out, unsigned long codePoint);

// Escapes &, <, >, " and ' for text and attribute values.
std::string escape(std::string_view text);

}  // namespace ace::xml
