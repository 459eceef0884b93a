#pragma once
// A layer version's pixels, shared between copies of a document until one of them changes them
// (copy on write). A snapshot of a whole project (what each autosave hands to its worker thread)
// then copies no pixels on the GUI thread; a layer painted afterwards copies its own pixels once.
// Thread safety: copies on different threads may be read concurrently; edit() copies the pixels
// when another copy still shares them, so a writer never touches pixels another thread can see.
#include <memory>

#include "ace/common/Image.h"

namespace ace {

class SharedImage {
public:
    SharedImage() : m_image(std::make_shared<Image>()) {}
    SharedImage(Image image) : m_image(std::make_shared<Image>(std::move(image))) {}  // NOLINT: implicit by design

    const Image& get() const { return *m_image; }
    operator const Image&() const { return *m_image; }  // NOLINT: read access as an Image
    // The pixels for writing, no longer shared with any other copy.
    Image& edit() {
        if (m_image.use_count() > 1) m_image = std::make_shared<Image>(*m_image);
        return *m_image;
    }
    // Whether this and `other` share their pixels (tests; a copy does until one side edits).
    bool sharesPixelsWith(const SharedImage& other) const { return m_image == other.m_image; }

    friend bool operator==(const SharedImage& a, const SharedImage& b) {
        return a.m_image == b.m_image || *a.m_image == *b.m_image;
    }
    friend bool operator==(const SharedImage& a, const Image& b) { return *a.m_image == b; }

private:
    std::shared_ptr<Image> m_image;  // never null
};

}  // namespace ace
