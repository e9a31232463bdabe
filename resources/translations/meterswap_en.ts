<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <message>
        <source>保存办公室服务器地址（同步用）</source>
        <translation>Save the office server address (for sync)</translation>
    </message>
    <message>
        <source>保存服务器证书的 SHA-256 指纹</source>
        <translation>Save the SHA-256 fingerprint of the server certificate</translation>
    </message>
    <message>
        <source>保存本机的设备令牌（同步用；其他用户可见，建议用 --token-file 或 MS_TOKEN）</source>
        <translation>Save this device&apos;s token (for sync; other users can see it, prefer --token-file or MS_TOKEN)</translation>
    </message>
    <message>
        <source>从文件第一行读取并保存设备令牌（同步用）</source>
        <translation>Read the device token from the first line of a file and save it (for sync)</translation>
    </message>
    <message>
        <source>%1 的 PIN 码需要先换成新的：请在登录页点您的名字，输入 PIN 码后设置新的 PIN 码。</source>
        <translation>%1&apos;s PIN must be changed first: on the sign-in page tap your name, enter your PIN, then set a new PIN.</translation>
    </message>
    <message>
        <source>--office-token-file 要写成 用户名=文件，例如 --office-token-file 王芳=office_clerk.token</source>
        <translation>--office-token-file takes NAME=FILE, for example --office-token-file 王芳=office_clerk.token</translation>
    </message>
    <message>
        <source>%1的办公令牌没有保存：%2</source>
        <translation>%1&apos;s office token was not saved: %2</translation>
    </message>
    <message>
        <source>保存某位办公用户本人的办公令牌（用户名=文件，可重复；共用的办公电脑上每人用自己的令牌）</source>
        <translation>Save an office user&apos;s own office token (NAME=FILE, repeatable; on a shared office PC each person uses their own token)</translation>
    </message>
</context>
<context>
    <name>meterswap-office</name>
    <message>
        <source>meterswap-office：未知命令“%1”</source>
        <translation>meterswap-office: unknown command &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>meterswapctl</name>
    <message>
        <source>只支持 &quot;meter read&quot;</source>
        <translation>Only &quot;meter read&quot; is supported</translation>
    </message>
    <message>
        <source>未知参数或缺少取值：%1</source>
        <translation>Unknown argument or missing value: %1</translation>
    </message>
    <message>
        <source>未知参数：%1</source>
        <translation>Unknown argument: %1</translation>
    </message>
    <message>
        <source>%1 的取值 &quot;%2&quot; 无效</source>
        <translation>Invalid value &quot;%2&quot; for %1</translation>
    </message>
    <message>
        <source>必须用 --port 指定串口（如 /dev/ttyUSB0）</source>
        <translation>Give the serial port with --port (e.g. /dev/ttyUSB0)</translation>
    </message>
    <message>
        <source>--protocol 必须是 dlt645-2007、dlt645-1997 或 dlt698.45，而不是 &quot;%1&quot;</source>
        <translation>--protocol must be dlt645-2007, dlt645-1997 or dlt698.45, not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--address 必须是 12 位通信地址（如 201000000012），而不是 &quot;%1&quot;</source>
        <translation>--address must be a 12-digit comm. address (e.g. 201000000012), not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>必须给出 --protocol、--address 和 --link</source>
        <translation>--protocol, --address and --link are required</translation>
    </message>
    <message>
        <source>meterswapctl：未知命令“%1”</source>
        <translation>meterswapctl: unknown command &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 的取值 &quot;%2&quot; 无效（波特率 300–115200，延时 0–10000 ms，比例 0–1，块填充 0–64 字节）</source>
        <translation>Invalid value &quot;%2&quot; for %1 (baud 300–115200, delay 0–10000 ms, ratio 0–1, block padding 0–64 bytes)</translation>
    </message>
    <message>
        <source>--write-missing 需要 --password（主站运维下发的设置密码）。</source>
        <translation>--write-missing needs --password (the setting password the master station operators issued).</translation>
    </message>
    <message>
        <source>只支持 read、set、archive 和 check</source>
        <translation>Only read, set, archive and check are supported</translation>
    </message>
    <message>
        <source>%1 的取值“%2”无效（终端地址如 1101-1234 或 110104D2，密码 32 位十六进制，波特率 1200–115200）</source>
        <translation>Invalid value &quot;%2&quot; for %1 (terminal address like 1101-1234 or 110104D2, password 32 hex digits, baud rate 1200–115200)</translation>
    </message>
    <message>
        <source>必须用 --port 指定维护口串口（如 /dev/ttyUSB0）</source>
        <translation>Give the maintenance port&apos;s serial device with --port (e.g. /dev/ttyUSB0)</translation>
    </message>
    <message>
        <source>必须用 --address 给出终端地址（行政区划码-终端地址，如 1101-1234）</source>
        <translation>Give the terminal address with --address (area code-terminal address, e.g. 1101-1234)</translation>
    </message>
    <message>
        <source>check 需要 --data 指定平板数据目录</source>
        <translation>check needs --data with the tablet&apos;s data directory</translation>
    </message>
    <message>
        <source>%1 应为 IP:端口，如 10.0.1.20:9001</source>
        <translation>%1 must be IP:PORT, e.g. 10.0.1.20:9001</translation>
    </message>
    <message>
        <source>--apn 最多 16 个 ASCII 字符</source>
        <translation>--apn takes at most 16 ASCII characters</translation>
    </message>
    <message>
        <source>--new-address 应为 行政区划码-终端地址，如 1101-1234</source>
        <translation>--new-address must be area code-terminal address, e.g. 1101-1234</translation>
    </message>
    <message>
        <source>set 至少需要 --master、--backup、--apn 或 --new-address 之一</source>
        <translation>set needs at least one of --master, --backup, --apn or --new-address</translation>
    </message>
    <message>
        <source>%1 的取值“%2”无效（地址如 1101-1234，密码 32 位十六进制，波特率 300–115200，延时 0–10000 ms，表数 0–2040，帧长 64–16000）</source>
        <translation>Invalid value &quot;%2&quot; for %1 (address like 1101-1234, password 32 hex digits, baud rate 300–115200, delay 0–10000 ms, meters 0–2040, frame bytes 64–16000)</translation>
    </message>
    <message>
        <source>必须给出 --link</source>
        <translation>--link is required</translation>
    </message>
</context>
<context>
    <name>ms::Accounts</name>
    <message>
        <source>这台设备上没有名为“%1”的用户：请检查姓名，或请办公室下发该用户。</source>
        <translation>There is no user named &quot;%1&quot; on this device: check the name, or ask the office to send this user.</translation>
    </message>
</context>
<context>
    <name>ms::Barcode</name>
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
        <translation>Asset number %1 is too short to contain a %2-digit comm. address. Scan the asset-number barcode on the nameplate again.</translation>
    </message>
    <message>
        <source>条码资产编号 %1 与读到的通信地址 %2 不对应（规则：%3）。请确认探头对准的是这块表、扫描的是这块表的铭牌。</source>
        <translation>Barcode asset number %1 does not match the comm. address read, %2 (rule: %3). Make sure the probe and the scanned nameplate belong to this meter.</translation>
    </message>
</context>
<context>
    <name>ms::BillingPage</name>
    <message>
        <source>电费信息审核（33.1）</source>
        <translation>Billing check (33.1)</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>旧表</source>
        <translation>Old meter</translation>
    </message>
    <message>
        <source>旧表止码（总）</source>
        <translation>Old final reading (total)</translation>
    </message>
    <message>
        <source>尖</source>
        <translation>Peak+</translation>
    </message>
    <message>
        <source>峰</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>平</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>谷</source>
        <translation>Valley</translation>
    </message>
    <message>
        <source>新表</source>
        <translation>New meter</translation>
    </message>
    <message>
        <source>新表起码</source>
        <translation>New start reading</translation>
    </message>
    <message>
        <source>机电不符差额</source>
        <translation>Mismatch difference</translation>
    </message>
    <message>
        <source>档位</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>预付费余额</source>
        <translation>Prepaid balance</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>导出记录</source>
        <translation>Export log</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>导出人</source>
        <translation>Exported by</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>工单数</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>退回内勤的原因（必填）</source>
        <translation>Reason for sending back to the clerk (required)</translation>
    </message>
    <message>
        <source>确认 (Ctrl+Enter)</source>
        <translation>Confirm (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>退回内勤 (Ctrl+B)</source>
        <translation>Send back to clerk (Ctrl+B)</translation>
    </message>
    <message>
        <source>导出已确认工单…</source>
        <translation>Export confirmed jobs…</translation>
    </message>
    <message>
        <source>重新导出所选批次…</source>
        <translation>Re-export the selected batch…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>电费导出-%1.csv</source>
        <translation>billing-export-%1.csv</translation>
    </message>
    <message>
        <source>保存导出文件</source>
        <translation>Save the export file</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>请先在导出记录中选中要重新导出的批次。</source>
        <translation>First select the batch to re-export in the export log.</translation>
    </message>
    <message>
        <source>正在从办公室服务器 %1 读取…</source>
        <translation>Reading from the office server %1…</translation>
    </message>
    <message>
        <source>显示的是 %1 取到的数据：%2</source>
        <translation>Showing the data fetched at %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n 个工单等待电费信息审核。</source>
        <translation>
            <numerusform>%n job awaiting the billing check.</numerusform>
            <numerusform>%n jobs awaiting the billing check.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>重新导出</source>
        <translation>Re-export</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>请先选中一个工单。</source>
        <translation>First select a job.</translation>
    </message>
    <message>
        <source>电费确认 %1</source>
        <translation>Billing confirm %1</translation>
    </message>
    <message>
        <source>决定没有保存：%1</source>
        <translation>The decision was not saved: %1</translation>
    </message>
    <message>
        <source>已确认 %1。</source>
        <translation>Confirmed %1.</translation>
    </message>
    <message>
        <source>没有退回：请写明退回内勤的原因。</source>
        <translation>Not sent back: write the reason for the clerk.</translation>
    </message>
    <message>
        <source>电费退回 %1：%2</source>
        <translation>Billing send back %1: %2</translation>
    </message>
    <message>
        <source>已退回内勤：%1。</source>
        <translation>Sent back to the clerk: %1.</translation>
    </message>
    <message>
        <source>正在从办公室服务器导出…</source>
        <translation>Exporting from the office server…</translation>
    </message>
    <message>
        <source>没有导出：%1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <source>导出文件没有写成 %1：%2。请换一个文件夹再导出；办公室已记下这一批，可在导出记录中重新导出。</source>
        <translation>The export file %1 was not written: %2. Export to another folder; the office has logged this batch, re-export it from the export log.</translation>
    </message>
    <message>
        <source>已导出到 %1。</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>%1（倍率 %2）</source>
        <translation>%1 (multiplier %2)</translation>
    </message>
    <message>
        <source>%1［黑屏：%2］</source>
        <translation>%1 [dead display: %2]</translation>
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
        <translation>This device has no usable camera: use &quot;Import photo&quot; to pick a photo you already took.</translation>
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
    <name>ms::CardValues</name>
    <message>
        <source>明装</source>
        <translation>Surface-mounted</translation>
    </message>
    <message>
        <source>暗装</source>
        <translation>Concealed</translation>
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
        <source>还不能完成这张卡，还缺：
</source>
        <translation>This card cannot be completed yet. Still missing:
</translation>
    </message>
    <message>
        <source>‹ 台区作业卡列表</source>
        <translation>‹ Area card list</translation>
    </message>
    <message>
        <source>用维护口读取/设置集中器参数</source>
        <translation>Read / set the concentrator over its maintenance port</translation>
    </message>
    <message>
        <source>用维护口核查本台区档案与抄读</source>
        <translation>Check this area&apos;s archive and readings over the maintenance port</translation>
    </message>
    <message>
        <source>操作示例图</source>
        <translation>Illustrations</translation>
    </message>
</context>
<context>
    <name>ms::CatalogLoader</name>
    <message>
        <source>卡片编号“%1”格式不对：应为“流程号.步骤号”，如 21.4</source>
        <translation>Card number &quot;%1&quot; is malformed: must be &quot;flow.step&quot;, e.g. 21.4</translation>
    </message>
    <message>
        <source>未知的 scope“%1”：应为 %2</source>
        <translation>Unknown scope &quot;%1&quot;: must be %2</translation>
    </message>
    <message>
        <source>未知的 source“%1”：应为 seed 或 reconstructed</source>
        <translation>Unknown source &quot;%1&quot;: must be seed or reconstructed</translation>
    </message>
    <message>
        <source>附录编号“%1”不存在：应为 1 到 31 的数字（不补零）</source>
        <translation>Appendix number &quot;%1&quot; does not exist: must be a number from 1 to 31 (no leading zero)</translation>
    </message>
    <message>
        <source>同一附录列出了多次：请删除重复的编号</source>
        <translation>The same appendix is listed more than once: delete the duplicate number</translation>
    </message>
    <message>
        <source>应为对象 {&quot;id&quot;, &quot;question&quot;}，实际是%1</source>
        <translation>Must be an object {&quot;id&quot;, &quot;question&quot;}, got %1</translation>
    </message>
    <message>
        <source>“%1”只能由小写字母、数字和下划线组成</source>
        <translation>&quot;%1&quot; may contain only lowercase letters, digits and underscores</translation>
    </message>
    <message>
        <source>证据键“%1”重复：同一张卡片内每个键只能用一次</source>
        <translation>Evidence key &quot;%1&quot; repeats: each key may be used only once per card</translation>
    </message>
    <message>
        <source>证据名称“%1”重复：请写清两者的区别</source>
        <translation>Evidence name &quot;%1&quot; repeats: make the difference between them clear</translation>
    </message>
    <message>
        <source>证据键“%1”只能由小写字母、数字和下划线组成</source>
        <translation>Evidence key &quot;%1&quot; may contain only lowercase letters, digits and underscores</translation>
    </message>
    <message>
        <source>未知的证据类型“%1”：应为 %2</source>
        <translation>Unknown evidence type &quot;%1&quot;: must be %2</translation>
    </message>
    <message>
        <source>meter 应为 old 或 new，实际是“%1”</source>
        <translation>meter must be old or new, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>未知的示数项“%1”：应为 %2</source>
        <translation>Unknown register &quot;%1&quot;: must be %2</translation>
    </message>
    <message>
        <source>表计示数必须写明示数项（register），如 forward_total</source>
        <translation>A meter reading must name its register, e.g. forward_total</translation>
    </message>
    <message>
        <source>表计示数必须写明是旧表还是新表（meter: old | new）</source>
        <translation>A meter reading must say whether it is the old or the new meter (meter: old | new)</translation>
    </message>
    <message>
        <source>正则表达式无法编译（位置 %1：%2）：请修正</source>
        <translation>The regular expression does not compile (position %1: %2): please fix it</translation>
    </message>
    <message>
        <source>pattern 只用于 text、seal_number、barcode 类型</source>
        <translation>pattern is only for the text, seal_number and barcode types</translation>
    </message>
    <message>
        <source>有 pattern 时必须写 pattern_hint，告诉施工人员应该输入什么</source>
        <translation>With a pattern, pattern_hint is required to tell the technician what to enter</translation>
    </message>
    <message>
        <source>未知的签字人“%1”：应为 %2</source>
        <translation>Unknown signer &quot;%1&quot;: must be %2</translation>
    </message>
    <message>
        <source>签字必须写明由谁签（signer）</source>
        <translation>A signature must say who signs (signer)</translation>
    </message>
    <message>
        <source>%1 只用于 meter_reading 和 number 类型</source>
        <translation>%1 is only for the meter_reading and number types</translation>
    </message>
    <message>
        <source>范围颠倒：min %1 大于 max %2</source>
        <translation>Range reversed: min %1 is greater than max %2</translation>
    </message>
    <message>
        <source>应为两个数字 [下限, 上限]，例如 [0, 1]</source>
        <translation>Must be two numbers [low, high], e.g. [0, 1]</translation>
    </message>
    <message>
        <source>范围颠倒：下限 %1 大于上限 %2</source>
        <translation>Range reversed: low %1 is greater than high %2</translation>
    </message>
    <message>
        <source>合理范围 [%1, %2] 超出了硬性范围 min/max：请收窄</source>
        <translation>The plausible range [%1, %2] goes beyond the hard range min/max: narrow it</translation>
    </message>
    <message>
        <source>未知的等待类型“%1”：目前只有 appointment</source>
        <translation>Unknown wait type &quot;%1&quot;: only appointment exists</translation>
    </message>
    <message>
        <source>分支“%1”重复：每个分支的 choice 必须不同</source>
        <translation>Branch &quot;%1&quot; repeats: each branch needs a different choice</translation>
    </message>
    <message>
        <source>有 %1 个由人选择的分支却没有 decision：请写明要问施工人员的问题</source>
        <translation>There are %1 branches chosen by a person but no decision: write the question to ask the technician</translation>
    </message>
    <message>
        <source>多分支时每个由人选择的分支都要有 choice</source>
        <translation>With several branches, every branch chosen by a person needs a choice</translation>
    </message>
    <message>
        <source>多分支时每个由人选择的分支都要有 label（按钮上的文字）</source>
        <translation>With several branches, every branch chosen by a person needs a label (the button text)</translation>
    </message>
    <message>
        <source>没有可供选择的多个分支，不需要 decision：请删除它或补全分支</source>
        <translation>There are not several branches to choose from, so no decision is needed: delete it or complete the branches</translation>
    </message>
    <message>
        <source>无法读取文件（%1）：请确认目录完整</source>
        <translation>Cannot read the file (%1): check that the catalog folder is complete</translation>
    </message>
    <message>
        <source>JSON 语法错误，第 %1 行第 %2 列（偏移 %3）：%4。请修正后重试</source>
        <translation>JSON syntax error at line %1, column %2 (offset %3): %4. Fix it and try again</translation>
    </message>
    <message>
        <source>文件顶层应为 JSON 对象 {…}</source>
        <translation>The top level of the file must be a JSON object {…}</translation>
    </message>
    <message>
        <source>缺少必填字段：请补上（&quot;format&quot;: 1）</source>
        <translation>Required field missing: add it (&quot;format&quot;: 1)</translation>
    </message>
    <message>
        <source>不支持的格式版本 %1：本程序只读格式 1，请升级程序</source>
        <translation>Unsupported format version %1: this app reads format 1 only. Please update the app</translation>
    </message>
    <message>
        <source>文件名应为“流程号.json”（如 21.json，不补零）</source>
        <translation>The file name must be &quot;flow number.json&quot; (e.g. 21.json, no leading zero)</translation>
    </message>
    <message>
        <source>文件 %1 应写流程 %2，实际写的是 %3</source>
        <translation>File %1 should hold flow %2 but holds %3</translation>
    </message>
    <message>
        <source>卡片属于流程 %1，却写在流程 %2 的文件里</source>
        <translation>The card belongs to flow %1 but is in the file of flow %2</translation>
    </message>
    <message>
        <source>目录不存在：请给出作业卡目录所在的文件夹</source>
        <translation>Folder does not exist: give the folder that holds the job card catalog</translation>
    </message>
    <message>
        <source>作业卡目录有 %1 处问题：
%2</source>
        <translation>The job card catalog has %1 problem(s):
%2</translation>
    </message>
    <message>
        <source>%1“%2”重复：编号必须唯一</source>
        <translation>%1 &quot;%2&quot; repeats: ids must be unique</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>流程</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>入口卡片 %1 没有定义：请指向一张存在的卡片</source>
        <translation>Entry card %1 is not defined: point to a card that exists</translation>
    </message>
    <message>
        <source>工单入口卡片 %1 没有定义：请指向一张存在的卡片</source>
        <translation>Job entry card %1 is not defined: point to a card that exists</translation>
    </message>
    <message>
        <source>阶段 %1 列出了不存在的流程 %2</source>
        <translation>Phase %1 lists flow %2, which does not exist</translation>
    </message>
    <message>
        <source>未知的阶段“%1”</source>
        <translation>Unknown phase &quot;%1&quot;</translation>
    </message>
    <message>
        <source>未知的岗位“%1”</source>
        <translation>Unknown role &quot;%1&quot;</translation>
    </message>
    <message>
        <source>流程 %1 出现在 %2 个阶段的列表里：每个流程必须恰好属于一个阶段</source>
        <translation>Flow %1 is listed in %2 phases: each flow must belong to exactly one phase</translation>
    </message>
    <message>
        <source>流程 %1 写的阶段是 %2，却列在另一个阶段里</source>
        <translation>Flow %1 names phase %2 but is listed under another phase</translation>
    </message>
    <message>
        <source>卡片编号重复：每张卡片只能列一次</source>
        <translation>Duplicate card number: list each card only once</translation>
    </message>
    <message>
        <source>卡片编号应以流程号 %1. 开头</source>
        <translation>The card number must start with the flow number %1.</translation>
    </message>
    <message>
        <source>目录中列出了这张卡片，但卡片文件里没有定义：请在 %1 中补上</source>
        <translation>The catalog lists this card but the card file does not define it: add it to %1</translation>
    </message>
    <message>
        <source>卡片编号重复定义：每张卡片只能定义一次</source>
        <translation>Card number defined twice: define each card only once</translation>
    </message>
    <message>
        <source>卡片没有列在 catalog.json 的流程里：请在对应流程的 cards 中加上它，或删除这张卡片</source>
        <translation>The card is not listed in a flow of catalog.json: add it to that flow&apos;s cards, or delete the card</translation>
    </message>
    <message>
        <source>流程应为 %1（catalog.json 中的位置），实际写的是 %2</source>
        <translation>Flow must be %1 (its place in catalog.json), got %2</translation>
    </message>
    <message>
        <source>标题与 catalog.json 不一致：应为“%1”</source>
        <translation>Title differs from catalog.json: must be &quot;%1&quot;</translation>
    </message>
    <message>
        <source>来源与 catalog.json 不一致：应为 %1</source>
        <translation>Source differs from catalog.json: must be %1</translation>
    </message>
    <message>
        <source>未知的岗位“%1”：应为 catalog.json 中 roles 的 id</source>
        <translation>Unknown role &quot;%1&quot;: must be a role id from catalog.json</translation>
    </message>
    <message>
        <source>指向的卡片 %1 不存在：请检查编号</source>
        <translation>Card %1 that it points to does not exist: check the number</translation>
    </message>
    <message>
        <source>卡片不能指向自己</source>
        <translation>A card cannot point to itself</translation>
    </message>
    <message>
        <source>示意图文件 %1 不存在：请放入目录或删除引用</source>
        <translation>Illustration file %1 does not exist: add it to the folder or remove the reference</translation>
    </message>
    <message>
        <source>条件 %1 引用的分支 %2 在任何卡片中都不存在</source>
        <translation>Condition %1 refers to branch %2, which no card defines</translation>
    </message>
    <message>
        <source>从入口 %1 无法到达这张卡片：请在前一张卡片的 next 中指向它</source>
        <translation>This card cannot be reached from entry %1: point to it from the next of the card before it</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>布尔值</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>number</translation>
    </message>
    <message>
        <source>字符串</source>
        <translation>string</translation>
    </message>
    <message>
        <source>数组</source>
        <translation>array</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>object</translation>
    </message>
    <message>
        <source>缺失</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>缺少必填字段：请补上（字符串）</source>
        <translation>Required field missing: add it (a string)</translation>
    </message>
    <message>
        <source>应为字符串，实际是%1</source>
        <translation>Must be a string, got %1</translation>
    </message>
    <message>
        <source>不能为空：请填写内容</source>
        <translation>Must not be empty: fill it in</translation>
    </message>
    <message>
        <source>应为 true 或 false，实际是%1</source>
        <translation>Must be true or false, got %1</translation>
    </message>
    <message>
        <source>应为整数，实际是%1</source>
        <translation>Must be an integer, got %1</translation>
    </message>
    <message>
        <source>超出范围：应在 %1 到 %2 之间，实际是 %3</source>
        <translation>Out of range: must be between %1 and %2, got %3</translation>
    </message>
    <message>
        <source>应为数字，实际是%1</source>
        <translation>Must be a number, got %1</translation>
    </message>
    <message>
        <source>缺少必填字段：请补上（字符串数组）</source>
        <translation>Required field missing: add it (an array of strings)</translation>
    </message>
    <message>
        <source>应为字符串数组，实际是%1</source>
        <translation>Must be an array of strings, got %1</translation>
    </message>
    <message>
        <source>不能为空：这一栏至少写一条</source>
        <translation>Must not be empty: give at least one entry</translation>
    </message>
    <message>
        <source>不能为空字符串：请删除这一条或填写内容</source>
        <translation>Must not be an empty string: delete this entry or fill it in</translation>
    </message>
    <message>
        <source>缺少必填字段：请补上（数组）</source>
        <translation>Required field missing: add it (an array)</translation>
    </message>
    <message>
        <source>应为数组，实际是%1</source>
        <translation>Must be an array, got %1</translation>
    </message>
    <message>
        <source>应为对象，实际是%1</source>
        <translation>Must be an object, got %1</translation>
    </message>
    <message>
        <source>未知字段：请检查拼写，允许的字段有 %1</source>
        <translation>Unknown field: check the spelling; allowed fields are %1</translation>
    </message>
    <message>
        <source>未知的条件“%1”：应为 [!]customer.mismatch | customer.prepaid | customer.postpaid | check.failed | check.passed | choice.&lt;分支 id&gt; | failed.&lt;卡片编号&gt; | no.&lt;卡片编号&gt;.&lt;检查项 key&gt;</source>
        <translation>Unknown condition &quot;%1&quot;: use [!]customer.mismatch | customer.prepaid | customer.postpaid | check.failed | check.passed | choice.&lt;branch id&gt; | failed.&lt;card id&gt; | no.&lt;card id&gt;.&lt;check key&gt;</translation>
    </message>
    <message>
        <source>blocking 只用于 check 类型</source>
        <translation>blocking is only for the check kind</translation>
    </message>
    <message>
        <source>matches 应为“卡片编号.证据项 key”，如 24.3.old_meter_custody_seal</source>
        <translation>matches must be &quot;card id.requirement key&quot;, e.g. 24.3.old_meter_custody_seal</translation>
    </message>
    <message>
        <source>one_of 组“%1”要有至少两项、且都同为必填或都同为选填</source>
        <translation>one_of group &quot;%1&quot; needs at least two requirements, all required or all optional</translation>
    </message>
    <message>
        <source>matches 指向的证据项 %1 不存在</source>
        <translation>matches names requirement %1, which does not exist</translation>
    </message>
    <message>
        <source>条件 %1 引用的检查项不存在：应为 no.&lt;卡片编号&gt;.&lt;该卡片上 check 证据项的 key&gt;</source>
        <translation>Condition %1 names a check that does not exist: use no.&lt;card id&gt;.&lt;key of a check requirement on that card&gt;</translation>
    </message>
    <message>
        <source>条件 %1 引用的卡片 %2 不存在或没有“check”证据项：请指向一张有检查项的卡片</source>
        <translation>Condition %1 names card %2, which does not exist or has no check requirement: name a card with a check</translation>
    </message>
</context>
<context>
    <name>ms::CjkFont</name>
    <message>
        <source>找不到中文字体 %1，也没有其他可用的中文字体，打印出的中文会显示为方框。请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei）后重新打印。</source>
        <translation>Chinese font %1 not found and no other Chinese font is available, so Chinese will print as boxes. Install fonts-wqy-microhei (apt-get install fonts-wqy-microhei) and print again.</translation>
    </message>
    <message>
        <source>找不到中文字体 %1，暂用“%2”代替。建议安装 fonts-wqy-microhei 以保证打印效果一致。</source>
        <translation>Chinese font %1 not found; using &quot;%2&quot; instead. Install fonts-wqy-microhei for consistent printouts.</translation>
    </message>
</context>
<context>
    <name>ms::ConcentratorCheck</name>
    <message>
        <source>这台平板上没有任务。请先同步领取本台区的任务。</source>
        <translation>There is no task on this tablet. Sync first to receive this area&apos;s task.</translation>
    </message>
    <message>
        <source>没有编号或 UUID 为“%1”的任务。请用 meterswapctl job list --json 查看任务。</source>
        <translation>No task has the number or UUID &quot;%1&quot;. See the tasks with meterswapctl job list --json.</translation>
    </message>
    <message>
        <source>这台平板上有 %1 个任务，请用 --task 指定集中器所在台区的任务：%2</source>
        <translation>This tablet holds %1 tasks; give the concentrator&apos;s area task with --task: %2</translation>
    </message>
</context>
<context>
    <name>ms::ConcentratorCheckPage</name>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>未抄到</source>
        <translation>Not read</translation>
    </message>
    <message>
        <source>档案中没有</source>
        <translation>Not in the archive</translation>
    </message>
    <message>
        <source>示数小于起码</source>
        <translation>Below the start reading</translation>
    </message>
    <message>
        <source>示数增长异常</source>
        <translation>Implausible growth</translation>
    </message>
    <message>
        <source>采集档案与抄读核查（维护口 · Q/GDW 1376.1）</source>
        <translation>Archive and reading check (maintenance port · Q/GDW 1376.1)</translation>
    </message>
    <message>
        <source>串口</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <source>%1 bit/s 8E1</source>
        <translation>%1 bit/s 8E1</translation>
    </message>
    <message>
        <source>波特率</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <source>如 1101-1234（行政区划码-终端地址）</source>
        <translation>e.g. 1101-1234 (area code-terminal address)</translation>
    </message>
    <message>
        <source>集中器地址</source>
        <translation>Concentrator address</translation>
    </message>
    <message>
        <source>读取档案并逐户核查</source>
        <translation>Read the archive and check every household</translation>
    </message>
    <message>
        <source>保存到各户 37.2 / 38.1</source>
        <translation>Save to each household&apos;s 37.2 / 38.1</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>通信地址</source>
        <translation>Comm address</translation>
    </message>
    <message>
        <source>测量点</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>集中器示数 kWh</source>
        <translation>Concentrator reading kWh</translation>
    </message>
    <message>
        <source>起码 kWh</source>
        <translation>Start reading kWh</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>给主站的档案问题清单（报装联络单，附录3）：</source>
        <translation>Archive problems for the master station (contact sheet, appendix 3):</translation>
    </message>
    <message>
        <source>请填写集中器终端地址：行政区划码-终端地址（如 1101-1234）。</source>
        <translation>Enter the concentrator&apos;s terminal address: area code-terminal address (e.g. 1101-1234).</translation>
    </message>
    <message>
        <source>正在读取集中器档案…</source>
        <translation>Reading the concentrator&apos;s archive…</translation>
    </message>
    <message>
        <source>核查完成（%1 次请求）。</source>
        <translation>Check done (%1 requests).</translation>
    </message>
    <message>
        <source>档案与现场一致，无需主站处理。</source>
        <translation>The archive matches the site; nothing for the master station.</translation>
    </message>
    <message numerus="yes">
        <source>档案 %1 条记录；正在逐户抄读 %n 个测量点…</source>
        <translation>
            <numerusform>%1 archive records; reading %n measuring point…</numerusform>
            <numerusform>%1 archive records; reading %n measuring points…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>本任务已装 %n 户，集中器抄到 %1 户，采集成功率 %2%。</source>
        <translation>
            <numerusform>This task installed %n household; the concentrator read %1; success rate %2%. </numerusform>
            <numerusform>This task installed %n households; the concentrator read %1; success rate %2%. </numerusform>
        </translation>
    </message>
    <message>
        <source>档案：缺失 %1，多余 %2，规约错误 %3，一址多点 %4。</source>
        <translation>Archive: %1 missing, %2 extra, %3 wrong protocol, %4 on several points. </translation>
    </message>
    <message numerus="yes">
        <source>需现场处理（38.2）%n 户。</source>
        <translation>
            <numerusform>%n household needs work on site (38.2).</numerusform>
            <numerusform>%n households need work on site (38.2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已保存 %n 户；以下未能保存：%1</source>
        <translation>
            <numerusform>Saved %n household; these could not be saved: %1</numerusform>
            <numerusform>Saved %n households; these could not be saved: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已保存 %n 户的 37.2 / 38.1 核查结果。</source>
        <translation>
            <numerusform>Saved the 37.2 / 38.1 results of %n household.</numerusform>
            <numerusform>Saved the 37.2 / 38.1 results of %n households.</numerusform>
        </translation>
    </message>
    <message>
        <source>设置密码，32 位十六进制（不保存）</source>
        <translation>Setting password, 32 hex digits (not stored)</translation>
    </message>
    <message>
        <source>写入缺失档案</source>
        <translation>Write the missing records</translation>
    </message>
    <message>
        <source>主站已授权本任务在现场写入缺失的档案。</source>
        <translation>The master station allows writing the missing records on site for this task.</translation>
    </message>
    <message>
        <source>本任务未获主站授权在现场写入档案：请把下面的清单交主站建档下发。</source>
        <translation>This task is not allowed to write the archive on site: give the list below to the master station to create and download the records.</translation>
    </message>
    <message>
        <source>写入档案需要设置密码：32 位十六进制（0–9、A–F），按运维下发的密码输入。</source>
        <translation>Writing the archive needs the setting password: 32 hex digits (0–9, A–F), as the operators issued it.</translation>
    </message>
    <message>
        <source>正在写入缺失档案…</source>
        <translation>Writing the missing records…</translation>
    </message>
</context>
<context>
    <name>ms::ConcentratorPage</name>
    <message>
        <source>集中器参数（维护口 · Q/GDW 1376.1）</source>
        <translation>Concentrator parameters (maintenance port · Q/GDW 1376.1)</translation>
    </message>
    <message>
        <source>维护口</source>
        <translation>Maintenance port</translation>
    </message>
    <message>
        <source>串口</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <source>%1 bit/s 8E1</source>
        <translation>%1 bit/s 8E1</translation>
    </message>
    <message>
        <source>波特率</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <source>如 1101-1234（行政区划码-终端地址）</source>
        <translation>e.g. 1101-1234 (area code-terminal address)</translation>
    </message>
    <message>
        <source>集中器当前地址</source>
        <translation>Concentrator&apos;s current address</translation>
    </message>
    <message>
        <source>运维下发的设置密码，32 位十六进制（不保存）</source>
        <translation>Setting password from the operators, 32 hex digits (not stored)</translation>
    </message>
    <message>
        <source>设置密码</source>
        <translation>Setting password</translation>
    </message>
    <message>
        <source>参数单（本台区，录入一次）</source>
        <translation>Parameter sheet (this area, typed once)</translation>
    </message>
    <message>
        <source>IP:端口，如 10.0.1.20:9001</source>
        <translation>IP:PORT, e.g. 10.0.1.20:9001</translation>
    </message>
    <message>
        <source>IP:端口（参数单有时填写）</source>
        <translation>IP:PORT (when the sheet gives one)</translation>
    </message>
    <message>
        <source>如 DLCJ.BJ</source>
        <translation>e.g. DLCJ.BJ</translation>
    </message>
    <message>
        <source>行政区划码-终端地址，如 1101-1234</source>
        <translation>area code-terminal address, e.g. 1101-1234</translation>
    </message>
    <message>
        <source>主用主站</source>
        <translation>Main master station</translation>
    </message>
    <message>
        <source>备用主站</source>
        <translation>Backup master station</translation>
    </message>
    <message>
        <source>APN</source>
        <translation>APN</translation>
    </message>
    <message>
        <source>终端地址</source>
        <translation>Terminal address</translation>
    </message>
    <message>
        <source>逻辑地址 %1</source>
        <translation>Logical address %1</translation>
    </message>
    <message>
        <source>读取集中器</source>
        <translation>Read concentrator</translation>
    </message>
    <message>
        <source>设置不一致项并回读</source>
        <translation>Set what differs and read back</translation>
    </message>
    <message>
        <source>保存为证据</source>
        <translation>Save as evidence</translation>
    </message>
    <message>
        <source>参数单</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>集中器</source>
        <translation>Concentrator</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>维护口不通时，按本卡步骤用集中器面板按键设置，拍照记录（原流程不变）。</source>
        <translation>When the maintenance port does not answer, set it with the concentrator&apos;s keypad following this card&apos;s steps and take photos (the usual route).</translation>
    </message>
    <message>
        <source>请填写集中器当前的终端地址：行政区划码-终端地址（如 1101-1234），或 8 位逻辑地址（如 110104D2）。</source>
        <translation>Enter the concentrator&apos;s current terminal address: area code-terminal address (e.g. 1101-1234), or the 8-character logical address (e.g. 110104D2).</translation>
    </message>
    <message>
        <source>设置密码应为 32 位十六进制（0–9、A–F）。请按运维下发的密码重新输入。</source>
        <translation>The setting password is 32 hex digits (0–9, A–F). Enter it again as the operators issued it.</translation>
    </message>
    <message>
        <source>正在读取集中器参数…</source>
        <translation>Reading the concentrator&apos;s parameters…</translation>
    </message>
    <message>
        <source>已读取：终端地址 %1（逻辑地址 %2）。核对下表，不一致的可设置。</source>
        <translation>Read: terminal address %1 (logical address %2). Check the table; what differs can be set.</translation>
    </message>
    <message>
        <source>一致 ✓</source>
        <translation>Match ✓</translation>
    </message>
    <message>
        <source>不一致</source>
        <translation>Differs</translation>
    </message>
    <message>
        <source>请先读取集中器。</source>
        <translation>Read the concentrator first.</translation>
    </message>
    <message>
        <source>“%1”不是 IP:端口（如 10.0.1.20:9001）。请按参数单改正。</source>
        <translation>&quot;%1&quot; is not IP:PORT (e.g. 10.0.1.20:9001). Correct it from the parameter sheet.</translation>
    </message>
    <message>
        <source>APN 最多 16 个字符。</source>
        <translation>The APN takes at most 16 characters.</translation>
    </message>
    <message>
        <source>参数单的终端地址“%1”无效：应为 行政区划码-终端地址，如 1101-1234。</source>
        <translation>The sheet&apos;s terminal address &quot;%1&quot; is invalid: it must be area code-terminal address, e.g. 1101-1234.</translation>
    </message>
    <message>
        <source>集中器参数与参数单一致，无需设置。</source>
        <translation>The concentrator matches the parameter sheet; nothing to set.</translation>
    </message>
    <message>
        <source>正在设置并回读…</source>
        <translation>Setting and reading back…</translation>
    </message>
    <message>
        <source>已设置并回读，与参数单一致。请保存为证据。</source>
        <translation>Set and read back; it matches the parameter sheet. Save it as evidence.</translation>
    </message>
    <message numerus="yes">
        <source>已保存 %n 项集中器参数（含报文）到 36.1–36.5。</source>
        <translation>
            <numerusform>Saved %n concentrator parameter (with the frames) on 36.1–36.5.</numerusform>
            <numerusform>Saved %n concentrator parameters (with the frames) on 36.1–36.5.</numerusform>
        </translation>
    </message>
    <message>
        <source>查找地址</source>
        <translation>Find address</translation>
    </message>
    <message>
        <source>正在用广播地址查找集中器…</source>
        <translation>Looking for the concentrator by the broadcast address…</translation>
    </message>
    <message>
        <source>找到集中器：终端地址 %1（逻辑地址 %2）。</source>
        <translation>Found the concentrator: terminal address %1 (logical address %2).</translation>
    </message>
</context>
<context>
    <name>ms::ConcentratorResults</name>
    <message>
        <source>户号 %1&#x3000;通信地址 %2&#x3000;测量点 %3&#x3000;%4</source>
        <translation>Account %1  comm address %2  point %3  %4</translation>
    </message>
    <message>
        <source>档案缺失：请主站建档并下发</source>
        <translation>missing from the archive: please create and download it</translation>
    </message>
    <message>
        <source>规约错误：档案为 %1，现场为 %2</source>
        <translation>wrong protocol: archive %1, site %2</translation>
    </message>
    <message>
        <source>一个表地址登记在多个测量点：请主站删除多余档案</source>
        <translation>one meter address on several points: please delete the extra records</translation>
    </message>
    <message>
        <source>档案中有、本任务未装：请主站核实是否删除</source>
        <translation>in the archive but not installed by this task: please check whether to delete it</translation>
    </message>
</context>
<context>
    <name>ms::CrashCheck</name>
    <message numerus="yes">
        <source>换表通上次没有正常退出。自检发现本机数据有 %n 处问题，第一处：%1
请不要删除数据目录，联系技术支持（可运行 meterswapctl verify --data 数据目录 查看全部）。</source>
        <translation>
            <numerusform>MeterSwap did not exit cleanly last time. The self-check found %n problem on this device, namely: %1
Do not delete the data directory; contact support (run meterswapctl verify --data DATA_DIR to see everything).</numerusform>
            <numerusform>MeterSwap did not exit cleanly last time. The self-check found %n problems on this device; the first: %1
Do not delete the data directory; contact support (run meterswapctl verify --data DATA_DIR to see them all).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::Database</name>
    <message>
        <source>读取数据库版本</source>
        <translation>reading the database version</translation>
    </message>
    <message>
        <source>数据库由更新版本的换表通创建（版本 %1，本程序支持到 %2）。请升级程序。</source>
        <translation>The database was created by a newer MeterSwap (version %1; this app supports up to %2). Please update the app.</translation>
    </message>
    <message>
        <source>数据库升级到版本 %1 失败：%2</source>
        <translation>Upgrading the database to version %1 failed: %2</translation>
    </message>
    <message>
        <source>数据库操作</source>
        <translation>database operation</translation>
    </message>
    <message>
        <source>数据库完整性检查未通过：%1</source>
        <translation>Database integrity check failed: %1</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>saving</translation>
    </message>
    <message>
        <source>事务已结束。</source>
        <translation>The transaction has already ended.</translation>
    </message>
    <message>
        <source>存储空间已满，%1未能保存，之前的数据都还在。请删除不需要的文件或同步后清理空间，再重试。</source>
        <translation>Storage is full, so %1 was not saved. All earlier data is still there. Delete files you do not need or sync and free up space, then try again.</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用，%1未能保存。请稍候再试。</source>
        <translation>The database is in use by another program, so %1 was not saved. Please try again shortly.</translation>
    </message>
    <message>
        <source>%1未能保存：数据不符合约束（%2）。</source>
        <translation>%1 was not saved: the data breaks a constraint (%2).</translation>
    </message>
    <message>
        <source>数据库文件已损坏，%1未能完成（%2）。请重启程序，损坏的文件会被移到一旁保存。</source>
        <translation>The database file is damaged, so %1 did not complete (%2). Restart the app; the damaged file will be set aside and kept.</translation>
    </message>
    <message>
        <source>%1失败：%2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>文件不是数据库（文件头不对）</source>
        <translation>The file is not a database (wrong file header)</translation>
    </message>
    <message>
        <source>存储空间已满，无法打开数据库 %1（%2）。没有改动任何文件。请删除不需要的文件腾出空间，然后重新启动。</source>
        <translation>The storage is full, so the database %1 cannot be opened (%2). No file was changed. Delete files you do not need to free space, then start again.</translation>
    </message>
    <message>
        <source>数据库文件 %1 不能写入（%2）。没有改动任何文件。请让管理员把该文件和它所在的目录改为本程序的用户可读写，然后重新启动。</source>
        <translation>The database file %1 cannot be written (%2). No file was changed. Ask an administrator to make the file and its folder readable and writable by the user running this program, then start again.</translation>
    </message>
    <message>
        <source>无法打开数据库文件 %1（%2）。没有改动任何文件。请检查存储卡是否插好、该目录是否存在且可读写，然后重新启动。</source>
        <translation>The database file %1 cannot be opened (%2). No file was changed. Check that the storage card is in place and that the folder exists and can be read and written, then start again.</translation>
    </message>
    <message>
        <source>读写数据库文件 %1 时出错（%2）。没有改动任何文件。存储卡或磁盘可能有故障：请先备份整个数据目录，再重新启动；仍然出错请联系技术支持。</source>
        <translation>Reading or writing the database file %1 failed (%2). No file was changed. The storage card or disk may be failing: back up the whole data folder first, then start again; if it still fails, contact support.</translation>
    </message>
    <message>
        <source>数据库文件 %1 正被其他程序使用（%2）。请关闭其他换表通窗口或命令后重试。</source>
        <translation>The database file %1 is in use by another program (%2). Close other MeterSwap windows or commands and try again.</translation>
    </message>
    <message>
        <source>无法打开数据库 %1：%2。没有改动任何文件。</source>
        <translation>Cannot open the database %1: %2. No file was changed.</translation>
    </message>
    <message>
        <source>数据库文件 %1 已损坏（%2）。程序没有改动它，现在停止。请从备份恢复该文件，或把它交给技术支持；不要删除它。</source>
        <translation>The database file %1 is damaged (%2). The program has not changed it and stops now. Restore the file from a backup or give it to support; do not delete it.</translation>
    </message>
    <message>
        <source>数据库文件 %1 已损坏（%2），也无法移到一旁。程序没有改动任何文件。请检查数据目录的权限后重新启动。</source>
        <translation>The database file %1 is damaged (%2) and could not be moved aside. No file was changed. Check the data folder&apos;s permissions, then start again.</translation>
    </message>
    <message>
        <source>数据库文件已损坏（%1）。它已被原样移到 %2 保存，没有删除；程序已用一个新的空数据库启动。证据文件（照片、签名等）都原样留在数据目录中。请把该文件交给技术支持以找回其中的记录。</source>
        <translation>The database file is damaged (%1). It was moved, unchanged, to %2 and not deleted; the program started with a new, empty database. Evidence files (photos, signatures and so on) all stay in the data folder as they were. Give that file to support to get its records back.</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用，暂时读不出%1。请关闭其他换表通窗口或命令后重试；数据都还在。</source>
        <translation>The database is in use by another program, so %1 cannot be read right now. Close other MeterSwap windows or commands and try again; no data is lost.</translation>
    </message>
    <message>
        <source>数据库文件已损坏，读不出%1（%2）。请重启程序，损坏的文件会被移到一旁保存。</source>
        <translation>The database file is damaged and %1 cannot be read (%2). Restart the program; the damaged file will be moved aside and kept.</translation>
    </message>
    <message>
        <source>读不出%1：%2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>the data</translation>
    </message>
</context>
<context>
    <name>ms::DeviceSettings</name>
    <message>
        <source>“%1”不是界面语言的代码：请选 zh_CN（中文）或 en（English）。</source>
        <translation>&quot;%1&quot; is not a language code: choose zh_CN (Chinese) or en (English).</translation>
    </message>
    <message>
        <source>照片长边 %1 像素不在 %2–%3 之间：请选一个列出的尺寸。</source>
        <translation>A photo long edge of %1 px is not between %2 and %3: choose one of the listed sizes.</translation>
    </message>
    <message numerus="yes">
        <source>这个文件夹里的卡片有 %n 处问题，未采用：
%1</source>
        <translation>
            <numerusform>The cards in this folder have %n problem and were not used:
%1</numerusform>
            <numerusform>The cards in this folder have %n problems and were not used:
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>没有指定办公令牌属于哪位用户。</source>
        <translation>No user was given for the office token.</translation>
    </message>
    <message>
        <source>办公令牌中不能有空格或换行：请只粘贴令牌本身（meterswap-office token create 打印的那一行）。</source>
        <translation>An office token has no spaces or line breaks: paste only the token itself (the line meterswap-office token create printed).</translation>
    </message>
</context>
<context>
    <name>ms::EvidenceFiles</name>
    <message>
        <source>无法读取文件 %1：%2。请确认文件存在且可读。</source>
        <translation>Cannot read file %1: %2. Check that the file exists and is readable.</translation>
    </message>
    <message>
        <source>读取文件 %1 时出错：%2</source>
        <translation>Error while reading file %1: %2</translation>
    </message>
    <message>
        <source>证据文件</source>
        <translation>evidence file</translation>
    </message>
    <message>
        <source>证据文件 %1 不见了。</source>
        <translation>Evidence file %1 is missing.</translation>
    </message>
    <message>
        <source>证据文件 %1 无法读取：%2</source>
        <translation>Evidence file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>证据文件 %1 的内容与其哈希不符（实际 %2），文件可能被改动或损坏。</source>
        <translation>The content of evidence file %1 does not match its hash (actual %2); the file may have been altered or damaged.</translation>
    </message>
    <message>
        <source>存储空间已满，%1未能保存，之前的数据都还在。请清理空间（例如先同步再删除旧照片）后重试。</source>
        <translation>Storage is full, so %1 was not saved. All earlier data is still there. Free up space (e.g. sync, then delete old photos) and try again.</translation>
    </message>
    <message>
        <source>%1未能保存：%2</source>
        <translation>%1 was not saved: %2</translation>
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
    <name>ms::FieldWalk</name>
    <message>
        <source>卡片 %1 的 %2 只能读表得到。</source>
        <translation>%2 on card %1 can only come from reading the meter.</translation>
    </message>
    <message>
        <source>作业卡目录中没有卡片 %1：请更新作业卡目录。</source>
        <translation>The card catalog has no card %1: update the card catalog.</translation>
    </message>
    <message>
        <source>工单没有走到最后一张卡片（停在 %1）。</source>
        <translation>The job did not reach its last card (it stopped at %1).</translation>
    </message>
</context>
<context>
    <name>ms::FileCapture</name>
    <message>
        <source>作业卡目录中没有卡片 %1：请检查卡片编号（例如 21.4）。</source>
        <translation>The card catalog has no card %1: check the card number (for example 21.4).</translation>
    </message>
    <message>
        <source>卡片 %1 没有证据项“%2”。这张卡片的证据项有：%3。</source>
        <translation>Card %1 has no evidence item &quot;%2&quot;. This card&apos;s evidence items are: %3.</translation>
    </message>
    <message>
        <source>读不到照片文件 %1（%2）：请检查路径和权限。</source>
        <translation>Cannot read the photo file %1 (%2): check the path and permissions.</translation>
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
    <name>ms::FlowChartPage</name>
    <message>
        <source>点选一个流程查看其作业卡片</source>
        <translation>Tap a flow to see its job cards</translation>
    </message>
    <message>
        <source>流程 %1 %2
责任岗位：%3&#x3000;进度：%4/%5</source>
        <translation>Flow %1 %2
Role: %3   Progress: %4/%5</translation>
    </message>
</context>
<context>
    <name>ms::FlowChartView</name>
    <message>
        <source>阶段 %1&#x3000;%2</source>
        <translation>Phase %1  %2</translation>
    </message>
</context>
<context>
    <name>ms::FormContextBuilder</name>
    <message>
        <source>自 %1 至 %2</source>
        <translation>from %1 to %2</translation>
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
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>机电不符</source>
        <translation>Meter/register mismatch</translation>
    </message>
    <message>
        <source>批量轮换</source>
        <translation>Batch rotation</translation>
    </message>
    <message>
        <source>缺购电记录</source>
        <translation>No purchase records</translation>
    </message>
    <message>
        <source>机电不符：差额电量 %1 kWh（%2）</source>
        <translation>Meter/register mismatch: energy difference %1 kWh (%2)</translation>
    </message>
    <message>
        <source>拆回旧表</source>
        <translation>Old meter removed and returned</translation>
    </message>
    <message>
        <source>机电不符，封存送检</source>
        <translation>Meter/register mismatch, sealed for testing</translation>
    </message>
    <message>
        <source>封存</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>待报废</source>
        <translation>To be scrapped</translation>
    </message>
    <message>
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <source>没有编号为 %1 的换表工作任务。请先用任务列表确认任务编号。</source>
        <translation>There is no meter replacement task %1. Check the task number in the task list first.</translation>
    </message>
    <message>
        <source>没有编号为 %1 的工单。请先用工单列表确认工单编号。</source>
        <translation>There is no job %1. Check the job number in the job list first.</translation>
    </message>
    <message>
        <source>工单 %1 的客户记录不存在，数据可能不完整，请重新同步任务。</source>
        <translation>The customer record of job %1 does not exist; the data may be incomplete. Please sync the task again.</translation>
    </message>
    <message>
        <source>附录 %1“%2”按户填写，请指定工单（--job 工单编号）。</source>
        <translation>Appendix %1 &quot;%2&quot; is filled per customer: give the job (--job JOB_NUMBER).</translation>
    </message>
    <message>
        <source>附录 %1“%2”按任务填写，请指定任务（--task 任务编号）。</source>
        <translation>Appendix %1 &quot;%2&quot; is filled per task: give the task (--task TASK_NUMBER).</translation>
    </message>
    <message>
        <source>读取附录 %1 已保存的填写内容失败：%2</source>
        <translation>Reading the saved entries of appendix %1 failed: %2</translation>
    </message>
    <message>
        <source>%1（倍率 %2）</source>
        <translation>%1 (multiplier %2)</translation>
    </message>
    <message>
        <source>旧表黑屏，止码取得方式：%1</source>
        <translation>Old meter display dead; final reading obtained by: %1</translation>
    </message>
    <message>
        <source>故障新表</source>
        <translation>Faulty new meter</translation>
    </message>
    <message>
        <source>新表故障（户号 %1）</source>
        <translation>New meter faulty (account %1)</translation>
    </message>
    <message>
        <source>新表故障：%1（户号 %2）</source>
        <translation>New meter faulty: %1 (account %2)</translation>
    </message>
    <message>
        <source>故障退回</source>
        <translation>Returned faulty</translation>
    </message>
</context>
<context>
    <name>ms::FormFillPage</name>
    <message>
        <source>附录 %1&#x3000;%2</source>
        <translation>Appendix %1  %2</translation>
    </message>
    <message>
        <source>浅色底的内容由系统根据任务、工单和现场记录自动填写，可修改；其余请补填，空着的将打印为空白线供手写。</source>
        <translation>Shaded fields are filled in from the task, job and field records and can be edited; fill in the rest. Empty fields print as blank lines for handwriting.</translation>
    </message>
    <message>
        <source>表格“%1”：%2 行由系统填写，打印时另留空行。</source>
        <translation>Table &quot;%1&quot;: %2 rows filled in by the system; blank rows are added when printing.</translation>
    </message>
    <message>
        <source>%1（已签）</source>
        <translation>%1 (signed)</translation>
    </message>
    <message>
        <source>签字：%1</source>
        <translation>Signature: %1</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>例如 2026-11-05</source>
        <translation>e.g. 2026-11-05</translation>
    </message>
    <message>
        <source>例如 2026-11-05 14:30</source>
        <translation>e.g. 2026-11-05 14:30</translation>
    </message>
    <message>
        <source>由系统自动填写（来源：%1）</source>
        <translation>Filled in by the system (from %1)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>打印预览 — 附录 %1</source>
        <translation>Print preview — Appendix %1</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>此表未关联工单或任务，填写内容不会保存；请直接打印或导出 PDF。</source>
        <translation>This form is not linked to a job or task, so entries are not saved; print it or export a PDF directly.</translation>
    </message>
    <message>
        <source>已保存的填写内容已载入。</source>
        <translation>Saved entries loaded.</translation>
    </message>
    <message>
        <source>填写后自动保存。</source>
        <translation>Entries are saved automatically.</translation>
    </message>
    <message>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>此表未关联工单或任务，填写内容无法保存。</source>
        <translation>This form is not linked to a job or task, so the entries cannot be saved.</translation>
    </message>
    <message>
        <source>保存失败：平板存储空间已满。请同步并清理旧数据后点“保存”重试。</source>
        <translation>Save failed: the tablet storage is full. Sync and clear old data, then tap &quot;Save&quot; again.</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Save failed: %1</translation>
    </message>
    <message>
        <source>填写内容仍在屏幕上，没有丢失。</source>
        <translation>Your entries are still on screen and not lost.</translation>
    </message>
    <message>
        <source>已保存（%1）</source>
        <translation>Saved (%1)</translation>
    </message>
    <message>
        <source>附录%1_%2.pdf</source>
        <translation>Appendix%1_%2.pdf</translation>
    </message>
    <message>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>已导出 PDF：%1</source>
        <translation>PDF exported: %1</translation>
    </message>
</context>
<context>
    <name>ms::FormLibrary</name>
    <message>
        <source>JSON 格式错误：%1</source>
        <translation>JSON format error: %1</translation>
    </message>
    <message>
        <source>附录编号须为 1 到 31</source>
        <translation>Appendix number must be 1 to 31</translation>
    </message>
    <message>
        <source>缺少表单名称</source>
        <translation>Form name missing</translation>
    </message>
    <message>
        <source>scope 应为 job、task、crew_day、stock 或 static</source>
        <translation>scope must be job, task, crew_day, stock or static</translation>
    </message>
    <message>
        <source>表单没有内容块</source>
        <translation>The form has no blocks</translation>
    </message>
    <message>
        <source>缺少附录文件，请补齐 1–31 号附录</source>
        <translation>Appendix files missing: add appendices 1–31</translation>
    </message>
    <message>
        <source>文件名与附录编号不一致</source>
        <translation>File name does not match the appendix number</translation>
    </message>
    <message>
        <source>header 应为 true 或 false</source>
        <translation>header must be true or false</translation>
    </message>
    <message>
        <source>只有宣传品和固定通知（scope static）可以不印单位和编号；记录类表单须保留表头</source>
        <translation>Only leaflets and fixed notices (scope static) may omit the organisation and number; record forms must keep the header</translation>
    </message>
    <message>
        <source>未知的属性（拼写错误？可用：%1）</source>
        <translation>Unknown attribute (typo? allowed: %1)</translation>
    </message>
    <message>
        <source>key 只能由小写字母、数字和下划线组成</source>
        <translation>key may contain only lowercase letters, digits and underscores</translation>
    </message>
    <message>
        <source>key“%1”在本表中重复</source>
        <translation>key &quot;%1&quot; repeats in this form</translation>
    </message>
    <message>
        <source>缺少字段名称</source>
        <translation>Field name missing</translation>
    </message>
    <message>
        <source>未知的字段类型“%1”</source>
        <translation>Unknown field type &quot;%1&quot;</translation>
    </message>
    <message>
        <source>选择类字段须列出选项</source>
        <translation>A choice field must list its options</translation>
    </message>
    <message>
        <source>字段块不能为空</source>
        <translation>A fields block must not be empty</translation>
    </message>
    <message>
        <source>列须有名称和正的宽度</source>
        <translation>A column needs a name and a positive width</translation>
    </message>
    <message>
        <source>表格至少需要一列</source>
        <translation>A table needs at least one column</translation>
    </message>
    <message>
        <source>未知的行来源“%1”</source>
        <translation>Unknown row source &quot;%1&quot;</translation>
    </message>
    <message>
        <source>文字块不能为空</source>
        <translation>A text block must not be empty</translation>
    </message>
    <message>
        <source>签字块至少需要一位签字人</source>
        <translation>A signatures block needs at least one signer</translation>
    </message>
    <message>
        <source>未知的块类型“%1”，应为 fields、table、text 或 signatures</source>
        <translation>Unknown block type &quot;%1&quot;: must be fields, table, text or signatures</translation>
    </message>
</context>
<context>
    <name>ms::FormRenderer</name>
    <message>
        <source>无法开始打印附录 %1：打印设备不可用。</source>
        <translation>Cannot start printing appendix %1: the printer is not available.</translation>
    </message>
    <message>
        <source>无法写入 %1：%2。请换一个有写权限的位置。</source>
        <translation>Cannot write %1: %2. Choose a location you can write to.</translation>
    </message>
    <message>
        <source>附录%1 %2</source>
        <translation>Appendix%1 %2</translation>
    </message>
    <message>
        <source>无法保存 %1：%2。请检查磁盘空间。</source>
        <translation>Cannot save %1: %2. Check the free disk space.</translation>
    </message>
    <message>
        <source>%1（续）</source>
        <translation>%1 (cont.)</translation>
    </message>
    <message>
        <source>单位：%1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>编号：%1</source>
        <translation>No.: %1</translation>
    </message>
    <message>
        <source>第 %1 页 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>附录 %1</source>
        <translation>Appendix %1</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;&#x3000;年&#x3000;&#x3000;月&#x3000;&#x3000;日</source>
        <translation>&#x3000;&#x3000;&#x3000;&#x3000;/&#x3000;&#x3000;/&#x3000;&#x3000;</translation>
    </message>
    <message>
        <source>&#x3000;年&#x3000;月&#x3000;日</source>
        <translation>&#x3000;&#x3000;/&#x3000;/&#x3000;</translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;&#x3000;年&#x3000;&#x3000;月&#x3000;&#x3000;日&#x3000;&#x3000;时&#x3000;&#x3000;分</source>
        <translation>&#x3000;&#x3000;&#x3000;&#x3000;/&#x3000;&#x3000;/&#x3000;&#x3000;&#x3000;&#x3000;:&#x3000;&#x3000;</translation>
    </message>
    <message>
        <source>&#x3000;年&#x3000;月&#x3000;日&#x3000;时&#x3000;分</source>
        <translation>&#x3000;&#x3000;/&#x3000;/&#x3000;&#x3000;:&#x3000;</translation>
    </message>
    <message>
        <source>&#x3000;月&#x3000;日&#x3000;时&#x3000;分</source>
        <translation>&#x3000;/&#x3000;&#x3000;:&#x3000;</translation>
    </message>
    <message>
        <source>%1（签字）</source>
        <translation>%1 (signature)</translation>
    </message>
    <message>
        <source>日期：%1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>日期：&#x3000;&#x3000;&#x3000;&#x3000;年&#x3000;&#x3000;月&#x3000;&#x3000;日</source>
        <translation>Date: &#x3000;&#x3000;&#x3000;&#x3000;/&#x3000;&#x3000;/&#x3000;&#x3000;</translation>
    </message>
</context>
<context>
    <name>ms::FormTargetPage</name>
    <message>
        <source>换表任务</source>
        <translation>Replacement tasks</translation>
    </message>
    <message>
        <source>任务编号、名称、台区或地址</source>
        <translation>Task number, name, area or address</translation>
    </message>
    <message>
        <source>客户（工单）</source>
        <translation>Customers (jobs)</translation>
    </message>
    <message>
        <source>户号、户名、地址或表号</source>
        <translation>Account no., name, address or meter no.</translation>
    </message>
    <message>
        <source>打开表单</source>
        <translation>Open form</translation>
    </message>
    <message>
        <source>附录 %1&#x3000;%2</source>
        <translation>Appendix %1  %2</translation>
    </message>
    <message>
        <source>此表每户一份：先选换表任务，再选客户。</source>
        <translation>This form is one per household: choose the task first, then the customer.</translation>
    </message>
    <message>
        <source>此表按换表任务填写：请选择任务。</source>
        <translation>This form is filled per task: choose a task.</translation>
    </message>
    <message>
        <source>平板上还没有换表任务：请先同步或导入任务。</source>
        <translation>No replacement tasks on this tablet yet: sync or import a task first.</translation>
    </message>
    <message>
        <source>没有与“%1”相符的任务。</source>
        <translation>No task matches &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>请先在左侧选择换表任务。</source>
        <translation>Choose a replacement task on the left first.</translation>
    </message>
    <message>
        <source>%1&#x3000;%2
%3 · %4</source>
        <translation>%1&#x3000;%2
%3 · %4</translation>
    </message>
    <message>
        <source>此任务没有客户。</source>
        <translation>This task has no customers.</translation>
    </message>
    <message>
        <source>没有与“%1”相符的客户。</source>
        <translation>No customer matches &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>尚未选择换表任务</source>
        <translation>No task chosen yet</translation>
    </message>
    <message>
        <source>尚未选择客户</source>
        <translation>No customer chosen yet</translation>
    </message>
    <message>
        <source>已选：%1</source>
        <translation>Chosen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1&#x3000;%2
%3 · %n 户，已完成 %4 户</source>
        <translation>
            <numerusform>%1&#x3000;%2
%3 · %n household, %4 done</numerusform>
            <numerusform>%1&#x3000;%2
%3 · %n households, %4 done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>显示前 %1 户（共 %n 户），输入户号或户名可缩小范围。</source>
        <translation>
            <numerusform>Showing the first %1 of %n household; type an account no. or name to narrow the list.</numerusform>
            <numerusform>Showing the first %1 of %n households; type an account no. or name to narrow the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>共 %n 户</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
    <message>
        <source>读不出任务列表：%1</source>
        <translation>Could not read the task list: %1</translation>
    </message>
    <message>
        <source>读不出客户列表：%1</source>
        <translation>Could not read the customer list: %1</translation>
    </message>
    <message>
        <source>%1&#x3000;%2
%3 · 读不出户数：%4</source>
        <translation>%1  %2
%3 · household counts cannot be read: %4</translation>
    </message>
</context>
<context>
    <name>ms::FormsPage</name>
    <message>
        <source>每户一份（按客户工单填写）</source>
        <translation>One per household (filled per customer job)</translation>
    </message>
    <message>
        <source>每个换表任务一份（台区、小区）</source>
        <translation>One per replacement task (area, estate)</translation>
    </message>
    <message>
        <source>每班每日一份（按换表任务）</source>
        <translation>One per crew per day (by task)</translation>
    </message>
    <message>
        <source>设备材料出入库（按换表任务）</source>
        <translation>Equipment and material in/out (by task)</translation>
    </message>
    <message>
        <source>宣传材料与文件（直接打印）</source>
        <translation>Publicity material and documents (print as is)</translation>
    </message>
    <message>
        <source>其他表单</source>
        <translation>Other forms</translation>
    </message>
    <message>
        <source>附录表单</source>
        <translation>Appendix forms</translation>
    </message>
    <message>
        <source>搜索：附录编号或名称中的字，例如 8 或 凭证</source>
        <translation>Search: appendix number or words of its name, e.g. 8 or voucher</translation>
    </message>
    <message>
        <source>附录表单无法读取：%1
请在设置中改回内置卡片目录，或更新目录文件夹。</source>
        <translation>The appendix forms cannot be read: %1
In Settings, switch back to the built-in card catalog or update the catalog folder.</translation>
    </message>
    <message>
        <source>附录 %1&#x3000;%2</source>
        <translation>Appendix %1  %2</translation>
    </message>
    <message numerus="yes">
        <source>没有与“%1”相符的表单。请换个词，或清空搜索查看全部 %n 张附录。</source>
        <translation>
            <numerusform>No form matches &quot;%1&quot;. Try another word, or clear the search to see the %n appendix.</numerusform>
            <numerusform>No form matches &quot;%1&quot;. Try another word, or clear the search to see all %n appendices.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::IllustrationView</name>
    <message>
        <source>示意图无法显示（%1）：请检查作业卡目录中的示意图文件</source>
        <translation>The illustration cannot be shown (%1): check the illustration file in the card catalog</translation>
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
        <source>台区/任务作业卡</source>
        <translation>Area / task cards</translation>
    </message>
    <message>
        <source>集中器、信号测试等每个台区只做一次的作业卡</source>
        <translation>Cards done once per area, not per household: concentrator, signal test and the like</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>换表工单（%n 个任务）</source>
        <translation>
            <numerusform>Jobs (%n task)</numerusform>
            <numerusform>Jobs (%n tasks)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>共 %n 户</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>读不出工单列表：%1</source>
        <translation>Could not read the job list: %1</translation>
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
        <source>&lt;b style=&apos;font-size:26px&apos;&gt;%1&lt;/b&gt;&#x3000;户号 &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3&lt;br&gt;电话 %4&#x3000;表箱 %5&#x3000;%6</source>
        <translation>&lt;b style=&apos;font-size:26px&apos;&gt;%1&lt;/b&gt;&#x3000;Account &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3&lt;br&gt;Phone %4&#x3000;Box %5&#x3000;%6</translation>
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
        <source>&lt;br&gt;&lt;b style=&apos;color:#b31212&apos;&gt;机电不符客户&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b31212&apos;&gt;Register mismatch customer&lt;/b&gt;</translation>
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
        <source>&#x3000;→ %1&#x3000;%2</source>
        <translation>&#x3000;→ %1&#x3000;%2</translation>
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
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 &lt;b&gt;%2 %3&lt;/b&gt;：%4&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;退回原因：%5&lt;/span&gt;</source>
        <translation>%1 &lt;b&gt;%2 %3&lt;/b&gt;: %4&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;Reason: %5&lt;/span&gt;</translation>
    </message>
    <message>
        <source>已重新采集</source>
        <translation>re-captured</translation>
    </message>
    <message>
        <source>待重新采集</source>
        <translation>to be re-captured</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b31212&apos;&gt;内勤退回（第 %1 次送审，%2）&lt;/b&gt;：请重新采集下列各项。&lt;br&gt;%3</source>
        <translation>&lt;b style=&apos;color:#b31212&apos;&gt;Sent back by the office (submission %1, %2)&lt;/b&gt;: please capture these items again.&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>重新提交（第 %1 次送审）</source>
        <translation>Resubmit (submission %1)</translation>
    </message>
    <message>
        <source>重新采集：%1 %2</source>
        <translation>Capture again: %1 %2</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1b6e2a&apos;&gt;已审核通过&lt;/b&gt;（%1）：本工单只能查看，不能再修改。如需更正，请联系内勤。</source>
        <translation>&lt;b style=&apos;color:#1b6e2a&apos;&gt;Approved&lt;/b&gt; (%1): this job can only be viewed, not changed. To correct it, contact the office.</translation>
    </message>
    <message>
        <source>已审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已重新提交（第 %1 次送审），等待内勤审核。</source>
        <translation>Resubmitted (submission %1), waiting for the office&apos;s review.</translation>
    </message>
    <message>
        <source>已送审（第 %1 次），等待内勤审核。</source>
        <translation>Submitted (submission %1), waiting for the office&apos;s review.</translation>
    </message>
</context>
<context>
    <name>ms::JobSession</name>
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
    <message>
        <source>任务：%1    编号：%2</source>
        <translation>Task: %1    Number: %2</translation>
    </message>
    <message>
        <source>台区：%1    地址：%2</source>
        <translation>Area: %1    Address: %2</translation>
    </message>
    <message>
        <source>内部错误：一个操作不能放在另一个事务里进行，没有保存任何内容。</source>
        <translation>Internal error: an action cannot run inside another transaction. Nothing was saved.</translation>
    </message>
    <message>
        <source>作业卡目录中没有卡片 %1 的第 %2 步：请更新作业卡目录。</source>
        <translation>The card catalog has no step %2 on card %1: update the card catalog.</translation>
    </message>
    <message>
        <source>卡片 %1 没有证据项 %2：请更新作业卡目录。</source>
        <translation>Card %1 has no evidence item %2: update the card catalog.</translation>
    </message>
    <message>
        <source>卡片 %1 的证据项“%2”要的是 %3，不能这样采集：请用它旁边的按钮采集。</source>
        <translation>Evidence item “%2” of card %1 needs %3 and cannot be captured this way: use the button next to it.</translation>
    </message>
    <message>
        <source>台区的作业卡不送内勤审核，不需要重新提交。</source>
        <translation>A task&apos;s own cards are not reviewed by the office: there is nothing to resubmit.</translation>
    </message>
    <message>
        <source>该工单现在是“%1”，没有被退回，不需要重新提交。</source>
        <translation>This job is &quot;%1&quot;, not sent back: there is nothing to resubmit.</translation>
    </message>
    <message>
        <source>还有退回项没有重新采集：%1。请先重新采集这些项，再重新提交。</source>
        <translation>Items sent back are not captured again yet: %1. Capture them again first, then resubmit.</translation>
    </message>
    <message>
        <source>该工单已审核通过，不能再修改（%1 于 %2 审核通过）：如需更正，请联系内勤。</source>
        <translation>This job has been approved and can no longer be changed (approved by %1 at %2): to correct it, contact the office.</translation>
    </message>
    <message>
        <source>内勤</source>
        <translation>the office</translation>
    </message>
    <message>
        <source>新表 %1 不在本班组领用的表计中。请核对资产编号；确实要装这只表，请写明原因后继续（办公室审核时会看到）。</source>
        <translation>New meter %1 is not among the meters issued to this crew. Check the asset number; to install this meter all the same, give a reason and go on (the office sees it in review).</translation>
    </message>
    <message>
        <source>封印 %1 不在本班组领用的封印中。请核对封印号；确实要用这枚封印，请写明原因后继续（办公室审核时会看到）。</source>
        <translation>Seal %1 is not among the seals issued to this crew. Check the seal number; to use this seal all the same, give a reason and go on (the office sees it in review).</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1”须由%2本人签字，%3的账号不能代签：请%2用自己的账号登录（在本平板或自己的设备上）后再签。</source>
        <translation>&quot;%1&quot; must be signed by the %2 in person; %3&apos;s account cannot sign for them: have the %2 sign in with their own account (on this tablet or their own device) and sign.</translation>
    </message>
    <message>
        <source>卡片 %1 还没有记录“%2”，无法核对：请先在卡片 %1 上记录。</source>
        <translation>Card %1 has no &quot;%2&quot; recorded yet, so nothing can be checked against it: record it on card %1 first.</translation>
    </message>
    <message>
        <source>“%1”与卡片 %2 记录的“%3”（%4）不一致：请核对实物上的编号后重新输入。</source>
        <translation>&quot;%1&quot; does not match &quot;%3&quot; recorded on card %2 (%4): check the number on the item itself and enter it again.</translation>
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
    <message>
        <source>台区/任务作业卡 · %1</source>
        <translation>Area / task cards · %1</translation>
    </message>
    <message>
        <source>本张台区作业卡已完成，记录已保存在任务上，联网后会自动上传。</source>
        <translation>This area card is complete. The record is saved on the task and uploads by itself once online.</translation>
    </message>
    <message>
        <source>台区作业卡 · %1</source>
        <translation>Area card · %1</translation>
    </message>
    <message>
        <source>%1 · 档案与抄读核查</source>
        <translation>%1 · Archive and reading check</translation>
    </message>
    <message>
        <source>%1 · 集中器维护口</source>
        <translation>%1 · Concentrator maintenance port</translation>
    </message>
</context>
<context>
    <name>ms::MeterReadFlow</name>
    <message>
        <source>读不出本机的读表设置：%1。请选择端口后读表。</source>
        <translation>The meter settings of this device cannot be read: %1. Choose the port, then read the meter.</translation>
    </message>
</context>
<context>
    <name>ms::MeterReadPage</name>
    <message>
        <source>读表</source>
        <translation>Read meter</translation>
    </message>
    <message>
        <source>工单表计：资产编号 %1&#x3000;通信地址 %2</source>
        <translation>Job meter: asset no. %1   comm. address %2</translation>
    </message>
    <message>
        <source>红外</source>
        <translation>Infrared</translation>
    </message>
    <message>
        <source>RS-485</source>
        <translation>RS-485</translation>
    </message>
    <message>
        <source>%1 bit/s</source>
        <translation>%1 bit/s</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>把红外探头贴紧表计红外口（或接好 RS-485 线），然后点“读表”。</source>
        <translation>Hold the infrared probe against the meter&apos;s IR port (or connect the RS-485 cable), then tap &quot;Read meter&quot;.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>扫描铭牌条码（导入照片）</source>
        <translation>Scan nameplate barcode (import photo)</translation>
    </message>
    <message>
        <source>资产编号：未扫描</source>
        <translation>Asset no.: not scanned</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>保存到工单</source>
        <translation>Save to job</translation>
    </message>
    <message>
        <source>请先选择串口：插上红外探头或 RS-485 转换器后点“刷新”，或直接输入设备路径。</source>
        <translation>Choose a serial port first: plug in the IR probe or RS-485 adapter and tap &quot;Refresh&quot;, or type the device path.</translation>
    </message>
    <message>
        <source>正在识别电表规约（%1）…</source>
        <translation>Detecting the meter protocol (%1)…</translation>
    </message>
    <message>
        <source>正在读表…</source>
        <translation>Reading meter…</translation>
    </message>
    <message>
        <source>正在读取：%1（%2/%3）</source>
        <translation>Reading: %1 (%2/%3)</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>此表无此项</source>
        <translation>Not on this meter</translation>
    </message>
    <message>
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>已取消。可以重新读表。</source>
        <translation>Cancelled. You can read the meter again.</translation>
    </message>
    <message>
        <source>读表完成：%1，通信地址 %2，用时 %3 秒。</source>
        <translation>Read complete: %1, comm. address %2, %3 s.</translation>
    </message>
    <message>
        <source>扫描到的资产编号 %1 与工单上的 %2 不一致：请确认这块表是不是本户的表。</source>
        <translation>Scanned asset number %1 differs from %2 on the job: check that this meter belongs to this customer.</translation>
    </message>
    <message>
        <source>识别到条码 %1，但它不像资产编号（至少 12 位数字）。请扫描铭牌上的资产编号条码。</source>
        <translation>Found barcode %1, but it does not look like an asset number (at least 12 digits). Scan the asset-number barcode on the nameplate.</translation>
    </message>
    <message>
        <source>资产编号：%1</source>
        <translation>Asset no.: %1</translation>
    </message>
    <message>
        <source>（与通信地址一致 ✓）</source>
        <translation>(matches comm. address ✓)</translation>
    </message>
    <message>
        <source>（与通信地址不一致）</source>
        <translation>(does not match comm. address)</translation>
    </message>
    <message>
        <source>选择铭牌照片</source>
        <translation>Choose nameplate photo</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>无法打开图片 %1：%2</source>
        <translation>Cannot open image %1: %2</translation>
    </message>
    <message>
        <source>已保存到工单。</source>
        <translation>Saved to the job.</translation>
    </message>
    <message>
        <source>保存失败：%1 读数仍在本页，可以重试。</source>
        <translation>Save failed: %1 The readings are still on this page; you can try again.</translation>
    </message>
</context>
<context>
    <name>ms::MismatchCalculator</name>
    <message>
        <source>该客户</source>
        <translation>This customer</translation>
    </message>
    <message>
        <source>户号 %1</source>
        <translation>Account %1</translation>
    </message>
    <message>
        <source>%1 没有累计购电记录，无法计算差额电量。请内勤按流程 5.1 导入该户的购电记录（附录 4）后重新计算；在此之前不登记分档。</source>
        <translation>%1 has no purchase records, so the energy difference cannot be calculated. The office clerk should import this customer&apos;s purchase records (Appendix 4) as in flow 5.1 and recalculate; no tier is registered until then.</translation>
    </message>
    <message>
        <source>%1 尚未抄录旧表机械计度器示数，请按流程 6.1 现场抄录后再计算。</source>
        <translation>%1: the old meter&apos;s mechanical register reading is not recorded yet. Record it on site as in flow 6.1, then calculate.</translation>
    </message>
    <message>
        <source>%1 尚未抄录旧表剩余电量，请按流程 6.1 现场抄录后再计算。</source>
        <translation>%1: the old meter&apos;s remaining energy is not recorded yet. Record it on site as in flow 6.1, then calculate.</translation>
    </message>
    <message>
        <source>%1 的购电量、剩余电量和计度器示数都不能为负数，请核对后重新录入。</source>
        <translation>%1: energy purchased, remaining energy and register reading cannot be negative. Check and enter them again.</translation>
    </message>
    <message>
        <source>%1 的剩余电量 %2 kWh 大于累计购电量 %3 kWh，数据不可能成立。请核对现场抄录的剩余电量或重新导入购电记录。</source>
        <translation>%1: remaining energy %2 kWh is more than total energy purchased %3 kWh, which is impossible. Check the remaining energy recorded on site or import the purchase records again.</translation>
    </message>
    <message>
        <source>%1 的机械计度器示数 %2 kWh 小于开户时示数 %3 kWh，请核对抄录的示数。</source>
        <translation>%1: mechanical register reading %2 kWh is less than the reading at account opening, %3 kWh. Check the recorded reading.</translation>
    </message>
    <message>
        <source>差额电量 %1 kWh 不属于任何分档，请检查分档配置是否首尾相接。</source>
        <translation>Energy difference %1 kWh falls in no tier. Check that the tier settings have no gaps.</translation>
    </message>
</context>
<context>
    <name>ms::MismatchConfig</name>
    <message>
        <source>JSON 格式错误：%1</source>
        <translation>JSON format error: %1</translation>
    </message>
    <message>
        <source>至少需要一个分档</source>
        <translation>At least one tier is needed</translation>
    </message>
    <message>
        <source>每个分档都需要 id 和 name</source>
        <translation>Every tier needs an id and a name</translation>
    </message>
    <message>
        <source>min 必须小于 max</source>
        <translation>min must be less than max</translation>
    </message>
    <message>
        <source>分档 id“%1”重复</source>
        <translation>Tier id &quot;%1&quot; repeats</translation>
    </message>
    <message>
        <source>第一档的 min 必须为 null，否则更小的差额无档可归</source>
        <translation>The first tier&apos;s min must be null, otherwise smaller differences fall in no tier</translation>
    </message>
    <message>
        <source>最后一档的 max 必须为 null，否则更大的差额无档可归</source>
        <translation>The last tier&apos;s max must be null, otherwise larger differences fall in no tier</translation>
    </message>
    <message>
        <source>分档须按从小到大排列且首尾相接：本档 min 应等于上一档 max</source>
        <translation>Tiers must run from small to large without gaps: this tier&apos;s min must equal the previous tier&apos;s max</translation>
    </message>
    <message>
        <source>无法读取分档配置 %1：%2</source>
        <translation>Cannot read the tier settings %1: %2</translation>
    </message>
    <message>
        <source>应为数字（千瓦时）或 null（无界）</source>
        <translation>Must be a number (kWh) or null (no limit)</translation>
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
    <name>ms::OfficeBanner</name>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>连不上办公室服务器 %1：%2
屏幕上保留的是上次取到的数据；此时做的审核决定保存在本机，服务器恢复后自动发送。请检查网络后点“重试”。</source>
        <translation>Cannot reach the office server %1: %2
The screen keeps the data last fetched; decisions made now are saved on this computer and sent automatically when the server is back. Check the network, then press &quot;Retry&quot;.</translation>
    </message>
    <message>
        <source>读不出本机未发送的审核决定：%1</source>
        <translation>Cannot read the unsent review decisions on this computer: %1</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>（办公室没有接受：%1）</source>
        <translation> (refused by the office: %1)</translation>
    </message>
    <message>
        <source>（等待发送：%1）</source>
        <translation> (waiting to be sent: %1)</translation>
    </message>
    <message>
        <source>所有审核决定都已送达办公室。</source>
        <translation>Every review decision has reached the office.</translation>
    </message>
    <message numerus="yes">
        <source>有 %n 条审核决定还没有送达办公室（保存在本机，不会丢失）。</source>
        <translation>
            <numerusform>%n review decision has not reached the office yet (saved on this computer, not lost).</numerusform>
            <numerusform>%n review decisions have not reached the office yet (saved on this computer, not lost).</numerusform>
        </translation>
    </message>
    <message>
        <source>正在向办公室服务器 %1 确认本机令牌…</source>
        <translation>Checking this computer&apos;s token with the office server %1…</translation>
    </message>
    <message>
        <source>办公室服务器 %1 没有确认本机令牌：%2</source>
        <translation>The office server %1 did not confirm this computer&apos;s token: %2</translation>
    </message>
    <message>
        <source>办公室服务器 %1：%2（%3）</source>
        <translation>Office server %1: %2 (%3)</translation>
    </message>
    <message>
        <source>现场设备令牌，没有办公室岗位</source>
        <translation>a field device&apos;s token, no office role</translation>
    </message>
    <message>
        <source>
本机令牌没有 %1 岗位，这些队列读不到；请办公室用 meterswap-office token create --roles %1 生成新令牌。</source>
        <translation>
This computer&apos;s token lacks the %1 role, so those queues cannot be read; ask the office for a new token made with meterswap-office token create --roles %1.</translation>
    </message>
    <message>
        <source>已阅，移出列表</source>
        <translation>Read; remove from the list</translation>
    </message>
    <message>
        <source>办公室没有接受的决定不会再发送；读过原因后可以把它移出列表。</source>
        <translation>A decision the office refused is never sent again; once you have read why, you can remove it from the list.</translation>
    </message>
    <message>
        <source>没能移出列表：%1</source>
        <translation>Could not remove it from the list: %1</translation>
    </message>
</context>
<context>
    <name>ms::OfficeHome</name>
    <message>
        <source>附录 %1 不在表单目录中。</source>
        <translation>Appendix %1 is not in the form catalog.</translation>
    </message>
    <message>
        <source>附录表单无法读取：%1</source>
        <translation>The appendix forms cannot be read: %1</translation>
    </message>
    <message>
        <source>附录 %1 无法打开：%2</source>
        <translation>Appendix %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>宣传材料与文件：按内置内容打印，可补填空白处。</source>
        <translation>Publicity material and documents: print the built-in content; blanks can be filled in.</translation>
    </message>
    <message>
        <source>客户：%1 %2（任务 %3）</source>
        <translation>Customer: %1 %2 (task %3)</translation>
    </message>
    <message>
        <source>换表任务：%1 %2</source>
        <translation>Replacement task: %1 %2</translation>
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
        <translation>This device cannot record here: use &quot;Import video file&quot;.</translation>
    </message>
    <message>
        <source>本机没有相机：请用“导入照片文件”
选择已拍好的照片。</source>
        <translation>This device has no camera: use &quot;Import photo file&quot;
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
        <translation>%1 × %2 px, %3 KB. Check the reading and seals are clear, then tap &quot;Keep&quot;.</translation>
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
    <name>ms::PhotoViewer</name>
    <message>
        <source>正在从办公室服务器读取照片原图…</source>
        <translation>Reading the full-size photo from the office server…</translation>
    </message>
    <message>
        <source>缩小 (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <source>原始大小 (0)</source>
        <translation>Actual size (0)</translation>
    </message>
    <message>
        <source>放大 (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>照片读不到：%1</source>
        <translation>Cannot read the photo: %1</translation>
    </message>
    <message numerus="yes">
        <source>办公室发来的文件不是能显示的图片（%n 字节）。</source>
        <translation>
            <numerusform>The file from the office is not an image that can be shown (%n byte).</numerusform>
            <numerusform>The file from the office is not an image that can be shown (%n bytes).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2 像素。Ctrl+滚轮或 +/- 缩放。</source>
        <translation>%1 × %2 pixels. Ctrl+wheel or +/- to zoom.</translation>
    </message>
</context>
<context>
    <name>ms::PinPanel</name>
    <message numerus="yes">
        <source>办公室给的解锁码（%n 位）</source>
        <translation>
            <numerusform>Unlock code from the office (%n digit)</numerusform>
            <numerusform>Unlock code from the office (%n digits)</numerusform>
        </translation>
    </message>
    <message>
        <source>新 PIN 码（%1 到 %2 位数字）</source>
        <translation>New PIN (%1 to %2 digits)</translation>
    </message>
    <message>
        <source>再输一次新 PIN 码</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>请输入办公室给的 %n 位解锁码。</source>
        <translation>
            <numerusform>Enter the %n-digit unlock code from the office.</numerusform>
            <numerusform>Enter the %n-digit unlock code from the office.</numerusform>
        </translation>
    </message>
    <message>
        <source>两次输入的新 PIN 码不一样，请再输一次。</source>
        <translation>The two new PINs differ. Please enter it again.</translation>
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
    <name>ms::ProgressPage</name>
    <message>
        <source>未提交</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <source>重新提交</source>
        <translation>Resubmitted</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>电费已确认</source>
        <translation>Billing confirmed</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>换表进度</source>
        <translation>Replacement progress</translation>
    </message>
    <message>
        <source>按台区</source>
        <translation>By area</translation>
    </message>
    <message>
        <source>按班组和日期</source>
        <translation>By crew and day</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>保存进度表</source>
        <translation>Save the progress table</translation>
    </message>
    <message>
        <source>/换表进度-%1.csv</source>
        <translation>/replacement-progress-%1.csv</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>正在从办公室服务器 %1 读取进度…</source>
        <translation>Reading the progress from the office server %1…</translation>
    </message>
    <message>
        <source>显示的是 %1 取到的数据：%2</source>
        <translation>Showing the data fetched at %1: %2</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>班组</source>
        <translation>Crew</translation>
    </message>
    <message>
        <source>台区/任务</source>
        <translation>Area / task</translation>
    </message>
    <message>
        <source>工单数</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>审核通过率</source>
        <translation>Pass rate</translation>
    </message>
    <message>
        <source>一次通过率</source>
        <translation>First-time-right rate</translation>
    </message>
    <message>
        <source>主要退回原因</source>
        <translation>Top send-back reasons</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>各班组每日工单状态</source>
        <translation>Jobs by state, per crew and day</translation>
    </message>
    <message>
        <source>各台区工单状态</source>
        <translation>Jobs by state, per area</translation>
    </message>
    <message>
        <source>进度表没有写成 %1：%2。请换一个文件夹再导出。</source>
        <translation>The progress table %1 was not written: %2. Export to another folder.</translation>
    </message>
    <message>
        <source>进度表已导出到 %1。</source>
        <translation>Progress table exported to %1.</translation>
    </message>
</context>
<context>
    <name>ms::RescueDialog</name>
    <message>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>本机的数据库文件已损坏，已被原样移到一旁保存。</source>
        <translation>This device&apos;s database file is damaged. It was moved aside, unchanged, and kept.</translation>
    </message>
    <message>
        <source>损坏的文件：%1（没有删除，技术支持可用它找回记录）</source>
        <translation>Damaged file: %1 (not deleted; support can use it to get records back)</translation>
    </message>
    <message numerus="yes">
        <source>证据文件（照片、视频、签名）：%n 个都还在数据目录中，没有删除。</source>
        <translation>
            <numerusform>Evidence files (photos, videos, signatures): the %n file is still in the data folder, not deleted.</numerusform>
            <numerusform>Evidence files (photos, videos, signatures): all %n files are still in the data folder, none deleted.</numerusform>
        </translation>
    </message>
    <message>
        <source>恢复这些记录</source>
        <translation>Restore these records</translation>
    </message>
    <message>
        <source>不恢复，用新的空数据库继续</source>
        <translation>Do not restore; go on with the new, empty database</translation>
    </message>
    <message>
        <source>用新的空数据库继续</source>
        <translation>Go on with the new, empty database</translation>
    </message>
    <message>
        <source>未能恢复</source>
        <translation>Could not restore</translation>
    </message>
</context>
<context>
    <name>ms::ReviewJobPage</name>
    <message>
        <source>表口读取</source>
        <translation>read over the meter port</translation>
    </message>
    <message>
        <source>更正（手工替换了先前的读数）</source>
        <translation>corrected (typed to replace an earlier reading)</translation>
    </message>
    <message>
        <source>手工录入</source>
        <translation>typed</translation>
    </message>
    <message>
        <source>提交审核</source>
        <translation>Submitted for review</translation>
    </message>
    <message>
        <source>重新提交</source>
        <translation>Resubmitted</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>电费信息确认</source>
        <translation>Billing confirmed</translation>
    </message>
    <message>
        <source>电费审核退回</source>
        <translation>Sent back by billing</translation>
    </message>
    <message>
        <source>已导出到营销系统</source>
        <translation>Exported to the marketing system</translation>
    </message>
    <message>
        <source>卡片 / 要求（勾选 = 退回此项）</source>
        <translation>Card / requirement (tick = send this back)</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>照片、签名与视频（点击看原图）</source>
        <translation>Photos, signatures and videos (click for the full size)</translation>
    </message>
    <message>
        <source>封印</source>
        <translation>Seals</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>封印号</source>
        <translation>Seal no.</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>照片不清晰</source>
        <translation>Photo not clear</translation>
    </message>
    <message>
        <source>读数与照片不符</source>
        <translation>Reading does not match the photo</translation>
    </message>
    <message>
        <source>缺少照片</source>
        <translation>Photo missing</translation>
    </message>
    <message>
        <source>封印号不清</source>
        <translation>Seal number unreadable</translation>
    </message>
    <message>
        <source>签名缺失</source>
        <translation>Signature missing</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>补充说明（选“其他”时必填）</source>
        <translation>Details (required with &quot;Other&quot;)</translation>
    </message>
    <message>
        <source>通过 (Ctrl+Enter)</source>
        <translation>Approve (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>退回所选项 (Ctrl+B)</source>
        <translation>Send back ticked items (Ctrl+B)</translation>
    </message>
    <message>
        <source>下一个 (Ctrl+N)</source>
        <translation>Next (Ctrl+N)</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>正在从办公室服务器读取工单…</source>
        <translation>Reading the job from the office server…</translation>
    </message>
    <message>
        <source>显示的是 %1 取到的数据：%2</source>
        <translation>Showing the data fetched at %1: %2</translation>
    </message>
    <message>
        <source>工单读不到：%1</source>
        <translation>Cannot read the job: %1</translation>
    </message>
    <message>
        <source>工单</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>%1 %2&#x3000;%3&#x3000;班组 %4&#x3000;第 %5 次提交（%6）</source>
        <translation>%1 %2&#x3000;%3&#x3000;crew %4&#x3000;submission %5 (%6)</translation>
    </message>
    <message>
        <source>⚠ %1 %2：%3</source>
        <translation>⚠ %1 %2: %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Not complete</translation>
    </message>
    <message>
        <source>缺：%1</source>
        <translation>Missing: %1</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>（已被重做替换）</source>
        <translation> (replaced by a redo)</translation>
    </message>
    <message>
        <source>
▶ 视频</source>
        <translation>
▶ Video</translation>
    </message>
    <message>
        <source>缩略图无法显示</source>
        <translation>The thumbnail cannot be shown</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>%1 %2：%3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>通过 %1</source>
        <translation>Approve %1</translation>
    </message>
    <message>
        <source>审核决定没有保存：%1</source>
        <translation>The decision was not saved: %1</translation>
    </message>
    <message>
        <source>已通过。</source>
        <translation>Approved.</translation>
    </message>
    <message>
        <source>没有退回：选了“其他”，请在补充说明中写明原因。</source>
        <translation>Not sent back: with &quot;Other&quot;, write the reason in the details.</translation>
    </message>
    <message>
        <source>没有退回：请先勾选要班组重做的项目（卡片下的要求前的方框）。</source>
        <translation>Not sent back: first tick the items the crew must redo (the boxes in front of the requirements under each card).</translation>
    </message>
    <message>
        <source>退回 %1：%2（%3）</source>
        <translation>Send back %1: %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>已退回 %n 项。</source>
        <translation>
            <numerusform>Sent back %n item.</numerusform>
            <numerusform>Sent back %n items.</numerusform>
        </translation>
    </message>
    <message>
        <source>↻ 重做：%1</source>
        <translation>↻ Redone: %1</translation>
    </message>
    <message numerus="yes">
        <source>本次重新提交，班组重做了 %n 项（旧的记录保留，在下方卡片中划线显示）：</source>
        <translation>
            <numerusform>In this resubmission the crew redid %n item (the earlier capture is kept, struck out in the cards below):</numerusform>
            <numerusform>In this resubmission the crew redid %n items (the earlier captures are kept, struck out in the cards below):</numerusform>
        </translation>
    </message>
    <message>
        <source>↻ %1 %2</source>
        <translation>↻ %1 %2</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>读数</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ms::ReviewQueuePage</name>
    <message>
        <source>待内勤审核（31.1）</source>
        <translation>Awaiting office review (31.1)</translation>
    </message>
    <message>
        <source>全部台区</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>班组</source>
        <translation>Crew</translation>
    </message>
    <message>
        <source>提交日期</source>
        <translation>Submitted between</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>台区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>台区/任务</source>
        <translation>Area / task</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>正在从办公室服务器 %1 读取待审核工单…</source>
        <translation>Reading the jobs awaiting review from the office server %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n 个工单等待审核（按提交时间，最早的在前）。</source>
        <translation>
            <numerusform>%n job awaiting review (by submission time, oldest first).</numerusform>
            <numerusform>%n jobs awaiting review (by submission time, oldest first).</numerusform>
        </translation>
    </message>
    <message>
        <source>显示的是 %1 取到的数据：%2</source>
        <translation>Showing the data fetched at %1: %2</translation>
    </message>
    <message>
        <source>读不到待审核工单：%1</source>
        <translation>Cannot read the jobs awaiting review: %1</translation>
    </message>
    <message>
        <source>重新提交</source>
        <translation>Resubmitted</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>（电费审核退回）</source>
        <translation> (sent back by billing)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>加载更多（再取 %n 个）</source>
        <translation>
            <numerusform>Load more (%n more)</numerusform>
            <numerusform>Load more (%n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已显示最早提交的 %n 个待审核工单，还有更多：点“加载更多”。</source>
        <translation>
            <numerusform>Showing the %n earliest submitted job; there are more: press Load more.</numerusform>
            <numerusform>Showing the %n earliest submitted jobs; there are more: press Load more.</numerusform>
        </translation>
    </message>
    <message>
        <source>正在读取下一页…</source>
        <translation>Reading the next page…</translation>
    </message>
    <message>
        <source>下一页读不到：%1</source>
        <translation>Could not read the next page: %1</translation>
    </message>
</context>
<context>
    <name>ms::ReviewStatus</name>
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
        <translation>Awaiting appointment</translation>
    </message>
    <message>
        <source>已送审</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <source>已重新提交</source>
        <translation>Resubmitted</translation>
    </message>
    <message>
        <source>已审核通过</source>
        <translation>Approved</translation>
    </message>
</context>
<context>
    <name>ms::RoleHomePage</name>
    <message>
        <source>我的工作</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>标准化流程图</source>
        <translation>Standard flow chart</translation>
    </message>
    <message>
        <source>未知岗位“%1”：请在用户设置中改为目录中的岗位。</source>
        <translation>Unknown role &quot;%1&quot;: change it in the user settings to a role from the catalog.</translation>
    </message>
    <message>
        <source>此用户还没有分配岗位，请管理员在用户设置中添加。</source>
        <translation>This user has no role yet. Ask an administrator to add one in the user settings.</translation>
    </message>
    <message>
        <source>缺购电记录（5.1 导入）</source>
        <translation>No purchase records (import, 5.1)</translation>
    </message>
    <message>
        <source>机电不符登记（7.1/7.2）</source>
        <translation>Meter/register mismatch register (7.1/7.2)</translation>
    </message>
    <message>
        <source>待内勤审核（31.1）</source>
        <translation>Awaiting clerk review (31.1)</translation>
    </message>
    <message>
        <source>待出库（13.1）</source>
        <translation>Awaiting stock issue (13.1)</translation>
    </message>
    <message>
        <source>待拆旧入库（32.1）</source>
        <translation>Awaiting return of old meters (32.1)</translation>
    </message>
    <message>
        <source>未开始的工单</source>
        <translation>Jobs not started</translation>
    </message>
    <message>
        <source>进行中的工单</source>
        <translation>Jobs in progress</translation>
    </message>
    <message>
        <source>约时待换（21.8）</source>
        <translation>Appointment set, awaiting swap (21.8)</translation>
    </message>
    <message>
        <source>待现场验收（28）</source>
        <translation>Awaiting site acceptance (28)</translation>
    </message>
    <message>
        <source>待质量检查（27）</source>
        <translation>Awaiting quality check (27)</translation>
    </message>
    <message>
        <source>待电费信息审核（33.1）</source>
        <translation>Awaiting billing data review (33.1)</translation>
    </message>
    <message>
        <source>需协助约时的客户（8.2）</source>
        <translation>Customers needing help with an appointment (8.2)</translation>
    </message>
    <message>
        <source>换表工作任务（1.1）</source>
        <translation>Meter replacement tasks (1.1)</translation>
    </message>
    <message>
        <source>流程 %1 %2</source>
        <translation>Flow %1 %2</translation>
    </message>
    <message>
        <source>附录表单</source>
        <translation>Appendix forms</translation>
    </message>
    <message>
        <source>附录 %1&#x3000;%2</source>
        <translation>Appendix %1  %2</translation>
    </message>
    <message>
        <source>打开附录 %1 %2</source>
        <translation>Open appendix %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n 项</source>
        <translation>
            <numerusform>%1
%n item</numerusform>
            <numerusform>%1
%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
读不出数据，请稍后再试</source>
        <translation>%1
Could not read the data; try again later</translation>
    </message>
    <message>
        <source>%1
%2+ 项（办公室服务器）</source>
        <translation>%1
%2+ (office server)</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n 项（办公室服务器）</source>
        <translation>
            <numerusform>%1
%n item (office server)</numerusform>
            <numerusform>%1
%n items (office server)</numerusform>
        </translation>
    </message>
    <message>
        <source>库存对账（差异）</source>
        <translation>Stock reconciliation (differences)</translation>
    </message>
</context>
<context>
    <name>ms::SealPosition</name>
    <message>
        <source>端钮盒</source>
        <translation>Terminal cover</translation>
    </message>
    <message>
        <source>表盖</source>
        <translation>Meter cover</translation>
    </message>
    <message>
        <source>表箱</source>
        <translation>Meter box</translation>
    </message>
    <message>
        <source>拆回旧表</source>
        <translation>Removed old meter</translation>
    </message>
    <message>
        <source>集中器</source>
        <translation>Concentrator</translation>
    </message>
    <message>
        <source>集中器箱</source>
        <translation>Concentrator box</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
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
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>换表通 %1&#x3000;数据目录：%2</source>
        <translation>MeterSwap %1&#x3000;data directory: %2</translation>
    </message>
    <message>
        <source>选择卡片目录文件夹</source>
        <translation>Choose the card catalog folder</translation>
    </message>
    <message>
        <source>已保存。重新打开换表通后使用%1。</source>
        <translation>Saved. MeterSwap uses %1 from its next start.</translation>
    </message>
    <message numerus="yes">
        <source>正在使用：%1（%n 张卡片，版本 %2）</source>
        <translation>
            <numerusform>In use: %1 (%n card, version %2)</numerusform>
            <numerusform>In use: %1 (%n cards, version %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>读不出保存的卡片目录：%1</source>
        <translation>The saved card folder cannot be read: %1</translation>
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
        <source>输入办公室解锁码</source>
        <translation>Enter an office unlock code</translation>
    </message>
    <message>
        <source>请把上面的挑战码报给办公室，输入办公室给的解锁码，再设置新的 PIN 码。</source>
        <translation>Read the challenge above to the office, enter the unlock code they give you, then set a new PIN.</translation>
    </message>
    <message>
        <source>PIN 码已连续输错 %1 次，账户锁定中：%2 后可再试。</source>
        <translation>%1 wrong PINs in a row: the account is locked. Try again in %2.</translation>
    </message>
    <message>
        <source>忘记 PIN 码？请把挑战码 %1 %2 报给办公室，领取解锁码。</source>
        <translation>Forgot your PIN? Read the challenge %1 %2 to the office to get an unlock code.</translation>
    </message>
    <message>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>忘记 PIN 码请联系施工负责人。</source>
        <translation> If you forgot it, ask your crew leader.</translation>
    </message>
    <message>
        <source>PIN 码至少要 %1 位数字了。请先设置新的 PIN 码，再开始工作。</source>
        <translation>A PIN now needs at least %1 digits. Please set a new PIN before you start work.</translation>
    </message>
    <message>
        <source>PIN 码已重设，账户已解锁。请用新的 PIN 码登录。</source>
        <translation>PIN reset and account unlocked. Sign in with the new PIN.</translation>
    </message>
    <message>
        <source>读不出这台设备上的用户：%1</source>
        <translation>The users on this device cannot be read: %1</translation>
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
        <translation>Witness (property management / residents&apos; committee)</translation>
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
    <name>ms::SigningKey</name>
    <message>
        <source>无法生成本机的签名密钥（OpenSSL 出错）。请重启应用；如仍失败请联系技术支持。</source>
        <translation>Cannot make this device&apos;s signing key (OpenSSL failed). Restart the app; if it still fails, contact support.</translation>
    </message>
    <message>
        <source>本机保存的签名密钥已损坏（应为 %1 字节的 Ed25519 私钥）。请联系技术支持。</source>
        <translation>The signing key stored on this device is damaged (it must be a %1-byte Ed25519 private key). Contact support.</translation>
    </message>
</context>
<context>
    <name>ms::Startup</name>
    <message numerus="yes">
        <source>卡片目录 %1 有 %n 处问题，暂用内置卡片。第一处：%2</source>
        <translation>
            <numerusform>Card catalog %1 has %n problem; using the built-in cards for now. The problem: %2</numerusform>
            <numerusform>Card catalog %1 has %n problems; using the built-in cards for now. First: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::StockForms</name>
    <message>
        <source>智能电能表</source>
        <translation>Smart meters</translation>
    </message>
    <message>
        <source>只</source>
        <translation>pcs</translation>
    </message>
    <message>
        <source>封印</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>枚</source>
        <translation>pcs</translation>
    </message>
    <message>
        <source>计量库房</source>
        <translation>Metering warehouse</translation>
    </message>
    <message>
        <source>拆回旧表</source>
        <translation>Removed old meter</translation>
    </message>
    <message>
        <source>未用封印</source>
        <translation>Unused seal</translation>
    </message>
    <message>
        <source>未用新表</source>
        <translation>Unused new meter</translation>
    </message>
    <message>
        <source>换表拆旧（户号 %1）</source>
        <translation>Removed at the swap (account %1)</translation>
    </message>
    <message>
        <source>未用退回</source>
        <translation>Returned unused</translation>
    </message>
    <message>
        <source>待检</source>
        <translation>To be tested</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>Intact</translation>
    </message>
</context>
<context>
    <name>ms::StockIssuePage</name>
    <message>
        <source>封印</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>拆回旧表</source>
        <translation>Removed old meter</translation>
    </message>
    <message>
        <source>新表</source>
        <translation>New meter</translation>
    </message>
    <message>
        <source>设备材料出库（13.1）</source>
        <translation>Issue of equipment and materials (13.1)</translation>
    </message>
    <message>
        <source>任务上写的施工班组名</source>
        <translation>The crew named on the task</translation>
    </message>
    <message>
        <source>领料班组</source>
        <translation>Receiving crew</translation>
    </message>
    <message>
        <source>扫描新表条码，每行一个；或输入号段，如 3300000000001-3300000000100</source>
        <translation>Scan the new meters&apos; barcodes, one per line, or type a range such as 3300000000001-3300000000100</translation>
    </message>
    <message>
        <source>智能电能表</source>
        <translation>Smart meters</translation>
    </message>
    <message>
        <source>封印号段，如 BJ0012001-BJ0012300；多段用逗号分开</source>
        <translation>Seal range such as BJ0012001-BJ0012300; separate several with commas</translation>
    </message>
    <message>
        <source>出库</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>班组</source>
        <translation>Crew</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>请填写领料班组。</source>
        <translation>Fill in the receiving crew.</translation>
    </message>
    <message>
        <source>正在出库…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <source>没有出库：%1</source>
        <translation>Nothing issued: %1</translation>
    </message>
    <message>
        <source>已出库给 %1：新表 %2，封印 %3（单号 %4）。</source>
        <translation>Issued to %1: new meters %2, seals %3 (movement %4).</translation>
    </message>
    <message>
        <source>打印领料单（附录7）</source>
        <translation>Print requisition (appendix 7)</translation>
    </message>
    <message>
        <source>打印库房流转单（附录6）</source>
        <translation>Print warehouse transfer sheet (appendix 6)</translation>
    </message>
    <message>
        <source>出库单 %1：领料班组 %2</source>
        <translation>Issue %1: to crew %2</translation>
    </message>
</context>
<context>
    <name>ms::StockReconcilePage</name>
    <message>
        <source>库存对账</source>
        <translation>Stock reconciliation</translation>
    </message>
    <message>
        <source>班组（空 = 整个任务）</source>
        <translation>Crew (empty = the whole task)</translation>
    </message>
    <message>
        <source>对账</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>班组</source>
        <translation>Crew</translation>
    </message>
    <message>
        <source>发出表</source>
        <translation>Meters issued</translation>
    </message>
    <message>
        <source>已装表</source>
        <translation>Meters installed</translation>
    </message>
    <message>
        <source>退回表</source>
        <translation>Meters returned</translation>
    </message>
    <message>
        <source>在手表</source>
        <translation>Meters on hand</translation>
    </message>
    <message>
        <source>发出封印</source>
        <translation>Seals issued</translation>
    </message>
    <message>
        <source>在手封印</source>
        <translation>Seals on hand</translation>
    </message>
    <message>
        <source>差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>工单</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>导出对账</source>
        <translation>Export reconciliation</translation>
    </message>
    <message>
        <source>库存对账.csv</source>
        <translation>stock-reconciliation.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>已装未出库</source>
        <translation>Installed, not issued</translation>
    </message>
    <message>
        <source>拆回未入库</source>
        <translation>Removed, not returned</translation>
    </message>
    <message>
        <source>出库去向不明</source>
        <translation>Issued, missing</translation>
    </message>
    <message>
        <source>封印重复使用</source>
        <translation>Seal used twice</translation>
    </message>
    <message>
        <source>退回但记录已装</source>
        <translation>Returned, yet recorded as installed</translation>
    </message>
    <message>
        <source>正在对账…</source>
        <translation>Reconciling…</translation>
    </message>
    <message>
        <source>对账失败：%1</source>
        <translation>Reconciliation failed: %1</translation>
    </message>
    <message>
        <source>办公室服务器连不上，显示的是 %1 的对账结果。</source>
        <translation>The office server cannot be reached; showing the reconciliation of %1.</translation>
    </message>
    <message>
        <source>整个任务</source>
        <translation>The whole task</translation>
    </message>
    <message>
        <source>还没有对账结果，请先点“对账”。</source>
        <translation>No reconciliation yet; tap Reconcile first.</translation>
    </message>
    <message>
        <source>没有导出：写不了 %1（%2）。请换一个位置。</source>
        <translation>Not exported: cannot write %1 (%2). Choose another place.</translation>
    </message>
    <message>
        <source>已导出到 %1。</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>%1：新表发出 %2 = 已装 %3 + 退回 %4 + 在手 %5；封印发出 %6 = 已用 %7 + 退回 %8 + 在手 %9；拆回旧表 %10，已入库 %11；差异：%12。</source>
        <translation>%1: new meters issued %2 = installed %3 + returned %4 + on hand %5; seals issued %6 = used %7 + returned %8 + on hand %9; old meters removed %10, received %11; differences: %12.</translation>
    </message>
</context>
<context>
    <name>ms::StockReturnPage</name>
    <message>
        <source>拆旧设备入库、退料（32.1）</source>
        <translation>Old equipment and returns into the warehouse (32.1)</translation>
    </message>
    <message>
        <source>扫描拆回旧表或未用新表的条码，每行一个</source>
        <translation>Scan the barcodes of removed old meters or unused new meters, one per line</translation>
    </message>
    <message>
        <source>表计</source>
        <translation>Meters</translation>
    </message>
    <message>
        <source>退回的未用封印号段，如 BJ0012281-BJ0012300</source>
        <translation>Range of unused seals returned, such as BJ0012281-BJ0012300</translation>
    </message>
    <message>
        <source>封印</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>入库</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>正在入库…</source>
        <translation>Receiving…</translation>
    </message>
    <message>
        <source>没有入库：%1</source>
        <translation>Nothing received: %1</translation>
    </message>
    <message numerus="yes">
        <source>已入库 %n 项（单号 %1）。</source>
        <translation>
            <numerusform>Received %n item (movement %1).</numerusform>
            <numerusform>Received %n items (movement %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>打印退料单（附录24）</source>
        <translation>Print return sheet (appendix 24)</translation>
    </message>
    <message>
        <source>入库（退料）单 %1</source>
        <translation>Return %1</translation>
    </message>
</context>
<context>
    <name>ms::Store</name>
    <message>
        <source>无法创建数据目录 %1。请检查路径和权限，或用 --data 指定其他目录。</source>
        <translation>Cannot create data folder %1. Check the path and permissions, or choose another folder with --data.</translation>
    </message>
    <message>
        <source>列“%1”出现了两次，请删去一列。</source>
        <translation>Column &quot;%1&quot; appears twice. Delete one of them.</translation>
    </message>
    <message>
        <source>不认识的列名“%1”。可用的列名见 docs/csv-import.md。</source>
        <translation>Unknown column name &quot;%1&quot;. See docs/csv-import.md for the column names.</translation>
    </message>
    <message>
        <source>缺少必填列“%1”（%2）。</source>
        <translation>Required column &quot;%1&quot; (%2) is missing.</translation>
    </message>
    <message>
        <source>%1“%2”不是有效的非负数字。</source>
        <translation>%1 &quot;%2&quot; is not a valid number of 0 or more.</translation>
    </message>
    <message>
        <source>%1“%2”应为 %3 位数字。</source>
        <translation>%1 &quot;%2&quot; must have %3 digits.</translation>
    </message>
    <message>
        <source>%1“%2”只能包含数字。</source>
        <translation>%1 &quot;%2&quot; may contain digits only.</translation>
    </message>
    <message>
        <source>这一行不是 UTF-8 编码（文件可能是 GBK/ANSI）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后再导入。</source>
        <translation>This row is not UTF-8 (the file may be GBK/ANSI). In Excel, use &quot;Save As&quot; &gt; &quot;CSV UTF-8 (Comma delimited)&quot; and import again.</translation>
    </message>
    <message>
        <source>文件是空的：第一行应是列名，下面每行一户。</source>
        <translation>The file is empty: the first row must be the column names, then one customer per row.</translation>
    </message>
    <message>
        <source>第 %1 行的引号没有闭合：以 &quot; 开始的字段必须以 &quot; 结束。</source>
        <translation>The quotes in row %1 are not closed: a field that starts with &quot; must end with &quot;.</translation>
    </message>
    <message>
        <source>户号不能为空。</source>
        <translation>Account number must not be empty.</translation>
    </message>
    <message>
        <source>户号 %1 与第 %2 行重复。</source>
        <translation>Account number %1 repeats row %2.</translation>
    </message>
    <message>
        <source>户名不能为空。</source>
        <translation>Customer name must not be empty.</translation>
    </message>
    <message>
        <source>电话“%1”不是有效号码（只能有数字、空格、+ 和 -）。</source>
        <translation>Phone &quot;%1&quot; is not a valid number (digits, spaces, + and - only).</translation>
    </message>
    <message>
        <source>付费方式“%1”应为“预付费”或“后付费”。</source>
        <translation>Payment type &quot;%1&quot; must be &quot;预付费&quot; (prepaid) or &quot;后付费&quot; (postpaid).</translation>
    </message>
    <message>
        <source>旧表资产编号</source>
        <translation>Old meter asset number</translation>
    </message>
    <message>
        <source>旧表通信地址</source>
        <translation>Old meter comm. address</translation>
    </message>
    <message>
        <source>规约“%1”应为 dlt645-2007、dlt645-1997 或 dlt698.45。</source>
        <translation>Protocol &quot;%1&quot; must be dlt645-2007, dlt645-1997 or dlt698.45.</translation>
    </message>
    <message>
        <source>新表资产编号</source>
        <translation>New meter asset number</translation>
    </message>
    <message>
        <source>新表通信地址</source>
        <translation>New meter comm. address</translation>
    </message>
    <message>
        <source>上次抄见示数</source>
        <translation>Last billed reading</translation>
    </message>
    <message>
        <source>机电不符“%1”应为“是”或“否”。</source>
        <translation>Meter/register mismatch &quot;%1&quot; must be &quot;是&quot; (yes) or &quot;否&quot; (no).</translation>
    </message>
    <message>
        <source>这一行的字段比列名多（%1 个，列名 %2 个）；含逗号的内容请用英文双引号括起来。</source>
        <translation>This row has more fields than column names (%1 fields, %2 columns). Put text that contains commas in double quotes.</translation>
    </message>
    <message>
        <source>文件只有列名，没有客户。</source>
        <translation>The file has only column names and no customers.</translation>
    </message>
    <message>
        <source>累计购电量</source>
        <translation>Total energy purchased</translation>
    </message>
    <message>
        <source>累计购电量不能为空。</source>
        <translation>Total energy purchased must not be empty.</translation>
    </message>
    <message>
        <source>日期“%1”应写成 2026-11-05 的形式。</source>
        <translation>Date &quot;%1&quot; must be written like 2026-11-05.</translation>
    </message>
    <message>
        <source>购电次数“%1”应为非负整数。</source>
        <translation>Purchase count &quot;%1&quot; must be a whole number, 0 or more.</translation>
    </message>
    <message>
        <source>无法打开文件 %1：%2</source>
        <translation>Cannot open file %1: %2</translation>
    </message>
    <message>
        <source>工单数量必须大于 0。</source>
        <translation>The number of jobs must be more than 0.</translation>
    </message>
    <message>
        <source>证据缺少工单或卡片编号。</source>
        <translation>The evidence has no job or card number.</translation>
    </message>
    <message>
        <source>保存证据</source>
        <translation>saving evidence</translation>
    </message>
    <message>
        <source>要重拍替换的证据 %1 不存在或不属于该工单。</source>
        <translation>Evidence %1 to be retaken does not exist or does not belong to this job.</translation>
    </message>
    <message>
        <source>证据 %1 已被重拍替换过，请替换最新的那一份。</source>
        <translation>Evidence %1 has already been retaken; replace the latest one.</translation>
    </message>
    <message>
        <source>找不到该证据（%1）。</source>
        <translation>Evidence not found (%1).</translation>
    </message>
    <message>
        <source>工单 %1 的第 %2 条证据（%3，卡片 %4）与哈希链不符：记录被改动、删除或插入过。</source>
        <translation>Evidence no. %2 of job %1 (%3, card %4) breaks the hash chain: a record was altered, deleted or inserted.</translation>
    </message>
    <message>
        <source>附录编号 %1 无效：应为 1 到 31。</source>
        <translation>Appendix number %1 is invalid: must be 1 to 31.</translation>
    </message>
    <message>
        <source>表单填写内容须属于某个工单或任务，请从工单或任务打开附录 %1。</source>
        <translation>Form entries must belong to a job or a task. Open appendix %1 from a job or a task.</translation>
    </message>
    <message>
        <source>附录 %1 的字段名“%2”无效（只能是小写字母、数字和下划线）。</source>
        <translation>Field name &quot;%2&quot; of appendix %1 is invalid (lowercase letters, digits and underscores only).</translation>
    </message>
    <message>
        <source>附录 %1 的字段“%2”内容过长（%3 字，最多 %4 字），请精简后再保存。</source>
        <translation>Field &quot;%2&quot; of appendix %1 is too long (%3 characters, at most %4). Shorten it and save again.</translation>
    </message>
    <message>
        <source>找不到工单 %1，附录 %2 的填写内容无法保存。请重新同步任务后再试。</source>
        <translation>Job %1 not found, so the entries of appendix %2 cannot be saved. Sync the task again and retry.</translation>
    </message>
    <message>
        <source>找不到任务 %1，附录 %2 的填写内容无法保存。请重新同步任务后再试。</source>
        <translation>Task %1 not found, so the entries of appendix %2 cannot be saved. Sync the task again and retry.</translation>
    </message>
    <message>
        <source>找不到该工单（%1）。</source>
        <translation>Job not found (%1).</translation>
    </message>
    <message>
        <source>工单 %1 缺少任务或客户。</source>
        <translation>Job %1 has no task or customer.</translation>
    </message>
    <message>
        <source>分支记录缺少决策点或选择。</source>
        <translation>The branch record has no decision point or choice.</translation>
    </message>
    <message>
        <source>步骤记录缺少卡片编号或步骤序号。</source>
        <translation>The step record has no card number or step index.</translation>
    </message>
    <message>
        <source>购电记录缺少户号。</source>
        <translation>The purchase record has no account number.</translation>
    </message>
    <message>
        <source>户号 %1 的累计购电量或购电次数为负数，请核对原始数据。</source>
        <translation>Account %1 has a negative total purchase or purchase count. Check the source data.</translation>
    </message>
    <message>
        <source>客户 %1 不存在。</source>
        <translation>Customer %1 does not exist.</translation>
    </message>
    <message>
        <source>请填写封印位置和封印编号。</source>
        <translation>Fill in the seal location and seal number.</translation>
    </message>
    <message>
        <source>封印编号 %1 已登记在任务“%2”的集中器上。请核对封印上的编号后重新输入。</source>
        <translation>Seal number %1 is already registered on the concentrator of task &quot;%2&quot;. Check the number on the seal and enter it again.</translation>
    </message>
    <message>
        <source>封印编号 %1 已登记在户号 %2（%3）上。请核对封印上的编号后重新输入。</source>
        <translation>Seal number %1 is already registered to account %2 (%3). Check the number on the seal and enter it again.</translation>
    </message>
    <message>
        <source>找不到该封印记录，可能已被删除。</source>
        <translation>Seal record not found; it may have been deleted.</translation>
    </message>
    <message>
        <source>任务 %1 不存在：任务级作业卡只能记录在已下载的任务上。</source>
        <translation>Task %1 does not exist: task-level cards can only be recorded on a downloaded task.</translation>
    </message>
    <message>
        <source>任务 %1 的作业卡 %2 还没有记录。</source>
        <translation>Card %2 of task %1 has not been recorded yet.</translation>
    </message>
    <message>
        <source>任务名称不能为空。</source>
        <translation>Task name must not be empty.</translation>
    </message>
    <message>
        <source>第 %1 个客户没有户号，请补上户号再导入。</source>
        <translation>Customer no. %1 has no account number. Add it and import again.</translation>
    </message>
    <message>
        <source>户号 %1 在导入的客户中出现了两次，请删去重复的一行。</source>
        <translation>Account %1 appears twice in the imported customers. Delete the duplicate row.</translation>
    </message>
    <message>
        <source>找不到编号为 %1 的任务。</source>
        <translation>No task with number %1.</translation>
    </message>
    <message>
        <source>找不到该任务（%1）。</source>
        <translation>Task not found (%1).</translation>
    </message>
    <message>
        <source>找不到该客户（%1）。</source>
        <translation>Customer not found (%1).</translation>
    </message>
    <message>
        <source>户号 %1 在本任务中已存在。</source>
        <translation>Account %1 already exists in this task.</translation>
    </message>
    <message>
        <source>请填写用户姓名。</source>
        <translation>Enter the user&apos;s name.</translation>
    </message>
    <message>
        <source>已有名为“%1”的用户，请换一个姓名（例如加上工号）。</source>
        <translation>A user named &quot;%1&quot; already exists. Choose another name (e.g. add the staff number).</translation>
    </message>
    <message>
        <source>找不到该用户，可能已在其他设备上被移除。</source>
        <translation>User not found; it may have been removed on another device.</translation>
    </message>
    <message>
        <source>无法复制损坏的数据库 %1 以尝试恢复（磁盘是否已满？）。原文件没有改动。</source>
        <translation>Cannot copy the damaged database %1 to try to restore it (is the disk full?). The original file was not changed.</translation>
    </message>
    <message>
        <source>无法从损坏的数据库中恢复记录（%1）。文件 %2 原样保留，请交给技术支持。</source>
        <translation>No records could be restored from the damaged database (%1). The file %2 is kept unchanged: give it to support.</translation>
    </message>
    <message>
        <source>文件太短</source>
        <translation>the file is too short</translation>
    </message>
    <message>
        <source>文件头已损坏，无法确定页面大小</source>
        <translation>the file header is damaged and the page size cannot be found</translation>
    </message>
    <message>
        <source>表结构无法识别</source>
        <translation>the tables are not recognised</translation>
    </message>
    <message>
        <source>恢复出的副本未通过检查</source>
        <translation>the restored copy failed its check</translation>
    </message>
    <message>
        <source>可以从损坏的数据库中恢复：%1 个工单、%2 条证据记录、%3 条尚未同步的记录。</source>
        <translation>Can be restored from the damaged database: %1 jobs, %2 evidence records, %3 records not yet synced.</translation>
    </message>
    <message numerus="yes">
        <source>其中 %n 个证据文件不在数据目录中。</source>
        <translation>
            <numerusform>Of these, %n evidence file is not in the data folder.</numerusform>
            <numerusform>Of these, %n evidence files are not in the data folder.</numerusform>
        </translation>
    </message>
    <message>
        <source>没有可用的恢复副本。请把 %1 交给技术支持。</source>
        <translation>There is no restored copy to use. Give %1 to support.</translation>
    </message>
    <message>
        <source>新数据库中已经有新的工作记录，不能用恢复副本替换它。请先同步，然后联系技术支持合并 %1。</source>
        <translation>The new database already holds new work, so it cannot be replaced by the restored copy. Sync first, then contact support to merge %1.</translation>
    </message>
    <message>
        <source>无法移开 %1。请检查数据目录的权限。</source>
        <translation>Cannot move %1 aside. Check the data folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>无法把恢复副本 %1 放到 %2。请检查数据目录的权限。</source>
        <translation>Cannot put the restored copy %1 in place of %2. Check the data folder&apos;s permissions.</translation>
    </message>
    <message numerus="yes">
        <source>证据文件夹中有 %n 个文件没有任何记录指向它们。它们已原样保留，没有删除或移动。如果数据库曾被替换或恢复，请联系技术支持。</source>
        <translation>
            <numerusform>The evidence folder holds %n file that no record names. It was left as it is, not deleted or moved. If the database was replaced or restored, contact support.</numerusform>
            <numerusform>The evidence folder holds %n files that no record names. They were left as they are, not deleted or moved. If the database was replaced or restored, contact support.</numerusform>
        </translation>
    </message>
    <message>
        <source>读取本机签名密钥</source>
        <translation>reading this device&apos;s signing key</translation>
    </message>
    <message>
        <source>为已有记录建立记录链</source>
        <translation>chaining the existing records</translation>
    </message>
    <message>
        <source>本机签名密钥未载入，无法记录。请重启应用；如仍失败请联系技术支持。</source>
        <translation>This device&apos;s signing key is not loaded, so nothing can be recorded. Restart the app; if it still fails, contact support.</translation>
    </message>
    <message>
        <source>读取记录链末端</source>
        <translation>reading the end of the record chain</translation>
    </message>
    <message>
        <source>无法为记录签名（OpenSSL 出错）。请重启应用；如仍失败请联系技术支持。</source>
        <translation>Cannot sign the record (OpenSSL failed). Restart the app; if it still fails, contact support.</translation>
    </message>
    <message>
        <source>本机没有签名密钥记录，无法核对记录链。请联系技术支持。</source>
        <translation>This device has no signing key on record, so its record chain cannot be checked. Contact support.</translation>
    </message>
    <message>
        <source>记录 %1（%2，发件箱第 %3 行）</source>
        <translation>Record %1 (%2, outbox row %3)</translation>
    </message>
    <message>
        <source>%1 不在记录链中。</source>
        <translation>%1 is not in the record chain.</translation>
    </message>
    <message>
        <source>记录链第 %1–%2 位的记录不见了（在%3之前）：记录被删除过。</source>
        <translation>The records at chain positions %1–%2 are missing (before %3): records were deleted.</translation>
    </message>
    <message>
        <source>%1 没有接在前一条记录之后：记录被替换或插入过。</source>
        <translation>%1 does not follow the record before it: records were replaced or inserted.</translation>
    </message>
    <message>
        <source>%1 的链数据格式不对：被改动过。</source>
        <translation>The chain data of %1 is malformed: it was altered.</translation>
    </message>
    <message>
        <source>%1 的内容在写入后被改动过。</source>
        <translation>The content of %1 was altered after it was written.</translation>
    </message>
    <message>
        <source>%1 的签名不是本机密钥签的。</source>
        <translation>The signature of %1 was not made with this device&apos;s key.</translation>
    </message>
    <message>
        <source>记录链最新的第 %1–%2 位记录不见了：记录被删除过。</source>
        <translation>The newest records, chain positions %1–%2, are missing: records were deleted.</translation>
    </message>
    <message>
        <source>记录链末端与本机记下的不符：最新的记录被替换过。</source>
        <translation>The end of the record chain differs from the one this device noted: the newest record was replaced.</translation>
    </message>
    <message>
        <source>PIN 码须为 %1 到 %2 位数字（不少于 %1 位，以免设备丢失后被人猜中）。</source>
        <translation>The PIN must be %1 to %2 digits (at least %1, so nobody can guess it on a lost device).</translation>
    </message>
    <message>
        <source>该账户没有被锁定，不需要解锁码：请直接用 PIN 码登录。</source>
        <translation>This account is not locked and needs no unlock code: sign in with the PIN.</translation>
    </message>
    <message>
        <source>这台设备还没有设置办公室的设备令牌，无法核对解锁码。请把设备交给办公室，用 meterswapctl user reset-pin 重设 PIN 码。</source>
        <translation>This device has no office device token yet, so it cannot check an unlock code. Bring the device to the office to reset the PIN with meterswapctl user reset-pin.</translation>
    </message>
    <message>
        <source>解锁码不正确，请核对办公室给的 %1 位数字。</source>
        <translation>Wrong unlock code. Check the %1 digits the office gave you.</translation>
    </message>
    <message>
        <source>解锁码连续错误 %1 次，旧的挑战码已作废。请把新的挑战码 %2 报给办公室，领取新的解锁码。</source>
        <translation>%1 wrong unlock codes in a row: the old challenge no longer works. Read the new challenge %2 to the office to get a new unlock code.</translation>
    </message>
    <message>
        <source>PIN 码已连续输错 %1 次，账户锁定中，%2 后可再试。忘记 PIN 码请把挑战码 %3 报给办公室，领取解锁码。</source>
        <translation>%1 wrong PINs in a row: the account is locked. Try again in %2. If you forgot your PIN, read the challenge %3 to the office to get an unlock code.</translation>
    </message>
    <message>
        <source>PIN 码的存储格式不正确，请重新设置 PIN 码。</source>
        <translation>The stored PIN is in an unknown format. Please set the PIN again.</translation>
    </message>
    <message>
        <source>PIN 码不正确，请重新输入（再错 %1 次账户将锁定）。</source>
        <translation>Wrong PIN. Please try again (%1 more wrong tries lock the account).</translation>
    </message>
    <message>
        <source>读不出待发送的记录数。</source>
        <translation>Could not read how many records are waiting to be sent.</translation>
    </message>
    <message>
        <source>记录缺少所属的工单或任务。</source>
        <translation>The record names no job or task it belongs to.</translation>
    </message>
    <message>
        <source>工单 %1 不存在：记录只能保存在本机已有的工单上。</source>
        <translation>Job %1 does not exist: records can only be saved on jobs this device has.</translation>
    </message>
    <message>
        <source>读不到证据的最大编号。</source>
        <translation>Cannot read the highest evidence number.</translation>
    </message>
    <message>
        <source>选择没有记在哪个工单或任务上：请重新打开工单后再选。</source>
        <translation>The choice is not tied to a job or a task: open the job again, then choose.</translation>
    </message>
    <message>
        <source>客户的工单数</source>
        <translation>the customer&apos;s job count</translation>
    </message>
    <message>
        <source>审核决定缺少编号、工单或类型，没有保存：请重新操作一次。</source>
        <translation>The decision lacks its id, job or kind and was not saved: make it again.</translation>
    </message>
    <message>
        <source>审核结论缺少 uuid 或 job_uuid，没有保存：请联系办公室。</source>
        <translation>the review decision has no uuid or job_uuid and was not saved: contact the office.</translation>
    </message>
</context>
<context>
    <name>ms::SyncHost</name>
    <message>
        <source>本机还没有配置办公室服务器。
请班长或内勤用办公室电脑执行 meterswap-office token create 生成设备令牌，然后在本机执行一次：
meterswap --server https://服务器地址:端口 --token-file 令牌文件 --server-pin 证书指纹
配置后在这里点“开始同步”。数据一直保存在本机，不会丢失。</source>
        <translation>This device has no office server configured yet.
Ask the crew leader or office staff to create a device token on the office computer with meterswap-office token create, then run once on this device:
meterswap --server https://SERVER:PORT --token-file TOKEN-FILE --server-pin CERTIFICATE-PIN
Then tap &quot;Start sync&quot; here. Your data stays on this device and is never lost.</translation>
    </message>
    <message>
        <source>读不出本机的同步设置：%1</source>
        <translation>The sync settings of this device cannot be read: %1</translation>
    </message>
</context>
<context>
    <name>ms::TaskCards</name>
    <message>
        <source>作业卡目录中没有卡片 %1：请更新作业卡目录</source>
        <translation>The job card catalog has no card %1: update the job card catalog</translation>
    </message>
    <message>
        <source>卡片 %1 按户办理，请在工单里完成它。</source>
        <translation>Card %1 is done per household: complete it in the job.</translation>
    </message>
</context>
<context>
    <name>ms::TaskCardsPage</name>
    <message>
        <source>步骤 %1/%2 · 证据 %3/%4</source>
        <translation>Step %1/%2 · evidence %3/%4</translation>
    </message>
    <message>
        <source>这些作业卡每个台区（集中器）只做一次，不按户做；记录保存在本任务上，各户工单和附录表单都会用到。</source>
        <translation>These cards are done once per area (concentrator), not per household. The record is kept on this task and used by every job and the appendix forms.</translation>
    </message>
    <message>
        <source>✓ 已完成</source>
        <translation>✓ Done</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>继续：%1 %2</source>
        <translation>Continue: %1 %2</translation>
    </message>
    <message>
        <source>本任务的台区作业卡都已完成</source>
        <translation>All area cards of this task are done</translation>
    </message>
    <message>
        <source>%1&#x3000;台区编号 %2</source>
        <translation>%1&#x3000;area no. %2</translation>
    </message>
    <message>
        <source>只看我的作业卡</source>
        <translation>Only my cards</translation>
    </message>
    <message>
        <source>本任务没有分给您的角色（%1）的台区作业卡。点上方“只看我的作业卡”可查看全部。</source>
        <translation>This task has no area cards for your role (%1). Tap &quot;Only my cards&quot; above to see them all.</translation>
    </message>
    <message numerus="yes">
        <source>本任务的封印（%n 个）</source>
        <translation>
            <numerusform>Seals of this task (%n)</numerusform>
            <numerusform>Seals of this task (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>尚未登记封印。集中器、集中器箱的封印号在对应作业卡上输入后列在这里。</source>
        <translation>No seals recorded yet. Seal numbers of the concentrator and its box appear here once typed on their cards.</translation>
    </message>
    <message>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message numerus="yes">
        <source>已完成 %1 / %n 张</source>
        <translation>
            <numerusform>%1 / %n done</numerusform>
            <numerusform>%1 / %n done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::ValueEntryPage</name>
    <message>
        <source>单位：%1</source>
        <translation>Unit: %1</translation>
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
If it is right, tap &quot;Confirm&quot; once more.</translation>
    </message>
    <message>
        <source>确认无误</source>
        <translation>Confirm</translation>
    </message>
    <message numerus="yes">
        <source>最多 %n 位小数</source>
        <translation>
            <numerusform>at most %n decimal place</numerusform>
            <numerusform>at most %n decimal places</numerusform>
        </translation>
    </message>
    <message>
        <source>仍要使用的原因（如：库房补发，单据未到）</source>
        <translation>Reason for using it all the same (e.g. issued later by the warehouse, paperwork not here yet)</translation>
    </message>
    <message>
        <source>写明原因后继续</source>
        <translation>Go on with this reason</translation>
    </message>
</context>
<context>
    <name>ms::ValueValidator</name>
    <message>
        <source>请填写%1</source>
        <translation>Enter %1</translation>
    </message>
    <message>
        <source>%1 只能选择“是”或“否”</source>
        <translation>%1: choose &quot;Yes&quot; or &quot;No&quot; only</translation>
    </message>
    <message>
        <source>%1 的校验规则有误（%2）：请联系内勤更新作业卡目录</source>
        <translation>The check rule of %1 is wrong (%2): ask the office clerk to update the job card catalog</translation>
    </message>
    <message>
        <source>格式不正确</source>
        <translation>wrong format</translation>
    </message>
    <message>
        <source>%1“%2”不符合要求：应为%3</source>
        <translation>%1 &quot;%2&quot; is not valid: it should be %3</translation>
    </message>
    <message>
        <source>“%1”不是数字：请只输入数字和小数点</source>
        <translation>&quot;%1&quot; is not a number: enter digits and a decimal point only</translation>
    </message>
    <message>
        <source>%1 只能是整数：请去掉小数部分</source>
        <translation>%1 must be a whole number: remove the decimals</translation>
    </message>
    <message>
        <source>%1 最多 %2 位小数：请按表盘显示核对后重新输入</source>
        <translation>%1 allows at most %2 decimal places: check the meter display and enter it again</translation>
    </message>
    <message>
        <source>%1 不能小于 %2 %3：请核对后重新输入</source>
        <translation>%1 cannot be less than %2 %3: check and enter it again</translation>
    </message>
    <message>
        <source>%1 不能大于 %2 %3：请核对后重新输入</source>
        <translation>%1 cannot be more than %2 %3: check and enter it again</translation>
    </message>
    <message>
        <source>%1 为 %2 %3，超出通常范围 %4–%5：请再看一遍表盘，确认无误再保存</source>
        <translation>%1 is %2 %3, outside the usual range %4–%5: look at the meter display again and save only if it is right</translation>
    </message>
</context>
<context>
    <name>ms::VideoViewer</name>
    <message>
        <source>正在从办公室服务器读取视频…</source>
        <translation>Reading the video from the office server…</translation>
    </message>
    <message>
        <source>播放 (空格)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <source>用系统播放器打开</source>
        <translation>Open in the system player</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>暂停 (空格)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>本机无法播放这个视频：%1。文件已核对无误，可以用系统播放器打开。</source>
        <translation>This machine cannot play this video: %1. The file checked out correctly; you can open it in the system player.</translation>
    </message>
    <message>
        <source>视频读不到：%1</source>
        <translation>Could not read the video: %1</translation>
    </message>
    <message>
        <source>办公室发来的视频与证据指纹不符（应为 %1…，收到 %2…），没有播放：请联系系统管理员核查。</source>
        <translation>The video the office sent does not match the evidence fingerprint (expected %1…, got %2…); it was not played: ask the system administrator to check.</translation>
    </message>
    <message>
        <source>视频无法保存到临时文件夹：%1</source>
        <translation>The video could not be saved to a temporary folder: %1</translation>
    </message>
    <message>
        <source>视频 %1 KB，指纹已核对。空格键播放或暂停，拖动滑块跳转。</source>
        <translation>Video %1 KB, fingerprint checked. Space plays or pauses; drag the slider to jump.</translation>
    </message>
</context>
<context>
    <name>ms::Workflow</name>
    <message>
        <source>步骤 %1：%2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <source>%1：必须确认为“是”才能继续</source>
        <translation>%1: must be confirmed &quot;Yes&quot; to go on</translation>
    </message>
    <message>
        <source>%1（需要 %2 项，已有 %3 项）</source>
        <translation>%1 (%2 needed, %3 so far)</translation>
    </message>
    <message>
        <source>作业卡目录中没有卡片 %1：请更新作业卡目录</source>
        <translation>The job card catalog has no card %1: update the job card catalog</translation>
    </message>
    <message>
        <source>卡片 %1 是流程的最后一张</source>
        <translation>Card %1 is the last of its flow</translation>
    </message>
    <message>
        <source>卡片 %1 的分支条件都不满足：请联系内勤检查作业卡目录</source>
        <translation>None of the branch conditions of card %1 hold: ask the office clerk to check the job card catalog</translation>
    </message>
    <message>
        <source>请先选择：%1</source>
        <translation>Choose first: %1</translation>
    </message>
    <message>
        <source>记录的选择“%1”不是卡片 %2 的分支：请重新选择</source>
        <translation>The recorded choice &quot;%1&quot; is not a branch of card %2: choose again</translation>
    </message>
    <message>
        <source>起始卡片 %1 不在作业卡目录中：请更新作业卡目录</source>
        <translation>Start card %1 is not in the job card catalog: update the job card catalog</translation>
    </message>
    <message>
        <source>卡片 %1 需要重新进行</source>
        <translation>Card %1 must be done again</translation>
    </message>
    <message>
        <source>“%1”不是卡片 %2 的分支：请在卡片上给出的选项中选择</source>
        <translation>“%1” is not a branch of card %2: choose one of the options on the card</translation>
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
        <source>，或</source>
        <translation>, or </translation>
    </message>
</context>
<context>
    <name>ms::ctl::Billing</name>
    <message>
        <source>需要 --job UUID（工单编号，见 billing queue）</source>
        <translation>--job UUID is needed (the job&apos;s id, see billing queue)</translation>
    </message>
    <message>
        <source>send-back 需要 --reason 原因（内勤会看到它）</source>
        <translation>send-back needs --reason TEXT (the clerk will see it)</translation>
    </message>
    <message>
        <source>export 需要 --out 文件.csv</source>
        <translation>export needs --out FILE.csv</translation>
    </message>
    <message>
        <source>无法写入 %1；导出已在办公室登记，可用 --batch 批次号 重新导出。</source>
        <translation>Could not write %1; the export is logged at the office: export it again with --batch BATCH.</translation>
    </message>
    <message>
        <source>没有新的已确认工单可导出；文件只有表头。</source>
        <translation>No newly confirmed jobs to export; the file has only the header.</translation>
    </message>
    <message>
        <source>用法：billing queue|confirm|send-back|export|exports --server URL --token T …</source>
        <translation>usage: billing queue|confirm|send-back|export|exports --server URL --token T …</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Capture</name>
    <message>
        <source>用法：meterswapctl capture photo --data DIR --job UUID --card CARD --requirement KEY --file F.jpg
      meterswapctl capture value --data DIR --job UUID --card CARD --requirement KEY --value V</source>
        <translation>usage: meterswapctl capture photo --data DIR --job UUID --card CARD --requirement KEY --file F.jpg
       meterswapctl capture value --data DIR --job UUID --card CARD --requirement KEY --value V</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Demo</name>
    <message>
        <source>meterswapctl demo seed: --jobs 应为 1…100000，--photos-per-job 应为 0…100</source>
        <translation>meterswapctl demo seed: --jobs must be 1…100000, --photos-per-job 0…100</translation>
    </message>
    <message>
        <source>演示任务 %1</source>
        <translation>Demo task %1</translation>
    </message>
    <message>
        <source>用法：meterswapctl demo seed --data DIR --jobs N --photos-per-job M [--photo-kb K] [--complete]</source>
        <translation>usage: meterswapctl demo seed --data DIR --jobs N --photos-per-job M [--photo-kb K] [--complete]</translation>
    </message>
</context>
<context>
    <name>ms::ctl::FrameCommand</name>
    <message>
        <source>用法: meterswapctl frame decode HEX
      meterswapctl frame encode read --protocol dlt645-2007|dlt645-1997|dlt698.45 --address ADDR --item ID
</source>
        <translation>Usage: meterswapctl frame decode HEX
       meterswapctl frame encode read --protocol dlt645-2007|dlt645-1997|dlt698.45 --address ADDR --item ID
</translation>
    </message>
    <message>
        <source>没有输入任何字节，请给出帧的十六进制文本</source>
        <translation>No bytes given: give the frame as hex text</translation>
    </message>
    <message>
        <source>不是电能表帧，请检查复制的十六进制是否完整</source>
        <translation>Not a meter frame: check that the copied hex is complete</translation>
    </message>
    <message>
        <source>帧不完整（被截断），请重新读取或复制完整的帧</source>
        <translation>Frame incomplete (truncated): read or copy the whole frame again</translation>
    </message>
    <message>
        <source>长度域错误，帧已损坏，请重新读取</source>
        <translation>Length field wrong, the frame is damaged: read it again</translation>
    </message>
    <message>
        <source>校验和（CS）错误，帧已损坏：请检查接线和 8E1 校验位后重新读取</source>
        <translation>Checksum (CS) wrong, the frame is damaged: check the wiring and 8E1 parity, then read again</translation>
    </message>
    <message>
        <source>帧头校验（HCS）错误，帧已损坏：请重新读取</source>
        <translation>Header check (HCS) wrong, the frame is damaged: read it again</translation>
    </message>
    <message>
        <source>帧校验（FCS）错误，帧已损坏：请检查接线和 8E1 校验位后重新读取</source>
        <translation>Frame check (FCS) wrong, the frame is damaged: check the wiring and 8E1 parity, then read again</translation>
    </message>
    <message>
        <source>结束符不是 16，帧已损坏：请重新读取</source>
        <translation>End byte is not 16, the frame is damaged: read it again</translation>
    </message>
    <message>
        <source>结束符 16 之后还有多余字节，请只给出一帧</source>
        <translation>Extra bytes after the end byte 16: give one frame only</translation>
    </message>
    <message>
        <source>帧完整但数据域格式错误</source>
        <translation>Frame complete but the data field is malformed</translation>
    </message>
    <message>
        <source>暂不支持此类帧</source>
        <translation>This kind of frame is not supported yet</translation>
    </message>
    <message>
        <source>参数错误</source>
        <translation>Invalid argument</translation>
    </message>
    <message>
        <source>未知错误</source>
        <translation>Unknown error</translation>
    </message>
    <message>
        <source>frame decode 需要一帧的十六进制文本，例如 &quot;68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16&quot;</source>
        <translation>frame decode needs one frame as hex text, e.g. &quot;68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16&quot;</translation>
    </message>
    <message>
        <source>输入不是十六进制字节（每字节两位 0-9/A-F，可用空格分隔）：%1</source>
        <translation>Input is not hex bytes (two digits 0-9/A-F per byte, spaces allowed): %1</translation>
    </message>
    <message>
        <source>frame encode 目前只支持 read</source>
        <translation>frame encode supports only read for now</translation>
    </message>
    <message>
        <source>未知参数 %1</source>
        <translation>Unknown argument %1</translation>
    </message>
    <message>
        <source>参数 %1 缺少取值</source>
        <translation>Argument %1 has no value</translation>
    </message>
    <message>
        <source>frame encode read 需要 --protocol 和 --item（--address 省略时用通配地址 AAAAAAAAAAAA）</source>
        <translation>frame encode read needs --protocol and --item (without --address the wildcard address AAAAAAAAAAAA is used)</translation>
    </message>
    <message>
        <source>未知规约 %1，可用 dlt645-2007、dlt645-1997、dlt698.45</source>
        <translation>Unknown protocol %1; available: dlt645-2007, dlt645-1997, dlt698.45</translation>
    </message>
    <message>
        <source>缺少子命令 decode 或 encode</source>
        <translation>Missing subcommand decode or encode</translation>
    </message>
    <message>
        <source>未知子命令 %1</source>
        <translation>Unknown subcommand %1</translation>
    </message>
    <message>
        <source>不是本程序解码的规约（DL/T 645、DL/T 698.45 或规约标识为 2 的 Q/GDW 1376.1）</source>
        <translation>not a protocol this program decodes (DL/T 645, DL/T 698.45, or Q/GDW 1376.1 with protocol id 2)</translation>
    </message>
    <message>
        <source>Q/GDW 1376.1 帧的数据单元无法解码（%1）</source>
        <translation>the data units of the Q/GDW 1376.1 frame cannot be decoded (%1)</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Job</name>
    <message>
        <source>用法：meterswapctl job list --data DIR --json
      meterswapctl job show --data DIR --job UUID --json
      meterswapctl job resubmit --data DIR --job UUID</source>
        <translation>Usage: meterswapctl job list --data DIR --json
      meterswapctl job show --data DIR --job UUID --json
      meterswapctl job resubmit --data DIR --job UUID</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Office</name>
    <message>
        <source>需要 --server https://主机:端口 和办公令牌（--token-file 文件，或环境变量 MS_TOKEN，或 --token 令牌）</source>
        <translation>--server https://HOST:PORT and an office token are needed (--token-file FILE, or the environment variable MS_TOKEN, or --token TOKEN)</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Review</name>
    <message>
        <source>用法：review queue|show|approve|send-back --server URL --token T …</source>
        <translation>usage: review queue|show|approve|send-back --server URL --token T …</translation>
    </message>
    <message>
        <source>需要 --job UUID（工单编号，见 review queue）</source>
        <translation>--job UUID is needed (the job&apos;s id, see review queue)</translation>
    </message>
    <message>
        <source>send-back 需要至少一个 --item 卡片:要求项（如 21.4:new_meter_installed）和 --reason 原因</source>
        <translation>send-back needs at least one --item CARD:KEY (e.g. 21.4:new_meter_installed) and --reason TEXT</translation>
    </message>
    <message>
        <source>--item 应为 卡片:要求项，例如 21.4:new_meter_installed（收到“%1”）</source>
        <translation>--item must be CARD:KEY, e.g. 21.4:new_meter_installed (got &quot;%1&quot;)</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Stock</name>
    <message>
        <source>读不了 --meters 文件 %1：%2。请给出每行一个资产编号的文本文件。</source>
        <translation>Cannot read the --meters file %1: %2. Give a text file with one asset number per line.</translation>
    </message>
    <message>
        <source>issue 需要 --crew 班组（任务上写的施工班组名）</source>
        <translation>issue needs --crew CREW (the crew named on the task)</translation>
    </message>
    <message>
        <source>需要 --meters 文件（每行一个资产编号）和/或 --seals 起号-止号</source>
        <translation>Needs --meters FILE (one asset number per line) and/or --seals FROM-TO</translation>
    </message>
    <message>
        <source>print 需要 --batch 单号、--form 6|7|24（流转单、领料单、退料单）和 --out 文件.pdf</source>
        <translation>print needs --batch UUID, --form 6|7|24 (transfer slip, material requisition, return slip) and --out FILE.pdf</translation>
    </message>
    <message>
        <source>单号 %1 是入库（退料）单，请用 --form 24。</source>
        <translation>Movement %1 is a return; use --form 24.</translation>
    </message>
    <message>
        <source>单号 %1 是出库单，请用 --form 7（领料单）或 6（流转单）。</source>
        <translation>Movement %1 is an issue; use --form 7 (material requisition) or 6 (transfer slip).</translation>
    </message>
    <message>
        <source>用法：stock issue|return|show|batch|print --server URL --token T …</source>
        <translation>Usage: stock issue|return|show|batch|print --server URL --token T …</translation>
    </message>
</context>
<context>
    <name>ms::ctl::StoreCommand</name>
    <message>
        <source>用法：meterswapctl store rescue --data DIR [--from 损坏的文件] [--adopt]</source>
        <translation>usage: meterswapctl store rescue --data DIR [--from DAMAGED_FILE] [--adopt]</translation>
    </message>
    <message>
        <source>在 %1 中没有找到被移到一旁的损坏数据库（meterswap.db.corrupt-*）。可用 --from 指定文件。</source>
        <translation>No damaged database moved aside (meterswap.db.corrupt-*) was found in %1. Name the file with --from.</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Sync</name>
    <message>
        <source>meterswapctl sync: 需要 --server https://主机:端口 和令牌（--token-file 文件，或环境变量 MS_TOKEN，或 --token 令牌）</source>
        <translation>meterswapctl sync: needs --server https://HOST:PORT and a token (--token-file FILE, or the MS_TOKEN environment variable, or --token TOKEN)</translation>
    </message>
    <message>
        <source>meterswapctl sync: 记录 %1 被办公室拒收（%2）：%3</source>
        <translation>meterswapctl sync: record %1 refused by the office (%2): %3</translation>
    </message>
    <message>
        <source>meterswapctl sync: 记录 %1 与办公室的记录冲突，不同之处：%2；已保留在本机</source>
        <translation>meterswapctl sync: record %1 conflicts with the office&apos;s record, differing fields: %2; kept on this device</translation>
    </message>
</context>
<context>
    <name>ms::ctl::User</name>
    <message>
        <source>用法：meterswapctl user status --data DIR [--user 姓名]
      meterswapctl user reset-pin --data DIR --user 姓名 [--code 解锁码] （新 PIN 码从标准输入读一行）</source>
        <translation>usage: meterswapctl user status --data DIR [--user NAME]
       meterswapctl user reset-pin --data DIR --user NAME [--code CODE]   (the new PIN is one line on standard input)</translation>
    </message>
    <message>
        <source>这台设备上没有名为“%1”的用户（用 meterswapctl user status 查看全部用户）。</source>
        <translation>No user named &quot;%1&quot; on this device (meterswapctl user status lists them all).</translation>
    </message>
</context>
<context>
    <name>ms::ctl::Verify</name>
    <message>
        <source>需要 --data DIR（平板的数据目录）</source>
        <translation>--data DIR is required (the tablet&apos;s data directory)</translation>
    </message>
    <message>
        <source>%1 中没有换表通的数据库（%2）；请用 --data 指定平板的数据目录。</source>
        <translation>%1 holds no MeterSwap database (%2); give the tablet&apos;s data directory with --data.</translation>
    </message>
    <message>
        <source>记录链 %1 条记录、%2 条证据链全部完好。</source>
        <translation>All %1 records of the record chain and all %2 evidence chains hold.</translation>
    </message>
    <message>
        <source>发现 %1 处问题：本机数据被改动或删除过。请不要删除数据目录，联系技术支持。</source>
        <translation>Found %1 problem(s): data on this device was altered or deleted. Do not delete the data directory; contact support.</translation>
    </message>
</context>
<context>
    <name>ms::meter::ConcentratorClient</name>
    <message>
        <source>集中器没有应答（终端地址 %1，共尝试 %2 次，每次等待 %3 ms，端口 %4，%5）。请检查：维护口线是否插好或红外口是否对准，终端地址是否与集中器铭牌/液晶一致，波特率是否与集中器维护口一致（默认 9600 8E1）。仍不通时改用集中器面板按键设置。</source>
        <translation>The concentrator did not answer (terminal address %1, %2 attempts, %3 ms each, port %4, %5). Check that the maintenance cable is plugged in or the infrared head is aimed, that the terminal address matches the concentrator&apos;s nameplate/display, and that the baud rate matches its maintenance port (default 9600 8E1). If it still does not answer, use the concentrator&apos;s keypad.</translation>
    </message>
    <message>
        <source>集中器有应答，但 %1 次都不是有效的 1376.1 报文（当前 %2）：维护口的波特率或校验方式很可能不一致。请在集中器液晶上查看维护口参数，用 --baud 改成一致（1200…19200，8E1）后重试。</source>
        <translation>The concentrator answered, but %1 times not with a valid 1376.1 frame (now %2): the maintenance port&apos;s baud rate or parity most likely differs. Look up the port settings on the concentrator&apos;s display, set the same with --baud (1200…19200, 8E1) and try again.</translation>
    </message>
    <message>
        <source>集中器否认了设置（AFN 00 F2）：设置密码/权限认证未通过。请核对主站运维下发的设置密码（32 位十六进制）后重试；不要反复尝试错误的密码。参数未被修改。</source>
        <translation>The concentrator denied the setting (AFN 00 F2): password/authentication refused. Check the setting password the master station operators issued (32 hex digits) and try again; do not keep trying wrong passwords. Nothing was changed.</translation>
    </message>
    <message>
        <source>集中器否认了请求（AFN 00 F2）：它没有所请求的数据或不支持该项。请确认集中器型号支持 Q/GDW 1376.1 维护口查询，或改用面板按键查看。</source>
        <translation>The concentrator denied the request (AFN 00 F2): it has no such data or does not support the item. Make sure this model supports Q/GDW 1376.1 queries on its maintenance port, or look it up with the keypad.</translation>
    </message>
    <message>
        <source>无法组成 1376.1 请求：%1。请检查输入的参数。</source>
        <translation>Cannot build the 1376.1 request: %1. Check the values you entered.</translation>
    </message>
    <message>
        <source>集中器的应答无法解析：%1。请记下报文并反馈。</source>
        <translation>The concentrator&apos;s reply cannot be decoded: %1. Keep the frames and report it.</translation>
    </message>
    <message>
        <source>集中器只接受了部分设置，有 %1 项被否认。</source>
        <translation>The concentrator accepted only part of the setting; %1 item(s) were denied.</translation>
    </message>
    <message>
        <source>集中器应答了，但没有给出主站参数（F3）。请改用面板按键查看。</source>
        <translation>The concentrator answered but gave no master station parameters (F3). Look them up with the keypad.</translation>
    </message>
    <message>
        <source>设置已被确认，但回读失败：%1</source>
        <translation>The setting was confirmed, but reading it back failed: %1</translation>
    </message>
    <message>
        <source>主站参数</source>
        <translation>master station parameters</translation>
    </message>
    <message>
        <source>终端地址</source>
        <translation>terminal address</translation>
    </message>
    <message>
        <source>集中器确认了设置，但回读的%1与设置值不一致。请重试，仍不一致时用面板按键设置并拍照。</source>
        <translation>The concentrator confirmed the setting, but the %1 read back differ from what was set. Try again; if they still differ, set them with the keypad and take a photo.</translation>
    </message>
    <message>
        <source> 有表计已在集中器档案中以其他序号登记（表地址重复），未写入。</source>
        <translation> A meter is already registered in the concentrator&apos;s archive under another record number (duplicate meter address); it was not written.</translation>
    </message>
    <message>
        <source>集中器没有应答广播地址查询（并非所有集中器都应答广播）。请输入集中器铭牌或液晶上的终端地址（行政区划码-终端地址，如 1101-1234）。</source>
        <translation>The concentrator did not answer the broadcast address query (not every concentrator does). Enter the terminal address from its nameplate or display (area code-terminal address, e.g. 1101-1234).</translation>
    </message>
</context>
<context>
    <name>ms::meter::ConcentratorState</name>
    <message>
        <source>集中器模拟文件有误：%1。请按 docs/simulator.md 的格式修改后重试。</source>
        <translation>The concentrator simulator file is wrong: %1. Fix it as docs/simulator.md describes and try again.</translation>
    </message>
    <message>
        <source>模拟集中器的档案里没有通信地址 %1，无法在它上面制造差异。</source>
        <translation>The simulated concentrator&apos;s archive has no comm address %1, so no difference can be planted on it.</translation>
    </message>
    <message>
        <source>无法读取集中器模拟文件 %1：%2。</source>
        <translation>Cannot read the concentrator simulator file %1: %2.</translation>
    </message>
    <message>
        <source>不是 JSON 对象（%1）</source>
        <translation>not a JSON object (%1)</translation>
    </message>
    <message>
        <source>address 应为“行政区划码-终端地址”，如 1101-1234</source>
        <translation>address must be &quot;area code-terminal address&quot;, e.g. 1101-1234</translation>
    </message>
    <message>
        <source>master/backup 应为 IP:端口，如 10.0.1.20:9001</source>
        <translation>master/backup must be IP:PORT, e.g. 10.0.1.20:9001</translation>
    </message>
    <message>
        <source>apn 最多 16 个字符</source>
        <translation>apn takes at most 16 characters</translation>
    </message>
    <message>
        <source>password 应为 32 位十六进制（16 字节）</source>
        <translation>password must be 32 hex digits (16 bytes)</translation>
    </message>
    <message>
        <source>comm_address 应为 12 位数字，而不是“%1”</source>
        <translation>comm_address must be 12 digits, not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>序号 %1 / 测量点 %2 超出 1…2040 或重复</source>
        <translation>record %1 / measuring point %2 is outside 1…2040 or repeated</translation>
    </message>
</context>
<context>
    <name>ms::meter::CrossCheck</name>
    <message>
        <source>读到的通信地址 %1 与工单上的表号 %2 不一致：探头可能对准了邻近的表。请核对表位后重新读表。</source>
        <translation>Comm. address read, %1, differs from meter number %2 on the job: the probe may be on a neighbouring meter. Check the meter position and read again.</translation>
    </message>
    <message>
        <source>新表起码为 %1 kWh，超过 %2 kWh：新表可能已被使用过或装错。请核对表号并拍照留证。</source>
        <translation>New meter start reading is %1 kWh, more than %2 kWh: the new meter may have been used or fitted wrongly. Check the meter number and take a photo as evidence.</translation>
    </message>
    <message>
        <source>旧表止码 %1 kWh 小于上次结算示数 %2 kWh：可能读错了表或表计异常。请核对表号，拍摄表盘照片留证。</source>
        <translation>Old meter final reading %1 kWh is less than the last billed reading %2 kWh: the wrong meter may have been read, or the meter is faulty. Check the meter number and photograph the display as evidence.</translation>
    </message>
    <message>
        <source>各费率之和 %1 kWh 与总电能 %2 kWh 不相等：请重新读表；若仍不一致，照实记录并拍摄表盘。</source>
        <translation>Sum of tariffs %1 kWh differs from total energy %2 kWh: read the meter again; if it still differs, record it as read and photograph the display.</translation>
    </message>
</context>
<context>
    <name>ms::meter::MeterReader</name>
    <message>
        <source>正在识别电表规约…</source>
        <translation>Detecting the meter protocol…</translation>
    </message>
    <message>
        <source>已取消读表。</source>
        <translation>Meter read cancelled.</translation>
    </message>
    <message>
        <source>依次尝试了 DL/T 645-2007、DL/T 645-1997 和 DL/T 698.45，均未得到有效应答。</source>
        <translation>Tried DL/T 645-2007, DL/T 645-1997 and DL/T 698.45; none gave a valid reply.</translation>
    </message>
    <message>
        <source>按 %1 读取通信地址未得到有效应答。</source>
        <translation>No valid reply when reading the comm. address with %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; 不是 %2 的数据标识。请检查项目编号。</source>
        <translation>&quot;%1&quot; is not a data ID of %2. Check the item number.</translation>
    </message>
    <message>
        <source>读取「%1」时失败：%2</source>
        <translation>Reading &quot;%1&quot; failed: %2</translation>
    </message>
    <message>
        <source>电表应答无法解析（%1）。请重试；若反复出现，请记录报文并上报。</source>
        <translation>The meter&apos;s reply cannot be parsed (%1). Try again; if it keeps happening, save the frames and report it.</translation>
    </message>
    <message>
        <source>此表没有该数据项（%1）。</source>
        <translation>This meter does not have this item (%1).</translation>
    </message>
    <message>
        <source>电表拒绝读取「%1」（%2）。该项可能需要权限；其余数据不受影响，可改用有权限的掌机或在营销系统中核对。</source>
        <translation>The meter refused to read &quot;%1&quot; (%2). The item may need authorisation; other data is not affected. Use an authorised handheld or check in the marketing system.</translation>
    </message>
</context>
<context>
    <name>ms::meter::PtyPort</name>
    <message>
        <source>无法创建伪终端（openpty：%1）。请检查 /dev/ptmx 是否可用。</source>
        <translation>Cannot create a pseudo-terminal (openpty: %1). Check that /dev/ptmx is available.</translation>
    </message>
    <message>
        <source>%1 已存在且不是符号链接，模拟器不会覆盖它。请换一个 --link 路径。</source>
        <translation>%1 exists and is not a symbolic link; the simulator will not overwrite it. Choose another --link path.</translation>
    </message>
    <message>
        <source>无法在 %1 创建链接：%2。请检查目录是否存在并可写。</source>
        <translation>Cannot create the link at %1: %2. Check that the folder exists and is writable.</translation>
    </message>
</context>
<context>
    <name>ms::meter::RegisterSet</name>
    <message>
        <source>无法读取寄存器文件 %1：%2</source>
        <translation>Cannot read register file %1: %2</translation>
    </message>
    <message>
        <source>不是有效的 JSON 对象（%1，偏移 %2）。格式见 docs/simulator.md。</source>
        <translation>Not a valid JSON object (%1, offset %2). See docs/simulator.md for the format.</translation>
    </message>
    <message>
        <source>未知字段 &quot;%1&quot;，可用字段：%2</source>
        <translation>Unknown field &quot;%1&quot;; available fields: %2</translation>
    </message>
    <message>
        <source>registers 中未知的寄存器 &quot;%1&quot;，可用：%2</source>
        <translation>Unknown register &quot;%1&quot; in registers; available: %2</translation>
    </message>
    <message>
        <source>寄存器 &quot;%1&quot; 的值必须是文本、数字或它们的数组。</source>
        <translation>The value of register &quot;%1&quot; must be text, a number or an array of them.</translation>
    </message>
    <message>
        <source>forward_active 需要 5 个值：总、费率1、费率2、费率3、费率4。</source>
        <translation>forward_active needs 5 values: total, tariff 1, tariff 2, tariff 3, tariff 4.</translation>
    </message>
    <message>
        <source>extra &quot;%1&quot; 的值必须是文本或文本数组。</source>
        <translation>The value of extra &quot;%1&quot; must be text or an array of text.</translation>
    </message>
    <message>
        <source>clock 必须是 &quot;now&quot; 或 &quot;YYYY-MM-DD hh:mm:ss&quot;，而不是 &quot;%1&quot;。</source>
        <translation>clock must be &quot;now&quot; or &quot;YYYY-MM-DD hh:mm:ss&quot;, not &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ms::meter::SerialLink</name>
    <message>
        <source>没有选择串口。请在列表中选择红外或 RS-485 串口，或输入设备路径（如 /dev/ttyUSB0）。</source>
        <translation>No serial port chosen. Pick the infrared or RS-485 port in the list, or type the device path (e.g. /dev/ttyUSB0).</translation>
    </message>
    <message>
        <source>串口 %1 不存在。请检查探头/转换器是否插好，或在列表中重新选择端口。</source>
        <translation>Serial port %1 does not exist. Check that the probe/adapter is plugged in, or pick the port in the list again.</translation>
    </message>
    <message>
        <source>无法打开串口 %1：%2。请确认端口未被其他程序占用，并有访问权限（dialout 组）。</source>
        <translation>Cannot open serial port %1: %2. Make sure no other program uses the port and you have access (dialout group).</translation>
    </message>
    <message>
        <source>已取消读表。</source>
        <translation>Meter read cancelled.</translation>
    </message>
    <message>
        <source>串口 %1 已断开：%2。请检查探头/转换器连接后重新读表。</source>
        <translation>Serial port %1 was disconnected: %2. Check the probe/adapter connection and read again.</translation>
    </message>
    <message>
        <source>串口 %1 未打开或已断开。请检查探头/转换器连接后重试。</source>
        <translation>Serial port %1 is not open or was disconnected. Check the probe/adapter connection and try again.</translation>
    </message>
    <message>
        <source>电表没有应答（共尝试 %1 次，每次等待 %2 ms，端口 %3，%4）。请检查：红外探头是否对准表计红外口并贴紧，RS-485 的 A/B 线是否接反或松动，端口和波特率是否选对。</source>
        <translation>The meter does not answer (%1 tries, %2 ms each, port %3, %4). Check that the IR probe sits tight on the meter&apos;s IR port, that the RS-485 A/B wires are not swapped or loose, and that port and baud rate are right.</translation>
    </message>
    <message>
        <source>电表有应答，但 %1 次都不是有效报文（当前 %2）：通信参数很可能与电表不一致（如电表为 8N1 或其他波特率）。请改用其他校验方式（8E1/8N1）或波特率（1200/2400/9600）再试；若仍不行，遮挡强光并重新对准探头。</source>
        <translation>The meter answers, but none of %1 replies was a valid frame (now %2): the link settings probably differ from the meter&apos;s (e.g. 8N1 or another baud rate). Try another parity (8E1/8N1) or baud rate (1200/2400/9600); if that fails, shade strong light and re-aim the probe.</translation>
    </message>
    <message>
        <source>应答报文只收到一部分就中断了（共尝试 %1 次）。请把探头对准并保持不动，检查 RS-485 接线，然后重试。</source>
        <translation>The reply broke off part way (%1 tries). Aim the probe and hold it still, check the RS-485 wiring, then try again.</translation>
    </message>
    <message>
        <source>应答报文校验错误（共尝试 %1 次）：线路受到干扰。请遮挡强光、重新对准探头或检查接线后重试。</source>
        <translation>Reply checksum wrong (%1 tries): the line has interference. Shade strong light, re-aim the probe or check the wiring, then try again.</translation>
    </message>
</context>
<context>
    <name>ms::meter::SwapSet</name>
    <message>
        <source>通信地址</source>
        <translation>Comm. address</translation>
    </message>
    <message>
        <source>表号</source>
        <translation>Meter number</translation>
    </message>
    <message>
        <source>正向有功电能（总、尖峰平谷）</source>
        <translation>Forward active energy (total, tariffs)</translation>
    </message>
    <message>
        <source>反向有功总电能</source>
        <translation>Reverse active energy, total</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>日期时间</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>电表运行状态字1</source>
        <translation>Meter status word 1</translation>
    </message>
    <message>
        <source>剩余电量</source>
        <translation>Remaining energy</translation>
    </message>
    <message>
        <source>剩余金额</source>
        <translation>Remaining credit</translation>
    </message>
    <message>
        <source>开表盖次数</source>
        <translation>Cover openings</translation>
    </message>
</context>
<context>
    <name>ms::server::ChainLog</name>
    <message>
        <source>设备公钥应为 64 位小写十六进制（Ed25519）；请更新平板上的应用。</source>
        <translation>The device public key must be 64 lowercase hex digits (Ed25519); update the app on the tablet.</translation>
    </message>
    <message>
        <source>此令牌已绑定另一台设备的签名密钥：令牌被别的设备用过，或本机数据已重建。请办公室为本机重新发放令牌（meterswap-office token create）。</source>
        <translation>This token is bound to another device&apos;s signing key: the token was used by another device, or this device&apos;s data was rebuilt. Have the office issue a new token for this device (meterswap-office token create).</translation>
    </message>
    <message>
        <source>记录 %1 没有设备签名，办公室不接收。请把平板上的应用更新到最新版本。</source>
        <translation>Record %1 carries no device signature, so the office does not accept it. Update the app on the tablet to the latest version.</translation>
    </message>
    <message>
        <source>办公室还不知道本机的签名公钥（它随每次请求发送）。请把平板上的应用更新到最新版本。</source>
        <translation>The office does not know this device&apos;s public signing key yet (it is sent with every request). Update the app on the tablet to the latest version.</translation>
    </message>
    <message>
        <source>记录 %1（记录链第 %2 位）的内容与它的链接不符：记录在平板上或传输中被改动过。请在平板上运行 meterswapctl verify 并联系技术支持。</source>
        <translation>The content of record %1 (chain position %2) does not match its link: the record was altered on the tablet or on the way. Run meterswapctl verify on the tablet and contact support.</translation>
    </message>
    <message>
        <source>记录 %1（记录链第 %2 位）的签名不是本设备密钥签的，办公室不接收。请联系技术支持。</source>
        <translation>The signature of record %1 (chain position %2) was not made with this device&apos;s key, so the office does not accept it. Contact support.</translation>
    </message>
    <message>
        <source>办公室已有本设备记录链第 %1 位的另一条记录，与记录 %2 冲突：平板数据被替换或从旧备份恢复过。请联系技术支持，不要删除平板数据。</source>
        <translation>The office already holds another record at position %1 of this device&apos;s chain, which conflicts with record %2: the tablet&apos;s data was replaced or restored from an old backup. Contact support and do not delete the tablet&apos;s data.</translation>
    </message>
    <message>
        <source>办公室只收到本设备记录链第 %1 位为止，记录 %2 是第 %3 位：中间的记录缺失（在平板上被删除？）。请在平板上运行 meterswapctl verify 并联系技术支持。</source>
        <translation>The office holds this device&apos;s chain up to position %1, but record %2 is at position %3: the records in between are missing (deleted on the tablet?). Run meterswapctl verify on the tablet and contact support.</translation>
    </message>
    <message>
        <source>记录 %1（记录链第 %2 位）没有接在办公室已有的本设备记录之后：平板数据被替换或改动过。请在平板上运行 meterswapctl verify 并联系技术支持。</source>
        <translation>Record %1 (chain position %2) does not follow this device&apos;s records held at the office: the tablet&apos;s data was replaced or altered. Run meterswapctl verify on the tablet and contact support.</translation>
    </message>
    <message>
        <source>设备 %1 的记录链第 %2–%3 位不在办公室的记录链日志中（在记录 %4 之前）：被删除过。</source>
        <translation>Positions %2–%3 of device %1&apos;s record chain are missing from the office&apos;s chain log (before record %4): they were deleted.</translation>
    </message>
    <message>
        <source>设备 %1 的记录 %2（第 %3 位）没有接在前一条之后：记录链日志被改动过。</source>
        <translation>Record %2 of device %1 (position %3) does not follow the one before it: the chain log was altered.</translation>
    </message>
    <message>
        <source>设备 %1 的记录 %2（第 %3 位）在记录链日志中的哈希或链接被改动过。</source>
        <translation>The hash or link of record %2 of device %1 (position %3) was altered in the chain log.</translation>
    </message>
    <message>
        <source>设备 %1 的记录 %2（第 %3 位）的签名不是该设备密钥签的。</source>
        <translation>The signature of record %2 of device %1 (position %3) was not made with that device&apos;s key.</translation>
    </message>
    <message>
        <source>设备 %1 的记录链最新的第 %2–%3 位不在办公室的记录链日志中：被删除过。</source>
        <translation>The newest positions %2–%3 of device %1&apos;s record chain are missing from the office&apos;s chain log: they were deleted.</translation>
    </message>
    <message>
        <source>设备 %1 的记录链末端与办公室记下的不符：最新的记录被替换过。</source>
        <translation>The end of device %1&apos;s record chain differs from the one the office noted: the newest record was replaced.</translation>
    </message>
    <message>
        <source>记录链日志中有 %1 条记录属于一个已不存在的设备密钥（编号 %2）：设备密钥被删除过。</source>
        <translation>The chain log holds %1 records of a device key that no longer exists (number %2): the device key was deleted.</translation>
    </message>
    <message>
        <source>记录 %1（设备 %2，第 %3 版）的内容与设备签名时不同：在办公室被改动过。</source>
        <translation>Record %1 (device %2, version %3) differs from what the device signed: it was altered at the office.</translation>
    </message>
    <message>
        <source>记录 %1（设备 %2，第 %3 版）不在任何设备的记录链中：在办公室被添加或改动过。</source>
        <translation>Record %1 (device %2, version %3) is in no device&apos;s record chain: it was added or altered at the office.</translation>
    </message>
    <message>
        <source>记录 %1（设备 %2，第 %3 版，记录链第 %4 位）已被办公室确认收到，现在却不见了：被删除过。</source>
        <translation>Record %1 (device %2, version %3, chain position %4) was acknowledged by the office but is gone now: it was deleted.</translation>
    </message>
</context>
<context>
    <name>ms::server::Commands</name>
    <message>
        <source>无法创建数据目录 %1</source>
        <translation>Cannot create data folder %1</translation>
    </message>
    <message>
        <source>无法读取证书 %1（需要 PEM 格式）</source>
        <translation>Cannot read certificate %1 (PEM format needed)</translation>
    </message>
    <message>
        <source>无法读取私钥 %1</source>
        <translation>Cannot read private key %1</translation>
    </message>
    <message>
        <source>私钥 %1 不是未加密的 PEM RSA/EC 私钥</source>
        <translation>Private key %1 is not an unencrypted PEM RSA/EC key</translation>
    </message>
    <message>
        <source>--listen 应为 地址:端口，例如 127.0.0.1:8443（收到“%1”）</source>
        <translation>--listen must be address:port, e.g. 127.0.0.1:8443 (got &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--tls-cert 和 --tls-key 必须同时给出</source>
        <translation>--tls-cert and --tls-key must be given together</translation>
    </message>
    <message>
        <source>用法：token create|revoke …</source>
        <translation>Usage: token create|revoke …</translation>
    </message>
    <message>
        <source>import-task 需要且只需要一个 CSV 文件</source>
        <translation>import-task needs exactly one CSV file</translation>
    </message>
    <message>
        <source>记录 %1（%2）引用的证据文件 %3 不在服务器上</source>
        <translation>Record %1 (%2) refers to evidence file %3, which is not on the server</translation>
    </message>
    <message>
        <source>token revoke 需要 --device NAME，或令牌（--token-file 文件、环境变量 MS_TOKEN 或 --token 令牌）</source>
        <translation>token revoke needs --device NAME, or the token (--token-file FILE, the MS_TOKEN environment variable or --token TOKEN)</translation>
    </message>
    <message>
        <source>没有找到这个令牌，或它已被吊销；未做改动。</source>
        <translation>This token was not found or is already revoked; nothing was changed.</translation>
    </message>
    <message>
        <source>--%1 应为 %2…%3 之间的整数（收到“%4”）</source>
        <translation>--%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</translation>
    </message>
    <message>
        <source>拒绝在 %1 上提供未加密的 HTTP：设备令牌和证据会明文经过网络。请先执行一次 meterswap-office tls init --data %2（serve 会自动使用它），或给出 --tls-cert/--tls-key；只有在完全可信的网络上才可加 --insecure-plain-http 强制使用 HTTP。</source>
        <translation>Refusing to serve unencrypted HTTP on %1: device tokens and evidence would cross the network in the clear. Run meterswap-office tls init --data %2 once (serve then uses it), or give --tls-cert/--tls-key; only on a network you fully trust add --insecure-plain-http to force HTTP.</translation>
    </message>
    <message>
        <source>OpenSSL 无法生成密钥或证书；请检查 OpenSSL 安装后重试。</source>
        <translation>OpenSSL could not make the key or certificate; check the OpenSSL installation and try again.</translation>
    </message>
    <message>
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>在每台平板上设置此证书指纹：meterswap --server https://本机地址:端口 --server-pin %1（meterswapctl sync 用 --pin %1）</source>
        <translation>Set this certificate pin on every tablet: meterswap --server https://THIS-HOST:PORT --server-pin %1 (meterswapctl sync takes --pin %1)</translation>
    </message>
    <message>
        <source>%1 里没有证书；请先执行 meterswap-office tls init --data %2</source>
        <translation>There is no certificate at %1; run meterswap-office tls init --data %2 first</translation>
    </message>
    <message>
        <source>用法：tls init --data DIR [--host 名称,地址] [--force] | tls pin --data DIR</source>
        <translation>Usage: tls init --data DIR [--host NAME,ADDRESS] [--force] | tls pin --data DIR</translation>
    </message>
    <message>
        <source>%1 已有证书（指纹 %2），未改动。换新证书后每台平板都要重新设置指纹；确需更换请加 --force。</source>
        <translation>%1 already holds a certificate (pin %2); nothing was changed. After a new certificate every tablet needs the new pin; add --force if you really want to replace it.</translation>
    </message>
    <message>
        <source>无法创建目录 %1/tls</source>
        <translation>Cannot create folder %1/tls</translation>
    </message>
    <message>
        <source>警告：任务 %1 没有指派给任何人，没有平板会收到它。请在 installers 列填写安装人员，或加 --assign 用户名 后重新导入。</source>
        <translation>Warning: task %1 is assigned to nobody, so no tablet will receive it. Fill in the installers column, or add --assign USER, and import again.</translation>
    </message>
    <message>
        <source>警告：任务 %1 中有 %2 户没有指派给任何人（户号 %3），没有平板会收到它们。请在这些行的 installers 列填写安装人员，或加 --assign 用户名 后重新导入。</source>
        <translation>Warning: %2 customers of task %1 are assigned to nobody (account numbers %3), so no tablet will receive them. Fill in the installers column of those rows, or add --assign USER, and import again.</translation>
    </message>
    <message>
        <source>注意：任务 %1 的 %2 户不在这次导入的文件中，已从原先收到它们的平板撤回（户号 %3）。若是误删，把这些行加回文件再导入一次即可。</source>
        <translation>Note: %2 customers of task %1 are not in this file and were withdrawn from the tablets that had them (account numbers %3). If they were removed by mistake, add the rows back and import again.</translation>
    </message>
    <message>
        <source>任务 %1（未指派 %2），客户 %3，工单 %4（完成 %5），记录 %6（冲突 %7），证据文件 %8（%9 字节），设备 %10
</source>
        <translation>Tasks %1 (unassigned %2), customers %3, jobs %4 (done %5), records %6 (conflicts %7), evidence files %8 (%9 bytes), devices %10
</translation>
    </message>
    <message>
        <source>未知的角色“%1”；--roles 可用：%2（用逗号分隔），不给 --roles 则是外勤平板的令牌。</source>
        <translation>Unknown role &quot;%1&quot;; --roles takes: %2 (comma separated); without --roles the token is a field tablet&apos;s.</translation>
    </message>
    <message>
        <source>--roles 不能为空；可用：%1</source>
        <translation>--roles must not be empty; available: %1</translation>
    </message>
    <message>
        <source>无法读取卡片目录 %1：%2</source>
        <translation>Could not read the card catalog %1: %2</translation>
    </message>
    <message>
        <source>无法读取配置文件 %1：%2</source>
        <translation>Cannot read the configuration file %1: %2</translation>
    </message>
    <message>
        <source>配置文件 %1 第 %2 行应为“键 = 值”（收到“%3”）</source>
        <translation>Configuration file %1, line %2: expected &quot;key = value&quot; (got &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>配置文件 %1 第 %2 行：未知的设置“%3”；可用的设置：%4</source>
        <translation>Configuration file %1, line %2: unknown setting &quot;%3&quot;; the settings are: %4</translation>
    </message>
    <message>
        <source>配置文件 %1 第 %2 行：“%3”应为 true 或 false（收到“%4”）</source>
        <translation>Configuration file %1, line %2: &quot;%3&quot; must be true or false (got &quot;%4&quot;)</translation>
    </message>
    <message>
        <source>需要 --data DIR（服务器数据目录），或在 --config 文件中写 data = DIR</source>
        <translation>--data DIR (the server&apos;s data directory) is required, or data = DIR in the --config file</translation>
    </message>
    <message>
        <source>--database 应为 PostgreSQL 数据库地址，例如 postgresql://meterswap@127.0.0.1:5432/meterswap；不给 --database 则使用 --data 目录里的 SQLite 数据库</source>
        <translation>--database must be a PostgreSQL database address, e.g. postgresql://meterswap@127.0.0.1:5432/meterswap; without --database the SQLite database in the --data directory is used</translation>
    </message>
    <message>
        <source>已有 %1 个服务在写入证据目录 %2；请先停止其中一些。</source>
        <translation>%1 servers are already writing to the evidence directory %2; stop some of them first.</translation>
    </message>
</context>
<context>
    <name>ms::server::EdgeGate</name>
    <message>
        <source>缺少设备令牌（Authorization: Bearer …）；请在设置中填写办公室发放的令牌。</source>
        <translation>Device token missing (Authorization: Bearer …); enter the token issued by the office in Settings.</translation>
    </message>
    <message>
        <source>办公室不认可此设备令牌（错误或已吊销）；请向办公室申请新令牌。</source>
        <translation>The office does not accept this device token (wrong or revoked); ask the office for a new token.</translation>
    </message>
    <message>
        <source>请求头没有及时到达，连接已关闭；请重试。</source>
        <translation>The request head did not arrive in time and the connection was closed; try again.</translation>
    </message>
    <message>
        <source>请求必须用 Content-Length 声明正文长度（不接受分块传输）。</source>
        <translation>A request must declare its body length with Content-Length (chunked transfer is not accepted).</translation>
    </message>
    <message>
        <source>请求正文 %1 字节，超过此接口的上限 %2 字节，未读取；请分块或分批发送。</source>
        <translation>The request body of %1 bytes is over this endpoint&apos;s limit of %2 bytes and was not read; send it in chunks or smaller batches.</translation>
    </message>
    <message>
        <source>不支持的 Expect 请求头；只接受 100-continue。</source>
        <translation>Unsupported Expect header; only 100-continue is accepted.</translation>
    </message>
    <message>
        <source>本机与办公室的连接过多；请稍后再同步（同步会自动重试）。</source>
        <translation>This device has too many connections to the office; sync again later (sync retries by itself).</translation>
    </message>
    <message>
        <source>请求头过大或字段过多；请检查客户端。</source>
        <translation>The request head is too large or has too many fields; check the client.</translation>
    </message>
    <message>
        <source>办公室服务器当前连接已满；请稍后再同步（同步会自动重试）。</source>
        <translation>The office server has no free connections right now; sync again later (sync retries by itself).</translation>
    </message>
    <message>
        <source>请求格式不正确（%1）；请使用换表通客户端同步。</source>
        <translation>Malformed request (%1); sync with the MeterSwap client.</translation>
    </message>
</context>
<context>
    <name>ms::server::EvidencePack</name>
    <message>
        <source>服务器磁盘已满，无法保存证据文件（%1）。请清理服务器磁盘后重试。</source>
        <translation>The server disk is full; the evidence file cannot be saved (%1). Free up server disk space and try again.</translation>
    </message>
    <message>
        <source>无法写入证据卷 %1：%2</source>
        <translation>Cannot write evidence volume %1: %2</translation>
    </message>
    <message>
        <source>无法创建证据卷目录 %1</source>
        <translation>Cannot create the evidence volume folder %1</translation>
    </message>
    <message>
        <source>证据卷 %1 正由另一个 meterswap-office serve 写入；同一数据目录只能运行一个服务，请先停止那个服务。</source>
        <translation>Evidence volume %1 is being written by another meterswap-office serve; only one server may run on a data folder. Stop that server first.</translation>
    </message>
    <message>
        <source>无法读取证据卷 %1：%2</source>
        <translation>Cannot read evidence volume %1: %2</translation>
    </message>
    <message>
        <source>证据卷 %1 以只读方式打开</source>
        <translation>Evidence volume %1 is open read-only</translation>
    </message>
    <message>
        <source>证据文件 %1 不存在</source>
        <translation>Evidence file %1 does not exist</translation>
    </message>
    <message>
        <source>无法从证据卷 %1 读取文件 %2</source>
        <translation>Cannot read file %2 from evidence volume %1</translation>
    </message>
    <message>
        <source>无法记录证据卷的损坏位置 %1：%2</source>
        <translation>Cannot record where the evidence volume %1 is damaged: %2</translation>
    </message>
</context>
<context>
    <name>ms::server::FileBlobStore</name>
    <message>
        <source>无法创建证据目录 %1</source>
        <translation>Cannot create evidence folder %1</translation>
    </message>
    <message>
        <source>服务器已收到 %1 字节，本次从 %2 字节处开始；请从 %1 处续传。</source>
        <translation>The server has received %1 bytes, but this upload starts at byte %2; resume from byte %1.</translation>
    </message>
    <message>
        <source>数据超出文件声明的大小 %1 字节</source>
        <translation>Data goes beyond the declared file size of %1 bytes</translation>
    </message>
    <message>
        <source>文件内容与其 SHA-256 %1 不符（实际为 %2），已丢弃；请重新拍摄或重新发送。</source>
        <translation>The file content does not match its SHA-256 %1 (actual %2) and was discarded; take the photo again or resend.</translation>
    </message>
    <message>
        <source>无法创建目录 %1</source>
        <translation>Cannot create folder %1</translation>
    </message>
    <message>
        <source>无法保存证据文件 %1</source>
        <translation>Cannot save evidence file %1</translation>
    </message>
    <message>
        <source>证据文件 %1 不存在</source>
        <translation>Evidence file %1 does not exist</translation>
    </message>
    <message>
        <source>证据文件 %1 已损坏（实际 SHA-256 为 %2）</source>
        <translation>Evidence file %1 is damaged (actual SHA-256 %2)</translation>
    </message>
    <message>
        <source>无法创建证据目录 %1/%2</source>
        <translation>Cannot create evidence folder %1/%2</translation>
    </message>
    <message>
        <source>服务器磁盘已满，无法保存证据文件（%1）。请清理服务器磁盘后重试。</source>
        <translation>The server disk is full; the evidence file cannot be saved (%1). Free up server disk space and try again.</translation>
    </message>
    <message>
        <source>无法写入证据文件 %1：%2</source>
        <translation>Cannot write evidence file %1: %2</translation>
    </message>
    <message>
        <source>无法读取证据文件 %1：%2</source>
        <translation>Cannot read evidence file %1: %2</translation>
    </message>
    <message>
        <source>读取证据文件 %1 时出错</source>
        <translation>Error while reading evidence file %1</translation>
    </message>
    <message>
        <source>文件 %1 正由另一台设备（%2）分块上传，只有它能续传；它若不再上传，此部分会在 %3 天后清除，之后可以重新上传。</source>
        <translation>File %1 is being uploaded in chunks by another device (%2), and only that device can continue it; if it stops, the unfinished part is removed after %3 days and the file can be uploaded again.</translation>
    </message>
    <message>
        <source>文件 %1 开始上传时声明为 %2 字节，本次声明为 %3 字节；请从头重新上传。</source>
        <translation>File %1 was declared as %2 bytes when its upload started, but as %3 bytes now; upload it again from the start.</translation>
    </message>
    <message>
        <source>本设备未完成的分块上传已有 %1 字节，再加 %2 字节会超过每台设备 %3 字节的上限；请先完成正在上传的文件，或等办公室清除过期的部分。</source>
        <translation>This device already has %1 bytes of unfinished chunked uploads; %2 more bytes would pass the limit of %3 bytes per device. Finish the uploads in progress first, or wait for the office to remove expired ones.</translation>
    </message>
</context>
<context>
    <name>ms::server::JobView</name>
    <message>
        <source>%1 为 %2，超出通常范围 %3…%4，请对照照片核实。</source>
        <translation>%1 is %2, outside the usual range %3…%4; check it against the photo.</translation>
    </message>
    <message>
        <source>旧表止码 %1 低于上次抄表结算示数 %2，请核实是否抄错或表计异常。</source>
        <translation>The old meter&apos;s final reading %1 is below the last billed reading %2; check for a misread or a faulty meter.</translation>
    </message>
    <message>
        <source>照片/视频拍摄于 %1，不在本工单开始（%2）到提交（%3）之间，请确认它拍的是本户。</source>
        <translation>The photo/video was taken at %1, not between the job&apos;s start (%2) and submission (%3); make sure it shows this customer.</translation>
    </message>
    <message>
        <source>卡片 %1 缺少必需项“%2”（%3/%4）。</source>
        <translation>Card %1 lacks the required item &quot;%2&quot; (%3/%4).</translation>
    </message>
    <message>
        <source>退回至少要指明一项（卡片 + 要求项 + 原因）。</source>
        <translation>A send-back must name at least one item (card + requirement + reason).</translation>
    </message>
    <message>
        <source>items[%1]：没有工单卡片“%2”；请按卡片编号（如 21.4）填写。</source>
        <translation>items[%1]: there is no job card &quot;%2&quot;; give the card number (e.g. 21.4).</translation>
    </message>
    <message>
        <source>items[%1]：卡片 %2 没有要求项“%3”；可选：%4。</source>
        <translation>items[%1]: card %2 has no requirement &quot;%3&quot;; it has: %4.</translation>
    </message>
    <message>
        <source>items[%1]：请写明退回 %2 %3 的原因，施工人员会看到它。</source>
        <translation>items[%1]: write why %2 %3 is sent back; the installer will see it.</translation>
    </message>
</context>
<context>
    <name>ms::server::OfficeApi</name>
    <message>
        <source>内勤审核（office_clerk）</source>
        <translation>review (office_clerk)</translation>
    </message>
    <message>
        <source>电费核算（billing）</source>
        <translation>billing check (billing)</translation>
    </message>
    <message>
        <source>工程专责（engineer）</source>
        <translation>project engineer (engineer)</translation>
    </message>
    <message>
        <source>请求体应为 JSON 对象；请检查客户端版本。</source>
        <translation>The request body must be a JSON object; check the client&apos;s version.</translation>
    </message>
    <message>
        <source>此操作需要 %1 角色，令牌（用户 %2）没有；请向办公室管理员申请带该角色的令牌。</source>
        <translation>This needs the %1 role, which the token (user %2) does not have; ask the office administrator for a token with that role.</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> or </translation>
    </message>
    <message>
        <source>这是外勤平板的令牌，不能使用办公室接口（需要 %1 角色）；请用办公室发放的办公令牌（token create … --roles）。</source>
        <translation>This is a field tablet&apos;s token and cannot use the office API (it needs the %1 role); use an office token (token create … --roles).</translation>
    </message>
    <message>
        <source>from / to 应为 YYYY-MM-DD 格式的日期</source>
        <translation>from / to must be dates as YYYY-MM-DD</translation>
    </message>
    <message>
        <source>limit 应为 1…200 之间的整数（收到“%1”）</source>
        <translation>limit must be a whole number 1…200 (got &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>办公室没有工单 %1；请确认编号，或等施工人员同步后再看。</source>
        <translation>The office has no job %1; check the id, or look again after the crew has synced.</translation>
    </message>
    <message>
        <source>需要 decision_uuid（客户端生成的决定编号，最多 64 个字符），以便离线排队的决定只生效一次。</source>
        <translation>decision_uuid is needed (an id the client makes, at most 64 characters), so that a decision queued offline is applied once.</translation>
    </message>
    <message>
        <source>请写明退回内勤的原因（reason），内勤会在审核队列中看到它。</source>
        <translation>Write why it goes back to the clerk (reason); the clerk sees it in the review queue.</translation>
    </message>
    <message>
        <source>“%1”不是 64 位小写十六进制 SHA-256</source>
        <translation>&quot;%1&quot; is not a SHA-256 of 64 lowercase hex digits</translation>
    </message>
    <message>
        <source>办公室没有证据文件 %1（尚未上传完）</source>
        <translation>The office does not hold evidence file %1 (not fully uploaded)</translation>
    </message>
    <message>
        <source>库房管理（warehouse）</source>
        <translation>warehouse (warehouse)</translation>
    </message>
</context>
<context>
    <name>ms::server::OfficeServer</name>
    <message>
        <source>没有这个接口：%1</source>
        <translation>No such endpoint: %1</translation>
    </message>
    <message>
        <source>缺少设备令牌（Authorization: Bearer …）；请在设置中填写办公室发放的令牌。</source>
        <translation>Device token missing (Authorization: Bearer …); enter the token issued by the office in Settings.</translation>
    </message>
    <message>
        <source>办公室不认可此设备令牌（错误或已吊销）；请向办公室申请新令牌。</source>
        <translation>The office does not accept this device token (wrong or revoked); ask the office for a new token.</translation>
    </message>
    <message>
        <source>游标“%1”不是非负整数</source>
        <translation>Cursor &quot;%1&quot; is not a whole number of 0 or more</translation>
    </message>
    <message>
        <source>“%1”不是 64 位小写十六进制 SHA-256</source>
        <translation>&quot;%1&quot; is not a 64-digit lowercase hex SHA-256</translation>
    </message>
    <message>
        <source>每次最多上传 %1 字节，收到 %2 字节；请分块上传。</source>
        <translation>At most %1 bytes per upload, got %2 bytes; upload in chunks.</translation>
    </message>
    <message>
        <source>需要 offset（≥0）和 total（1…%1）两个参数</source>
        <translation>Both offset (≥0) and total (1…%1) are required</translation>
    </message>
    <message>
        <source>记录批次超过 %1 字节；请分批发送。</source>
        <translation>Record batch exceeds %1 bytes; send it in smaller batches.</translation>
    </message>
    <message>
        <source>办公令牌（用户 %1）不能发送外勤记录；外勤记录只由施工平板用它自己的令牌同步。</source>
        <translation>An office token (user %1) cannot send field records; only a field tablet syncs them, with its own token.</translation>
    </message>
</context>
<context>
    <name>ms::server::PgConnection</name>
    <message>
        <source>无法连接 PostgreSQL 数据库：%1。请检查 --database 中的主机、端口、用户和库名，以及数据库是否在运行。</source>
        <translation>Cannot connect to the PostgreSQL database: %1. Check the host, port, user and database name in --database, and that the database is running.</translation>
    </message>
    <message>
        <source>与 PostgreSQL 数据库的连接中断了；请稍后重试。</source>
        <translation>The connection to the PostgreSQL database was lost; please try again shortly.</translation>
    </message>
    <message>
        <source>PostgreSQL 数据库未能完成“%1”：%2</source>
        <translation>The PostgreSQL database could not complete &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>数据库的结构版本是 %1，本程序连接时是 %2：另一个版本的程序升级过它。请用同一版本的程序。</source>
        <translation>The database schema is version %1, but it was %2 when this program connected: a program of another version upgraded it. Run the same version everywhere.</translation>
    </message>
    <message>
        <source>数据库由更新版本的换表通创建（版本 %1，本程序支持到 %2）。请升级程序。</source>
        <translation>The database was created by a newer MeterSwap (version %1; this app supports up to %2). Please update the app.</translation>
    </message>
    <message>
        <source>数据库升级到版本 %1 失败：%2</source>
        <translation>Upgrading the database to version %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>ms::server::PinReset</name>
    <message>
        <source>用法：meterswap-office pin-reset-code --data DIR --device 设备名 --challenge 平板上显示的 %1 位挑战码 [--user 姓名]</source>
        <translation>usage: meterswap-office pin-reset-code --data DIR --device DEVICE --challenge DIGITS [--user NAME] (the %1-digit challenge the tablet shows)</translation>
    </message>
    <message>
        <source>%1 里没有办公室数据库 office.db：请检查 --data 是否指向服务器数据目录</source>
        <translation>%1 has no office database office.db: check that --data names the server&apos;s data directory</translation>
    </message>
    <message>
        <source>无法写入 %1：解锁码只在记录下来之后发放</source>
        <translation>Cannot write %1: an unlock code is only issued once it is logged</translation>
    </message>
</context>
<context>
    <name>ms::server::ServerPool</name>
    <message>
        <source>无法在 %1:%2 上监听（%3）；请换一个端口。</source>
        <translation>Cannot listen on %1:%2 (%3); choose another port.</translation>
    </message>
    <message>
        <source>无法为服务线程复制监听套接字：%1</source>
        <translation>Cannot duplicate the listening socket for a server thread: %1</translation>
    </message>
    <message>
        <source>服务线程 %1 无法接受连接；请重启服务器。</source>
        <translation>Server thread %1 cannot accept connections; restart the server.</translation>
    </message>
</context>
<context>
    <name>ms::server::SqlOfficeJobs</name>
    <message>
        <source>决定编号 %1 已用于另一项决定（工单 %2）；每项决定请使用新的编号。</source>
        <translation>Decision id %1 was already used for another decision (job %2); use a new id for each decision.</translation>
    </message>
    <message>
        <source>办公室没有工单 %1；请刷新队列后再试。</source>
        <translation>The office has no job %1; refresh the queue and try again.</translation>
    </message>
    <message>
        <source>工单 %1 当前状态是“%2”（%3），不能作此决定；请刷新后查看它的最新状态。</source>
        <translation>Job %1 is &quot;%2&quot; (%3) and cannot take this decision; refresh to see its latest state.</translation>
    </message>
    <message>
        <source>没有导出批次“%1”；请在导出记录中查看批次号。</source>
        <translation>There is no export batch &quot;%1&quot;; look up the batch in the export log.</translation>
    </message>
    <message>
        <source>翻页游标“%1”无效；请从第一页重新查询。</source>
        <translation>The page cursor &quot;%1&quot; is not valid; start again from the first page.</translation>
    </message>
    <message>
        <source>办公室没有工单 %1</source>
        <translation>The office has no job %1</translation>
    </message>
    <message>
        <source>尚未提交</source>
        <translation>not submitted yet</translation>
    </message>
    <message>
        <source>待内勤审核</source>
        <translation>waiting for the clerk&apos;s review</translation>
    </message>
    <message>
        <source>已退回施工人员，等待重新提交</source>
        <translation>sent back to the crew, waiting for resubmission</translation>
    </message>
    <message>
        <source>已审核通过，待电费审核</source>
        <translation>approved, waiting for the billing check</translation>
    </message>
    <message>
        <source>电费审核已确认，待导出</source>
        <translation>billing confirmed, waiting for export</translation>
    </message>
    <message>
        <source>已导出到营销系统</source>
        <translation>exported to the marketing system</translation>
    </message>
</context>
<context>
    <name>ms::server::SqlOfficeStock</name>
    <message>
        <source> 等 %1 个</source>
        <translation> and more, %1 in all</translation>
    </message>
    <message>
        <source>请求编号 %1 已用于另一笔出入库；请重新发起。</source>
        <translation>Request number %1 was already used for another stock movement; start the request again.</translation>
    </message>
    <message>
        <source>出库需要领料的班组（任务上写的施工班组名）。</source>
        <translation>An issue needs the receiving crew (the crew named on the task).</translation>
    </message>
    <message>
        <source>表计：</source>
        <translation>Meters: </translation>
    </message>
    <message>
        <source>封印：</source>
        <translation>Seals: </translation>
    </message>
    <message>
        <source>没有要出库的表计或封印；请给出资产编号或封印号段。</source>
        <translation>No meters or seals to issue; give asset numbers or a seal range.</translation>
    </message>
    <message>
        <source>%1（在 %2）</source>
        <translation>%1 (with %2)</translation>
    </message>
    <message>
        <source>这些编号已发给别的班组、尚未退回：%1。请先办理退料，或核对编号。本次出库没有保存。</source>
        <translation>These numbers were issued to another crew and not returned: %1. Record their return first, or check the numbers. Nothing of this issue was saved.</translation>
    </message>
    <message>
        <source>没有要入库的表计或封印；请扫描资产编号或给出封印号段。</source>
        <translation>No meters or seals to receive; scan asset numbers or give a seal range.</translation>
    </message>
    <message>
        <source>这些编号既不是发出未退的新表或封印，也不是已同步的工单拆下的旧表：%1。请核对编号；旧表请等施工班组同步后再入库。本次入库没有保存。</source>
        <translation>These numbers are neither new meters or seals issued and not returned, nor old meters removed by a synced job: %1. Check the numbers; for old meters, wait until the crew has synced. Nothing of this return was saved.</translation>
    </message>
    <message>
        <source>已办理退料，但既未安装也未退回</source>
        <translation>The crew returned its stock, but this was neither installed nor returned</translation>
    </message>
    <message>
        <source>旧表已拆下，退料时没有入库</source>
        <translation>Old meter removed, not received at the return</translation>
    </message>
    <message>
        <source>从未出库</source>
        <translation>never issued</translation>
    </message>
    <message>
        <source>出库给了 %1</source>
        <translation>issued to %1</translation>
    </message>
    <message>
        <source>用在这些工单上：%1</source>
        <translation>used on these jobs: %1</translation>
    </message>
    <message>
        <source>已作为未用退回，但工单记录为已安装</source>
        <translation>Returned as unused, but a job records it as installed</translation>
    </message>
</context>
<context>
    <name>ms::server::SqlOfficeStore</name>
    <message>
        <source>办公室已收到本记录第 %1 版的另一份内容，不同之处：%2。两份都已保存；请联系办公室核对，本机的这一条会一直保留到办公室处理完。</source>
        <translation>The office already holds version %1 of this record with other content; differing fields: %2. Both are kept; ask the office to check them. This device keeps its record until the office has settled it.</translation>
    </message>
    <message>
        <source>设备 %1 已修改过同一%2，不同之处：%3。两份修改都已保存，谁的都没有丢；请联系办公室核对，本机的修改会一直保留到办公室处理完。</source>
        <translation>Device %1 has already changed the same %2; differing fields: %3. Both changes are kept, neither is lost; ask the office to check them. This device keeps its change until the office has settled it.</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>设备名和用户名都不能为空</source>
        <translation>Device name and user name must not be empty</translation>
    </message>
    <message>
        <source>未知的角色“%1”；可用的角色：%2</source>
        <translation>Unknown role &quot;%1&quot;; the roles are: %2</translation>
    </message>
    <message>
        <source>没有找到设备或令牌“%1”的有效令牌</source>
        <translation>No valid token found for device or token &quot;%1&quot;</translation>
    </message>
    <message>
        <source>设备“%1”没有有效的令牌（从未创建，或已吊销）</source>
        <translation>Device &quot;%1&quot; has no valid token (never created, or revoked)</translation>
    </message>
    <message>
        <source>记录缺少 uuid、entity 或有效的 version</source>
        <translation>The record lacks uuid, entity or a valid version</translation>
    </message>
    <message>
        <source>未知操作“%1”（应为 upsert 或 delete）</source>
        <translation>Unknown operation &quot;%1&quot; (must be upsert or delete)</translation>
    </message>
    <message>
        <source>审核结论只由办公室作出，平板不能发送“review”记录；请升级本机的换表通。</source>
        <translation>Review verdicts are made only at the office; a tablet cannot send &quot;review&quot; records. Update MeterSwap on this tablet.</translation>
    </message>
    <message>
        <source>办公室的记录 %1 是“%2”，不能作为“%3”改写；这不是正常编辑产生的，请联系办公室。</source>
        <translation>The office holds record %1 as &quot;%2&quot;; it cannot be rewritten as &quot;%3&quot;. Normal editing does not do this; please contact the office.</translation>
    </message>
    <message>
        <source>记录 %1（%2）属于设备 %3，本设备不能改写它。若本机是替换 %3 的新平板，请办公室用原设备名 %3 为本机签发令牌后再同步。</source>
        <translation>Record %1 (%2) belongs to device %3; this device cannot change it. If this tablet replaces %3, ask the office to issue this tablet a token under the device name %3, then sync again.</translation>
    </message>
    <message>
        <source>记录 %1 的版本从 %2 跳到 %3，超过了每次最多 %4 的增幅；这不是正常编辑产生的，请联系办公室。</source>
        <translation>The version of record %1 jumps from %2 to %3, more than the allowed step of %4. Normal editing does not do this; please contact the office.</translation>
    </message>
    <message>
        <source>证据哈希“%1”不是 64 位小写十六进制 SHA-256</source>
        <translation>Evidence hash &quot;%1&quot; is not a 64-digit lowercase hex SHA-256</translation>
    </message>
    <message>
        <source>记录引用的证据文件 %1 尚未上传到办公室；请先上传该文件再发送记录。</source>
        <translation>Evidence file %1 of this record has not been uploaded to the office yet; upload the file first, then send the record.</translation>
    </message>
    <message>
        <source>记录 %1 含有 NUL 字符（编码 0），办公室无法保存；这不是正常编辑产生的，请联系技术支持。</source>
        <translation>Record %1 contains a NUL character (code 0), which the office cannot store; normal editing does not produce this, please contact support.</translation>
    </message>
</context>
<context>
    <name>ms::server::StockApi</name>
    <message>
        <source>封印 %1 未出库给本班组</source>
        <translation>Seal %1 was not issued to this crew</translation>
    </message>
    <message>
        <source>新表 %1 未出库给本班组</source>
        <translation>New meter %1 was not issued to this crew</translation>
    </message>
    <message>
        <source>（库房从未发出）</source>
        <translation> (never issued by the warehouse)</translation>
    </message>
    <message>
        <source>（发给了 %1）</source>
        <translation> (issued to %1)</translation>
    </message>
    <message>
        <source>，请向库房核实。</source>
        <translation>; check with the warehouse.</translation>
    </message>
    <message>
        <source>；施工人员说明：%1</source>
        <translation>; the installer&apos;s reason: %1</translation>
    </message>
    <message>
        <source>没有出入库单 %1；请从出入库记录中选择。</source>
        <translation>There is no stock movement %1; pick one from the list of movements.</translation>
    </message>
</context>
<context>
    <name>ms::server::StockRanges</name>
    <message>
        <source>表计资产编号应为 10–24 位数字</source>
        <translation>a meter asset number is 10–24 digits</translation>
    </message>
    <message>
        <source>封印编号应为 6–16 位大写字母或数字</source>
        <translation>a seal number is 6–16 capital letters or digits</translation>
    </message>
    <message>
        <source>第 %1 项“%2”不是有效的编号：%3。</source>
        <translation>Item %1 &quot;%2&quot; is not a valid number: %3.</translation>
    </message>
    <message>
        <source>第 %1 项“%2”不是有效的号段：应为“起号-止号”，两端位数相同、只有末尾数字不同（如 BJ0012001-BJ0012300）；%3。</source>
        <translation>Item %1 &quot;%2&quot; is not a valid range: write FROM-TO, both ends of the same length, differing only in their trailing digits (e.g. BJ0012001-BJ0012300); %3.</translation>
    </message>
    <message>
        <source>第 %1 项“%2”：止号应不小于起号，一个号段最多 %3 个编号。</source>
        <translation>Item %1 &quot;%2&quot;: the last number must not be below the first, and a range holds at most %3 numbers.</translation>
    </message>
</context>
<context>
    <name>ms::server::TaskCsv</name>
    <message>
        <source>无法打开 %1：%2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>%1：没有数据行（第一行是列名，之后每行一个客户）</source>
        <translation>%1: no data rows (the first row is the column names, then one customer per row)</translation>
    </message>
    <message>
        <source>%1:1: 缺少列 %2</source>
        <translation>%1:1: column %2 missing</translation>
    </message>
    <message>
        <source>%1: task_code: 任务编号为空</source>
        <translation>%1: task_code: task number is empty</translation>
    </message>
    <message>
        <source>%1: task_code: 一个文件只能有一个任务（前面是 %2，这里是 %3）</source>
        <translation>%1: task_code: a file can hold only one task (%2 above, %3 here)</translation>
    </message>
    <message>
        <source>%1: account_no: 户号为空</source>
        <translation>%1: account_no: account number is empty</translation>
    </message>
    <message>
        <source>%1: account_no: 户号 %2 重复</source>
        <translation>%1: account_no: account number %2 repeats</translation>
    </message>
    <message>
        <source>%1: payment: “%2”应为 prepaid 或 postpaid</source>
        <translation>%1: payment: &quot;%2&quot; must be prepaid or postpaid</translation>
    </message>
    <message>
        <source>%1: last_billed_reading: “%2”不是数字</source>
        <translation>%1: last_billed_reading: &quot;%2&quot; is not a number</translation>
    </message>
</context>
<context>
    <name>ms::server::Thumbnails</name>
    <message>
        <source>办公室没有证据文件 %1（尚未上传完）</source>
        <translation>The office does not hold evidence file %1 (not fully uploaded)</translation>
    </message>
    <message>
        <source>证据文件 %1 不是可以缩略的图片</source>
        <translation>Evidence file %1 is not a picture a thumbnail can be made of</translation>
    </message>
    <message>
        <source>无法生成 %1 的缩略图</source>
        <translation>Could not make the thumbnail of %1</translation>
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
    <name>ms::sync::Credentials</name>
    <message>
        <source>--token 和 --token-file 只能给一个；建议只用 --token-file。</source>
        <translation>Give only one of --token and --token-file; --token-file is preferred.</translation>
    </message>
    <message>
        <source>无法读取令牌文件 %1：%2。请检查路径和权限。</source>
        <translation>Cannot read token file %1: %2. Check the path and permissions.</translation>
    </message>
    <message>
        <source>令牌文件 %1 的第一行是空的；请把办公室发放的令牌写在第一行。</source>
        <translation>The first line of token file %1 is empty; put the token issued by the office on the first line.</translation>
    </message>
    <message>
        <source>警告：令牌文件 %1 其他用户也能读取；请执行 chmod 600 %1。</source>
        <translation>Warning: other users can read token file %1; run chmod 600 %1.</translation>
    </message>
    <message>
        <source>--token 的值是空的。</source>
        <translation>The value of --token is empty.</translation>
    </message>
    <message>
        <source>警告：--token 把令牌放在命令行上，本机其他用户可以看到（ps）；请改用 --token-file 文件 或环境变量 %1。</source>
        <translation>Warning: --token puts the token on the command line, where other users of this machine can see it (ps); use --token-file FILE or the %1 environment variable instead.</translation>
    </message>
    <message>
        <source>办公室服务器地址“%1”无效；应为 https://主机:端口。</source>
        <translation>Office server address &quot;%1&quot; is not valid; it must be https://HOST:PORT.</translation>
    </message>
    <message>
        <source>办公室服务器地址 %1 未加密（http://），令牌和证据会明文经过网络，已拒绝。请在办公室执行 meterswap-office tls init，改用 https:// 地址，并在本机设置它打印的证书指纹（--server-pin）。</source>
        <translation>Office server address %1 is unencrypted (http://): the token and evidence would cross the network in the clear, so it was refused. Run meterswap-office tls init at the office, use the https:// address, and set the certificate pin it prints on this device (--server-pin).</translation>
    </message>
</context>
<context>
    <name>ms::sync::OfficeClient</name>
    <message>
        <source>办公室的回答不是 JSON 对象（%1）；请检查服务器地址和版本。</source>
        <translation>The office&apos;s answer is not a JSON object (%1); check the server address and version.</translation>
    </message>
</context>
<context>
    <name>ms::sync::OfficeDesk</name>
    <message>
        <source>办公室的回答不是 JSON 对象（%1）；请检查服务器地址和版本。</source>
        <translation>The office did not answer with a JSON object (%1); check the server address and version.</translation>
    </message>
</context>
<context>
    <name>ms::sync::StockDesk</name>
    <message>
        <source>办公室的回答不是 JSON 对象；请检查服务器地址和版本。</source>
        <translation>The office&apos;s answer is not a JSON object; check the server address and version.</translation>
    </message>
</context>
<context>
    <name>ms::sync::SyncClient</name>
    <message>
        <source>同步已取消；已发送的部分不会丢失。</source>
        <translation>Sync cancelled; what was already sent is not lost.</translation>
    </message>
    <message>
        <source>%1 条记录未被办公室接收：%2</source>
        <translation>%1 records were not accepted by the office: %2</translation>
    </message>
    <message>
        <source>办公室的回答提到了本次没有发送的记录（序号 %1），本批记录都未确认，稍后会重新发送。请通知办公室检查服务器版本。</source>
        <translation>The office&apos;s answer names a record that was not sent in this request (seq %1); no record of this batch was confirmed and they will be sent again. Ask the office to check the server version.</translation>
    </message>
    <message>
        <source>%1 条记录与办公室已有的记录冲突，已保留在本机：%2</source>
        <translation>%1 records conflict with what the office holds and were kept on this device: %2</translation>
    </message>
</context>
<context>
    <name>ms::sync::SyncHttp</name>
    <message>
        <source>办公室服务器拒绝了本机的令牌（%1）。请向办公室申请新令牌并在设置中更新。</source>
        <translation>The office server rejected this device&apos;s token (%1). Ask the office for a new token and update it in Settings.</translation>
    </message>
    <message>
        <source>办公室服务器磁盘已满，暂时无法接收。请通知办公室清理磁盘后再同步；本机数据都在。</source>
        <translation>The office server&apos;s disk is full and cannot take data now. Ask the office to free up disk space, then sync again; all data is still on this device.</translation>
    </message>
    <message>
        <source>服务器证书与本机登记的指纹不符，已中止连接。请向办公室核对证书指纹。</source>
        <translation>The server certificate does not match the fingerprint saved on this device; the connection was stopped. Check the certificate fingerprint with the office.</translation>
    </message>
    <message>
        <source>与办公室服务器的加密连接失败（%1）。请在设置中核对证书指纹。</source>
        <translation>The secure connection to the office server failed (%1). Check the certificate fingerprint in Settings.</translation>
    </message>
    <message>
        <source>连不上办公室服务器（%1）。请检查网络后再同步；已发送的部分不会丢失。</source>
        <translation>Cannot reach the office server (%1). Check the network and sync again; what was already sent is not lost.</translation>
    </message>
    <message>
        <source>办公室服务器使用自签名证书，本机还没有登记它的指纹，已中止连接。请在办公室执行 meterswap-office tls init（或 tls pin）查看指纹，然后在本机设置：meterswap --server-pin 指纹。</source>
        <translation>The office server uses a self-signed certificate and this device has no pin for it; the connection was stopped. At the office run meterswap-office tls init (or tls pin) to see the pin, then set it here: meterswap --server-pin PIN.</translation>
    </message>
</context>
<context>
    <name>ms::sync::UploadLane</name>
    <message>
        <source>无法读取本机证据文件 %1：%2</source>
        <translation>Cannot read local evidence file %1: %2</translation>
    </message>
    <message>
        <source>本机证据文件 %1 比登记的短（文件可能已损坏）。</source>
        <translation>Local evidence file %1 is shorter than recorded (the file may be damaged).</translation>
    </message>
</context>
<context>
    <name>ms::sync::Wire</name>
    <message>
        <source>%1 不是有效的 JSON（第 %2 字节：%3）</source>
        <translation>%1 is not valid JSON (byte %2: %3)</translation>
    </message>
    <message>
        <source>%1 应为 JSON 对象</source>
        <translation>%1 must be a JSON object</translation>
    </message>
    <message>
        <source>缺少或类型不对</source>
        <translation>missing or of the wrong type</translation>
    </message>
    <message>
        <source>应为字符串数组</source>
        <translation>must be an array of strings</translation>
    </message>
    <message>
        <source>应为 SHA-256 字符串</source>
        <translation>must be a SHA-256 string</translation>
    </message>
    <message>
        <source>记录批次</source>
        <translation>record batch</translation>
    </message>
    <message>
        <source>缺少记录数组</source>
        <translation>records array missing</translation>
    </message>
    <message>
        <source>一批最多 %1 条记录，收到 %2 条；请分批发送。</source>
        <translation>At most %1 records per batch, got %2; send them in smaller batches.</translation>
    </message>
    <message>
        <source>应为对象</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>服务器应答</source>
        <translation>server reply</translation>
    </message>
    <message>
        <source>未知状态</source>
        <translation>unknown status</translation>
    </message>
    <message>
        <source>任务缺少 uuid 或名称</source>
        <translation>Task lacks uuid or name</translation>
    </message>
    <message>
        <source>客户缺少 uuid、task_uuid 或户号</source>
        <translation>Customer lacks uuid, task_uuid or account number</translation>
    </message>
    <message>
        <source>任务分配</source>
        <translation>task assignment</translation>
    </message>
    <message>
        <source>文件状态</source>
        <translation>file status</translation>
    </message>
    <message>
        <source>缺少偏移量</source>
        <translation>offset missing</translation>
    </message>
    <message>
        <source>文件状态查询</source>
        <translation>file status query</translation>
    </message>
    <message>
        <source>应为 SHA-256 数组</source>
        <translation>must be an array of SHA-256 values</translation>
    </message>
    <message>
        <source>一次最多查询 %1 个文件，收到 %2 个</source>
        <translation>At most %1 files per query, got %2</translation>
    </message>
    <message>
        <source>不是 64 位小写十六进制 SHA-256</source>
        <translation>not a 64-digit lowercase hex SHA-256</translation>
    </message>
    <message>
        <source>应为数组</source>
        <translation>must be an array</translation>
    </message>
    <message>
        <source>缺少 sha256 或有效的 offset</source>
        <translation>sha256 or a valid offset missing</translation>
    </message>
    <message>
        <source>办公室服务器返回 HTTP %1</source>
        <translation>The office server returned HTTP %1</translation>
    </message>
    <message>
        <source>应为正整数</source>
        <translation>must be a positive whole number</translation>
    </message>
    <message>
        <source>应为 64 位小写十六进制</source>
        <translation>must be 64 lowercase hex digits</translation>
    </message>
    <message>
        <source>应为 128 位小写十六进制</source>
        <translation>must be 128 lowercase hex digits</translation>
    </message>
    <message>
        <source>应有 entity（task 或 customer）和 uuid</source>
        <translation>needs entity (task or customer) and uuid</translation>
    </message>
    <message>
        <source>审核结论应有 uuid 和 payload.job_uuid</source>
        <translation>a review needs uuid and payload.job_uuid</translation>
    </message>
    <message>
        <source>应为 1 或更大的整数（审核的是第几次送审）</source>
        <translation>should be an integer of 1 or more (the submission the review judged)</translation>
    </message>
    <message>
        <source>未知的审核结论“%1”：这台平板上的换表通太旧，请升级后再同步</source>
        <translation>unknown review decision &quot;%1&quot;: MeterSwap on this tablet is too old, update it and sync again</translation>
    </message>
    <message>
        <source>退回项应有 card 和 requirement</source>
        <translation>a sent-back item needs card and requirement</translation>
    </message>
    <message>
        <source>退回的审核结论应至少有一项退回内容</source>
        <translation>a send-back needs at least one item</translation>
    </message>
    <message>
        <source>未知的记录类型“%1”：这台平板上的换表通太旧，请升级后再同步</source>
        <translation>unknown record type &quot;%1&quot;: MeterSwap on this tablet is too old, update it and sync again</translation>
    </message>
    <message>
        <source>库存记录应有 uuid 和 payload.crew</source>
        <translation>a stock row needs uuid and payload.crew</translation>
    </message>
</context>
<context>
    <name>ms::ui::SyncPage</name>
    <message>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 小时 %2 分钟</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>同步到办公室</source>
        <translation>Sync to office</translation>
    </message>
    <message>
        <source>开始同步</source>
        <translation>Start sync</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>已暂停，点“继续”接着发送</source>
        <translation>Paused. Tap &quot;Resume&quot; to continue sending</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>网络中断，%1 秒后第 %2 次重试…</source>
        <translation>Network down, retry %2 in %1 s…</translation>
    </message>
    <message>
        <source>没有待发送的内容</source>
        <translation>Nothing to send</translation>
    </message>
    <message>
        <source>上次成功同步：%1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <source>还没有成功同步过</source>
        <translation>Never synced successfully</translation>
    </message>
    <message>
        <source>没有网络，连不上办公室。到有信号的地方再点“开始同步”；已发送的部分不会重发。</source>
        <translation>No network, cannot reach the office. Move to where there is signal and tap &quot;Start sync&quot;; what was sent will not be sent again.</translation>
    </message>
    <message>
        <source>办公室不认可本机的令牌。请向办公室申请新令牌，在设置中更新后再同步。</source>
        <translation>The office does not accept this device&apos;s token. Ask the office for a new token, update it in Settings, then sync.</translation>
    </message>
    <message>
        <source>办公室服务器磁盘已满，暂时收不了。请电话通知办公室；本机数据都在，稍后再同步。</source>
        <translation>The office server&apos;s disk is full and cannot take data now. Phone the office; all data is still on this device, sync again later.</translation>
    </message>
    <message>
        <source>办公室服务器的证书与本机登记的不一致，为安全起见没有发送。请向办公室核对证书指纹。</source>
        <translation>The office server&apos;s certificate differs from the one saved on this device, so nothing was sent for safety. Check the certificate fingerprint with the office.</translation>
    </message>
    <message>
        <source>%1 / %2 MB</source>
        <translation>%1 / %2 MB</translation>
    </message>
    <message>
        <source>正在连接办公室…</source>
        <translation>Connecting to the office…</translation>
    </message>
    <message>
        <source>正在发送：照片 %1/%2，记录 %3/%4</source>
        <translation>Sending: photos %1/%2, records %3/%4</translation>
    </message>
    <message>
        <source>正在接收新任务…</source>
        <translation>Receiving new tasks…</translation>
    </message>
    <message>
        <source>速度 %1 MB/秒，约剩 %2</source>
        <translation>Speed %1 MB/s, about %2 left</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>同步未完成</source>
        <translation>Sync not complete</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>待发送：%1，%2，共 %3 MB</source>
        <translation>To send: %1, %2, %3 MB in total</translation>
    </message>
    <message numerus="yes">
        <source>%n 条记录</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个证据文件</source>
        <translation>
            <numerusform>%n evidence file</numerusform>
            <numerusform>%n evidence files</numerusform>
        </translation>
    </message>
    <message>
        <source>同步完成：%1，%2；收到 %3</source>
        <translation>Sync complete: %1, %2; %3 received</translation>
    </message>
    <message numerus="yes">
        <source>%n 个文件</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个新任务</source>
        <translation>
            <numerusform>%n new task</numerusform>
            <numerusform>%n new tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>工单</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>封印</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>任务卡</source>
        <translation>Task card</translation>
    </message>
    <message>
        <source>机电不符</source>
        <translation>Meter/register mismatch</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>办公室没有接收的记录（保留在本机，下次同步会再发送）：</source>
        <translation>Records the office did not take (kept on this device, sent again at the next sync):</translation>
    </message>
    <message>
        <source>%1 %2（第 %3 版）</source>
        <translation>%1 %2 (version %3)</translation>
    </message>
    <message>
        <source>冲突：%1 与办公室已有的不同，不同之处：%2。两份都已保存，请联系办公室核对。</source>
        <translation>Conflict: %1 differs from what the office holds; differing fields: %2. Both are kept; ask the office to check them.</translation>
    </message>
    <message>
        <source>被拒收：%1。%2</source>
        <translation>Refused: %1. %2</translation>
    </message>
    <message>
        <source>办公室为本机令牌登记的签名密钥与本机的不一致（本机数据重建过，或令牌被别的设备用过），为安全起见没有发送。请向办公室申请新令牌，在设置中更新后再同步；本机数据都在。</source>
        <translation>The signing key the office holds for this device&apos;s token is not this device&apos;s (its data was rebuilt, or the token was used by another device), so nothing was sent for safety. Ask the office for a new token, update it in Settings, then sync; all data is still on this device.</translation>
    </message>
    <message>
        <source>读不出待发送的内容：%1</source>
        <translation>Could not read what is waiting to be sent: %1</translation>
    </message>
    <message>
        <source>读不出办公室没有收下的记录：%1</source>
        <translation>Could not read the records the office did not take: %1</translation>
    </message>
    <message>
        <source>读不出上次同步的情况：%1</source>
        <translation>The last sync cannot be read: %1</translation>
    </message>
</context>
</TS>
