#pragma once
// Turns a fuzzer input into project-file bytes. The first byte chooses how:
//   even: the rest is the whole file (zip container, entries, PNGs, JSON);
//   odd:  the rest is project.json, packed with valid PNGs for layers 1 (RGBA) and 2 (mask) and
//         asset "a" into a well-formed archive, so that mutations reach the JSON validation
//         instead of stopping at the zip CRC check.
// Shared by the libFuzzer harness and the CTest replay of the regression corpus.
#include <cstdint>
#include <span>
#include <vector>

#include "ace/document/ProjectFile.h"
#include "ace/document/Zip.h"
#include "ace/imaging/ImageIo.h"

namespace ace::fuzz {

inline std::vector<std::uint8_t> projectBytesFromFuzzInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return {};
    if (data[0] % 2 == 0) return {data + 1, data + size};
    static const std::vector<std::uint8_t> rgba = encodeImage(Image(6, 4, 4, 200), ".png");
    static const std::vector<std::uint8_t> mask = encodeImage(Image(6, 4, 1, 255), ".png");
    static const std::vector<std::uint8_t> rgb = encodeImage(Image(3, 3, 3, 10), ".png");
    ZipWriter zip;
    zip.add("mimetype", std::string(kProjectMimeType), ZipWriter::Method::Stored);
    zip.add("project.json", std::span<const std::uint8_t>(data + 1, size - 1), ZipWriter::Method::Stored);
    zip.add("layers/1/0.png", rgba, ZipWriter::Method::Stored);
    zip.add("layers/2/0.png", mask, ZipWriter::Method::Stored);
    zip.add("assets/a.png", rgb, ZipWriter::Method::Stored);
    return zip.finish();
}

}  // namespace ace::fuzz
