#include "pipeline/OutOfMemory.h"

#include <c10/core/CachingDeviceAllocator.h>

#include <atomic>
#include <map>
#include <mutex>
#include <new>

namespace ace {
namespace {

std::mutex g_faultMutex;
std::map<std::string, int> g_faults;
std::atomic<bool> g_armed{false};

}  // namespace

bool isOutOfMemory(const std::exception& e) {
    if (dynamic_cast<const c10::OutOfMemoryError*>(&e) || dynamic_cast<const std::bad_alloc*>(&e)) return true;
    if (const auto* c10Error = dynamic_cast<const c10::Error*>(&e)) {
        const std::string& m = c10Error->msg();
        return m.find("out of memory") != std::string::npos || m.find("not enough memory") != std::string::npos ||
               m.find("CUBLAS_STATUS_ALLOC_FAILED") != std::string::npos;
    }
    return false;
}

std::string outOfMemoryDetail(const std::exception& e) {
    std::string m;
    if (const auto* c10Error = dynamic_cast<const c10::Error*>(&e))
        m = c10Error->what_without_backtrace();
    else
        m = e.what();
    const size_t eol = m.find('\n');
    return eol == std::string::npos ? m : m.substr(0, eol);
}

void releaseCachedDeviceMemory(const torch::Device& device) {
    if (device.is_cpu()) return;
    try {
        c10::getDeviceAllocator(device.type())->emptyCache();
    } catch (const c10::Error&) {
        // An allocator without a cache: nothing to release.
    }
}

namespace fault {

void injectOutOfMemory(const std::string& name, int times) {
    std::lock_guard lock(g_faultMutex);
    g_faults[name] += times;
    g_armed = true;
}

void clearInjections() {
    std::lock_guard lock(g_faultMutex);
    g_faults.clear();
    g_armed = false;
}

void point(const char* name) {
    if (!g_armed.load(std::memory_order_relaxed)) return;
    std::lock_guard lock(g_faultMutex);
    auto it = g_faults.find(name);
    if (it == g_faults.end() || it->second <= 0) return;
    if (--it->second == 0) g_faults.erase(it);
    g_armed = !g_faults.empty();
    throw c10::OutOfMemoryError({__func__, __FILE__, static_cast<uint32_t>(__LINE__)},
                                std::string("CUDA out of memory. Tried to allocate 2.00 GiB (injected at \"") + name +
                                    "\" by a test)");
}

}  // namespace fault
}  // namespace ace
