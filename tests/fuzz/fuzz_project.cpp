// libFuzzer harness for the project reader: any input must load or throw ace::Error; anything
// else (another exception, a sanitizer report, a crash, a hang) is a bug. Built and run by
// tests/fuzz/run-fuzzer.sh with clang and -fsanitize=fuzzer,address,undefined.
#include "FuzzProjectInput.h"
#include "ace/common/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        ace::parseProject(ace::fuzz::projectBytesFromFuzzInput(data, size), "fuzz.aceproj");
    } catch (const ace::Error&) {
    }
    return 0;
}
