#pragma once
// The pictures of a project archive, decoded in parallel before the layers and assets that hold
// them are built (opening a project used to decode every holder's picture in turn on the GUI
// thread). An entry shared by several holders (see ProjectImageEntries) is decoded once: holders
// asking for the same channels share its pixels, and an RGB picture that is also held as RGBA
// (a result's chat asset and layer) is given its alpha instead of being decoded again. Bounds: the
// sum of the pictures' pixels, from their PNG headers before any pixel is decoded, and at most one
// entry per thread held as encoded bytes besides the archive.
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ace/document/SharedImage.h"

namespace ace {

class ZipReader;

class ProjectImageDecoder {
public:
    // `maxTotalPixels`: what all pictures together may hold; errors name `origin` and the entry.
    ProjectImageDecoder(const ZipReader& zip, std::filesystem::path origin, long long maxTotalPixels);

    // First every picture the project holds, then decodeAll(), then image() for each of them.
    void request(const std::string& entry, int channels);
    // Throws ace::Error naming the file and the entry of a bad, missing or too large picture.
    void decodeAll();
    const SharedImage& image(const std::string& entry, int channels) const;

private:
    using Key = std::pair<std::string, int>;
    const ZipReader& m_zip;
    std::filesystem::path m_origin;
    long long m_maxTotalPixels;
    std::vector<Key> m_order;
    std::map<Key, SharedImage> m_images;
    std::vector<const Key*> m_derived;  // RGBA pictures made from their RGB decode
};

}  // namespace ace
