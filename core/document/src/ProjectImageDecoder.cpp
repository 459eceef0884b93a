#include "ProjectImageDecoder.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <exception>
#include <future>
#include <optional>
#include <system_error>
#include <thread>

#include "ace/common/Error.h"
#include "ace/document/Layer.h"
#include "ace/document/Zip.h"
#include "ace/imaging/ImageIo.h"

namespace ace {
namespace {

// Width x height from a PNG's IHDR chunk, which a valid PNG has first; none for anything else.
std::optional<long long> pngPixels(const std::vector<std::uint8_t>& bytes) {
    static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (bytes.size() < 24 || !std::equal(kSignature, kSignature + 8, bytes.begin())) return std::nullopt;
    if (!std::equal(bytes.begin() + 12, bytes.begin() + 16, "IHDR")) return std::nullopt;
    const auto be32 = [&bytes](std::size_t at) {
        return (static_cast<long long>(bytes[at]) << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
    };
    const long long width = be32(16), height = be32(20);
    // PNG allows 2^31 - 1 at most; anything above is corrupt, and counts as too large.
    if (width > INT32_MAX || height > INT32_MAX) return LLONG_MAX;
    return width * height;
}

// An 8-bit RGB PNG (IHDR bit depth 8, colour type 2): what ACE Desktop writes for opaque pictures.
bool isRgbPng(const std::vector<std::uint8_t>& bytes) { return bytes.size() >= 26 && bytes[24] == 8 && bytes[25] == 2; }

}  // namespace

ProjectImageDecoder::ProjectImageDecoder(const ZipReader& zip, std::filesystem::path origin, long long maxTotalPixels)
    : m_zip(zip), m_origin(std::move(origin)), m_maxTotalPixels(maxTotalPixels) {}

void ProjectImageDecoder::request(const std::string& entry, int channels) {
    const Key key{entry, channels};
    if (m_images.emplace(key, SharedImage()).second) m_order.push_back(key);
}

void ProjectImageDecoder::decodeAll() {
    const std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
    long long totalPixels = 0;
    // In batches of up to one PNG per thread: the encoded bytes of a batch are all that is held.
    for (std::size_t next = 0; next < m_order.size();) {
        struct Job {
            const Key* key;
            std::vector<std::uint8_t> bytes;
            ImageReadLimits limits;
        };
        std::vector<Job> batch;
        for (; next < m_order.size() && batch.size() < threads; ++next) {
            const auto& [entry, channels] = m_order[next];
            if (!m_zip.contains(entry)) throw Error(m_origin, "the project is missing '" + entry + "'");
            Job job{&m_order[next], m_zip.read(entry), {}};
            const std::string where = m_origin.string() + ":" + entry;
            // A PNG is counted by its header's size before anything is decoded.
            const std::optional<long long> pixels = pngPixels(job.bytes);
            if (!pixels) {
                // Not a PNG (not written by ACE Desktop): decoded here, with what is left.
                job.limits.maxPixels = m_maxTotalPixels - totalPixels;
                const Image image = decodeImage(job.bytes.data(), job.bytes.size(), channels, where, job.limits);
                totalPixels += static_cast<long long>(image.width) * image.height;
                m_images[m_order[next]] = image;
                continue;
            }
            if (*pixels > m_maxTotalPixels - totalPixels)
                throw Error(where, "the project's pictures are too large together");
            totalPixels += *pixels;
            // A picture held both as RGB (an asset) and as RGBA (a layer) is one RGB PNG: decoded
            // once, as RGB, and given its alpha at the end.
            if (channels == 4 && m_images.count({entry, 3}) && isRgbPng(job.bytes)) {
                m_derived.push_back(&m_order[next]);
                continue;
            }
            job.limits.maxPixels = *pixels;
            batch.push_back(std::move(job));
        }
        std::vector<std::future<Image>> decoded;
        for (const Job& job : batch) {
            const auto decode = [this, &job] {
                return decodeImage(job.bytes.data(), job.bytes.size(), job.key->second,
                                   m_origin.string() + ":" + job.key->first, job.limits);
            };
            try {
                decoded.push_back(std::async(std::launch::async, decode));
            } catch (const std::system_error&) {
                decoded.push_back(std::async(std::launch::deferred, decode));  // no thread to be had: in turn
            }
        }
        // In request order, so the first bad picture is the one reported; every decode is waited
        // for before the batch's bytes go.
        std::exception_ptr failure;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            try {
                m_images[*batch[i].key] = decoded[i].get();
            } catch (...) {
                if (!failure) failure = std::current_exception();
            }
        }
        if (failure) std::rethrow_exception(failure);
    }
    for (const Key* key : m_derived) m_images[*key] = toRgba(m_images.at({key->first, 3}));  // alpha 255, as a 4-channel read gives
}

const SharedImage& ProjectImageDecoder::image(const std::string& entry, int channels) const {
    return m_images.at({entry, channels});
}

}  // namespace ace
