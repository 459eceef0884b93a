#include "ace/imaging/synth/SynthRandom.h"

namespace ace::synth {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

SynthRandom::SynthRandom(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : m_s) s = splitmix64(x);
}

std::uint64_t SynthRandom::mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t x = a ^ (b * 0xD1B54A32D192ED03ULL);
    splitmix64(x);
    return splitmix64(x);
}

std::uint64_t SynthRandom::next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

int SynthRandom::uniformInt(int lo, int hi) {
    if (lo > hi) throw std::logic_error("SynthRandom::uniformInt: empty range");
    const std::uint64_t span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
    // The modulo bias is below 2^-32 for the small spans used here.
    return static_cast<int>(static_cast<std::int64_t>(lo) + static_cast<std::int64_t>(next() % span));
}

double SynthRandom::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::size_t SynthRandom::weightedIndex(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) {
        if (w < 0) throw std::logic_error("SynthRandom::weightedIndex: negative weight");
        total += w;
    }
    if (!(total > 0)) throw std::logic_error("SynthRandom::weightedIndex: all weights are zero");
    double r = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (r < weights[i]) return i;
        r -= weights[i];
    }
    for (std::size_t i = weights.size(); i-- > 0;)
        if (weights[i] > 0) return i;
    return 0;
}

}  // namespace ace::synth
