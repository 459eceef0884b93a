// ace-cli parity: the engine against golden data of the Python reference.
#include <cstdio>

#include "CliArgs.h"
#include "Commands.h"
#include "parity/ParityRunner.h"

namespace ace::cli {

int parityCommand(const CliArgs& args) {
    if (!args.has("golden")) throw UsageError("parity needs --golden DIR");
    ParityOptions o;
    o.fp32Tolerance = args.number("tolerance", o.fp32Tolerance);
    o.fp16Tolerance = args.number("fp16-tolerance", o.fp16Tolerance);
    int failed = 0;
    std::printf("%-22s %-34s %12s %12s %12s  %s\n", "case", "item", "max-abs", "scale", "rel", "result");
    const auto checks = runParity(args.value("golden"), o, [&](const ParityCheck& c) {
        if (!c.ok()) ++failed;
        std::printf("%-22s %-34s %12.3e %12.3e %12.3e  %s (tol %.0e)\n", c.caseName.c_str(), c.item.c_str(), c.maxAbs,
                    c.scale, c.rel(), c.ok() ? "ok" : "FAIL", c.tolerance);
        std::fflush(stdout);
    });
    std::printf("%zu checks, %d failed\n", checks.size(), failed);
    return failed == 0 ? 0 : 1;
}

}  // namespace ace::cli
