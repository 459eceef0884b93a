#include "ace/imaging/synth/TaskScores.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

#include "CvImage.h"

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

// Share of pixels within `radius` (RGB distance) of a colour.
double shareNear(const cv::Mat& rgb, const NamedColour& colour, double radius) {
    int64_t near = 0;
    const double r2 = radius * radius;
    for (int y = 0; y < rgb.rows; ++y) {
        const auto* p = rgb.ptr<cv::Vec3b>(y);
        for (int x = 0; x < rgb.cols; ++x) {
            const double dr = p[x][0] - colour.rgb[0], dg = p[x][1] - colour.rgb[1], db = p[x][2] - colour.rgb[2];
            if (dr * dr + dg * dg + db * db <= r2) ++near;
        }
    }
    return double(near) / double(rgb.total());
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
    // Palette colours are far apart; 60 RGB units tolerate anti-aliasing and a soft model.
    constexpr double kRadius = 60.0;
    constexpr double kMinShare = 0.002;  // colours the target barely shows are not judged
    const cv::Mat out = toMat(output), tgt = toMat(target);
    double sum = 0;
    int judged = 0;
    for (const NamedColour& c : colours) {
        const double expected = shareNear(tgt, c, kRadius);
        if (expected < kMinShare) continue;
        sum += std::min(1.0, shareNear(out, c, kRadius) / expected);
        ++judged;
    }
    return judged ? sum / judged : TaskScores::kNotApplicable;
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
        s.keepL1 = meanAbsDifference(output, sample.images.back(), sample.editRegion, false);
    }
    switch (sample.kind) {
        case TaskKind::Grayscale: s.saturation = meanSaturation(output); break;
        case TaskKind::Canny: s.edgeF1 = edgeF1(output, sample.target); break;
        case TaskKind::TextToImage: case TaskKind::ControlCanny: case TaskKind::ControlGrayscale:
        case TaskKind::ControlSegmentation:
            s.colourRecall = colourRecall(output, sample.target, namedColours(sample.targetScene));
            break;
        default: break;
    }
    return s;
}

std::vector<std::pair<std::string, double>> TaskScores::named() const {
    std::vector<std::pair<std::string, double>> all{{"target_l1", targetL1},   {"baseline_l1", baselineL1},
                                                    {"edit_l1", editL1},       {"keep_l1", keepL1},
                                                    {"saturation", saturation}, {"edge_f1", edgeF1},
                                                    {"colour_recall", colourRecall}};
    std::vector<std::pair<std::string, double>> present;
    for (const auto& p : all)
        if (!std::isnan(p.second)) present.push_back(p);
    return present;
}

}  // namespace ace::synth
