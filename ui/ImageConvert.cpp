#include "ImageConvert.h"

#include <cstring>

namespace ace {

QImage toQImage(const Image& image) {
    if (image.isNull()) return {};
    QImage::Format format = QImage::Format_RGB888;
    if (image.channels == 1) format = QImage::Format_Grayscale8;
    else if (image.channels == 4) format = QImage::Format_RGBA8888;
    QImage out(image.width, image.height, format);
    for (int y = 0; y < image.height; ++y) std::memcpy(out.scanLine(y), image.pixel(0, y), image.stride());
    return out;
}

Image toAceImage(const QImage& source, int channels) {
    if (source.isNull()) return {};
    QImage::Format format = QImage::Format_RGB888;
    if (channels == 1) format = QImage::Format_Grayscale8;
    else if (channels == 4) format = QImage::Format_RGBA8888;
    const QImage image = source.format() == format ? source : source.convertToFormat(format);
    Image out(image.width(), image.height(), channels);
    for (int y = 0; y < image.height(); ++y) std::memcpy(out.pixel(0, y), image.constScanLine(y), out.stride());
    return out;
}

}  // namespace ace
