<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/layers/LayerCommands.cpp" line="37"/>
        <source>Move layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::AboutDialog</name>
    <message>
        <location filename="../ui/AboutDialog.cpp" line="15"/>
        <source>About ACE Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AboutDialog.cpp" line="17"/>
        <source>&lt;h2&gt;ACE Desktop&lt;/h2&gt;&lt;p&gt;Edit images by chatting with ACE, the All-round Creator and Editor diffusion model.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::DocumentActions</name>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="24"/>
        <source>ACE Desktop projects (*.aceproj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="27"/>
        <source>All supported files (*.aceproj *.ora *.psd *.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff);;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="28"/>
        <source>Layered images (*.ora *.psd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="53"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="57"/>
        <source>&lt;original&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="71"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="72"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="75"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="76"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="78"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="79"/>
        <source>Export All &amp;Results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="99"/>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="112"/>
        <source>Cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="119"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="127"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="139"/>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="134"/>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="149"/>
        <source>untitled.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="155"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="162"/>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="159"/>
        <source>Export all results into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="169"/>
        <source>an untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="172"/>
        <source>Recover unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="173"/>
        <source>ACE Desktop did not close properly. Recover the autosaved work of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="177"/>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="185"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="185"/>
        <source>Save the changes to this session?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::DocumentSession</name>
    <message>
        <location filename="../ui/layers/DocumentSession.cpp" line="102"/>
        <source>The session has no file yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ExportDialog</name>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="18"/>
        <location filename="../ui/layers/ExportDialog.cpp" line="43"/>
        <location filename="../ui/layers/ExportDialog.cpp" line="46"/>
        <location filename="../ui/layers/ExportDialog.cpp" line="57"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="21"/>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="22"/>
        <source>JPEG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="23"/>
        <source>WebP image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="24"/>
        <source>OpenRaster (layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="25"/>
        <source>Photoshop (layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="28"/>
        <source>The whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="29"/>
        <source>The selected layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="38"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="45"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="47"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="48"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::LayerModel</name>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="93"/>
        <source>Instruction: %1
Seed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="190"/>
        <source>Rename layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="198"/>
        <source>Show layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="198"/>
        <source>Hide layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="204"/>
        <source>Change opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="209"/>
        <source>Change blend mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="214"/>
        <source>Lock layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="214"/>
        <source>Unlock layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="221"/>
        <source>Show another version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="236"/>
        <source> copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="237"/>
        <source>Duplicate layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="243"/>
        <source>Delete layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="258"/>
        <source>Merge down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="266"/>
        <source>Use layer as input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="266"/>
        <source>Use flattened image as input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="283"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::LayerPanel</name>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="21"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="22"/>
        <source>Multiply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="23"/>
        <source>Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="24"/>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="25"/>
        <source>Darken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="26"/>
        <source>Lighten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="27"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="38"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="52"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="90"/>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="57"/>
        <source>Blend mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="61"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="65"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="92"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="68"/>
        <source>Input of the next turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="70"/>
        <source>Raise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="70"/>
        <source>Move the layer up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="71"/>
        <source>Lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="71"/>
        <source>Move the layer down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="72"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="72"/>
        <source>Duplicate the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="73"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="73"/>
        <source>Delete the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="74"/>
        <source>Merge down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="74"/>
        <source>Merge the layer into the one below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="76"/>
        <source>Re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="76"/>
        <source>Run this layer&apos;s turn again with the same seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="77"/>
        <source>New seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="77"/>
        <source>Run this layer&apos;s turn again with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="91"/>
        <source>Blend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="94"/>
        <source>Next turn uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="214"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="227"/>
        <source>Flattened image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="17"/>
        <source>ACE Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22"/>
        <source>Canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="32"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="37"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="44"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="49"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="54"/>
        <source>&amp;About ACE Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="15"/>
        <source>Edit images by chatting with ACE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="18"/>
        <source>Show the versions of ACE Desktop, LibTorch, CUDA and Qt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
