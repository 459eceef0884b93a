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
        <location filename="../ui/layers/DocumentActions.cpp" line="71"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="72"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="75"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="76"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="78"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="79"/>
        <source>Export All &amp;Results…</source>
        <translation>导出全部结果(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="99"/>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="112"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="119"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="127"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="139"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="134"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="149"/>
        <source>untitled.png</source>
        <translation>未命名.png</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="155"/>
        <location filename="../ui/layers/DocumentActions.cpp" line="162"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="159"/>
        <source>Export all results into</source>
        <translation>将全部结果导出到</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="169"/>
        <source>an untitled session</source>
        <translation>未命名的会话</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="172"/>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="173"/>
        <source>ACE Desktop did not close properly. Recover the autosaved work of %1?</source>
        <translation>ACE Desktop 未正常关闭。要恢复 %1 自动保存的工作吗？</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="177"/>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="185"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../ui/layers/DocumentActions.cpp" line="185"/>
        <source>Save the changes to this session?</source>
        <translation>保存对此会话的更改吗？</translation>
    </message>
</context>
<context>
    <name>ace::DocumentSession</name>
    <message>
        <location filename="../ui/layers/DocumentSession.cpp" line="102"/>
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
    <name>ace::LayerModel</name>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="93"/>
        <source>Instruction: %1
Seed: %2</source>
        <translation>指令：%1
种子：%2</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="190"/>
        <source>Rename layer</source>
        <translation>重命名图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="198"/>
        <source>Show layer</source>
        <translation>显示图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="198"/>
        <source>Hide layer</source>
        <translation>隐藏图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="204"/>
        <source>Change opacity</source>
        <translation>更改不透明度</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="209"/>
        <source>Change blend mode</source>
        <translation>更改混合模式</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="214"/>
        <source>Lock layer</source>
        <translation>锁定图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="214"/>
        <source>Unlock layer</source>
        <translation>解锁图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="221"/>
        <source>Show another version</source>
        <translation>显示其他版本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="236"/>
        <source> copy</source>
        <translation> 副本</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="237"/>
        <source>Duplicate layer</source>
        <translation>复制图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="243"/>
        <source>Delete layer</source>
        <translation>删除图层</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="258"/>
        <source>Merge down</source>
        <translation>向下合并</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="266"/>
        <source>Use layer as input</source>
        <translation>使用图层作为输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="266"/>
        <source>Use flattened image as input</source>
        <translation>使用合并图像作为输入</translation>
    </message>
    <message>
        <location filename="../ui/layers/LayerModel.cpp" line="283"/>
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
        <location filename="../ui/MainWindow.cpp" line="17"/>
        <source>ACE Desktop</source>
        <translation>ACE Desktop</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22"/>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="32"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="37"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="44"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="49"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="54"/>
        <source>&amp;About ACE Desktop</source>
        <translation>关于 ACE Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open Image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save Canvas As…</source>
        <translation>画布另存为(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="15"/>
        <source>Edit images by chatting with ACE.</source>
        <translation>通过与 ACE 对话来编辑图像。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="18"/>
        <source>Show the versions of ACE Desktop, LibTorch, CUDA and Qt.</source>
        <translation>显示 ACE Desktop、LibTorch、CUDA 和 Qt 的版本。</translation>
    </message>
</context>
</TS>
