<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>每日自动备份</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>每日自动备份失败：%1</translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation>正在恢复备份</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup was restored. The data from before the restore was kept in:
%1</source>
        <translation>备份已恢复。恢复前的数据保存在：
%1</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>备份未恢复</translation>
    </message>
    <message>
        <source>The demo data cannot be opened</source>
        <translation>无法打开演示数据</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>A copy of the whole database is written to the backups folder beside it. StudioDesk also keeps a daily copy and one before every update and restore.</source>
        <translation>整个数据库会复制一份，存入它旁边的备份文件夹。StudioDesk 还会每天自动备份一次，并在每次升级和恢复之前各备份一次。</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>Your role may not make backups.</source>
        <translation>你的角色无权制作备份。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restoring replaces all current data with the chosen copy. The current data is first saved as a pre-restore backup, and everyone signs in again afterwards.</source>
        <translation>恢复会用所选备份替换当前全部数据。当前数据会先另存为一份“恢复前备份”，恢复完成后所有人需重新登录。</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Only the owner can restore a backup.</source>
        <translation>只有店主可以恢复备份。</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
    <message>
        <source>Backup cancelled; no partial file was left behind.</source>
        <translation>备份已取消，没有留下不完整的文件。</translation>
    </message>
    <message>
        <source>Select a backup in the list, or choose a file.</source>
        <translation>请在列表中选择一份备份，或选择一个文件。</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>StudioDesk databases (*.db *.sample);;All files (*)</source>
        <translation>StudioDesk 数据库 (*.db *.sample);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>恢复这份备份？</translation>
    </message>
    <message>
        <source>All current data will be replaced by the backup “%1”. A pre-restore backup of the current data is made first. The window closes and everyone signs in again.</source>
        <translation>当前全部数据将被备份“%1”替换。系统会先为当前数据做一份恢复前备份。随后窗口会关闭，所有人需重新登录。</translation>
    </message>
    <message>
        <source>Replace the current data</source>
        <translation>替换当前数据</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>未恢复任何数据。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Signed in as %1. What needs attention today will gather here.</source>
        <translation>当前登录：%1。今天需要处理的事项将汇总在这里。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Evidence ledger</source>
        <translation>证据账本</translation>
    </message>
    <message>
        <source>Active staff</source>
        <translation>在职员工</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Today&apos;s deadlines, open tickets and incidents appear here as their chapters land</source>
        <translation>今日到期事项、未结工单和舆情将随各章节功能上线陆续出现在这里</translation>
    </message>
    <message>
        <source>Sessions to prepare and paperwork about to expire (#3), promises logged on air (#4), tickets sorted by the nearest binding deadline and overdue ones (#5), open public-opinion incidents (#6) and this month&apos;s service score (#7).</source>
        <translation>待准备的场次和即将过期的资质（#3）、直播中记录的承诺（#4）、按最近约束时限排序的工单及已超时工单（#5）、未结舆情（#6），以及本月服务评分（#7）。</translation>
    </message>
    <message>
        <source>Reading the dashboard</source>
        <translation>正在读取工作台</translation>
    </message>
    <message>
        <source>%1 entries · head %2</source>
        <translation>%1 条 · 链头 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No backup yet — make one in Settings › Backup.</source>
        <translation>还没有备份——请在“设置 › 备份与恢复”中立即备份。</translation>
    </message>
    <message>
        <source>Could not read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The latest backup: %1</source>
        <translation>最近的备份：%1</translation>
    </message>
    <message>
        <source>Restore the latest backup…</source>
        <translation>恢复最近的备份…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restore the latest backup?</source>
        <translation>恢复最近的备份？</translation>
    </message>
    <message>
        <source>The database file will be replaced by the backup. The current file is first kept as a pre-restore backup beside the others, so nothing is lost.</source>
        <translation>数据库文件将被这份备份替换。当前文件会先作为恢复前备份保存在其他备份旁边，不会丢失任何内容。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>Service evaluation</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <source>The monthly service evaluation the owner prints and signs.</source>
        <translation>店主每月打印并签字的服务评价。</translation>
    </message>
    <message>
        <source>The service evaluation arrives with the evaluation issue (#7)</source>
        <translation>服务评价将随服务评价议题（#7）上线</translation>
    </message>
    <message>
        <source>Each month&apos;s service KPIs, the 100-point self-assessment with its hard-fail checks, the grade, corrective actions, and the monthly report (PDF) carrying the ledger head for the owner to print and sign.</source>
        <translation>每月的服务指标、百分制自评（含一票否决项）、评定等级、整改措施，以及印有账本链头、供店主打印签字的月度报告（PDF）。</translation>
    </message>
</context>
<context>
    <name>ExemptionDialog</name>
    <message>
        <source>Record an exemption</source>
        <translation>记录豁免</translation>
    </message>
    <message>
        <source>Why it is acceptable here, where the proof is kept</source>
        <translation>为什么在这里可以用、证明材料放在哪里</translation>
    </message>
    <message>
        <source>“%1” may stay in the script only for one of these reasons (SAMR guide, 2023):</source>
        <translation>“%1”只有符合以下理由之一才可保留在话术中（市场监管总局《广告绝对化用语执法指南》，2023）：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FirstRunChoiceDialog</name>
    <message>
        <source>Welcome to StudioDesk</source>
        <translation>欢迎使用直播售后服务台</translation>
    </message>
    <message>
        <source>There is no studio database on this computer yet. It will be created here:
%1

Start with the demo studio to look around (staff, products and sessions of an example studio; the passwords are in the README), or start an empty studio and create the owner account.</source>
        <translation>这台电脑上还没有直播间数据库，将在这里创建：
%1

可以先用演示直播间看看（示例直播间的员工、商品和场次；密码见 README），也可以新建一个空白直播间并创建店主账号。</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Empty studio</source>
        <translation>空白直播间</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Public opinion</source>
        <translation>舆情</translation>
    </message>
    <message>
        <source>Negative posts about the studio, handled within their tier&apos;s clocks.</source>
        <translation>关于本直播间的负面信息，按分级时限处理。</translation>
    </message>
    <message>
        <source>The public-opinion register arrives with its own issue (#6)</source>
        <translation>舆情登记将随舆情议题（#6）上线</translation>
    </message>
    <message>
        <source>Record each negative post or complaint seen online with its channel, link and snapshot; its tier sets the response clocks. Actions, links to tickets, sessions and products, and the corrective actions (整改) that follow are kept here.</source>
        <translation>登记网上发现的每条负面帖子或投诉，附渠道、链接和截图；分级决定响应时限。处置动作、与工单/场次/商品的关联，以及后续整改都记录在这里。</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>The whole window switches at once, and the choice is remembered on this computer. Messages from the database and the rules follow the same language.</source>
        <translation>整个窗口会立即切换，这台电脑会记住你的选择。数据库和规则给出的提示也使用同一种语言。</translation>
    </message>
</context>
<context>
    <name>LiveConsolePage</name>
    <message>
        <source>Live console</source>
        <translation>直播中控台</translation>
    </message>
    <message>
        <source>Sit beside the host during the stream and record every promise the moment it is said.</source>
        <translation>直播时坐在主播旁边，主播说出承诺的那一刻就记下来。</translation>
    </message>
    <message>
        <source>The live console arrives with the in-live issue (#4)</source>
        <translation>直播中控台将随直播中服务议题（#4）上线</translation>
    </message>
    <message>
        <source>Log each promise made on air — return terms, shipping time, gifts, price protection, compensation — in seconds, with the verbatim wording and its offset in the stream. Every promise is sealed into the tamper-evident ledger and is never edited: corrections and retractions are new entries pointing at the old one.</source>
        <translation>几秒内记下直播中的每一条承诺——退换条件、发货时间、赠品、价保、赔付——附原话和在直播中的时间点。每条承诺都封存进防篡改账本，永不修改：更正和撤回都是指向原承诺的新记录。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — StudioDesk</source>
        <translation>登录 — 直播售后服务台</translation>
    </message>
    <message>
        <source>StudioDesk live-stream after-sales service desk</source>
        <translation>直播售后服务台</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>正在登录</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以重新登录了。</translation>
    </message>
    <message>
        <source>%1 s left.</source>
        <translation>还剩 %1 秒。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Not signed in</source>
        <translation>尚未登录</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前登录：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Ledger: reading…</source>
        <translation>账本：读取中…</translation>
    </message>
    <message>
        <source>Reading the ledger head</source>
        <translation>正在读取账本链头</translation>
    </message>
    <message>
        <source>Ledger: %1 entries · %2</source>
        <translation>账本：%1 条 · %2</translation>
    </message>
    <message>
        <source>Ledger: unreadable (%1)</source>
        <translation>账本：无法读取（%1）</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Live console</source>
        <translation>直播中控台</translation>
    </message>
    <message>
        <source>After-sales tickets</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <source>Public opinion</source>
        <translation>舆情</translation>
    </message>
    <message>
        <source>Products &amp; papers</source>
        <translation>商品与资质</translation>
    </message>
    <message>
        <source>Service evaluation</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>OwnerAccountDialog</name>
    <message>
        <source>Create the owner account</source>
        <translation>创建店主账号</translation>
    </message>
    <message>
        <source>The owner sets the studio&apos;s policy and rules, manages staff accounts and signs the monthly report. Choose a password of at least 8 characters; it is stored only as a slow salted hash.</source>
        <translation>店主负责制定直播间的售后政策和规则、管理员工账号，并签署月度报告。请设置至少 8 位的密码；系统只保存加盐的慢速哈希值。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Creating the owner account</source>
        <translation>正在创建店主账号</translation>
    </message>
</context>
<context>
    <name>Platforms</name>
    <message>
        <source>Douyin shop</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>Kuaishou shop</source>
        <translation>快手小店</translation>
    </message>
    <message>
        <source>Taobao / Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <source>WeChat Channels shop</source>
        <translation>视频号小店</translation>
    </message>
    <message>
        <source>Other platform</source>
        <translation>其他平台</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Products &amp; papers</source>
        <translation>商品与资质</translation>
    </message>
    <message>
        <source>What the studio sells, who supplies it, and the papers that prove it may be sold.</source>
        <translation>直播间卖什么、由谁供货，以及证明可以销售的资质文件。</translation>
    </message>
    <message>
        <source>Products and their papers arrive with the pre-live issue (#3)</source>
        <translation>商品与资质将随直播前准备议题（#3）上线</translation>
    </message>
    <message>
        <source>Suppliers and products (SKU, category, 三包, no-reason-return exclusions) with their documents — business licences, inspection reports, certificates — stored in the evidence vault, and a warning before any of them expires.</source>
        <translation>供应商和商品（SKU、类目、三包、不适用七天无理由退货的情形）及其资质文件——营业执照、检验报告、认证证书——存入证据库，到期前发出提醒。</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Studio name</source>
        <translation>直播间名称</translation>
    </message>
    <message>
        <source>Legal name (on the business licence)</source>
        <translation>主体名称（营业执照上的名称）</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91350100M000100Y43</source>
        <translation>18 位，例如 91350100M000100Y43</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Customer service phone</source>
        <translation>客服电话</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>退货地址</translation>
    </message>
    <message>
        <source>Published after-sales policy</source>
        <translation>公示的售后政策</translation>
    </message>
    <message>
        <source>Timezone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Keep records for (years)</source>
        <translation>记录保存年限（年）</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <source>Only the owner can change the studio profile; you can read it here.</source>
        <translation>只有店主可以修改直播间资料；你可以在这里查看。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>场控</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
</context>
<context>
    <name>ScriptChecker</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Exempted</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Script title, e.g. 面膜开场</source>
        <translation>话术标题，例如：面膜开场</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>保存话术</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>商品类目</translation>
    </message>
    <message>
        <source>Paste or type the host&apos;s wording here; risky terms are marked as you type.</source>
        <translation>在这里粘贴或输入主播话术，风险用语会随输入标出。</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>用语</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Record exemption</source>
        <translation>记录豁免</translation>
    </message>
    <message>
        <source>You may read scripts here; changing them needs the scripts right.</source>
        <translation>你可以在这里查看话术；修改话术需要“修改话术”权限。</translation>
    </message>
    <message>
        <source>General goods</source>
        <translation>普通商品</translation>
    </message>
    <message>
        <source>New script</source>
        <translation>新话术</translation>
    </message>
    <message>
        <source>Untitled (#%1)</source>
        <translation>未命名（#%1）</translation>
    </message>
    <message>
        <source>No risky wording found.</source>
        <translation>未发现风险用语。</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings, %3 notes, %4 exempted</source>
        <translation>%1 处错误，%2 处警告，%3 处提示，%4 处已豁免</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Exemption recorded in the ledger.</source>
        <translation>豁免已记入账本。</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Live sessions</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Plan each stream and make sure it is ready before going live.</source>
        <translation>规划每一场直播，开播前确认一切就绪。</translation>
    </message>
    <message>
        <source>Session planning arrives with the pre-live issue (#3)</source>
        <translation>场次计划将随直播前准备议题（#3）上线</translation>
    </message>
    <message>
        <source>Session planning (platform, hosts, lineup and the pre-live checklist) is still coming with issue #3. The script checker below already works: type or paste the wording and risky terms are marked.</source>
        <translation>场次计划（平台、主播、商品排期和开播检查清单）还在开发中（#3）。下面的话术检查已经可以使用：输入或粘贴话术，风险用语会被标出。</translation>
    </message>
    <message>
        <source>Script check</source>
        <translation>话术检查</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The studio&apos;s profile, staff accounts, language and backups.</source>
        <translation>直播间资料、员工账号、界面语言和备份。</translation>
    </message>
    <message>
        <source>Studio profile</source>
        <translation>直播间资料</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
</context>
<context>
    <name>ShopsEditor</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Add shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <source>Remove shop</source>
        <translation>删除店铺</translation>
    </message>
</context>
<context>
    <name>StaffEditDialog</name>
    <message>
        <source>Edit account %1</source>
        <translation>编辑账号 %1</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation>留空则保留当前密码</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Edit selected…</source>
        <translation>编辑所选…</translation>
    </message>
    <message>
        <source>Only the owner manages staff accounts; you can see the list here.</source>
        <translation>只有店主可以管理员工账号；你可以在这里查看名单。</translation>
    </message>
    <message>
        <source>Add a member of staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Adding an account</source>
        <translation>正在添加账号</translation>
    </message>
    <message>
        <source>Account added.</source>
        <translation>账号已添加。</translation>
    </message>
    <message>
        <source>Select an account in the list first.</source>
        <translation>请先在列表中选择一个账号。</translation>
    </message>
    <message>
        <source>Saving the account</source>
        <translation>正在保存账号</translation>
    </message>
    <message>
        <source>Account saved.</source>
        <translation>账号已保存。</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <source>After-sales tickets</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <source>Work the queue sorted by the nearest binding deadline.</source>
        <translation>按最近的约束时限排序处理工单。</translation>
    </message>
    <message>
        <source>After-sales tickets with every legal and platform deadline computed arrive with the post-live issue (#5)</source>
        <translation>售后工单（自动计算每一项法定和平台时限）将随直播后服务议题（#5）上线</translation>
    </message>
    <message>
        <source>Import the platform&apos;s order export, then handle refunds, returns, exchanges, repairs, complaints and promise claims. Each ticket shows its legal, platform, promise and internal clocks with the rule behind each, its timeline of events and attachments, and the customer&apos;s satisfaction.</source>
        <translation>导入平台导出的订单，然后处理仅退款、退货退款、换货、维修、投诉和承诺兑现。每张工单显示法定、平台、承诺和内部时限及各自依据的规则，还有处理时间线、附件和顾客满意度。</translation>
    </message>
</context>
</TS>
