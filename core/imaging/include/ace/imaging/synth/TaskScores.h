#pragma once
// How well an output does a synthetic task, measured against what the generator knows about the
// sample (its target, edit region and scene description). Used by `ace-train eval` to follow a
// training run and by the built-in model's behaviour tests. Scores that do not apply to a sample's
// kind are NaN.
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ace/common/Image.h"
#include "ace/imaging/synth/TaskSampler.h"

namespace ace::synth {

struct TaskScores {
    // Mean |output - target| over all pixels and channels, in [0, 1].
    double targetL1 = 0;
    // The same for a do-nothing answer: the last input image (mid-grey for text-to-image), so
    // targetL1 < baselineL1 means the output moved towards the target.
    double baselineL1 = 0;
    // Inside the edit region (or inpainting mask): |output - target|.
    double editL1 = kNotApplicable;
    // The same for the do-nothing answer (the last input): editL1 < editBaselineL1 means the
    // edit was applied where it had to be.
    double editBaselineL1 = kNotApplicable;
    // The same for a trivial fill: the edit region painted with the mean colour of the last input
    // around it, the answer of an inpainter that reads nothing of the scene. Filling a mask or a
    // canvas extension is only behaviour where it beats this (the blank do-nothing answer is easy
    // to beat with any mid-toned output).
    double editFillL1 = kNotApplicable;
    // Outside the edit region: |output - last input|, what an edit must leave alone.
    double keepL1 = kNotApplicable;
    // Grayscale: mean HSV saturation of the output, in [0, 1].
    double saturation = kNotApplicable;
    // Canny: F1 of the output's edge pixels against the target map, with 1 px tolerance.
    double edgeF1 = kNotApplicable;
    // Text-to-image and controllable generation: for each colour the scene names (shape colours,
    // a solid background), the share of output pixels close to it relative to the target's share,
    // capped at 1, averaged.
    double colourRecall = kNotApplicable;
    // Text-to-image and controllable generation: the share of the scene's shapes drawn as their
    // kind (shapeAccuracy below).
    double shapeAccuracy = kNotApplicable;

    static constexpr double kNotApplicable = std::numeric_limits<double>::quiet_NaN();
    // The applicable scores by name, in a fixed order.
    std::vector<std::pair<std::string, double>> named() const;
};

TaskScores scoreOutput(const LcuSample& sample, const Image& output);

// Building blocks, public for their tests.
double meanAbsDifference(const Image& a, const Image& b, const Image& region = {}, bool inside = true);
// `image` with the pixels of `region` (>= 128) painted the mean colour of the others.
Image meanFill(const Image& image, const Image& region);
double meanSaturation(const Image& rgb);
double edgeF1(const Image& output, const Image& targetEdges, int tolerancePx = 1);
double colourRecall(const Image& output, const Image& target, const std::vector<NamedColour>& colours);
// For each shape of `scene` that can be judged (mostly visible, its colour used by nothing else in
// the scene), the largest blob of output pixels near its colour is classified by its outline
// (classifyShape) against the generator's own rendering of every shape kind at that size; returns the share
// classified as the shape's kind (a missing or tiny blob counts as wrong), NaN when no shape can
// be judged.
double shapeAccuracy(const Image& output, const Scene& scene);
// The kind whose rendering at `like`'s size is nearest to `blob` (1 channel, nonzero = inside) in
// three rotation-invariant outline measures: hole share (ring), solidity (star) and the share of
// the enclosing circle it fills (circle > hexagon > square > triangle). Hu moments were tried
// first: at radius 7-10 px they confuse triangles with stars.
ShapeKind classifyShape(const Image& blob, const Shape& like);

}  // namespace ace::synth
