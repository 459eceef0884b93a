// ace-cli bench: the figures of bench/Benchmark.
#include <iostream>
#include <sstream>

#include "CliArgs.h"
#include "Commands.h"
#include "bench/Benchmark.h"
#include "bench/LoadBenchmark.h"

namespace ace::cli {

int benchCommand(const CliArgs& args) {
    if (args.has("model")) return benchModelFolder(args);
    if (args.has("load")) {
        LoadBenchOptions lo;
        lo.dir = args.value("dir", "");
        lo.maxGiB = std::stod(args.value("max-gib", "15"));
        lo.t5EncoderLayers = static_cast<int>(args.integer("t5-layers", 0));
        lo.t5DecoderLayers = static_cast<int>(args.integer("t5-decoder-layers", -1));
        lo.keep = args.has("keep");
        return runLoadBenchmark(lo, std::cout);
    }
    BenchOptions o;
    o.device = args.value("device", "cpu");
    o.size = static_cast<int>(args.integer("size", 512));
    o.steps = static_cast<int>(args.integer("steps", 2));
    o.skipT5 = args.has("skip-t5");
    o.precision = args.value("precision", "auto");
    o.endToEndSteps = static_cast<int>(args.integer("e2e-steps", 20));
    o.keepTextEncoderOnDevice = args.has("t5-on-device");
    if (args.has("cases")) {
        o.cases.clear();
        std::stringstream list(args.value("cases"));
        for (std::string c; std::getline(list, c, ',');) o.cases.push_back(c);
    }
    return runBenchmark(o, std::cout);
}

}  // namespace ace::cli
