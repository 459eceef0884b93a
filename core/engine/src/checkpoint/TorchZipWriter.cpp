#include "checkpoint/TorchZipWriter.h"

#include <caffe2/serialize/inline_container.h>

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ace/common/Error.h"

namespace ace::ckpt {
namespace fs = std::filesystem;
namespace {

const char* storageTypeOf(torch::Dtype dtype) {
    switch (dtype) {
        case torch::kFloat32: return "FloatStorage";
        case torch::kFloat16: return "HalfStorage";
        case torch::kBFloat16: return "BFloat16Storage";
        case torch::kFloat64: return "DoubleStorage";
        case torch::kInt64: return "LongStorage";
        case torch::kInt32: return "IntStorage";
        case torch::kInt16: return "ShortStorage";
        case torch::kInt8: return "CharStorage";
        case torch::kUInt8: return "ByteStorage";
        case torch::kBool: return "BoolStorage";
        default: return nullptr;
    }
}

// A pickle (protocol 2) of the state dict as torch.save writes it, without the memo.
class StateDictPickle {
public:
    StateDictPickle() {
        op(0x80);
        op(2);  // PROTO 2
        orderedDict();
        op('(');  // MARK of SETITEMS
    }

    void tensor(const std::string& name, const std::string& storageKey, torch::Dtype dtype,
                const std::vector<int64_t>& shape) {
        int64_t numel = 1;
        for (int64_t d : shape) numel *= d;
        string(name);
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        {
            op('(');  // persistent id: ('storage', torch.XStorage, key, 'cpu', numel)
            string("storage");
            global("torch", storageTypeOf(dtype));
            string(storageKey);
            string("cpu");
            integer(numel);
            op('t');
            op('Q');  // BINPERSID
        }
        integer(0);  // storage offset
        op('(');
        for (int64_t d : shape) integer(d);
        op('t');
        op('(');
        // Contiguous strides.
        std::vector<int64_t> strides(shape.size(), 1);
        for (size_t i = shape.size(); i-- > 1;) strides[i - 1] = strides[i] * shape[i];
        for (int64_t s : strides) integer(s);
        op('t');
        op(0x89);  // requires_grad False
        orderedDict();  // backward hooks
        op('t');
        op('R');
    }

    std::string finish() {
        op('u');  // SETITEMS
        op('.');  // STOP
        return m_out;
    }

private:
    void op(int c) { m_out.push_back(static_cast<char>(c)); }
    void le(uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) m_out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    void string(const std::string& s) {
        op('X');  // BINUNICODE
        le(s.size(), 4);
        m_out += s;
    }
    void global(const std::string& module, const std::string& name) {
        op('c');
        m_out += module + "\n" + name + "\n";
    }
    void integer(int64_t v) {
        if (v >= 0 && v < 256) {
            op('K');
            le(static_cast<uint64_t>(v), 1);
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            op('J');
            le(static_cast<uint32_t>(static_cast<int32_t>(v)), 4);
        } else {
            op(0x8a);  // LONG1, 8 bytes two's complement
            op(8);
            le(static_cast<uint64_t>(v), 8);
        }
    }
    void orderedDict() {
        global("collections", "OrderedDict");
        op(')');
        op('R');
    }

    std::string m_out;
};

uint64_t bytesOf(const StreamedTensor& t) {
    uint64_t n = torch::elementSize(t.dtype);
    for (int64_t d : t.shape) n *= static_cast<uint64_t>(d);
    return n;
}

}  // namespace

void writeTorchCheckpoint(const fs::path& file, const std::vector<StreamedTensor>& tensors) {
    StateDictPickle pickle;
    for (size_t i = 0; i < tensors.size(); ++i) {
        if (!storageTypeOf(tensors[i].dtype))
            throw Error(file, "cannot write tensor " + tensors[i].name + " of dtype " + c10::toString(tensors[i].dtype));
        pickle.tensor(tensors[i].name, std::to_string(i), tensors[i].dtype, tensors[i].shape);
    }
    const std::string pkl = pickle.finish();
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    try {
        // The archive's folder is the file's stem, as torch.save names it.
        caffe2::serialize::PyTorchStreamWriter writer(file.string());
        writer.writeRecord("data.pkl", pkl.data(), pkl.size());
        writer.writeRecord("byteorder", "little", 6);
        for (size_t i = 0; i < tensors.size(); ++i) {
            const StreamedTensor& st = tensors[i];
            const torch::Tensor t = st.produce().contiguous();
            if (t.scalar_type() != st.dtype || t.sizes().vec() != st.shape || !t.device().is_cpu())
                throw Error(file, "tensor " + st.name + " was produced with another dtype, shape or device than declared");
            writer.writeRecord("data/" + std::to_string(i), t.data_ptr(), t.nbytes());
        }
        writer.writeEndOfFile();
    } catch (const c10::Error& e) {
        fs::remove(file, ec);
        throw Error(file, std::string("cannot write the checkpoint: ") + e.what_without_backtrace());
    }
}

fs::path writeShardedTorchCheckpoint(const fs::path& folder, const std::string& stem,
                                     const std::vector<StreamedTensor>& tensors, uint64_t maxShardBytes) {
    std::vector<std::vector<StreamedTensor>> shards;
    uint64_t inShard = 0, total = 0;
    for (const StreamedTensor& t : tensors) {
        const uint64_t n = bytesOf(t);
        if (shards.empty() || (inShard > 0 && inShard + n > maxShardBytes)) {
            shards.emplace_back();
            inShard = 0;
        }
        shards.back().push_back(t);
        inShard += n;
        total += n;
    }
    nlohmann::ordered_json weightMap = nlohmann::ordered_json::object();
    for (size_t s = 0; s < shards.size(); ++s) {
        std::ostringstream name;
        name << stem << "-" << std::setw(5) << std::setfill('0') << s + 1 << "-of-" << std::setw(5) << std::setfill('0')
             << shards.size() << ".bin";
        writeTorchCheckpoint(folder / name.str(), shards[s]);
        for (const StreamedTensor& t : shards[s]) weightMap[t.name] = name.str();
    }
    const nlohmann::ordered_json index = {{"metadata", {{"total_size", total}}}, {"weight_map", weightMap}};
    const fs::path indexFile = folder / (stem + ".bin.index.json");
    std::ofstream out(indexFile);
    out << index.dump(2) << "\n";
    if (!out.flush()) throw Error(indexFile, "cannot write the index");
    return indexFile;
}

}  // namespace ace::ckpt
