#pragma once
// QImage <-> ace::Image (the engine's and the imaging library's 8-bit buffers). Always deep copies,
// so the result can cross threads.
#include <QImage>

#include "ace/common/Image.h"

namespace ace {

// RGB888 for 3 channels, Grayscale8 for 1, RGBA8888 for 4.
QImage toQImage(const Image& image);
// channels 3: any QImage as RGB; 1: as Grayscale8 (a mask); 4: RGBA.
Image toAceImage(const QImage& image, int channels);

}  // namespace ace
