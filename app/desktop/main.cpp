#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

#include "AboutDialog.h"
#include "DocumentActions.h"
#include "MainWindow.h"
#include "Translations.h"
#include "ace/engine/Runtime.h"

int main(int argc, char* argv[]) {
    ace::enableHugePageTensors();
    QApplication app(argc, argv);
    QApplication::setApplicationName("ACE Desktop");
    QApplication::setOrganizationName("ACE Desktop");
    QApplication::setApplicationVersion(ACE_VERSION_STRING);
    ace::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Edit images by chatting with ACE."));
    parser.addHelpOption();
    QCommandLineOption versionOption({"v", "version"},
                                     QApplication::translate("main", "Show the versions of ACE Desktop, LibTorch, CUDA and Qt."));
    parser.addOption(versionOption);
    parser.addPositionalArgument("file", QApplication::translate("main", "A project, layered file (.ora, .psd) or image to open."),
                                 "[file]");
    parser.process(app);
    if (parser.isSet(versionOption)) {
        std::printf("%s\n", qPrintable(ace::AboutDialog::versionsText()));
        return 0;
    }

    ace::MainWindow window;
    window.show();
    // After the window is up: offer to recover a crashed session's autosave, then open the file
    // given on the command line.
    QTimer::singleShot(0, &window, [&window, files = parser.positionalArguments()] {
        window.documentActions()->offerRecovery();
        if (!files.isEmpty()) window.documentActions()->openFile(files.first());
    });
    return app.exec();
}
