#pragma once
// Running out of memory during a run: recognising it, freeing what the device allocator caches,
// and a test hook that raises the error CUDA raises at a named point of a run, so that the
// engine's handling (a clear message, the CPU fallback) is tested on machines without a GPU.
#include <exception>
#include <string>

#include <torch/types.h>

namespace ace {

// c10::OutOfMemoryError (what a failed CUDA allocation throws), std::bad_alloc, and c10 errors
// whose message says the allocator ran out of memory (CPU allocations, other backends).
bool isOutOfMemory(const std::exception& e);

// The first line of the error, without LibTorch's backtrace.
std::string outOfMemoryDetail(const std::exception& e);

// Returns the device allocator's cached blocks to the device (no-op on the CPU).
void releaseCachedDeviceMemory(const torch::Device& device);

namespace fault {

// Test hook: the next `times` passes through `point` throw c10::OutOfMemoryError with CUDA's
// message. EditSession::run's points: "text encode", "vae encode", "dit step", "vae decode".
void injectOutOfMemory(const std::string& point, int times = 1);
void clearInjections();
// Called at each point; does nothing unless an injection for it is pending.
void point(const char* name);

}  // namespace fault
}  // namespace ace
