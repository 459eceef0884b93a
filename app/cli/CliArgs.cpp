#include "CliArgs.h"

#include <algorithm>

namespace ace::cli {

CliArgs::CliArgs(int argc, char** argv, int first, const std::vector<std::string>& flags) {
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (!arg.starts_with("--")) throw UsageError("unexpected argument '" + arg + "'");
        std::string name = arg.substr(2), value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            value = "1";
        } else {
            if (i + 1 >= argc) throw UsageError("option --" + name + " needs a value");
            value = argv[++i];
        }
        m_values[name].push_back(value);
        m_ordered.emplace_back(name, value);
    }
}

std::string CliArgs::value(const std::string& name, const std::string& fallback) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second.back();
}

std::vector<std::string> CliArgs::values(const std::string& name) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

long long CliArgs::integer(const std::string& name, long long fallback) const {
    if (!has(name)) return fallback;
    const std::string v = value(name);
    try {
        size_t used = 0;
        long long n = std::stoll(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
        return n;
    } catch (const std::exception&) {
        throw UsageError("--" + name + " needs a whole number, got '" + v + "'");
    }
}

double CliArgs::number(const std::string& name, double fallback) const {
    if (!has(name)) return fallback;
    const std::string v = value(name);
    try {
        size_t used = 0;
        double n = std::stod(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
        return n;
    } catch (const std::exception&) {
        throw UsageError("--" + name + " needs a number, got '" + v + "'");
    }
}

}  // namespace ace::cli
