#pragma once
// Draws random scenes (Scene.h): a background, 1..N non-overlapping shapes whose colours stand
// well apart from the background's, and optionally a short text. All randomness comes from the
// SynthRandom passed in, so a seed fixes the scene.
#include <optional>
#include <string>
#include <vector>

#include "ace/imaging/synth/Scene.h"
#include "ace/imaging/synth/SynthRandom.h"

namespace ace::synth {

struct SceneOptions {
    int minShapes = 1;
    int maxShapes = 3;
    double textProbability = 0.0;
    double minRadius = 0.11;  // fractions of the shorter canvas side
    double maxRadius = 0.22;
    double minColourDistance = 130.0;  // RGB distance between a shape and any background colour
    std::vector<BackgroundKind> backgrounds;  // allowed kinds; empty = all
};

class SceneGenerator {
public:
    explicit SceneGenerator(SceneOptions options = {});

    const SceneOptions& options() const { return m_options; }

    Scene generate(SynthRandom& rng, int width, int height) const;
    Background randomBackground(SynthRandom& rng) const;

    // Colours a shape or text may take on this background (far enough from each of its colours).
    std::vector<NamedColour> contrastingColours(const Background& background) const;

    // A new shape that overlaps none of the scene's shapes and texts (nullopt when no free spot is
    // found). `kind`/`colour` fix those properties; `exclude` lists colours not to use.
    std::optional<Shape> placeShape(SynthRandom& rng, const Scene& scene, std::optional<ShapeKind> kind = {},
                                    std::optional<NamedColour> colour = {},
                                    const std::vector<NamedColour>& exclude = {}) const;

    // A short text clear of every shape (nullopt when it does not fit).
    std::optional<TextElement> placeText(SynthRandom& rng, const Scene& scene) const;

    // The words texts are drawn from.
    static const std::vector<std::string>& words();

private:
    SceneOptions m_options;
};

// Axis-aligned box of a text as drawn (x, y, width, height), in pixels.
struct PixelBox {
    int x = 0, y = 0, width = 0, height = 0;
};
PixelBox textBox(const TextElement& text);
PixelBox shapeBox(const Shape& shape);
bool boxesOverlap(const PixelBox& a, const PixelBox& b, int margin);

}  // namespace ace::synth
