// ace-cli make-random-model: a tiny model folder in the release layout with random weights.
#include <cstdio>

#include "CliArgs.h"
#include "Commands.h"
#include "ace/engine/ModelFactory.h"

namespace ace::cli {

int makeRandomModelCommand(const CliArgs& args) {
    if (!args.has("out")) throw UsageError("make-random-model needs --out DIR");
    RandomModelSpec spec;
    spec.seed = static_cast<uint64_t>(args.integer("seed", 0));
    createRandomModel(args.value("out"), spec);
    std::printf("wrote a tiny random-weight model to %s\n", args.value("out").c_str());
    return 0;
}

}  // namespace ace::cli
