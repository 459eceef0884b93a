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
};

// Loads LibTorch's CUDA backend when possible and describes the runtime. Safe to call from any
// thread, any number of times; the work is done once.
const RuntimeInfo& initRuntime();

// Multi-line human-readable description, used by `ace-cli --version` and the About dialog.
std::string describeRuntime(const RuntimeInfo& info);

}  // namespace ace
