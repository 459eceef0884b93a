// ace-cli: the headless front end of the engine. Argument parsing and dispatch only.
#include <cstdio>
#include <exception>
#include <string>

#include "CliArgs.h"
#include "Commands.h"
#include "ace/common/Error.h"
#include "ace/engine/Pipeline.h"
#include "ace/engine/Runtime.h"
#include "ace/imaging/ImageIo.h"

namespace {

const char* kUsage =
    "usage: ace-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  run      one turn: --model DIR --prompt TEXT --out OUT.png\n"
    "           [--image A.png [--mask M.png] [--task inpainting]]... [--history turns.json]\n"
    "           [--seed N] [--steps N] [--guide-scale S] [--guide-rescale R] [--negative-prompt TEXT]\n"
    "           [--width W --height H (text-to-image)] [--device auto|cpu|cuda] [--preview-dir DIR]\n"
    "           [--decode-preview-every N] [--posterior-mean]\n"
    "           steps, guidance and text-to-image size default to the model's (ace_model.json; the release: 4.5, 0.5)\n"
    "           history file: [{\"instruction\": \"...\", \"images\": [{\"image\": \"a.png\", \"mask\": \"m.png\", \"task\": \"\"}]}]\n"
    "  parity   compare the engine with reference golden data: --golden DIR [--tolerance 1e-4]\n"
    "  bench    time the full-size architectures with random weights: [--device cpu|cuda] [--size 512]\n"
    "           [--steps N] [--cases t2i,edit,lcu4] [--skip-t5] [--precision auto|fp32|fp16|bf16]\n"
    "           [--e2e-steps 20 (whole turns; 0: skip)] [--t5-on-device]\n"
    "           with --model DIR: whole turns on that model folder (the built-in one, or the release):\n"
    "           load time, then text-to-image and masked-edit turns [--steps N] [--repeats 5] [--device cpu|cuda]\n"
    "  bench --load  write full-size random checkpoints in the release formats and time loading them:\n"
    "           [--dir DIR] [--max-gib 15] [--t5-layers N] [--t5-decoder-layers N] [--keep]\n"
    "  make-random-model  write a tiny model folder with random weights (tests, demos): --out DIR [--seed N]\n"
    "  --version          versions of ACE Desktop, LibTorch, CUDA and the devices found\n"
    "  --help             this help\n";

}  // namespace

int main(int argc, char* argv[]) {
    ace::enableHugePageTensors();
    using namespace ace::cli;
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string command = argv[1];
    try {
        if (command == "--version" || command == "version") {
            std::printf("%s\n%s\n", ace::describeRuntime(ace::initRuntime()).c_str(),
                        ace::imagingLibraryVersion().c_str());
            return 0;
        }
        if (command == "--help" || command == "-h" || command == "help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (command == "run") return runCommand(CliArgs(argc, argv, 2, {"posterior-mean"}));
        if (command == "parity") return parityCommand(CliArgs(argc, argv, 2, {"verbose"}));
        if (command == "bench") return benchCommand(CliArgs(argc, argv, 2, {"skip-t5", "load", "keep", "t5-on-device"}));
        if (command == "make-random-model") return makeRandomModelCommand(CliArgs(argc, argv, 2, {}));
        std::fprintf(stderr, "ace-cli: unknown command '%s'\n\n%s", command.c_str(), kUsage);
        return 2;
    } catch (const UsageError& e) {
        std::fprintf(stderr, "ace-cli %s: %s\n\n%s", command.c_str(), e.what(), kUsage);
        return 2;
    } catch (const ace::Cancelled&) {
        std::fprintf(stderr, "ace-cli: cancelled\n");
        return 130;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ace-cli: %s\n", e.what());
        return 1;
    }
}
