#pragma once
// Whole-file reads with a size bound, and atomic writes: the bytes go to a temporary file in
// the same folder, are fsync'ed, and the temporary file is renamed over the target (then the
// folder is fsync'ed), so a crash or kill at any moment leaves either the old or the new file.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace ace {

// Throws ace::Error naming the file (missing, a folder, unreadable, larger than maxBytes).
std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& file, std::uint64_t maxBytes);
// Throws ace::Error naming the file; the target is untouched when it throws.
void writeFileAtomically(const std::filesystem::path& file, std::span<const std::uint8_t> bytes);

}  // namespace ace
