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
        <location filename="../ui/AppSettings.cpp" line="58"/>
        <source>No model folder is set. Download ACE-0.6B-512px (or -1024px) and choose its folder.</source>
        <translation>尚未设置模型文件夹。请下载 ACE-0.6B-512px（或 -1024px）并选择其文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="60"/>
        <source>The folder %1 does not exist. Choose the folder you downloaded the model to.</source>
        <translation>文件夹 %1 不存在。请选择模型的下载文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="61"/>
        <source>%1 is a file; choose the model&apos;s folder.</source>
        <translation>%1 是一个文件；请选择模型的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="68"/>
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
        <location filename="../ui/canvas/CanvasDocument.cpp" line="50"/>
        <source>Clear mask</source>
        <translation>清除蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="60"/>
        <source>Invert mask</source>
        <translation>反转蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="71"/>
        <source>Erase region</source>
        <translation>擦除区域</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="71"/>
        <source>Fill region</source>
        <translation>填充区域</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="91"/>
        <source>Ellipse mask</source>
        <translation>椭圆蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="91"/>
        <source>Rectangle mask</source>
        <translation>矩形蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasDocument.cpp" line="100"/>
        <source>Extend canvas</source>
        <translation>扩展画布</translation>
    </message>
</context>
<context>
    <name>ace::CanvasPanel</name>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="30"/>
        <source>Canvas tools</source>
        <translation>画布工具</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="37"/>
        <source>Paint the mask: where the next turn may change the image (B)</source>
        <translation>绘制蒙版：下一轮可以修改图像的区域 (B)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="39"/>
        <source>Erase the mask (E)</source>
        <translation>擦除蒙版 (E)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="41"/>
        <source>Rectangle mask (R)</source>
        <translation>矩形蒙版 (R)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="42"/>
        <source>Ellipse mask (O)</source>
        <translation>椭圆蒙版 (O)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="44"/>
        <source>Fill the enclosed region of the mask (F)</source>
        <translation>填充蒙版的封闭区域 (F)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="46"/>
        <source>Outpainting: drag from an edge outwards to extend the canvas (X)</source>
        <translation>外扩绘制：从边缘向外拖动以扩展画布 (X)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="50"/>
        <source>Size </source>
        <translation>大小 </translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="51"/>
        <source>Brush size in image pixels</source>
        <translation>画笔大小（图像像素）</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="54"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="57"/>
        <source> Hardness </source>
        <translation> 硬度 </translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="74"/>
        <source>Invert</source>
        <translation>反转</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="77"/>
        <source>Invert the mask (Ctrl+I)</source>
        <translation>反转蒙版 (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="78"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="81"/>
        <source>Clear the mask (Ctrl+Shift+A)</source>
        <translation>清除蒙版 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="82"/>
        <source>Show mask</source>
        <translation>显示蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="89"/>
        <source>Extend</source>
        <translation>扩展</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="95"/>
        <source>All sides by 25%</source>
        <translation>四周各扩展 25%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="96"/>
        <source>Left by 50%</source>
        <translation>向左扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="97"/>
        <source>Right by 50%</source>
        <translation>向右扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="98"/>
        <source>Top by 50%</source>
        <translation>向上扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="99"/>
        <source>Bottom by 50%</source>
        <translation>向下扩展 50%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="100"/>
        <source>To a square</source>
        <translation>扩展为正方形</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="118"/>
        <source>Extend by…</source>
        <translation>自定义扩展…</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="119"/>
        <source>Outpainting presets: add canvas around the image; the new area becomes the mask</source>
        <translation>外扩预设：在图像周围添加画布；新区域成为蒙版</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="125"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="128"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="131"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="134"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="139"/>
        <location filename="../ui/canvas/CanvasPanel.cpp" line="142"/>
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
        <location filename="../ui/canvas/CanvasView.cpp" line="159"/>
        <source>Open or drop an image to edit it,
or describe an image in the chat to create one.</source>
        <translation>打开或拖入图像进行编辑，
或在对话中描述一幅图像来创建它。</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="325"/>
        <source>dropped image</source>
        <translation>拖入的图像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/CanvasView.cpp" line="336"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>ace::ChatDelegate</name>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="27"/>
        <source>Queued: waits for the turn before it</source>
        <translation>排队中：等待前一轮完成</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="30"/>
        <source>Running: step %1 of %2</source>
        <translation>运行中：第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="30"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="33"/>
        <source>seed %1 · %2 steps · %3 s</source>
        <translation>种子 %1 · %2 步 · %3 秒</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="38"/>
        <source>Cancelled: the canvas was left as it was</source>
        <translation>已取消：画布保持不变</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="54"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="150"/>
        <source>You · %1</source>
        <translation>你 · %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="151"/>
        <source> · not in context</source>
        <translation> · 不在上下文中</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="152"/>
        <source> · in context</source>
        <translation> · 在上下文中</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatDelegate.cpp" line="154"/>
        <source>ACE</source>
        <translation>ACE</translation>
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
        <location filename="../ui/chat/ChatModel.cpp" line="9"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="10"/>
        <source>Text to image</source>
        <translation>文生图</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="11"/>
        <source>Inpainting</source>
        <translation>局部重绘</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="12"/>
        <source>Outpainting</source>
        <translation>外扩绘制</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="13"/>
        <source>Reference-guided</source>
        <translation>参考引导</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="14"/>
        <source>Try on</source>
        <translation>试穿</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="99"/>
        <source>Removed from the context: later turns do not see it.</source>
        <translation>已从上下文中移除：后续轮次看不到它。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatModel.cpp" line="100"/>
        <source>In the context of the next turn.</source>
        <translation>在下一轮的上下文中。</translation>
    </message>
</context>
<context>
    <name>ace::ChatPanel</name>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="67"/>
        <source>The images of the next turn and their names in the instruction. Delete removes an attachment.</source>
        <translation>下一轮的图像及其在指令中的名称。按 Delete 移除附件。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="70"/>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="82"/>
        <source>What the turn does; inpainting blanks the masked area before the model sees it, text to image ignores the canvas</source>
        <translation>本轮执行的任务；局部重绘会在模型看到之前清空蒙版区域，文生图会忽略画布</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="89"/>
        <source>Keep unmasked pixels</source>
        <translation>保留蒙版外像素</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="92"/>
        <source>Paste the pixels outside the mask back from the input, feathered at the edge, so repeated edits do not drift</source>
        <translation>将蒙版外的像素从输入贴回（边缘羽化），使重复编辑不会漂移</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="95"/>
        <source>Attach…</source>
        <translation>附加…</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="98"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="102"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="105"/>
        <source>Stop the running turn (within one step) and drop the queued ones (Esc)</source>
        <translation>停止正在运行的轮次（一步之内）并丢弃排队的轮次 (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="114"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="143"/>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="185"/>
        <source>%1 in the instruction is %2</source>
        <translation>指令中的 %1 是 %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="187"/>
        <source>canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="187"/>
        <source>canvas + mask</source>
        <translation>画布 + 蒙版</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/chat/ChatPanel.cpp" line="197"/>
        <source>Context: the next turn starts fresh (keeps up to %n earlier turn(s)).</source>
        <translation>
            <numerusform>上下文：下一轮重新开始（最多保留 %n 个之前的轮次）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/chat/ChatPanel.cpp" line="203"/>
        <source>Context: the next turn carries %n earlier turn(s) (%1; green bar), of at most %2.</source>
        <translation>
            <numerusform>上下文：下一轮带有 %n 个之前的轮次（%1；绿色条），最多 %2 个。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="228"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="237"/>
        <source>Attach images</source>
        <translation>附加图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="229"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="238"/>
        <source>Cannot read %1:
%2.</source>
        <translation>无法读取 %1：
%2。</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="254"/>
        <source>Use as canvas image</source>
        <translation>用作画布图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="257"/>
        <source>Regenerate with a new seed</source>
        <translation>用新种子重新生成</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="261"/>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="266"/>
        <source>Save image as…</source>
        <translation>图像另存为…</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="270"/>
        <source>Edit and resend</source>
        <translation>编辑并重新发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="272"/>
        <source>Put back into the context</source>
        <translation>放回上下文</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="272"/>
        <source>Remove from the context</source>
        <translation>从上下文中移除</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="298"/>
        <location filename="../ui/chat/ChatPanel.cpp" line="304"/>
        <source>Save image as</source>
        <translation>图像另存为</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="299"/>
        <source>ace-turn-%1.png</source>
        <translation>ace-轮次-%1.png</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="300"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</translation>
    </message>
    <message>
        <location filename="../ui/chat/ChatPanel.cpp" line="305"/>
        <source>Cannot write file %1:
%2.</source>
        <translation>无法写入文件 %1：
%2。</translation>
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
        <location filename="../ui/layers/DocumentSession.cpp" line="107"/>
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
        <location filename="../ui/layers/LayerModel.cpp" line="93"/>
        <source>Instruction: %1
Seed: %2</source>
        <translation>指令：%1
种子：%2</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="180"/>
        <source>Rename layer</source>
        <translation>重命名图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="188"/>
        <source>Show layer</source>
        <translation>显示图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="188"/>
        <source>Hide layer</source>
        <translation>隐藏图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="194"/>
        <source>Change opacity</source>
        <translation>更改不透明度</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="199"/>
        <source>Change blend mode</source>
        <translation>更改混合模式</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="204"/>
        <source>Lock layer</source>
        <translation>锁定图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="204"/>
        <source>Unlock layer</source>
        <translation>解锁图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="211"/>
        <source>Show another version</source>
        <translation>显示其他版本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="226"/>
        <source> copy</source>
        <translation> 副本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="227"/>
        <source>Duplicate layer</source>
        <translation>复制图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="233"/>
        <source>Delete layer</source>
        <translation>删除图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="248"/>
        <source>Merge down</source>
        <translation>向下合并</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="256"/>
        <source>Use layer as input</source>
        <translation>使用图层作为输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="256"/>
        <source>Use flattened image as input</source>
        <translation>使用合并图像作为输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="273"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
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
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="52"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="90"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="57"/>
        <source>Blend mode</source>
        <translation>混合模式</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="61"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="65"/>
        <location filename="../ui/layers/LayerPanel.cpp" line="92"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="68"/>
        <source>Input of the next turn</source>
        <translation>下一轮的输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="70"/>
        <source>Raise</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="70"/>
        <source>Move the layer up</source>
        <translation>将图层上移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="71"/>
        <source>Lower</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="71"/>
        <source>Move the layer down</source>
        <translation>将图层下移</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="72"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="72"/>
        <source>Duplicate the layer</source>
        <translation>复制图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="73"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="73"/>
        <source>Delete the layer</source>
        <translation>删除图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="74"/>
        <source>Merge down</source>
        <translation>向下合并</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="74"/>
        <source>Merge the layer into the one below</source>
        <translation>将图层合并到下方图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="76"/>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="76"/>
        <source>Run this layer&apos;s turn again with the same seed</source>
        <translation>用相同的种子重新运行此图层的轮次</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="77"/>
        <source>New seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="77"/>
        <source>Run this layer&apos;s turn again with a new seed</source>
        <translation>用新的种子重新运行此图层的轮次</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="91"/>
        <source>Blend</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="94"/>
        <source>Next turn uses</source>
        <translation>下一轮使用</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="214"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerPanel.cpp" line="227"/>
        <source>Flattened image</source>
        <translation>合并图像</translation>
    </message>
</context>
<context>
    <name>ace::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="39"/>
        <source>ACE Desktop</source>
        <translation>ACE Desktop</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="108"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="141"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="147"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="148"/>
        <source>&amp;About ACE Desktop</source>
        <translation>关于 ACE Desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="150"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="181"/>
        <source>Turn %1: starting…</source>
        <translation>第 %1 轮：正在开始…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>Turn %1: step %2 of %3 (Esc cancels)</source>
        <translation>第 %1 轮：第 %2 步，共 %3 步（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189"/>
        <source>Turn %1 failed: %2</source>
        <translation>第 %1 轮失败：%2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="195"/>
        <source>Loading the model: %1</source>
        <translation>正在加载模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="200"/>
        <source>%1 on %2 (%3)</source>
        <translation>%1，运行于 %2（%3）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="249"/>
        <location filename="../ui/MainWindow.cpp" line="257"/>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="251"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="258"/>
        <source>Cannot read file %1:
%2.</source>
        <translation>无法读取文件 %1：
%2。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="261"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>Save Canvas As</source>
        <translation>画布另存为</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="268"/>
        <source>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</source>
        <translation>PNG (*.png);;JPEG (*.jpg *.jpeg);;WebP (*.webp)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="273"/>
        <source>Cannot write file %1:
%2.</source>
        <translation>无法写入文件 %1：
%2。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="67"/>
        <source>Load again</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <location filename="../ui/MainWindow.cpp" line="206"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="132"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="116"/>
        <source>&amp;Open Image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>&amp;Save Canvas As…</source>
        <translation>画布另存为(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ace::SessionController</name>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="199"/>
        <source>Use the result of turn %1</source>
        <translation>使用第 %1 轮的结果</translation>
    </message>
    <message>
        <location filename="../ui/inference/SessionController.cpp" line="233"/>
        <source>Result of turn %1</source>
        <translation>第 %1 轮的结果</translation>
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
        <location filename="../ui/SettingsDialog.cpp" line="28"/>
        <source>Folder of ACE-0.6B-512px or ACE-0.6B-1024px</source>
        <translation>ACE-0.6B-512px 或 ACE-0.6B-1024px 的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="29"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="34"/>
        <location filename="../ui/SettingsDialog.cpp" line="151"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="43"/>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="44"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="45"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="47"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="50"/>
        <source>Automatic (half on the GPU, float32 on the CPU)</source>
        <translation>自动（GPU 上半精度，CPU 上 float32）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="51"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="52"/>
        <source>float16</source>
        <translation>float16</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="53"/>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="55"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="58"/>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="63"/>
        <source>Model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="65"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="71"/>
        <source>Guidance scale</source>
        <translation>引导强度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="77"/>
        <source>Guide rescale</source>
        <translation>引导重缩放</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="78"/>
        <source>New random seed each turn</source>
        <translation>每轮使用新的随机种子</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="89"/>
        <source>Fixed seed</source>
        <translation>固定种子</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="91"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="99"/>
        <location filename="../ui/SettingsDialog.cpp" line="117"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="107"/>
        <source>Text-to-image size</source>
        <translation>文生图尺寸</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="112"/>
        <source>How many earlier turns each request carries as context (the reference&apos;s chatbot keeps 5)</source>
        <translation>每次请求携带多少个之前的轮次作为上下文（参考实现的聊天机器人保留 5 个）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="113"/>
        <source>History length</source>
        <translation>历史长度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="119"/>
        <source>Width of the blend inside the mask edge when unmasked pixels are kept</source>
        <translation>保留蒙版外像素时蒙版边缘内的过渡宽度</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="120"/>
        <source>Mask edge feather</source>
        <translation>蒙版边缘羽化</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="157"/>
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
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="19"/>
        <source>Edit images by chatting with ACE.</source>
        <translation>通过与 ACE 对话来编辑图像。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="22"/>
        <source>Show the versions of ACE Desktop, LibTorch, CUDA and Qt.</source>
        <translation>显示 ACE Desktop、LibTorch、CUDA 和 Qt 的版本。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="24"/>
        <source>A project, layered file (.ora, .psd) or image to open.</source>
        <translation>要打开的项目、分层文件（.ora、.psd）或图像。</translation>
    </message>
</context>
</TS>
