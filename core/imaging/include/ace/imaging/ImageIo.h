#pragma once
// Reading and writing image files (PNG, JPEG, WebP, BMP, TIFF) as ace::Image.
#include <filesystem>
#include <cstdint>
#include <string>
#include <vector>

#include "ace/common/Image.h"

namespace ace {

struct ImageReadLimits {
    // Larger images are refused before their pixels are decoded: 16384 x 16384 RGBA is 1 GiB.
    long long maxPixels = 16384LL * 16384LL;
    long long maxFileBytes = 512LL << 20;
};

// Reads an image as 1 (grey), 3 (RGB) or 4 (RGBA) channels; alpha is dropped or added as needed.
// Throws ace::Error naming the file for missing, unreadable, corrupt, empty or oversized files.
Image readImage(const std::filesystem::path& file, int channels = 3, const ImageReadLimits& limits = {});

struct ImageWriteOptions {
    int quality = 95;  // JPEG and WebP, 1..100 (WebP 100 = lossless)
};

// Writes by extension (.png, .jpg/.jpeg, .webp, .bmp, .tif/.tiff) through a temporary file that is
// renamed into place, so a failed write (full disk) never leaves a truncated file behind.
void writeImage(const std::filesystem::path& file, const Image& image, const ImageWriteOptions& options = {});

// In-memory codecs, for images inside containers (OpenRaster, PSD, project files).
// decodeImage: `origin` names the container entry in error messages; limits as for readImage.
Image decodeImage(const std::uint8_t* bytes, std::size_t size, int channels, const std::filesystem::path& origin,
                  const ImageReadLimits& limits = {});
// format: ".png", ".jpg", ".webp", ...; throws ace::Error naming `origin` when the encoder fails.
std::vector<std::uint8_t> encodeImage(const Image& image, const std::string& format, const ImageWriteOptions& options = {},
                                      const std::filesystem::path& origin = {});

// The version of the OpenCV this library was built with, for the About dialog.
std::string imagingLibraryVersion();

}  // namespace ace
