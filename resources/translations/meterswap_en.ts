<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>换表通：智能电能表换装现场作业</source>
        <translation>MeterSwap: smart-meter replacement in the field</translation>
    </message>
    <message>
        <source>数据目录（默认系统应用数据目录）</source>
        <translation>Data directory (default: the system app data directory)</translation>
    </message>
    <message>
        <source>首次运行时装入演示任务和用户</source>
        <translation>Load the demo task and users on first run</translation>
    </message>
    <message>
        <source>界面语言：zh_CN 或 en</source>
        <translation>Interface language: zh_CN or en</translation>
    </message>
    <message>
        <source>卡片目录文件夹（默认内置）</source>
        <translation>Card catalog folder (default: built in)</translation>
    </message>
    <message>
        <source>直接以此用户登录（需配合 --pin）</source>
        <translation>Sign in as this user directly (needs --pin)</translation>
    </message>
    <message>
        <source>PIN 码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>显示工单列表后打印启动耗时并退出（基准测试用）</source>
        <translation>Print the start-up time once the job list is shown, then exit (benchmarks)</translation>
    </message>
    <message>
        <source>换表通无法启动</source>
        <translation>MeterSwap cannot start</translation>
    </message>
</context>
<context>
    <name>ms</name>
    <message>
        <source>没有图像可识别。请重新拍摄或导入铭牌照片。</source>
        <translation>There is no image to read. Take or import a photo of the nameplate again.</translation>
    </message>
    <message>
        <source>图像中没有找到可识别的条码。请让条码充满取景框中部、保持稳定、避免反光，或导入一张更清晰的铭牌照片。</source>
        <translation>No readable barcode in the image. Fill the middle of the frame with the barcode, hold steady, avoid glare, or import a sharper nameplate photo.</translation>
    </message>
    <message>
        <source>资产编号 %1 太短，取不出 %2 位通信地址。请重新扫描铭牌上的资产编号条码。</source>
        <translation>Asset number %1 is too short to contain a %2-digit communication address. Scan the asset-number barcode on the nameplate again.</translation>
    </message>
    <message>
        <source>条码资产编号 %1 与读到的通信地址 %2 不对应（规则：%3）。请确认探头对准的是这块表、扫描的是这块表的铭牌。</source>
        <translation>Barcode asset number %1 does not match the communication address read, %2 (rule: %3). Make sure the probe and the scanned nameplate belong to this meter.</translation>
    </message>
</context>
<context>
    <name>ms::CameraCaptureSource</name>
    <message>
        <source>相机</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>本机没有可用的相机：请用“导入照片”选择已拍好的照片。</source>
        <translation>This device has no usable camera: use "Import photo" to pick a photo you already took.</translation>
    </message>
    <message>
        <source>拍照失败（%1）：请重试，或改用导入照片。</source>
        <translation>Taking the photo failed (%1): try again, or import a photo instead.</translation>
    </message>
    <message>
        <source>相机还没准备好：请稍等一秒再拍，或改用导入照片。</source>
        <translation>The camera is not ready yet: wait a second and try again, or import a photo.</translation>
    </message>
    <message>
        <source>相机拒绝拍照：请改用导入照片。</source>
        <translation>The camera refused to take a photo: import a photo instead.</translation>
    </message>
</context>
<context>
    <name>ms::CardWalkerPage</name>
    <message>
        <source>‹ 上一张卡</source>
        <translation>‹ Previous card</translation>
    </message>
    <message>
        <source>卡片 %1 不在卡片目录中：请更新卡片目录。</source>
        <translation>Card %1 is not in the catalog: update the card catalog.</translation>
    </message>
    <message>
        <source>%1 · 步骤 %2/%3 · 证据 %4/%5</source>
        <translation>%1 · steps %2/%3 · evidence %4/%5</translation>
    </message>
    <message>
        <source>完成本户换表 ✓</source>
        <translation>Finish this household ✓</translation>
    </message>
    <message>
        <source>下一张卡 ›</source>
        <translation>Next card ›</translation>
    </message>
    <message>
        <source>完成本卡 ›</source>
        <translation>Complete card ›</translation>
    </message>
    <message>
        <source>&lt;b&gt;工作装备：&lt;/b&gt;%1</source>
        <translation>&lt;b&gt;Equipment:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;所需材料：&lt;/b&gt;%1</source>
        <translation>&lt;b&gt;Materials:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;单据资料：&lt;/b&gt;%1</source>
        <translation>&lt;b&gt;Documents:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>操作步骤（做完一步点一下）</source>
        <translation>Steps (tap each one when done)</translation>
    </message>
    <message>
        <source>【安全】</source>
        <translation>[SAFETY] </translation>
    </message>
    <message>
        <source>检查要点</source>
        <translation>Check points</translation>
    </message>
    <message>
        <source>注意事项</source>
        <translation>Precautions</translation>
    </message>
    <message>
        <source>需要留存的证据</source>
        <translation>Evidence to capture</translation>
    </message>
    <message>
        <source>下一步怎么走？</source>
        <translation>Where next?</translation>
    </message>
    <message>
        <source>原因（可不填），例如：敲门三次无人应答</source>
        <translation>Reason (optional), e.g. knocked three times, no answer</translation>
    </message>
    <message>
        <source>请选择下一步怎么走</source>
        <translation>Choose where to go next</translation>
    </message>
    <message>
        <source>还不能完成这张卡，还缺：
</source>
        <translation>This card cannot be completed yet. Still missing:
</translation>
    </message>
</context>
<context>
    <name>ms::EvidenceSlot</name>
    <message>
        <source>✓ 已完成</source>
        <translation>✓ Done</translation>
    </message>
    <message>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>已签名（%1）</source>
        <translation>Signed (%1)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>再拍一张</source>
        <translation>Another photo</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>再录一段</source>
        <translation>Another video</translation>
    </message>
    <message>
        <source>录像</source>
        <translation>Record video</translation>
    </message>
    <message>
        <source>重新签名</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>读表</source>
        <translation>Read meter</translation>
    </message>
    <message>
        <source>手动输入</source>
        <translation>Type in</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>输入</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>ms::FileCaptureSource</name>
    <message>
        <source>从文件导入</source>
        <translation>Import from file</translation>
    </message>
    <message>
        <source>没有选择文件：请选择一张照片或一段视频。</source>
        <translation>No file chosen: pick a photo or a video.</translation>
    </message>
    <message>
        <source>找不到文件 %1：请检查存储卡或重新选择。</source>
        <translation>File %1 not found: check the storage card or choose again.</translation>
    </message>
    <message>
        <source>文件 %1 是空的：请重新拍摄或选择其他文件。</source>
        <translation>File %1 is empty: take it again or choose another file.</translation>
    </message>
    <message>
        <source>文件 %1 太大（%2 MB）：请选择小于 %3 MB 的文件。</source>
        <translation>File %1 is too large (%2 MB): choose a file under %3 MB.</translation>
    </message>
    <message>
        <source>无法读取文件 %1（%2）：请检查权限后重试。</source>
        <translation>Cannot read file %1 (%2): check permissions and try again.</translation>
    </message>
    <message>
        <source>文件 %1 不是照片或视频（类型 %2）：请选择 JPEG/PNG 照片或视频文件。</source>
        <translation>File %1 is not a photo or video (type %2): choose a JPEG/PNG photo or a video file.</translation>
    </message>
</context>
<context>
    <name>ms::JobDelegate</name>
    <message>
        <source>卡片 %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <source>旧表 %1</source>
        <translation>Old meter %1</translation>
    </message>
</context>
<context>
    <name>ms::JobListPage</name>
    <message>
        <source>搜索：户号 / 户名 / 地址 / 表号</source>
        <translation>Search: account no. / name / address / meter no.</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>待约时</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>工单列表</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>换表工单（%1 个任务）</source>
        <translation>Jobs (%1 tasks)</translation>
    </message>
    <message>
        <source>共 %1 户</source>
        <translation>%1 households</translation>
    </message>
</context>
<context>
    <name>ms::JobPage</name>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>旧表（拆回）</source>
        <translation>Old meter (removed)</translation>
    </message>
    <message>
        <source>新表（装出）</source>
        <translation>New meter (installed)</translation>
    </message>
    <message>
        <source>封印</source>
        <translation>Seals</translation>
    </message>
    <message>
        <source>&lt;b style='font-size:26px'&gt;%1&lt;/b&gt;　户号 &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3&lt;br&gt;电话 %4　表箱 %5　%6</source>
        <translation>&lt;b style='font-size:26px'&gt;%1&lt;/b&gt;　Account &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3&lt;br&gt;Phone %4　Box %5　%6</translation>
    </message>
    <message>
        <source>预付费</source>
        <translation>Prepaid</translation>
    </message>
    <message>
        <source>后付费</source>
        <translation>Postpaid</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style='color:#b31212'&gt;机电不符客户&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style='color:#b31212'&gt;Register mismatch customer&lt;/b&gt;</translation>
    </message>
    <message>
        <source>资产编号 &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;通信地址 %2&lt;br&gt;型号 %3&lt;br&gt;%4 &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>Asset no. &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Comm. address %2&lt;br&gt;Model %3&lt;br&gt;%4 &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>止码</source>
        <translation>Final reading</translation>
    </message>
    <message>
        <source>起码</source>
        <translation>Start reading</translation>
    </message>
    <message>
        <source>未录入</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>尚未加封</source>
        <translation>No seals yet</translation>
    </message>
    <message>
        <source>（约 %1）</source>
        <translation> (appointment %1)</translation>
    </message>
    <message>
        <source>　→ %1　%2</source>
        <translation>　→ %1　%2</translation>
    </message>
    <message>
        <source>开始：%1 %2</source>
        <translation>Start: %1 %2</translation>
    </message>
    <message>
        <source>继续：%1 %2</source>
        <translation>Continue: %1 %2</translation>
    </message>
    <message>
        <source>本户换表已完成</source>
        <translation>This household is done</translation>
    </message>
</context>
<context>
    <name>ms::JobSession</name>
    <message>
        <source>卡片 %1 没有证据项 %2：请更新卡片目录。</source>
        <translation>Card %1 has no evidence item %2: update the card catalog.</translation>
    </message>
    <message>
        <source>请选择下一步怎么走</source>
        <translation>Choose where to go next</translation>
    </message>
    <message>
        <source>卡片 %1 还不能完成，还缺：
%2</source>
        <translation>Card %1 cannot be completed yet. Still missing:
%2</translation>
    </message>
    <message>
        <source>户名：%1    户号：%2</source>
        <translation>Name: %1    Account: %2</translation>
    </message>
    <message>
        <source>地址：%1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <source>旧表资产编号：%1    止码：%2 kWh</source>
        <translation>Old meter: %1    final reading: %2 kWh</translation>
    </message>
    <message>
        <source>新表资产编号：%1    起码：%2 kWh</source>
        <translation>New meter: %1    start reading: %2 kWh</translation>
    </message>
</context>
<context>
    <name>ms::MainWindow</name>
    <message>
        <source>我的工作</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>同步到办公室</source>
        <translation>Sync to office</translation>
    </message>
    <message>
        <source>换表通</source>
        <translation>MeterSwap</translation>
    </message>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>换表通 · 登录</source>
        <translation>MeterSwap · Sign in</translation>
    </message>
    <message>
        <source>施工人员：%1</source>
        <translation>Installer: %1</translation>
    </message>
    <message>
        <source>当前用户：%1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <source>工单列表</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>%1 · 户号 %2</source>
        <translation>%1 · account %2</translation>
    </message>
    <message>
        <source>本户换表已完成，记录已保存，联网后会自动上传。</source>
        <translation>This household is done. Everything is saved and will be uploaded when there is a network.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>没有找到这种语言的翻译文件，继续使用中文。</source>
        <translation>No translation found for this language; staying in Chinese.</translation>
    </message>
</context>
<context>
    <name>ms::NumericPad</name>
    <message>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
</context>
<context>
    <name>ms::PhotoPage</name>
    <message>
        <source>● 录像</source>
        <translation>● Record</translation>
    </message>
    <message>
        <source>● 拍照</source>
        <translation>● Take photo</translation>
    </message>
    <message>
        <source>导入视频文件</source>
        <translation>Import video file</translation>
    </message>
    <message>
        <source>导入照片文件</source>
        <translation>Import photo file</translation>
    </message>
    <message>
        <source>✓ 保存</source>
        <translation>✓ Keep</translation>
    </message>
    <message>
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>视频 (*.mp4 *.ogv *.ogg *.webm *.mkv *.mov)</source>
        <translation>Videos (*.mp4 *.ogv *.ogg *.webm *.mkv *.mov)</translation>
    </message>
    <message>
        <source>照片 (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>正在打开相机…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>本机不能直接录像：请用“导入视频文件”。</source>
        <translation>This device cannot record here: use "Import video file".</translation>
    </message>
    <message>
        <source>本机没有相机：请用“导入照片文件”
选择已拍好的照片。</source>
        <translation>This device has no camera: use "Import photo file"
to pick a photo you already took.</translation>
    </message>
    <message>
        <source>照片会自动缩小到长边 %1 像素，并打上户号、卡片、时间和施工人员水印。</source>
        <translation>Photos are reduced to %1 px on the long edge and stamped with account, card, time and installer.</translation>
    </message>
    <message>
        <source>这不是视频文件：请选择一段视频。</source>
        <translation>This is not a video: choose a video file.</translation>
    </message>
    <message>
        <source>视频 %1
%2 MB</source>
        <translation>Video %1
%2 MB</translation>
    </message>
    <message>
        <source>这不是照片：请选择 JPEG 或 PNG 照片。</source>
        <translation>This is not a photo: choose a JPEG or PNG photo.</translation>
    </message>
    <message>
        <source>%1 × %2 像素，%3 KB。看清楚示数和封印后点“保存”。</source>
        <translation>%1 × %2 px, %3 KB. Check the reading and seals are clear, then tap "Keep".</translation>
    </message>
    <message>
        <source>还没有照片：请先拍照或导入。</source>
        <translation>No photo yet: take or import one first.</translation>
    </message>
</context>
<context>
    <name>ms::PhotoPipeline</name>
    <message>
        <source>照片无法保存为 JPEG（%1）：请重拍。</source>
        <translation>The photo could not be saved as JPEG (%1): take it again.</translation>
    </message>
    <message>
        <source>户号 %1</source>
        <translation>Account %1</translation>
    </message>
    <message>
        <source>卡片 %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <source>卡片 %1 %2</source>
        <translation>Card %1 %2</translation>
    </message>
    <message>
        <source>施工人员 %1</source>
        <translation>Installer %1</translation>
    </message>
    <message>
        <source>无法识别这张照片（%1）：请重拍或选择 JPEG/PNG 文件。</source>
        <translation>This photo cannot be read (%1): take it again or choose a JPEG/PNG file.</translation>
    </message>
    <message>
        <source>照片已损坏，无法解码（%1）：请重拍。</source>
        <translation>The photo is damaged and cannot be decoded (%1): take it again.</translation>
    </message>
    <message>
        <source>没有拍到照片：请重拍。</source>
        <translation>No photo was captured: take it again.</translation>
    </message>
</context>
<context>
    <name>ms::PortPicker</name>
    <message>
        <source>选择串口或输入路径，如 /dev/ttyUSB0</source>
        <translation>Choose a serial port or type a path, e.g. /dev/ttyUSB0</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>ms::SettingsPage</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言 / Language</source>
        <translation>界面语言 / Language</translation>
    </message>
    <message>
        <source>照片尺寸（长边像素，越大越清楚、占用越多空间）</source>
        <translation>Photo size (long edge in px; larger is sharper and uses more space)</translation>
    </message>
    <message>
        <source>卡片目录文件夹（办公室下发的新版卡片；空 = 使用内置卡片）</source>
        <translation>Card catalog folder (updated cards from the office; empty = built-in cards)</translation>
    </message>
    <message>
        <source>内置卡片</source>
        <translation>built-in cards</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>用内置</source>
        <translation>Use built-in</translation>
    </message>
    <message>
        <source>正在使用：%1（%2 张卡片，版本 %3）</source>
        <translation>In use: %1 (%2 cards, version %3)</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>换表通 %1　数据目录：%2</source>
        <translation>MeterSwap %1　data directory: %2</translation>
    </message>
    <message>
        <source>选择卡片目录文件夹</source>
        <translation>Choose the card catalog folder</translation>
    </message>
    <message>
        <source>这个文件夹里的卡片有 %1 处问题，未采用：
%2</source>
        <translation>The cards in this folder have %1 problems and were not used:
%2</translation>
    </message>
    <message>
        <source>已保存。重新打开换表通后使用%1。</source>
        <translation>Saved. MeterSwap uses %1 from its next start.</translation>
    </message>
</context>
<context>
    <name>ms::SignInPage</name>
    <message>
        <source>请选择您的名字</source>
        <translation>Tap your name</translation>
    </message>
    <message>
        <source>未选择</source>
        <translation>Nobody chosen</translation>
    </message>
    <message>
        <source>输入 PIN 码</source>
        <translation>Enter PIN</translation>
    </message>
    <message>
        <source>PIN 码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>这台设备上还没有用户：请用 --demo 启动演示数据，或先与办公室同步。</source>
        <translation>There are no users on this device yet: start with --demo for demo data, or sync with the office first.</translation>
    </message>
    <message>
        <source>请先点您的名字，再输入 PIN 码。</source>
        <translation>Tap your name first, then enter your PIN.</translation>
    </message>
    <message>
        <source>PIN 码不对，请重新输入。忘记 PIN 码请联系施工负责人。</source>
        <translation>Wrong PIN, please try again. If you forgot it, ask your crew leader.</translation>
    </message>
</context>
<context>
    <name>ms::SignaturePad</name>
    <message>
        <source>签名区</source>
        <translation>Signature area</translation>
    </message>
    <message>
        <source>请在此处签名</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>ms::SignaturePage</name>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>施工人员</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>见证人（物业/居委会）</source>
        <translation>Witness (property management / residents' committee)</translation>
    </message>
    <message>
        <source>施工负责人</source>
        <translation>Crew leader</translation>
    </message>
    <message>
        <source>监理</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>内勤</source>
        <translation>Office clerk</translation>
    </message>
    <message>
        <source>%1签名：%2</source>
        <translation>%1 signature: %2</translation>
    </message>
    <message>
        <source>请核对以上信息，无误后在下方签名。</source>
        <translation>Please check the details above, then sign below.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>↶ 撤销一笔</source>
        <translation>↶ Undo stroke</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>✓ 确认签名</source>
        <translation>✓ Confirm signature</translation>
    </message>
</context>
<context>
    <name>ms::SignatureRenderer</name>
    <message>
        <source>还没有签名：请在签名框内用手指或笔签名。</source>
        <translation>Nothing signed yet: sign in the box with a finger or pen.</translation>
    </message>
    <message>
        <source>签名太短，看起来像误触：请清除后重新签写完整姓名。</source>
        <translation>The signature is too short and looks like a stray touch: clear it and sign your full name.</translation>
    </message>
    <message>
        <source>没有给签字人看的确认内容：请返回填写换表信息后再签名。</source>
        <translation>There is nothing for the signer to confirm: go back, enter the swap details, then sign.</translation>
    </message>
    <message>
        <source>签名图片无法保存：请重试。</source>
        <translation>The signature image could not be saved: try again.</translation>
    </message>
    <message>
        <source>签名笔迹数据无法读取：文件已损坏或格式不对。</source>
        <translation>The signature stroke data cannot be read: the file is damaged or in the wrong format.</translation>
    </message>
</context>
<context>
    <name>ms::Startup</name>
    <message>
        <source>卡片目录 %1 有 %2 处问题，暂用内置卡片。第一处：%3</source>
        <translation>Card catalog %1 has %2 problems; using the built-in cards for now. First: %3</translation>
    </message>
</context>
<context>
    <name>ms::ValueEntryPage</name>
    <message>
        <source>单位：%1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>最多 %1 位小数</source>
        <translation>at most %1 decimal places</translation>
    </message>
    <message>
        <source>范围 %1 – %2</source>
        <translation>range %1 – %2</translation>
    </message>
    <message>
        <source>通常在 %1 – %2 之间</source>
        <translation>usually between %1 and %2</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>✓ 确定</source>
        <translation>✓ OK</translation>
    </message>
    <message>
        <source>
确认无误请再点一次“确认无误”。</source>
        <translation>
If it is right, tap "Confirm" once more.</translation>
    </message>
    <message>
        <source>确认无误</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>ms::style</name>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>待约时</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ms::OfficeHome</name>
    <message>
        <source>‹ 回到我的工作</source>
        <translation>‹ Back to my work</translation>
    </message>
</context>
<context>
    <name>ms::SyncHost</name>
    <message>
        <source>本机还没有配置办公室服务器。
请班长或内勤用办公室电脑执行 meterswap-office token create 生成设备令牌，然后在本机执行一次：
meterswap --server https://服务器地址:端口 --token 令牌 [--server-pin 证书指纹]
配置后在这里点“开始同步”。数据一直保存在本机，不会丢失。</source>
        <translation>This device has no office server yet.
Ask the crew leader or office clerk to create a device token on the office computer with meterswap-office token create, then run once on this device:
meterswap --server https://SERVER:PORT --token TOKEN [--server-pin CERT-SHA256]
Then tap “Start sync” here. Your data stays safe on this device meanwhile.</translation>
    </message>
</context>
</TS>