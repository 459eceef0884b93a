#include "ace/imaging/synth/Scene.h"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ace::synth {

const std::vector<NamedColour>& palette() {
    // Saturated, well separated colours: a small model should tell them apart at 64 px.
    static const std::vector<NamedColour> kPalette = {
        {"red", {220, 40, 40}},     {"orange", {245, 140, 30}}, {"yellow", {240, 220, 40}},
        {"green", {50, 170, 60}},   {"cyan", {40, 200, 210}},   {"blue", {40, 80, 220}},
        {"purple", {140, 60, 190}}, {"pink", {240, 120, 180}},  {"brown", {130, 80, 40}},
        {"white", {245, 245, 245}}, {"black", {20, 20, 20}},    {"gray", {128, 128, 128}},
    };
    return kPalette;
}

const NamedColour& colourByName(const std::string& name) {
    for (const auto& c : palette())
        if (c.name == name) return c;
    throw std::out_of_range("unknown colour name: " + name);
}

double colourDistance(const NamedColour& a, const NamedColour& b) {
    double sum = 0;
    for (int k = 0; k < 3; ++k) {
        const double d = double(a.rgb[k]) - double(b.rgb[k]);
        sum += d * d;
    }
    return std::sqrt(sum);
}

const std::vector<ShapeKind>& allShapeKinds() {
    static const std::vector<ShapeKind> kKinds = {ShapeKind::Circle, ShapeKind::Square, ShapeKind::Triangle,
                                                  ShapeKind::Star,   ShapeKind::Ring,   ShapeKind::Hexagon};
    return kKinds;
}

std::string shapeKindName(ShapeKind kind) {
    switch (kind) {
    case ShapeKind::Circle: return "circle";
    case ShapeKind::Square: return "square";
    case ShapeKind::Triangle: return "triangle";
    case ShapeKind::Star: return "star";
    case ShapeKind::Ring: return "ring";
    case ShapeKind::Hexagon: return "hexagon";
    }
    return "shape";
}

std::string backgroundKindName(BackgroundKind kind) {
    switch (kind) {
    case BackgroundKind::Solid: return "solid";
    case BackgroundKind::LinearGradient: return "linear-gradient";
    case BackgroundKind::RadialGradient: return "radial-gradient";
    case BackgroundKind::Stripes: return "stripes";
    case BackgroundKind::Checker: return "checker";
    case BackgroundKind::Noise: return "noise";
    }
    return "background";
}

double shapeArea(const Shape& s) {
    const double r = s.radius;
    const double pi = std::numbers::pi;
    switch (s.kind) {
    case ShapeKind::Circle: return pi * r * r;
    case ShapeKind::Square: return (1.7 * r) * (1.7 * r);
    case ShapeKind::Triangle: return 3.0 * std::sqrt(3.0) / 4.0 * r * r;
    case ShapeKind::Hexagon: return 3.0 * std::sqrt(3.0) / 2.0 * r * r;
    case ShapeKind::Ring: return pi * (r * r - (0.55 * r) * (0.55 * r));
    case ShapeKind::Star: {
        // Ten triangles between the centre and consecutive outer/inner vertices (inner = 0.45 r).
        const double inner = 0.45 * r;
        return 10.0 * 0.5 * r * inner * std::sin(pi / 5.0);
    }
    }
    return 0;
}

std::string sizeWord(const Shape& shape, const Scene& scene) {
    const double m = std::min(scene.width, scene.height);
    return shape.radius >= 0.16 * m ? "large" : "small";
}

std::string positionPhrase(double cx, double cy, int width, int height) {
    const int col = cx < width / 3.0 ? 0 : (cx < 2.0 * width / 3.0 ? 1 : 2);
    const int row = cy < height / 3.0 ? 0 : (cy < 2.0 * height / 3.0 ? 1 : 2);
    static const char* kRows[] = {"top", "middle", "bottom"};
    static const char* kCols[] = {"left", "centre", "right"};
    if (row == 1 && col == 1) return "in the centre";
    if (row == 1) return std::string("on the ") + kCols[col];
    if (col == 1) return std::string("at the ") + kRows[row];
    return std::string("at the ") + kRows[row] + " " + kCols[col];
}

std::string shapeNoun(const Shape& shape) { return shape.colour.name + " " + shapeKindName(shape.kind); }

std::string withArticle(const std::string& phrase) {
    const bool vowel = !phrase.empty() && std::string_view("aeiou").find(phrase.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + phrase;
}

std::string describeShape(const Shape& shape, const Scene& scene) {
    return "a " + sizeWord(shape, scene) + " " + shapeNoun(shape) + " " +
           positionPhrase(shape.cx, shape.cy, scene.width, scene.height);
}

std::string describeBackground(const Background& b) {
    switch (b.kind) {
    case BackgroundKind::Solid: return "a plain " + b.primary.name + " background";
    case BackgroundKind::LinearGradient:
        return "a gradient background from " + b.primary.name + " to " + b.secondary.name;
    case BackgroundKind::RadialGradient:
        return "a radial gradient background from " + b.primary.name + " to " + b.secondary.name;
    case BackgroundKind::Stripes:
        return withArticle(b.primary.name + " and " + b.secondary.name + " striped background");
    case BackgroundKind::Checker:
        return withArticle(b.primary.name + " and " + b.secondary.name + " checkered background");
    case BackgroundKind::Noise: return "a textured " + b.primary.name + " background";
    }
    return "a background";
}

std::string describeScene(const Scene& scene) {
    std::string text;
    for (std::size_t i = 0; i < scene.shapes.size(); ++i) {
        if (i > 0) text += i + 1 == scene.shapes.size() ? " and " : ", ";
        text += describeShape(scene.shapes[i], scene);
    }
    if (scene.shapes.empty()) text = describeBackground(scene.background);
    else text += " on " + describeBackground(scene.background);
    for (const auto& t : scene.texts) text += ", with the text \"" + t.text + "\" in " + t.colour.name;
    return text;
}

std::string sceneToJson(const Scene& scene) {
    using nlohmann::json;
    auto colour = [](const NamedColour& c) { return json{{"name", c.name}, {"rgb", {c.rgb[0], c.rgb[1], c.rgb[2]}}}; };
    json j;
    j["width"] = scene.width;
    j["height"] = scene.height;
    const auto& b = scene.background;
    j["background"] = {{"kind", backgroundKindName(b.kind)}, {"primary", colour(b.primary)},
                       {"secondary", colour(b.secondary)}, {"angle", b.angleDegrees},
                       {"period", b.period}, {"description", describeBackground(b)}};
    j["shapes"] = json::array();
    for (const auto& s : scene.shapes)
        j["shapes"].push_back({{"kind", shapeKindName(s.kind)}, {"colour", colour(s.colour)},
                               {"centre", {s.cx, s.cy}}, {"radius", s.radius}, {"rotation", s.rotationDegrees},
                               {"area", shapeArea(s)}, {"description", describeShape(s, scene)}});
    j["texts"] = json::array();
    for (const auto& t : scene.texts)
        j["texts"].push_back({{"text", t.text}, {"colour", colour(t.colour)}, {"origin", {t.x, t.y}},
                              {"fontScale", t.fontScale}, {"thickness", t.thickness}});
    j["description"] = describeScene(scene);
    return j.dump();
}

}  // namespace ace::synth
