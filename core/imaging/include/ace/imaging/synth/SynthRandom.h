#pragma once
// A small, portable random source for the synthetic task data (no OpenCV, Qt or torch).
// std::uniform_*_distribution differs between standard libraries, so the data would not be
// byte-identical across platforms; this generator defines every draw itself (splitmix64 seeding,
// xoshiro256** state), so one seed gives the same samples everywhere.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace ace::synth {

class SynthRandom {
public:
    explicit SynthRandom(std::uint64_t seed);

    // Combines two values into a well-mixed seed: mix(dataSeed, sampleIndex) seeds one sample.
    static std::uint64_t mix(std::uint64_t a, std::uint64_t b);

    std::uint64_t next();
    // Uniform in [lo, hi] (both inclusive); requires lo <= hi.
    int uniformInt(int lo, int hi);
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    // A fresh seed for a sub-generator (textures, masks) that must not shift the main stream.
    std::uint64_t fork() { return next(); }

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        if (items.empty()) throw std::logic_error("SynthRandom::pick on an empty list");
        return items[static_cast<std::size_t>(uniformInt(0, static_cast<int>(items.size()) - 1))];
    }
    // Index drawn with probability proportional to weights (non-negative, not all zero).
    std::size_t weightedIndex(const std::vector<double>& weights);

private:
    std::array<std::uint64_t, 4> m_s{};
};

}  // namespace ace::synth
