#include "ace/imaging/ImageIo.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#ifndef ACE_NO_IMAGE_CODECS
#include <opencv2/imgcodecs.hpp>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "ace/common/Error.h"

namespace ace {
namespace {

std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& file, long long maxBytes) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw Error(file, "file not found");
    if (std::filesystem::is_directory(file, ec)) throw Error(file, "is a folder, not an image file");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw Error(file, "cannot read the file size: " + ec.message());
    if (size == 0) throw Error(file, "the file is empty");
    if (static_cast<long long>(size) > maxBytes)
        throw Error(file, "the file is too large (" + std::to_string(size >> 20) + " MiB)");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(file, std::string("cannot open: ") + std::strerror(errno));
    std::vector<std::uint8_t> bytes(size);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size)) throw Error(file, "could not read the whole file");
    return bytes;
}

cv::Mat convertChannels(const cv::Mat& decoded, int channels) {
    cv::Mat out;
    const int in = decoded.channels();
    if (in == channels) {
        if (in == 3) cv::cvtColor(decoded, out, cv::COLOR_BGR2RGB);
        else if (in == 4) cv::cvtColor(decoded, out, cv::COLOR_BGRA2RGBA);
        else out = decoded;
    } else if (channels == 1) {
        cv::cvtColor(decoded, out, in == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    } else if (channels == 3) {
        cv::cvtColor(decoded, out, in == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGRA2RGB);
    } else {
        cv::cvtColor(decoded, out, in == 1 ? cv::COLOR_GRAY2RGBA : cv::COLOR_BGR2RGBA);
    }
    return out;
}

#ifdef ACE_NO_IMAGE_CODECS
[[noreturn]] void noCodecs(const std::filesystem::path& file) {
    throw Error(file, "this build of ACE reads and writes no image files (configured with ACE_IMAGE_CODECS=OFF)");
}
cv::Mat decodeWithCodecs(const cv::Mat&, const std::filesystem::path& file) { noCodecs(file); }
bool encodeWithCodecs(const std::string&, const cv::Mat&, int, std::vector<std::uint8_t>&,
                      const std::filesystem::path& file) {
    noCodecs(file);
}
#else
cv::Mat decodeWithCodecs(const cv::Mat& raw, const std::filesystem::path&) {
    return cv::imdecode(raw, cv::IMREAD_UNCHANGED);
}
// `ext` is one of the formats encodeImage accepts; `quality` (1-100) applies to JPEG and WebP.
bool encodeWithCodecs(const std::string& ext, const cv::Mat& image, int quality, std::vector<std::uint8_t>& encoded,
                      const std::filesystem::path&) {
    std::vector<int> params;
    if (ext == ".jpg" || ext == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, quality};
    else if (ext == ".webp") params = {cv::IMWRITE_WEBP_QUALITY, quality};
    return cv::imencode(ext, image, encoded, params);
}
#endif

}  // namespace

Image decodeImage(const std::uint8_t* bytes, std::size_t size, int channels, const std::filesystem::path& file,
                  const ImageReadLimits& limits) {
    if (channels != 1 && channels != 3 && channels != 4)
        throw Error(file, "unsupported channel count " + std::to_string(channels));
    if (size == 0) throw Error(file, "the image data is empty");
    if (static_cast<long long>(size) > limits.maxFileBytes)
        throw Error(file, "the image data is too large (" + std::to_string(size >> 20) + " MiB)");
    cv::Mat decoded;
    try {
        // OpenCV itself refuses to decode images above CV_IO_MAX_IMAGE_PIXELS (2^30), which
        // bounds the memory a hostile header can ask for; our own, lower limit follows.
        const cv::Mat raw(1, static_cast<int>(size), CV_8U, const_cast<std::uint8_t*>(bytes));
        decoded = decodeWithCodecs(raw, file);
    } catch (const cv::Exception& e) {
        throw Error(file, std::string("cannot decode the image: ") + e.what());
    }
    if (decoded.empty()) throw Error(file, "not a readable image (unknown format or corrupt data)");
    if (static_cast<long long>(decoded.cols) * decoded.rows > limits.maxPixels)
        throw Error(file, "the image is too large (" + std::to_string(decoded.cols) + "x" +
                              std::to_string(decoded.rows) + " pixels)");
    if (decoded.depth() != CV_8U) {
        cv::Mat scaled;
        const double scale = decoded.depth() == CV_16U ? 1.0 / 257.0 : 255.0;
        decoded.convertTo(scaled, CV_8U, decoded.depth() == CV_32F ? 255.0 : scale);
        decoded = scaled;
    }
    const cv::Mat rgb = convertChannels(decoded, channels);
    Image image(rgb.cols, rgb.rows, channels);
    for (int y = 0; y < rgb.rows; ++y)
        std::memcpy(image.pixel(0, y), rgb.ptr(y), image.stride());
    return image;
}

Image readImage(const std::filesystem::path& file, int channels, const ImageReadLimits& limits) {
    if (channels != 1 && channels != 3 && channels != 4)
        throw Error(file, "unsupported channel count " + std::to_string(channels));
    const auto bytes = readFileBytes(file, limits.maxFileBytes);
    return decodeImage(bytes.data(), bytes.size(), channels, file, limits);
}

std::vector<std::uint8_t> encodeImage(const Image& image, const std::string& format, const ImageWriteOptions& options,
                                      const std::filesystem::path& file) {
    if (image.isNull()) throw Error(file, "cannot write an empty image");
    if (image.channels != 1 && image.channels != 3 && image.channels != 4)
        throw Error(file, "cannot write an image of " + std::to_string(image.channels) + " channels");
    if (image.data.size() != image.byteSize()) throw Error(file, "the image buffer does not match its size");
    std::string ext = format;
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    const int quality = std::clamp(options.quality, 1, 100);
    if (ext != ".jpg" && ext != ".jpeg" && ext != ".webp" && ext != ".png" && ext != ".bmp" && ext != ".tif" &&
        ext != ".tiff")
        throw Error(file, "unknown image format '" + ext + "' (use .png, .jpg, .webp, .bmp or .tif)");

    const int type = CV_8UC(image.channels);
    cv::Mat view(image.height, image.width, type, const_cast<std::uint8_t*>(image.data.data()), image.stride());
    cv::Mat bgr;
    if (image.channels == 3) cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    else if (image.channels == 4) cv::cvtColor(view, bgr, cv::COLOR_RGBA2BGRA);
    else bgr = view;

    std::vector<std::uint8_t> encoded;
    try {
        if (!encodeWithCodecs(ext, bgr, quality, encoded, file)) throw Error(file, "the encoder refused the image");
    } catch (const cv::Exception& e) {
        throw Error(file, std::string("cannot encode the image: ") + e.what());
    }
    return encoded;
}

void writeImage(const std::filesystem::path& file, const Image& image, const ImageWriteOptions& options) {
    const std::vector<std::uint8_t> encoded = encodeImage(image, file.extension().string(), options, file);
    auto tmp = file;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(file, std::string("cannot create the file: ") + std::strerror(errno));
        out.write(reinterpret_cast<const char*>(encoded.data()), static_cast<std::streamsize>(encoded.size()));
        out.flush();
        if (!out) {
            out.close();
            std::filesystem::remove(tmp);
            throw Error(file, "cannot write the file (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        std::filesystem::remove(tmp);
        throw Error(file, "cannot replace the file: " + ec.message());
    }
}

std::string imagingLibraryVersion() { return std::string("OpenCV ") + CV_VERSION; }

}  // namespace ace
