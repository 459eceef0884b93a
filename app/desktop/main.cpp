#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>

#include "AboutDialog.h"
#include "MainWindow.h"
#include "Translations.h"

int main(int argc, char* argv[]) {
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
    parser.process(app);
    if (parser.isSet(versionOption)) {
        std::printf("%s\n", qPrintable(ace::AboutDialog::versionsText()));
        return 0;
    }

    ace::MainWindow window;
    window.show();
    return app.exec();
}
