// Project files: lossless round trip of a whole session, atomic writes, and a clear ace::Error
// (never a crash) for corrupt, truncated, future-version and ill-typed files.
#include <QtTest>

#include <random>
#include <thread>

#include "DocumentTestUtil.h"
#include "ace/common/Error.h"
#include "ace/document/AtomicFile.h"
#include "ace/document/PngCache.h"
#include "ace/document/ProjectFile.h"
#include "ace/document/Zip.h"
#include "ace/imaging/ImageIo.h"

using namespace ace;

namespace {

Project sampleProject() {
    Project p;
    p.document = test::sampleDocument();
    Layer& result = p.document.layer(1);
    Provenance prov;
    prov.instruction = "make {image} look like a watercolour";
    prov.referencedImages = {"Background"};
    prov.mask = "Edit mask";
    prov.task = "inpainting";
    prov.seed = 1234567890123LL;
    prov.turn = 3;
    prov.settings = {{"steps", 20}, {"guideScale", 4.5}, {"sampler", "ddim"}};
    result.versions[0].provenance = prov;
    prov.seed = 99;
    result.addVersion(test::randomRgba(result.image().width, result.image().height, 77), prov);
    result.currentVersion = 0;
    p.document.setInputLayer(result.id);
    p.assets["turn-1-input"] = test::randomRgba(20, 10, 5);
    p.assets["turn-1-mask"] = test::randomMask(20, 10, 6);
    Image rgb(7, 5, 3);
    for (std::size_t i = 0; i < rgb.data.size(); ++i) rgb.data[i] = static_cast<std::uint8_t>(i * 3);
    p.assets["rgb.asset"] = rgb;
    p.session = {{"conversation", {{{"role", "user"}, {"text", "画一只猫"}}, {{"role", "ace"}, {"seed", 42}}}},
                 {"lcuHistory", {{{"instruction", "a cat"}, {"images", {"turn-1-input"}}}}},
                 {"settings", {{"steps", 20}}}};
    return p;
}

std::vector<std::uint8_t> withProjectJson(const std::vector<std::uint8_t>& archive, const std::function<void(nlohmann::json&)>& edit) {
    const ZipReader in(archive, "in");
    ZipWriter out;
    for (const auto& e : in.entries()) {
        if (e.name == "project.json") {
            auto j = nlohmann::json::parse(in.readText(e.name));
            edit(j);
            out.add(e.name, j.dump());
        } else {
            out.add(e.name, in.read(e.name), e.name == "mimetype" ? ZipWriter::Method::Stored : ZipWriter::Method::Deflate);
        }
    }
    return out.finish();
}

int pngEntries(const std::vector<std::uint8_t>& archive) {
    const ZipReader zip(archive, "count");
    int n = 0;
    for (const auto& e : zip.entries()) n += e.name.ends_with(".png");
    return n;
}

Image rgbOf(const Image& rgba) {
    Image rgb(rgba.width, rgba.height, 3);
    for (std::size_t p = 0; p < rgb.data.size() / 3; ++p)
        for (int c = 0; c < 3; ++c) rgb.data[p * 3 + c] = rgba.data[p * 4 + c];
    return rgb;
}

// A session's usual pictures, each held twice: a turn's opaque result as its layer (RGBA) and as
// the chat's asset (RGB), a re-run with the same seed as a second identical version, the mask
// layer and the mask sent with the turn.
Project projectWithSharedPictures() {
    Project p;
    p.document = Document(32, 24);
    Image result = test::randomRgba(32, 24, 3);
    for (std::size_t i = 3; i < result.data.size(); i += 4) result.data[i] = 255;
    Layer layer = Layer::raster("Turn 1", result);
    layer.addVersion(result, std::nullopt);
    p.document.addLayer(std::move(layer));
    const Image mask = test::randomMask(32, 24, 4);
    p.document.addLayer(Layer::mask("Edit mask", mask));
    p.assets["turn-1-result"] = rgbOf(result);
    p.assets["turn-1-mask"] = mask;
    return p;
}

QString errorOf(const std::vector<std::uint8_t>& bytes) {
    try {
        parseProject(bytes, "test.aceproj");
    } catch (const ace::Error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestProjectFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip() {
        const Project p = sampleProject();
        const auto path = file("session.aceproj");
        saveProject(path, p);
        const Project back = loadProject(path);
        QVERIFY(back.document == p.document);
        QVERIFY(back.assets == p.assets);
        QCOMPARE(back.session, p.session);
        QVERIFY(back == p);
        QCOMPARE(back.document.layer(1).versions.size(), std::size_t(2));
        QCOMPARE(back.document.layer(1).versions[1].provenance->seed, std::int64_t(99));
    }

    // A deleted layer's id is not handed out again, not even after a save and open.
    void layerIdsAreNotReused() {
        Project p = sampleProject();
        const LayerId top = p.document.layers().back().id;
        p.document.takeLayer(p.document.layerCount() - 1);
        const auto path = file("ids.aceproj");
        saveProject(path, p);
        Project back = loadProject(path);
        QCOMPARE(back.document.nextLayerId(), p.document.nextLayerId());
        const LayerId fresh = back.document.reserveLayerId();
        QVERIFY(fresh > top);
        // Files without the field continue after the highest id present.
        const auto old = withProjectJson(serializeProject(p), [](nlohmann::json& j) { j.erase("nextLayerId"); });
        const Project legacy = parseProject(old, "legacy.aceproj");
        QCOMPARE(legacy.document.nextLayerId(), legacy.document.layers().back().id + 1);
    }

    // The same picture is written once, whichever layer versions and assets hold it, and every
    // holder reads back exactly what it held (its own channels).
    void samePictureIsStoredOnce() {
        const Project p = projectWithSharedPictures();
        const auto bytes = serializeProject(p);
        QCOMPARE(pngEntries(bytes), 2);
        const Project back = parseProject(bytes, "shared.aceproj");
        QVERIFY(back == p);
        QCOMPARE(back.assets.at("turn-1-result").get().channels, 3);
        QCOMPARE(back.document.layer(0).versions[1].image.get().channels, 4);

        // Not the same picture: a translucent layer and the RGB asset of its colours, two masks
        // one pixel apart, a picture and its grey copy.
        Project different = p;
        different.document.layer(0).versions[1].image.edit().data[3] = 254;
        different.assets["other-mask"] = p.assets.at("turn-1-mask");
        different.assets["other-mask"].edit().data[100] ^= 1;
        Image grey(32, 24, 1);
        for (std::size_t i = 0; i < grey.data.size(); ++i) grey.data[i] = p.assets.at("turn-1-result").get().data[i * 3];
        different.assets["grey"] = grey;
        const auto differentBytes = serializeProject(different);
        QCOMPARE(pngEntries(differentBytes), 5);
        QVERIFY(parseProject(differentBytes, "different.aceproj") == different);

        // A session's own sample shares nothing, so every picture has its entry.
        const Project sample = sampleProject();
        std::size_t versions = 0;
        for (const Layer& l : sample.document.layers()) versions += l.versions.size();
        QCOMPARE(pngEntries(serializeProject(sample)), static_cast<int>(versions + sample.assets.size()));
    }

    // Autosaves encode only the pictures that changed since the previous one, write the same
    // archive as a save without the cache, and the cache holds only the current pictures.
    void autosavesEncodeOnlyWhatChanged() {
        Project p = sampleProject();
        PngCache cache;
        ProjectWriteOptions options;
        options.pngCache = &cache;
        const auto first = serializeProject(p, options);
        cache.dropUnused();
        const std::size_t pictures = cache.size();
        QCOMPARE(static_cast<int>(pictures), pngEntries(first));
        QCOMPARE(cache.encodedCount(), pictures);
        QVERIFY(first == serializeProject(p));

        QVERIFY(serializeProject(p, options) == first);
        cache.dropUnused();
        QCOMPARE(cache.encodedCount(), pictures);
        QCOMPARE(cache.foundCount(), pictures);

        p.document.layer(1).image().data[0] ^= 0xff;
        p.assets.erase("rgb.asset");
        const auto changed = serializeProject(p, options);
        cache.dropUnused();
        QCOMPARE(cache.encodedCount(), pictures + 1);
        QCOMPARE(cache.size(), pictures - 1);  // the old layer picture and the erased asset dropped
        QVERIFY(changed == serializeProject(p));
        QVERIFY(parseProject(changed, "changed.aceproj") == p);

        // A cache over its budget keeps what fits and encodes the rest each time, same archive.
        PngCache small(cache.bytes() / 2);
        ProjectWriteOptions tight;
        tight.pngCache = &small;
        QVERIFY(serializeProject(p, tight) == changed);
        QVERIFY(small.size() > 0 && small.size() < pictures - 1 && small.bytes() <= cache.bytes() / 2);
        const std::size_t encoded = small.encodedCount();
        QVERIFY(serializeProject(p, tight) == changed);
        QCOMPARE(small.encodedCount(), encoded + (pictures - 1 - small.size()));

        // autosaveOf is written from the options, the project itself is left as it is.
        options.autosaveOf = "/somewhere/session.aceproj";
        const Project autosave = parseProject(serializeProject(p, options), "autosave.aceproj");
        QCOMPARE(autosave.autosaveOf, std::filesystem::path("/somewhere/session.aceproj"));
        QVERIFY(p.autosaveOf.empty());
    }

    // A copy of a project (an autosave's snapshot) shares every layer's pixels until one side
    // writes a layer, which then gets pixels of its own; the other side never sees the write, also
    // while a worker thread is writing the copy out.
    void copiesSharePixelsUntilEdited() {
        Project p = sampleProject();
        const Project copy = p;
        const Project untouched = p;
        const auto shared = [&](std::size_t index) {
            const Layer& a = p.document.layers()[index];
            const Layer& b = copy.document.layers()[index];
            for (std::size_t v = 0; v < a.versions.size(); ++v)
                if (!a.versions[v].image.sharesPixelsWith(b.versions[v].image)) return false;
            return true;
        };
        for (std::size_t i = 0; i < p.document.layers().size(); ++i) QVERIFY(shared(i));
        QVERIFY(p.document.layers().size() > 2 && p.document.layer(1).versions.size() == 2);
        for (const auto& [name, image] : p.assets) QVERIFY(image.sharesPixelsWith(copy.assets.at(name)));

        std::vector<std::uint8_t> written;
        std::thread worker([&] { written = serializeProject(copy); });
        for (int round = 0; round < 200; ++round) {
            Image& pixels = p.document.layer(round % p.document.layerCount()).image();
            pixels.data[static_cast<std::size_t>(round) % pixels.data.size()] ^= 0x5a;
        }
        worker.join();
        QVERIFY(parseProject(written, "snapshot.aceproj") == untouched);
        QVERIFY(copy == untouched);
        QVERIFY(!(p.document == copy.document));
        // Each layer's current version has its own pixels now; versions nobody wrote still share.
        for (std::size_t i = 0; i < p.document.layers().size(); ++i) {
            const Layer& a = p.document.layers()[i];
            for (std::size_t v = 0; v < a.versions.size(); ++v)
                QCOMPARE(a.versions[v].image.sharesPixelsWith(copy.document.layers()[i].versions[v].image),
                         static_cast<int>(v) != a.currentVersion);
        }
    }

    // Pictures are counted by their PNG headers before anything is decoded: a project whose
    // pictures claim more pixels together than the limit is refused naming the entry, while a
    // picture that is not a PNG (not written by ACE Desktop) still opens.
    void picturesAreBoundedBeforeDecoding() {
        Project small;
        small.document = Document(8, 8);
        small.document.addLayer(Layer::raster("a", test::randomRgba(8, 8, 1)));
        Image opaque = test::randomRgba(8, 8, 2);
        for (std::size_t i = 3; i < opaque.data.size(); i += 4) opaque.data[i] = 255;  // BMP keeps no alpha
        small.document.addLayer(Layer::raster("b", opaque));
        const auto bytes = serializeProject(small);
        const auto replaceEntry = [&bytes](const std::string& name, const std::vector<std::uint8_t>& data) {
            const ZipReader in(bytes, "in");
            ZipWriter out;
            for (const auto& e : in.entries())
                out.add(e.name, e.name == name ? data : in.read(e.name),
                        e.name == "mimetype" ? ZipWriter::Method::Stored : ZipWriter::Method::Deflate);
            return out.finish();
        };
        const std::string second = nlohmann::json::parse(ZipReader(bytes, "x").readText("project.json"))["layers"][1]["versions"][0]["image"];
        // A PNG header of 40000 x 30000 (1.2 G pixels) and nothing after it.
        std::vector<std::uint8_t> huge = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        for (std::uint32_t v : {40000u, 30000u})
            for (int shift = 24; shift >= 0; shift -= 8) huge.push_back(static_cast<std::uint8_t>(v >> shift));
        huge.insert(huge.end(), {8, 6, 0, 0, 0, 0, 0, 0, 0});
        const QString e = errorOf(replaceEntry(second, huge));
        QVERIFY2(e.contains("too large together") && e.contains(QString::fromStdString(second)), qPrintable(e));

        Image pixels = small.document.layer(1).image();
        const Project bmp = parseProject(replaceEntry(second, encodeImage(pixels, ".bmp")), "bmp.aceproj");
        QVERIFY(bmp.document.layer(1).image() == pixels);
        QVERIFY(bmp == small);
    }

    void writesAreAtomic() {
        const auto path = file("atomic.aceproj");
        saveProject(path, sampleProject());
        const auto before = readFileBytes(path, 1 << 26);
        // A save that fails half-way (a bad asset name is found while serialising) leaves the
        // previous file as it was, and no temporary files behind.
        Project bad = sampleProject();
        bad.assets["../escape"] = Image(1, 1, 1);
        QVERIFY_THROWS_EXCEPTION(ace::Error, saveProject(path, bad));
        QVERIFY(readFileBytes(path, 1 << 26) == before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter("atomic").size(), 1);
        QVERIFY_THROWS_EXCEPTION(ace::Error, saveProject(file("no/such/folder/x.aceproj"), sampleProject()));
    }

    void olderVersionOpens() {
        // Format 1 (before the conversation was stored) reads as it was written.
        const Project p = sampleProject();
        const auto bytes = withProjectJson(serializeProject(p), [](nlohmann::json& j) { j["version"] = 1; });
        const Project back = parseProject(bytes, "old.aceproj");
        QVERIFY(back == p);
    }

    void futureVersionIsRefused() {
        const auto bytes = serializeProject(sampleProject());
        const int future = kProjectFormatVersion + 1;
        const QString e = errorOf(withProjectJson(bytes, [future](nlohmann::json& j) { j["version"] = future; }));
        QVERIFY2(e.contains("newer ACE Desktop") && e.contains(QString("format version %1").arg(future)) &&
                     e.contains("test.aceproj"),
                 qPrintable(e));
    }

    void badFieldsAreNamed_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("opacity") << 0 << "layer 0 'opacity' is out of range";
        QTest::newRow("blend") << 1 << "layer 1 has an unknown blend mode";
        QTest::newRow("missing image") << 2 << "missing 'layers/999.png'";
        QTest::newRow("version index") << 3 << "'currentVersion' is out of range";
        QTest::newRow("duplicate id") << 4 << "repeats layer id";
        QTest::newRow("canvas") << 5 << "canvas 'width' is out of range";
        QTest::newRow("type") << 6 << "'name' is not a string";
        QTest::newRow("input layer") << 7 << "input layer does not exist";
        QTest::newRow("asset name") << 8 << "has a bad name";
        QTest::newRow("format") << 9 << "not an ACE Desktop project";
        QTest::newRow("seed type") << 10 << "'seed' is not an integer";
        QTest::newRow("session") << 11 << "'session' is not an object";
    }
    void badFieldsAreNamed() {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const auto bytes = serializeProject(sampleProject());
        const QString e = errorOf(withProjectJson(bytes, [which](nlohmann::json& j) {
            switch (which) {
            case 0: j["layers"][0]["opacity"] = 1.5; break;
            case 1: j["layers"][1]["blendMode"] = "dissolve"; break;
            case 2: j["layers"][0]["versions"][0]["image"] = "layers/999.png"; break;
            case 3: j["layers"][2]["currentVersion"] = 5; break;
            case 4: j["layers"][2]["id"] = j["layers"][1]["id"]; break;
            case 5: j["canvas"]["width"] = -3; break;
            case 6: j["layers"][0]["name"] = 12; break;
            case 7: j["inputLayer"] = 4242; break;
            case 8: j["assets"][0]["name"] = "../../etc/passwd"; break;
            case 9: j["format"] = "something-else"; break;
            case 10: j["layers"][1]["versions"][0]["provenance"]["seed"] = "x"; break;
            case 11: j["session"] = nlohmann::json::array(); break;
            }
        }));
        QVERIFY2(e.contains(expected), qPrintable(e));
    }

    void notAProject() {
        QVERIFY(errorOf({}).contains("not a zip"));
        ZipWriter w;
        w.add("mimetype", std::string("image/openraster"), ZipWriter::Method::Stored);
        QVERIFY(errorOf(w.finish()).contains("not an ACE Desktop project"));
        ZipWriter w2;
        w2.add("mimetype", std::string(kProjectMimeType), ZipWriter::Method::Stored);
        w2.add("project.json", std::string("{\"format\": \"ace-desktop-project\", \"version\": 1,"));
        QVERIFY(errorOf(w2.finish()).contains("not valid JSON"));
        QVERIFY_THROWS_EXCEPTION(ace::Error, loadProject(file("absent.aceproj")));
    }

    void everyTruncationIsAnError() {
        Project small;
        small.document = Document(8, 8);
        small.document.addLayer(Layer::raster("a", test::randomRgba(8, 8, 1)));
        const auto bytes = serializeProject(small);
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            const QString e = errorOf(std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + static_cast<long>(n)));
            QVERIFY2(!e.isEmpty(), qPrintable(QString("truncated to %1 bytes and accepted").arg(n)));
        }
    }

    void randomCorruptionNeverCrashes() {
        const auto bytes = serializeProject(sampleProject());
        std::mt19937 rng(11);
        int errors = 0;
        for (int round = 0; round < 400; ++round) {
            auto mutated = bytes;
            const int flips = 1 + static_cast<int>(rng() % 8);
            for (int k = 0; k < flips; ++k) mutated[rng() % mutated.size()] ^= static_cast<std::uint8_t>(1 + rng() % 255);
            if (!errorOf(mutated).isEmpty()) ++errors;
        }
        qInfo("%d of 400 corrupted projects were refused; the rest changed only bytes that do not matter", errors);
        QVERIFY(errors > 0);
    }

private:
    std::filesystem::path file(const std::string& name) const { return std::filesystem::path(m_dir.path().toStdString()) / name; }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
