// Child process for tst_autosaverecovery: paints strokes and autosaves after each one, printing
// "saved N" once autosave N is on disk, until it is killed.
#include <cstdio>
#include <string>

#include "AutosaveStrokes.h"
#include "ace/document/Autosave.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: autosave_helper <autosave folder>\n");
        return 2;
    }
    ace::AutosaveStore store(argv[1]);
    ace::Project project = ace::test::strokeProject();
    for (int n = 1; n < 1'000'000; ++n) {
        ace::test::applyStroke(project, n);
        store.autosave(project, "/projects/painting.aceproj");
        std::printf("saved %d\n", n);
        std::fflush(stdout);
    }
    return 0;
}
