#include "ace/imaging/synth/SceneGenerator.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace ace::synth {

SceneGenerator::SceneGenerator(SceneOptions options) : m_options(std::move(options)) {
    if (m_options.backgrounds.empty())
        m_options.backgrounds = {BackgroundKind::Solid,   BackgroundKind::LinearGradient, BackgroundKind::RadialGradient,
                                 BackgroundKind::Stripes, BackgroundKind::Checker,        BackgroundKind::Noise};
    if (m_options.minShapes < 0 || m_options.maxShapes < m_options.minShapes)
        throw std::invalid_argument("SceneOptions: bad shape count range");
}

const std::vector<std::string>& SceneGenerator::words() {
    static const std::vector<std::string> kWords = {"ACE", "SALE", "HI",  "OK",  "NEW", "TOP", "SUN", "CAT",
                                                    "DOG", "GO",   "YES", "NO",  "BIG", "FUN", "42",  "2024"};
    return kWords;
}

Background SceneGenerator::randomBackground(SynthRandom& rng) const {
    Background b;
    b.kind = rng.pick(m_options.backgrounds);
    const auto& colours = palette();
    b.primary = rng.pick(colours);
    do {
        b.secondary = rng.pick(colours);
    } while (b.secondary == b.primary);
    // Plain and noisy backgrounds have one colour; keep the record tidy.
    if (b.kind == BackgroundKind::Solid || b.kind == BackgroundKind::Noise) b.secondary = b.primary;
    static const std::vector<double> kAngles = {0.0, 45.0, 90.0, 135.0};
    b.angleDegrees = (b.kind == BackgroundKind::LinearGradient || b.kind == BackgroundKind::Stripes) ? rng.pick(kAngles) : 0.0;
    b.period = (b.kind == BackgroundKind::Stripes || b.kind == BackgroundKind::Checker) ? rng.uniformInt(8, 16) : 8;
    b.textureSeed = b.kind == BackgroundKind::Noise ? rng.fork() : 0;
    return b;
}

std::vector<NamedColour> SceneGenerator::contrastingColours(const Background& b) const {
    std::vector<NamedColour> out;
    for (const auto& c : palette()) {
        if (colourDistance(c, b.primary) < m_options.minColourDistance) continue;
        if (colourDistance(c, b.secondary) < m_options.minColourDistance) continue;
        out.push_back(c);
    }
    return out;
}

PixelBox shapeBox(const Shape& s) {
    const int x0 = static_cast<int>(std::floor(s.cx - s.radius)), y0 = static_cast<int>(std::floor(s.cy - s.radius));
    const int x1 = static_cast<int>(std::ceil(s.cx + s.radius)), y1 = static_cast<int>(std::ceil(s.cy + s.radius));
    return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

PixelBox textBox(const TextElement& t) {
    int baseline = 0;
    const cv::Size size = cv::getTextSize(t.text, cv::FONT_HERSHEY_SIMPLEX, t.fontScale, t.thickness, &baseline);
    // Anti-aliasing and stroke width reach about a thickness beyond the nominal box.
    const int pad = t.thickness + 1;
    return {t.x - pad, t.y - size.height - pad, size.width + 2 * pad, size.height + baseline + 2 * pad};
}

bool boxesOverlap(const PixelBox& a, const PixelBox& b, int margin) {
    return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin &&
           b.y < a.y + a.height + margin;
}

std::optional<Shape> SceneGenerator::placeShape(SynthRandom& rng, const Scene& scene, std::optional<ShapeKind> kind,
                                                std::optional<NamedColour> colour,
                                                const std::vector<NamedColour>& exclude) const {
    std::vector<NamedColour> colours;
    if (colour) {
        colours = {*colour};
    } else {
        for (const auto& c : contrastingColours(scene.background)) {
            bool used = std::find(exclude.begin(), exclude.end(), c) != exclude.end();
            // Distinct colours per scene, so "the red circle" names exactly one shape.
            for (const auto& s : scene.shapes) used = used || s.colour == c;
            if (!used) colours.push_back(c);
        }
        if (colours.empty()) return std::nullopt;
    }
    const double side = std::min(scene.width, scene.height);
    for (int attempt = 0; attempt < 60; ++attempt) {
        Shape s;
        s.kind = kind ? *kind : rng.pick(allShapeKinds());
        s.colour = rng.pick(colours);
        s.radius = std::round(rng.uniform(m_options.minRadius, m_options.maxRadius) * side * 2.0) / 2.0;
        const double margin = 1.0;
        if (scene.width < 2 * (s.radius + margin) + 1 || scene.height < 2 * (s.radius + margin) + 1) continue;
        // Half-pixel grid: centres land on pixel centres or edges, which keeps shapes crisp.
        s.cx = std::round(rng.uniform(s.radius + margin, scene.width - 1 - s.radius - margin) * 2.0) / 2.0;
        s.cy = std::round(rng.uniform(s.radius + margin, scene.height - 1 - s.radius - margin) * 2.0) / 2.0;
        bool clear = true;
        for (const auto& o : scene.shapes)
            clear = clear && std::hypot(o.cx - s.cx, o.cy - s.cy) > o.radius + s.radius + 2.0;
        for (const auto& t : scene.texts) clear = clear && !boxesOverlap(shapeBox(s), textBox(t), 1);
        if (clear) return s;
    }
    return std::nullopt;
}

std::optional<TextElement> SceneGenerator::placeText(SynthRandom& rng, const Scene& scene) const {
    std::vector<NamedColour> colours = contrastingColours(scene.background);
    if (colours.empty()) return std::nullopt;
    const double side = std::min(scene.width, scene.height);
    for (int attempt = 0; attempt < 60; ++attempt) {
        TextElement t;
        t.text = rng.pick(words());
        t.colour = rng.pick(colours);
        t.fontScale = std::round(rng.uniform(0.35, 0.5) * side / 64.0 * 20.0) / 20.0;
        t.thickness = std::max(1, static_cast<int>(std::lround(side / 96.0)));
        t.x = 0;
        t.y = 0;
        const PixelBox box0 = textBox(t);
        const int minX = -box0.x, maxX = scene.width - (box0.x + box0.width);
        const int minY = -box0.y, maxY = scene.height - (box0.y + box0.height);
        if (maxX < minX || maxY < minY) continue;
        t.x = rng.uniformInt(minX, maxX);
        t.y = rng.uniformInt(minY, maxY);
        bool clear = true;
        for (const auto& s : scene.shapes) clear = clear && !boxesOverlap(shapeBox(s), textBox(t), 1);
        for (const auto& o : scene.texts) clear = clear && !boxesOverlap(textBox(o), textBox(t), 1);
        if (clear) return t;
    }
    return std::nullopt;
}

Scene SceneGenerator::generate(SynthRandom& rng, int width, int height) const {
    Scene scene;
    scene.width = width;
    scene.height = height;
    scene.background = randomBackground(rng);
    if (rng.chance(m_options.textProbability))
        if (auto t = placeText(rng, scene)) scene.texts.push_back(*t);
    const int count = rng.uniformInt(m_options.minShapes, m_options.maxShapes);
    for (int i = 0; i < count; ++i)
        if (auto s = placeShape(rng, scene)) scene.shapes.push_back(*s);
    return scene;
}

}  // namespace ace::synth
