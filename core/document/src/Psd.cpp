// Adobe Photoshop file format (version 1, 8-bit RGB), after Adobe's "Photoshop File Formats
// Specification": header, colour mode data, image resources, layer and mask information, merged
// image data. All integers are big-endian.
#include <zlib.h>

#include <array>
#include <cstring>
#include <sstream>

#include "LayerPixels.h"
#include "Xml.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/Compositor.h"
#include "ace/document/Export.h"

namespace ace {
namespace {

constexpr std::array<std::pair<BlendMode, const char*>, 7> kKeys{{
    {BlendMode::Normal, "norm"},
    {BlendMode::Multiply, "mul "},
    {BlendMode::Screen, "scrn"},
    {BlendMode::Overlay, "over"},
    {BlendMode::Darken, "dark"},
    {BlendMode::Lighten, "lite"},
    {BlendMode::Difference, "diff"},
}};
constexpr std::uint16_t kXmpResource = 1060;
constexpr const char* kAceNamespace = "https://ace-desktop.org/ns/xmp/1/";

class Writer {
public:
    std::vector<std::uint8_t> bytes;
    void u8(std::uint32_t v) { bytes.push_back(static_cast<std::uint8_t>(v)); }
    void u16(std::uint32_t v) { u8(v >> 8), u8(v); }
    void u32(std::uint32_t v) { u16(v >> 16), u16(v & 0xffff); }
    void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
    void raw(const void* p, std::size_t n) {
        const auto* b = static_cast<const std::uint8_t*>(p);
        bytes.insert(bytes.end(), b, b + n);
    }
    void text(const char* s) { raw(s, std::strlen(s)); }
    void append(const std::vector<std::uint8_t>& other) { bytes.insert(bytes.end(), other.begin(), other.end()); }
    // Reserves a 4-byte length and returns its position; patch() fills it in.
    std::size_t placeholder() {
        u32(0);
        return bytes.size() - 4;
    }
    void patch(std::size_t at) {
        const auto v = static_cast<std::uint32_t>(bytes.size() - at - 4);
        bytes[at] = static_cast<std::uint8_t>(v >> 24), bytes[at + 1] = static_cast<std::uint8_t>(v >> 16);
        bytes[at + 2] = static_cast<std::uint8_t>(v >> 8), bytes[at + 3] = static_cast<std::uint8_t>(v);
    }
    void padTo(std::size_t from, std::size_t multiple) {
        while ((bytes.size() - from) % multiple) u8(0);
    }
};

class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size, const std::filesystem::path& file)
        : m_data(data), m_size(size), m_file(file) {}
    std::size_t pos() const { return m_pos; }
    std::size_t remaining() const { return m_size - m_pos; }
    void need(std::size_t n, const char* what) const {
        if (n > remaining()) throw Error(m_file, std::string("truncated PSD (") + what + ")");
    }
    std::uint8_t u8(const char* what) {
        need(1, what);
        return m_data[m_pos++];
    }
    std::uint16_t u16(const char* what) {
        need(2, what);
        const auto v = static_cast<std::uint16_t>((m_data[m_pos] << 8) | m_data[m_pos + 1]);
        m_pos += 2;
        return v;
    }
    std::uint32_t u32(const char* what) {
        const std::uint32_t hi = u16(what);
        return (hi << 16) | u16(what);
    }
    std::int32_t i32(const char* what) { return static_cast<std::int32_t>(u32(what)); }
    const std::uint8_t* take(std::size_t n, const char* what) {
        need(n, what);
        const std::uint8_t* p = m_data + m_pos;
        m_pos += n;
        return p;
    }
    void skip(std::size_t n, const char* what) { take(n, what); }
    void seek(std::size_t to, const char* what) {
        if (to > m_size) throw Error(m_file, std::string("truncated PSD (") + what + ")");
        m_pos = to;
    }
    std::string key(const char* what) {
        const auto* p = take(4, what);
        return std::string(reinterpret_cast<const char*>(p), 4);
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    const std::filesystem::path& m_file;
};

// PackBits, one row.
void packBits(const std::uint8_t* row, int n, std::vector<std::uint8_t>& out) {
    int i = 0;
    while (i < n) {
        int run = 1;
        while (i + run < n && run < 128 && row[i + run] == row[i]) ++run;
        if (run >= 2) {
            out.push_back(static_cast<std::uint8_t>(257 - run));  // -(run - 1)
            out.push_back(row[i]);
            i += run;
            continue;
        }
        // Literal run: until two equal bytes start a repeat (or 128 bytes).
        int lit = 1;
        while (i + lit < n && lit < 128 && !(i + lit + 1 < n && row[i + lit] == row[i + lit + 1])) ++lit;
        out.push_back(static_cast<std::uint8_t>(lit - 1));
        out.insert(out.end(), row + i, row + i + lit);
        i += lit;
    }
}

void unpackBits(const std::uint8_t* in, std::size_t inSize, std::uint8_t* out, std::size_t outSize,
                const std::filesystem::path& file) {
    std::size_t i = 0, o = 0;
    while (o < outSize) {
        if (i >= inSize) throw Error(file, "corrupt PSD: RLE row ends early");
        const auto header = static_cast<std::int8_t>(in[i++]);
        if (header >= 0) {
            const std::size_t n = static_cast<std::size_t>(header) + 1;
            if (i + n > inSize || o + n > outSize) throw Error(file, "corrupt PSD: RLE literal runs past the row");
            std::memcpy(out + o, in + i, n);
            i += n, o += n;
        } else if (header != -128) {
            const std::size_t n = static_cast<std::size_t>(1 - header);
            if (i >= inSize || o + n > outSize) throw Error(file, "corrupt PSD: RLE repeat runs past the row");
            std::memset(out + o, in[i++], n);
            o += n;
        }
    }
}

// PackBits of each row of a plane [h][w], appending the data and each row's byte count.
void packRows(const std::vector<std::uint8_t>& plane, int w, int h, std::vector<std::uint8_t>& data,
              std::vector<std::uint16_t>& counts) {
    for (int y = 0; y < h; ++y) {
        const std::size_t before = data.size();
        packBits(plane.data() + static_cast<std::size_t>(y) * w, w, data);
        counts.push_back(static_cast<std::uint16_t>(data.size() - before));
    }
}

// One channel plane [h][w] -> compressed channel data (with its 2-byte compression tag) in the
// layer format (RLE: h row byte counts, then the rows).
std::vector<std::uint8_t> encodeChannel(const std::vector<std::uint8_t>& plane, int w, int h, PsdCompression compression) {
    Writer out;
    if (compression == PsdCompression::Raw || w == 0 || h == 0) {
        out.u16(0);
        out.append(plane);
        return out.bytes;
    }
    out.u16(1);
    std::vector<std::uint8_t> data;
    std::vector<std::uint16_t> counts;
    packRows(plane, w, h, data, counts);
    for (auto c : counts) out.u16(c);
    out.append(data);
    return out.bytes;
}

std::vector<std::uint8_t> planeOf(const Image& rgba, int channel) {
    std::vector<std::uint8_t> plane(static_cast<std::size_t>(rgba.width) * rgba.height);
    for (std::size_t i = 0; i < plane.size(); ++i) plane[i] = rgba.data[i * 4 + static_cast<std::size_t>(channel)];
    return plane;
}

std::u16string utf16(const std::string& s) {
    std::u16string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        int len;
        if (c < 0x80) cp = c, len = 1;
        else if ((c >> 5) == 6) cp = c & 0x1f, len = 2;
        else if ((c >> 4) == 14) cp = c & 0x0f, len = 3;
        else if ((c >> 3) == 30) cp = c & 0x07, len = 4;
        else cp = 0xFFFD, len = 1;
        if (i + len > s.size()) cp = 0xFFFD, len = 1;
        for (int k = 1; k < len && cp != 0xFFFD; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc >> 6) != 2) cp = 0xFFFD, len = 1;
            else cp = (cp << 6) | (cc & 0x3f);
        }
        i += static_cast<std::size_t>(len);
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            cp -= 0x10000;
            out += static_cast<char16_t>(0xD800 + (cp >> 10));
            out += static_cast<char16_t>(0xDC00 + (cp & 0x3ff));
        } else out += static_cast<char16_t>(cp > 0x10FFFF ? 0xFFFD : cp);
    }
    return out;
}

std::string utf8(const std::u16string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char32_t cp = s[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[++i] - 0xDC00);
        else if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
        xml::appendUtf8(out, cp);
    }
    return out;
}

bool validUtf8(const std::uint8_t* p, std::size_t n) {
    for (std::size_t i = 0; i < n;) {
        const std::uint8_t c = p[i];
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

// A Pascal layer name: UTF-8 when it is valid UTF-8 (ours), else Latin-1 (older writers).
std::string pascalName(const std::uint8_t* p, std::size_t n) {
    if (validUtf8(p, n)) return std::string(reinterpret_cast<const char*>(p), n);
    std::string out;
    for (std::size_t k = 0; k < n; ++k) {
        const unsigned char ch = p[k];
        if (ch < 0x80) out += static_cast<char>(ch);
        else out += static_cast<char>(0xC0 | (ch >> 6)), out += static_cast<char>(0x80 | (ch & 0x3F));
    }
    return out;
}

std::string xmpPacket(const Document& document, const std::string& transcript) {
    std::string masks;
    for (int i = 0; i < document.layerCount(); ++i)
        if (document.layer(i).kind == LayerKind::Mask) masks += (masks.empty() ? "" : " ") + std::to_string(i);
    std::ostringstream x;
    x << "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      << "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      << " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      << "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:ace=\"" << kAceNamespace << "\">\n"
      << "   <xmp:CreatorTool>ACE Desktop</xmp:CreatorTool>\n"
      << "   <ace:maskLayers>" << masks << "</ace:maskLayers>\n"
      << "   <ace:transcript>" << xml::escape(transcript) << "</ace:transcript>\n"
      << "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x.str();
}

const xml::Element* findElement(const xml::Element& e, const std::string& name) {
    if (e.name == name) return &e;
    for (const auto& c : e.children)
        if (const auto* found = findElement(*c, name)) return found;
    return nullptr;
}

// Decodes `h` rows of `w` bytes of one channel; `data` spans exactly the channel's bytes after
// the compression tag (layers) or the whole remaining merged data.
void decodePlane(int compression, Reader& in, std::size_t end, int w, int h, std::uint8_t* out,
                 const std::filesystem::path& file, const std::uint16_t* rowCounts) {
    const std::size_t size = static_cast<std::size_t>(w) * h;
    if (compression == 0) {
        if (in.pos() + size > end) throw Error(file, "corrupt PSD: raw channel data is short");
        std::memcpy(out, in.take(size, "raw channel"), size);
    } else if (compression == 1) {
        for (int y = 0; y < h; ++y) {
            const std::size_t n = rowCounts[y];
            if (in.pos() + n > end) throw Error(file, "corrupt PSD: RLE channel data is short");
            unpackBits(in.take(n, "RLE row"), n, out + static_cast<std::size_t>(y) * w, static_cast<std::size_t>(w), file);
        }
    } else if (compression == 2 || compression == 3) {
        const std::size_t n = end - in.pos();
        const std::uint8_t* src = in.take(n, "ZIP channel");
        uLongf produced = static_cast<uLongf>(size);
        if (size > 0 && (uncompress(out, &produced, src, static_cast<uLong>(n)) != Z_OK || produced != size))
            throw Error(file, "corrupt PSD: ZIP channel data does not inflate to the layer size");
        if (compression == 3)  // per-row delta prediction
            for (int y = 0; y < h; ++y)
                for (int x = 1; x < w; ++x) out[static_cast<std::size_t>(y) * w + x] += out[static_cast<std::size_t>(y) * w + x - 1];
    } else {
        throw Error(file, "unsupported PSD channel compression " + std::to_string(compression));
    }
}

}  // namespace

void writePsd(const std::filesystem::path& file, const Document& document, const std::string& transcript,
              PsdCompression compression) {
    if (document.width() <= 0) throw Error(file, "the document is empty");
    if (document.width() > 30000 || document.height() > 30000) throw Error(file, "PSD files are limited to 30000 pixels a side");
    if (document.layerCount() > 8000) throw Error(file, "too many layers for a PSD file");
    Writer out;
    out.text("8BPS");
    out.u16(1);
    out.raw("\0\0\0\0\0\0", 6);
    out.u16(4);  // R, G, B and the merged transparency
    out.u32(static_cast<std::uint32_t>(document.height()));
    out.u32(static_cast<std::uint32_t>(document.width()));
    out.u16(8);
    out.u16(3);  // RGB
    out.u32(0);  // colour mode data

    // Image resources: the XMP packet.
    const std::size_t resources = out.placeholder();
    {
        const std::string xmp = xmpPacket(document, transcript);
        out.text("8BIM");
        out.u16(kXmpResource);
        out.u16(0);  // empty Pascal name, padded to even
        out.u32(static_cast<std::uint32_t>(xmp.size()));
        out.raw(xmp.data(), xmp.size());
        if (xmp.size() % 2) out.u8(0);
    }
    out.patch(resources);

    const std::size_t layerAndMask = out.placeholder();
    const std::size_t layerInfo = out.placeholder();
    const std::size_t layerInfoStart = out.bytes.size();
    // A negative count says the first alpha channel of the merged image is its transparency.
    out.u16(static_cast<std::uint16_t>(-document.layerCount()));
    std::vector<std::vector<std::vector<std::uint8_t>>> channelData;
    for (int i = 0; i < document.layerCount(); ++i) {  // bottom first, as in our stack
        const Layer& layer = document.layer(i);
        const Image rgba = layer.kind == LayerKind::Mask ? detail::maskToRgba(layer.image()) : layer.image();
        const Rect b = layer.bounds();
        std::vector<std::vector<std::uint8_t>> channels;
        for (int c : {3, 0, 1, 2}) channels.push_back(encodeChannel(planeOf(rgba, c), rgba.width, rgba.height, compression));
        out.i32(b.y);
        out.i32(b.x);
        out.i32(b.bottom());
        out.i32(b.right());
        out.u16(4);
        const std::array<std::int16_t, 4> ids{-1, 0, 1, 2};
        for (std::size_t c = 0; c < 4; ++c) {
            out.u16(static_cast<std::uint16_t>(ids[c]));
            out.u32(static_cast<std::uint32_t>(channels[c].size()));
        }
        out.text("8BIM");
        const char* key = "norm";
        for (const auto& [m, k] : kKeys)
            if (m == layer.blendMode) key = k;
        out.text(key);
        out.u8(static_cast<std::uint32_t>(std::lround(std::clamp(layer.opacity, 0.0f, 1.0f) * 255.0f)));
        out.u8(0);                                        // clipping: base
        out.u8((layer.visible ? 0 : 2) | (layer.locked ? 1 : 0));  // bit 0 transparency protected, bit 1 hidden
        out.u8(0);
        const std::size_t extra = out.placeholder();
        out.u32(0);  // no layer mask
        out.u32(0);  // no blending ranges
        {
            // Pascal name, padded to a multiple of 4: UTF-8 cut at a character boundary to 255
            // bytes, so that readers that ignore 'luni' (ImageMagick) still show the name; readers
            // that know 'luni' (Photoshop, GIMP, Krita) take the full Unicode name from there.
            const std::size_t start = out.bytes.size();
            std::string pascal = layer.name.substr(0, 255);
            if (layer.name.size() > 255) {
                std::size_t cut = 255;
                while (cut > 0 && (static_cast<unsigned char>(layer.name[cut]) & 0xC0) == 0x80) --cut;
                pascal = layer.name.substr(0, cut);
            }
            out.u8(static_cast<std::uint32_t>(pascal.size()));
            out.raw(pascal.data(), pascal.size());
            out.padTo(start, 4);
        }
        {
            const std::u16string name = utf16(layer.name);
            out.text("8BIM");
            out.text("luni");
            const std::size_t len = out.placeholder();
            const std::size_t start = out.bytes.size();
            out.u32(static_cast<std::uint32_t>(name.size()));
            for (char16_t ch : name) out.u16(ch);
            out.padTo(start, 4);
            out.patch(len);
        }
        out.patch(extra);
        channelData.push_back(std::move(channels));
    }
    for (const auto& channels : channelData)
        for (const auto& c : channels) out.append(c);
    out.padTo(layerInfoStart, 2);
    out.patch(layerInfo);
    out.u32(0);  // no global layer mask info
    out.patch(layerAndMask);

    // Merged image: planar R, G, B, A; RLE stores all row counts first.
    const Image merged = composite(document);
    const int w = merged.width, h = merged.height;
    if (compression == PsdCompression::Raw) {
        out.u16(0);
        for (int c = 0; c < 4; ++c) out.append(planeOf(merged, c));
    } else {
        out.u16(1);
        std::vector<std::uint8_t> data;
        std::vector<std::uint16_t> counts;
        for (int c = 0; c < 4; ++c) packRows(planeOf(merged, c), w, h, data, counts);
        for (auto c : counts) out.u16(c);
        out.append(data);
    }
    writeFileAtomically(file, out.bytes);
}

LayeredFile readPsd(const std::filesystem::path& file) {
    const auto bytes = readFileBytes(file, 2ULL << 30);
    Reader in(bytes.data(), bytes.size(), file);
    if (in.remaining() < 26 || in.key("header") != "8BPS") throw Error(file, "not a Photoshop file");
    const auto version = in.u16("header");
    if (version == 2) throw Error(file, "large documents (PSB) are not supported");
    if (version != 1) throw Error(file, "unknown Photoshop file version " + std::to_string(version));
    in.skip(6, "header");
    const int channels = in.u16("header");
    const auto height = in.u32("header"), width = in.u32("header");
    const int depth = in.u16("header"), mode = in.u16("header");
    if (channels < 1 || channels > 56) throw Error(file, "corrupt PSD: " + std::to_string(channels) + " channels");
    if (width < 1 || height < 1 || width > 30000 || height > 30000)
        throw Error(file, "corrupt PSD: size " + std::to_string(width) + "x" + std::to_string(height));
    if (depth != 8) throw Error(file, "only 8-bit PSD files are supported (this one has " + std::to_string(depth) + " bits)");
    if (mode != 3) throw Error(file, "only RGB PSD files are supported (colour mode " + std::to_string(mode) + ")");
    if (channels < 3) throw Error(file, "corrupt PSD: an RGB image with " + std::to_string(channels) + " channels");
    if (static_cast<long long>(width) * height > 16384LL * 16384LL) throw Error(file, "the image is too large");
    in.skip(in.u32("colour mode data"), "colour mode data");

    LayeredFile result;
    result.document = Document(static_cast<int>(width), static_cast<int>(height));
    std::vector<int> maskIndices;
    {
        const std::size_t length = in.u32("image resources");
        const std::size_t end = in.pos() + length;
        in.need(length, "image resources");
        while (in.pos() + 12 <= end) {
            const std::string sig = in.key("image resource");
            if (sig != "8BIM") throw Error(file, "corrupt PSD: bad image resource signature");
            const auto id = in.u16("image resource");
            const std::size_t nameLen = in.u8("image resource");
            in.skip(nameLen + ((nameLen + 1) % 2), "image resource name");
            const std::size_t size = in.u32("image resource");
            if (in.pos() + size > end) throw Error(file, "corrupt PSD: image resource runs past its section");
            const auto* data = in.take(size, "image resource");
            if (size % 2) in.skip(std::min<std::size_t>(1, end - in.pos()), "image resource padding");
            if (id != kXmpResource) continue;
            try {
                const auto root = xml::parse(std::string_view(reinterpret_cast<const char*>(data), size), file.string() + ": XMP");
                if (const auto* t = findElement(*root, "ace:transcript")) result.transcript = t->text;
                if (const auto* m = findElement(*root, "ace:maskLayers")) {
                    std::istringstream list(m->text);
                    int index;
                    while (list >> index) maskIndices.push_back(index);
                }
            } catch (const Error&) {
                // Metadata of other tools that we cannot parse does not make the pixels unreadable.
            }
        }
        in.seek(end, "image resources");
    }

    const std::size_t layerAndMaskLength = in.u32("layer and mask information");
    in.need(layerAndMaskLength, "layer and mask information");
    const std::size_t mergedStart = in.pos() + layerAndMaskLength;
    if (layerAndMaskLength >= 4) {
        const std::size_t layerInfoLength = in.u32("layer info");
        const std::size_t layerInfoEnd = in.pos() + layerInfoLength;
        if (layerInfoEnd > mergedStart) throw Error(file, "corrupt PSD: layer info runs past its section");
        if (layerInfoLength >= 2) {
            const int count = std::abs(static_cast<std::int16_t>(in.u16("layer count")));
            struct Record {
                Rect bounds;
                std::vector<std::pair<int, std::uint32_t>> channels;
                std::string key;
                int opacity, flags;
                std::string name;
                bool skip = false;
            };
            std::vector<Record> records;
            for (int i = 0; i < count; ++i) {
                Record r;
                const std::int32_t top = in.i32("layer record"), left = in.i32("layer record");
                const std::int32_t bottom = in.i32("layer record"), right = in.i32("layer record");
                if (bottom < top || right < left || static_cast<long long>(bottom) - top > 30000 ||
                    static_cast<long long>(right) - left > 30000 || std::abs(static_cast<long long>(top)) > 1'000'000 ||
                    std::abs(static_cast<long long>(left)) > 1'000'000)
                    throw Error(file, "corrupt PSD: layer " + std::to_string(i) + " has bad bounds");
                r.bounds = {left, top, right - left, bottom - top};
                const int nChannels = in.u16("layer record");
                if (nChannels > 56) throw Error(file, "corrupt PSD: layer with " + std::to_string(nChannels) + " channels");
                for (int c = 0; c < nChannels; ++c) {
                    const int id = static_cast<std::int16_t>(in.u16("channel info"));
                    r.channels.emplace_back(id, in.u32("channel info"));
                }
                if (in.key("blend signature") != "8BIM") throw Error(file, "corrupt PSD: bad blend mode signature");
                r.key = in.key("blend mode");
                r.opacity = in.u8("layer record");
                in.u8("layer record");  // clipping
                r.flags = in.u8("layer record");
                in.u8("layer record");
                const std::size_t extraLength = in.u32("layer extra data");
                const std::size_t extraEnd = in.pos() + extraLength;
                if (extraEnd > layerInfoEnd) throw Error(file, "corrupt PSD: layer extra data runs past the layer info");
                in.skip(in.u32("layer mask data"), "layer mask data");
                in.skip(in.u32("blending ranges"), "blending ranges");
                if (in.pos() >= extraEnd) throw Error(file, "corrupt PSD: layer extra data too short");
                const std::size_t nameLen = in.u8("layer name");
                const auto* name = in.take(nameLen, "layer name");
                r.name = pascalName(name, nameLen);
                in.skip((4 - (nameLen + 1) % 4) % 4, "layer name padding");
                while (in.pos() + 12 <= extraEnd) {
                    const std::string sig = in.key("additional layer information");
                    if (sig != "8BIM" && sig != "8B64") throw Error(file, "corrupt PSD: bad additional layer information");
                    const std::string key = in.key("additional layer information");
                    const std::size_t len = in.u32("additional layer information");
                    if (in.pos() + len > extraEnd) throw Error(file, "corrupt PSD: additional layer information runs past its layer");
                    const std::size_t blockEnd = in.pos() + len;
                    if (key == "luni" && len >= 4) {
                        const std::size_t chars = in.u32("luni");
                        if (chars * 2 > len - 4) throw Error(file, "corrupt PSD: bad Unicode layer name");
                        std::u16string u;
                        for (std::size_t k = 0; k < chars; ++k) u += static_cast<char16_t>(in.u16("luni"));
                        while (!u.empty() && u.back() == 0) u.pop_back();
                        r.name = utf8(u);
                    } else if ((key == "lsct" || key == "lsdk") && len >= 4) {
                        // Group start/end markers carry no pixels of their own.
                        const auto type = in.u32("section divider");
                        if (type != 0) r.skip = true;
                    }
                    in.seek(blockEnd, "additional layer information");
                }
                in.seek(extraEnd, "layer extra data");
                records.push_back(std::move(r));
            }
            long long totalPixels = 0;
            for (std::size_t i = 0; i < records.size(); ++i) {
                const Record& r = records[i];
                const int w = r.bounds.width, h = r.bounds.height;
                totalPixels += static_cast<long long>(w) * h;
                if (totalPixels > 16384LL * 16384LL) throw Error(file, "the layers hold too many pixels");
                Image rgba(w, h, 4, 0);
                bool hasAlpha = false;
                std::vector<std::uint8_t> plane(static_cast<std::size_t>(w) * h);
                for (const auto& [id, length] : r.channels) {
                    const std::size_t end = in.pos() + length;
                    if (end > layerInfoEnd) throw Error(file, "corrupt PSD: channel data runs past the layer info");
                    if (length < 2) {
                        in.seek(end, "channel data");
                        continue;
                    }
                    const int compression = in.u16("channel compression");
                    if (id < -1 || id > 2 || w == 0 || h == 0) {  // user masks and extra channels
                        in.seek(end, "channel data");
                        continue;
                    }
                    std::vector<std::uint16_t> counts;
                    if (compression == 1)
                        for (int y = 0; y < h; ++y) counts.push_back(in.u16("RLE row counts"));
                    decodePlane(compression, in, end, w, h, plane.data(), file, counts.data());
                    const int c = id == -1 ? 3 : id;
                    hasAlpha = hasAlpha || id == -1;
                    for (std::size_t p = 0; p < plane.size(); ++p) rgba.data[p * 4 + static_cast<std::size_t>(c)] = plane[p];
                    in.seek(end, "channel data");
                }
                if (r.skip || w == 0 || h == 0) continue;
                if (!hasAlpha)
                    for (std::size_t p = 0; p < plane.size(); ++p) rgba.data[p * 4 + 3] = 255;
                const bool isMask = std::find(maskIndices.begin(), maskIndices.end(), static_cast<int>(i)) != maskIndices.end();
                Layer layer = isMask ? Layer::mask(r.name, toMask(rgba), r.bounds.x, r.bounds.y)
                                     : Layer::raster(r.name, rgba, r.bounds.x, r.bounds.y);
                layer.opacity = static_cast<float>(r.opacity) / 255.0f;
                layer.visible = (r.flags & 2) == 0;
                layer.locked = (r.flags & 1) != 0;
                for (const auto& [m, k] : kKeys)
                    if (r.key == k) layer.blendMode = m;
                result.document.addLayer(std::move(layer));
            }
        }
    }
    in.seek(mergedStart, "merged image");
    if (result.document.layerCount() == 0) {
        // No layers: the merged image is the one layer.
        const int compression = in.u16("merged image");
        const int w = static_cast<int>(width), h = static_cast<int>(height);
        const int used = std::min(channels, 4);
        std::vector<std::uint16_t> counts;
        if (compression == 1)
            for (int k = 0; k < channels * h; ++k) counts.push_back(in.u16("RLE row counts"));
        Image rgba(w, h, 4, 255);
        std::vector<std::uint8_t> plane(static_cast<std::size_t>(w) * h);
        for (int c = 0; c < used; ++c) {
            if (compression == 2 || compression == 3) throw Error(file, "ZIP-compressed merged images are not supported");
            decodePlane(compression, in, bytes.size(), w, h, plane.data(), file,
                        compression == 1 ? counts.data() + static_cast<std::size_t>(c) * h : nullptr);
            for (std::size_t p = 0; p < plane.size(); ++p) rgba.data[p * 4 + static_cast<std::size_t>(c)] = plane[p];
        }
        result.document.addLayer(Layer::raster("Background", rgba));
    }
    result.document.takeDirty();
    result.document.markAllDirty();
    return result;
}

}  // namespace ace
