#pragma once
// The PNG encodings of images saved before, by content, so that a save which writes mostly the
// same pixels as the previous one (every autosave) encodes only the images that changed. PNG
// encoding is by far the costliest part of writing a project: a 2048² layer takes about 0.1 s.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ace/common/Image.h"

namespace ace {

class PngCache {
public:
    using Bytes = std::shared_ptr<const std::vector<std::uint8_t>>;

    // At most `budgetBytes` of PNGs are kept (about 1000 layers of 1024² for the default); an
    // image that does not fit is encoded every time, as without a cache.
    explicit PngCache(std::size_t budgetBytes = std::size_t(512) << 20) : m_budget(budgetBytes) {}

    // The PNG of `image`: the bytes of an identical image encoded earlier, or encoded now (then
    // `origin` names the image in an encoder error). Images are matched by size, channels and a
    // 128-bit hash of their pixels (two independent 64-bit hashes), so a false match needs a
    // collision of both. `storedForm`, when given, makes what is encoded on a miss from `image`
    // (an opaque RGBA image written as RGB), so a hit costs no conversion.
    Bytes encode(const Image& image, const std::string& origin, const std::function<Image()>& storedForm = {});

    // Forgets the images no encode() asked for since the previous call, so a cache that serves
    // one project's saves holds that project's current images and no more.
    void dropUnused();

    std::size_t size() const;          // images held
    std::size_t bytes() const;         // their PNGs' size
    std::size_t encodedCount() const;  // images encoded (not found) since construction
    std::size_t foundCount() const;    // images found encoded since construction

private:
    struct Key {
        int width, height, channels;
        std::uint64_t hashA, hashB;
        auto operator<=>(const Key&) const = default;
    };
    struct Entry {
        Bytes png;
        bool used = false;
    };
    static Key keyOf(const Image& image);

    mutable std::mutex m_mutex;
    std::map<Key, Entry> m_entries;
    std::size_t m_budget;
    std::size_t m_bytes = 0;
    std::size_t m_encoded = 0;
    std::size_t m_found = 0;
};

}  // namespace ace
