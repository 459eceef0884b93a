#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "ace/engine/Runtime.h"
#include "ace/imaging/ImageIo.h"

namespace ace {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName("AboutDialog");
    setWindowTitle(tr("About ACE Desktop"));

    auto* title = new QLabel(tr("<h2>ACE Desktop</h2><p>Edit images by chatting with ACE, the All-round "
                                "Creator and Editor diffusion model.</p>"),
                             this);
    title->setWordWrap(true);

    auto* versions = new QPlainTextEdit(versionsText(), this);
    versions->setObjectName("versionsText");
    versions->setReadOnly(true);
    versions->setMinimumSize(420, 160);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(versions);
    layout->addWidget(buttons);
}

QString AboutDialog::versionsText() {
    const RuntimeInfo& info = initRuntime();
    return QString::fromStdString(describeRuntime(info)) + "\nQt " + QString::fromLatin1(qVersion()) + "\n" +
           QString::fromStdString(imagingLibraryVersion());
}

}  // namespace ace
