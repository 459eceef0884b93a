// ace-cli bench: the figures of bench/Benchmark.
#include <iostream>
#include <sstream>

#include "CliArgs.h"
#include "Commands.h"
#include "bench/Benchmark.h"

namespace ace::cli {

int benchCommand(const CliArgs& args) {
    if (args.has("model")) return benchModelFolder(args);
    BenchOptions o;
    o.device = args.value("device", "cpu");
    o.size = static_cast<int>(args.integer("size", 512));
    o.steps = static_cast<int>(args.integer("steps", 2));
    o.skipT5 = args.has("skip-t5");
    o.precision = args.value("precision", "auto");
    if (args.has("cases")) {
        o.cases.clear();
        std::stringstream list(args.value("cases"));
        for (std::string c; std::getline(list, c, ',');) o.cases.push_back(c);
    }
    return runBenchmark(o, std::cout);
}

}  // namespace ace::cli
