// Writes the fuzzer's seed inputs (see FuzzProjectInput.h) into the folder given.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ace/document/ProjectFile.h"

namespace {
void write(const std::filesystem::path& file, std::uint8_t mode, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(file, std::ios::binary);
    out.put(static_cast<char>(mode));
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}
std::vector<std::uint8_t> text(const std::string& s) { return {s.begin(), s.end()}; }
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    ace::Project p;
    p.document = ace::Document(6, 4);
    ace::Layer a = ace::Layer::raster("a", ace::Image(6, 4, 4, 200));
    ace::Provenance prov;
    prov.instruction = "{image} in snow";
    prov.referencedImages = {"a"};
    prov.seed = 7;
    prov.turn = 1;
    prov.settings = {{"steps", 20}};
    a.versions[0].provenance = prov;
    p.document.addLayer(std::move(a));
    p.document.addLayer(ace::Layer::mask("m", ace::Image(6, 4, 1, 255), 1, -2));
    p.document.setInputLayer(1);
    p.assets["a"] = ace::Image(3, 3, 3, 10);
    p.session = {{"conversation", {{{"user", "hi"}}}}, {"lcuHistory", {{"a"}}}};
    p.autosaveOf = "/tmp/x.aceproj";
    write(dir / "whole-project", 0, ace::serializeProject(p));
    // project.json alone (mode 1): the same project, and smaller variants.
    const std::string json =
        R"({"format":"ace-desktop-project","version":1,"canvas":{"width":6,"height":4},"inputLayer":1,)"
        R"("layers":[{"id":1,"name":"a","kind":"raster","visible":true,"locked":false,"opacity":1.0,"blendMode":"multiply",)"
        R"("x":0,"y":0,"currentVersion":0,"versions":[{"image":"layers/1/0.png","provenance":{"instruction":"x","seed":7,)"
        R"("turn":1,"referencedImages":["a"],"mask":"m","task":"","settings":{"steps":20}}}]},)"
        R"({"id":2,"name":"m","kind":"mask","visible":false,"locked":true,"opacity":0.5,"blendMode":"normal","x":-1,"y":2,)"
        R"("currentVersion":1,"versions":[{"image":"layers/2/0.png","provenance":null},{"image":"layers/2/0.png"}]}],)"
        R"("assets":[{"name":"a","image":"assets/a.png","channels":3}],"session":{"conversation":[]},"autosaveOf":"/x"})";
    write(dir / "json-full", 1, text(json));
    write(dir / "json-empty",
          1, text(R"({"format":"ace-desktop-project","version":1,"canvas":{"width":1,"height":1},"inputLayer":0,"layers":[],"assets":[],"session":{}})"));
    std::printf("seeds written to %s\n", dir.c_str());
    return 0;
}
