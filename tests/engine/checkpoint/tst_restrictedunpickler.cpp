// RestrictedUnpickler on hand-made pickles: a valid tensor entry, and the hostile shapes a file
// could take (foreign globals and opcodes, views larger than their storage, inconsistent shared
// storages, cycles, deep nesting, exponentially shared structure), each refused with ace::Error
// naming the file, quickly and without exhausting the stack or memory.
#include <QtTest>

#include <torch/types.h>

#include "ace/common/Error.h"
#include "checkpoint/RestrictedUnpickler.h"

using namespace ace;

namespace {

std::string u32(uint32_t v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i) s[i] = static_cast<char>(v >> (8 * i));
    return s;
}
std::string str(const std::string& s) { return "X" + u32(static_cast<uint32_t>(s.size())) + s; }  // BINUNICODE
std::string int4(int32_t v) { return "J" + u32(static_cast<uint32_t>(v)); }                        // BININT
const std::string kProto = "\x80\x02";
const std::string kHooks = "ccollections\nOrderedDict\n)R";

// _rebuild_tensor_v2(storage key/numel, offset, size, stride, False, OrderedDict())
std::string tensor(const std::string& key, int32_t storageNumel, int32_t offset, const std::vector<int32_t>& size,
                   const std::vector<int32_t>& stride) {
    std::string s = "ctorch._utils\n_rebuild_tensor_v2\n(";
    s += "(" + str("storage") + "ctorch\nFloatStorage\n" + str(key) + str("cpu") + int4(storageNumel) + "tQ";
    s += int4(offset) + "(";
    for (auto d : size) s += int4(d);
    s += "t(";
    for (auto d : stride) s += int4(d);
    s += "t\x89" + kHooks + "tR";
    return s;
}

std::string stateDict(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string s = kProto + "}(";
    for (const auto& [k, v] : entries) s += str(k) + v;
    return s + "u.";
}

std::vector<ckpt::PickledTensor> parse(const std::string& pickle) {
    return ckpt::unpickleStateDict(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(pickle.data()), pickle.size()), "hand.pth");
}

}  // namespace

class TestRestrictedUnpickler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validViewsAndNesting() {
        const auto tensors = parse(stateDict({{"w", tensor("0", 12, 2, {2, 3}, {1, 2})},
                                              {"outer", "}" + str("inner") + tensor("0", 12, 0, {4}, {3}) + "s"},
                                              {"epoch", int4(7)}}));
        QCOMPARE(int(tensors.size()), 2);
        QCOMPARE(QString::fromStdString(tensors[0].name), QString("w"));
        QCOMPARE(tensors[0].storageKey, std::string("0"));
        QCOMPARE(tensors[0].storageNumel, int64_t(12));
        QCOMPARE(tensors[0].offset, int64_t(2));
        QCOMPARE(tensors[0].size, (std::vector<int64_t>{2, 3}));
        QCOMPARE(tensors[0].stride, (std::vector<int64_t>{1, 2}));
        QCOMPARE(QString::fromStdString(tensors[1].name), QString("outer.inner"));
    }

    void hostilePickles_data() {
        QTest::addColumn<QByteArray>("pickle");
        QTest::addColumn<QString>("message");
        auto row = [](const char* name, const std::string& p, const char* message) {
            QTest::newRow(name) << QByteArray(p.data(), int(p.size())) << QString(message);
        };
        row("foreign global", stateDict({{"x", "ctorch\nload\n" + str("f") + "\x85R"}}), "global 'torch.load' is not allowed");
        row("stack global", kProto + "}" + str("x") + str("os") + str("system") + "\x93s.", "global 'os.system' is not allowed");
        row("INST opcode", kProto + "(ios\nsystem\n.", "opcode 0x69 (INST) is not allowed");
        row("NEWOBJ opcode", kProto + "ccollections\nOrderedDict\n)\x81.", "opcode 0x81 (NEWOBJ) is not allowed");
        row("view past its storage", stateDict({{"w", tensor("0", 6, 1, {2, 3}, {3, 1})}}), "reaches element 6");
        row("expanded beyond its storage", stateDict({{"w", tensor("0", 4, 0, {1 << 30, 1 << 30}, {0, 0})}}),
            "more elements than its storage");
        row("impossible size", stateDict({{"w", tensor("0", 4, 0, {0, 1 << 30, 1 << 30, 1 << 30}, {0, 0, 0, 0})}}),
            "impossibly large");
        row("negative stride", stateDict({{"w", tensor("0", 4, 0, {2}, {-1})}}), "negative entry");
        row("storage redeclared", stateDict({{"a", tensor("0", 4, 0, {4}, {1})}, {"b", tensor("0", 8, 0, {8}, {1})}}),
            "declared twice");
        row("undefined memo", kProto + "}" + str("a") + "h\x05s.", "memo entry 5 is not defined");
        row("not a dict", kProto + int4(3) + ".", "not a state dict");
        row("truncated", kProto + "}" + str("a"), "truncated pickle");
        row("dict containing itself", kProto + std::string("}q\0", 3) + str("a") + std::string("h\0s.", 4), "nests deeper");
        {
            // 100000 nested lists: refused by depth, freed without recursion.
            std::string p = kProto + "}" + str("a");
            for (int i = 0; i < 100000; ++i) p += "]";
            for (int i = 0; i < 99999; ++i) p += "a";
            row("deep nesting", p + "s.", "nests deeper");
        }
        {
            // L[i] = [L[i-1], L[i-1]]: 2^40 paths through 41 lists.
            std::string p = kProto + "}" + str("a") + std::string("]q\0", 3);
            for (int i = 1; i <= 40; ++i)
                p += std::string("0]q") + char(i) + "(h" + char(i - 1) + "h" + char(i - 1) + "e";
            row("exponential sharing", p + "s.", "too large or too deeply shared");
        }
        row("tensor under a float key", kProto + "}G" + std::string(8, '\0') + tensor("0", 4, 0, {4}, {1}) + "s.",
            "under a float key");
    }
    void hostilePickles() {
        QFETCH(QByteArray, pickle);
        QFETCH(QString, message);
        QElapsedTimer timer;
        timer.start();
        try {
            parse(pickle.toStdString());
            QFAIL("parsed");
        } catch (const Error& e) {
            const QString what = e.what();
            QVERIFY2(what.startsWith("hand.pth: data.pkl: ") && what.contains(message), e.what());
        }
        QVERIFY(timer.elapsed() < 20000);
    }
};

QTEST_GUILESS_MAIN(TestRestrictedUnpickler)
#include "tst_restrictedunpickler.moc"
