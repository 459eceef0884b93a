// ace-cli: the headless front end of the engine.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "ace/engine/Runtime.h"
#include "ace/imaging/ImageIo.h"

namespace {

void printUsage(std::FILE* out) {
    std::fputs(
        "usage: ace-cli <command> [options]\n"
        "\n"
        "commands:\n"
        "  --version      print the versions of ACE Desktop, LibTorch, CUDA and the devices found\n"
        "  --help         print this help\n",
        out);
}

}  // namespace

int main(int argc, char* argv[]) {
    try {
        if (argc < 2) {
            printUsage(stderr);
            return 2;
        }
        const std::string command = argv[1];
        if (command == "--version" || command == "version") {
            std::printf("%s\n%s\n", ace::describeRuntime(ace::initRuntime()).c_str(),
                        ace::imagingLibraryVersion().c_str());
            return 0;
        }
        if (command == "--help" || command == "-h" || command == "help") {
            printUsage(stdout);
            return 0;
        }
        std::fprintf(stderr, "ace-cli: unknown command '%s'\n", command.c_str());
        printUsage(stderr);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ace-cli: %s\n", e.what());
        return 1;
    }
}
