#include "checkpoint/ShardedCheckpoint.h"

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "ace/common/Error.h"
#include "checkpoint/SafetensorsReader.h"
#include "checkpoint/TorchZipReader.h"

namespace ace::ckpt {
namespace {
constexpr std::uintmax_t kMaxIndexBytes = 64ull << 20;

// A shard must be a file below the index's folder: a relative path without "..".
bool isSafeShardName(const std::string& name) {
    if (name.empty() || name.find('\0') != std::string::npos) return false;
    const std::filesystem::path p(name);
    if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) return false;
    for (const auto& part : p)
        if (part == ".." || part == ".") return false;
    return true;
}
}  // namespace

std::vector<std::pair<std::string, std::string>> ShardedCheckpoint::parseIndex(const std::string& json,
                                                                               const std::filesystem::path& file) {
    nlohmann::ordered_json index;
    try {
        index = nlohmann::ordered_json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw Error(file, std::string("corrupt checkpoint index (not JSON): ") + e.what());
    }
    if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
        throw Error(file, "not a checkpoint index (no \"weight_map\" object)");
    std::vector<std::pair<std::string, std::string>> out;
    std::set<std::string> seen;
    for (auto it = index["weight_map"].begin(); it != index["weight_map"].end(); ++it) {
        if (!it->is_string()) throw Error(file, "checkpoint index: the shard of '" + it.key() + "' is not a file name");
        const std::string shard = it->get<std::string>();
        if (!isSafeShardName(shard))
            throw Error(file, "checkpoint index: shard '" + shard + "' of '" + it.key() +
                                  "' is not a file name inside the index's folder");
        // ordered_json keeps duplicate keys' last value only; the file order of first sight stays.
        if (seen.insert(it.key()).second) out.emplace_back(it.key(), shard);
    }
    if (out.empty()) throw Error(file, "checkpoint index lists no tensors");
    return out;
}

ShardedCheckpoint::ShardedCheckpoint(const std::filesystem::path& indexFile) : m_path(indexFile) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(indexFile, ec);
    if (ec) throw Error(indexFile, "cannot read: " + ec.message());
    if (size > kMaxIndexBytes) throw Error(indexFile, "checkpoint index is implausibly large");
    std::ifstream in(indexFile, std::ios::binary);
    if (!in) throw Error(indexFile, "cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    for (auto& [key, shard] : parseIndex(text.str(), indexFile)) {
        m_order.push_back(key);
        m_weightMap.emplace(key, shard);
    }
}

ShardedCheckpoint::~ShardedCheckpoint() = default;

bool ShardedCheckpoint::sniff(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char c = 0;
    while (in.get(c))
        if (!std::isspace(static_cast<unsigned char>(c))) return c == '{';
    return false;
}

std::vector<std::string> ShardedCheckpoint::shardNames() const {
    std::set<std::string> names;
    for (const auto& [key, shard] : m_weightMap) names.insert(shard);
    return {names.begin(), names.end()};
}

std::vector<std::string> ShardedCheckpoint::openedShards() const {
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    for (const auto& [name, reader] : m_shards) out.push_back(name);
    return out;
}

uint64_t ShardedCheckpoint::bytesRead() const {
    std::lock_guard lock(m_mutex);
    uint64_t total = 0;
    for (const auto& [name, reader] : m_shards) total += reader->bytesRead();
    return total;
}

uint64_t ShardedCheckpoint::shardBytesRead(const std::string& shardName) const {
    std::lock_guard lock(m_mutex);
    auto it = m_shards.find(shardName);
    return it == m_shards.end() ? 0 : it->second->bytesRead();
}

const CheckpointReader& ShardedCheckpoint::shardFor(const std::string& key) const {
    auto it = m_weightMap.find(key);
    if (it == m_weightMap.end()) throw Error(m_path, "the index lists no tensor named '" + key + "'");
    const std::string& name = it->second;
    std::lock_guard lock(m_mutex);
    auto open = m_shards.find(name);
    if (open == m_shards.end()) {
        const auto file = m_path.parent_path() / name;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            throw Error(m_path, "shard '" + name + "' (holding '" + key + "') is missing: " + file.string());
        std::unique_ptr<CheckpointReader> reader;
        if (SafetensorsReader::sniff(file))
            reader = std::make_unique<SafetensorsReader>(file);
        else if (TorchZipReader::sniff(file))
            reader = std::make_unique<TorchZipReader>(file);
        else
            throw Error(file, "shard of " + m_path.filename().string() +
                                  " is neither a safetensors file nor a PyTorch zip checkpoint");
        open = m_shards.emplace(name, std::move(reader)).first;
    }
    if (!open->second->contains(key))
        throw Error(open->second->path(), "shard lacks tensor '" + key + "' that " + m_path.filename().string() +
                                              " places in it");
    return *open->second;
}

TensorInfo ShardedCheckpoint::info(const std::string& key) const { return shardFor(key).info(key); }

torch::Tensor ShardedCheckpoint::load(const std::string& key) const { return shardFor(key).load(key); }

void ShardedCheckpoint::loadInto(const std::string& key, torch::Tensor& dst) const { shardFor(key).loadInto(key, dst); }

}  // namespace ace::ckpt
