#include "checkpoint/RestrictedUnpickler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>

#include "ace/common/Error.h"

namespace ace::ckpt {
namespace {

// The callables a state dict's pickle may name.
enum class Callable { OrderedDict, RebuildTensorV2, RebuildParameter, RebuildParameterWithState, StorageType };

struct Value;
using Ptr = std::shared_ptr<Value>;

struct Value {
    enum class Kind { None, Bool, Int, BigInt, Float, String, Bytes, Tuple, List, Dict, Global, Storage, Tensor };
    Kind kind = Kind::None;
    int64_t integer = 0;  // Bool, Int
    double real = 0;
    std::string text;                          // String, Bytes, Global's "module.name", Storage's key
    std::vector<Ptr> items;                    // Tuple, List
    std::vector<std::pair<Ptr, Ptr>> entries;  // Dict, in insertion order
    std::unordered_map<std::string, size_t> index;  // Dict: canonical key -> entry
    Callable callable = Callable::OrderedDict;      // Global
    torch::Dtype dtype = torch::kFloat32;           // Global (storage type), Storage, Tensor
    int64_t numel = 0;                              // Storage, Tensor (of its storage)
    PickledTensor tensor;                           // Tensor (name unset)
};

const char* kindName(Value::Kind k) {
    switch (k) {
        case Value::Kind::None: return "None";
        case Value::Kind::Bool: return "bool";
        case Value::Kind::Int:
        case Value::Kind::BigInt: return "int";
        case Value::Kind::Float: return "float";
        case Value::Kind::String: return "str";
        case Value::Kind::Bytes: return "bytes";
        case Value::Kind::Tuple: return "tuple";
        case Value::Kind::List: return "list";
        case Value::Kind::Dict: return "dict";
        case Value::Kind::Global: return "global";
        case Value::Kind::Storage: return "storage";
        case Value::Kind::Tensor: return "tensor";
    }
    return "?";
}

// Names of the pickle opcodes this reader refuses, for the error message.
std::string opcodeName(uint8_t op) {
    static const std::map<uint8_t, const char*> names = {
        {'i', "INST"},       {'o', "OBJ"},          {0x81, "NEWOBJ"},    {0x92, "NEWOBJ_EX"}, {'I', "INT"},
        {'L', "LONG"},       {'F', "FLOAT"},        {'S', "STRING"},     {'T', "BINSTRING"},  {'U', "SHORT_BINSTRING"},
        {'V', "UNICODE"},    {'P', "PERSID"},       {'l', "LIST"},       {'d', "DICT"},       {'p', "PUT"},
        {'g', "GET"},        {0x82, "EXT1"},        {0x83, "EXT2"},      {0x84, "EXT4"},      {0x8f, "EMPTY_SET"},
        {0x90, "ADDITEMS"},  {0x91, "FROZENSET"},   {0x96, "BYTEARRAY8"}, {0x97, "NEXT_BUFFER"},
        {0x98, "READONLY_BUFFER"}};
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", op);
    auto it = names.find(op);
    return std::string(hex) + (it != names.end() ? std::string(" (") + it->second + ")" : std::string(" (unknown)"));
}

struct StorageTypeName {
    const char* name;
    torch::Dtype dtype;
};
constexpr StorageTypeName kStorageTypes[] = {
    {"FloatStorage", torch::kFloat32}, {"HalfStorage", torch::kFloat16}, {"BFloat16Storage", torch::kBFloat16},
    {"DoubleStorage", torch::kFloat64}, {"LongStorage", torch::kInt64},   {"IntStorage", torch::kInt32},
    {"ShortStorage", torch::kInt16},   {"CharStorage", torch::kInt8},     {"ByteStorage", torch::kUInt8},
    {"BoolStorage", torch::kBool}};

constexpr size_t kMaxDims = 64;
constexpr int kMaxDepth = 64;
constexpr size_t kMaxVisits = size_t(1) << 22;

class Unpickler {
public:
    Unpickler(std::span<const uint8_t> data, const std::filesystem::path& file) : m_data(data), m_file(file) {}

    ~Unpickler() {
        // Containers may reference each other in cycles (via the memo) or nest deeply; emptying
        // each one from this flat list frees them without recursion and without leaks.
        for (auto& v : m_containers) {
            v->items.clear();
            v->entries.clear();
        }
    }

    std::vector<PickledTensor> run() {
        Ptr root = parse();
        if (root->kind != Value::Kind::Dict)
            fail("the pickled object is a " + std::string(kindName(root->kind)) + ", not a state dict (dict)");
        std::vector<PickledTensor> out;
        std::unordered_map<std::string, size_t> seen;
        size_t visits = 0;
        flatten(*root, "", 0, visits, out, seen);
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const { throw Error(m_file, "data.pkl: " + problem); }
    [[noreturn]] void failAt(const std::string& problem) const {
        fail(problem + " (at byte " + std::to_string(m_opPos) + ")");
    }

    const uint8_t* take(uint64_t n) {
        if (n > m_data.size() - m_pos) failAt("truncated pickle");
        const uint8_t* p = m_data.data() + m_pos;
        m_pos += n;
        return p;
    }
    uint64_t readLE(int bytes) {
        const uint8_t* p = take(bytes);
        uint64_t v = 0;
        for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
        return v;
    }
    std::string readLine() {
        const size_t start = m_pos;
        while (m_pos < m_data.size() && m_data[m_pos] != '\n') {
            if (m_pos - start > 256) failAt("overlong GLOBAL name");
            ++m_pos;
        }
        if (m_pos >= m_data.size()) failAt("truncated pickle");
        std::string s(reinterpret_cast<const char*>(m_data.data() + start), m_pos - start);
        ++m_pos;
        return s;
    }

    Ptr make(Value::Kind kind) {
        auto v = std::make_shared<Value>();
        v->kind = kind;
        if (kind == Value::Kind::Tuple || kind == Value::Kind::List || kind == Value::Kind::Dict) m_containers.push_back(v);
        return v;
    }
    Ptr makeInt(int64_t i) {
        auto v = make(Value::Kind::Int);
        v->integer = i;
        return v;
    }
    Ptr makeString(Value::Kind kind, uint64_t n) {
        const uint8_t* p = take(n);
        auto v = make(kind);
        v->text.assign(reinterpret_cast<const char*>(p), n);
        return v;
    }

    void push(Ptr v) { m_stack.push_back(std::move(v)); }
    Ptr pop() {
        if (m_stack.size() <= markFloor()) failAt("stack underflow");
        Ptr v = std::move(m_stack.back());
        m_stack.pop_back();
        return v;
    }
    Ptr& top() {
        if (m_stack.size() <= markFloor()) failAt("stack underflow");
        return m_stack.back();
    }
    size_t markFloor() const { return m_marks.empty() ? 0 : m_marks.back(); }
    // The values pushed since the last MARK, which is removed.
    std::vector<Ptr> popToMark() {
        if (m_marks.empty()) failAt("missing MARK");
        const size_t mark = m_marks.back();
        m_marks.pop_back();
        std::vector<Ptr> items(std::make_move_iterator(m_stack.begin() + mark), std::make_move_iterator(m_stack.end()));
        m_stack.resize(mark);
        return items;
    }
    Ptr tupleOf(std::vector<Ptr> items) {
        auto t = make(Value::Kind::Tuple);
        t->items = std::move(items);
        return t;
    }
    void memoPut(uint64_t index) { m_memo[index] = top(); }
    Ptr memoGet(uint64_t index) {
        auto it = m_memo.find(index);
        if (it == m_memo.end()) failAt("memo entry " + std::to_string(index) + " is not defined");
        return it->second;
    }

    static bool canonicalKey(const Value& k, std::string& out) {
        if (k.kind == Value::Kind::String) {
            out = "s" + k.text;
            return true;
        }
        if (k.kind == Value::Kind::Int) {
            out = "i" + std::to_string(k.integer);
            return true;
        }
        return false;
    }
    void setItem(Value& dict, Ptr key, Ptr value) {
        std::string canonical;
        if (canonicalKey(*key, canonical)) {
            auto [it, inserted] = dict.index.emplace(canonical, dict.entries.size());
            if (!inserted) {
                dict.entries[it->second].second = std::move(value);
                return;
            }
        }
        dict.entries.emplace_back(std::move(key), std::move(value));
    }

    Ptr global(const std::string& module, const std::string& name) {
        auto g = make(Value::Kind::Global);
        g->text = module + "." + name;
        if (module == "collections" && name == "OrderedDict") {
            g->callable = Callable::OrderedDict;
        } else if (module == "torch._utils" && name == "_rebuild_tensor_v2") {
            g->callable = Callable::RebuildTensorV2;
        } else if (module == "torch._utils" && name == "_rebuild_parameter") {
            g->callable = Callable::RebuildParameter;
        } else if (module == "torch._utils" && name == "_rebuild_parameter_with_state") {
            g->callable = Callable::RebuildParameterWithState;
        } else {
            bool found = false;
            // Old CUDA checkpoints name torch.cuda.XStorage; the bytes are the same.
            if (module == "torch" || module == "torch.cuda")
                for (const auto& st : kStorageTypes)
                    if (name == st.name) {
                        g->callable = Callable::StorageType;
                        g->dtype = st.dtype;
                        found = true;
                    }
            if (!found)
                failAt("global '" + module + "." + name +
                       "' is not allowed in a state dict (only collections.OrderedDict, torch._utils tensor "
                       "rebuilders and torch.*Storage types); refusing to load it");
        }
        return g;
    }

    int64_t intArg(const Ptr& v, const char* what) {
        if (v->kind != Value::Kind::Int) failAt(std::string(what) + " must be an int, not " + kindName(v->kind));
        return v->integer;
    }
    std::vector<int64_t> intTuple(const Ptr& v, const char* what) {
        if (v->kind != Value::Kind::Tuple) failAt(std::string(what) + " must be a tuple, not " + kindName(v->kind));
        if (v->items.size() > kMaxDims) failAt(std::string(what) + " has too many dimensions");
        std::vector<int64_t> out;
        for (const auto& i : v->items) {
            const int64_t d = intArg(i, what);
            if (d < 0) failAt(std::string(what) + " has a negative entry");
            out.push_back(d);
        }
        return out;
    }

    Ptr rebuildTensor(const std::vector<Ptr>& args) {
        if (args.size() != 6 && args.size() != 7) failAt("_rebuild_tensor_v2 takes 6 or 7 arguments");
        if (args[0]->kind != Value::Kind::Storage) failAt("_rebuild_tensor_v2 without a storage");
        auto t = make(Value::Kind::Tensor);
        PickledTensor& pt = t->tensor;
        pt.storageKey = args[0]->text;
        pt.dtype = args[0]->dtype;
        pt.storageNumel = args[0]->numel;
        pt.offset = intArg(args[1], "storage offset");
        pt.size = intTuple(args[2], "tensor size");
        pt.stride = intTuple(args[3], "tensor stride");
        if (args[4]->kind != Value::Kind::Bool) failAt("requires_grad must be a bool");
        if (pt.size.size() != pt.stride.size()) failAt("tensor size and stride differ in length");
        if (pt.offset < 0) failAt("negative storage offset");
        // Element count: the product of the non-zero dimensions must stay representable (torch
        // computes strides from them even for an empty tensor), and a view may not hold more
        // elements than its storage (only an expanded view could; no state dict has one that
        // large, and the limit bounds memory by the file's size).
        uint64_t numel = 1, nonZero = 1;
        const uint64_t maxElements = (uint64_t(1) << 62) / c10::elementSize(pt.dtype);
        for (auto d : pt.size) {
            if (d != 0 && nonZero > maxElements / static_cast<uint64_t>(d)) failAt("tensor size is impossibly large");
            if (d != 0) nonZero *= static_cast<uint64_t>(d);
            numel *= static_cast<uint64_t>(d);
        }
        if (numel > static_cast<uint64_t>(std::max<int64_t>(pt.storageNumel, 1)))
            failAt("tensor view has more elements than its storage");
        // The last element the view touches must lie inside the storage.
        bool empty = false;
        for (auto d : pt.size) empty = empty || d == 0;
        if (empty) {
            if (pt.offset > pt.storageNumel) failAt("storage offset beyond its storage");
        } else {
            uint64_t last = static_cast<uint64_t>(pt.offset);
            const uint64_t limit = uint64_t(1) << 62;
            for (size_t i = 0; i < pt.size.size(); ++i) {
                const uint64_t span = static_cast<uint64_t>(pt.size[i] - 1);
                const uint64_t stride = static_cast<uint64_t>(pt.stride[i]);
                if (stride != 0 && span > (limit - last) / stride) failAt("tensor view is impossibly large");
                last += span * stride;
            }
            if (last >= static_cast<uint64_t>(pt.storageNumel))
                failAt("tensor view reaches element " + std::to_string(last) + " of a storage of " +
                       std::to_string(pt.storageNumel) + " elements");
        }
        t->dtype = pt.dtype;
        return t;
    }

    Ptr reduce(const Ptr& callable, const Ptr& args) {
        if (callable->kind != Value::Kind::Global) failAt("REDUCE on a " + std::string(kindName(callable->kind)));
        if (args->kind != Value::Kind::Tuple) failAt("REDUCE arguments are not a tuple");
        const auto& a = args->items;
        switch (callable->callable) {
            case Callable::OrderedDict:
                if (!a.empty()) failAt("OrderedDict with constructor arguments");
                return make(Value::Kind::Dict);
            case Callable::RebuildTensorV2: return rebuildTensor(a);
            case Callable::RebuildParameter:
            case Callable::RebuildParameterWithState:
                if (a.size() != (callable->callable == Callable::RebuildParameter ? 3u : 4u) ||
                    a[0]->kind != Value::Kind::Tensor)
                    failAt(callable->text + " with unexpected arguments");
                return a[0];
            case Callable::StorageType: failAt("storage type " + callable->text + " called directly");
        }
        failAt("unreachable");
    }

    Ptr persistentLoad(const Ptr& pid) {
        // ('storage', <torch.XStorage>, key, location, numel)
        if (pid->kind != Value::Kind::Tuple || pid->items.size() != 5) failAt("unexpected persistent id");
        const auto& f = pid->items;
        if (f[0]->kind != Value::Kind::String || f[0]->text != "storage") failAt("persistent id is not a storage");
        if (f[1]->kind != Value::Kind::Global || f[1]->callable != Callable::StorageType)
            failAt("persistent id without a storage type");
        if (f[2]->kind != Value::Kind::String || f[2]->text.empty() || f[2]->text.size() > 64)
            failAt("persistent id with an invalid storage key");
        if (f[3]->kind != Value::Kind::String) failAt("persistent id with an invalid location");
        const int64_t numel = intArg(f[4], "storage size");
        if (numel < 0 || static_cast<uint64_t>(numel) > (uint64_t(1) << 62) / c10::elementSize(f[1]->dtype))
            failAt("storage size " + std::to_string(numel) + " is impossible");
        auto [it, inserted] = m_storages.emplace(f[2]->text, std::make_pair(f[1]->dtype, numel));
        if (!inserted && (it->second.first != f[1]->dtype || it->second.second != numel))
            failAt("storage '" + f[2]->text + "' is declared twice with different types or sizes");
        auto s = make(Value::Kind::Storage);
        s->text = f[2]->text;
        s->dtype = f[1]->dtype;
        s->numel = numel;
        return s;
    }

    Ptr parse() {
        while (true) {
            m_opPos = m_pos;
            const uint8_t op = *take(1);
            switch (op) {
                case 0x80: {  // PROTO
                    const uint8_t proto = *take(1);
                    if (proto < 2 || proto > 5) failAt("unsupported pickle protocol " + std::to_string(proto));
                    break;
                }
                case 0x95: readLE(8); break;  // FRAME: a length hint only
                case '.': {                   // STOP
                    if (m_stack.size() != 1 || !m_marks.empty()) failAt("STOP with a malformed stack");
                    return m_stack.back();
                }
                case '(': m_marks.push_back(m_stack.size()); break;  // MARK
                case '0': pop(); break;                               // POP
                case '1': popToMark(); break;                         // POP_MARK
                case '2': push(top()); break;                         // DUP
                case 'N': push(make(Value::Kind::None)); break;
                case 0x88:
                case 0x89: {  // NEWTRUE, NEWFALSE
                    auto b = make(Value::Kind::Bool);
                    b->integer = op == 0x88;
                    push(b);
                    break;
                }
                case 'J': push(makeInt(static_cast<int32_t>(readLE(4)))); break;  // BININT
                case 'K': push(makeInt(static_cast<int64_t>(readLE(1)))); break;  // BININT1
                case 'M': push(makeInt(static_cast<int64_t>(readLE(2)))); break;  // BININT2
                case 0x8a:
                case 0x8b: {  // LONG1, LONG4: little-endian two's complement
                    const uint64_t n = readLE(op == 0x8a ? 1 : 4);
                    const uint8_t* p = take(n);
                    if (n <= 8) {
                        uint64_t v = 0;
                        for (uint64_t i = 0; i < n; ++i) v |= uint64_t(p[i]) << (8 * i);
                        if (n > 0 && n < 8 && (p[n - 1] & 0x80)) v |= ~uint64_t(0) << (8 * n);
                        push(makeInt(static_cast<int64_t>(v)));
                    } else {
                        push(make(Value::Kind::BigInt));
                    }
                    break;
                }
                case 'G': {  // BINFLOAT, big-endian
                    const uint8_t* p = take(8);
                    uint64_t bits = 0;
                    for (int i = 0; i < 8; ++i) bits = (bits << 8) | p[i];
                    auto f = make(Value::Kind::Float);
                    std::memcpy(&f->real, &bits, 8);
                    push(f);
                    break;
                }
                case 'X': push(makeString(Value::Kind::String, readLE(4))); break;   // BINUNICODE
                case 0x8c: push(makeString(Value::Kind::String, readLE(1))); break;  // SHORT_BINUNICODE
                case 0x8d: push(makeString(Value::Kind::String, readLE(8))); break;  // BINUNICODE8
                case 'B': push(makeString(Value::Kind::Bytes, readLE(4))); break;    // BINBYTES
                case 'C': push(makeString(Value::Kind::Bytes, readLE(1))); break;    // SHORT_BINBYTES
                case 0x8e: push(makeString(Value::Kind::Bytes, readLE(8))); break;   // BINBYTES8
                case ')': push(make(Value::Kind::Tuple)); break;                     // EMPTY_TUPLE
                case 't': push(tupleOf(popToMark())); break;                         // TUPLE
                case 0x85:
                case 0x86:
                case 0x87: {  // TUPLE1..3
                    const size_t n = op - 0x84;
                    if (m_stack.size() < markFloor() + n) failAt("stack underflow");
                    std::vector<Ptr> items(std::make_move_iterator(m_stack.end() - n), std::make_move_iterator(m_stack.end()));
                    m_stack.resize(m_stack.size() - n);
                    push(tupleOf(std::move(items)));
                    break;
                }
                case ']': push(make(Value::Kind::List)); break;  // EMPTY_LIST
                case '}': push(make(Value::Kind::Dict)); break;  // EMPTY_DICT
                case 'a': {                                      // APPEND
                    Ptr v = pop();
                    Ptr& list = top();
                    if (list->kind != Value::Kind::List) failAt("APPEND to a " + std::string(kindName(list->kind)));
                    list->items.push_back(std::move(v));
                    break;
                }
                case 'e': {  // APPENDS
                    std::vector<Ptr> items = popToMark();
                    Ptr& list = top();
                    if (list->kind != Value::Kind::List) failAt("APPENDS to a " + std::string(kindName(list->kind)));
                    for (auto& v : items) list->items.push_back(std::move(v));
                    break;
                }
                case 's': {  // SETITEM
                    Ptr value = pop();
                    Ptr key = pop();
                    Ptr& dict = top();
                    if (dict->kind != Value::Kind::Dict) failAt("SETITEM on a " + std::string(kindName(dict->kind)));
                    setItem(*dict, std::move(key), std::move(value));
                    break;
                }
                case 'u': {  // SETITEMS
                    std::vector<Ptr> items = popToMark();
                    if (items.size() % 2 != 0) failAt("SETITEMS with an odd number of items");
                    Ptr& dict = top();
                    if (dict->kind != Value::Kind::Dict) failAt("SETITEMS on a " + std::string(kindName(dict->kind)));
                    for (size_t i = 0; i < items.size(); i += 2) setItem(*dict, std::move(items[i]), std::move(items[i + 1]));
                    break;
                }
                case 'c': {  // GLOBAL
                    const std::string module = readLine();
                    const std::string name = readLine();
                    push(global(module, name));
                    break;
                }
                case 0x93: {  // STACK_GLOBAL
                    Ptr name = pop();
                    Ptr module = pop();
                    if (name->kind != Value::Kind::String || module->kind != Value::Kind::String)
                        failAt("STACK_GLOBAL without strings");
                    push(global(module->text, name->text));
                    break;
                }
                case 'R': {  // REDUCE
                    Ptr args = pop();
                    Ptr callable = pop();
                    push(reduce(callable, args));
                    break;
                }
                case 'b': {  // BUILD: an OrderedDict's instance state (the state dict's _metadata)
                    Ptr state = pop();
                    if (top()->kind != Value::Kind::Dict) failAt("BUILD on a " + std::string(kindName(top()->kind)));
                    break;
                }
                case 'Q': push(persistentLoad(pop())); break;  // BINPERSID
                case 'q': memoPut(readLE(1)); break;           // BINPUT
                case 'r': memoPut(readLE(4)); break;           // LONG_BINPUT
                case 0x94: memoPut(m_memo.size()); break;      // MEMOIZE
                case 'h': push(memoGet(readLE(1))); break;     // BINGET
                case 'j': push(memoGet(readLE(4))); break;     // LONG_BINGET
                default:
                    failAt("opcode " + opcodeName(op) + " is not allowed in a state dict; refusing to load it");
            }
        }
    }

    void flatten(const Value& v, const std::string& prefix, int depth, size_t& visits, std::vector<PickledTensor>& out,
                 std::unordered_map<std::string, size_t>& seen) {
        if (++visits > kMaxVisits) fail("the pickled object is too large or too deeply shared");
        if (depth > kMaxDepth) fail("the pickled object nests deeper than " + std::to_string(kMaxDepth) + " levels");
        auto child = [&](const Value& item, const std::string& name) {
            const std::string path = prefix.empty() ? name : prefix + "." + name;
            if (item.kind == Value::Kind::Tensor) {
                if (!seen.emplace(path, out.size()).second) fail("two tensors are named '" + path + "'");
                out.push_back(item.tensor);
                out.back().name = path;
            } else if (item.kind == Value::Kind::Dict || item.kind == Value::Kind::List ||
                       item.kind == Value::Kind::Tuple) {
                flatten(item, path, depth + 1, visits, out, seen);
            }
        };
        if (v.kind == Value::Kind::Dict) {
            for (const auto& [key, value] : v.entries) {
                std::string name;
                if (key->kind == Value::Kind::String)
                    name = key->text;
                else if (key->kind == Value::Kind::Int)
                    name = std::to_string(key->integer);
                else if (value->kind == Value::Kind::Tensor || value->kind == Value::Kind::Dict ||
                         value->kind == Value::Kind::List || value->kind == Value::Kind::Tuple)
                    fail(std::string("tensors are stored under a ") + kindName(key->kind) + " key");
                else
                    continue;
                child(*value, name);
            }
        } else {
            for (size_t i = 0; i < v.items.size(); ++i) child(*v.items[i], std::to_string(i));
        }
    }

    std::span<const uint8_t> m_data;
    const std::filesystem::path& m_file;
    size_t m_pos = 0;
    size_t m_opPos = 0;
    std::vector<Ptr> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, Ptr> m_memo;
    std::map<std::string, std::pair<torch::Dtype, int64_t>> m_storages;
    std::vector<Ptr> m_containers;
};

}  // namespace

std::vector<PickledTensor> unpickleStateDict(std::span<const uint8_t> pickle, const std::filesystem::path& file) {
    Unpickler unpickler(pickle, file);
    return unpickler.run();
}

}  // namespace ace::ckpt
