#pragma once
// The ace-cli commands; each returns the process exit code and throws ace::Error or UsageError.
namespace ace::cli {
class CliArgs;
int runCommand(const CliArgs& args);
int parityCommand(const CliArgs& args);
int benchCommand(const CliArgs& args);
int benchModelFolder(const CliArgs& args);  // bench --model DIR
int makeRandomModelCommand(const CliArgs& args);
}  // namespace ace::cli
