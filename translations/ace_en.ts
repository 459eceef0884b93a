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
    <name>ace</name>
    <message>
        <location filename="../ui/AppSettings.cpp" line="58"/>
        <source>No model folder is set. Download ACE-0.6B-512px (or -1024px) and choose its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="60"/>
        <source>The folder %1 does not exist. Choose the folder you downloaded the model to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="61"/>
        <source>%1 is a file; choose the model&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="68"/>
        <source>%1 is not a complete ACE model folder: %2 missing. It needs models/dit, models/vae, models/text_encoder and models/tokenizer, as in the ACE-0.6B release; download it again or choose the folder that holds them.</source>
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
    <name>ace::CanvasDocument</name>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="50"/>
        <source>Clear mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="60"/>
        <source>Invert mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="71"/>
        <source>Erase region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="71"/>
        <source>Fill region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="91"/>
        <source>Ellipse mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="91"/>
        <source>Rectangle mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="100"/>
        <source>Extend canvas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::CanvasPanel</name>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="30"/>
        <source>Canvas tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="37"/>
        <source>Paint the mask: where the next turn may change the image (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="39"/>
        <source>Erase the mask (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="41"/>
        <source>Rectangle mask (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="42"/>
        <source>Ellipse mask (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="44"/>
        <source>Fill the enclosed region of the mask (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="46"/>
        <source>Outpainting: drag from an edge outwards to extend the canvas (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="50"/>
        <source>Size </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="51"/>
        <source>Brush size in image pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="54"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="57"/>
        <source> Hardness </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="74"/>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="77"/>
        <source>Invert the mask (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="78"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="81"/>
        <source>Clear the mask (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="82"/>
        <source>Show mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="89"/>
        <source>Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="95"/>
        <source>All sides by 25%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="96"/>
        <source>Left by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="97"/>
        <source>Right by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="98"/>
        <source>Top by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="99"/>
        <source>Bottom by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="100"/>
        <source>To a square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="118"/>
        <source>Extend by…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="119"/>
        <source>Outpainting presets: add canvas around the image; the new area becomes the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="125"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="128"/>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="131"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="134"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="139"/>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="142"/>
        <source>Zoom %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::CanvasView</name>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="27"/>
        <source>Canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="159"/>
        <source>Open or drop an image to edit it,
or describe an image in the chat to create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="325"/>
        <source>dropped image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="336"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ChatDelegate</name>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="27"/>
        <source>Queued: waits for the turn before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="30"/>
        <source>Running: step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="30"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="33"/>
        <source>seed %1 · %2 steps · %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="38"/>
        <source>Cancelled: the canvas was left as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="54"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="150"/>
        <source>You · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="151"/>
        <source> · not in context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="152"/>
        <source> · in context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="154"/>
        <source>ACE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ChatInput</name>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="53"/>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="54"/>
        <source>Describe the edit, e.g. “make the sky in {image} a sunset”. Enter sends, Shift+Enter adds a line; drop or paste images to attach them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="158"/>
        <source>pasted image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ChatModel</name>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="9"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="10"/>
        <source>Text to image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="11"/>
        <source>Inpainting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="12"/>
        <source>Outpainting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="13"/>
        <source>Reference-guided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="14"/>
        <source>Try on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="99"/>
        <source>Removed from the context: later turns do not see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="100"/>
        <source>In the context of the next turn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ChatPanel</name>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="67"/>
        <source>The images of the next turn and their names in the instruction. Delete removes an attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="70"/>
        <source>Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="82"/>
        <source>What the turn does; inpainting blanks the masked area before the model sees it, text to image ignores the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="89"/>
        <source>Keep unmasked pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="92"/>
        <source>Paste the pixels outside the mask back from the input, feathered at the edge, so repeated edits do not drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="95"/>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="98"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="102"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="105"/>
        <source>Stop the running turn (within one step) and drop the queued ones (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="114"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="143"/>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="185"/>
        <source>%1 in the instruction is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="187"/>
        <source>canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="187"/>
        <source>canvas + mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/chat/ChatPanel.cpp" line="197"/>
        <source>Context: the next turn starts fresh (keeps up to %n earlier turn(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/chat/ChatPanel.cpp" line="203"/>
        <source>Context: the next turn carries %n earlier turn(s) (%1; green bar), of at most %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="228"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="237"/>
        <source>Attach images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="229"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="238"/>
        <source>Cannot read %1:
%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="254"/>
        <source>Use as canvas image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="257"/>
        <source>Regenerate with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="261"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="266"/>
        <source>Save image as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="270"/>
        <source>Edit and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="272"/>
        <source>Put back into the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="272"/>
        <source>Remove from the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="298"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="304"/>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="299"/>
        <source>ace-turn-%1.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="300"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="305"/>
        <source>Cannot write file %1:
%2.</source>
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
        <location filename="../ui/layers/DocumentActions.cpp" line="78"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="79"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="82"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="83"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="85"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="86"/>
        <source>Export All &amp;Results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="106"/>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="119"/>
        <source>Cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="126"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="134"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="146"/>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="141"/>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="156"/>
        <source>untitled.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="162"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="169"/>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="166"/>
        <source>Export all results into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="176"/>
        <source>an untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="179"/>
        <source>Recover unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="180"/>
        <source>ACE Desktop did not close properly. Recover the autosaved work of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="184"/>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="192"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="192"/>
        <source>Save the changes to this session?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::DocumentSession</name>
    <message>
        <location filename="../ui/layers/DocumentSession.cpp" line="107"/>
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
    <name>ace::ImageRefHighlighter</name>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="42"/>
        <source>No image of this turn has this name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::InferenceWorker</name>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="35"/>
        <source>Not enough memory to load the model. Close other programs, or choose half precision or the GPU in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="37"/>
        <source>Not enough memory for this turn. Use a smaller image, fewer earlier turns in the context (Settings, history length), or close other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="42"/>
        <source>The model could not be loaded: %1

Choose a complete ACE model folder in Settings (it holds models/dit, models/vae, models/text_encoder and models/tokenizer, as in the ACE-0.6B-512px release), then load it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="47"/>
        <source>Unexpected error in the engine: %1</source>
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
        <location filename="../ui/layers/LayerModel.cpp" line="180"/>
        <source>Rename layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="188"/>
        <source>Show layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="188"/>
        <source>Hide layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="194"/>
        <source>Change opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="199"/>
        <source>Change blend mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="204"/>
        <source>Lock layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="204"/>
        <source>Unlock layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="211"/>
        <source>Show another version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="226"/>
        <source> copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="227"/>
        <source>Duplicate layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="233"/>
        <source>Delete layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="248"/>
        <source>Merge down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="256"/>
        <source>Use layer as input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="256"/>
        <source>Use flattened image as input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="273"/>
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
        <location filename="../ui/MainWindow.cpp" line="39"/>
        <source>ACE Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="67"/>
        <source>Load again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <location filename="../ui/MainWindow.cpp" line="206"/>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="108"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="116"/>
        <source>&amp;Open Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>&amp;Save Canvas As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="132"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="141"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="147"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="148"/>
        <source>&amp;About ACE Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="150"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="181"/>
        <source>Turn %1: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>Turn %1: step %2 of %3 (Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189"/>
        <source>Turn %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="195"/>
        <source>Loading the model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="200"/>
        <source>%1 on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="249"/>
        <location filename="../ui/MainWindow.cpp" line="257"/>
        <source>Open Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="251"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="258"/>
        <source>Cannot read file %1:
%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="261"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>Save Canvas As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="268"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="273"/>
        <source>Cannot write file %1:
%2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::SessionController</name>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="199"/>
        <source>Use the result of turn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="233"/>
        <source>Result of turn %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="22"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="24"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="28"/>
        <source>Folder of ACE-0.6B-512px or ACE-0.6B-1024px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="29"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="34"/>
        <location filename="../ui/SettingsDialog.cpp" line="151"/>
        <source>Model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="43"/>
        <source>Automatic (GPU when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="44"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="45"/>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="47"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="50"/>
        <source>Automatic (half on the GPU, float32 on the CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="51"/>
        <source>float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="52"/>
        <source>float16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="53"/>
        <source>bfloat16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="55"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="58"/>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="63"/>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="65"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="71"/>
        <source>Guidance scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="77"/>
        <source>Guide rescale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="78"/>
        <source>New random seed each turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="89"/>
        <source>Fixed seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="91"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="99"/>
        <location filename="../ui/SettingsDialog.cpp" line="117"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="107"/>
        <source>Text-to-image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="112"/>
        <source>How many earlier turns each request carries as context (the reference&apos;s chatbot keeps 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="113"/>
        <source>History length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="119"/>
        <source>Width of the blend inside the mask edge when unmasked pixels are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="120"/>
        <source>Mask edge feather</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="157"/>
        <source>Looks like an ACE model folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ShortcutsDialog</name>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="29"/>
        <location filename="../ui/ShortcutsDialog.cpp" line="42"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="58"/>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="61"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="66"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="66"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="66"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="19"/>
        <source>Edit images by chatting with ACE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="22"/>
        <source>Show the versions of ACE Desktop, LibTorch, CUDA and Qt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="24"/>
        <source>A project, layered file (.ora, .psd) or image to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
