#include "ace/engine/Runtime.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include <torch/cuda.h>
#include <torch/version.h>
#include <ATen/Parallel.h>

namespace ace {
namespace {

// libtorch_cuda.so registers LibTorch's CUDA backend from its static initialisers. We do not
// link it (it needs cuDNN, cuBLAS, NCCL... to load), so load it here; if its libraries are
// missing the engine stays on the CPU and says why.
void loadCudaBackend(RuntimeInfo& info) {
    const std::string path = (std::filesystem::path(ACE_TORCH_LIB_DIR) / "libtorch_cuda.so").string();
    if (::access(path.c_str(), R_OK) != 0) {
        info.cudaBackendMessage = "this LibTorch has no CUDA backend";
        return;
    }
    info.torchHasCudaBackend = true;
    if (::dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL) == nullptr) {
        const char* err = ::dlerror();
        info.cudaBackendMessage = std::string("CUDA backend not loaded: ") + (err ? err : "unknown error");
        return;
    }
    info.cudaBackendLoaded = true;
    info.cudaBackendMessage = "CUDA backend loaded";
}

// Device names through the CUDA driver API, which needs no CUDA headers or link-time library.
std::string cudaDeviceName(int index) {
    using InitFn = int (*)(unsigned);
    using GetFn = int (*)(int*, int);
    using NameFn = int (*)(char*, int, int);
    void* lib = ::dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return "CUDA device";
    auto init = reinterpret_cast<InitFn>(::dlsym(lib, "cuInit"));
    auto get = reinterpret_cast<GetFn>(::dlsym(lib, "cuDeviceGet"));
    auto name = reinterpret_cast<NameFn>(::dlsym(lib, "cuDeviceGetName"));
    char buf[256] = {0};
    int dev = 0;
    if (init && get && name && init(0) == 0 && get(&dev, index) == 0 && name(buf, sizeof buf, dev) == 0)
        return buf;
    return "CUDA device";
}

// Whether large CPU tensors go on huge pages, or why not. LibTorch honours THP_MEM_ALLOC_ENABLE
// by advising the kernel (MADV_HUGEPAGE) on allocations of 2 MiB and more, which the kernel
// follows unless its transparent huge pages are off.
std::string hugePageStatus(bool& on) {
    on = false;
    const char* requested = std::getenv("THP_MEM_ALLOC_ENABLE");
    if (!requested || std::string(requested) != "1") return "no (THP_MEM_ALLOC_ENABLE is not 1)";
    std::ifstream modeFile("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string mode;
    std::getline(modeFile, mode);
    if (mode.find("[never]") != std::string::npos) return "no (the kernel's transparent huge pages are off)";
    on = true;
    return "yes";
}

RuntimeInfo detect() {
    RuntimeInfo info;
    info.aceVersion = ACE_VERSION;
    info.torchVersion = TORCH_VERSION;
    info.sentencepieceVersion = ACE_SENTENCEPIECE_VERSION;
    loadCudaBackend(info);
    info.hugePageStatus = hugePageStatus(info.hugePageTensors);
    info.devices.push_back("cpu (" + std::to_string(at::get_num_threads()) + " threads)");
    if (info.cudaBackendLoaded && torch::cuda::is_available()) {
        info.cudaAvailable = true;
        const auto n = static_cast<int>(torch::cuda::device_count());
        for (int i = 0; i < n; ++i)
            info.devices.push_back("cuda:" + std::to_string(i) + " " + cudaDeviceName(i));
    } else if (info.cudaBackendLoaded) {
        info.cudaBackendMessage += "; no usable CUDA device";
    }
    return info;
}

}  // namespace

void enableHugePageTensors() { ::setenv("THP_MEM_ALLOC_ENABLE", "1", /*overwrite=*/0); }

const RuntimeInfo& initRuntime() {
    static std::once_flag once;
    static RuntimeInfo info;
    std::call_once(once, [] { info = detect(); });
    return info;
}

std::string describeRuntime(const RuntimeInfo& info) {
    std::ostringstream out;
    out << "ACE Desktop " << info.aceVersion << "\n"
        << "LibTorch " << info.torchVersion << "\n"
        << "SentencePiece " << info.sentencepieceVersion << "\n"
        << "CUDA available: " << (info.cudaAvailable ? "yes" : "no") << " (" << info.cudaBackendMessage << ")\n"
        << "Huge pages for CPU tensors: " << info.hugePageStatus << "\n"
        << "Devices:";
    for (const auto& d : info.devices) out << "\n  " << d;
    return out.str();
}

}  // namespace ace
