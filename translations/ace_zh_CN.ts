<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/layers/LayerCommands.cpp" line="37"/>
        <source>Move layer</source>
        <translation>移动图层</translation>
    </message>
</context>
<context>
    <name>ace</name>
    <message>
        <location filename="../ui/AppSettings.cpp" line="71"/>
        <source>No model folder is set and this installation has no built-in model. Download ACE-0.6B-512px (or -1024px) and choose its folder in Settings.</source>
        <translation>尚未设置模型文件夹，且此安装不含内置模型。请下载 ACE-0.6B-512px（或 -1024px），并在“设置”中选择其文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="74"/>
        <source>The folder %1 does not exist. Choose the folder you downloaded the model to.</source>
        <translation>文件夹 %1 不存在。请选择模型的下载文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="75"/>
        <source>%1 is a file; choose the model&apos;s folder.</source>
        <translation>%1 是一个文件；请选择模型的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="82"/>
        <source>%1 is not a complete ACE model folder: %2 missing. It needs models/dit, models/vae, models/text_encoder and models/tokenizer, as in the ACE-0.6B release; download it again or choose the folder that holds them.</source>
        <translation>%1 不是完整的 ACE 模型文件夹：缺少 %2。它需要 models/dit、models/vae、models/text_encoder 和 models/tokenizer，与 ACE-0.6B 发布版相同；请重新下载，或选择包含它们的文件夹。</translation>
    </message>
</context>
<context>
    <name>ace::AboutDialog</name>
    <message>
        <location filename="../ui/AboutDialog.cpp" line="15"/>
        <source>About ACE Desktop</source>
        <translation>关于 ACE Desktop</translation>
    </message>
    <message>
        <location filename="../ui/AboutDialog.cpp" line="17"/>
        <source>&lt;h2&gt;ACE Desktop&lt;/h2&gt;&lt;p&gt;Edit images by chatting with ACE, the All-round Creator and Editor diffusion model.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ACE Desktop&lt;/h2&gt;&lt;p&gt;通过与全能创作与编辑扩散模型 ACE 对话来编辑图像。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ace::CanvasDocument</name>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="180"/>
        <source>flattened image</source>
        <translation>合并图像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="181"/>
        <source>layer “%1”</source>
        <translation>图层“%1”</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="187"/>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="188"/>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="210"/>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="229"/>
        <source>Mask</source>
        <translation>蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="223"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="230"/>
        <source>Add mask layer</source>
        <translation>添加蒙版图层</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="264"/>
        <source>Clear mask</source>
        <translation>清除蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="276"/>
        <source>Invert mask</source>
        <translation>反转蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="291"/>
        <source>Erase region</source>
        <translation>擦除区域</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="291"/>
        <source>Fill region</source>
        <translation>填充区域</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="314"/>
        <source>Ellipse mask</source>
        <translation>椭圆蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="314"/>
        <source>Rectangle mask</source>
        <translation>矩形蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="323"/>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="327"/>
        <source>Extend canvas</source>
        <translation>扩展画布</translation>
    </message>
</context>
<context>
    <name>ace::CanvasPanel</name>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="36"/>
        <source>Canvas tools</source>
        <translation>画布工具</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="103"/>
        <source>Size </source>
        <translation>大小 </translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="104"/>
        <source>Brush size in image pixels</source>
        <translation>画笔大小（图像像素）</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="107"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="41"/>
        <source>Tool options</source>
        <translation>工具选项</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="49"/>
        <source>Brush: paint the mask, where the next turn may change the image</source>
        <translation>画笔：绘制蒙版，即下一轮可以修改图像的区域</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="50"/>
        <source>Eraser: erase the mask</source>
        <translation>橡皮擦：擦除蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="51"/>
        <source>Rectangle mask</source>
        <translation>矩形蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="52"/>
        <source>Ellipse mask</source>
        <translation>椭圆蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="53"/>
        <source>Fill the enclosed region of the mask</source>
        <translation>填充蒙版的封闭区域</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="55"/>
        <source>Outpainting: drag from an edge outwards to extend the canvas</source>
        <translation>扩图：从边缘向外拖动以扩展画布</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="65"/>
        <source>Invert the mask</source>
        <translation>反转蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="67"/>
        <source>Clear the mask</source>
        <translation>清除蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="70"/>
        <source>Show the mask</source>
        <translation>显示蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="71"/>
        <source>Show or hide the mask overlay</source>
        <translation>显示或隐藏蒙版叠加层</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="78"/>
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="80"/>
        <source>Actual size (100%)</source>
        <translation>实际大小 (100%)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="110"/>
        <source>Hardness</source>
        <translation>硬度</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="115"/>
        <source>How much of the brush&apos;s radius paints at full strength before it fades</source>
        <translation>画笔半径中以全强度绘制、之后才开始渐隐的比例</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="137"/>
        <source>Extend</source>
        <translation>扩展</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="143"/>
        <source>All sides by 25%</source>
        <translation>四周各扩展 25%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="144"/>
        <source>Left by 50%</source>
        <translation>向左扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="145"/>
        <source>Right by 50%</source>
        <translation>向右扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="146"/>
        <source>Top by 50%</source>
        <translation>向上扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="147"/>
        <source>Bottom by 50%</source>
        <translation>向下扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="148"/>
        <source>To a square</source>
        <translation>扩展为正方形</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="230"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="169"/>
        <source>Outpainting presets: add canvas around the image; the new area becomes the mask</source>
        <translation>外扩预设：在图像周围添加画布；新区域成为蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="84"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="88"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="166"/>
        <source>Extend…</source>
        <translation>扩展…</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="177"/>
        <source>Zoom: wheel, Ctrl++ and Ctrl+-, Ctrl+0 fits, Ctrl+1 is 100%</source>
        <translation>缩放：滚轮、Ctrl++ 和 Ctrl+-；Ctrl+0 适合窗口，Ctrl+1 为 100%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="179"/>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="182"/>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
</context>
<context>
    <name>ace::CanvasView</name>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="27"/>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="193"/>
        <source>Open or drop an image to edit it,
or describe an image in the chat to create one.</source>
        <translation>打开或拖入图像进行编辑，
或在对话中描述一幅图像来创建它。</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="367"/>
        <source>dropped image</source>
        <translation>拖入的图像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="378"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>ace::ChatDelegate</name>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="44"/>
        <source>ACE · #%1</source>
        <translation>ACE · #%1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="46"/>
        <source>You · #%1 · #%2 with a new seed</source>
        <translation>你 · #%1 · 以新种子重做 #%2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="47"/>
        <source>You · #%1 · %2</source>
        <translation>你 · #%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="48"/>
        <source> · left out of the context</source>
        <translation> · 已移出上下文</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="49"/>
        <source> · in the context</source>
        <translation> · 在上下文中</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="55"/>
        <source>Queued: waits for the turn before it</source>
        <translation>排队中：等待前一轮完成</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="58"/>
        <source>Running: step %1 of %2</source>
        <translation>运行中：第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="58"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="61"/>
        <source>seed %1 · %2 steps · %3 s</source>
        <translation>种子 %1 · %2 步 · %3 秒</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="66"/>
        <source>Cancelled: the canvas was left as it was</source>
        <translation>已取消：画布保持不变</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="216"/>
        <source>Use as canvas image</source>
        <translation>用作画布图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="218"/>
        <source>Regenerate with a new seed</source>
        <translation>用新种子重新生成</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="218"/>
        <source>Run again with a new seed</source>
        <translation>用新种子再次运行</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="219"/>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="220"/>
        <source>Save image as…</source>
        <translation>图像另存为…</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="221"/>
        <source>Edit and resend</source>
        <translation>编辑并重新发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="223"/>
        <source>Put back into the context</source>
        <translation>放回上下文</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="223"/>
        <source>Remove from the context</source>
        <translation>从上下文中移除</translation>
    </message>
</context>
<context>
    <name>ace::ChatInput</name>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="53"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="54"/>
        <source>Describe the edit, e.g. “make the sky in {image} a sunset”. Enter sends, Shift+Enter adds a line; drop or paste images to attach them.</source>
        <translation>描述编辑内容，例如“把 {image} 中的天空变成日落”。Enter 发送，Shift+Enter 换行；拖入或粘贴图像即可附加。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="158"/>
        <source>pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
</context>
<context>
    <name>ace::ChatModel</name>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="11"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="12"/>
        <source>Text to image</source>
        <translation>文生图</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="13"/>
        <source>Inpainting</source>
        <translation>局部重绘</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="14"/>
        <source>Outpainting</source>
        <translation>外扩绘制</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="15"/>
        <source>Reference-guided</source>
        <translation>参考引导</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="16"/>
        <source>Try on</source>
        <translation>试穿</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="17"/>
        <source>Layer: decouple subject</source>
        <translation>图层：分离主体</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="18"/>
        <source>Layer: fuse two layers</source>
        <translation>图层：融合两个图层</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="132"/>
        <source>Turn %1 again with a new seed; its input is already in the context as turn %1.</source>
        <translation>以新种子重做第 %1 轮；其输入已作为第 %1 轮在上下文中。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="133"/>
        <source>Left out of the context: later turns do not see this turn (Delete puts it back).</source>
        <translation>已移出上下文：后续轮次看不到这一轮（按 Delete 可放回）。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="134"/>
        <source>In the context of the next turn: its instruction and first image go with it.</source>
        <translation>在下一轮的上下文中：其指令和第一张图像会一并发送。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="137"/>
        <source>Double-click or Enter: use as the canvas image. Right-click for all actions.</source>
        <translation>双击或按 Enter：用作画布图像。右键查看全部操作。</translation>
    </message>
</context>
<context>
    <name>ace::ChatPanel</name>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="69"/>
        <source>Your turns with ACE appear here.

Describe an edit of the canvas image (paint a mask to say where) or a new image, then press Enter.</source>
        <translation>你与 ACE 的对话轮次显示在这里。

描述对画布图像的修改（绘制蒙版指明位置）或一张新图像，然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="81"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="114"/>
        <source>What the turn does; inpainting blanks the masked area before the model sees it, text to image ignores the canvas</source>
        <translation>本轮执行的任务；局部重绘会在模型看到之前清空蒙版区域，文生图会忽略画布</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="120"/>
        <source>Separates the subject of the input layer ({image}) from its background; the result is a new layer</source>
        <translation>将输入图层（{image}）的主体与背景分离；结果为一个新图层</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="123"/>
        <source>Fuses the layer selected in the layer panel ({image1}) into the input layer ({image}); the result is a new layer</source>
        <translation>将图层面板中选中的图层（{image1}）融合到输入图层（{image}）中；结果为一个新图层</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="138"/>
        <source>Keep unmasked pixels</source>
        <translation>保留蒙版外像素</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="141"/>
        <source>Paste the pixels outside the mask back from the input, feathered at the edge, so repeated edits do not drift</source>
        <translation>将蒙版外的像素从输入贴回（边缘羽化），使重复编辑不会漂移</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="144"/>
        <source>Attach…</source>
        <translation>附加…</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="146"/>
        <source>Attach images to the next turn: they become {image1}, {image2}, … after the canvas (dropping or pasting them into the message box works too)</source>
        <translation>为下一轮附加图像：它们在画布之后依次成为 {image1}、{image2}…（也可以拖放或粘贴到消息框中）</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="149"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="152"/>
        <source>Send the instruction (Enter)</source>
        <translation>发送指令 (Enter)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="154"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="157"/>
        <source>Stop the running turn (within one step) and drop the queued ones (Esc)</source>
        <translation>停止正在运行的轮次（一步之内）并丢弃排队的轮次 (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="166"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="199"/>
        <source>Use the result as canvas image</source>
        <translation>将结果用作画布图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="201"/>
        <source>Copy the result image</source>
        <translation>复制结果图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="203"/>
        <source>Remove from or put back into the context</source>
        <translation>移出或放回上下文</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="233"/>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="266"/>
        <source>%1 + mask</source>
        <translation>%1 + 蒙版</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="265"/>
        <source>canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="332"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="341"/>
        <source>Attach images</source>
        <translation>附加图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="333"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="342"/>
        <source>Cannot read %1:
%2.</source>
        <translation>无法读取 %1：
%2。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="200"/>
        <source>Regenerate with a new seed</source>
        <translation>用新种子重新生成</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="202"/>
        <source>Edit and resend</source>
        <translation>编辑并重新发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="433"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="439"/>
        <source>Save image as</source>
        <translation>图像另存为</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="434"/>
        <source>ace-turn-%1.png</source>
        <translation>ace-轮次-%1.png</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="435"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="440"/>
        <source>Cannot write file %1:
%2.</source>
        <translation>无法写入文件 %1：
%2。</translation>
    </message>
</context>
<context>
    <name>ace::ContextBar</name>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="47"/>
        <source>Context of the next turn</source>
        <translation>下一轮的上下文</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="105"/>
        <source>not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="106"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="107"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="114"/>
        <location filename="../ui/chat/ContextBar.cpp" line="260"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="114"/>
        <location filename="../ui/chat/ContextBar.cpp" line="261"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="142"/>
        <location filename="../ui/chat/ContextBar.cpp" line="311"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="220"/>
        <source>Turn #%1: “%2” is still to finish; once it succeeds, its first input image and its instruction go with the next request.</source>
        <translation>第 #%1 轮：“%2”尚未完成；成功后，其第一张输入图像和指令将随下一个请求发送。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="224"/>
        <source>Turn #%1: “%2”. Its first input image and its instruction go with the next request. Click to find it in the conversation.</source>
        <translation>第 #%1 轮：“%2”。其第一张输入图像和指令将随下一个请求发送。点击可在对话中定位。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="230"/>
        <source>%1 in the instruction is %2</source>
        <translation>指令中的 %1 是 %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="231"/>
        <source> (× or Delete removes it)</source>
        <translation>（× 或 Delete 可移除）</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="267"/>
        <source>Not used: a turn without an input image starts fresh.</source>
        <translation>未使用：没有输入图像的轮次会重新开始。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="268"/>
        <source>Not used: ACE takes history only with a single input image.</source>
        <translation>未使用：ACE 只在只有一张输入图像时使用历史记录。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="269"/>
        <source>History is off (Settings).</source>
        <translation>历史记录已关闭（设置）。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="270"/>
        <source>No earlier turns yet; up to %1 will go with each request.</source>
        <translation>尚无更早的轮次；每个请求最多附带 %1 轮。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="277"/>
        <source>None: the turn creates a new image from the text.</source>
        <translation>无：本轮根据文本生成新图像。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="349"/>
        <source>Remove this attachment</source>
        <translation>移除此附件</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="352"/>
        <source>The earlier turns the next request carries, oldest first, as the reference&apos;s chatbot does: each turn&apos;s instruction with its first input image, up to the history length of the settings (%1).</source>
        <translation>下一个请求附带的更早轮次，按从旧到新排列，与参考实现的聊天机器人一致：每轮的指令及其第一张输入图像，最多为设置中的历史长度（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="436"/>
        <source>Show turn #%1</source>
        <translation>显示第 #%1 轮</translation>
    </message>
    <message>
        <location filename="../ui/chat/ContextBar.cpp" line="439"/>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
</context>
<context>
    <name>ace::DocumentActions</name>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="24"/>
        <source>ACE Desktop projects (*.aceproj)</source>
        <translation>ACE Desktop 项目 (*.aceproj)</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="27"/>
        <source>All supported files (*.aceproj *.ora *.psd *.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff);;</source>
        <translation>所有支持的文件 (*.aceproj *.ora *.psd *.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff);;</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="28"/>
        <source>Layered images (*.ora *.psd)</source>
        <translation>分层图像 (*.ora *.psd)</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="53"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="57"/>
        <source>&lt;original&gt;</source>
        <translation>&lt;原始状态&gt;</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="78"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="79"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="82"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="83"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="85"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="86"/>
        <source>Export All &amp;Results…</source>
        <translation>导出全部结果(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="106"/>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="119"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="126"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="134"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="146"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="141"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="156"/>
        <source>untitled.png</source>
        <translation>未命名.png</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="162"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="169"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="166"/>
        <source>Export all results into</source>
        <translation>将全部结果导出到</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="176"/>
        <source>an untitled session</source>
        <translation>未命名的会话</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="179"/>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="180"/>
        <source>ACE Desktop did not close properly. Recover the autosaved work of %1?</source>
        <translation>ACE Desktop 未正常关闭。要恢复 %1 自动保存的工作吗？</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="184"/>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="192"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="192"/>
        <source>Save the changes to this session?</source>
        <translation>保存对此会话的更改吗？</translation>
    </message>
</context>
<context>
    <name>ace::DocumentSession</name>
    <message>
        <location filename="../ui/layers/DocumentSession.cpp" line="151"/>
        <source>The session has no file yet.</source>
        <translation>此会话尚未保存为文件。</translation>
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
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="21"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="22"/>
        <source>JPEG image</source>
        <translation>JPEG 图像</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="23"/>
        <source>WebP image</source>
        <translation>WebP 图像</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="24"/>
        <source>OpenRaster (layers)</source>
        <translation>OpenRaster（分层）</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="25"/>
        <source>Photoshop (layers)</source>
        <translation>Photoshop（分层）</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="28"/>
        <source>The whole image</source>
        <translation>整幅图像</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="29"/>
        <source>The selected layer</source>
        <translation>所选图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="38"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="45"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="47"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../ui/layers/ExportDialog.cpp" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ace::ImageRefHighlighter</name>
    <message>
        <location filename="../ui/chat/ChatInput.cpp" line="42"/>
        <source>No image of this turn has this name</source>
        <translation>本轮没有这个名称的图像</translation>
    </message>
</context>
<context>
    <name>ace::InferenceWorker</name>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="35"/>
        <source>Not enough memory to load the model. Close other programs, or choose half precision or the GPU in Settings.</source>
        <translation>内存不足，无法加载模型。请关闭其他程序，或在设置中选择半精度或 GPU。</translation>
    </message>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="37"/>
        <source>Not enough memory for this turn. Use a smaller image, fewer earlier turns in the context (Settings, history length), or close other programs.</source>
        <translation>内存不足，无法运行本轮。请使用更小的图像、减少上下文中的轮次（设置 → 历史长度），或关闭其他程序。</translation>
    </message>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="42"/>
        <source>The model could not be loaded: %1

Choose a complete ACE model folder in Settings (it holds models/dit, models/vae, models/text_encoder and models/tokenizer, as in the ACE-0.6B-512px release), then load it again.</source>
        <translation>无法加载模型：%1

请在设置中选择完整的 ACE 模型文件夹（包含 models/dit、models/vae、models/text_encoder 和 models/tokenizer，与 ACE-0.6B-512px 发布版相同），然后重新加载。</translation>
    </message>
    <message>
        <location filename="../ui/inference/InferenceWorker.cpp" line="47"/>
        <source>Unexpected error in the engine: %1</source>
        <translation>引擎出现意外错误：%1</translation>
    </message>
</context>
<context>
    <name>ace::LayerModel</name>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="100"/>
        <source>Instruction: %1
Seed: %2</source>
        <translation>指令：%1
种子：%2</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="187"/>
        <source>Rename layer</source>
        <translation>重命名图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="195"/>
        <source>Show layer</source>
        <translation>显示图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="195"/>
        <source>Hide layer</source>
        <translation>隐藏图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="201"/>
        <source>Change opacity</source>
        <translation>更改不透明度</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="206"/>
        <source>Change blend mode</source>
        <translation>更改混合模式</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="211"/>
        <source>Lock layer</source>
        <translation>锁定图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="211"/>
        <source>Unlock layer</source>
        <translation>解锁图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="218"/>
        <source>Show another version</source>
        <translation>显示其他版本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="233"/>
        <source> copy</source>
        <translation> 副本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="234"/>
        <source>Duplicate layer</source>
        <translation>复制图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="240"/>
        <source>Delete layer</source>
        <translation>删除图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="255"/>
        <source>Merge down</source>
        <translation>向下合并</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="263"/>
        <source>Use layer as input</source>
        <translation>使用图层作为输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="263"/>
        <source>Use flattened image as input</source>
        <translation>使用合并图像作为输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="281"/>
        <source>New version of “%1”</source>
        <translation>“%1”的新版本</translation>
    </message>
</context>
<context>
    <name>ace::LayerPanel</name>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="21"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="22"/>
        <source>Multiply</source>
        <translation>正片叠底</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="23"/>
        <source>Screen</source>
        <translation>滤色</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="24"/>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="25"/>
        <source>Darken</source>
        <translation>变暗</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="26"/>
        <source>Lighten</source>
        <translation>变亮</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="27"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="38"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="40"/>
        <source>turn %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="41"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="43"/>
        <source>%1 steps</source>
        <translation>%1 步</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="45"/>
        <source>guidance %1</source>
        <translation>引导 %1</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="50"/>
        <source>mask: %1</source>
        <translation>蒙版：%1</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="59"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="78"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="121"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="83"/>
        <source>Blend mode</source>
        <translation>混合模式</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="87"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="91"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="123"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="99"/>
        <source>Input of the next turn</source>
        <translation>下一轮的输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="101"/>
        <source>Raise</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="101"/>
        <source>Move the layer up</source>
        <translation>将图层上移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="102"/>
        <source>Lower</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="102"/>
        <source>Move the layer down</source>
        <translation>将图层下移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="103"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="103"/>
        <source>Duplicate the layer</source>
        <translation>复制图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="104"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="104"/>
        <source>Delete the layer</source>
        <translation>删除图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="105"/>
        <source>Merge down</source>
        <translation>向下合并</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="105"/>
        <source>Merge the layer into the one below</source>
        <translation>将图层合并到下方图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="107"/>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="107"/>
        <source>Run this layer&apos;s turn again with the same seed</source>
        <translation>用相同的种子重新运行此图层的轮次</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="108"/>
        <source>New seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="108"/>
        <source>Run this layer&apos;s turn again with a new seed</source>
        <translation>用新的种子重新运行此图层的轮次</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="122"/>
        <source>Blend</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="125"/>
        <source>Next turn uses</source>
        <translation>下一轮使用</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="249"/>
        <source>%1 of %2 (seed %3)</source>
        <translation>第 %1 个，共 %2 个（种子 %3）</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="250"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="267"/>
        <source>Flattened image</source>
        <translation>合并图像</translation>
    </message>
</context>
<context>
    <name>ace::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <source>ACE Desktop</source>
        <translation>ACE Desktop</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="110"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="116"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="156"/>
        <source>&amp;About ACE Desktop</source>
        <translation>关于 ACE Desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="158"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="176"/>
        <source>To fuse two layers, choose the layer to fuse into as the next turn&apos;s input and select the other one in the layer panel.</source>
        <translation>要融合两个图层，请将要融合进去的图层选为下一轮的输入，并在图层面板中选中另一个图层。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="263"/>
        <source>Turn %1: starting…</source>
        <translation>第 %1 轮：正在开始…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="265"/>
        <source>Turn %1: step %2 of %3 (Esc cancels)</source>
        <translation>第 %1 轮：第 %2 步，共 %3 步（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271"/>
        <source>Turn %1 failed: %2</source>
        <translation>第 %1 轮失败：%2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="277"/>
        <source>Loading the model: %1</source>
        <translation>正在加载模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="284"/>
        <source>Built-in model (%1×%2) on %3</source>
        <translation>内置模型（%1×%2），运行于 %3</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289"/>
        <source>The small model that ships with ACE Desktop, trained on simple synthetic scenes so the app works without a download. For real images, download ACE-0.6B-512px or -1024px and choose its folder in Settings.</source>
        <translation>随 ACE Desktop 附带的小模型，在简单的合成场景上训练，无需下载即可使用本应用。处理真实图像请下载 ACE-0.6B-512px 或 -1024px，并在“设置”中选择其文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="293"/>
        <source>%1 on %2 (%3)</source>
        <translation>%1，运行于 %2（%3）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="330"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="345"/>
        <location filename="../ui/MainWindow.cpp" line="353"/>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="347"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="354"/>
        <source>Cannot read file %1:
%2.</source>
        <translation>无法读取文件 %1：
%2。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="362"/>
        <location filename="../ui/MainWindow.cpp" line="368"/>
        <source>Save Canvas As</source>
        <translation>画布另存为</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="364"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="369"/>
        <source>Cannot write file %1:
%2.</source>
        <translation>无法写入文件 %1：
%2。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="139"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="68"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Load again</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="90"/>
        <location filename="../ui/MainWindow.cpp" line="301"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="140"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="143"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>&amp;Open Image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Save Canvas As…</source>
        <translation>画布另存为(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ace::SessionController</name>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="284"/>
        <source>The inputs of layer “%1” are not in this project; send its instruction again to make a new result.</source>
        <translation>图层“%1”的输入不在此项目中；请重新发送其指令以生成新结果。</translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="447"/>
        <source>Use the result of turn %1</source>
        <translation>使用第 %1 轮的结果</translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="480"/>
        <source>Turn %1: %2</source>
        <translation>第 %1 轮：%2</translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="542"/>
        <source>Result of turn %1</source>
        <translation>第 %1 轮的结果</translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionConversation.cpp" line="243"/>
        <source>The conversation in this project could not be read (%1); the chat starts empty.</source>
        <translation>无法读取此项目中的对话（%1）；聊天将从空白开始。</translation>
    </message>
</context>
<context>
    <name>ace::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="22"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="24"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="29"/>
        <source>Folder of ACE-0.6B-512px or ACE-0.6B-1024px</source>
        <translation>ACE-0.6B-512px 或 ACE-0.6B-1024px 的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="30"/>
        <source>Empty: the built-in model; or the folder of ACE-0.6B-512px/1024px</source>
        <translation>留空：使用内置模型；或填写 ACE-0.6B-512px/1024px 的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="31"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="36"/>
        <location filename="../ui/SettingsDialog.cpp" line="153"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="45"/>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="46"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="47"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="49"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="52"/>
        <source>Automatic (half on the GPU, float32 on the CPU)</source>
        <translation>自动（GPU 上半精度，CPU 上 float32）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="53"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="54"/>
        <source>float16</source>
        <translation>float16</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="55"/>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="57"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="60"/>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="65"/>
        <source>Model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="67"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="73"/>
        <source>Guidance scale</source>
        <translation>引导强度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="79"/>
        <source>Guide rescale</source>
        <translation>引导重缩放</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="80"/>
        <source>New random seed each turn</source>
        <translation>每轮使用新的随机种子</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="91"/>
        <source>Fixed seed</source>
        <translation>固定种子</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="93"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="101"/>
        <location filename="../ui/SettingsDialog.cpp" line="119"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="109"/>
        <source>Text-to-image size</source>
        <translation>文生图尺寸</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="114"/>
        <source>How many earlier turns each request carries as context (the reference&apos;s chatbot keeps 5)</source>
        <translation>每次请求携带多少个之前的轮次作为上下文（参考实现的聊天机器人保留 5 个）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="115"/>
        <source>History length</source>
        <translation>历史长度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="121"/>
        <source>Width of the blend inside the mask edge when unmasked pixels are kept</source>
        <translation>保留蒙版外像素时蒙版边缘内的过渡宽度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="122"/>
        <source>Mask edge feather</source>
        <translation>蒙版边缘羽化</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="160"/>
        <source>The built-in model is used: small and quick, trained on simple synthetic scenes. For real images choose the folder of ACE-0.6B-512px or -1024px.</source>
        <translation>正在使用内置模型：小巧快速，在简单的合成场景上训练。处理真实图像请选择 ACE-0.6B-512px 或 -1024px 的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="166"/>
        <source>Looks like an ACE model folder.</source>
        <translation>看起来是 ACE 模型文件夹。</translation>
    </message>
</context>
<context>
    <name>ace::ShortcutsDialog</name>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="29"/>
        <location filename="../ui/ShortcutsDialog.cpp" line="42"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="58"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="61"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="66"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="66"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="66"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
</TS>
