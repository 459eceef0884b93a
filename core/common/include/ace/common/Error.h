#pragma once
// The one exception type the core libraries throw for bad input: a message a user can act on,
// naming the file (when there is one) and the problem. Callers at the API edge (CLI, worker
// thread) catch it and show what() as it is.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace ace {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
    Error(const std::filesystem::path& file, const std::string& problem)
        : std::runtime_error(file.string() + ": " + problem), m_file(file) {}

    const std::filesystem::path& file() const { return m_file; }

private:
    std::filesystem::path m_file;
};

}  // namespace ace
