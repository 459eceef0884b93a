#pragma once
// What the engine runs on: LibTorch's version, whether its CUDA backend could be loaded, and the
// devices found. No torch types here, so the UI and the CLI can show it without torch headers.
#include <string>
#include <vector>

namespace ace {

struct RuntimeInfo {
    std::string aceVersion;
    std::string torchVersion;
    std::string sentencepieceVersion;
    bool torchHasCudaBackend = false;  // libtorch_cuda.so is present next to libtorch_cpu.so
    bool cudaBackendLoaded = false;    // ... and it loaded (its CUDA libraries were found)
    std::string cudaBackendMessage;    // why it did not load, or the CUDA version it uses
    bool cudaAvailable = false;        // a usable CUDA device exists
    std::vector<std::string> devices;  // "cpu (N threads)", "cuda:0 NVIDIA H100 ..."
    bool hugePageTensors = false;      // large CPU tensors go on transparent huge pages
    std::string hugePageStatus;        // "yes", or "no (why)"
};

// Asks LibTorch to put CPU tensors of 2 MiB and more on transparent huge pages
// (THP_MEM_ALLOC_ENABLE=1), unless the environment already sets that variable. With the kernel's
// usual THP mode ("madvise"), filling a model's parameters otherwise costs one page fault per
// 4 KiB, which was most of a model load: the 0.6B DiT's load from a warm cache 2.4 s -> 0.7 s.
// Call it first thing in main(): LibTorch reads the variable once, at its first allocation.
void enableHugePageTensors();

// Loads LibTorch's CUDA backend when possible and describes the runtime. Safe to call from any
// thread, any number of times; the work is done once.
const RuntimeInfo& initRuntime();

// Multi-line human-readable description, used by `ace-cli --version` and the About dialog.
std::string describeRuntime(const RuntimeInfo& info);

}  // namespace ace
