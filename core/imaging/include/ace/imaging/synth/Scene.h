#pragma once
// The synthetic world the built-in model learns: a background (solid, gradient or texture),
// coloured geometric shapes and short texts. A Scene is the machine-readable description; the
// renderer (SceneRenderer.h) turns it into pixels, so every sample knows exactly what it shows.
// No OpenCV, Qt or torch types.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ace::synth {

struct NamedColour {
    std::string name;
    std::array<std::uint8_t, 3> rgb{};
    bool operator==(const NamedColour&) const = default;
};

// The colours shapes, texts and backgrounds are drawn from, with their English names.
const std::vector<NamedColour>& palette();
const NamedColour& colourByName(const std::string& name);  // throws std::out_of_range
// Euclidean RGB distance; the generator keeps shapes well away from the background colours.
double colourDistance(const NamedColour& a, const NamedColour& b);

enum class ShapeKind { Circle, Square, Triangle, Star, Ring, Hexagon };
const std::vector<ShapeKind>& allShapeKinds();
std::string shapeKindName(ShapeKind kind);  // "circle", "square", ...

enum class BackgroundKind { Solid, LinearGradient, RadialGradient, Stripes, Checker, Noise };
std::string backgroundKindName(BackgroundKind kind);  // "solid", "linear-gradient", ...

struct Background {
    BackgroundKind kind = BackgroundKind::Solid;
    NamedColour primary;    // solid colour; gradient start / centre; first stripe; noise base
    NamedColour secondary;  // gradient end / rim; second stripe or checker colour (unused: solid, noise)
    double angleDegrees = 0;  // linear gradient direction, stripe orientation
    int period = 8;           // stripe / checker period in pixels
    std::uint64_t textureSeed = 0;  // noise texture
    bool operator==(const Background&) const = default;
};

struct Shape {
    ShapeKind kind = ShapeKind::Circle;
    NamedColour colour;
    double cx = 0, cy = 0;  // centre in pixels (x right, y down)
    double radius = 8;      // circumradius in pixels (circle/ring/star/hexagon/triangle); square half side = 0.85 r
    double rotationDegrees = 0;
    bool operator==(const Shape&) const = default;
};

struct TextElement {
    std::string text;   // short, ASCII upper case or digits
    NamedColour colour;
    int x = 0, y = 0;   // baseline origin (bottom left of the first glyph)
    double fontScale = 0.4;
    int thickness = 1;
    bool operator==(const TextElement&) const = default;
};

struct Scene {
    int width = 64;
    int height = 64;
    Background background;
    std::vector<Shape> shapes;  // drawn in order, later ones on top
    std::vector<TextElement> texts;  // drawn after the shapes
    bool operator==(const Scene&) const = default;
};

// Exact area of a shape's outline in square pixels (for moment/histogram checks).
double shapeArea(const Shape& shape);
// "small" or "large" relative to the canvas.
std::string sizeWord(const Shape& shape, const Scene& scene);
// Where the centre lies: "at the top left", "in the centre", "on the right", ...
std::string positionPhrase(double cx, double cy, int width, int height);
// "red circle"; with details: "large red circle".
std::string shapeNoun(const Shape& shape);
// The phrase with its indefinite article: "a red circle", "an orange circle".
std::string withArticle(const std::string& phrase);
// "a large red circle at the top left"
std::string describeShape(const Shape& shape, const Scene& scene);
// "a blue background", "a gradient background from red to yellow", "a blue and white striped background"
std::string describeBackground(const Background& background);
// One English sentence for the whole scene, as a text-to-image prompt.
std::string describeScene(const Scene& scene);
// The scene as JSON text (kind, colour name + RGB, centre, radius, area per shape; background; texts).
std::string sceneToJson(const Scene& scene);

}  // namespace ace::synth
