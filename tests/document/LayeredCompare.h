#pragma once
// Compares a document read back from a layered file with the one written.
#include <QtTest>

#include "ace/document/Document.h"

namespace ace::test {

// Layer pixels, names, offsets, visibility, blend mode, kind exactly; opacity within
// `opacityTolerance` (PSD stores it in 8 bits, OpenRaster as text). Mask layers come back from
// their white-with-alpha form exactly.
inline void compareDocuments(const Document& back, const Document& doc, float opacityTolerance, bool checkLock) {
    QCOMPARE(back.width(), doc.width());
    QCOMPARE(back.height(), doc.height());
    QCOMPARE(back.layerCount(), doc.layerCount());
    for (int i = 0; i < doc.layerCount(); ++i) {
        const Layer& a = back.layer(i);
        const Layer& b = doc.layer(i);
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.x, b.x);
        QCOMPARE(a.y, b.y);
        QCOMPARE(a.visible, b.visible);
        QCOMPARE(a.blendMode, b.blendMode);
        if (checkLock) QCOMPARE(a.locked, b.locked);
        QVERIFY2(std::abs(a.opacity - b.opacity) <= opacityTolerance,
                 qPrintable(QString("layer %1 opacity %2 vs %3").arg(i).arg(a.opacity).arg(b.opacity)));
        QVERIFY2(a.image() == b.image(), qPrintable(QString("layer %1 pixels differ").arg(i)));
    }
}

}  // namespace ace::test
