#pragma once
// The image entries of one project archive. Pictures that are the same are written once and
// shared: a turn's result is both a layer version and a chat asset (RGBA and RGB), a mask both the
// mask layer and the mask sent with a turn, a re-run with the same seed a second identical
// version. A version's or an asset's "image" field names whichever entry holds its picture, and the
// reader converts the channels, so files written this way open in every reader of format 2.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "ace/common/Image.h"

namespace ace {

class PngCache;
class ZipWriter;

class ProjectImageEntries {
public:
    // `cache` (may be null) supplies the PNGs of images encoded by earlier saves.
    ProjectImageEntries(ZipWriter& zip, PngCache* cache) : m_zip(zip), m_cache(cache) {}

    // The entry that holds `image`: that of the same picture written earlier in this archive, or
    // `entry`, written now. `image` must outlive this object.
    std::string entryFor(const Image& image, const std::string& entry);

    // Whether `a` and `b` are the same picture once read back as each other's channels: equal
    // pixels, where an RGBA image stands for an RGB one only when it is fully opaque.
    static bool samePicture(const Image& a, const Image& b);

private:
    struct Written {
        const Image* image;
        std::string entry;
    };
    ZipWriter& m_zip;
    PngCache* m_cache;
    // By a cheap key (size and a sample of colours); candidates are compared pixel by pixel.
    std::unordered_multimap<std::uint64_t, Written> m_written;
};

}  // namespace ace
