<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddressParser</name>
    <message>
        <location filename="../src/core/AddressParser.cpp" line="+100" />
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+2" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+2" />
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../src/app/Application.cpp" line="+43" />
        <source>Daily backup saved to %1.</source>
        <translation>每日备份已保存到 %1。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
    </message>
    <message>
        <location line="+69" />
        <source>MicroShop desktop back office</source>
        <translation>MicroShop 桌面后台</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database: an SQLite file or postgresql://USER@HOST/DB.</source>
        <translation>数据库：SQLite 文件或 postgresql://USER@HOST/DB。</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+37" />
        <source>MicroShop</source>
        <translation>MicroShop</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MicroShop cannot open its database.

%1</source>
        <translation>MicroShop 无法打开数据库。

%1</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../src/core/AuditTrail.cpp" line="+24" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributors</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../src/ui/BackgroundTask.cpp" line="+75" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+29" />
        <source>%L1 done</source>
        <translation>已完成 %L1</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <location filename="../src/db/BackupService.cpp" line="+62" />
        <source>Cannot write the backup to %1. Check that the folder exists and that you may write there.</source>
        <translation>无法将备份写入 %1。请确认文件夹存在，并且您有写入权限。</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+19" />
        <source>Cannot create the folder %1 for the backup.</source>
        <translation>无法为备份创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The backup would have schema version %1, the database has %2.</source>
        <translation>备份的数据库结构版本将是 %1，而当前数据库是 %2。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1 is not a MicroShop backup that can be restored: %2 The current database was not touched.</source>
        <translation>%1 不是可恢复的 MicroShop 备份：%2 当前数据库未做任何改动。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>there is no such file.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>it is not a file.</source>
        <translation>这不是一个文件。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>it is not an SQLite database (%1).</source>
        <translation>这不是 SQLite 数据库（%1）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>it is not a MicroShop database.</source>
        <translation>这不是 MicroShop 数据库。</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+11" />
        <source>it cannot be read (%1).</source>
        <translation>文件无法读取（%1）。</translation>
    </message>
    <message>
        <location line="-3" />
        <source>it is damaged (%1).</source>
        <translation>文件已损坏（%1）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>its rows do not agree with each other (table %1 refers to a missing row).</source>
        <translation>其中的数据前后不一致（表 %1 引用了不存在的行）。</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+3" />
        <source>it has no schema version.</source>
        <translation>缺少数据库结构版本。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>it was made by a newer MicroShop (schema version %1; this program knows up to %2).</source>
        <translation>它由更新版本的 MicroShop 生成（数据库结构版本 %1；本程序最高支持 %2）。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Cannot make a temporary folder to upgrade the backup.</source>
        <translation>无法创建用于升级备份的临时文件夹。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot copy the backup to a temporary folder.</source>
        <translation>无法把备份复制到临时文件夹。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>restored from %1</source>
        <translation>从 %1 恢复</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A restore cannot run inside another change.</source>
        <translation>恢复操作不能在其他修改进行期间执行。</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Cannot open the backup %1.</source>
        <translation>无法打开备份 %1。</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Cannot copy the shop to %1: %2 Copy it into an empty database (a new file, or a database just made with createdb). Nothing was changed.</source>
        <translation>无法把店铺复制到 %1：%2 请复制到一个空数据库（新文件，或刚用 createdb 建好的数据库）。未做任何更改。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A copy cannot run inside another change.</source>
        <translation>复制不能在另一项更改进行中运行。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>it is a folder.</source>
        <translation>它是一个文件夹。</translation>
    </message>
    <message numerus="yes">
        <location line="+8" />
        <source>it is not empty (its table %1 has %n row(s)).</source>
        <translation>
            <numerusform>它不是空的（其表 %1 有 %n 行）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13" />
        <source>it is not empty (%1)</source>
        <translation>它不是空的（%1）</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The copy would have schema version %1, the shop has %2.</source>
        <translation>副本的结构版本将是 %1，而店铺的是 %2。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>the table %1 has %2 rows, %3 were copied</source>
        <translation>表 %1 有 %2 行，复制了 %3 行</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The copy in %1 did not pass the check, so it was removed: %2. Run `microshop-cli check` on the shop itself and put it right first.</source>
        <translation>%1 中的副本未通过检查，已删除：%2。请先对店铺本身运行 `microshop-cli check` 并修正问题。</translation>
    </message>
</context>
<context>
    <name>BillCodes</name>
    <message>
        <location filename="../src/core/PaymentBill.cpp" line="+44" />
        <source>WeChat Pay merchant bill</source>
        <translation>微信支付商户账单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat personal bill</source>
        <translation>微信个人账单</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Matched</source>
        <translation>已对上</translation>
    </message>
    <message>
        <location line="+2" />
        <source>In the bill, no order</source>
        <translation>账单有、无订单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Paid here, not in the bill</source>
        <translation>已收款、账单中无</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Amounts differ</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Candidate to confirm</source>
        <translation>待确认</translation>
    </message>
</context>
<context>
    <name>CatalogService</name>
    <message>
        <location filename="../src/core/CatalogService.cpp" line="+21" />
        <source>The %1 is missing.</source>
        <translation>缺少%1。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The %1 "%2" is %3 characters long; keep it to %4.</source>
        <translation>%1“%2”长 %3 个字符，请控制在 %4 个以内。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The %1 "%2" contains a space; use letters, digits, - or _ without spaces.</source>
        <translation>%1“%2”含有空格；请只用字母、数字、- 或 _，不要有空格。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The product name is missing.</source>
        <translation>缺少商品名称。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The price cannot be negative.</source>
        <translation>售价不能为负。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The cost cannot be negative.</source>
        <translation>成本不能为负。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The low-stock level cannot be negative.</source>
        <translation>库存预警值不能为负。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The SKU %1 is already used by "%2".</source>
        <translation>SKU %1 已被“%2”使用。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The barcode %1 is already used by %2.</source>
        <translation>条码 %1 已被 %2 使用。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The opening stock of %1 cannot be negative.</source>
        <translation>%1 的期初库存不能为负。</translation>
    </message>
    <message>
        <location line="+8" />
        <location filename="../src/db/ScaleDemoGenerator.cpp" line="+632" />
        <source>opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The product %1 no longer exists.</source>
        <translation>商品 %1 已不存在。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Someone else saved the product %1 after you opened it: what they saved is shown now. Make your change again if it is still needed; nothing was changed.</source>
        <translation>在您打开商品 %1 之后，其他人保存了它：现在显示的是对方保存的内容。如仍需要，请重新修改；未做任何更改。</translation>
    </message>
    <message>
        <location line="+47" />
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+18" />
        <source>There is no product with the SKU %1.</source>
        <translation>没有 SKU 为 %1 的商品。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>A purchase adds at least one unit; %1 is not a quantity to add.</source>
        <translation>进货数量至少为 1；%1 不是有效的进货数量。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>purchase</source>
        <translation>进货</translation>
    </message>
    <message>
        <location line="+9" />
        <source>An alias needs the platform's code or the item's name.</source>
        <translation>别名需要平台的编码或商品名称。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>A counted stock cannot be negative (%1).</source>
        <translation>盘点数量不能为负（%1）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Say why the stock is adjusted, for example "stocktake" or "damaged".</source>
        <translation>请说明调整库存的原因，例如“盘点”或“损坏”。</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location filename="../src/core/Customer.cpp" line="+94" />
        <source>WeChat Moments</source>
        <translation>朋友圈</translation>
    </message>
    <message>
        <location line="+2" />
        <source>WeChat group</source>
        <translation>微信群</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Offline</source>
        <translation>线下</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <location filename="../src/core/Clock.cpp" line="+89" />
        <source>"%1" is not an instant: write a date, a time and its offset from UTC, for example 2026-11-30T07:30:00+08:00 or 2026-11-29T23:30:00Z.</source>
        <translation>“%1”不是一个时刻：请写日期、时间及其相对 UTC 的偏移，例如 2026-11-30T07:30:00+08:00 或 2026-11-29T23:30:00Z。</translation>
    </message>
</context>
<context>
    <name>Code128Barcode</name>
    <message>
        <location filename="../src/reports/Code128Barcode.cpp" line="+30" />
        <source>There is nothing to put in a barcode.</source>
        <translation>没有可编入条码的内容。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The barcode library (zint) is out of memory.</source>
        <translation>条码库（zint）内存不足。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>"%1" cannot be a Code 128 barcode: %2</source>
        <translation>“%1”无法生成 Code 128 条码：%2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>"%1" cannot be drawn as a barcode: %2</source>
        <translation>“%1”无法绘制为条码：%2</translation>
    </message>
    <message>
        <location line="+16" />
        <source>"%1" gave a barcode without bars.</source>
        <translation>“%1”生成的条码没有条。</translation>
    </message>
</context>
<context>
    <name>CommissionLedger</name>
    <message>
        <location filename="../src/core/CommissionLedger.cpp" line="+95" />
        <source>A settlement pays what has become available by a day that has come: %1 is after today (%2). Settle up to today or an earlier day.</source>
        <translation>结算只支付到已经到来的日期为止已可结算的佣金：%1 晚于今天（%2）。请结算到今天或更早的日期。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>The settlement was cancelled; no payout was made.</source>
        <translation>结算已取消，没有生成任何打款。</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <location filename="../src/io/CsvStream.cpp" line="+69" />
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+35" />
        <source>the file is not UTF-8, and this system cannot read GB18030: save the file as "CSV UTF-8".</source>
        <translation>文件不是 UTF-8，而本系统无法读取 GB18030：请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the file is empty: it needs a header line with the column names.</source>
        <translation>文件为空：第一行必须是写有列名的表头。</translation>
    </message>
    <message>
        <location line="+69" />
        <source>unterminated quote: the field starting here has no closing " (a quote inside a field is written twice: "").</source>
        <translation>引号未闭合：从这里开始的字段缺少结束的 "（字段内的引号要写两次：""）。</translation>
    </message>
</context>
<context>
    <name>CustomerService</name>
    <message>
        <location filename="../src/core/CustomerService.cpp" line="+20" />
        <source>customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The customer's name is missing.</source>
        <translation>缺少客户姓名。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Only one address can be the default one; %1 are marked.</source>
        <translation>默认地址只能有一个；当前勾选了 %1 个。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>The distributor this customer is bound to does not exist.</source>
        <translation>该客户绑定的分销员不存在。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The customer code %1 is already used.</source>
        <translation>客户编号 %1 已被使用。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The customer %1 no longer exists.</source>
        <translation>客户 %1 已不存在。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The customer code %1 is already used by %2.</source>
        <translation>客户编号 %1 已被 %2 使用。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Someone else saved the customer %1 (%2) after you opened it: what they saved is shown now. Make your change again if it is still needed; nothing was changed.</source>
        <translation>在您打开客户 %1（%2）之后，其他人保存了它：现在显示的是对方保存的内容。如仍需要，请重新修改；未做任何更改。</translation>
    </message>
    <message>
        <location line="+59" />
        <source>The customer %1 (%2) has orders and cannot be deleted.</source>
        <translation>客户 %1（%2）有订单，不能删除。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>There is no distributor with the code %1.</source>
        <translation>没有编号为 %1 的分销员。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>There is no customer with the code %1.</source>
        <translation>没有编号为 %1 的客户。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../src/db/Database.cpp" line="+64" />
        <source>%1 is a folder, not a MicroShop database file.</source>
        <translation>%1 是文件夹，不是 MicroShop 数据库文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>There is no MicroShop database at %1. Check the path, or create the database with `microshop-cli init`.</source>
        <translation>%1 处没有 MicroShop 数据库。请检查路径，或用 `microshop-cli init` 创建数据库。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot create the folder %1 for the database. Check that you may write there.</source>
        <translation>无法为数据库创建文件夹 %1。请确认有写入权限。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 was written by a newer MicroShop (schema version %2; this program knows versions up to %3). Install the newer MicroShop to open it. Nothing was changed.</source>
        <translation>%1 由更新版本的 MicroShop 写入（数据库结构版本 %2；本程序最高支持 %3）。请安装新版 MicroShop 后再打开。没有做任何改动。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 holds no MicroShop data yet. Create the database with `microshop-cli init`.</source>
        <translation>%1 里还没有 MicroShop 数据。请用 `microshop-cli init` 创建数据库。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 has schema version %2 and this program needs %3. Upgrade it with `microshop-cli init` (an SQLite file is backed up first).</source>
        <translation>%1 的数据库结构版本是 %2，本程序需要 %3。请用 `microshop-cli init` 升级（SQLite 文件会先自动备份）。</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This installation has no PostgreSQL driver (Qt's QPSQL plugin). Install it (on Debian: libqt6sql6-psql) to use a team server.</source>
        <translation>当前安装缺少 PostgreSQL 驱动（Qt 的 QPSQL 插件）。要使用团队服务器，请先安装该驱动（Debian 上为 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Cannot connect to the PostgreSQL database %1: %2 Check the address, the user name and password, and that the server runs.</source>
        <translation>无法连接 PostgreSQL 数据库 %1：%2 请检查地址、用户名和密码，以及服务器是否在运行。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1 is not a MicroShop database (SQLite says: %2). Check the path. Nothing was changed.</source>
        <translation>%1 不是 MicroShop 数据库（SQLite 提示：%2）。请检查路径。没有做任何改动。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 cannot be read (SQLite says: %2). It may be damaged: restore a backup.</source>
        <translation>无法读取 %1（SQLite 提示：%2）。文件可能已损坏：请恢复备份。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 is an SQLite database of another program, not a MicroShop database. Choose a MicroShop file, or a new path to create one. Nothing was changed.</source>
        <translation>%1 是其他程序的 SQLite 数据库，不是 MicroShop 数据库。请选择 MicroShop 文件，或选一个新路径来创建。没有做任何改动。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The PostgreSQL database %1 holds tables of another program, not MicroShop's. Give MicroShop an empty database of its own. Nothing was changed.</source>
        <translation>PostgreSQL 数据库 %1 里是其他程序的表，不是 MicroShop 的。请给 MicroShop 一个专用的空数据库。没有做任何改动。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 has no readable schema version (%2). It may be damaged: restore a backup.</source>
        <translation>%1 没有可读取的数据库结构版本（%2）。文件可能已损坏：请恢复备份。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>This SQLite library cannot enforce foreign keys; MicroShop needs it to keep the data consistent.</source>
        <translation>此 SQLite 库不支持强制外键约束，而 MicroShop 需要它来保证数据一致。</translation>
    </message>
    <message>
        <location line="+117" />
        <source>The server of %1 cannot be reached; MicroShop is reconnecting. Nothing was saved: try again once it is back.</source>
        <translation>无法连接 %1 的服务器；MicroShop 正在重新连接。未保存任何内容：恢复后请重试。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The connection to the server of %1 was lost; MicroShop is reconnecting. Nothing was saved: try again once it is back.</source>
        <translation>与 %1 的服务器的连接已断开；MicroShop 正在重新连接。未保存任何内容：恢复后请重试。</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Someone else changed the same records at the same moment (%1). Nothing was changed; try again.</source>
        <translation>其他人在同一时刻修改了相同的记录（%1）。未做任何更改；请重试。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The server refused this to %1 (%2): the role of this sign-in may not do it. Ask the shop's owner; nothing was changed.</source>
        <translation>服务器拒绝了 %1 的此操作（%2）：该登录的角色无权执行。请联系店主；未做任何更改。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database %1 stayed busy (another program is writing to it). Try again in a moment. (%2)</source>
        <translation>数据库 %1 持续繁忙（有其他程序正在写入）。请稍后重试。（%2）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The database %1 could not be written: its disk is full or failing (%2). Free some space on it and try again; nothing was changed.</source>
        <translation>数据库 %1 无法写入：所在磁盘已满或出现故障（%2）。请腾出磁盘空间后重试；没有任何改动。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database %1 may not be written from here (%2). Check that you may write to it; nothing was changed.</source>
        <translation>无法从这里写入数据库 %1（%2）。请检查是否有写入权限；没有任何改动。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The database %1 refused a change (%2); nothing was changed. If it happens again, run `microshop-cli check`.</source>
        <translation>数据库 %1 拒绝了这次修改（%2）；没有任何改动。如果再次出现，请运行 `microshop-cli check`。</translation>
    </message>
    <message>
        <location line="+150" />
        <source>The change could not be saved: %1. Nothing was changed.</source>
        <translation>修改未能保存：%1。没有做任何改动。</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <location filename="../src/db/DatabaseCheck.cpp" line="+27" />
        <source>integrity: %1</source>
        <translation>完整性：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>foreign key: row %1 of %2 refers to a missing row of %3</source>
        <translation>外键：%2 中 rowid 为 %1 的行引用了 %3 中不存在的行</translation>
    </message>
    <message>
        <location line="+11" />
        <source>stock: product %1 has stock %2 but its movements add up to %3</source>
        <translation>库存：商品 %1 的库存是 %2，但库存流水合计为 %3</translation>
    </message>
    <message>
        <location line="+9" />
        <source>stock: product %1 has negative stock %2 while negative stock is not allowed</source>
        <translation>库存：商品 %1 的库存为负（%2），而设置不允许负库存</translation>
    </message>
    <message>
        <location line="+10" />
        <source>orders: order %1 has goods total %2 but its lines add up to %3</source>
        <translation>订单：订单 %1 的商品金额是 %2，但明细合计为 %3</translation>
    </message>
    <message>
        <location line="+10" />
        <source>ledger: payout %1 of %2 (%3 entries) does not match its settled entries, %4 in %5 entries</source>
        <translation>佣金明细：打款 %1 金额 %2（%3 条）与其已结算明细不符：明细合计 %4，共 %5 条</translation>
    </message>
    <message>
        <location line="+12" />
        <source>ledger: order %1 reverses more than distributor %2 earned at level %3 (%4)</source>
        <translation>佣金明细：订单 %1 冲回的佣金超过了分销员 %2 在第 %3 级获得的佣金（%4）</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <location filename="../src/db/DatabaseLocation.cpp" line="+28" />
        <source>The database location is empty: give an SQLite file path or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.</source>
        <translation>数据库位置为空：请填写 SQLite 文件路径或 postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>"%1" is not a database MicroShop can open: use an SQLite file path or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.</source>
        <translation>“%1”不是 MicroShop 能打开的数据库：请使用 SQLite 文件路径或 postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>"%1" is not a valid PostgreSQL address: write postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.</source>
        <translation>“%1”不是有效的 PostgreSQL 地址：请写成 postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME。</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <location filename="../src/db/DemoGenerator.cpp" line="+410" />
        <source>demo fills an empty shop, and this one already has products, customers, distributors or orders. Use a new database file.</source>
        <translation>demo 只能填充空店铺，而当前店铺已有商品、客户、分销员或订单。请使用新的数据库文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>demo needs at least 1 product and 1 customer, and no negative counts.</source>
        <translation>demo 至少需要 1 个商品和 1 个客户，数量不能为负。</translation>
    </message>
    <message>
        <location line="-57" />
        <source>demo restock</source>
        <translation>演示补货</translation>
    </message>
    <message>
        <location line="+26" />
        <source>customer return</source>
        <translation>客户退货</translation>
    </message>
</context>
<context>
    <name>DistributorService</name>
    <message>
        <location filename="../src/core/DistributorService.cpp" line="+20" />
        <source>distributor code</source>
        <translation>分销员编号</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The distributor's name is missing.</source>
        <translation>缺少分销员姓名。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>There is no distributor with the code %1.</source>
        <translation>没有编号为 %1 的分销员。</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+20" />
        <source>The distributor code %1 is already used.</source>
        <translation>分销员编号 %1 已被使用。</translation>
    </message>
    <message>
        <location line="-18" />
        <source>The upline does not exist.</source>
        <translation>上级不存在。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The distributor %1 no longer exists.</source>
        <translation>分销员 %1 已不存在。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Someone else saved the distributor %1 (%2) after you opened it: what they saved is shown now. Make your change again if it is still needed; nothing was changed.</source>
        <translation>在您打开分销员 %1（%2）之后，其他人保存了它：现在显示的是对方保存的内容。如仍需要，请重新修改；未做任何更改。</translation>
    </message>
    <message>
        <location line="+37" />
        <source>%1 cannot be its own upline.</source>
        <translation>%1 不能成为自己的上级。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moving %1 under %2 would make a cycle: %2 is in %1's team. Nothing was changed.</source>
        <translation>把 %1 移到 %2 下面会形成循环：%2 在 %1 的团队里。没有做任何改动。</translation>
    </message>
</context>
<context>
    <name>DistributorStatuses</name>
    <message>
        <location filename="../src/core/Distributor.cpp" line="+36" />
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Left</source>
        <translation>已退出</translation>
    </message>
</context>
<context>
    <name>ExportFileDialog</name>
    <message>
        <location filename="../src/ui/ExportFileDialog.cpp" line="+27" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ListSelection</name>
    <message>
        <location filename="../src/core/ListSelection.cpp" line="+38" />
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：未做任何更改。</translation>
    </message>
</context>
<context>
    <name>MicroShop::AddPersonDialog</name>
    <message>
        <location filename="../src/ui/UsersSection.cpp" line="+246" />
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location line="+13" />
        <source>lowercase letters, digits, '.', '_' or '-'</source>
        <translation>小写字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Type the person's password, twice.</source>
        <translation>请输入此人的密码，输入两次。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The two passwords differ: type it again in Password again.</source>
        <translation>两次输入的密码不一致：请在“再次输入密码”中重新输入。</translation>
    </message>
</context>
<context>
    <name>MicroShop::AddressPasteDialog</name>
    <message>
        <location filename="../src/ui/AddressPasteDialog.cpp" line="+20" />
        <source>Paste an address</source>
        <translation>粘贴地址</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Paste the address from the chat, e.g. 张三 13800138000 广东省深圳市南山区科技园南区1号</source>
        <translation>粘贴聊天中的地址，例如：张三 13800138000 广东省深圳市南山区科技园南区1号</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Text with the receiver, phone and address, in any order:</source>
        <translation>包含收货人、电话和地址的文字（顺序不限）：</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Not found: %1. Fill them in the editor after OK.</source>
        <translation>未识别：%1。请在确定后于编辑器中填写。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MicroShop::AuditLogModel</name>
    <message>
        <location filename="../src/models/AuditLogModel.cpp" line="+11" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>MicroShop::AuditLogPage</name>
    <message>
        <location filename="../src/ui/AuditLogPage.cpp" line="+41" />
        <location line="+139" />
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="-138" />
        <source>Search number, code or what changed</source>
        <translation>搜索编号、代码或变更内容</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+4" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only the changes of this user (the name they sign in with)</source>
        <translation>只看此用户的变更（其登录名）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Select a change to read it whole.</source>
        <translation>选择一条变更以查看全文。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+8" />
        <source>Export the audit log</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Exported the audit log to %1.</source>
        <translation>已将操作日志导出到 %1。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：没有写入文件。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，没有写入文件。</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+6" />
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>MicroShop::BatchPrintDialog</name>
    <message>
        <location filename="../src/ui/BatchPrintDialog.cpp" line="+30" />
        <source>Print the selected orders</source>
        <translation>打印选中的订单</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Shipping labels</source>
        <translation>快递面单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Packing slips</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location line="+7" />
        <source>One page for each of %1, in the order of the list.</source>
        <translation>为%1各打印一页，按列表顺序。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Document:</source>
        <translation>单据(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;aper:</source>
        <translation>纸张(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save as P&amp;DF…</source>
        <translation>另存为 P&amp;DF…</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Label 100 × 180 mm</source>
        <translation>面单 100 × 180 毫米</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label 76 × 130 mm</source>
        <translation>面单 76 × 130 毫米</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt 80 mm</source>
        <translation>80 毫米小票</translation>
    </message>
</context>
<context>
    <name>MicroShop::CommissionListModel</name>
    <message>
        <location filename="../src/models/CommissionListModel.cpp" line="+11" />
        <source>Settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Available</source>
        <translation>可结算</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pending</source>
        <translation>待结算</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Available on</source>
        <translation>可结算日期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Payout</source>
        <translation>打款编号</translation>
    </message>
</context>
<context>
    <name>MicroShop::CommissionListPage</name>
    <message>
        <location filename="../src/ui/CommissionListPage.cpp" line="+39" />
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search order number or distributor</source>
        <translation>搜索订单号或分销员</translation>
    </message>
    <message>
        <location line="+64" />
        <source>&amp;Settle…</source>
        <translation>结算(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export ledger…</source>
        <translation>导出佣金明细…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export payouts…</source>
        <translation>导出打款记录…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Distributor code</source>
        <translation>分销员编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payouts</source>
        <translation>打款记录</translation>
    </message>
    <message>
        <location line="+19" />
        <source>level %1: %2 %</source>
        <translation>%1级：%2%</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;h3&gt;Rules&lt;/h3&gt;&lt;p&gt;%1 level(s) paid — %2.&lt;br&gt;Available %3 day(s) after an order is completed.&lt;/p&gt;&lt;p&gt;Only real sales earn: no joining fees, no rewards for recruiting. Change the rules in Settings.&lt;/p&gt;&lt;p&gt;Products with rates of their own (empty: the shop's rate; 0 pays nothing):&lt;/p&gt;</source>
        <translation>&lt;h3&gt;规则&lt;/h3&gt;&lt;p&gt;支付 %1 级佣金——%2。&lt;br&gt;订单完成 %3 天后可结算。&lt;/p&gt;&lt;p&gt;只有真实销售才产生佣金：不收入门费，不设拉人头奖励。可在“设置”中修改规则。&lt;/p&gt;&lt;p&gt;设置了自有佣金比例的商品（空白表示使用店铺比例；0 表示不支付）：&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MicroShop::CsvImportDialog</name>
    <message>
        <location filename="../src/ui/CsvImportDialog.cpp" line="+49" />
        <source>Import %1 from CSV</source>
        <translation>从 CSV 导入%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose a CSV file saved by Excel, WPS or LibreOffice</source>
        <translation>选择由 Excel、WPS 或 LibreOffice 保存的 CSV 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>First rows of the file:</source>
        <translation>文件的前几行：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Columns: which MicroShop column each column of the file fills (required: %1).</source>
        <translation>列对应：文件中每一列对应 MicroShop 的哪一列（必填：%1）。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+2" />
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distributors</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+8" />
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+1" />
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Detected: %1, separated by %2, %3 row(s) after the header.</source>
        <translation>检测到：%1 编码，以%2分隔，表头之后共 %3 行。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>(choose a column)</source>
        <translation>（请选择列）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>(ignore this column)</source>
        <translation>（忽略此列）</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Choose a file to see what it holds before anything is imported.</source>
        <translation>选择文件后可先预览内容，确认后才会导入。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This file cannot be read: %1</source>
        <translation>无法读取此文件：%1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Choose what these columns are, or ignore them: %1.</source>
        <translation>请为这些列选择对应的 MicroShop 列，或选择忽略：%1。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No column of the file gives %1.</source>
        <translation>文件中没有提供 %1 的列。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ready: every row is checked first, and nothing is imported if one is wrong.</source>
        <translation>准备就绪：会先检查每一行，只要有一行有误就不会导入任何数据。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Import cancelled: nothing was saved.</source>
        <translation>导入已取消：没有保存任何内容。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Imported %1 row(s): %2 created, %3 updated.</source>
        <translation>已导入 %1 行：新建 %2，更新 %3。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Nothing was imported: %1 problem(s) to fix in the file (line and column given for each).</source>
        <translation>没有导入任何数据：文件中有 %1 处问题需要修改（每处都标明了行和列）。</translation>
    </message>
</context>
<context>
    <name>MicroShop::CustomerEditor</name>
    <message>
        <location filename="../src/ui/CustomerEditor.cpp" line="+48" />
        <source>Edit customer %1</source>
        <translation>编辑客户 %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+7" />
        <source>the name you gave them in WeChat</source>
        <translation>您在微信里给对方的备注名</translation>
    </message>
    <message>
        <location line="+5" />
        <source>separated by commas, e.g. VIP, 回头客</source>
        <translation>用逗号分隔，例如：VIP，回头客</translation>
    </message>
    <message>
        <location line="+2" />
        <source>distributor code, or empty</source>
        <translation>分销员编号，可留空</translation>
    </message>
    <message>
        <location line="+75" />
        <source>A customer stays bound to its distributor; use Rebind to change it.</source>
        <translation>客户会一直绑定其分销员；如需更改请用“改绑”。</translation>
    </message>
    <message>
        <location line="-71" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location line="+0" />
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location line="+0" />
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Code:</source>
        <translation>编号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;WeChat ID:</source>
        <translation>微信号(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat &amp;remark:</source>
        <translation>微信备注(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Distributor:</source>
        <translation>分销员(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Add address</source>
        <translation>添加地址(&amp;A)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Paste an address…</source>
        <translation>粘贴地址(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Split an address copied from a chat into its fields</source>
        <translation>把从聊天中复制的地址拆分到各个字段</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove address</source>
        <translation>删除地址</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Addresses (tick the default one):</source>
        <translation>地址（勾选默认地址）：</translation>
    </message>
    <message>
        <location line="+122" />
        <source>There is no distributor with the code %1.</source>
        <translation>没有编号为 %1 的分销员。</translation>
    </message>
</context>
<context>
    <name>MicroShop::CustomerListModel</name>
    <message>
        <location filename="../src/models/CustomerListModel.cpp" line="+11" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2" />
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>WeChat remark</source>
        <translation>微信备注</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>MicroShop::CustomerListPage</name>
    <message>
        <location filename="../src/ui/CustomerListPage.cpp" line="+41" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search name, phone, WeChat ID or remark</source>
        <translation>搜索姓名、电话、微信号或备注</translation>
    </message>
    <message>
        <location line="+48" />
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Re&amp;bind…</source>
        <translation>改绑(&amp;B)…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Distributor code</source>
        <translation>分销员编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not bought for</source>
        <translation>未购买超过</translation>
    </message>
    <message>
        <location line="+1" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Select a customer to see their details and purchase history.</source>
        <translation>选择一位客户，查看资料和购买记录。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not bound</source>
        <translation>未绑定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No address yet.</source>
        <translation>还没有地址。</translation>
    </message>
    <message>
        <location line="+38" />
        <location line="+7" />
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Delete %1 (%2) and their addresses?</source>
        <translation>确定删除 %1（%2）及其全部地址？</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+10" />
        <source>Rebind customer</source>
        <translation>客户改绑</translation>
    </message>
    <message>
        <location line="-9" />
        <source>A customer normally stays with the distributor of their first order; rebinding is recorded in the audit log.

Distributor code for %1 (empty: none):</source>
        <translation>客户通常一直归属首单的分销员；改绑会记入操作日志。

%1 的新分销员编号（留空表示不绑定）：</translation>
    </message>
</context>
<context>
    <name>MicroShop::DashboardPage</name>
    <message>
        <location filename="../src/ui/DashboardPage.cpp" line="+131" />
        <location line="+115" />
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location line="-94" />
        <source>The figures could not be computed: %1</source>
        <translation>无法计算数据：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+14" />
        <location line="+2" />
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>paid, waiting to ship</source>
        <translation>已付款，待发货</translation>
    </message>
    <message>
        <location line="+2" />
        <source>to restock</source>
        <translation>需要补货</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n distributor(s) to pay</source>
        <translation>
            <numerusform>%n 位分销员待打款</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>Net sales</source>
        <translation>实收销售额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sales of the last 30 days</source>
        <translation>近 30 天销售额</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The figures again, as of now (F5)</source>
        <translation>按当前数据重新计算（F5）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sales today</source>
        <translation>今日销售额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sales this month</source>
        <translation>本月销售额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Orders to ship</source>
        <translation>待发货订单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Low-stock products</source>
        <translation>库存不足的商品</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Commissions to settle</source>
        <translation>可结算佣金</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opens the %1 page, filtered to these.</source>
        <translation>打开“%1”页面，只显示这些记录。</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <location line="+1" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
</context>
<context>
    <name>MicroShop::DistributorEditor</name>
    <message>
        <location filename="../src/ui/DistributorEditor.cpp" line="+32" />
        <source>Edit distributor %1</source>
        <translation>编辑分销员 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New distributor</source>
        <translation>新建分销员</translation>
    </message>
    <message>
        <location line="+13" />
        <source>upline's code; empty: a new tree</source>
        <translation>上级编号；留空则作为顶级分销员</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Use Move to put this distributor under another upline.</source>
        <translation>如需更换上级，请使用“调整上级”。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Code:</source>
        <translation>编号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;WeChat ID:</source>
        <translation>微信号(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Joined:</source>
        <translation>加入日期(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Upline:</source>
        <translation>上级(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location line="+35" />
        <source>There is no distributor with the code %1.</source>
        <translation>没有编号为 %1 的分销员。</translation>
    </message>
</context>
<context>
    <name>MicroShop::DistributorTreeModel</name>
    <message>
        <location filename="../src/models/DistributorTreeModel.cpp" line="+187" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Team</source>
        <translation>团队人数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>MicroShop::DistributorTreePage</name>
    <message>
        <location filename="../src/ui/DistributorTreePage.cpp" line="+169" />
        <source>&amp;New distributor</source>
        <translation>新建分销员(&amp;N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Move…</source>
        <translation>调整上级(&amp;M)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>S&amp;tatus…</source>
        <translation>状态(&amp;T)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Print statement…</source>
        <translation>打印对账单(&amp;P)…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Statement of %1</source>
        <translation>%1 的对账单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>statement-%1-%2-%3</source>
        <translation>对账单-%1-%2-%3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Print statement</source>
        <translation>打印对账单</translation>
    </message>
    <message>
        <location line="+31" />
        <location line="+122" />
        <location line="+12" />
        <source>Move distributor</source>
        <translation>调整上级</translation>
    </message>
    <message>
        <location line="-87" />
        <source>No distributor matches.</source>
        <translation>没有匹配的分销员。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12" />
        <source>Select a distributor to see their team, sales and commissions. Drag a distributor onto another to change their upline.</source>
        <translation>选择一位分销员，查看其团队、业绩和佣金。把分销员拖到另一位分销员上，即可更换上级。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 · depth %2 · team of %3
Upline: %4
Phone %5 · WeChat %6
Joined %7</source>
        <translation>%1 · 第 %2 层 · 团队 %3 人
上级：%4
电话 %5 · 微信 %6
%7 加入</translation>
    </message>
    <message>
        <location line="+5" />
        <source>none (a root)</source>
        <translation>无（顶级分销员）</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sales in the period: own %1, team %2&lt;br&gt;Commissions: earned %3, reversed %4, settled %5, pending %6, &lt;b&gt;available %7&lt;/b&gt;</source>
        <translation>期间销售额：本人 %1，团队 %2&lt;br&gt;佣金：已获得 %3，已冲回 %4，已结算 %5，待结算 %6，&lt;b&gt;可结算 %7&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+39" />
        <source>New upline's code for %1 (empty: %1 starts a tree of their own). Orders paid from now on earn along the new tree; the move is recorded in the audit log.</source>
        <translation>%1 的新上级编号（留空则 %1 成为顶级分销员）。此后付款的订单按新的上下级关系计算佣金；本次调整会记入操作日志。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>There is no distributor with the code %1.</source>
        <translation>没有编号为 %1 的分销员。</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+9" />
        <source>Distributor status</source>
        <translation>分销员状态</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Status of %1 (only active distributors earn commissions):</source>
        <translation>%1 的状态（只有状态为“正常”的分销员才能获得佣金）：</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Distributors</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search code, name, phone or WeChat ID; Enter for the next match</source>
        <translation>搜索编号、姓名、电话或微信号；按回车跳到下一个结果</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ledger</source>
        <translation>佣金明细</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payouts</source>
        <translation>打款记录</translation>
    </message>
</context>
<context>
    <name>MicroShop::ListPage</name>
    <message>
        <location filename="../src/ui/ListPage.cpp" line="+153" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+137" />
        <source>More than %L1 found: type more to narrow them</source>
        <translation>找到超过 %L1 条：请继续输入以缩小范围</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>all selected</source>
        <translation>已全选</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%L1 selected</source>
        <translation>已选 %L1 个</translation>
    </message>
</context>
<context>
    <name>MicroShop::MainWindow</name>
    <message>
        <location filename="../src/ui/MainWindow.cpp" line="+157" />
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributors</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="+256" />
        <source>The server cannot be reached; reconnecting… Nothing was half-saved.</source>
        <translation>无法连接服务器；正在重新连接…没有保存到一半的内容。</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Imported %1 row(s): %2 created, %3 updated.</source>
        <translation>已导入 %1 行：新建 %2，更新 %3。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Imported orders: %1 created, %2 updated, %3 unchanged.</source>
        <translation>已导入订单：新建 %1 个，更新 %2 个，未变 %3 个。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Imported the bill: %1 matched, %2 paid, %3 with a different amount, %4 unknown.</source>
        <translation>已导入账单：%1 笔匹配，%2 笔已付款，%3 笔金额不符，%4 笔未知。</translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source>Shipped %n order(s) from the tracking file.</source>
        <translation>
            <numerusform>已按运单文件发货 %n 个订单。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+26" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Exported %1 row(s) to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：没有写入文件。</translation>
    </message>
    <message>
        <location line="+90" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About MicroShop</source>
        <translation>关于 MicroShop(&amp;A)</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+1" />
        <source>MicroShop</source>
        <translation>MicroShop</translation>
    </message>
    <message>
        <location line="-1" />
        <source>%1 - MicroShop</source>
        <translation>%1 - MicroShop</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>About MicroShop</source>
        <translation>关于 MicroShop</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;MicroShop %1&lt;/h3&gt;&lt;p&gt;The back office of a micro-business merchant: products and stock, customers, orders, distributors and their commissions.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br/&gt;Schema version: %3&lt;/p&gt;&lt;p&gt;Built with Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MicroShop %1&lt;/h3&gt;&lt;p&gt;微商的经营后台：商品与库存、客户、订单、分销员及其佣金。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;br/&gt;数据库结构版本：%3&lt;/p&gt;&lt;p&gt;基于 Qt %4 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Unsaved settings</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Some settings were changed but not applied. Quit without applying them?</source>
        <translation>部分设置已修改但尚未应用。确定不应用就退出吗？</translation>
    </message>
</context>
<context>
    <name>MicroShop::MoveShopDialog</name>
    <message>
        <location filename="../src/ui/MoveShopDialog.cpp" line="+43" />
        <source>Move this shop to a server</source>
        <translation>把店铺迁移到服务器</translation>
    </message>
    <message>
        <location line="+10" />
        <source>e.g. 192.168.1.10 or shop-server</source>
        <translation>例如 192.168.1.10 或 shop-server</translation>
    </message>
    <message>
        <location line="+1" />
        <source>an empty database, e.g. microshop</source>
        <translation>一个空数据库，例如 microshop</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copies every product, customer, order and commission of this shop into an empty PostgreSQL database, then checks the copy. This shop stays as it is. The password is used for the copy only and is not saved.</source>
        <translation>把本店的所有商品、客户、订单和佣金复制到一个空的 PostgreSQL 数据库，然后检查副本。本店保持不变。密码只用于本次复制，不会保存。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Copy the shop</source>
        <translation>复制店铺(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MicroShop::OrderEditor</name>
    <message>
        <location filename="../src/ui/OrderEditor.cpp" line="+57" />
        <source>Edit order %1</source>
        <translation>编辑订单 %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Type a name, phone or WeChat ID and pick the customer</source>
        <translation>输入姓名、电话或微信号，然后选择客户</translation>
    </message>
    <message>
        <location line="+11" />
        <source>code; defaults to the customer's distributor</source>
        <translation>编号；默认为客户绑定的分销员</translation>
    </message>
    <message>
        <location line="+3" />
        <source>SKU, barcode or product name, then Enter</source>
        <translation>SKU、条码或商品名称，然后按回车</translation>
    </message>
    <message>
        <location line="+14" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Net</source>
        <translation>实收</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Order &amp;number:</source>
        <translation>订单号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Paste an address…</source>
        <translation>粘贴地址(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Find the customer by the phone in a chat's address, or create one</source>
        <translation>按聊天地址中的电话查找客户，或新建客户</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>D&amp;istributor:</source>
        <translation>分销员(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Add product:</source>
        <translation>添加商品(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;hipping fee:</source>
        <translation>运费(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location line="+104" />
        <source>%1 found by the phone.</source>
        <translation>已按电话找到 %1。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 found by the phone; the pasted address is now its usual one.</source>
        <translation>已按电话找到 %1；粘贴的地址已设为其常用地址。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>New customer %1 made from the pasted address.</source>
        <translation>已用粘贴的地址新建客户 %1。</translation>
    </message>
    <message>
        <location line="+46" />
        <source>No product has the SKU or barcode %1.</source>
        <translation>没有 SKU 或条码为 %1 的商品。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is inactive: activate it on the Products page to sell it.</source>
        <translation>%1 已停售：请先在“商品”页启用再销售。</translation>
    </message>
    <message>
        <location line="+53" />
        <source>There is no distributor with the code %1.</source>
        <translation>没有编号为 %1 的分销员。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Shipping fee: %1</source>
        <translation>运费：%1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: the quantity must be a whole number of at least 1.</source>
        <translation>%1：数量必须是不小于 1 的整数。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1, unit price: %2</source>
        <translation>%1，单价：%2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1, discount: %2</source>
        <translation>%1，优惠：%2</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Line %1 has a quantity or an amount that is not valid.</source>
        <translation>第 %1 行的数量或金额无效。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Goods %1 + shipping %2 = total %3</source>
        <translation>商品 %1 + 运费 %2 = 合计 %3</translation>
    </message>
</context>
<context>
    <name>MicroShop::OrderListModel</name>
    <message>
        <location filename="../src/models/OrderListModel.cpp" line="+14" />
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Platform order no.</source>
        <translation>平台订单号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Goods</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tracking no.</source>
        <translation>快递单号</translation>
    </message>
</context>
<context>
    <name>MicroShop::OrderListPage</name>
    <message>
        <location filename="../src/ui/OrderListPage.cpp" line="+58" />
        <location line="+635" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="-633" />
        <source>Search order number, customer, phone or tracking number</source>
        <translation>搜索订单号、客户、电话或快递单号</translation>
    </message>
    <message>
        <location line="+69" />
        <source>&amp;New order</source>
        <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Pay…</source>
        <translation>收款(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ship…</source>
        <translation>发货(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;omplete</source>
        <translation>完成(&amp;O)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Cancel order</source>
        <translation>取消订单(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refund…</source>
        <translation>退款(&amp;R)…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Pr&amp;int</source>
        <translation>打印(&amp;I)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Packing slip (A4)…</source>
        <translation>发货单（A4）…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Packing slip (80 mm receipt)…</source>
        <translation>发货单（80 毫米小票）…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Invoice (A4)…</source>
        <translation>销售单（A4）…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Invoice (80 mm receipt)…</source>
        <translation>销售单（80 毫米小票）…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Shipping label (100 × 180 mm)…</source>
        <translation>快递面单（100 × 180 毫米）…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shipping label (76 × 130 mm)…</source>
        <translation>快递面单（76 × 130 毫米）…</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+1" />
        <source>Shipping label %1</source>
        <translation>快递面单 %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>From &amp;outside</source>
        <translation>外部导入(&amp;O)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Orders from a &amp;platform's export…</source>
        <translation>平台订单导出(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>WeChat Pay &amp;bill…</source>
        <translation>微信支付账单(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Tracking numbers…</source>
        <translation>运单号(&amp;T)…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>&amp;Batch</source>
        <translation>批量(&amp;B)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Select &amp;all that match</source>
        <translation>全选符合条件的订单(&amp;A)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Print labels or packing slips…</source>
        <translation>打印面单或发货单(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Export the courier file…</source>
        <translation>导出快递批量文件(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import &amp;tracking numbers…</source>
        <translation>导入运单号(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Complete the selected orders…</source>
        <translation>完成选中的订单(&amp;C)…</translation>
    </message>
    <message>
        <location line="+33" />
        <source>all orders that match (more than %L1)</source>
        <translation>所有符合条件的订单（超过 %L1 个）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>all %L1 orders</source>
        <translation>全部 %L1 个订单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>all %L1 orders that match</source>
        <translation>符合条件的全部 %L1 个订单</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n selected order(s)</source>
        <translation>
            <numerusform>选中的 %n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+16" />
        <source>Complete orders</source>
        <translation>完成订单</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Mark %1 as completed? Their commissions become available after the hold days. Only paid and shipped orders can be completed: if any other is among them, none is.</source>
        <translation>将%1标记为已完成？其佣金将在冻结期后可提现。只有已付款和已发货的订单可以完成：若其中有其他状态的订单，则全部不完成。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Completing orders…</source>
        <translation>正在完成订单…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cancelled: no order was completed.</source>
        <translation>已取消：没有订单被完成。</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n order(s) completed.</source>
        <translation>
            <numerusform>已完成 %n 个订单。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18" />
        <source>Reading the selection…</source>
        <translation>正在读取所选订单…</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+43" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="-40" />
        <location line="+20" />
        <source>Shipping labels</source>
        <translation>快递面单</translation>
    </message>
    <message>
        <location line="-20" />
        <location line="+20" />
        <source>Packing slips</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location line="-18" />
        <location line="+6" />
        <source>labels</source>
        <translation>面单</translation>
    </message>
    <message>
        <location line="-6" />
        <location line="+6" />
        <source>packing-slips</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+49" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="-48" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Printing cancelled: the pages not yet printed were dropped.</source>
        <translation>打印已取消：尚未打印的页面已丢弃。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n order(s) sent to the printer.</source>
        <translation>
            <numerusform>已将 %n 个订单发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n order(s) saved in %1.</source>
        <translation>
            <numerusform>已将 %n 个订单保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+22" />
        <location line="+12" />
        <source>Export the courier file</source>
        <translation>导出快递批量文件</translation>
    </message>
    <message>
        <location line="-33" />
        <source>courier-file</source>
        <translation>快递批量文件</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n order(s) to ship written to %1.</source>
        <translation>
            <numerusform>已将 %n 个待发货订单写入 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n order(s) left out: not paid, or shipped already.</source>
        <translation>
            <numerusform>%n 个订单未包含：未付款或已发货。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distributor code</source>
        <translation>分销员编号</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Invoice %1</source>
        <translation>销售单 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Packing slip %1</source>
        <translation>发货单 %1</translation>
    </message>
    <message>
        <location line="+37" />
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Print their packing slips or labels, export the courier's file or complete them with the &lt;b&gt;Batch&lt;/b&gt; button below.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;用下方的&lt;b&gt;批量&lt;/b&gt;按钮打印它们的发货单或面单、导出快递批量文件，或将它们完成。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Select an order to see it here, with a button for each next step.</source>
        <translation>选择一个订单即可在这里查看，并用按钮办理下一步。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 order %2</source>
        <translation>%1订单 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ordered %1</source>
        <translation>下单 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>paid %1 (%2)</source>
        <translation>付款 %1（%2）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>shipped %1 by %2, %3</source>
        <translation>发货 %1（%2，单号 %3）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>completed %1</source>
        <translation>完成 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cancelled %1</source>
        <translation>取消 %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No distributor</source>
        <translation>无分销员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distributor %1</source>
        <translation>分销员 %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Net</source>
        <translation>实收</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Goods %1 · shipping %2 · &lt;b&gt;total %3&lt;/b&gt; · refunded %4</source>
        <translation>商品 %1 · 运费 %2 · &lt;b&gt;合计 %3&lt;/b&gt; · 已退款 %4</translation>
    </message>
    <message>
        <location line="+71" />
        <source>Cancel order %1? Its units go back into stock and its commissions are reversed.</source>
        <translation>取消订单 %1？已售商品会退回库存，相关佣金会冲回。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel order %1?</source>
        <translation>取消订单 %1？</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark order %1 as completed? Its commissions become available after the hold days.</source>
        <translation>把订单 %1 标记为已完成？冻结期满后其佣金可结算。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Complete order</source>
        <translation>完成订单</translation>
    </message>
</context>
<context>
    <name>MicroShop::PayOrderDialog</name>
    <message>
        <location filename="../src/ui/PayOrderDialog.cpp" line="+25" />
        <source>Payment of %1</source>
        <translation>订单 %1 收款</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Method:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Paid at:</source>
        <translation>付款时间(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>MicroShop::PaymentImportDialog</name>
    <message>
        <location filename="../src/ui/PaymentImportDialog.cpp" line="+47" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Import a WeChat Pay bill</source>
        <translation>导入微信支付账单</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose a WeChat Pay merchant bill or a personal WeChat bill (CSV or Excel)</source>
        <translation>选择微信支付商户账单或个人微信账单（CSV 或 Excel）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Detect from the file's header</source>
        <translation>按文件表头识别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat Pay merchant bill (names the orders)</source>
        <translation>微信支付商户账单（含订单号）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Personal WeChat bill (incomes to confirm)</source>
        <translation>个人微信账单（收入需确认）</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Platform no.</source>
        <translation>平台单号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Bill no.</source>
        <translation>交易单号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Bill:</source>
        <translation>账单(&amp;B)：</translation>
    </message>
    <message>
        <location line="+15" />
        <source>WeChat Pay bills (*.csv *.xlsx);;All files (*)</source>
        <translation>微信支付账单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The bill has no line to reconcile.</source>
        <translation>该账单没有可对账的记录。</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>Reconciliation from %1 to %2: %n row(s).</source>
        <translation>
            <numerusform>%1 至 %2 的对账：%n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>An income of a personal bill is never applied alone: confirm the order it paid, if it is one of its %n candidate(s).</source>
        <translation>
            <numerusform>个人账单的收入不会自动入账：如果它付的是下列 %n 个候选订单之一，请确认该订单。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23" />
        <source>Confirm: %1 paid</source>
        <translation>确认：%1 已付款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pay order %1 by WeChat at the time of income %2</source>
        <translation>按收入 %2 的时间将订单 %1 记为微信付款</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Order %1 is paid by WeChat at %2 (income %3).</source>
        <translation>订单 %1 已于 %2 微信付款（收入 %3）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not confirmed: %1</source>
        <translation>未确认：%1</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Choose a bill: its payments are matched with the orders by their numbers and amounts, and nothing is imported if one line is wrong.</source>
        <translation>请选择账单：其中的付款按单号和金额与订单匹配；只要有一行有误，就什么都不导入。</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Nothing was imported: %n problem(s) to fix in the file (line and column given for each).</source>
        <translation>
            <numerusform>未导入任何内容：文件中有 %n 处问题需要修改（每处都注明了行和列）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Imported %1 (%2 line(s)): %3 matched, of which %4 paid a pending order; %5 with a different amount; %6 unknown (no order named).</source>
        <translation>已导入%1（%2 行）：%3 笔匹配，其中 %4 笔为待付款订单付了款；%5 笔金额不符；%6 笔未知（未对应订单）。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Ready: a line already imported is never applied twice.</source>
        <translation>可以导入：已导入过的记录不会重复入账。</translation>
    </message>
</context>
<context>
    <name>MicroShop::PayoutListModel</name>
    <message>
        <location filename="../src/models/CommissionListModel.cpp" line="+32" />
        <source>Payout</source>
        <translation>打款编号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Up to</source>
        <translation>结算截至</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Entries</source>
        <translation>明细条数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Made</source>
        <translation>打款时间</translation>
    </message>
</context>
<context>
    <name>MicroShop::PlatformImportDialog</name>
    <message>
        <location filename="../src/ui/PlatformImportDialog.cpp" line="+38" />
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Placed at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>After-sale status</source>
        <translation>售后状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Buyer account</source>
        <translation>买家账号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location line="+2" />
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location line="+2" />
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Whole address</source>
        <translation>完整地址</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Spec code</source>
        <translation>规格编码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+78" />
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="-76" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Goods total</source>
        <translation>商品金额合计</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shop discount</source>
        <translation>店铺优惠</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Paid amount</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distributor's phone</source>
        <translation>分销员手机号</translation>
    </message>
    <message>
        <location line="+22" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Import orders from a platform</source>
        <translation>从平台导入订单</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose an order export of Youzan, Weidian, Taobao or Pinduoduo (CSV or Excel)</source>
        <translation>选择有赞、微店、淘宝或拼多多的订单导出文件（CSV 或 Excel）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Detect from the file's columns</source>
        <translation>根据文件的列自动识别</translation>
    </message>
    <message>
        <location line="+9" />
        <source>MicroShop reads</source>
        <translation>MicroShop 读取</translation>
    </message>
    <message>
        <location line="+0" />
        <source>from the file's column</source>
        <translation>来自文件的列</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Item on the platform</source>
        <translation>平台上的商品</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Product in MicroShop</source>
        <translation>MicroShop 中的商品</translation>
    </message>
    <message>
        <location line="+17" />
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Order exports (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>订单导出文件 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Import cancelled: nothing was saved.</source>
        <translation>导入已取消：未保存任何内容。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This file is not an order export MicroShop knows.</source>
        <translation>此文件不是 MicroShop 识别的订单导出。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1 order export: %2 order(s) in %3 row(s).</source>
        <translation>%1订单导出：%3 行，共 %2 个订单。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 item(s) of the file match no product by SKU or alias. Pick the product each one is: MicroShop remembers it for the next file from %2.</source>
        <translation>文件中有 %1 个商品无法通过 SKU 或别名对应到商品。请为每个选择对应的商品：MicroShop 会记住，下次导入%2的文件时直接使用。</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Type a SKU or a name</source>
        <translation>输入 SKU 或名称</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Choose a file to see what it holds before anything is imported.</source>
        <translation>选择文件，在导入前先查看其内容。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Imported: %1 order(s) created, %2 updated, %3 unchanged.</source>
        <translation>已导入：新建 %1 个订单，更新 %2 个，未变 %3 个。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Nothing can be imported: %1 problem(s) to fix in the file (line and column given for each).</source>
        <translation>无法导入：文件中有 %1 个问题需要修正（每个都给出了行和列）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Pick a product for every item above (%1 of %2 picked).</source>
        <translation>请为上面每个商品选择对应商品（已选 %1 / %2）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Ready: orders already imported are moved forward, never duplicated, and nothing is imported if one row is wrong.</source>
        <translation>就绪：已导入的订单只会向前推进，不会重复；只要有一行出错，就什么都不导入。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>MicroShop::ProductEditor</name>
    <message>
        <location filename="../src/ui/ProductEditor.cpp" line="+49" />
        <source>Active: can be sold</source>
        <translation>在售：可以销售</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Edit product %1</source>
        <translation>编辑商品 %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location line="+7" />
        <source>e.g. box, piece, bottle</source>
        <translation>例如：盒、件、瓶</translation>
    </message>
    <message>
        <location line="+23" />
        <source>&amp;SKU:</source>
        <translation>SKU(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Price:</source>
        <translation>售价(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;ost:</source>
        <translation>成本(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stock:</source>
        <translation>库存：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Opening &amp;stock:</source>
        <translation>期初库存(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Low-stock level:</source>
        <translation>库存预警值(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Barcode:</source>
        <translation>条码(&amp;B)：</translation>
    </message>
    <message>
        <location line="+8" />
        <source>shop default: %1</source>
        <translation>店铺默认：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Level %1 commission (%):</source>
        <translation>%1级佣金比例（%）：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose &amp;image…</source>
        <translation>选择图片(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove image</source>
        <translation>移除图片(&amp;R)</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Product image</source>
        <translation>商品图片</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is not an image this program can read.</source>
        <translation>%1 不是本程序能读取的图片。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Price:</source>
        <translation>售价：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cost:</source>
        <translation>成本：</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Level %1:</source>
        <translation>%1级：</translation>
    </message>
</context>
<context>
    <name>MicroShop::ProductListModel</name>
    <message>
        <location filename="../src/models/ProductListModel.cpp" line="+30" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Low at</source>
        <translation>预警值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Level %1 %</source>
        <translation>%1级 %</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Active</source>
        <translation>在售</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Inactive</source>
        <translation>停售</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Low on stock: %1 left, restock at %2</source>
        <translation>库存不足：剩余 %1，预警值 %2，请补货</translation>
    </message>
</context>
<context>
    <name>MicroShop::ProductListPage</name>
    <message>
        <location filename="../src/ui/ProductListPage.cpp" line="+43" />
        <location line="+205" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="-204" />
        <source>Search SKU, name or barcode (a scanner works too)</source>
        <translation>搜索 SKU、名称或条码（可用扫码枪）</translation>
    </message>
    <message>
        <location line="+49" />
        <source>&amp;New product</source>
        <translation>新建商品(&amp;N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+97" />
        <source>Deactivate</source>
        <translation>停售</translation>
    </message>
    <message>
        <location line="-94" />
        <source>&amp;Restock…</source>
        <translation>进货(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>S&amp;tocktake…</source>
        <translation>盘点(&amp;T)…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export stock movements…</source>
        <translation>导出库存流水…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Active and inactive</source>
        <translation>在售和停售</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active only</source>
        <translation>仅在售</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inactive only</source>
        <translation>仅停售</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Low stock only</source>
        <translation>仅库存不足</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Select a product to see its details and stock history.</source>
        <translation>选择一个商品，查看详情和库存流水。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>level %1: %2 %</source>
        <translation>%1级：%2%</translation>
    </message>
    <message>
        <location line="+1" />
        <source>level %1: shop default (%2 %)</source>
        <translation>%1级：店铺默认（%2%）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>(low)</source>
        <translation>（不足）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Low at</source>
        <translation>预警值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>在售</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Inactive</source>
        <translation>停售</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Commission: %1</source>
        <translation>佣金：%1</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Activate</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>MicroShop::RefundOrderDialog</name>
    <message>
        <location filename="../src/ui/RefundOrderDialog.cpp" line="+32" />
        <source>Return the refunded units to stock</source>
        <translation>退款商品退回库存</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Refund %1</source>
        <translation>订单 %1 退款</translation>
    </message>
    <message>
        <location line="+4" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not refunded</source>
        <translation>未退数量</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Units to refund</source>
        <translation>退款数量</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Refund the shipping fee (%1)</source>
        <translation>退还运费（%1）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>e.g. damaged in transit, changed their mind</source>
        <translation>例如：运输损坏、客户不想要了</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refunded &amp;at:</source>
        <translation>退款时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Refund to the customer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>应退客户：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Choose units to refund, or the shipping fee.</source>
        <translation>请选择要退款的商品数量，或勾选退还运费。</translation>
    </message>
</context>
<context>
    <name>MicroShop::ReportsPage</name>
    <message>
        <location filename="../src/ui/ReportsPage.cpp" line="+167" />
        <location line="+335" />
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <location line="-335" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+331" />
        <source>Save the chart as a picture</source>
        <translation>将图表保存为图片</translation>
    </message>
    <message>
        <location line="-331" />
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+124" />
        <source>Not bought for (days):</source>
        <translation>未购买天数：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Chart the top:</source>
        <translation>图表显示前：</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The range ends before it starts: pick a "to" date on or after %1.</source>
        <translation>结束日期早于开始日期：请选择 %1 当天或之后的结束日期。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No distributor has the code %1: type another or clear it.</source>
        <translation>没有编号为 %1 的分销员：请输入其他编号或清空。</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Computing the report…</source>
        <translation>正在计算报表…</translation>
    </message>
    <message>
        <location line="+73" />
        <source>%1 · as of %2</source>
        <translation>%1 · 截至 %2</translation>
    </message>
    <message>
        <location line="-3" />
        <source>%1 · %2 to %3</source>
        <translation>%1 · %2 至 %3</translation>
    </message>
    <message>
        <location line="-265" />
        <location line="+295" />
        <location line="+16" />
        <source>Export the report's table</source>
        <translation>导出报表的表格</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Choose another folder or file name.</source>
        <translation>请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Cannot write %1: %2. Choose another folder or file name.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Cannot write %1. Choose another folder or file name.</source>
        <translation>无法写入 %1。请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+8" />
        <source>By:</source>
        <translation>按：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distributor code</source>
        <translation>分销员编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>With the team</source>
        <translation>含团队</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Print preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save chart PNG…</source>
        <translation>保存图表 PNG…</translation>
    </message>
</context>
<context>
    <name>MicroShop::SettingsPage</name>
    <message>
        <location filename="../src/ui/SettingsPage.cpp" line="+64" />
        <source>Changes discarded.</source>
        <translation>已放弃修改。</translation>
    </message>
    <message>
        <location line="+59" />
        <location line="+291" />
        <source>%1 (schema version %2)</source>
        <translation>%1（数据库结构版本 %2）</translation>
    </message>
    <message>
        <location line="-235" />
        <source>This computer does not know this time zone; it uses its own (%1).</source>
        <translation>本机不认识这个时区，将使用本机自己的时区（%1）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Now there: %1 (UTC%2). This computer's zone: %3.</source>
        <translation>该时区现在：%1（UTC%2）。本机时区：%3。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No automatic backups yet: the app makes one each day it is started on a local database file.</source>
        <translation>还没有自动备份：使用本地数据库文件时，每天启动会自动备份一次。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Back up the shop</source>
        <translation>备份店铺</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MicroShop backups (*.db)</source>
        <translation>MicroShop 备份 (*.db)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Backing up the shop…</source>
        <translation>正在备份店铺数据…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+8" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="-8" />
        <source>MicroShop backups (*.db);;All files (*)</source>
        <translation>MicroShop 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Replace all of the shop's data with the backup %1?

Everything entered since that backup will be lost. Back up now first if you may need it.</source>
        <translation>用备份 %1 替换店铺的全部数据？

该备份之后录入的所有内容都将丢失。如果这些数据可能还有用，请先“立即备份”。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Restored from %1.</source>
        <translation>已从 %1 恢复。</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+6" />
        <source>Copy this shop to a file</source>
        <translation>把店铺复制到文件</translation>
    </message>
    <message>
        <location line="-5" />
        <source>MicroShop databases (*.db)</source>
        <translation>MicroShop 数据库 (*.db)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 exists already. Choose a new file name: the copy never writes over a file.</source>
        <translation>%1 已存在。请选择新的文件名：复制从不覆盖已有文件。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Copying the shop…</source>
        <translation>正在复制店铺…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The copy was cancelled; nothing was written to %1.</source>
        <translation>复制已取消；没有向 %1 写入任何内容。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The shop was not copied</source>
        <translation>店铺未复制</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The shop was copied to %1: %L2 rows, %L3 orders among them. The copy passed the check.</source>
        <translation>店铺已复制到 %1：共 %L2 行，其中订单 %L3 个。副本已通过检查。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The shop was copied</source>
        <translation>店铺已复制</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open the shop there from now on, on this desktop? MicroShop will open %1 the next time it starts (the password is not saved). This shop stays as it is; do not keep working in both.</source>
        <translation>今后在这台电脑上打开那里的店铺吗？MicroShop 下次启动时将打开 %1（不保存密码）。本店保持不变；请不要在两处同时继续工作。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>MicroShop will open %1 the next time it starts. Close it and start it again to work there.</source>
        <translation>MicroShop 下次启动时将打开 %1。请关闭并重新启动程序，在那里工作。</translation>
    </message>
</context>
<context>
    <name>MicroShop::SettlementDialog</name>
    <message>
        <location filename="../src/ui/SettlementDialog.cpp" line="+27" />
        <source>Settle commissions</source>
        <translation>佣金结算</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Entries</source>
        <translation>明细条数</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Settle what is available up to:</source>
        <translation>结算截至此日期的可结算佣金：</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Working out the payouts…</source>
        <translation>正在计算结算金额…</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Nothing to pay: no distributor has a positive available balance by then.</source>
        <translation>无需打款：截至该日期，没有分销员的可结算余额大于 0。</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n payout(s), &lt;b&gt;%1&lt;/b&gt; in all. OK makes them; the entries become settled.</source>
        <translation>
            <numerusform>共 %n 笔打款，合计 &lt;b&gt;%1&lt;/b&gt;。点击“确定”生成打款记录，相关佣金明细将变为已结算。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>Settling up to %1…</source>
        <translation>正在结算截至 %1 的佣金…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Settlement cancelled: no payout was made.</source>
        <translation>结算已取消：没有生成任何打款。</translation>
    </message>
</context>
<context>
    <name>MicroShop::ShipOrderDialog</name>
    <message>
        <location filename="../src/ui/ShipOrderDialog.cpp" line="+33" />
        <source>Ship %1</source>
        <translation>订单 %1 发货</translation>
    </message>
    <message>
        <location line="+6" />
        <source>scan or type the waybill number</source>
        <translation>扫描或输入快递单号</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The customer has no address yet.</source>
        <translation>该客户还没有地址。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Paste another address…</source>
        <translation>粘贴其他地址…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&amp;Courier:</source>
        <translation>快递公司(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Tracking number:</source>
        <translation>快递单号(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Shipped at:</source>
        <translation>发货时间(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To:</source>
        <translation>寄往：</translation>
    </message>
</context>
<context>
    <name>MicroShop::ShipmentImportDialog</name>
    <message>
        <location filename="../src/ui/ShipmentImportDialog.cpp" line="+38" />
        <source>&amp;Ship</source>
        <translation>发货(&amp;S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Import tracking numbers</source>
        <translation>导入运单号</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose a file of order_no, courier, tracking (and shipped_at), CSV or Excel</source>
        <translation>选择含 order_no、courier、tracking（及 shipped_at）的 CSV 或 Excel 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Tracking files (*.csv *.xlsx);;All files (*)</source>
        <translation>运单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shipping…</source>
        <translation>正在发货…</translation>
    </message>
    <message numerus="yes">
        <location line="+62" />
        <source>&amp;Ship %n order(s)</source>
        <translation>
            <numerusform>发货 %n 个订单(&amp;S)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose the file your courier's batch tool gave back: each order it lists is shipped with its courier and tracking number, and none is if one line is wrong.</source>
        <translation>选择快递批量工具返回的文件：其中列出的每个订单都按其快递公司和运单号发货；只要有一行有误，就全部不发货。</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Nothing was shipped: %n problem(s) to fix in the file (line and column given for each).</source>
        <translation>
            <numerusform>没有发货：文件中有 %n 处问题需要修改（每处都给出了行和列）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Shipped %n order(s).</source>
        <translation>
            <numerusform>已发货 %n 个订单。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file lists no order.</source>
        <translation>文件中没有订单。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Ready to ship %n order(s):</source>
        <translation>
            <numerusform>准备发货 %n 个订单：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MicroShop::SignInDialog</name>
    <message>
        <location filename="../src/ui/SignInDialog.cpp" line="+42" />
        <source>&amp;Remember the password in this computer's keychain</source>
        <translation>在本机的钥匙串中记住密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign in to the shop</source>
        <translation>登录店铺</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This shop is kept on the server %1. Sign in with your own user name and password; the shop's owner gives them to you.</source>
        <translation>本店保存在服务器 %1 上。请用您自己的用户名和密码登录；由店主提供给您。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MicroShop::StockAdjustDialog</name>
    <message>
        <location filename="../src/ui/StockAdjustDialog.cpp" line="+29" />
        <source>Restock %1</source>
        <translation>进货：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stocktake of %1</source>
        <translation>盘点：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Supplier, purchase number… (optional)</source>
        <translation>供应商、采购单号…（选填）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Why: stocktake, damaged, gift… (required)</source>
        <translation>原因：盘点、损坏、赠送…（必填）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>In stock now:</source>
        <translation>当前库存：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Units received:</source>
        <translation>到货数量(&amp;U)：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Counted stock:</source>
        <translation>盘点数量(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Stock after: %1 (%2%3)</source>
        <translation>调整后库存：%1（%2%3）</translation>
    </message>
</context>
<context>
    <name>MicroShop::StockMovementListModel</name>
    <message>
        <location filename="../src/models/StockMovementListModel.cpp" line="+11" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Movement</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reference</source>
        <translation>单据/说明</translation>
    </message>
    <message>
        <location line="+2" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
</context>
<context>
    <name>MicroShop::UsersSection</name>
    <message>
        <location filename="../src/ui/UsersSection.cpp" line="-262" />
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clerk</source>
        <translation>客服</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location line="+87" />
        <source>%1 is now %2.</source>
        <translation>%1 现在是%2。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1 was removed from the shop.</source>
        <translation>已将 %1 从店铺中移除。</translation>
    </message>
    <message>
        <location line="+37" />
        <source>%1 was added. They sign in with the password you typed.</source>
        <translation>已添加 %1。此人使用您输入的密码登录。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Choose the person to remove in the list first.</source>
        <translation>请先在列表中选择要移除的人员。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Remove a person</source>
        <translation>移除人员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove %1 from the shop? They can no longer sign in to it.</source>
        <translation>要将 %1 从店铺中移除吗？此人将无法再登录该店铺。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This shop is a file on this computer and has one user: the person at this computer, with no login. To give people their own logins and roles, move the shop to a PostgreSQL server with Settings › Database and backups › Move this shop to a server…</source>
        <translation>此店铺是本电脑上的一个文件，只有一个用户：使用本电脑的人，无需登录。要为不同人员设置各自的登录和角色，请通过“设置 › 数据库与备份 › 把店铺迁移到服务器…”将店铺迁移到 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The people who sign in to this shop and their roles. Passwords are set here or by the server's administrator and never stored by MicroShop.</source>
        <translation>登录此店铺的人员及其角色。密码在此处或由服务器管理员设置，MicroShop 从不保存密码。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Add a person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;move…</source>
        <translation>移除(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../src/core/Money.cpp" line="+17" />
        <source>The amount is too large to be computed exactly.</source>
        <translation>金额过大，无法精确计算。</translation>
    </message>
    <message>
        <location line="+35" />
        <source>An amount is required, for example 12.30.</source>
        <translation>请填写金额，例如 12.30。</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+31" />
        <source>"%1" is too large an amount.</source>
        <translation>“%1”金额过大。</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+20" />
        <source>"%1" is not an amount: write digits with at most two decimals, for example 12.30, without currency symbols or separators.</source>
        <translation>“%1”不是金额：请写数字，最多两位小数，例如 12.30，不要带货币符号或千位分隔符。</translation>
    </message>
    <message>
        <location line="-7" />
        <source>"%1" ends with a decimal point: write 12 or 12.30.</source>
        <translation>“%1”以小数点结尾：请写 12 或 12.30。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>"%1" has more than two decimals: amounts are in fen, write at most two decimals (nothing is rounded).</source>
        <translation>“%1”超过两位小数：金额以分为单位，最多写两位小数（不会自动四舍五入）。</translation>
    </message>
    <message>
        <location line="+109" />
        <source>Internal error: division by zero in an amount.</source>
        <translation>内部错误：金额计算中除以零。</translation>
    </message>
</context>
<context>
    <name>OrderStatuses</name>
    <message>
        <location filename="../src/core/Order.cpp" line="+43" />
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>OrderWorkflow</name>
    <message>
        <location filename="../src/core/OrderWorkflow.cpp" line="+50" />
        <source>paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>shipped</source>
        <translation>发货</translation>
    </message>
    <message>
        <location line="+2" />
        <source>completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2" />
        <source>refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Order %1 is %2 (%3), so it cannot be %4. Nothing was changed.</source>
        <translation>订单 %1 当前状态为 %2（%3），不能%4。没有做任何改动。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Order %1 cannot be %2 on %3: that is before %4, when its previous step happened.</source>
        <translation>订单 %1 不能在 %3 %2：上一步发生在 %4，日期不能早于它。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>There is no order %1.</source>
        <translation>订单 %1 不存在。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+8" />
        <source>An order from %1 needs its order number there.</source>
        <translation>来自%1的订单需要其在该平台的订单号。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose the customer of the order.</source>
        <translation>请选择订单的客户。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The order's distributor does not exist.</source>
        <translation>订单的分销员不存在。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The shipping fee cannot be negative.</source>
        <translation>运费不能为负。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>An order needs at least one line.</source>
        <translation>订单至少要有一行商品。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Line %1 has no product.</source>
        <translation>第 %1 行没有商品。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The product %1 is inactive: activate it before selling it.</source>
        <translation>商品 %1 已停售：请先启用再销售。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The quantity of %1 must be at least 1, not %2.</source>
        <translation>%1 的数量至少为 1，不能是 %2。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The unit price of %1 cannot be negative.</source>
        <translation>%1 的单价不能为负。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The discount on %1 cannot be negative.</source>
        <translation>%1 的优惠不能为负。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>The order number %1 is already used.</source>
        <translation>订单号 %1 已被使用。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The %1 order %2 is already in the shop.</source>
        <translation>%1订单 %2 已在店铺中。</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Order %1 is %2: only an order awaiting payment can be edited.</source>
        <translation>订单 %1 的状态为%2：只有待付款的订单可以编辑。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Someone else saved the order %1 after you opened it: what they saved is shown now. Make your change again if it is still needed; nothing was changed.</source>
        <translation>在您打开订单 %1 之后，其他人保存了它：现在显示的是对方保存的内容。如仍需要，请重新修改；未做任何更改。</translation>
    </message>
    <message>
        <location line="+72" />
        <source>order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Shipping order %1 needs the courier and the tracking number.</source>
        <translation>订单 %1 发货需要快递公司和快递单号。</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Cancelled: no order was completed.</source>
        <translation>已取消：没有订单被完成。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>%n order(s) cannot be completed, as only paid and shipped orders can: %1.</source>
        <translation>
            <numerusform>%n 个订单无法完成，因为只有已付款和已发货的订单可以完成：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>And %n more.</source>
        <translation>
            <numerusform>另有 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <location line="+93" />
        <source>Order %1 line %2 (%3): %4 unit(s) can still be refunded, not %5.</source>
        <translation>订单 %1 第 %2 行（%3）：还能退 %4 件，不能退 %5 件。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Order %1 has no such line to refund.</source>
        <translation>订单 %1 中没有要退款的这一行。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Order %1 has nothing left to refund.</source>
        <translation>订单 %1 已没有可退款的商品或运费。</translation>
    </message>
</context>
<context>
    <name>PasswordKeychain</name>
    <message>
        <location filename="../src/ui/PasswordKeychain.cpp" line="+48" />
        <source>This computer's keychain did not keep the password (%1); you will be asked for it next time.</source>
        <translation>本机的钥匙串没有保存密码（%1）；下次会再次询问。</translation>
    </message>
</context>
<context>
    <name>PaymentBillReader</name>
    <message>
        <location filename="../src/io/PaymentBillReader.cpp" line="+88" />
        <source>this is not a %1: no line of it has the columns %2.</source>
        <translation>这不是%1：没有任何一行包含列 %2。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>this is neither a WeChat Pay merchant bill (a header with %1) nor a WeChat personal bill (a header with %2).</source>
        <translation>这既不是微信支付商户账单（表头含 %1），也不是微信个人账单（表头含 %2）。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>the bill has no amount column: %1 (or %2 in older bills).</source>
        <translation>账单缺少金额列：%1（旧版账单为 %2）。</translation>
    </message>
    <message>
        <location line="+26" />
        <location line="+40" />
        <source>the line has no %1.</source>
        <translation>这一行缺少%1。</translation>
    </message>
    <message>
        <location line="-33" />
        <source>the line is in %1: MicroShop keeps its money in CNY (人民币) only.</source>
        <translation>这一行的币种是 %1：MicroShop 只记录人民币（CNY）金额。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 is SUCCESS or REFUND, not "%2".</source>
        <translation>%1 只能是 SUCCESS 或 REFUND，不能是“%2”。</translation>
    </message>
    <message>
        <location line="+46" />
        <source>%1 cannot be negative (%2).</source>
        <translation>%1 不能为负（%2）。</translation>
    </message>
</context>
<context>
    <name>PaymentImporter</name>
    <message>
        <location filename="../src/io/PaymentImporter.cpp" line="+42" />
        <source>the payment %1 of order %2 cannot be applied: %3</source>
        <translation>订单 %2 的支付 %1 无法入账：%3</translation>
    </message>
</context>
<context>
    <name>PaymentMethods</name>
    <message>
        <location filename="../src/core/Order.cpp" line="+41" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PaymentReconciler</name>
    <message>
        <location filename="../src/core/PaymentReconciler.cpp" line="+93" />
        <source>There is no income %1 in an imported personal bill.</source>
        <translation>已导入的个人账单中没有收入 %1。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>There is no order %1.</source>
        <translation>订单 %1 不存在。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The income %1 was already confirmed as the payment of order %2.</source>
        <translation>收入 %1 已确认为订单 %2 的付款。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The line %1 is not an income of a personal bill.</source>
        <translation>记录 %1 不是个人账单的收入。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Order %1 is %2: only a pending order can be paid by an income.</source>
        <translation>订单 %1 的状态为%2：只有待付款的订单才能用收入付款。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The income %1 is %2 but order %3 is due %4: the amounts differ.</source>
        <translation>收入 %1 为 %2，而订单 %3 应付 %4：金额不符。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The income %1 of %2 is more than %3 days from order %4 of %5.</source>
        <translation>%2 的收入 %1 与 %5 的订单 %4 相隔超过 %3 天。</translation>
    </message>
</context>
<context>
    <name>PlatformCells</name>
    <message>
        <location filename="../src/io/PlatformCells.cpp" line="+67" />
        <source>"%1" is not a date and time such as 2026-11-29 13:05.</source>
        <translation>“%1”不是日期时间，应如 2026-11-29 13:05。</translation>
    </message>
</context>
<context>
    <name>PlatformImporter</name>
    <message>
        <location filename="../src/io/PlatformImporter.cpp" line="+150" />
        <source>spec "%1"</source>
        <translation>规格“%1”</translation>
    </message>
    <message>
        <location line="+3" />
        <source>code "%1"</source>
        <translation>编码“%1”</translation>
    </message>
    <message>
        <location line="+8" />
        <source>no product matches the %1 item %2: make its merchant code on %1 the product's SKU, or give an alias (platform,code,name,spec,sku).</source>
        <translation>没有商品与%1商品 %2 对应：请把它在%1上的商家编码设为商品的 SKU，或提供别名（platform,code,name,spec,sku）。</translation>
    </message>
    <message>
        <location line="+82" />
        <source>the order %1 has no item.</source>
        <translation>订单 %1 没有商品。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>the order %1 has no goods total and its items no price.</source>
        <translation>订单 %1 没有商品金额合计，其商品也没有价格。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>the paid amount %1 is more than the items (%2) plus shipping (%3).</source>
        <translation>实付金额 %1 超过了商品（%2）加运费（%3）。</translation>
    </message>
    <message>
        <location line="+37" />
        <source>the distributor %1 is not in MicroShop: their orders are imported without a distributor (the customer's, if bound). Add the distributor with this phone or name to credit them.</source>
        <translation>分销员 %1 不在 MicroShop 中：其订单导入时不带分销员（如客户已绑定，则为客户的分销员）。请用此手机号或姓名添加该分销员，以便为其计佣。</translation>
    </message>
    <message>
        <location line="+34" />
        <source>%1 buyer %2</source>
        <translation>%1买家 %2</translation>
    </message>
    <message>
        <location line="-182" />
        <source>The import was cancelled; nothing of it was saved.</source>
        <translation>导入已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the rows of the order %1 are not together: an order's rows follow each other, as the platform exports them (sort the file by %2).</source>
        <translation>订单 %1 的各行没有排在一起：同一订单的各行应相邻，和平台导出时一样（请按“%2”排序文件）。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1: and %2 more notes like these.</source>
        <translation>%1：另有 %2 条类似提示。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>the order number is empty.</source>
        <translation>订单号为空。</translation>
    </message>
    <message>
        <location line="+115" />
        <source>%1 distributors are %2: their orders are imported without a distributor (the customer's, if bound). Give each distributor their own phone to tell them apart.</source>
        <translation>有 %1 个分销员都是 %2：这些订单导入时不带分销员（如客户已绑定，则为客户的分销员）。请为每个分销员设置各自的手机号以便区分。</translation>
    </message>
    <message>
        <location line="+55" />
        <source>order %1: %2</source>
        <translation>订单 %1：%2</translation>
    </message>
    <message>
        <location line="+38" />
        <source>the %1 order %2 is shipped but the file has no courier and tracking number: it is recorded as paid; ship it in MicroShop with them.</source>
        <translation>%1订单 %2 已发货，但文件中没有快递公司和运单号：已记为已付款；请在 MicroShop 中填写它们后发货。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>the %1 order %2 is already %4 in MicroShop (as %3) and the file says %5: it was left as it is.</source>
        <translation>%1订单 %2 在 MicroShop 中（订单 %3）已是“%4”，而文件中为“%5”：保持不变。</translation>
    </message>
    <message>
        <location line="+38" />
        <source>the %1 order %2 (%3 in MicroShop) is shipped but the file has no courier and tracking number: ship it in MicroShop with them.</source>
        <translation>%1订单 %2（MicroShop 中为 %3）已发货，但文件中没有快递公司和运单号：请在 MicroShop 中填写它们后发货。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>refunded on %1</source>
        <translation>已在%1退款</translation>
    </message>
    <message>
        <location line="+57" />
        <source>the header matches no platform's order export. MicroShop looked for these columns: %1.</source>
        <translation>表头与任何平台的订单导出都不匹配。MicroShop 查找的列为：%1。</translation>
    </message>
    <message>
        <location line="+61" />
        <source>unknown platform "%1": it is one of %2.</source>
        <translation>未知平台“%1”：应为 %2 之一。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>an alias needs the platform's code or the item's name.</source>
        <translation>别名需要平台的编码或商品名称。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no product has the SKU "%1".</source>
        <translation>没有 SKU 为“%1”的商品。</translation>
    </message>
</context>
<context>
    <name>PlatformOrderReader</name>
    <message>
        <location filename="../src/io/PlatformOrderReader.cpp" line="+36" />
        <source>this is not a %1 order export as MicroShop knows it: the columns %2 are missing.</source>
        <translation>这不是 MicroShop 所知的%1订单导出：缺少列 %2。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>%1 cannot be negative (%2).</source>
        <translation>%1 不能为负数（%2）。</translation>
    </message>
    <message>
        <location line="+40" />
        <source>the time the order was placed is empty.</source>
        <translation>下单时间为空。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>unknown order status "%1": the statuses known are %2.</source>
        <translation>未知订单状态“%1”：已知状态为 %2。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>unknown after-sale status "%1": MicroShop knows 退款成功 and 已退款 (refunded), 无售后或售后取消 and an empty cell (none).</source>
        <translation>未知售后状态“%1”：MicroShop 识别 退款成功 和 已退款（已退款），无售后或售后取消 和空单元格（无售后）。</translation>
    </message>
    <message>
        <location line="+40" />
        <source>the order %1 appears with two buyers: "%2" on line %3 and "%4" here.</source>
        <translation>订单 %1 出现了两个买家：第 %3 行的“%2”和此处的“%4”。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>%1 must be a whole number of at least 1, not "%2".</source>
        <translation>%1 必须是至少为 1 的整数，而不是“%2”。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>the item's price is empty.</source>
        <translation>商品价格为空。</translation>
    </message>
</context>
<context>
    <name>Platforms</name>
    <message>
        <location filename="../src/core/Platform.cpp" line="+38" />
        <source>Youzan</source>
        <translation>有赞</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Weidian</source>
        <translation>微店</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../src/ui/PrintPreview.cpp" line="+41" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+6" />
        <location line="+33" />
        <location line="+11" />
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location line="-50" />
        <location line="+39" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Preparing %1…</source>
        <translation>正在准备 %1…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
</context>
<context>
    <name>Rate</name>
    <message>
        <location filename="../src/core/Rate.cpp" line="+15" />
        <source>"%1" is not a rate: write a percentage from 0 to 100 with at most two decimals, for example 10 or 7.5, without the % sign.</source>
        <translation>“%1”不是比例：请填写 0 到 100 的百分比，最多两位小数，例如 10 或 7.5，不要带 % 号。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 % is more than 100 %: a commission cannot exceed the sale.</source>
        <translation>%1% 超过了 100%：佣金不能超过销售额。</translation>
    </message>
</context>
<context>
    <name>ReportCatalog</name>
    <message>
        <location filename="../src/reports/ReportCatalog.cpp" line="+18" />
        <source>Sales by %1</source>
        <translation>按%1统计的销售额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sales by %1 of %2's team</source>
        <translation>%2 团队按%1统计的销售额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sales by %1 of %2</source>
        <translation>%2 按%1统计的销售额</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sales over time</source>
        <translation>销售趋势</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+3" />
        <source>Sales by channel</source>
        <translation>各渠道销售额</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+5" />
        <source>Best sellers</source>
        <translation>畅销商品</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+3" />
        <source>Product margins</source>
        <translation>商品毛利</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stock value at cost</source>
        <translation>库存金额（按成本）</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+5" />
        <source>Top customers</source>
        <translation>消费最多的客户</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+5" />
        <source>Repeat buyers</source>
        <translation>回头客</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Customers not seen for a while</source>
        <translation>久未购买的客户</translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Customers not seen for %n day(s)</source>
        <translation>
            <numerusform>%n 天未购买的客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Distributors and teams</source>
        <translation>分销员与团队</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Distributors and their teams</source>
        <translation>分销员及其团队</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Commissions by state</source>
        <translation>各状态佣金</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Payment reconciliation</source>
        <translation>支付对账</translation>
    </message>
    <message>
        <location line="+5" />
        <source>WeChat Pay bills and orders</source>
        <translation>微信支付账单与订单</translation>
    </message>
    <message>
        <location line="+91" />
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+2" />
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+2" />
        <source>month</source>
        <translation>月</translation>
    </message>
</context>
<context>
    <name>ScaleDemoGenerator</name>
    <message>
        <location filename="../src/db/ScaleDemoGenerator.cpp" line="+47" />
        <source>demo --scale writes an SQLite file; for a team server, make the shop in a file and restore it there, or use demo without --scale.</source>
        <translation>demo --scale 只能写入 SQLite 文件；团队服务器请先在文件中生成演示店铺再恢复到服务器，或使用不带 --scale 的 demo。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The SQLite connection cannot be reached for writing in bulk.</source>
        <translation>无法取得 SQLite 连接进行批量写入。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/SettingsPage.ui" line="+11" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Shop &amp;name:</source>
        <translation>店铺名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Printed on packing slips, invoices and statements</source>
        <translation>会打印在发货单、销售单和对账单上</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Currency:</source>
        <translation>币种(&amp;C)：</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Where the shop's days begin and end: today's orders, the dashboard, reports and commission hold days follow it on every computer</source>
        <translation>店铺的一天从何时开始、到何时结束：今天的订单、首页、报表和佣金冻结天数在每台电脑上都按它计算</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Sender (for shipping labels)</source>
        <translation>寄件人（用于快递面单）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sender na&amp;me:</source>
        <translation>寄件人姓名(&amp;M)：</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Empty: the shop's name</source>
        <translation>留空：使用店铺名称</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sender &amp;phone:</source>
        <translation>寄件人电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Sender a&amp;ddress:</source>
        <translation>寄件人地址(&amp;D)：</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Where parcels are sent from, as the courier should read it</source>
        <translation>包裹的寄出地址，按快递员能看懂的写法填写</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Changes at once, on this computer only</source>
        <translation>立即生效，仅对本机有效</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Allow &amp;negative stock (sell before the goods arrive, pre-sale)</source>
        <translation>允许负库存（货未到先卖，用于预售）(&amp;N)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location line="+7" />
        <source>MicroShop pays commission only on real sales: no joining fees and no rewards for recruiting. At most three levels can be paid, because in China a scheme of three or more levels with thirty or more participants reaches the threshold for prosecution as pyramid selling (传销). Check your scheme with a lawyer before you use three levels.</source>
        <translation>MicroShop 只为真实销售支付佣金：不收取入门费，也不设拉人头奖励。佣金最多支付三级，因为在中国，层级达到三级及以上、参与人数达到三十人及以上的计酬模式，即达到传销的刑事立案追诉标准。启用三级佣金前，请先请律师审核您的分销方案。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Le&amp;vels paid:</source>
        <translation>佣金层级(&amp;V)：</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Level &amp;1 rate (%):</source>
        <translation>一级佣金比例（%）(&amp;1)：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The seller's own commission, in percent of each line's net amount</source>
        <translation>卖出者本人的佣金，按每行实收金额的百分比计算</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Level &amp;2 rate (%):</source>
        <translation>二级佣金比例（%）(&amp;2)：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The seller's upline, in percent of each line's net amount</source>
        <translation>卖出者的上级，按每行实收金额的百分比计算</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Level &amp;3 rate (%):</source>
        <translation>三级佣金比例（%）(&amp;3)：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The upline's upline, in percent of each line's net amount</source>
        <translation>上级的上级，按每行实收金额的百分比计算</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Hold days:</source>
        <translation>冻结天数(&amp;H)：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Days after an order is completed before its commissions can be paid out</source>
        <translation>订单完成后，佣金需要冻结的天数，期满后才能打款</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Database and backups</source>
        <translation>数据库与备份</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Database in use:</source>
        <translation>当前数据库：</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Automatic backups:</source>
        <translation>自动备份：</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Restore selected backup…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Move this shop to a server…</source>
        <translation>把店铺迁移到服务器(&amp;M)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Copy this shop to a file…</source>
        <translation>把店铺复制到文件(&amp;C)…</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Re&amp;vert</source>
        <translation>撤销修改(&amp;V)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ShipmentImporter</name>
    <message>
        <location filename="../src/io/ShipmentImporter.cpp" line="+82" />
        <source>The import was cancelled; no order was shipped.</source>
        <translation>导入已取消，没有订单发货。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>this row has %1 fields but the header has %2 columns.</source>
        <translation>此行有 %1 个字段，但表头有 %2 列。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>the order number is empty.</source>
        <translation>订单号为空。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>there is no order %1, neither by MicroShop's number nor by a platform's.</source>
        <translation>没有订单 %1，无论按 MicroShop 订单号还是平台订单号都找不到。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>the order %1 is listed twice: it is on line %2 already. An order is shipped once; keep one of the lines.</source>
        <translation>订单 %1 出现了两次：第 %2 行已有它。一个订单只发货一次，请只保留其中一行。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the order %1 is not paid yet (pending): only a paid order is shipped. Record its payment first.</source>
        <translation>订单 %1 尚未付款（待付款）：只有已付款的订单才能发货。请先记录付款。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the order %1 is already shipped (%2 %3): it is not shipped twice.</source>
        <translation>订单 %1 已发货（%2 %3）：不会重复发货。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the order %1 is completed: it is not shipped any more.</source>
        <translation>订单 %1 已完成：不再发货。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the order %1 is cancelled: a cancelled order is not shipped.</source>
        <translation>订单 %1 已取消：已取消的订单不发货。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the order %1 is refunded: a refunded order is not shipped.</source>
        <translation>订单 %1 已退款：已退款的订单不发货。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the courier is empty: give its name or code (SF, ZTO, YTO, YUNDA, STO, JTSD, EMS, JD, DBL) or any other courier's name.</source>
        <translation>快递公司为空：请填写其名称或代码（SF、ZTO、YTO、YUNDA、STO、JTSD、EMS、JD、DBL），或其他快递公司的名称。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the tracking number is empty.</source>
        <translation>运单号为空。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>the order %1 was paid on %2: it cannot be shipped before, on %3.</source>
        <translation>订单 %1 于 %2 付款：不能在此之前（%3）发货。</translation>
    </message>
</context>
<context>
    <name>ShippingLabel</name>
    <message>
        <location filename="../src/reports/ShippingLabel.cpp" line="+142" />
        <source>From: %1</source>
        <translation>寄件人：%1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <location line="+11" />
        <source>(no address)</source>
        <translation>（无地址）</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Items (%1 pcs):</source>
        <translation>商品（共 %1 件）：</translation>
    </message>
    <message>
        <location line="+7" />
        <source>… and %1 more</source>
        <translation>…… 另有 %1 项</translation>
    </message>
</context>
<context>
    <name>ShopDocuments</name>
    <message>
        <location filename="../src/reports/ShopDocuments.cpp" line="+411" />
        <location line="+172" />
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="-171" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gross</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+114" />
        <source>Net</source>
        <translation>实收</translation>
    </message>
    <message>
        <location line="-113" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+107" />
        <location line="+8" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="-114" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+107" />
        <location line="+6" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="-112" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Days since</source>
        <translation>未购天数</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+152" />
        <source>Upline</source>
        <translation>上级</translation>
    </message>
    <message>
        <location line="-151" />
        <location line="+150" />
        <source>Depth</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="-149" />
        <location line="+151" />
        <source>Team size</source>
        <translation>团队人数</translation>
    </message>
    <message>
        <location line="-150" />
        <location line="+155" />
        <source>Direct sales</source>
        <translation>本人销售额</translation>
    </message>
    <message>
        <location line="-154" />
        <location line="+154" />
        <source>Team sales</source>
        <translation>团队销售额</translation>
    </message>
    <message>
        <location line="-153" />
        <location line="+157" />
        <source>Earned</source>
        <translation>已获得</translation>
    </message>
    <message>
        <location line="-156" />
        <location line="+157" />
        <source>Reversed</source>
        <translation>已冲回</translation>
    </message>
    <message>
        <location line="-156" />
        <location line="+157" />
        <location line="+26" />
        <source>Settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <location line="-182" />
        <location line="+157" />
        <location line="+23" />
        <source>Pending</source>
        <translation>待结算</translation>
    </message>
    <message>
        <location line="-179" />
        <location line="+157" />
        <location line="+26" />
        <source>Available</source>
        <translation>可结算</translation>
    </message>
    <message>
        <location line="-182" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Platform order</source>
        <translation>平台订单号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bill number</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Invoice</source>
        <translation>销售单</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Packing slip</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location line="-29" />
        <location line="+43" />
        <location line="+148" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="-147" />
        <location line="+147" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-146" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location line="+0" />
        <source>(no address)</source>
        <translation>（无地址）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+35" />
        <location line="+7" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Goods total</source>
        <translation>商品合计</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total due</source>
        <translation>应付合计</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Units: %1</source>
        <translation>件数：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A statement covers a period from one day to the same or a later day, not %1 to %2.</source>
        <translation>对账期间须从某日到同日或之后的日期，不能是 %1 至 %2。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>There is no distributor with the id %1.</source>
        <translation>没有 ID 为 %1 的分销员。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>none (a root)</source>
        <translation>无（顶级分销员）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Distributor statement</source>
        <translation>分销员对账单</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Distributor</source>
        <translation>分销员</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sales in the period</source>
        <translation>期间销售额</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Commissions as of %1</source>
        <translation>截至 %1 的佣金</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Ledger entries in the period</source>
        <translation>期间佣金明细</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No commission entries in this period.</source>
        <translation>此期间没有佣金记录。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="-188" />
        <location line="+188" />
        <location line="+14" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="-14" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Total of the period: %1</source>
        <translation>期间合计：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Payouts in the period</source>
        <translation>期间打款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No payouts in this period.</source>
        <translation>此期间没有打款。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Payout</source>
        <translation>打款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Settled up to</source>
        <translation>结算截至</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Made on</source>
        <translation>打款日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Nothing to report.</source>
        <translation>没有可显示的数据。</translation>
    </message>
    <message>
        <location line="+89" />
        <location line="+66" />
        <source>There are no orders to print: choose one or more.</source>
        <translation>没有要打印的订单：请选择一个或多个。</translation>
    </message>
    <message>
        <location line="-63" />
        <source>Cannot print: the printer or the file cannot be opened.</source>
        <translation>无法打印：打印机或文件无法打开。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Printing was cancelled.</source>
        <translation>打印已取消。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>There is no order with the id %1.</source>
        <translation>没有 ID 为 %1 的订单。</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Shipping labels</source>
        <translation>快递面单</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Packing slips</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Label 76 × 130 mm</source>
        <translation>面单 76 × 130 毫米</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Label 100 × 180 mm</source>
        <translation>面单 100 × 180 毫米</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Receipt 80 mm</source>
        <translation>80 毫米小票</translation>
    </message>
    <message>
        <location line="-35" />
        <location line="+64" />
        <location line="+15" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>nothing could be printed</source>
        <translation>没有可打印的内容</translation>
    </message>
</context>
<context>
    <name>ShopExporter</name>
    <message>
        <location filename="../src/io/ShopExporter.cpp" line="+29" />
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，没有写入文件。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Writing the CSV file failed: %1</source>
        <translation>写入 CSV 文件失败：%1</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Cannot write %1: %2. Check the folder and that you may write there.</source>
        <translation>无法写入 %1：%2。请检查文件夹以及是否有写入权限。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>ShopImporter</name>
    <message>
        <location filename="../src/io/ImportSheet.cpp" line="+91" />
        <source>%1 cannot be negative (%2).</source>
        <translation>%1 不能为负（%2）。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 must be a whole number, not "%2".</source>
        <translation>%1 必须是整数，不能是“%2”。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 must be at least %2, not %3.</source>
        <translation>%1 至少为 %2，不能是 %3。</translation>
    </message>
    <message>
        <location filename="../src/io/ImportApplier.cpp" line="+27" />
        <source>The import was cancelled; nothing of it was saved.</source>
        <translation>导入已取消，没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../src/io/ImportSheet.cpp" line="-86" />
        <source>unknown column "%1": the columns of %2 are %3.</source>
        <translation>未知列“%1”：%2 文件的列为 %3。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the column %1 appears twice.</source>
        <translation>列 %1 出现了两次。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the required column %1 is missing.</source>
        <translation>缺少必填列 %1。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>this row has %1 fields but the header has %2 columns.</source>
        <translation>这一行有 %1 个字段，但表头有 %2 列。</translation>
    </message>
    <message>
        <location filename="../src/io/CsvImportReader.cpp" line="+80" />
        <source>the SKU %1 is already on line %2.</source>
        <translation>SKU %1 已在第 %2 行出现。</translation>
    </message>
    <message>
        <location line="+41" />
        <source>active must be 1 or 0 (true/false, yes/no), not "%1".</source>
        <translation>active 必须是 1 或 0（true/false、yes/no），不能是“%1”。</translation>
    </message>
    <message>
        <location line="+33" />
        <source>the barcode %1 is also given to %2 in this file.</source>
        <translation>本文件中条码 %1 也分配给了 %2。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the barcode %1 is already used by %2.</source>
        <translation>条码 %1 已被 %2 使用。</translation>
    </message>
    <message>
        <location line="-64" />
        <source>the stock of a new product cannot be negative.</source>
        <translation>新商品的库存不能为负。</translation>
    </message>
    <message>
        <location line="+79" />
        <source>the customer code %1 is already on line %2.</source>
        <translation>客户编号 %1 已在第 %2 行出现。</translation>
    </message>
    <message>
        <location line="+31" />
        <source>unknown channel "%1": use moments, group, referral, offline or other.</source>
        <translation>未知渠道“%1”：请使用 moments、group、referral、offline 或 other。</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+218" />
        <source>there is no distributor with the code %1.</source>
        <translation>没有编号为 %1 的分销员。</translation>
    </message>
    <message>
        <location line="-178" />
        <source>the distributor %1 is already on line %2.</source>
        <translation>分销员 %1 已在第 %2 行出现。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>unknown status "%1": use active, suspended or left.</source>
        <translation>未知状态“%1”：请使用 active、suspended 或 left。</translation>
    </message>
    <message>
        <location line="+39" />
        <source>there is no distributor %1, in this file or in the shop.</source>
        <translation>本文件和店铺中都没有分销员 %1。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>putting %1 under %2 makes a cycle: %2 is in %1's team.</source>
        <translation>把 %1 放到 %2 下面会形成循环：%2 在 %1 的团队里。</translation>
    </message>
    <message>
        <location filename="../src/io/ImportApplier.cpp" line="+61" />
        <source>the uplines of this file cannot be put in order.</source>
        <translation>本文件中的上级关系无法排出先后顺序（分销员之间互为上级，形成了循环）。</translation>
    </message>
    <message>
        <location filename="../src/io/CsvImportReader.cpp" line="+23" />
        <source>the rows of order %1 must be together; it started on line %2.</source>
        <translation>订单 %1 的各行必须相邻；该订单从第 %2 行开始。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the order %1 exists already; orders are never updated by an import.</source>
        <translation>订单 %1 已存在；导入不会更新已有订单。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>unknown status "%1": use pending, paid, shipped, completed or cancelled.</source>
        <translation>未知状态“%1”：请使用 pending、paid、shipped、completed 或 cancelled。</translation>
    </message>
    <message>
        <location line="+31" />
        <source>there is no customer with the code %1.</source>
        <translation>没有编号为 %1 的客户。</translation>
    </message>
    <message>
        <location line="-13" />
        <source>a shipped order needs its courier and tracking number.</source>
        <translation>已发货的订单需要快递公司和快递单号。</translation>
    </message>
    <message>
        <location line="+56" />
        <source>order %1: %2 is "%3" here but "%4" on line %5; the rows of one order must agree.</source>
        <translation>订单 %1：%2 在这里是“%3”，但第 %5 行是“%4”；同一订单的各行必须一致。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>there is no product with the SKU %1.</source>
        <translation>没有 SKU 为 %1 的商品。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the product %1 is inactive: activate it before importing its orders.</source>
        <translation>商品 %1 已停售：请先启用再导入其订单。</translation>
    </message>
    <message>
        <location filename="../src/io/ImportApplier.cpp" line="+32" />
        <source>order %1: %2</source>
        <translation>订单 %1：%2</translation>
    </message>
</context>
<context>
    <name>ShopSettings</name>
    <message>
        <location filename="../src/core/ShopSettings.cpp" line="+79" />
        <source>"%1" is not a setting. The settings are: %2.</source>
        <translation>“%1”不是设置项。设置项有：%2。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The shop name is %1 characters long; keep it to %2.</source>
        <translation>店铺名称长 %1 个字符，请控制在 %2 个以内。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The shop name must be on one line.</source>
        <translation>店铺名称必须在一行内。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 is %2 characters long; keep it to %3.</source>
        <translation>%1 长 %2 个字符；请不超过 %3 个。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 must be on one line.</source>
        <translation>%1 必须写在一行内。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>sender.phone "%1" is not a phone number: write digits, with spaces, dashes, brackets or a leading + if you like (0755-86001234, 138 0013 8000).</source>
        <translation>sender.phone “%1”不是电话号码：请填写数字，可带空格、短横线、括号或开头的 +（如 0755-86001234、138 0013 8000）。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>"%1" is not a currency MicroShop can use. Use one of: %2.</source>
        <translation>“%1”不是 MicroShop 可用的币种。请使用：%2。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>"%1" is not a time zone this computer knows. Write an IANA time zone such as Asia/Shanghai, Asia/Hong_Kong or UTC.</source>
        <translation>“%1”不是本机认识的时区。请填写 IANA 时区，例如 Asia/Shanghai、Asia/Hong_Kong 或 UTC。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>stock.allow_negative must be true or false, not "%1".</source>
        <translation>stock.allow_negative 必须是 true 或 false，不能是“%1”。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>commission.levels must be a whole number: 1, 2 or 3, not "%1".</source>
        <translation>commission.levels 必须是整数 1、2 或 3，不能是“%1”。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>commission.levels cannot be %1: MicroShop pays at most 3 levels. In China a scheme of three or more levels with thirty or more participants reaches the threshold for prosecution as pyramid selling. Use 1, 2 or 3.</source>
        <translation>commission.levels 不能是 %1：MicroShop 最多支付三级佣金。在中国，层级达到三级及以上、参与人数达到三十人及以上的计酬模式，即达到传销的刑事立案追诉标准。请使用 1、2 或 3。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>commission.levels cannot be %1: use 1, 2 or 3.</source>
        <translation>commission.levels 不能是 %1：请使用 1、2 或 3。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>commission.hold_days must be a whole number of days from 0 to %1, not "%2".</source>
        <translation>commission.hold_days 必须是 0 到 %1 之间的整数天数，不能是“%2”。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>StockKeeper</name>
    <message>
        <location filename="../src/core/StockKeeper.cpp" line="+17" />
        <source>Not enough stock of %1 for %2: %3 in stock, %4 asked for. Restock it first, or allow negative stock in Settings. Nothing was changed.</source>
        <translation>%1 的库存不足以满足%2：现有 %3，需要 %4。请先补货，或在“设置”中允许负库存。没有做任何改动。</translation>
    </message>
</context>
<context>
    <name>StockMovementKinds</name>
    <message>
        <location filename="../src/core/Product.cpp" line="+39" />
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Purchase</source>
        <translation>进货</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stocktake adjustment</source>
        <translation>盘点调整</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled order</source>
        <translation>订单取消</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Return</source>
        <translation>退货</translation>
    </message>
</context>
<context>
    <name>TableCopier</name>
    <message>
        <location filename="../src/db/TableCopier.cpp" line="+30" />
        <source>The database refused %1: %2</source>
        <translation>数据库拒绝了 %1：%2</translation>
    </message>
    <message>
        <location line="+26" />
        <location line="+42" />
        <source>Cannot read the table %1: %2</source>
        <translation>无法读取表 %1：%2</translation>
    </message>
    <message>
        <location line="-26" />
        <source>Cannot write into the table %1: %2</source>
        <translation>无法写入表 %1：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cannot copy the rows of the table %1: %2</source>
        <translation>无法复制表 %1 的行：%2</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Cannot count the rows of the table %1: %2</source>
        <translation>无法统计表 %1 的行数：%2</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+10" />
        <source>The copy was cancelled; nothing was written.</source>
        <translation>复制已取消，没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>TeamDirectory</name>
    <message>
        <location filename="../src/db/TeamDirectory.cpp" line="+34" />
        <source>A local shop (an SQLite file) has one user, the person at this computer, and no login. To have people with their own logins and roles, move the shop to a PostgreSQL server (`microshop-cli copy --to postgresql://...`, or Settings › Database) and manage them there.</source>
        <translation>本地店铺（SQLite 文件）只有一个用户，即这台电脑前的人，无需登录。如要让每个人有自己的登录和角色，请把店铺迁移到 PostgreSQL 服务器（`microshop-cli copy --to postgresql://...`，或 设置 › 数据库），然后在那里管理用户。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>"%1" cannot be a user name: use 1 to 63 lowercase letters a-z, digits, '.', '_' or '-', starting with a letter or digit.</source>
        <translation>“%1”不能作为用户名：请使用 1 到 63 个小写字母 a-z、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>"%1" cannot be a user name: names starting with pg_ are PostgreSQL's own.</source>
        <translation>“%1”不能作为用户名：以 pg_ 开头的名称归 PostgreSQL 自己使用。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>"%1" is not a role. The roles are: %2.</source>
        <translation>“%1”不是角色。角色有：%2。</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Only an owner of the shop manages its users; %1 is not one.</source>
        <translation>只有店主可以管理店铺的用户；%1 不是店主。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The PostgreSQL user %1 may not create or change logins: the server's administrator must give it the CREATEROLE attribute (ALTER ROLE %2 CREATEROLE).</source>
        <translation>PostgreSQL 用户 %1 无权创建或修改登录：需要服务器管理员授予其 CREATEROLE 属性（ALTER ROLE %2 CREATEROLE）。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 is the shop's last owner and cannot be %2: make another person an owner first.</source>
        <translation>%1 是店铺的最后一位店主，不能被%2：请先让另一人成为店主。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>A new user needs a password: give it on one line.</source>
        <translation>新用户需要密码：请在一行中给出。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The server already has a user %1. To give them a role in this shop, use `microshop-cli user role %1 ROLE`.</source>
        <translation>服务器上已有用户 %1。要给其在本店的角色，请使用 `microshop-cli user role %1 ROLE`。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The server has no user %1. Add them with `microshop-cli user add %1 --role %2`.</source>
        <translation>服务器上没有用户 %1。请用 `microshop-cli user add %1 --role %2` 添加。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>You cannot change your own role: ask another owner.</source>
        <translation>您不能修改自己的角色：请找另一位店主。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>given another role</source>
        <translation>改为其他角色</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1 is not a user of this shop. `microshop-cli user list` shows who is.</source>
        <translation>%1 不是本店的用户。`microshop-cli user list` 可列出本店用户。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>You cannot remove yourself: ask another owner.</source>
        <translation>您不能删除自己：请找另一位店主。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>removed</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>XlsxReader</name>
    <message>
        <location filename="../src/io/XlsxReader.cpp" line="+346" />
        <source>an old Excel workbook (.xls) or one protected by a password, which MicroShop cannot read: open it in Excel or WPS and save it as .xlsx (without a password) or as CSV.</source>
        <translation>旧版 Excel 工作簿（.xls）或设有密码的工作簿，MicroShop 无法读取：请用 Excel 或 WPS 打开，另存为 .xlsx（不设密码）或 CSV。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>not an Excel workbook (.xlsx): open it in Excel or WPS and save it as .xlsx or as CSV.</source>
        <translation>不是 Excel 工作簿（.xlsx）：请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>the zip archive cannot be opened</source>
        <translation>无法打开其 zip 压缩包</translation>
    </message>
    <message>
        <location line="+10" />
        <source>a zip archive but not an Excel workbook: it holds no %1. Save the table as .xlsx or as CSV.</source>
        <translation>这是 zip 压缩包，但不是 Excel 工作簿：其中没有 %1。请把表格另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>its first sheet "%1" is missing</source>
        <translation>其第一个工作表“%1”缺失</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the first sheet "%1" is a chart or a dialog, not a table: move the sheet with the table to the front and save the workbook again.</source>
        <translation>第一个工作表“%1”是图表或对话框，不是表格：请把含表格的工作表移到最前面，再保存工作簿。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>its first sheet "%1" is missing (%2)</source>
        <translation>其第一个工作表“%1”缺失（%2）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>the workbook is damaged: %1. Open it in Excel or WPS and save it again, or save it as CSV.</source>
        <translation>工作簿已损坏：%1。请用 Excel 或 WPS 打开后重新保存，或另存为 CSV。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+8" />
        <source>%1 cannot be unpacked</source>
        <translation>无法解压 %1</translation>
    </message>
    <message>
        <location line="+48" />
        <source>the workbook has no sheet: put the table on its first sheet and save it again.</source>
        <translation>工作簿中没有工作表：请把表格放在第一个工作表中，再保存。</translation>
    </message>
    <message>
        <location line="+138" />
        <source>the first sheet "%1" is empty: it needs a header row with the column names.</source>
        <translation>第一个工作表“%1”是空的：需要一行写有列名的表头。</translation>
    </message>
    <message>
        <location line="+36" />
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../src/ui/ReportChart.cpp" line="+45" />
        <source>MicroShop's charts module (microshop_charts) was not found or cannot be loaded: %1. Reinstall MicroShop.</source>
        <translation>找不到或无法加载 MicroShop 的图表模块（microshop_charts）：%1。请重新安装 MicroShop。</translation>
    </message>
</context>
<context>
    <name>XlsxWriter</name>
    <message>
        <location filename="../src/io/XlsxWriter.cpp" line="+150" />
        <source>Cannot write %1: %2. Check the folder and that you may write there.</source>
        <translation>无法写入 %1：%2。请检查文件夹以及您是否有写入权限。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cannot write %1: the library that writes Excel workbooks (libxlsxwriter %2) cannot be loaded: %3. Install it (on Debian: libxlsxwriter%2), or export to CSV instead.</source>
        <translation>无法写入 %1：无法加载写入 Excel 工作簿的库（libxlsxwriter %2）：%3。请安装它（Debian 上为 libxlsxwriter%2），或改为导出 CSV。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>libxlsxwriter cannot start a workbook</source>
        <translation>libxlsxwriter 无法新建工作簿</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>libxlsxwriter cannot add the sheet "%1"</source>
        <translation>libxlsxwriter 无法添加工作表“%1”</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Cannot write %1: row %2, column %3 holds %4 characters, more than an Excel cell takes (32,767). Export to CSV instead, or shorten it.</source>
        <translation>无法写入 %1：第 %2 行第 %3 列有 %4 个字符，超过 Excel 单元格的上限（32,767）。请改为导出 CSV，或缩短内容。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>the finished workbook cannot be renamed to it</source>
        <translation>完成的工作簿无法重命名为该文件名</translation>
    </message>
</context>
</TS>