#include "ace/document/PngCache.h"

#include <cstring>
#include <functional>
#include <string_view>

#include "ace/imaging/ImageIo.h"

namespace ace {
namespace {

// A second hash, independent of std::hash's (MurmurHash in libstdc++): 8 bytes at a time through
// a multiply-xorshift mix (splitmix64's finaliser), then the tail bytes.
std::uint64_t wordHash(const std::vector<std::uint8_t>& data) {
    const auto mix = [](std::uint64_t x) {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ data.size();
    std::size_t i = 0;
    for (; i + 8 <= data.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data.data() + i, 8);
        h = mix(h ^ word) + i;
    }
    std::uint64_t tail = 0;
    if (i < data.size()) std::memcpy(&tail, data.data() + i, data.size() - i);
    return mix(h ^ tail);
}

}  // namespace

PngCache::Key PngCache::keyOf(const Image& image) {
    const std::string_view bytes(reinterpret_cast<const char*>(image.data.data()), image.data.size());
    return {image.width, image.height, image.channels, std::hash<std::string_view>{}(bytes), wordHash(image.data)};
}

PngCache::Bytes PngCache::encode(const Image& image, const std::string& origin, const std::function<Image()>& storedForm) {
    const Key key = keyOf(image);
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(key);
        if (it != m_entries.end()) {
            it->second.used = true;
            ++m_found;
            return it->second.png;
        }
    }
    // Encoded outside the lock: it is the slow part, and it does not touch the cache.
    auto png = std::make_shared<const std::vector<std::uint8_t>>(
        storedForm ? encodeImage(storedForm(), ".png", {}, origin) : encodeImage(image, ".png", {}, origin));
    const std::lock_guard lock(m_mutex);
    ++m_encoded;
    if (m_bytes + png->size() <= m_budget && m_entries.emplace(key, Entry{png, true}).second) m_bytes += png->size();
    return png;
}

void PngCache::dropUnused() {
    const std::lock_guard lock(m_mutex);
    std::erase_if(m_entries, [this](const auto& e) {
        if (e.second.used) return false;
        m_bytes -= e.second.png->size();
        return true;
    });
    for (auto& [key, entry] : m_entries) entry.used = false;
}

std::size_t PngCache::size() const {
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

std::size_t PngCache::bytes() const {
    const std::lock_guard lock(m_mutex);
    return m_bytes;
}

std::size_t PngCache::foundCount() const {
    const std::lock_guard lock(m_mutex);
    return m_found;
}

std::size_t PngCache::encodedCount() const {
    const std::lock_guard lock(m_mutex);
    return m_encoded;
}

}  // namespace ace
