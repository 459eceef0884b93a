#include "ace/imaging/synth/SampleSheet.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "synth/CvImage.h"

namespace ace::synth {

Image renderSampleSheet(const std::vector<LcuSample>& samples, int cellSize, int columns) {
    constexpr int kGap = 6, kLabel = 14;
    std::size_t maxInputs = 0;
    for (const auto& s : samples) maxInputs = std::max(maxInputs, s.images.size());
    columns = std::max(1, columns);
    const int cells = static_cast<int>(maxInputs) + 1;
    const int rowHeight = kLabel + cellSize + kGap;
    const int blockWidth = kGap + cells * (cellSize + kGap) + 3 * kGap;
    const int rows = (static_cast<int>(samples.size()) + columns - 1) / columns;
    cv::Mat sheet(std::max(1, rows * rowHeight + kGap), columns * blockWidth, CV_8UC3, cv::Scalar(40, 40, 40));

    auto place = [&](const Image& img, const Image& mask, int x, int y) {
        cv::Mat m = detail::toMat(img);
        if (!mask.isNull()) {
            const cv::Mat mk = detail::toMat(mask);
            for (int r = 0; r < m.rows; ++r)
                for (int c = 0; c < m.cols; ++c)
                    if (mk.at<std::uint8_t>(r, c) > 0) {
                        auto& p = m.at<cv::Vec3b>(r, c);
                        p = cv::Vec3b(std::uint8_t((p[0] + 255) / 2), std::uint8_t(p[1] / 2), std::uint8_t((p[2] + 255) / 2));
                    }
        }
        const double scale = std::min(double(cellSize) / m.cols, double(cellSize) / m.rows);
        cv::Mat scaled;
        cv::resize(m, scaled, cv::Size(std::max(1, int(m.cols * scale)), std::max(1, int(m.rows * scale))), 0, 0,
                   cv::INTER_NEAREST);
        scaled.copyTo(sheet(cv::Rect(x, y, scaled.cols, scaled.rows)));
    };

    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto& s = samples[i];
        const int y = kGap + int(i) / columns * rowHeight;
        const int x = int(i) % columns * blockWidth;
        const std::string label = taskKindName(s.kind) + ": " + s.instruction();
        cv::Mat labelArea = sheet(cv::Rect(x, y, blockWidth - kGap, kLabel));
        cv::putText(labelArea, label, cv::Point(kGap, kLabel - 4), cv::FONT_HERSHEY_SIMPLEX, 0.35,
                    cv::Scalar(230, 230, 230), 1, cv::LINE_AA);
        for (std::size_t k = 0; k < s.images.size(); ++k)
            place(s.images[k], k < s.masks.size() ? s.masks[k] : Image(), x + kGap + int(k) * (cellSize + kGap),
                  y + kLabel);
        place(s.target, Image(), x + kGap + int(maxInputs) * (cellSize + kGap) + 2 * kGap, y + kLabel);
    }
    return detail::fromMat(sheet);
}

}  // namespace ace::synth
