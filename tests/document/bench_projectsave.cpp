// Writing a project of 10 turns at 1024 x 1024: every result is a layer (RGBA) and the chat's
// asset (RGB), with the mask sent each turn. Prints the archive size against the pictures written
// one entry per holder (as before shared entries), the CPU time of the snapshot an autosave takes
// on the GUI thread against copying its pictures, and of a first save against an autosave after
// one brush stroke, which re-encodes only the changed picture, and of opening it (parallel
// decoding) against decoding every holder's picture in turn. Asserts what the figures rest on
// (sizes, sharing and encode counts), nothing on time.
#include <QtTest>

#include <chrono>
#include <ctime>
#include <thread>

#include "ace/document/PngCache.h"
#include "ace/document/ProjectFile.h"
#include "ace/document/Zip.h"
#include "ace/imaging/ImageIo.h"

using namespace ace;

namespace {

constexpr int kSide = 1024;
constexpr int kTurns = 10;

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// Smooth colour fields with a little grain: compresses like a rendered picture, unlike noise.
Image picture(int seed, int channels) {
    Image image(kSide, kSide, channels);
    std::uint32_t grain = 2166136261u ^ static_cast<std::uint32_t>(seed);
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            grain = grain * 1664525u + 1013904223u;
            for (int c = 0; c < 3; ++c)
                p[c] = static_cast<std::uint8_t>((x * (c + 1) + y * (seed + c) + seed * 40) / 9 % 256 + (grain >> 30));
            if (channels == 4) p[3] = 255;
        }
    return image;
}

Image maskOf(int seed) {
    Image mask(kSide, kSide, 1);
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x)
            mask.pixel(x, y)[0] = (x - 100 * seed) * (x - 100 * seed) + (y - 500) * (y - 500) < 200 * 200 ? 255 : 0;
    return mask;
}

std::uint64_t separateEntriesBytes(const Project& p) {
    std::uint64_t bytes = 0;
    for (const Layer& l : p.document.layers())
        for (const LayerVersion& v : l.versions) bytes += encodeImage(v.image, ".png").size();
    for (const auto& [name, image] : p.assets) bytes += encodeImage(image, ".png").size();
    return bytes;
}

}  // namespace

class BenchProjectSave : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tenTurns() {
        Project p;
        p.document = Document(kSide, kSide);
        p.document.addLayer(Layer::raster("Background", picture(0, 4)));
        for (int t = 1; t <= kTurns; ++t) {
            const Image result = picture(t, 4);
            p.document.addLayer(Layer::raster("Turn " + std::to_string(t), result));
            Image rgb(kSide, kSide, 3);
            for (std::size_t i = 0; i < rgb.data.size() / 3; ++i)
                for (int c = 0; c < 3; ++c) rgb.data[i * 3 + c] = result.data[i * 4 + c];
            p.assets["result-" + std::to_string(t)] = std::move(rgb);
            p.assets["mask-" + std::to_string(t)] = maskOf(t);
        }
        p.document.addLayer(Layer::mask("Edit mask", maskOf(kTurns)));

        double cpu = threadCpuMs();
        const auto plain = serializeProject(p);
        const double plainMs = threadCpuMs() - cpu;
        const std::uint64_t separate = separateEntriesBytes(p);
        qInfo("project of %d turns at %dx%d: %.1f MiB, %.1f MiB with one entry per holder (%.2fx)", kTurns, kSide, kSide,
              plain.size() / 1048576.0, separate / 1048576.0, double(separate) / plain.size());
        QVERIFY(plain.size() < separate * 0.7);

        // What an autosave copies on the GUI thread: the project (pixels shared, copy on write),
        // against copying every picture it holds as before.
        cpu = threadCpuMs();
        const Project snapshot = p;
        const double snapshotMs = threadCpuMs() - cpu;
        cpu = threadCpuMs();
        std::vector<Image> copies;
        for (const Layer& l : p.document.layers())
            for (const LayerVersion& v : l.versions) copies.push_back(v.image.get());
        for (const auto& [name, image] : p.assets) copies.push_back(image);
        const double deepMs = threadCpuMs() - cpu;
        qInfo("snapshot for an autosave: %.2f ms CPU, a copy of its pictures %.1f ms", snapshotMs, deepMs);
        QVERIFY(snapshot.document.layer(1).versions[0].image.sharesPixelsWith(p.document.layer(1).versions[0].image));

        PngCache cache;
        ProjectWriteOptions options;
        options.pngCache = &cache;
        serializeProject(p, options);
        cache.dropUnused();
        const std::size_t pictures = cache.encodedCount();
        // A brush stroke on the edit mask, then the next autosave.
        Image& mask = p.document.layer(p.document.layerCount() - 1).image();
        for (int x = 0; x < 300; ++x) mask.pixel(x, 40)[0] = 255;
        cpu = threadCpuMs();
        const auto autosave = serializeProject(p, options);
        const double autosaveMs = threadCpuMs() - cpu;
        cache.dropUnused();
        QCOMPARE(cache.encodedCount(), pictures + 1);
        qInfo("CPU time: save without the cache %.0f ms, autosave after a brush stroke %.0f ms (%.1fx less)", plainMs,
              autosaveMs, plainMs / autosaveMs);
        QVERIFY(autosave.size() > 0);

        // Opening it: each picture is decoded once (an RGB one held as RGBA too is given its alpha),
        // in parallel, one per core; the baseline decodes every holder's picture in turn, as
        // opening did before. Wall time, since threads are the point.
        const ZipReader zip(plain, "bench.aceproj");
        const auto root = nlohmann::json::parse(zip.readText("project.json"));
        auto wall = std::chrono::steady_clock::now();
        int decoded = 0;
        const auto decodeHolder = [&](const std::string& entry, int channels) {
            const auto png = zip.read(entry);
            decoded += !decodeImage(png.data(), png.size(), channels, entry).isNull();
        };
        for (const auto& layer : root["layers"])
            for (const auto& version : layer["versions"]) decodeHolder(version["image"], layer["kind"] == "mask" ? 1 : 4);
        for (const auto& asset : root["assets"]) decodeHolder(asset["image"], asset["channels"]);
        const double sequentialMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count();
        wall = std::chrono::steady_clock::now();
        const Project opened = parseProject(plain, "bench.aceproj");
        const double openMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count();
        QCOMPARE(opened.document.layerCount(), p.document.layerCount());
        QCOMPARE(opened.assets.size(), p.assets.size());
        qInfo("open (%u threads): %.0f ms wall; decoding its holders' %d pictures one by one %.0f ms", std::thread::hardware_concurrency(),
              openMs, decoded, sequentialMs);
    }
};

QTEST_GUILESS_MAIN(BenchProjectSave)
#include "bench_projectsave.moc"
