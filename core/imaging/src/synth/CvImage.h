#pragma once
// Private bridge between ace::Image (the public plain buffer) and cv::Mat for the synth sources.
#include <opencv2/core.hpp>

#include <cstring>
#include <stdexcept>

#include "ace/common/Image.h"

namespace ace::synth::detail {

inline cv::Mat toMat(const Image& image) {
    if (image.isNull()) return {};
    cv::Mat m(image.height, image.width, CV_8UC(image.channels));
    std::memcpy(m.data, image.data.data(), image.byteSize());
    return m;
}

inline Image fromMat(const cv::Mat& mat) {
    if (mat.depth() != CV_8U) throw std::logic_error("fromMat: expected an 8-bit matrix");
    Image out(mat.cols, mat.rows, mat.channels());
    const cv::Mat packed = mat.isContinuous() ? mat : mat.clone();
    std::memcpy(out.data.data(), packed.data, out.byteSize());
    return out;
}

}  // namespace ace::synth::detail
