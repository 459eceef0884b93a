#include "ace/imaging/synth/SceneRenderer.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "ace/imaging/synth/SynthRandom.h"
#include "synth/CvImage.h"

namespace ace::synth {
namespace {

constexpr int kShift = 4;  // sub-pixel bits of OpenCV's drawing
constexpr double kUnit = 1 << kShift;
// Shapes are filled without anti-aliasing at kSuper times the resolution and box-filtered down:
// exact coverage (OpenCV's own anti-aliased fill adds a fringe of about half a pixel, which would
// make areas and colour histograms disagree with the description).
constexpr int kSuper = 4;

// A point in the supersampled canvas: pixel i of the image covers big pixels kSuper*i .. +kSuper-1,
// whose centres average kSuper*i + (kSuper-1)/2.
cv::Point bigPoint(double x, double y) {
    const double o = (kSuper - 1) / 2.0;
    return {static_cast<int>(std::lround((x * kSuper + o) * kUnit)),
            static_cast<int>(std::lround((y * kSuper + o) * kUnit))};
}

std::vector<cv::Point> regularPolygon(const Shape& s, double radius, int corners, double startDegrees,
                                      double innerRatio /* 0 = plain polygon, else star */) {
    std::vector<cv::Point> pts;
    const int n = innerRatio > 0 ? corners * 2 : corners;
    for (int k = 0; k < n; ++k) {
        const double r = (innerRatio > 0 && (k % 2 == 1)) ? radius * innerRatio : radius;
        const double a = (startDegrees + s.rotationDegrees) * std::numbers::pi / 180.0 + 2.0 * std::numbers::pi * k / n;
        pts.push_back(bigPoint(s.cx + r * std::cos(a), s.cy + r * std::sin(a)));
    }
    return pts;
}

cv::Mat1b coverageMat(const Shape& s, int width, int height) {
    cv::Mat1b big = cv::Mat1b::zeros(height * kSuper, width * kSuper);
    auto fillPolygon = [&](const std::vector<cv::Point>& pts) {
        const cv::Point* p = pts.data();
        const int n = static_cast<int>(pts.size());
        cv::fillPoly(big, &p, &n, 1, cv::Scalar(255), cv::LINE_8, kShift);
    };
    auto disc = [&](double radius, int value) {
        cv::circle(big, bigPoint(s.cx, s.cy), static_cast<int>(std::lround(radius * kSuper * kUnit)), cv::Scalar(value),
                   cv::FILLED, cv::LINE_8, kShift);
    };
    switch (s.kind) {
    case ShapeKind::Circle: disc(s.radius, 255); break;
    case ShapeKind::Ring:
        disc(s.radius, 255);
        disc(0.55 * s.radius, 0);
        break;
    case ShapeKind::Square:
        // Half side 0.85 r: corners at 45 degrees on a circle of 0.85 r * sqrt(2).
        fillPolygon(regularPolygon(s, 0.85 * std::numbers::sqrt2 * s.radius, 4, 45.0, 0));
        break;
    case ShapeKind::Triangle: fillPolygon(regularPolygon(s, s.radius, 3, -90.0, 0)); break;
    case ShapeKind::Hexagon: fillPolygon(regularPolygon(s, s.radius, 6, 0.0, 0)); break;
    case ShapeKind::Star: fillPolygon(regularPolygon(s, s.radius, 5, -90.0, 0.45)); break;
    }
    cv::Mat1b m;
    cv::resize(big, m, cv::Size(width, height), 0, 0, cv::INTER_AREA);
    return m;
}

cv::Mat1b textMat(const TextElement& t, int width, int height) {
    cv::Mat1b m = cv::Mat1b::zeros(height, width);
    cv::putText(m, t.text, cv::Point(t.x, t.y), cv::FONT_HERSHEY_SIMPLEX, t.fontScale, cv::Scalar(255), t.thickness,
                cv::LINE_AA);
    return m;
}

cv::Vec3f toVec(const NamedColour& c) { return {float(c.rgb[0]), float(c.rgb[1]), float(c.rgb[2])}; }

cv::Mat3f backgroundFloat(const Background& b, int width, int height) {
    cv::Mat3f img(height, width);
    const cv::Vec3f p = toVec(b.primary), q = toVec(b.secondary);
    const double a = b.angleDegrees * std::numbers::pi / 180.0;
    const double ca = std::cos(a), sa = std::sin(a);
    const double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
    const double extent = std::abs(ca) * (width - 1) + std::abs(sa) * (height - 1);
    const double maxRadius = std::hypot(cx, cy);
    const int period = std::max(2, b.period);

    cv::Mat1f noise;
    if (b.kind == BackgroundKind::Noise) {
        // Low-frequency texture: a coarse random grid, smoothly upsampled.
        SynthRandom rng(b.textureSeed);
        cv::Mat1f coarse(5, 5);
        for (int y = 0; y < coarse.rows; ++y)
            for (int x = 0; x < coarse.cols; ++x) coarse(y, x) = float(rng.uniform(-40.0, 40.0));
        cv::resize(coarse, noise, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);
    }

    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            cv::Vec3f v = p;
            switch (b.kind) {
            case BackgroundKind::Solid: break;
            case BackgroundKind::LinearGradient: {
                const double t = extent > 0 ? std::clamp(((x - cx) * ca + (y - cy) * sa) / extent + 0.5, 0.0, 1.0) : 0.0;
                v = p * float(1.0 - t) + q * float(t);
                break;
            }
            case BackgroundKind::RadialGradient: {
                const double t = maxRadius > 0 ? std::min(1.0, std::hypot(x - cx, y - cy) / maxRadius) : 0.0;
                v = p * float(1.0 - t) + q * float(t);
                break;
            }
            case BackgroundKind::Stripes: {
                const double d = x * ca + y * sa;
                const long long band = static_cast<long long>(std::floor(d / period));
                v = (band % 2 == 0) ? p : q;
                break;
            }
            case BackgroundKind::Checker: v = (((x / period) + (y / period)) % 2 == 0) ? p : q; break;
            case BackgroundKind::Noise: {
                const float n = noise(y, x);
                v = cv::Vec3f(std::clamp(p[0] + n, 0.f, 255.f), std::clamp(p[1] + n, 0.f, 255.f),
                              std::clamp(p[2] + n, 0.f, 255.f));
                break;
            }
            }
            img(y, x) = v;
        }
    }
    return img;
}

void blend(cv::Mat3f& img, const cv::Mat1b& coverage, const NamedColour& colour) {
    const cv::Vec3f c = toVec(colour);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const std::uint8_t a8 = coverage(y, x);
            if (a8 == 0) continue;  // untouched pixels stay bit-identical across edits
            const float a = a8 / 255.f;
            img(y, x) = img(y, x) * (1.f - a) + c * a;
        }
}

Image toImage(const cv::Mat3f& img) {
    cv::Mat out;
    img.convertTo(out, CV_8UC3);
    return detail::fromMat(out);
}

}  // namespace

Image renderBackground(const Background& background, int width, int height) {
    return toImage(backgroundFloat(background, width, height));
}

Image renderScene(const Scene& scene) {
    cv::Mat3f img = backgroundFloat(scene.background, scene.width, scene.height);
    for (const auto& s : scene.shapes) blend(img, coverageMat(s, scene.width, scene.height), s.colour);
    for (const auto& t : scene.texts) blend(img, textMat(t, scene.width, scene.height), t.colour);
    return toImage(img);
}

Image shapeCoverage(const Shape& shape, int width, int height) {
    return detail::fromMat(coverageMat(shape, width, height));
}

Image textCoverage(const TextElement& text, int width, int height) {
    return detail::fromMat(textMat(text, width, height));
}

Image visibleCoverage(const Scene& scene, std::size_t index) {
    cv::Mat1f vis;
    coverageMat(scene.shapes.at(index), scene.width, scene.height).convertTo(vis, CV_32F, 1.0 / 255.0);
    auto occlude = [&](const cv::Mat1b& above) {
        for (int y = 0; y < vis.rows; ++y)
            for (int x = 0; x < vis.cols; ++x) vis(y, x) *= 1.f - above(y, x) / 255.f;
    };
    for (std::size_t j = index + 1; j < scene.shapes.size(); ++j)
        occlude(coverageMat(scene.shapes[j], scene.width, scene.height));
    for (const auto& t : scene.texts) occlude(textMat(t, scene.width, scene.height));
    // Rounded up: any pixel the shape still influences at all counts as covered.
    cv::Mat1b out(vis.rows, vis.cols);
    for (int y = 0; y < vis.rows; ++y)
        for (int x = 0; x < vis.cols; ++x) out(y, x) = static_cast<std::uint8_t>(std::ceil(vis(y, x) * 255.f - 1e-4f));
    return detail::fromMat(out);
}

Image foregroundCoverage(const Scene& scene) {
    cv::Mat1b out = cv::Mat1b::zeros(scene.height, scene.width);
    for (const auto& s : scene.shapes) out = cv::max(out, coverageMat(s, scene.width, scene.height));
    for (const auto& t : scene.texts) out = cv::max(out, textMat(t, scene.width, scene.height));
    return detail::fromMat(out);
}

std::array<std::uint8_t, 3> segmentationColour(ShapeKind kind) {
    switch (kind) {
    case ShapeKind::Circle: return {230, 25, 75};
    case ShapeKind::Square: return {60, 180, 75};
    case ShapeKind::Triangle: return {255, 225, 25};
    case ShapeKind::Star: return {0, 130, 200};
    case ShapeKind::Ring: return {245, 130, 48};
    case ShapeKind::Hexagon: return {145, 30, 180};
    }
    return {255, 255, 255};
}

Image renderSegmentation(const Scene& scene) {
    Image out(scene.width, scene.height, 3, 0);
    auto paint = [&](const cv::Mat1b& cov, const std::array<std::uint8_t, 3>& rgb) {
        for (int y = 0; y < scene.height; ++y)
            for (int x = 0; x < scene.width; ++x)
                if (cov(y, x) >= 128) std::copy(rgb.begin(), rgb.end(), out.pixel(x, y));
    };
    for (const auto& s : scene.shapes) paint(coverageMat(s, scene.width, scene.height), segmentationColour(s.kind));
    for (const auto& t : scene.texts) paint(textMat(t, scene.width, scene.height), {255, 255, 255});
    return out;
}

}  // namespace ace::synth
