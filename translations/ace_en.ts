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
        <location filename="../ui/AppSettings.cpp" line="71"/>
        <source>No model folder is set and this installation has no built-in model. Download ACE-0.6B-512px (or -1024px) and choose its folder in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="74"/>
        <source>The folder %1 does not exist. Choose the folder you downloaded the model to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="75"/>
        <source>%1 is a file; choose the model&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="82"/>
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
        <location filename="../ui/canvas/CanvasDocument.cpp" line="180"/>
        <source>flattened image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="181"/>
        <source>layer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="187"/>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="188"/>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="210"/>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="229"/>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="223"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="230"/>
        <source>Add mask layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="264"/>
        <source>Clear mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="276"/>
        <source>Invert mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="291"/>
        <source>Erase region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="291"/>
        <source>Fill region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="314"/>
        <source>Ellipse mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="314"/>
        <source>Rectangle mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="323"/>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="327"/>
        <source>Extend canvas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::CanvasPanel</name>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="36"/>
        <source>Canvas tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="103"/>
        <source>Size </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="104"/>
        <source>Brush size in image pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="107"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="41"/>
        <source>Tool options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="49"/>
        <source>Brush: paint the mask, where the next turn may change the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="50"/>
        <source>Eraser: erase the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="51"/>
        <source>Rectangle mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="52"/>
        <source>Ellipse mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="53"/>
        <source>Fill the enclosed region of the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="55"/>
        <source>Outpainting: drag from an edge outwards to extend the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="65"/>
        <source>Invert the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="67"/>
        <source>Clear the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="70"/>
        <source>Show the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="71"/>
        <source>Show or hide the mask overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="78"/>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="80"/>
        <source>Actual size (100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="110"/>
        <source>Hardness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="115"/>
        <source>How much of the brush&apos;s radius paints at full strength before it fades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="137"/>
        <source>Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="143"/>
        <source>All sides by 25%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="144"/>
        <source>Left by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="145"/>
        <source>Right by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="146"/>
        <source>Top by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="147"/>
        <source>Bottom by 50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="148"/>
        <source>To a square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="230"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="169"/>
        <source>Outpainting presets: add canvas around the image; the new area becomes the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="84"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="88"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="166"/>
        <source>Extend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="177"/>
        <source>Zoom: wheel, Ctrl++ and Ctrl+-, Ctrl+0 fits, Ctrl+1 is 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="179"/>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="182"/>
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
        <location filename="../ui/canvas/CanvasView.cpp" line="193"/>
        <source>Open or drop an image to edit it,
or describe an image in the chat to create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="367"/>
        <source>dropped image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="378"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ChatDelegate</name>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="44"/>
        <source>ACE · #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="46"/>
        <source>You · #%1 · #%2 with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="47"/>
        <source>You · #%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="48"/>
        <source> · left out of the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="49"/>
        <source> · in the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="55"/>
        <source>Queued: waits for the turn before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="58"/>
        <source>Running: step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="58"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="61"/>
        <source>seed %1 · %2 steps · %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="66"/>
        <source>Cancelled: the canvas was left as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="216"/>
        <source>Use as canvas image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="218"/>
        <source>Regenerate with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="218"/>
        <source>Run again with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="219"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="220"/>
        <source>Save image as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="221"/>
        <source>Edit and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="223"/>
        <source>Put back into the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="223"/>
        <source>Remove from the context</source>
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
        <location filename="../ui/chat/ChatModel.cpp" line="11"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="12"/>
        <source>Text to image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="13"/>
        <source>Inpainting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="14"/>
        <source>Outpainting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="15"/>
        <source>Reference-guided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="16"/>
        <source>Try on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="17"/>
        <source>Layer: decouple subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="18"/>
        <source>Layer: fuse two layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="132"/>
        <source>Turn %1 again with a new seed; its input is already in the context as turn %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="133"/>
        <source>Left out of the context: later turns do not see this turn (Delete puts it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="134"/>
        <source>In the context of the next turn: its instruction and first image go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="137"/>
        <source>Double-click or Enter: use as the canvas image. Right-click for all actions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ChatPanel</name>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="69"/>
        <source>Your turns with ACE appear here.

Describe an edit of the canvas image (paint a mask to say where) or a new image, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="81"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="114"/>
        <source>What the turn does; inpainting blanks the masked area before the model sees it, text to image ignores the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="120"/>
        <source>Separates the subject of the input layer ({image}) from its background; the result is a new layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="123"/>
        <source>Fuses the layer selected in the layer panel ({image1}) into the input layer ({image}); the result is a new layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="138"/>
        <source>Keep unmasked pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="141"/>
        <source>Paste the pixels outside the mask back from the input, feathered at the edge, so repeated edits do not drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="144"/>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="146"/>
        <source>Attach images to the next turn: they become {image1}, {image2}, … after the canvas (dropping or pasting them into the message box works too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="149"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="152"/>
        <source>Send the instruction (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="154"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="157"/>
        <source>Stop the running turn (within one step) and drop the queued ones (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="166"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="199"/>
        <source>Use the result as canvas image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="201"/>
        <source>Copy the result image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="203"/>
        <source>Remove from or put back into the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="233"/>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="266"/>
        <source>%1 + mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="265"/>
        <source>canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="332"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="341"/>
        <source>Attach images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="333"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="342"/>
        <source>Cannot read %1:
%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="200"/>
        <source>Regenerate with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="202"/>
        <source>Edit and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="433"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="439"/>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="434"/>
        <source>ace-turn-%1.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="435"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="440"/>
        <source>Cannot write file %1:
%2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::ContextBar</name>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="47"/>
        <source>Context of the next turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="105"/>
        <source>not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="106"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="107"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="114"/>
        <location filename="../ui/chat/ContextBar.cpp" line="260"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="114"/>
        <location filename="../ui/chat/ContextBar.cpp" line="261"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="142"/>
        <location filename="../ui/chat/ContextBar.cpp" line="311"/>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="220"/>
        <source>Turn #%1: “%2” is still to finish; once it succeeds, its first input image and its instruction go with the next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="224"/>
        <source>Turn #%1: “%2”. Its first input image and its instruction go with the next request. Click to find it in the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="230"/>
        <source>%1 in the instruction is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="231"/>
        <source> (× or Delete removes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="267"/>
        <source>Not used: a turn without an input image starts fresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="268"/>
        <source>Not used: ACE takes history only with a single input image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="269"/>
        <source>History is off (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="270"/>
        <source>No earlier turns yet; up to %1 will go with each request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="277"/>
        <source>None: the turn creates a new image from the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="349"/>
        <source>Remove this attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="352"/>
        <source>The earlier turns the next request carries, oldest first, as the reference&apos;s chatbot does: each turn&apos;s instruction with its first input image, up to the history length of the settings (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="436"/>
        <source>Show turn #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="439"/>
        <source>Remove attachment</source>
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
        <location filename="../ui/layers/DocumentSession.cpp" line="151"/>
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
        <location filename="../ui/layers/LayerModel.cpp" line="100"/>
        <source>Instruction: %1
Seed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="187"/>
        <source>Rename layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="195"/>
        <source>Show layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="195"/>
        <source>Hide layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="201"/>
        <source>Change opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="206"/>
        <source>Change blend mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="211"/>
        <source>Lock layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="211"/>
        <source>Unlock layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="218"/>
        <source>Show another version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="233"/>
        <source> copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="234"/>
        <source>Duplicate layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="240"/>
        <source>Delete layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="255"/>
        <source>Merge down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="263"/>
        <source>Use layer as input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="263"/>
        <source>Use flattened image as input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="281"/>
        <source>New version of “%1”</source>
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
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="40"/>
        <source>turn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="41"/>
        <source>seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="43"/>
        <source>%1 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="45"/>
        <source>guidance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="50"/>
        <source>mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="59"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="78"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="121"/>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="83"/>
        <source>Blend mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="87"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="91"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="123"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="99"/>
        <source>Input of the next turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="101"/>
        <source>Raise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="101"/>
        <source>Move the layer up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="102"/>
        <source>Lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="102"/>
        <source>Move the layer down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="103"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="103"/>
        <source>Duplicate the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="104"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="104"/>
        <source>Delete the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="105"/>
        <source>Merge down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="105"/>
        <source>Merge the layer into the one below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="107"/>
        <source>Re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="107"/>
        <source>Run this layer&apos;s turn again with the same seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="108"/>
        <source>New seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="108"/>
        <source>Run this layer&apos;s turn again with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="122"/>
        <source>Blend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="125"/>
        <source>Next turn uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="249"/>
        <source>%1 of %2 (seed %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="250"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="267"/>
        <source>Flattened image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <source>ACE Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="68"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Load again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="90"/>
        <location filename="../ui/MainWindow.cpp" line="301"/>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="110"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="116"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>&amp;Open Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Save Canvas As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="139"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="140"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="143"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="156"/>
        <source>&amp;About ACE Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="158"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="176"/>
        <source>To fuse two layers, choose the layer to fuse into as the next turn&apos;s input and select the other one in the layer panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="263"/>
        <source>Turn %1: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="265"/>
        <source>Turn %1: step %2 of %3 (Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271"/>
        <source>Turn %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="277"/>
        <source>Loading the model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="284"/>
        <source>Built-in model (%1×%2) on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289"/>
        <source>The small model that ships with ACE Desktop, trained on simple synthetic scenes so the app works without a download. For real images, download ACE-0.6B-512px or -1024px and choose its folder in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="293"/>
        <source>%1 on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="330"/>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="345"/>
        <location filename="../ui/MainWindow.cpp" line="353"/>
        <source>Open Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="347"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="354"/>
        <source>Cannot read file %1:
%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="362"/>
        <location filename="../ui/MainWindow.cpp" line="368"/>
        <source>Save Canvas As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="364"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="369"/>
        <source>Cannot write file %1:
%2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ace::SessionController</name>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="284"/>
        <source>The inputs of layer “%1” are not in this project; send its instruction again to make a new result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="447"/>
        <source>Use the result of turn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="480"/>
        <source>Turn %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="542"/>
        <source>Result of turn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionConversation.cpp" line="243"/>
        <source>The conversation in this project could not be read (%1); the chat starts empty.</source>
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
        <location filename="../ui/SettingsDialog.cpp" line="29"/>
        <source>Folder of ACE-0.6B-512px or ACE-0.6B-1024px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="30"/>
        <source>Empty: the built-in model; or the folder of ACE-0.6B-512px/1024px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="31"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="36"/>
        <location filename="../ui/SettingsDialog.cpp" line="153"/>
        <source>Model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="45"/>
        <source>Automatic (GPU when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="46"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="47"/>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="49"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="52"/>
        <source>Automatic (half on the GPU, float32 on the CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="53"/>
        <source>float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="54"/>
        <source>float16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="55"/>
        <source>bfloat16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="57"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="60"/>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="65"/>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="67"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="73"/>
        <source>Guidance scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="79"/>
        <source>Guide rescale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="80"/>
        <source>New random seed each turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="91"/>
        <source>Fixed seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="93"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="101"/>
        <location filename="../ui/SettingsDialog.cpp" line="119"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="109"/>
        <source>Text-to-image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="114"/>
        <source>How many earlier turns each request carries as context (the reference&apos;s chatbot keeps 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="115"/>
        <source>History length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="121"/>
        <source>Width of the blend inside the mask edge when unmasked pixels are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="122"/>
        <source>Mask edge feather</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="160"/>
        <source>The built-in model is used: small and quick, trained on simple synthetic scenes. For real images choose the folder of ACE-0.6B-512px or -1024px.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="166"/>
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
</TS>
