#pragma once
// A small command-line parser for ace-cli: `--name value`, `--flag`, repeatable options.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ace::cli {

class CliArgs {
public:
    // `flags` take no value; every other `--name` takes the next argument as its value.
    CliArgs(int argc, char** argv, int first, const std::vector<std::string>& flags);

    bool has(const std::string& name) const { return m_values.count(name) != 0; }
    std::string value(const std::string& name, const std::string& fallback = "") const;
    std::vector<std::string> values(const std::string& name) const;
    long long integer(const std::string& name, long long fallback) const;
    double number(const std::string& name, double fallback) const;
    // Every option given, in order, as (name, value) — for options whose order matters.
    const std::vector<std::pair<std::string, std::string>>& ordered() const { return m_ordered; }

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::pair<std::string, std::string>> m_ordered;
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace ace::cli
