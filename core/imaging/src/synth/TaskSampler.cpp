#include "ace/imaging/synth/TaskSampler.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <optional>

#include "ace/common/Error.h"
#include "ace/imaging/synth/InstructionTemplates.h"
#include "ace/imaging/synth/SceneRenderer.h"
#include "synth/CvImage.h"

namespace ace::synth {
namespace {

using Slots = InstructionTemplates::Slots;

// One edit of a scene: the scene after it, its instruction (with {image}) and the pixels it touches.
struct SceneEdit {
    TaskKind kind;
    Scene after;
    std::string instruction;
    Image region;  // 1 channel 0/255
};

Image binarise(const Image& coverage) {
    Image out = coverage;
    for (auto& v : out.data) v = v > 0 ? 255 : 0;
    return out;
}

Image maxImage(const Image& a, const Image& b) {
    Image out = a;
    for (std::size_t i = 0; i < out.data.size(); ++i) out.data[i] = std::max(a.data[i], b.data[i]);
    return out;
}

Image grey3(const Image& rgb) {
    cv::Mat grey, out;
    cv::cvtColor(detail::toMat(rgb), grey, cv::COLOR_RGB2GRAY);
    cv::cvtColor(grey, out, cv::COLOR_GRAY2RGB);
    return detail::fromMat(out);
}

// The Canny thresholds of the edge tasks (OpenCV defaults otherwise: aperture 3, L1 gradient).
constexpr double kCannyLow = 100.0, kCannyHigh = 200.0;

// On the colour image: OpenCV takes, per pixel, the channel with the strongest gradient, so
// shapes whose luminance equals the background's still have edges.
Image canny3(const Image& rgb) {
    cv::Mat edges, out;
    cv::Canny(detail::toMat(rgb), edges, kCannyLow, kCannyHigh);
    cv::cvtColor(edges, out, cv::COLOR_GRAY2RGB);
    return detail::fromMat(out);
}

int mosaicBlock(const Image& img) { return std::max(4, std::min(img.width, img.height) / 8); }

Image mosaic(const Image& rgb) {
    const int block = mosaicBlock(rgb);
    cv::Mat small, out;
    cv::resize(detail::toMat(rgb), small, cv::Size((rgb.width + block - 1) / block, (rgb.height + block - 1) / block), 0,
               0, cv::INTER_AREA);
    cv::resize(small, out, cv::Size(rgb.width, rgb.height), 0, 0, cv::INTER_NEAREST);
    return detail::fromMat(out);
}

double blurSigma(const Image& img) { return std::min(img.width, img.height) / 32.0; }

Image blur(const Image& rgb) {
    cv::Mat out;
    cv::GaussianBlur(detail::toMat(rgb), out, cv::Size(0, 0), blurSigma(rgb));
    return detail::fromMat(out);
}

// Pixels under the mask (> 0) set to black: what prepareImage does for the "inpainting" task.
Image blankMasked(const Image& rgb, const Image& mask) {
    Image out = rgb;
    for (int y = 0; y < rgb.height; ++y)
        for (int x = 0; x < rgb.width; ++x)
            if (mask.pixel(x, y)[0] > 0) std::fill_n(out.pixel(x, y), 3, std::uint8_t(0));
    return out;
}

Scene whiteLayer(const Scene& like, const Shape& shape) {
    Scene layer;
    layer.width = like.width;
    layer.height = like.height;
    layer.background.kind = BackgroundKind::Solid;
    layer.background.primary = layer.background.secondary = colourByName("white");
    layer.shapes = {shape};
    return layer;
}

class Recipes {
public:
    explicit Recipes(const SceneGenerator& generator) : m_gen(generator) {}

    std::optional<SceneEdit> edit(TaskKind kind, const Scene& s, SynthRandom& rng) const {
        switch (kind) {
        case TaskKind::Recolour: return recolour(s, rng);
        case TaskKind::ChangeBackground: return changeBackground(s, rng);
        case TaskKind::AddShape: return addShape(s, rng);
        case TaskKind::RemoveShape: return removeShape(s, rng);
        case TaskKind::ReplaceShape: return replaceShape(s, rng);
        case TaskKind::AddText: return addText(s, rng);
        case TaskKind::EraseText: return eraseText(s, rng);
        default: return std::nullopt;
        }
    }

    std::optional<SceneEdit> recolour(const Scene& s, SynthRandom& rng) const {
        if (s.shapes.empty()) return std::nullopt;
        const std::size_t i = static_cast<std::size_t>(rng.uniformInt(0, int(s.shapes.size()) - 1));
        std::vector<NamedColour> choices;
        for (const auto& c : m_gen.contrastingColours(s.background)) {
            bool used = false;
            for (const auto& o : s.shapes) used = used || o.colour == c;
            if (!used) choices.push_back(c);
        }
        if (choices.empty()) return std::nullopt;
        SceneEdit e{TaskKind::Recolour, s, {}, {}};
        e.after.shapes[i].colour = rng.pick(choices);
        e.instruction = InstructionTemplates::instruction(
            TaskKind::Recolour, {{"shape", shapeNoun(s.shapes[i])}, {"colour", e.after.shapes[i].colour.name}}, rng);
        e.region = binarise(visibleCoverage(s, i));
        return e;
    }

    std::optional<SceneEdit> changeBackground(const Scene& s, SynthRandom& rng) const {
        for (int attempt = 0; attempt < 30; ++attempt) {
            Background b = m_gen.randomBackground(rng);
            if (describeBackground(b) == describeBackground(s.background)) continue;
            const auto ok = m_gen.contrastingColours(b);
            bool fits = true;
            for (const auto& o : s.shapes) fits = fits && std::find(ok.begin(), ok.end(), o.colour) != ok.end();
            for (const auto& t : s.texts) fits = fits && std::find(ok.begin(), ok.end(), t.colour) != ok.end();
            if (!fits) continue;
            SceneEdit e{TaskKind::ChangeBackground, s, {}, {}};
            e.after.background = b;
            std::string words = describeBackground(b);  // "a ... background"
            e.instruction = InstructionTemplates::instruction(TaskKind::ChangeBackground, {{"background", words}}, rng);
            Image fg = foregroundCoverage(s);
            for (auto& v : fg.data) v = v < 255 ? 255 : 0;
            e.region = fg;
            return e;
        }
        return std::nullopt;
    }

    std::optional<SceneEdit> addShape(const Scene& s, SynthRandom& rng) const {
        auto shape = m_gen.placeShape(rng, s);
        if (!shape) return std::nullopt;
        SceneEdit e{TaskKind::AddShape, s, {}, {}};
        e.after.shapes.push_back(*shape);
        e.instruction = InstructionTemplates::instruction(
            TaskKind::AddShape,
            {{"newshape", "a " + sizeWord(*shape, s) + " " + shapeNoun(*shape)},
             {"where", positionPhrase(shape->cx, shape->cy, s.width, s.height)}},
            rng);
        e.region = binarise(shapeCoverage(*shape, s.width, s.height));
        return e;
    }

    std::optional<SceneEdit> removeShape(const Scene& s, SynthRandom& rng) const {
        if (s.shapes.empty()) return std::nullopt;
        const std::size_t i = static_cast<std::size_t>(rng.uniformInt(0, int(s.shapes.size()) - 1));
        SceneEdit e{TaskKind::RemoveShape, s, {}, {}};
        e.after.shapes.erase(e.after.shapes.begin() + static_cast<std::ptrdiff_t>(i));
        e.instruction =
            InstructionTemplates::instruction(TaskKind::RemoveShape, {{"shape", shapeNoun(s.shapes[i])}}, rng);
        e.region = binarise(visibleCoverage(s, i));
        return e;
    }

    std::optional<SceneEdit> replaceShape(const Scene& s, SynthRandom& rng) const {
        if (s.shapes.empty()) return std::nullopt;
        const std::size_t i = static_cast<std::size_t>(rng.uniformInt(0, int(s.shapes.size()) - 1));
        std::vector<ShapeKind> kinds;
        for (ShapeKind k : allShapeKinds())
            if (k != s.shapes[i].kind) kinds.push_back(k);
        SceneEdit e{TaskKind::ReplaceShape, s, {}, {}};
        e.after.shapes[i].kind = rng.pick(kinds);
        e.instruction = InstructionTemplates::instruction(
            TaskKind::ReplaceShape,
            {{"shape", shapeNoun(s.shapes[i])}, {"newshape", withArticle(shapeNoun(e.after.shapes[i]))}}, rng);
        e.region = binarise(maxImage(visibleCoverage(s, i), visibleCoverage(e.after, i)));
        return e;
    }

    std::optional<SceneEdit> addText(const Scene& s, SynthRandom& rng) const {
        auto text = m_gen.placeText(rng, s);
        if (!text) return std::nullopt;
        SceneEdit e{TaskKind::AddText, s, {}, {}};
        e.after.texts.push_back(*text);
        const PixelBox box = textBox(*text);
        e.instruction = InstructionTemplates::instruction(
            TaskKind::AddText,
            {{"text", text->text},
             {"colour", text->colour.name},
             {"where", positionPhrase(box.x + box.width / 2.0, box.y + box.height / 2.0, s.width, s.height)}},
            rng);
        e.region = binarise(textCoverage(*text, s.width, s.height));
        return e;
    }

    std::optional<SceneEdit> eraseText(const Scene& s, SynthRandom& rng) const {
        if (s.texts.empty()) return std::nullopt;
        const std::size_t i = static_cast<std::size_t>(rng.uniformInt(0, int(s.texts.size()) - 1));
        SceneEdit e{TaskKind::EraseText, s, {}, {}};
        e.after.texts.erase(e.after.texts.begin() + static_cast<std::ptrdiff_t>(i));
        e.instruction = InstructionTemplates::instruction(TaskKind::EraseText, {{"text", s.texts[i].text}}, rng);
        e.region = binarise(textCoverage(s.texts[i], s.width, s.height));
        return e;
    }

private:
    const SceneGenerator& m_gen;
};

LcuSample singleImage(TaskKind kind, const Image& input, const Scene& inputScene, std::string instruction,
                      Image target, const Scene& targetScene) {
    LcuSample out;
    out.kind = kind;
    out.instructions = {std::move(instruction)};
    out.images = {input};
    out.masks = {Image()};
    out.tasks = {""};
    out.target = std::move(target);
    out.targetScene = targetScene;
    out.inputScenes = {inputScene};
    return out;
}

Image boxMask(int width, int height, int x0, int y0, int x1, int y1) {
    Image m(width, height, 1, 0);
    for (int y = std::max(0, y0); y < std::min(height, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(width, x1); ++x) m.pixel(x, y)[0] = 255;
    return m;
}

Image freeFormMask(SynthRandom& rng, int width, int height) {
    cv::Mat1b m = cv::Mat1b::zeros(height, width);
    const int side = std::min(width, height);
    const int strokes = rng.uniformInt(1, 3);
    for (int s = 0; s < strokes; ++s) {
        std::vector<cv::Point> pts;
        cv::Point p(rng.uniformInt(0, width - 1), rng.uniformInt(0, height - 1));
        pts.push_back(p);
        const int vertices = rng.uniformInt(2, 4);
        for (int v = 0; v < vertices; ++v) {
            p.x = std::clamp(p.x + rng.uniformInt(-side / 3, side / 3), 0, width - 1);
            p.y = std::clamp(p.y + rng.uniformInt(-side / 3, side / 3), 0, height - 1);
            pts.push_back(p);
        }
        const int thickness = std::max(2, rng.uniformInt(side / 16, side / 8));
        cv::polylines(m, pts, false, cv::Scalar(255), thickness, cv::LINE_8);
    }
    return detail::fromMat(m);
}

}  // namespace

TaskSampler::TaskSampler(std::uint64_t seed, TaskSamplerOptions options)
    : m_seed(seed), m_options(std::move(options)), m_generator(m_options.scene) {
    if (m_options.sizes.empty()) throw std::invalid_argument("TaskSamplerOptions: no sizes");
    for (const auto& [w, h] : m_options.sizes)
        if (w < 32 || h < 32 || w % 16 != 0 || h % 16 != 0)
            throw std::invalid_argument("TaskSamplerOptions: sizes must be multiples of 16, at least 32");
    if (m_options.maxTurns < 2) throw std::invalid_argument("TaskSamplerOptions: maxTurns must be >= 2");
    for (TaskKind k : allTaskKinds()) {
        const auto it = m_options.weights.find(k);
        const double w = it == m_options.weights.end() ? 1.0 : it->second;
        if (w < 0) throw std::invalid_argument("TaskSamplerOptions: negative weight for " + taskKindName(k));
        if (w > 0) {
            m_kinds.push_back(k);
            m_weights.push_back(w);
        }
    }
    if (m_kinds.empty()) throw std::invalid_argument("TaskSamplerOptions: every task weight is zero");
}

LcuSample TaskSampler::sample(std::uint64_t index) const {
    SynthRandom rng(SynthRandom::mix(m_seed, index));
    return build(m_kinds[rng.weightedIndex(m_weights)], rng);
}

LcuSample TaskSampler::sample(TaskKind kind, std::uint64_t index) const {
    SynthRandom rng(SynthRandom::mix(SynthRandom::mix(m_seed, index), 1000 + static_cast<std::uint64_t>(kind)));
    return build(kind, rng);
}

std::vector<LcuSample> TaskSampler::conversation(std::uint64_t index, int turns) const {
    if (turns < 1) throw std::invalid_argument("TaskSampler::conversation: turns must be >= 1");
    SynthRandom rng(SynthRandom::mix(SynthRandom::mix(m_seed, index), 0xC0FFEE));
    const auto [width, height] = rng.pick(m_options.sizes);
    const Recipes recipes(m_generator);
    static const std::vector<TaskKind> kEdits = {TaskKind::Recolour,    TaskKind::ChangeBackground, TaskKind::AddShape,
                                                 TaskKind::RemoveShape, TaskKind::ReplaceShape,     TaskKind::AddText,
                                                 TaskKind::EraseText};
    for (int attempt = 0;; ++attempt) {
        if (attempt == 100) throw std::logic_error("TaskSampler::conversation: no edit applies");
        std::vector<Scene> scenes = {m_generator.generate(rng, width, height)};
        if (rng.chance(m_options.textProbability))
            if (auto t = m_generator.placeText(rng, scenes[0])) scenes[0].texts.push_back(*t);
        std::vector<SceneEdit> edits;
        for (int k = 0; k < turns; ++k) {
            std::optional<SceneEdit> e;
            for (int tries = 0; tries < 20 && !e; ++tries) e = recipes.edit(rng.pick(kEdits), scenes.back(), rng);
            if (!e) break;
            scenes.push_back(e->after);
            edits.push_back(*e);
        }
        if (static_cast<int>(edits.size()) != turns) continue;

        std::vector<Image> renders;
        for (const auto& s : scenes) renders.push_back(renderScene(s));
        std::vector<LcuSample> out;
        for (int k = 0; k < turns; ++k) {
            LcuSample u;
            u.kind = TaskKind::MultiTurn;
            for (int j = 0; j <= k; ++j) {
                u.instructions.push_back(InstructionTemplates::renumberImageReference(edits[j].instruction, j));
                u.images.push_back(renders[j]);
                u.masks.push_back(Image());
                u.tasks.push_back("");
                u.inputScenes.push_back(scenes[j]);
            }
            u.target = renders[k + 1];
            u.targetScene = scenes[k + 1];
            u.editRegion = edits[k].region;
            out.push_back(std::move(u));
        }
        return out;
    }
}

LcuSample TaskSampler::build(TaskKind kind, SynthRandom& rng) const {
    const auto [width, height] = rng.pick(m_options.sizes);
    const Recipes recipes(m_generator);
    const auto& gen = m_generator;
    for (int attempt = 0; attempt < 100; ++attempt) {
        Scene s = gen.generate(rng, width, height);
        const bool wantsText = kind == TaskKind::EraseText ||
                               (kind != TaskKind::TextToImage && rng.chance(m_options.textProbability));
        if (wantsText)
            if (auto t = gen.placeText(rng, s)) s.texts.push_back(*t);
        if (s.shapes.empty() && kind != TaskKind::EraseText && kind != TaskKind::AddShape) continue;

        switch (kind) {
        case TaskKind::TextToImage: {
            LcuSample out;
            out.kind = kind;
            out.instructions = {InstructionTemplates::instruction(kind, {{"scene", describeScene(s)}}, rng)};
            out.target = renderScene(s);
            out.targetScene = s;
            return out;
        }
        case TaskKind::Canny:
        case TaskKind::Grayscale:
        case TaskKind::Mosaic:
        case TaskKind::Blur:
        case TaskKind::Segmentation: {
            const Image input = renderScene(s);
            Image target = kind == TaskKind::Canny       ? canny3(input)
                           : kind == TaskKind::Grayscale ? grey3(input)
                           : kind == TaskKind::Mosaic    ? mosaic(input)
                           : kind == TaskKind::Blur      ? blur(input)
                                                         : renderSegmentation(s);
            return singleImage(kind, input, s, InstructionTemplates::instruction(kind, {}, rng), std::move(target), s);
        }
        case TaskKind::ControlCanny:
        case TaskKind::ControlGrayscale:
        case TaskKind::ControlSegmentation: {
            const Image scene = renderScene(s);
            Image map = kind == TaskKind::ControlCanny       ? canny3(scene)
                        : kind == TaskKind::ControlGrayscale ? grey3(scene)
                                                             : renderSegmentation(s);
            return singleImage(kind, map, s, InstructionTemplates::instruction(kind, {{"scene", describeScene(s)}}, rng),
                               scene, s);
        }
        case TaskKind::Recolour:
        case TaskKind::ChangeBackground:
        case TaskKind::AddShape:
        case TaskKind::RemoveShape:
        case TaskKind::ReplaceShape:
        case TaskKind::AddText:
        case TaskKind::EraseText: {
            auto e = recipes.edit(kind, s, rng);
            if (!e) continue;
            LcuSample out = singleImage(kind, renderScene(s), s, e->instruction, renderScene(e->after), e->after);
            out.editRegion = e->region;
            return out;
        }
        case TaskKind::InpaintBox:
        case TaskKind::InpaintFreeForm: {
            Image mask;
            if (kind == TaskKind::InpaintBox) {
                const int bw = rng.uniformInt(width / 4, width / 2), bh = rng.uniformInt(height / 4, height / 2);
                const int x0 = rng.uniformInt(0, width - bw), y0 = rng.uniformInt(0, height - bh);
                mask = boxMask(width, height, x0, y0, x0 + bw, y0 + bh);
            } else {
                mask = freeFormMask(rng, width, height);
            }
            const Image full = renderScene(s);
            LcuSample out = singleImage(kind, blankMasked(full, mask), s, InstructionTemplates::instruction(kind, {}, rng),
                                        full, s);
            out.masks = {mask};
            out.tasks = {"inpainting"};
            out.editRegion = mask;
            return out;
        }
        case TaskKind::InpaintGuided: {
            auto shape = gen.placeShape(rng, s);
            if (!shape) continue;
            Scene after = s;
            after.shapes.push_back(*shape);
            const PixelBox b = shapeBox(*shape);
            const int pad = rng.uniformInt(2, std::max(2, std::min(width, height) / 16));
            const Image mask = boxMask(width, height, b.x - pad, b.y - pad, b.x + b.width + pad, b.y + b.height + pad);
            LcuSample out = singleImage(
                kind, blankMasked(renderScene(s), mask), s,
                InstructionTemplates::instruction(kind, {{"newshape", withArticle(shapeNoun(*shape))}}, rng),
                renderScene(after), after);
            out.masks = {mask};
            out.tasks = {"inpainting"};
            out.editRegion = mask;
            return out;
        }
        case TaskKind::Outpaint: {
            // The kept part of the canvas; the new area (mask) is what the model paints.
            static const std::vector<std::string> kDirections = {"to the left", "to the right", "upwards", "downwards",
                                                                 "to the left and right", "upwards and downwards",
                                                                 "on all sides"};
            const std::size_t d = static_cast<std::size_t>(rng.uniformInt(0, int(kDirections.size()) - 1));
            auto amount = [&](int extent) { return std::max(8, (rng.uniformInt(extent / 4, extent / 2) / 8) * 8); };
            int x0 = 0, y0 = 0, x1 = width, y1 = height;
            switch (d) {
            case 0: x0 = amount(width); break;
            case 1: x1 = width - amount(width); break;
            case 2: y0 = amount(height); break;
            case 3: y1 = height - amount(height); break;
            case 4: x0 = amount(width) / 2; x1 = width - x0; break;
            case 5: y0 = amount(height) / 2; y1 = height - y0; break;
            default: x0 = amount(width) / 2; x1 = width - x0; y0 = amount(height) / 2; y1 = height - y0; break;
            }
            Image mask = boxMask(width, height, x0, y0, x1, y1);
            for (auto& v : mask.data) v = 255 - v;
            const Image full = renderScene(s);
            LcuSample out = singleImage(
                kind, blankMasked(full, mask), s,
                InstructionTemplates::instruction(kind, {{"direction", kDirections[d]}}, rng), full, s);
            out.masks = {mask};
            out.tasks = {"inpainting"};
            out.editRegion = mask;
            return out;
        }
        case TaskKind::Decouple: {
            const NamedColour white = colourByName("white");
            std::vector<std::size_t> candidates;
            for (std::size_t i = 0; i < s.shapes.size(); ++i)
                if (colourDistance(s.shapes[i].colour, white) >= gen.options().minColourDistance) candidates.push_back(i);
            if (candidates.empty()) continue;
            const std::size_t index = rng.pick(candidates);
            const Shape& shape = s.shapes[index];
            const Scene layer = whiteLayer(s, shape);
            LcuSample out = singleImage(kind, renderScene(s), s,
                                        InstructionTemplates::instruction(kind, {{"shape", shapeNoun(shape)}}, rng),
                                        renderScene(layer), layer);
            // Decoupling whitens every pixel but those where the shape is wholly visible.
            Image region = visibleCoverage(s, index);
            for (auto& v : region.data) v = v < 255 ? 255 : 0;
            out.editRegion = std::move(region);
            return out;
        }
        case TaskKind::Fuse:
        case TaskKind::Reference: {
            // s is the destination; the new shape lands on a free spot of it.
            const NamedColour white = colourByName("white");
            std::vector<NamedColour> exclude;
            if (kind == TaskKind::Fuse)
                for (const auto& c : palette())
                    if (colourDistance(c, white) < gen.options().minColourDistance) exclude.push_back(c);
            auto shape = gen.placeShape(rng, s, std::nullopt, std::nullopt, exclude);
            if (!shape) continue;
            Scene after = s;
            after.shapes.push_back(*shape);
            Scene source;
            if (kind == TaskKind::Fuse) {
                source = whiteLayer(s, *shape);
            } else {
                // Another scene that shows the same shape at the same place, on a background of its own.
                source.width = width;
                source.height = height;
                bool found = false;
                for (int tries = 0; tries < 30 && !found; ++tries) {
                    source.background = gen.randomBackground(rng);
                    const auto ok = gen.contrastingColours(source.background);
                    found = std::find(ok.begin(), ok.end(), shape->colour) != ok.end() &&
                            describeBackground(source.background) != describeBackground(s.background);
                }
                if (!found) continue;
                source.shapes = {*shape};
                if (auto extra = gen.placeShape(rng, source, std::nullopt, std::nullopt, {shape->colour}))
                    source.shapes.insert(source.shapes.begin(), *extra);
            }
            const std::string instruction =
                InstructionTemplates::instruction(kind, {{"shape", shapeNoun(*shape)}}, rng);
            LcuSample out;
            out.kind = kind;
            // Several images without history: the reference repeats the message for each image.
            out.instructions = {instruction, instruction};
            if (kind == TaskKind::Fuse) {
                out.images = {renderScene(source), renderScene(s)};  // {image} = the layer, {image1} = the background
                out.inputScenes = {source, s};
            } else {
                out.images = {renderScene(s), renderScene(source)};  // {image} = destination, {image1} = reference
                out.inputScenes = {s, source};
            }
            out.masks = {Image(), Image()};
            out.tasks = {"", ""};
            out.target = renderScene(after);
            out.targetScene = after;
            // Fusing edits the background ({image1}, the last input) where the layer's shape lands.
            // (A reference's last input is the reference, not the image it changes: no region.)
            if (kind == TaskKind::Fuse) out.editRegion = binarise(shapeCoverage(*shape, width, height));
            return out;
        }
        case TaskKind::MultiTurn: {
            const int turns = rng.uniformInt(2, m_options.maxTurns);
            return conversation(rng.next(), turns).back();
        }
        }
    }
    throw std::logic_error("TaskSampler: could not build a " + taskKindName(kind) + " sample");
}

void TaskSampler::writeCorpus(const std::filesystem::path& file, std::uint64_t count) const {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(file, "cannot open the corpus file for writing");
    for (std::uint64_t i = 0; i < count; ++i)
        for (const auto& line : sample(i).instructions) out << line << '\n';
    out << "{image}\n";
    for (int i = 1; i <= 9; ++i) out << "{image" << i << "}\n";
    if (!out.flush()) throw Error(file, "cannot write the corpus file");
}

}  // namespace ace::synth
