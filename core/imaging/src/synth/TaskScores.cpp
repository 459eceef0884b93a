#include "ace/imaging/synth/TaskScores.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

#include "CvImage.h"
#include "ace/imaging/synth/SceneRenderer.h"

namespace ace::synth {
namespace {

using detail::toMat;

void requireSameSize(const Image& a, const Image& b, const char* what) {
    if (a.width != b.width || a.height != b.height)
        throw std::invalid_argument(std::string(what) + ": images of different sizes (" + std::to_string(a.width) +
                                    "x" + std::to_string(a.height) + " and " + std::to_string(b.width) + "x" +
                                    std::to_string(b.height) + ")");
}

// Edges as a 0/255 map: a map image (RGB or gray) thresholded at half intensity.
cv::Mat edgeMap(const Image& image) {
    cv::Mat m = toMat(image), gray;
    if (m.channels() == 3) cv::cvtColor(m, gray, cv::COLOR_RGB2GRAY);
    else gray = m;
    cv::Mat edges;
    cv::threshold(gray, edges, 127, 255, cv::THRESH_BINARY);
    return edges;
}

// Palette colours are far apart; 60 RGB units tolerate anti-aliasing and a soft model.
constexpr double kColourRadius = 60.0;

// 255 where a pixel lies within `radius` (RGB distance) of a colour.
cv::Mat nearColour(const cv::Mat& rgb, const std::array<std::uint8_t, 3>& c, double radius) {
    cv::Mat out(rgb.size(), CV_8U, cv::Scalar(0));
    const double r2 = radius * radius;
    for (int y = 0; y < rgb.rows; ++y) {
        const auto* p = rgb.ptr<cv::Vec3b>(y);
        auto* o = out.ptr<std::uint8_t>(y);
        for (int x = 0; x < rgb.cols; ++x) {
            const double dr = p[x][0] - c[0], dg = p[x][1] - c[1], db = p[x][2] - c[2];
            o[x] = dr * dr + dg * dg + db * db <= r2 ? 255 : 0;
        }
    }
    return out;
}

// Share of pixels within `radius` of a colour.
double shareNear(const cv::Mat& rgb, const NamedColour& colour, double radius) {
    return double(cv::countNonZero(nearColour(rgb, colour.rgb, radius))) / double(rgb.total());
}

std::vector<NamedColour> namedColours(const Scene& scene) {
    std::vector<NamedColour> colours;
    auto add = [&](const NamedColour& c) {
        if (std::find(colours.begin(), colours.end(), c) == colours.end()) colours.push_back(c);
    };
    for (const Shape& s : scene.shapes) add(s.colour);
    if (scene.background.kind == BackgroundKind::Solid) add(scene.background.primary);
    return colours;
}

}  // namespace

double meanAbsDifference(const Image& a, const Image& b, const Image& region, bool inside) {
    requireSameSize(a, b, "meanAbsDifference");
    if (a.channels != b.channels) throw std::invalid_argument("meanAbsDifference: different channel counts");
    if (!region.isNull()) requireSameSize(a, region, "meanAbsDifference (region)");
    double sum = 0;
    int64_t count = 0;
    const int c = a.channels;
    for (int i = 0; i < a.width * a.height; ++i) {
        if (!region.isNull() && ((region.data[i] >= 128) != inside)) continue;
        for (int k = 0; k < c; ++k) sum += std::abs(int(a.data[size_t(i) * c + k]) - int(b.data[size_t(i) * c + k]));
        count += c;
    }
    return count ? sum / (255.0 * double(count)) : TaskScores::kNotApplicable;
}

Image meanFill(const Image& image, const Image& region) {
    requireSameSize(image, region, "meanFill");
    const int c = image.channels;
    std::vector<double> sum(size_t(c), 0.0);
    int64_t count = 0;
    for (int i = 0; i < image.width * image.height; ++i) {
        if (region.data[i] >= 128) continue;
        for (int k = 0; k < c; ++k) sum[size_t(k)] += image.data[size_t(i) * c + k];
        ++count;
    }
    Image filled = image;
    for (int i = 0; i < image.width * image.height; ++i) {
        if (region.data[i] < 128) continue;
        for (int k = 0; k < c; ++k)
            filled.data[size_t(i) * c + k] = count ? std::uint8_t(std::lround(sum[size_t(k)] / double(count))) : 128;
    }
    return filled;
}

double meanSaturation(const Image& rgb) {
    if (rgb.channels != 3) throw std::invalid_argument("meanSaturation: expected an RGB image");
    cv::Mat hsv;
    cv::cvtColor(toMat(rgb), hsv, cv::COLOR_RGB2HSV);
    return cv::mean(hsv)[1] / 255.0;
}

double edgeF1(const Image& output, const Image& targetEdges, int tolerancePx) {
    requireSameSize(output, targetEdges, "edgeF1");
    const cv::Mat out = edgeMap(output), ref = edgeMap(targetEdges);
    const int outCount = cv::countNonZero(out), refCount = cv::countNonZero(ref);
    if (outCount == 0 && refCount == 0) return 1.0;
    if (outCount == 0 || refCount == 0) return 0.0;
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {2 * tolerancePx + 1, 2 * tolerancePx + 1});
    cv::Mat outWide, refWide;
    cv::dilate(out, outWide, kernel);
    cv::dilate(ref, refWide, kernel);
    const double precision = double(cv::countNonZero(out & refWide)) / outCount;
    const double recall = double(cv::countNonZero(ref & outWide)) / refCount;
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

double colourRecall(const Image& output, const Image& target, const std::vector<NamedColour>& colours) {
    requireSameSize(output, target, "colourRecall");
    constexpr double kMinShare = 0.002;  // colours the target barely shows are not judged
    const cv::Mat out = toMat(output), tgt = toMat(target);
    double sum = 0;
    int judged = 0;
    for (const NamedColour& c : colours) {
        const double expected = shareNear(tgt, c, kColourRadius);
        if (expected < kMinShare) continue;
        sum += std::min(1.0, shareNear(out, c, kColourRadius) / expected);
        ++judged;
    }
    return judged ? sum / judged : TaskScores::kNotApplicable;
}

namespace {

cv::Mat largestComponent(const cv::Mat& mask, int* area) {
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8);
    int best = 0, bestArea = 0;
    for (int i = 1; i < n; ++i) {
        const int a = stats.at<int>(i, cv::CC_STAT_AREA);
        if (a > bestArea) best = i, bestArea = a;
    }
    *area = bestArea;
    return best ? cv::Mat(labels == best) : cv::Mat(mask.size(), CV_8U, cv::Scalar(0));
}

int coveredPixels(const Image& coverage) {
    return cv::countNonZero(toMat(coverage) >= 128);
}

// A shape can be judged when nothing else in the scene has a colour near its own (the colour
// picks out its pixels) and at least 80% of it is visible.
bool judgeable(const Scene& scene, std::size_t index) {
    const Shape& s = scene.shapes[index];
    auto near = [&](const NamedColour& c) { return colourDistance(c, s.colour) < 2 * kColourRadius; };
    for (std::size_t j = 0; j < scene.shapes.size(); ++j)
        if (j != index && near(scene.shapes[j].colour)) return false;
    for (const TextElement& t : scene.texts)
        if (near(t.colour)) return false;
    const Background& b = scene.background;
    if (near(b.primary)) return false;
    if (b.kind != BackgroundKind::Solid && b.kind != BackgroundKind::Noise && near(b.secondary)) return false;
    const int full = coveredPixels(shapeCoverage(s, scene.width, scene.height));
    return full > 0 && coveredPixels(visibleCoverage(scene, index)) >= 0.8 * full;
}

}  // namespace

namespace {

// Rotation- and position-invariant outline features of a binary blob: the share of its filled
// outline that is a hole (ring), its solidity (filled area over convex hull: star) and how much
// of its enclosing circle it fills (circle > hexagon > square > triangle).
std::array<double, 3> outlineFeatures(const cv::Mat& blob) {
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(blob.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    if (contours.empty()) return {0, 0, 0};
    const auto& outer = *std::max_element(contours.begin(), contours.end(), [](const auto& a, const auto& b) {
        return cv::contourArea(a) < cv::contourArea(b);
    });
    cv::Mat filled(blob.size(), CV_8U, cv::Scalar(0));
    cv::drawContours(filled, std::vector<std::vector<cv::Point>>{outer}, 0, cv::Scalar(255), cv::FILLED);
    const double area = cv::countNonZero(blob), filledArea = std::max(1, cv::countNonZero(filled));
    std::vector<cv::Point> hull;
    cv::convexHull(outer, hull);
    cv::Mat hullMask(blob.size(), CV_8U, cv::Scalar(0));
    cv::fillConvexPoly(hullMask, hull, cv::Scalar(255));
    cv::Point2f centre;
    float radius = 0;
    cv::minEnclosingCircle(outer, centre, radius);
    const double circle = CV_PI * (radius + 0.5) * (radius + 0.5);
    return {(filledArea - area) / filledArea, filledArea / std::max(1, cv::countNonZero(hullMask)),
            filledArea / circle};
}

}  // namespace

ShapeKind classifyShape(const Image& blob, const Shape& like) {
    const std::array<double, 3> f = outlineFeatures(toMat(blob) > 0);
    const int side = static_cast<int>(std::ceil(like.radius * 2.5 + 8));
    ShapeKind best = like.kind;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (ShapeKind kind : allShapeKinds()) {
        Shape canonical = like;
        canonical.kind = kind;
        canonical.cx = canonical.cy = side / 2.0;
        const std::array<double, 3> g = outlineFeatures(toMat(shapeCoverage(canonical, side, side)) >= 128);
        double d = 0;
        for (int i = 0; i < 3; ++i) d += (f[i] - g[i]) * (f[i] - g[i]);
        if (d < bestDistance) bestDistance = d, best = kind;
    }
    return best;
}

double shapeAccuracy(const Image& output, const Scene& scene) {
    if (output.width != scene.width || output.height != scene.height)
        throw std::invalid_argument("shapeAccuracy: output and scene of different sizes");
    const cv::Mat rgb = toMat(output);
    int judged = 0, correct = 0;
    for (std::size_t i = 0; i < scene.shapes.size(); ++i) {
        if (!judgeable(scene, i)) continue;
        const Shape& s = scene.shapes[i];
        ++judged;
        int area = 0;
        const cv::Mat blob = largestComponent(nearColour(rgb, s.colour.rgb, kColourRadius), &area);
        if (area < 0.4 * shapeArea(s)) continue;  // not drawn (or drawn far too small)
        Image blobImage(blob.cols, blob.rows, 1);
        std::copy(blob.datastart, blob.dataend, blobImage.data.begin());
        if (classifyShape(blobImage, s) == s.kind) ++correct;
    }
    return judged ? double(correct) / judged : TaskScores::kNotApplicable;
}

TaskScores scoreOutput(const LcuSample& sample, const Image& output) {
    if (output.channels != 3) throw std::invalid_argument("scoreOutput: expected an RGB output");
    requireSameSize(output, sample.target, "scoreOutput");
    TaskScores s;
    s.targetL1 = meanAbsDifference(output, sample.target);
    const Image baseline = sample.images.empty() ? Image(output.width, output.height, 3, 128) : sample.images.back();
    s.baselineL1 = meanAbsDifference(baseline, sample.target);
    // The generator leaves editRegion null for kinds that change every pixel.
    if (!sample.editRegion.isNull()) {
        s.editL1 = meanAbsDifference(output, sample.target, sample.editRegion, true);
        s.editBaselineL1 = meanAbsDifference(sample.images.back(), sample.target, sample.editRegion, true);
        s.editFillL1 =
            meanAbsDifference(meanFill(sample.images.back(), sample.editRegion), sample.target, sample.editRegion, true);
        s.keepL1 = meanAbsDifference(output, sample.images.back(), sample.editRegion, false);
    }
    switch (sample.kind) {
        case TaskKind::Grayscale: s.saturation = meanSaturation(output); break;
        case TaskKind::Canny: s.edgeF1 = edgeF1(output, sample.target); break;
        case TaskKind::TextToImage: case TaskKind::ControlCanny: case TaskKind::ControlGrayscale:
        case TaskKind::ControlSegmentation:
            s.colourRecall = colourRecall(output, sample.target, namedColours(sample.targetScene));
            s.shapeAccuracy = shapeAccuracy(output, sample.targetScene);
            break;
        default: break;
    }
    return s;
}

std::vector<std::pair<std::string, double>> TaskScores::named() const {
    std::vector<std::pair<std::string, double>> all{{"target_l1", targetL1},   {"baseline_l1", baselineL1},
                                                    {"edit_l1", editL1},       {"edit_baseline_l1", editBaselineL1},
                                                    {"edit_fill_l1", editFillL1},
                                                    {"keep_l1", keepL1},
                                                    {"saturation", saturation}, {"edge_f1", edgeF1},
                                                    {"colour_recall", colourRecall},
                                                    {"shape_accuracy", shapeAccuracy}};
    std::vector<std::pair<std::string, double>> present;
    for (const auto& p : all)
        if (!std::isnan(p.second)) present.push_back(p);
    return present;
}

}  // namespace ace::synth
