<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddPaperDialog</name>
    <message>
        <source>Require another paper</source>
        <translation>增加必备资质</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>商品类别</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>资质</translation>
    </message>
    <message>
        <source>Why it is required (basis)</source>
        <translation>要求依据</translation>
    </message>
    <message>
        <source>The law, platform rule or studio policy, e.g. 平台要求该类目提供检测报告</source>
        <translation>法规、平台规则或本店规定，例如：平台要求该类目提供检测报告</translation>
    </message>
    <message>
        <source>Add to the table</source>
        <translation>加入要求</translation>
    </message>
</context>
<context>
    <name>AddTermDialog</name>
    <message>
        <source>Add a term to the lexicon</source>
        <translation>新增违规词</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>The words as said on air, e.g. 闭眼入</source>
        <translation>直播中说的原话，例如：闭眼入</translation>
    </message>
    <message>
        <source>Kind of risk</source>
        <translation>违规类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Law and article, e.g. 《广告法》第九条第（三）项</source>
        <translation>法律及条款，例如：《广告法》第九条第（三）项</translation>
    </message>
    <message>
        <source>Why it is risky</source>
        <translation>风险原因</translation>
    </message>
    <message>
        <source>Shown to the host next to the highlighted words</source>
        <translation>会在标出的词旁边提示给主播</translation>
    </message>
    <message>
        <source>Not when followed by</source>
        <translation>后接以下文字时不算</translation>
    </message>
    <message>
        <source>Optional, comma-separated, e.g. 次,名</source>
        <translation>选填，用逗号分隔，例如：次,名</translation>
    </message>
    <message>
        <source>Different severity for some product categories (optional)</source>
        <translation>部分商品类目的严重程度不同（选填）</translation>
    </message>
    <message>
        <source>Add the term</source>
        <translation>新增</translation>
    </message>
</context>
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
    <name>AssessmentPanel</name>
    <message>
        <source>Total %1 / 100 · grade %2</source>
        <translation>总分 %1 / 100 · 等级 %2</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 ≥%2</translation>
    </message>
    <message>
        <source>Grade bands: %1</source>
        <translation>等级线：%1</translation>
    </message>
    <message>
        <source>Hard fail: %1 — the grade is capped whatever the score</source>
        <translation>否决项：%1 —— 无论得分多少，等级均受限</translation>
    </message>
    <message>
        <source>%1 — %2 / %3</source>
        <translation>%1 —— %2 / %3</translation>
    </message>
    <message>
        <source>Evidence: what was checked and where it can be seen</source>
        <translation>评分依据：检查了什么、在哪里可以看到</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Hard-fail checks (any one caps the grade)</source>
        <translation>否决项（任一触发即限定等级）</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>已触发</translation>
    </message>
    <message>
        <source>not triggered</source>
        <translation>未触发</translation>
    </message>
    <message>
        <source>to answer</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>No, it did not happen</source>
        <translation>否，未发生</translation>
    </message>
    <message>
        <source>Yes, it happened</source>
        <translation>是，已发生</translation>
    </message>
    <message>
        <source>Choose yes or no</source>
        <translation>请选择是或否</translation>
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
    <name>BreakdownTable</name>
    <message>
        <source>(none)</source>
        <translation>（未关联）</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>No data this month</source>
        <translation>本月无数据</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Pre-live checklist</source>
        <translation>开播前检查清单</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Done with evidence…</source>
        <translation>完成并附证据…</translation>
    </message>
    <message>
        <source>Not applicable…</source>
        <translation>不适用…</translation>
    </message>
    <message>
        <source>Waive…</source>
        <translation>豁免…</translation>
    </message>
    <message>
        <source>Export pre-live sheet…</source>
        <translation>导出开播单…</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>Go live anyway…</source>
        <translation>强制开播…</translation>
    </message>
    <message>
        <source>Reading the checklist</source>
        <translation>正在读取开播检查清单</translation>
    </message>
    <message>
        <source>Could not read the checklist: %1</source>
        <translation>无法读取开播检查清单：%1</translation>
    </message>
    <message>
        <source>This session&apos;s checklist has not been started yet.</source>
        <translation>本场还没有开始开播检查，不能开播。</translation>
    </message>
    <message>
        <source>The owner forced the go-live: %1 (%2 · %3)</source>
        <translation>店主已强制开播：%1（%2 · %3）</translation>
    </message>
    <message>
        <source>%1 required items were left open.</source>
        <translation>有 %1 项必做未完成。</translation>
    </message>
    <message>
        <source>Went live at %1 with every required item closed.</source>
        <translation>已于 %1 开播，开播时必做项已全部处理。</translation>
    </message>
    <message>
        <source>Every required item was closed before going live.</source>
        <translation>开播前必做项已全部处理。</translation>
    </message>
    <message>
        <source>%1 required items still open: cannot go live</source>
        <translation>还有 %1 项必做未完成，不能开播</translation>
    </message>
    <message>
        <source>All required items are closed: may go live</source>
        <translation>必做项已全部处理，可以开播</translation>
    </message>
    <message>
        <source>This session is %1; its checklist can no longer change.</source>
        <translation>本场%1，检查清单只能查看，不能再修改。</translation>
    </message>
    <message>
        <source>Only an operator or the owner signs checklist items; you can read them here.</source>
        <translation>只有场控或店主可以签署检查项，你可以在这里查看。</translation>
    </message>
    <message>
        <source>Select a checklist item first.</source>
        <translation>请先选中一项检查项。</translation>
    </message>
    <message>
        <source>Marked done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Signing the item</source>
        <translation>正在签署检查项</translation>
    </message>
    <message>
        <source>Choose the evidence file</source>
        <translation>选择证据文件</translation>
    </message>
    <message>
        <source>Pictures and documents (*.png *.jpg *.jpeg *.webp *.heic *.pdf);;All files (*)</source>
        <translation>图片和文档 (*.png *.jpg *.jpeg *.webp *.heic *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>标为不适用</translation>
    </message>
    <message>
        <source>Why does “%1” not apply to this session?</source>
        <translation>为什么“%1”不适用于本场？</translation>
    </message>
    <message>
        <source>Mark not applicable</source>
        <translation>标为不适用</translation>
    </message>
    <message>
        <source>e.g. this session sells only snacks, no cosmetics</source>
        <translation>例如：本场只卖零食，没有化妆品</translation>
    </message>
    <message>
        <source>Marked not applicable: %1</source>
        <translation>已标为不适用：%1</translation>
    </message>
    <message>
        <source>Waive an item</source>
        <translation>豁免检查项</translation>
    </message>
    <message>
        <source>Why may this session go live without “%1”?</source>
        <translation>为什么本场可以不做“%1”就开播？</translation>
    </message>
    <message>
        <source>Waive</source>
        <translation>豁免</translation>
    </message>
    <message>
        <source>The waiver is recorded with your name and shows on the pre-live sheet.</source>
        <translation>豁免会以你的名义记录，并显示在开播单上。</translation>
    </message>
    <message>
        <source>Waived: %1</source>
        <translation>已豁免：%1</translation>
    </message>
    <message>
        <source>Start “%1” now?</source>
        <translation>现在开播“%1”吗？</translation>
    </message>
    <message>
        <source>Once the session is live its checklist can no longer change.</source>
        <translation>开播后，本场的检查清单就不能再修改。</translation>
    </message>
    <message>
        <source>Going live</source>
        <translation>正在开播</translation>
    </message>
    <message>
        <source>The session is live.</source>
        <translation>已开播。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <source>Go live anyway</source>
        <translation>强制开播</translation>
    </message>
    <message>
        <source>%1 required items are still open:</source>
        <translation>还有 %1 项必做未完成：</translation>
    </message>
    <message>
        <source>Override and go live</source>
        <translation>强制开播</translation>
    </message>
    <message>
        <source>The override is recorded in the evidence ledger with your name, the time and this reason, and it shows on the pre-live sheet and in reports. The open items stay open on the record.</source>
        <translation>强制开播会连同你的姓名、时间和理由记入证据账本，并显示在开播单和各类报表中；未完成的检查项仍按未完成记录。</translation>
    </message>
    <message>
        <source>Override recorded; the session is live.</source>
        <translation>强制开播已记录，本场已开播。</translation>
    </message>
</context>
<context>
    <name>ChecklistRuleTab</name>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必做</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>添加检查项</translation>
    </message>
    <message>
        <source>Remove the item</source>
        <translation>删除检查项</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Double-click a cell to change it. Required items need their basis.</source>
        <translation>双击单元格即可修改；必做项须写明依据。</translation>
    </message>
    <message>
        <source>Save as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Reading the checklist template</source>
        <translation>正在读取开播检查模板</translation>
    </message>
    <message>
        <source>%1 sessions&apos; checklists use this version.</source>
        <translation>%1 个场次的开播检查使用此版本。</translation>
    </message>
    <message>
        <source>Saving the checklist template</source>
        <translation>正在保存开播检查模板</translation>
    </message>
    <message>
        <source>Back to the bundled checklist</source>
        <translation>恢复随附的开播检查模板</translation>
    </message>
    <message>
        <source>Use the checklist template bundled with StudioDesk for new sessions again?</source>
        <translation>之后的场次重新使用软件随附的开播检查模板吗？</translation>
    </message>
    <message>
        <source>Use the bundled checklist</source>
        <translation>使用随附版本</translation>
    </message>
    <message>
        <source>Checklists already started keep their version.</source>
        <translation>已开始的开播检查仍使用原来的版本。</translation>
    </message>
    <message>
        <source>Restoring the bundled checklist</source>
        <translation>正在恢复随附的开播检查模板</translation>
    </message>
    <message>
        <source>Saved as version %1; new sessions&apos; checklists use it.</source>
        <translation>已保存为第 %1 版；之后新开始的开播检查将使用它。</translation>
    </message>
</context>
<context>
    <name>ChecklistStatus</name>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已复盘</translation>
    </message>
</context>
<context>
    <name>ChecklistTree</name>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必做</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选做</translation>
    </message>
    <message>
        <source>Pre-live checklist</source>
        <translation>开播前检查清单</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 closed</source>
        <translation>%1 · 已处理 %2/%3</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Select an item to see why it is required and who signed it.</source>
        <translation>选中一项，查看它的依据以及由谁在何时签署。</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>open the evidence file (%1)</source>
        <translation>打开证据文件（%1）</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
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
        <source>Incident clocks</source>
        <translation>舆情时限</translation>
    </message>
    <message>
        <source>Click an incident to open it on the Incidents page</source>
        <translation>点击事件，到舆情页查看</translation>
    </message>
    <message>
        <source>Sessions to prepare</source>
        <translation>待准备场次</translation>
    </message>
    <message>
        <source>Papers expiring or lapsed</source>
        <translation>资质到期提醒</translation>
    </message>
    <message>
        <source>Tickets due today</source>
        <translation>今日到期工单</translation>
    </message>
    <message>
        <source>due before midnight, overdue ones included</source>
        <translation>今天 24 点前到期（含已逾期）</translation>
    </message>
    <message>
        <source>Overdue tickets</source>
        <translation>已逾期工单</translation>
    </message>
    <message>
        <source>past their nearest deadline</source>
        <translation>已过最近的处理期限</translation>
    </message>
    <message>
        <source>Past a legal deadline</source>
        <translation>已过法定期限</translation>
    </message>
    <message>
        <source>past a legal line: handle and record now</source>
        <translation>已超过法定时限，请立即处理并留痕</translation>
    </message>
    <message>
        <source>Open the after-sales queue with these tickets</source>
        <translation>打开售后工单队列，只看这些工单</translation>
    </message>
    <message>
        <source>owner overrode the checklist</source>
        <translation>店主已强制放行</translation>
    </message>
    <message>
        <source>checklist not started</source>
        <translation>未开始开播检查</translation>
    </message>
    <message>
        <source>%1 required checks open</source>
        <translation>还有 %1 项必做检查未完成</translation>
    </message>
    <message>
        <source>checklist complete, ready to go live</source>
        <translation>检查已完成，可以开播</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 products · %5</source>
        <translation>%1 · %2 · %3 · %4 个商品 · %5</translation>
    </message>
    <message>
        <source>No session is planned. Plan one on the Live sessions page.</source>
        <translation>暂无计划场次。请到“直播场次”页新建。</translation>
    </message>
    <message>
        <source>lapsed %1 days ago</source>
        <translation>已过期 %1 天</translation>
    </message>
    <message>
        <source>expires in %1 days</source>
        <translation>%1 天后到期</translation>
    </message>
    <message>
        <source>%1 · %2 (%3) · %4 · %5</source>
        <translation>%1 · %2（%3）· %4 · %5</translation>
    </message>
    <message>
        <source>Every paper is valid beyond the warning window.</source>
        <translation>所有资质在提醒期之外均有效。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 %2 · %3 overdue by %4</source>
        <translation>%1 %2 · %3 已超时 %4</translation>
    </message>
    <message>
        <source>%1 %2 · %3 %4 left</source>
        <translation>%1 %2 · %3 剩 %4</translation>
    </message>
    <message>
        <source>%1 %2 · %3 done %4 late</source>
        <translation>%1 %2 · %3 超时 %4 后完成</translation>
    </message>
    <message>
        <source>Early warning: %1</source>
        <translation>预警：%1</translation>
    </message>
    <message>
        <source>Open the Incidents page to register it as an incident</source>
        <translation>到舆情页登记为舆情事件</translation>
    </message>
    <message>
        <source>No incident clock is running out and no early warning.</source>
        <translation>没有快到时限的舆情事件，也没有预警。</translation>
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
    <name>DefinitionDialog</name>
    <message>
        <source>Definition</source>
        <translation>口径</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>%1 (this month: %2)</source>
        <translation>%1（本月：%2）</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
</context>
<context>
    <name>DocumentAddDialog</name>
    <message>
        <source>Add a paper for %1</source>
        <translation>为“%1”上传资质</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>持有方</translation>
    </message>
    <message>
        <source>Product: %1</source>
        <translation>商品：%1</translation>
    </message>
    <message>
        <source>Supplier: %1</source>
        <translation>供应商：%1</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>资质类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证照编号</translation>
    </message>
    <message>
        <source>The number printed on the paper</source>
        <translation>证照上印的编号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>No expiry (长期)</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Scan or photo (PDF, JPG, PNG)</source>
        <translation>扫描件或照片（PDF、JPG、PNG）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 (needed)</source>
        <translation>%1（缺）</translation>
    </message>
    <message>
        <source>%1 (required, on file)</source>
        <translation>%1（必备，已有）</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>为何需要：%1</translation>
    </message>
    <message>
        <source>A supplier&apos;s paper counts for every product of %1.</source>
        <translation>供应商资质对“%1”的所有商品都有效。</translation>
    </message>
    <message>
        <source>Choose the scanned paper</source>
        <translation>选择资质扫描件</translation>
    </message>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>扫描件和照片 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saving the paper</source>
        <translation>正在保存资质</translation>
    </message>
</context>
<context>
    <name>DocumentsRuleTab</name>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Why this many days</source>
        <translation>为什么是这个天数</translation>
    </message>
    <message>
        <source>Warn before a paper expires</source>
        <translation>证照到期前提醒</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Category / paper</source>
        <translation>商品类别 / 资质</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>持有方</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有有效期</translation>
    </message>
    <message>
        <source>Why it is required</source>
        <translation>要求依据</translation>
    </message>
    <message>
        <source>Require another paper…</source>
        <translation>增加必备资质…</translation>
    </message>
    <message>
        <source>No longer require the selected paper</source>
        <translation>不再要求所选资质</translation>
    </message>
    <message>
        <source>Save as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Reading the document requirements</source>
        <translation>正在读取资质要求</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>%1 papers</source>
        <translation>%1 种资质</translation>
    </message>
    <message>
        <source>Studio: %1</source>
        <translation>本店：%1</translation>
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
        <source>%1 unsaved changes</source>
        <translation>%1 处修改未保存</translation>
    </message>
    <message>
        <source>Saving the document requirements</source>
        <translation>正在保存资质要求</translation>
    </message>
    <message>
        <source>Back to the bundled table</source>
        <translation>恢复随附的资质要求</translation>
    </message>
    <message>
        <source>Use the requirement table bundled with StudioDesk again?</source>
        <translation>重新使用软件随附的资质要求表吗？</translation>
    </message>
    <message>
        <source>Use the bundled table</source>
        <translation>使用随附版本</translation>
    </message>
    <message>
        <source>Your versions stay in the history; the bundled table becomes a new version.</source>
        <translation>您改过的各版本仍保留在历史中；随附的资质要求会作为一个新版本启用。</translation>
    </message>
    <message>
        <source>Restoring the bundled table</source>
        <translation>正在恢复随附的资质要求</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>已保存为第 %1 版。</translation>
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
        <source>Service KPIs</source>
        <translation>服务指标</translation>
    </message>
    <message>
        <source>Double-click a KPI or press ⓘ for its definition and basis.</source>
        <translation>双击指标或点 ⓘ 查看口径与依据。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Self-assessment (100 points)</source>
        <translation>服务自评（百分制）</translation>
    </message>
    <message>
        <source>Reading the months</source>
        <translation>正在读取月份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>By host</source>
        <translation>按主播</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <source>By platform</source>
        <translation>按平台</translation>
    </message>
    <message>
        <source>By session</source>
        <translation>按场次</translation>
    </message>
    <message>
        <source>Re-evaluate</source>
        <translation>重新评价</translation>
    </message>
    <message>
        <source>Sign evaluation</source>
        <translation>签署评价</translation>
    </message>
    <message>
        <source>Print monthly report…</source>
        <translation>打印月报…</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>See the monthly report&apos;s pages and print them directly</source>
        <translation>先预览月度报告的每一页，再直接打印</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The month&apos;s KPIs (and the breakdown chosen) as an Excel workbook</source>
        <translation>把本月指标（及所选分组）导出为 Excel 表格</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading the evaluation</source>
        <translation>正在读取服务评价</translation>
    </message>
    <message>
        <source>Drawing the charts</source>
        <translation>正在绘制图表</translation>
    </message>
    <message>
        <source>Signed v%1 · %2 · %3</source>
        <translation>已签署 v%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Draft v%1 · %2 items and %3 questions to go</source>
        <translation>草稿 v%1 · 还有 %2 项待评分、%3 个否决项待确认</translation>
    </message>
    <message>
        <source>month not over yet</source>
        <translation>本月尚未结束</translation>
    </message>
    <message>
        <source>v%1 signed %2</source>
        <translation>v%1 已于 %2 签署</translation>
    </message>
    <message>
        <source>Only the owner signs the monthly evaluation</source>
        <translation>只有店主可以签署月度服务评价</translation>
    </message>
    <message>
        <source>The month has not ended yet</source>
        <translation>本月尚未结束，月末后才能签署</translation>
    </message>
    <message>
        <source>Freeze this month&apos;s evaluation with your signature</source>
        <translation>签署后本月评价即冻结</translation>
    </message>
    <message>
        <source>Could not read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>The same charts as the printed monthly report.</source>
        <translation>与打印的月报使用相同的图表数据。</translation>
    </message>
    <message>
        <source>The charts arrive with the monthly report module.</source>
        <translation>图表随月报模块一同上线。</translation>
    </message>
    <message>
        <source>Could not draw the charts: %1</source>
        <translation>无法绘制图表：%1</translation>
    </message>
    <message>
        <source>Saving the score</source>
        <translation>正在保存评分</translation>
    </message>
    <message>
        <source>Saving the answer</source>
        <translation>正在保存回答</translation>
    </message>
    <message>
        <source>Sign the service evaluation of %1?</source>
        <translation>确认签署 %1 的服务评价？</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>The figures are frozen and recorded in the evidence ledger; a later change is a new version.</source>
        <translation>签署后数据冻结并记入证据账本；之后的修改将成为新版本。</translation>
    </message>
    <message>
        <source>Signing the evaluation</source>
        <translation>正在签署服务评价</translation>
    </message>
    <message>
        <source>The monthly report is not available yet.</source>
        <translation>月报功能尚未就绪。</translation>
    </message>
</context>
<context>
    <name>EvidenceExport</name>
    <message>
        <source>evidence-pack</source>
        <translation>证据包</translation>
    </message>
    <message>
        <source>Save the evidence pack</source>
        <translation>保存证据包</translation>
    </message>
    <message>
        <source>Building the evidence pack</source>
        <translation>正在生成证据包</translation>
    </message>
    <message>
        <source>Evidence pack saved</source>
        <translation>证据包已保存</translation>
    </message>
    <message>
        <source>The evidence pack was saved to:</source>
        <translation>证据包已保存到：</translation>
    </message>
    <message>
        <source>Evidence pack not saved</source>
        <translation>证据包未保存</translation>
    </message>
    <message>
        <source>The evidence pack could not be saved to %1.</source>
        <translation>证据包无法保存到 %1。</translation>
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
    <name>HostVerificationDialog</name>
    <message>
        <source>Host verification: %1</source>
        <translation>主播核验：%1</translation>
    </message>
    <message>
        <source>Only two facts are kept: whether the platform&apos;s real-name verification is done, and the birth date (to check the host is 16 or older on the session day). Never enter an ID number.</source>
        <translation>这里只记录两件事：是否已在平台完成实名认证，以及出生日期（用来核对开播当天是否年满 16 周岁）。请勿填写身份证号。</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>实名认证</translation>
    </message>
    <message>
        <source>Real-name verification done on the platform</source>
        <translation>已在平台完成实名认证</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Birth date not known yet</source>
        <translation>出生日期暂不清楚</translation>
    </message>
</context>
<context>
    <name>HostsTab</name>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Real-name verified</source>
        <translation>已实名</translation>
    </message>
    <message>
        <source>Age on the session day</source>
        <translation>开播当天年龄</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Only the owner records a host&apos;s verification; you can read it here.</source>
        <translation>主播核验信息只能由店主填写，这里可以查看。</translation>
    </message>
    <message>
        <source>Edit verification…</source>
        <translation>编辑核验…</translation>
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
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>No host is on this session yet: choose hosts with “Edit session…”.</source>
        <translation>本场还没有安排主播：请点“编辑场次…”选择主播。</translation>
    </message>
    <message>
        <source>Checked for %1: %2 of %3 hosts may not go on camera yet.</source>
        <translation>按 %1 核验：%3 位主播中有 %2 位暂不能出镜。</translation>
    </message>
    <message>
        <source>Checked for %1: every host may go on camera.</source>
        <translation>按 %1 核验：全部主播均可出镜。</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>核验通过</translation>
    </message>
</context>
<context>
    <name>IncidentActionDialog</name>
    <message>
        <source>Record an action</source>
        <translation>记录处理</translation>
    </message>
    <message>
        <source>Record an action · %1</source>
        <translation>记录处理 · %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Required: the text as published or sent, word for word</source>
        <translation>必填：按发布或发送的原文逐字填写</translation>
    </message>
    <message>
        <source>Optional: who, what was said or agreed</source>
        <translation>选填：联系了谁、说了什么、约定了什么</translation>
    </message>
</context>
<context>
    <name>IncidentCloseDialog</name>
    <message>
        <source>Close the incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Close incident %1</source>
        <translation>结案 %1</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>What caused it, as found (required)</source>
        <translation>查明的原因（必填）</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>As the owner you may close anyway, giving the reason below; it stays on record.</source>
        <translation>你是店主，可以填写理由后结案；理由会留档。</translation>
    </message>
    <message>
        <source>They must be done first; only the owner may close with actions still open.</source>
        <translation>请先完成整改；整改未完成时只有店主可以结案。</translation>
    </message>
    <message>
        <source>%1 corrective action(s) still open:</source>
        <translation>还有 %1 项整改未完成：</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成整改</translation>
    </message>
    <message>
        <source>Why close before they are done</source>
        <translation>为什么在整改完成前结案</translation>
    </message>
    <message>
        <source>Owner&apos;s reason</source>
        <translation>店主理由</translation>
    </message>
</context>
<context>
    <name>IncidentCorrectiveDialog</name>
    <message>
        <source>Add a corrective action</source>
        <translation>添加整改</translation>
    </message>
    <message>
        <source>Corrective action for %1</source>
        <translation>%1 的整改事项</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>e.g. Re-check the cup seals with the supplier</source>
        <translation>例如：与供应商复查保温杯密封圈</translation>
    </message>
    <message>
        <source>What</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Choose who owns it.</source>
        <translation>请选择负责人。</translation>
    </message>
</context>
<context>
    <name>IncidentDetail</name>
    <message>
        <source>No incident selected</source>
        <translation>未选择舆情</translation>
    </message>
    <message>
        <source>Choose an incident in the list to see its evidence, clocks and handling log.</source>
        <translation>在左侧列表中选择一条舆情，查看证据、处理时限和处理记录。</translation>
    </message>
    <message>
        <source>Your role cannot handle incidents</source>
        <translation>你的角色不能处理舆情</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Update reach…</source>
        <translation>更新传播量…</translation>
    </message>
    <message>
        <source>Add screenshot…</source>
        <translation>添加截图…</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Confirm tier…</source>
        <translation>确认级别…</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Handling log</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Double-click a line to read its whole text</source>
        <translation>双击一行可查看完整内容</translation>
    </message>
    <message>
        <source>Record action…</source>
        <translation>记录处理…</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Double-click a ticket to open it on the tickets page</source>
        <translation>双击工单可在售后工单页打开</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>关联…</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add corrective action…</source>
        <translation>添加整改…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Closure review</source>
        <translation>结案复盘</translation>
    </message>
    <message>
        <source>Close incident…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Reading the incident</source>
        <translation>正在读取舆情</translation>
    </message>
    <message>
        <source>Close once the root cause is known and the corrective actions are done.</source>
        <translation>查明根本原因、整改事项完成后再结案。</translation>
    </message>
    <message>
        <source>Change tier…</source>
        <translation>调整级别…</translation>
    </message>
    <message>
        <source>Handling log · %1</source>
        <translation>处理记录 · %1</translation>
    </message>
    <message>
        <source>Update reach</source>
        <translation>更新传播量</translation>
    </message>
    <message>
        <source>Reach now (views, reposts or comments as the platform shows):</source>
        <translation>当前传播量（按平台显示的浏览、转发或评论数）：</translation>
    </message>
    <message>
        <source>Add a screenshot of the post</source>
        <translation>添加原帖截图</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose an open corrective action first.</source>
        <translation>请先选择一项未完成的整改。</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Met at %1</source>
        <translation>已于 %1 完成</translation>
    </message>
    <message>
        <source>Met late at %1</source>
        <translation>超时完成（%1）</translation>
    </message>
    <message>
        <source>No longer applies (tier changed)</source>
        <translation>因级别调整不再适用</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
    <message>
        <source>Missed by %1 at the tier change</source>
        <translation>级别调整时已超时 %1</translation>
    </message>
    <message>
        <source>Missed by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Tier confirmed</source>
        <translation>确认级别</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>De-escalated</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Owner override: %1</source>
        <translation>店主说明：%1</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>已完成 %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>结案时间 %1</translation>
    </message>
    <message>
        <source>Root cause: %1</source>
        <translation>根本原因：%1</translation>
    </message>
    <message>
        <source>Closed with corrective actions open; the owner&apos;s reason: %1</source>
        <translation>整改未完成即结案，店主说明：%1</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <source>No public link (a direct message or an early warning)</source>
        <translation>无公开链接（私信或预警）</translation>
    </message>
    <message>
        <source>First seen %1 by %2    Reach %3</source>
        <translation>发现时间 %1，发现人 %2    传播量 %3</translation>
    </message>
    <message>
        <source>Snapshot of the post (as saved)</source>
        <translation>原帖文字快照（登记时保存）</translation>
    </message>
    <message>
        <source>Screenshots (click to open)</source>
        <translation>截图（点击打开）</translation>
    </message>
    <message>
        <source>No screenshot yet — add one before the post can change.</source>
        <translation>还没有截图——请在原帖被修改或删除前添加。</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>to be confirmed</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责：</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>系统建议：%1</translation>
    </message>
    <message>
        <source>Similar complaints today: %1</source>
        <translation>当日同类投诉：%1 条</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>This tier sets no clock.</source>
        <translation>该级别没有处理时限。</translation>
    </message>
    <message>
        <source>%1 (%2 h)</source>
        <translation>%1（%2 小时）</translation>
    </message>
</context>
<context>
    <name>IncidentLinkDialog</name>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Link incident %1 to…</source>
        <translation>将舆情 %1 关联到…</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Live session</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Ticket code, e.g. SH-202611-0042</source>
        <translation>工单编号，例如 SH-202611-0042</translation>
    </message>
    <message>
        <source>Product SKU, e.g. HM-001</source>
        <translation>商品 SKU，例如 HM-001</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Nothing to choose from.</source>
        <translation>没有可选的对象。</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 clock(s) missed</source>
        <translation>%1 个时限已超时</translation>
    </message>
    <message>
        <source>All clocks met</source>
        <translation>时限均已完成</translation>
    </message>
    <message>
        <source>%1 %2 overdue</source>
        <translation>%1 已超时 %2</translation>
    </message>
    <message>
        <source>%1 %2 left</source>
        <translation>%1 剩 %2</translation>
    </message>
    <message>
        <source>Clock missed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Clock running out</source>
        <translation>即将到时</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>未到时限</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Nearest clock</source>
        <translation>最近时限</translation>
    </message>
</context>
<context>
    <name>IncidentSummaryExport</name>
    <message>
        <source>incident-summary</source>
        <translation>舆情报告</translation>
    </message>
    <message>
        <source>Save the incident summary</source>
        <translation>保存舆情处置报告</translation>
    </message>
    <message>
        <source>Building the incident summary</source>
        <translation>正在生成舆情处置报告</translation>
    </message>
    <message>
        <source>Incident summary saved</source>
        <translation>舆情处置报告已保存</translation>
    </message>
    <message>
        <source>The incident summary was saved to:</source>
        <translation>舆情处置报告已保存到：</translation>
    </message>
    <message>
        <source>Incident summary not saved</source>
        <translation>舆情处置报告未保存</translation>
    </message>
    <message>
        <source>The incident summary could not be saved to %1.</source>
        <translation>无法将舆情处置报告保存到 %1。</translation>
    </message>
</context>
<context>
    <name>IncidentTierDialog</name>
    <message>
        <source>Change tier</source>
        <translation>调整级别</translation>
    </message>
    <message>
        <source>Confirm tier</source>
        <translation>确认级别</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>系统建议</translation>
    </message>
    <message>
        <source>When: %1
Clocks: %2</source>
        <translation>触发条件：%1
处理时限：%2</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Why the tier changes (required for a change after the first confirmation)</source>
        <translation>调整级别的理由（首次确认后再调整必须填写）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
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
        <source>Register incident…</source>
        <translation>登记舆情…</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search code, summary or post text</source>
        <translation>搜索编号、摘要或原帖内容</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Reading the early warnings</source>
        <translation>正在读取舆情预警</translation>
    </message>
    <message>
        <source>Reading the incident register</source>
        <translation>正在读取舆情登记表</translation>
    </message>
    <message>
        <source>%1 incidents</source>
        <translation>共 %1 条舆情</translation>
    </message>
    <message>
        <source>Select an open incident in the list first.</source>
        <translation>请先在列表中选择一条处理中的舆情。</translation>
    </message>
    <message>
        <source>%1 tickets linked to %2.</source>
        <translation>已将 %1 个工单关联到 %2。</translation>
    </message>
    <message>
        <source>Incident %1 registered.</source>
        <translation>舆情 %1 已登记。</translation>
    </message>
</context>
<context>
    <name>KpiTable</name>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>sessions that went live</source>
        <translation>已开播场次</translation>
    </message>
    <message>
        <source>promises made</source>
        <translation>承诺条数</translation>
    </message>
    <message>
        <source>binding promises (corrections and retractions left out)</source>
        <translation>有效承诺（不含更正与撤回）</translation>
    </message>
    <message>
        <source>orders paid this month</source>
        <translation>本月付款订单</translation>
    </message>
    <message>
        <source>tickets opened this month</source>
        <translation>本月新建工单</translation>
    </message>
    <message>
        <source>tickets with a first response</source>
        <translation>已首次响应的工单</translation>
    </message>
    <message>
        <source>tickets whose first-response deadline fell due</source>
        <translation>首次响应时限已到的工单</translation>
    </message>
    <message>
        <source>tickets resolved</source>
        <translation>已办结工单</translation>
    </message>
    <message>
        <source>tickets decided (resolved or rejected)</source>
        <translation>已处理完毕的工单（办结或驳回）</translation>
    </message>
    <message>
        <source>refunds that fell due</source>
        <translation>退款期限已到的工单</translation>
    </message>
    <message>
        <source>tickets rated by the buyer</source>
        <translation>买家已评分的工单</translation>
    </message>
    <message>
        <source>incident clocks that fell due</source>
        <translation>已到时限的舆情处置节点</translation>
    </message>
    <message>
        <source>corrective actions due</source>
        <translation>到期的整改事项</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>What this KPI means and its basis</source>
        <translation>指标口径与依据</translation>
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
    <name>LexiconRuleTab</name>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Search terms, kinds of risk, reasons or basis, e.g. 最低价</source>
        <translation>搜索词语、违规类别、理由或依据，例如：最低价</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Kind of risk</source>
        <translation>违规类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Reason and basis</source>
        <translation>理由与依据</translation>
    </message>
    <message>
        <source>The studio&apos;s changes to the bundled lexicon</source>
        <translation>本店对随附词库的修改</translation>
    </message>
    <message>
        <source>Add a term…</source>
        <translation>新增违规词…</translation>
    </message>
    <message>
        <source>Disable the selected term…</source>
        <translation>停用所选词…</translation>
    </message>
    <message>
        <source>Undo the studio&apos;s change</source>
        <translation>撤回本店的修改</translation>
    </message>
    <message>
        <source>Back to the bundled lexicon…</source>
        <translation>恢复随附词库…</translation>
    </message>
    <message>
        <source>Reading the lexicon</source>
        <translation>正在读取违规词库</translation>
    </message>
    <message>
        <source>The bundled lexicon, checked against its sources on %1</source>
        <translation>软件随附词库 · %1 已核对依据</translation>
    </message>
    <message>
        <source>%1 terms; the studio added %2 and disabled %3.</source>
        <translation>共 %1 个词；本店新增 %2 个，停用 %3 个。</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>随附</translation>
    </message>
    <message>
        <source>Added by the studio</source>
        <translation>本店新增</translation>
    </message>
    <message>
        <source>Bundled, re-defined by the studio</source>
        <translation>随附，本店已改写</translation>
    </message>
    <message>
        <source>Disabled by the studio</source>
        <translation>本店已停用</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
    <message>
        <source>Re-defined</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>None yet: the bundled lexicon is used as it is.</source>
        <translation>暂无修改：按随附词库检查。</translation>
    </message>
    <message>
        <source>Adding a term</source>
        <translation>正在新增违规词</translation>
    </message>
    <message>
        <source>Disable a term</source>
        <translation>停用违规词</translation>
    </message>
    <message>
        <source>“%1” will no longer be flagged in scripts.</source>
        <translation>话术中的“%1”将不再标出。</translation>
    </message>
    <message>
        <source>Disable the term</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>The reason is kept with the rule version; the bundled basis was: %1</source>
        <translation>理由会随规则版本保存。随附词库的依据是：%1</translation>
    </message>
    <message>
        <source>Disabling a term</source>
        <translation>正在停用违规词</translation>
    </message>
    <message>
        <source>Undoing a change</source>
        <translation>正在撤回修改</translation>
    </message>
    <message>
        <source>Back to the bundled lexicon</source>
        <translation>恢复随附词库</translation>
    </message>
    <message>
        <source>Drop every term the studio added and flag every disabled term again?</source>
        <translation>删除本店新增的所有词，并重新检查所有已停用的词吗？</translation>
    </message>
    <message>
        <source>Use the bundled lexicon</source>
        <translation>使用随附词库</translation>
    </message>
    <message>
        <source>Earlier versions stay in the history.</source>
        <translation>之前的各版本仍保留在历史中。</translation>
    </message>
    <message>
        <source>Restoring the bundled lexicon</source>
        <translation>正在恢复随附词库</translation>
    </message>
    <message>
        <source>Saved as version %1 of the studio&apos;s lexicon.</source>
        <translation>已保存为本店词库第 %1 版。</translation>
    </message>
</context>
<context>
    <name>LineupAddDialog</name>
    <message>
        <source>Add a product to the lineup</source>
        <translation>添加排品</translation>
    </message>
    <message>
        <source>Search by name or SKU</source>
        <translation>按商品名称或编码搜索</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Owner&apos;s reason</source>
        <translation>店主放行理由</translation>
    </message>
    <message>
        <source>Why this product may go on air despite the lapsed paper</source>
        <translation>证照已过期仍可上播的理由</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Searching products</source>
        <translation>正在搜索商品</translation>
    </message>
    <message>
        <source>Papers not in order: %1</source>
        <translation>资质不齐：%1</translation>
    </message>
    <message>
        <source>No product matches.</source>
        <translation>没有符合的商品。</translation>
    </message>
    <message>
        <source>Last live price of this product: %1</source>
        <translation>该商品上次直播价：%1</translation>
    </message>
    <message>
        <source>Choose a product first</source>
        <translation>请先选择一件商品</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>As the owner you may let it in: write the reason, then press Add again.</source>
        <translation>您是店主，可以放行：写明理由后再点“添加”。</translation>
    </message>
</context>
<context>
    <name>LineupCopyDialog</name>
    <message>
        <source>Copy a past session&apos;s lineup</source>
        <translation>从往场复制排品</translation>
    </message>
    <message>
        <source>Each product is added again: papers are checked today and prices against this session&apos;s 7-day window. Products already in this lineup are skipped.</source>
        <translation>每件商品都会重新添加：按今天核验资质，按本场的前 7 日窗口核对价格。本场已有的商品会跳过。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 products</source>
        <translation>%1 · %2 · %3 · %4 件商品</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copied %1: %2</source>
        <translation>已复制 %1 件：%2</translation>
    </message>
    <message>
        <source>Nothing was copied.</source>
        <translation>没有复制任何商品。</translation>
    </message>
    <message>
        <source>Skipped %1:</source>
        <translation>跳过 %1 件：</translation>
    </message>
</context>
<context>
    <name>LineupPriceDialog</name>
    <message>
        <source>Edit prices: %1</source>
        <translation>编辑价格：%1</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Gift stock and stated value checked</source>
        <translation>赠品库存和标示价值已核实</translation>
    </message>
    <message>
        <source>A claimed original price may not exceed the lowest price charged in the 7 days before (明码标价和禁止价格欺诈规定 Art 16).</source>
        <translation>划线原价不得高于前 7 日内的最低成交价（明码标价和禁止价格欺诈规定第十六条）。</translation>
    </message>
</context>
<context>
    <name>LineupTab</name>
    <message>
        <source>Backed</source>
        <translation>有依据</translation>
    </message>
    <message>
        <source>Unbacked claim</source>
        <translation>原价无依据</translation>
    </message>
    <message>
        <source>%1 above the 7-day lowest</source>
        <translation>高于 7 日最低价 %1</translation>
    </message>
    <message>
        <source>No original price claimed</source>
        <translation>未标原价</translation>
    </message>
    <message>
        <source>Lapsed: %1</source>
        <translation>已过期：%1</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>Expiring: %1</source>
        <translation>即将到期：%1</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>齐全</translation>
    </message>
    <message>
        <source> (let in by the owner: %1)</source>
        <translation>（店主放行：%1）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Claimed original</source>
        <translation>原价（划线价）</translation>
    </message>
    <message>
        <source>7-day lowest</source>
        <translation>前 7 日最低价</translation>
    </message>
    <message>
        <source>Price check</source>
        <translation>价格核验</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>资质</translation>
    </message>
    <message>
        <source>Gift stock</source>
        <translation>赠品库存</translation>
    </message>
    <message>
        <source>Add product…</source>
        <translation>添加商品…</translation>
    </message>
    <message>
        <source>Copy from a past session…</source>
        <translation>从往场复制…</translation>
    </message>
    <message>
        <source>Edit prices…</source>
        <translation>编辑价格…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>%1 products · %2 price claims flagged · %3 with papers not in order</source>
        <translation>共 %1 件商品 · %2 件原价有问题 · %3 件资质需处理</translation>
    </message>
    <message>
        <source>No products yet: add them one by one or copy a past session&apos;s lineup.</source>
        <translation>还没有排品：可以逐件添加，也可以从往场复制。</translation>
    </message>
    <message>
        <source> (earlier sessions)</source>
        <translation>（取自往场）</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未核实</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Papers: %1</source>
        <translation>资质：%1</translation>
    </message>
    <message>
        <source>Take “%1” out of this session&apos;s lineup?</source>
        <translation>把“%1”从本场排品中移除？</translation>
    </message>
    <message>
        <source>Remove from the lineup</source>
        <translation>移除排品</translation>
    </message>
</context>
<context>
    <name>LiveConsolePage</name>
    <message>
        <source>Live console</source>
        <translation>直播中控台</translation>
    </message>
    <message>
        <source>Go live (Ctrl+L)</source>
        <translation>开播 (Ctrl+L)</translation>
    </message>
    <message>
        <source>End stream (Ctrl+D)</source>
        <translation>下播 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Compact window (Ctrl+T)</source>
        <translation>精简置顶窗 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Session (Ctrl+J)</source>
        <translation>场次 (Ctrl+J)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>在播时间线</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>本场承诺</translation>
    </message>
    <message>
        <source>Reading the live console</source>
        <translation>正在读取直播中控台</translation>
    </message>
    <message>
        <source>No session is planned, ready or live</source>
        <translation>没有计划中、已就绪或直播中的场次</translation>
    </message>
    <message>
        <source>#%1 %2: %3 paid of %4</source>
        <translation>#%1 %2：已付款 %3 单 / 限 %4 份</translation>
    </message>
    <message>
        <source>Stream ended. Its promise sheet prints from Live sessions › Promises.</source>
        <translation>已下播。本场承诺单在“直播场次 › 承诺记录”中打印。</translation>
    </message>
    <message>
        <source>Nothing on air — press 1–9</source>
        <translation>尚无在播商品，按 1–9 上播</translation>
    </message>
    <message>
        <source>Not live</source>
        <translation>未开播</translation>
    </message>
    <message>
        <source>On air: %1%2  %3</source>
        <translation>在播：%1%2  %3</translation>
    </message>
    <message>
        <source>No session to work on: plan one on the Sessions page</source>
        <translation>没有可用的场次：请先在“场次”页排一场</translation>
    </message>
    <message>
        <source>No product on key %1 in this lineup</source>
        <translation>本场排品中没有数字键 %1 对应的商品</translation>
    </message>
    <message>
        <source>Saved #%1</source>
        <translation>已记录 #%1</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>开播后</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>原话</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>在播</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已复盘</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>amended by #%1</source>
        <translation>已由 #%1 更正</translation>
    </message>
    <message>
        <source>retracted by #%1</source>
        <translation>已由 #%1 撤回</translation>
    </message>
    <message>
        <source>retraction of #%1</source>
        <translation>撤回 #%1</translation>
    </message>
    <message>
        <source>Keys: 1–9 product on air · F1–F8 promise type · Enter saves · Esc leaves the field · Ctrl+↑/↓ pick a promise · Ctrl+K on-air correction · Ctrl+E fix the record · Ctrl+R retract · Ctrl+P change price · Ctrl+J pick session · Ctrl+L go live · Ctrl+D end · Ctrl+T compact window</source>
        <translation>快捷键：1–9 切换在播商品 · F1–F8 选择承诺类型 · 回车保存 · Esc 离开输入框 · Ctrl+↑/↓ 选择承诺 · Ctrl+K 口误更正 · Ctrl+E 更正记录 · Ctrl+R 撤回 · Ctrl+P 改价 · Ctrl+J 选场次 · Ctrl+L 开播 · Ctrl+D 下播 · Ctrl+T 精简置顶窗</translation>
    </message>
    <message>
        <source>Live console (compact)</source>
        <translation>直播中控台（精简）</translation>
    </message>
</context>
<context>
    <name>LiveConsoleSession</name>
    <message>
        <source>End the stream?</source>
        <translation>确定下播？</translation>
    </message>
    <message>
        <source>End “%1” now, after %2 live? This cannot be undone.</source>
        <translation>现在结束“%1”吗？已直播 %2。下播后不能撤销。</translation>
    </message>
    <message>
        <source>End stream</source>
        <translation>下播</translation>
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
        <source>demo date %1</source>
        <translation>演示日期 %1</translation>
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
    <name>MonthStrip</name>
    <message>
        <source>Open the Service evaluation page on this month</source>
        <translation>在服务评价页打开这个月</translation>
    </message>
    <message>
        <source>&lt;b&gt;Last month at a glance&lt;/b&gt;</source>
        <translation>&lt;b&gt;上月概况&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Reading last month</source>
        <translation>正在读取上月数据</translation>
    </message>
    <message>
        <source>Could not calculate last month: %1</source>
        <translation>上月数据计算失败：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Last month at a glance · %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;上月概况 · %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Against %1 · click for the full evaluation</source>
        <translation>对比 %1 · 点击查看完整服务评价</translation>
    </message>
</context>
<context>
    <name>MonthlyExport</name>
    <message>
        <source>monthly-report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>保存月度服务评价报告</translation>
    </message>
    <message>
        <source>Building the monthly report</source>
        <translation>正在生成月度报告</translation>
    </message>
    <message>
        <source>Monthly report saved</source>
        <translation>月度报告已保存</translation>
    </message>
    <message>
        <source>The monthly report was saved to (open it to print):</source>
        <translation>月度报告已保存到（打开后即可打印）：</translation>
    </message>
    <message>
        <source>Monthly report not saved</source>
        <translation>月度报告未保存</translation>
    </message>
    <message>
        <source>The monthly report could not be saved to %1.</source>
        <translation>月度报告无法保存到 %1。</translation>
    </message>
</context>
<context>
    <name>MonthlyPrint</name>
    <message>
        <source>Monthly report — preview and print</source>
        <translation>月度服务评价报告 — 预览并打印</translation>
    </message>
    <message>
        <source>Building the monthly report</source>
        <translation>正在生成月度报告</translation>
    </message>
    <message>
        <source>Monthly report not printed</source>
        <translation>月度报告未能打印</translation>
    </message>
    <message>
        <source>The monthly report could not be previewed: %1</source>
        <translation>月度报告无法预览：%1</translation>
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
    <name>NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Platform order number (leave empty for no order)</source>
        <translation>平台订单号（无订单可不填）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No order (from scratch)</source>
        <translation>不关联订单（直接建单）</translation>
    </message>
    <message>
        <source>What the buyer asks for, in one line</source>
        <translation>一句话写明买家诉求</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>问题摘要</translation>
    </message>
    <message>
        <source>Buyer nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>建立工单</translation>
    </message>
    <message>
        <source>Finding the order</source>
        <translation>正在查找订单</translation>
    </message>
    <message>
        <source>No order has this number; check it or open the ticket without an order</source>
        <translation>没有这个订单号的订单；请核对，或不关联订单直接建单</translation>
    </message>
    <message>
        <source>session: %1</source>
        <translation>场次：%1</translation>
    </message>
    <message>
        <source>already has %1 ticket(s)</source>
        <translation>已有 %1 张工单</translation>
    </message>
    <message>
        <source>Opening the ticket</source>
        <translation>正在建立工单</translation>
    </message>
</context>
<context>
    <name>OpenIncidentDialog</name>
    <message>
        <source>Register an incident</source>
        <translation>登记舆情</translation>
    </message>
    <message>
        <source>https://… (leave empty for a DM or a call)</source>
        <translation>https://…（私信或电话可留空）</translation>
    </message>
    <message>
        <source>Views, likes or reposts so far (optional)</source>
        <translation>目前的浏览、点赞或转发量（可不填）</translation>
    </message>
    <message>
        <source>What the post says, in one line</source>
        <translation>一句话概括帖子内容</translation>
    </message>
    <message>
        <source>Paste the post&apos;s text here first — the post may be edited or deleted later</source>
        <translation>请先把原帖文字粘贴到这里——原帖之后可能被修改或删除</translation>
    </message>
    <message>
        <source>Add screenshots…</source>
        <translation>添加截图…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>传播量</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Post text (snapshot)</source>
        <translation>原帖文字（快照）</translation>
    </message>
    <message>
        <source>Screenshots</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Reading the channels</source>
        <translation>正在读取渠道</translation>
    </message>
    <message>
        <source>From the early warning: its %1 ticket(s) will be linked to the incident.</source>
        <translation>来自舆情预警：其 %1 张工单将关联到这条舆情。</translation>
    </message>
    <message>
        <source>Choose screenshots</source>
        <translation>选择截图</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Registering the incident</source>
        <translation>正在登记舆情</translation>
    </message>
</context>
<context>
    <name>OrderImportDialog</name>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the saved column mappings</source>
        <translation>正在读取已保存的列对应</translation>
    </message>
    <message>
        <source>Import a platform&apos;s order export</source>
        <translation>导入平台的订单导出文件</translation>
    </message>
    <message>
        <source>Export the orders from the shop&apos;s back office (抖店, 快手, 淘宝 or 视频号) as CSV or Excel and choose the file. The platform is recognised from its column names; orders already imported are updated, never added twice. The whole file is imported or nothing is. Only the masked phone, the nickname and province + city are kept.</source>
        <translation>在店铺后台（抖店、快手、淘宝或视频号）把订单导出为 CSV 或 Excel，再选择这个文件。平台按列名自动识别；已导入过的订单只会更新，不会重复新增。整个文件要么全部导入，要么一行也不导入。只保留脱敏手机号、昵称和省市。</translation>
    </message>
    <message>
        <source>Recognise automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Match the columns manually…</source>
        <translation>手动对应列…</translation>
    </message>
    <message>
        <source>Only the owner and customer service may import orders.</source>
        <translation>只有店主和客服可以导入订单。</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Reading the column names</source>
        <translation>正在读取列名</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Sub-order no.</source>
        <translation>子订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后状态</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>省市</translation>
    </message>
    <message>
        <source>Orders are matched to the session they were paid in and to the product by its SKU. Importing the same file again adds nothing.</source>
        <translation>订单按支付时间归入对应场次，按商品编码对应到商品。再次导入同一文件不会新增订单。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose an order export</source>
        <translation>选择订单导出文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx);;CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Checking “%1”…</source>
        <translation>正在检查“%1”…</translation>
    </message>
    <message>
        <source>Checking the order export</source>
        <translation>正在检查订单文件</translation>
    </message>
    <message>
        <source>If you know the platform, choose it above and the file is read again.</source>
        <translation>如果知道是哪个平台的导出，请在上方选择平台，文件会重新读取。</translation>
    </message>
    <message>
        <source>Recognised as a %1 order export.</source>
        <translation>识别为%1的订单导出。</translation>
    </message>
    <message>
        <source>Read as a %1 export.</source>
        <translation>按%1的导出格式读取。</translation>
    </message>
    <message>
        <source>Columns read: %1. Other columns are not imported.</source>
        <translation>读取的列：%1。其他列不导入。</translation>
    </message>
    <message>
        <source>%1 new orders, %2 updated, %3 unchanged.</source>
        <translation>%1 个新订单，%2 个更新，%3 个不变。</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>可以导入。</translation>
    </message>
    <message>
        <source>Everything is already imported.</source>
        <translation>这些订单都已导入过，无需再导入。</translation>
    </message>
    <message>
        <source>The first %1 rows as they will be stored:</source>
        <translation>前 %1 行（按保存后的样子显示）：</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>正在导入“%1”…</translation>
    </message>
    <message>
        <source>Importing orders</source>
        <translation>正在导入订单</translation>
    </message>
    <message>
        <source>“%1” imported: %2 new orders, %3 updated, %4 unchanged.</source>
        <translation>“%1”已导入：新增 %2 个订单，更新 %3 个，%4 个不变。</translation>
    </message>
</context>
<context>
    <name>OrderMappingPage</name>
    <message>
        <source>Match the file&apos;s columns</source>
        <translation>对应文件的列</translation>
    </message>
    <message>
        <source>Orders are from:</source>
        <translation>订单来自：</translation>
    </message>
    <message>
        <source>e.g. warehouse ERP export — leave empty to use it once</source>
        <translation>如：仓库 ERP 导出 —— 留空则只用这一次</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Fields marked * are needed. Street addresses and full names are not kept: only province + city and the surname with stars.</source>
        <translation>带 * 的必须选。详细地址和全名不会保存：只保留省市和“姓氏加星号”。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>“%1” is not an export StudioDesk knows. For each order field choose the column of the file that holds it. Saved under a name, files with these columns are recognised next time.</source>
        <translation>认不出“%1”的格式。请为每个订单字段选出文件中对应的那一列。起个名字保存后，下次遇到同样列名的文件会自动识别。</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>（请选择一列）</translation>
    </message>
    <message>
        <source>(not in this file)</source>
        <translation>（文件中没有）</translation>
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
    <name>OwnerPicker</name>
    <message>
        <source>Assign %1 tickets</source>
        <translation>指派 %1 张工单</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>不指派（清空负责人）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
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
    <name>PreliveExport</name>
    <message>
        <source>pre-live-sheet</source>
        <translation>开播单</translation>
    </message>
    <message>
        <source>Save the pre-live sheet</source>
        <translation>保存开播单</translation>
    </message>
    <message>
        <source>Building the pre-live sheet</source>
        <translation>正在生成开播单</translation>
    </message>
    <message>
        <source>Pre-live sheet saved</source>
        <translation>开播单已保存</translation>
    </message>
    <message>
        <source>The pre-live sheet was saved to:</source>
        <translation>开播单已保存到：</translation>
    </message>
    <message>
        <source>Pre-live sheet not saved</source>
        <translation>开播单未保存</translation>
    </message>
    <message>
        <source>The pre-live sheet could not be saved to %1.</source>
        <translation>开播单无法保存到 %1。</translation>
    </message>
</context>
<context>
    <name>PriceChangeDialog</name>
    <message>
        <source>Change the price on air</source>
        <translation>直播中改价</translation>
    </message>
    <message>
        <source>On air: %1 · now %2</source>
        <translation>在播：%1 · 现价 %2</translation>
    </message>
    <message>
        <source>New price in yuan, e.g. 19.90</source>
        <translation>新价格（元），例如 19.90</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <source>New price (¥)</source>
        <translation>新价格（元）</translation>
    </message>
    <message>
        <source>The timeline gets a new row at the new price from now on.</source>
        <translation>从现在起，在播时间线按新价格新增一行。</translation>
    </message>
    <message>
        <source>Type the new price in yuan, e.g. 19.90</source>
        <translation>请输入新价格（元），例如 19.90</translation>
    </message>
    <message>
        <source>That is the price on air already: %1</source>
        <translation>在播价已经是 %1</translation>
    </message>
</context>
<context>
    <name>PriceFields</name>
    <message>
        <source>Live price (¥)</source>
        <translation>直播价（元）</translation>
    </message>
    <message>
        <source>e.g. 59.90</source>
        <translation>例如 59.90</translation>
    </message>
    <message>
        <source>Claimed original price (¥)</source>
        <translation>原价 / 划线价（元）</translation>
    </message>
    <message>
        <source>Leave empty when no struck-through price is shown</source>
        <translation>不展示划线价时留空</translation>
    </message>
    <message>
        <source>7-day lowest price (¥)</source>
        <translation>前 7 日最低成交价（元）</translation>
    </message>
    <message>
        <source>Leave empty to take it from earlier sessions</source>
        <translation>留空则取往场成交价</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, e.g. 59.90</source>
        <translation>请输入以元为单位的金额，例如 59.90</translation>
    </message>
    <message>
        <source>Enter the live price</source>
        <translation>请填写直播价</translation>
    </message>
</context>
<context>
    <name>ProductDetailPanel</name>
    <message>
        <source>Select a product to see its papers</source>
        <translation>选择一个商品，查看它的资质</translation>
    </message>
    <message>
        <source>Papers on file</source>
        <translation>已存资质</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>资质</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>持有方</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Edit product…</source>
        <translation>编辑商品…</translation>
    </message>
    <message>
        <source>Add paper…</source>
        <translation>上传资质…</translation>
    </message>
    <message>
        <source>Only the owner and operators change products and papers.</source>
        <translation>只有店主和场控可以修改商品与资质。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Three guarantees (三包)</source>
        <translation>三包</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停售</translation>
    </message>
    <message>
        <source>Cannot join a lineup: a required paper has lapsed (the owner may override with a reason).</source>
        <translation>不能加入排品：有必备资质已过期（店主可写明理由后放行）。</translation>
    </message>
    <message>
        <source>Every required paper is on file and valid.</source>
        <translation>必备资质齐全且都在有效期内。</translation>
    </message>
    <message>
        <source>Ready, but a paper expires soon: renew it.</source>
        <translation>可以排品，但有资质即将过期，请尽快更新。</translation>
    </message>
    <message>
        <source>Not ready: a required paper is missing or its dates are wrong.</source>
        <translation>未就绪：缺少必备资质，或资质日期有误。</translation>
    </message>
    <message>
        <source>held by the product</source>
        <translation>商品资质</translation>
    </message>
    <message>
        <source>held by the supplier</source>
        <translation>供应商资质</translation>
    </message>
    <message>
        <source>Required papers</source>
        <translation>必备资质</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>为何需要：%1</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>(no file)</source>
        <translation>（无文件）</translation>
    </message>
    <message>
        <source>Double-click to open the file</source>
        <translation>双击打开文件</translation>
    </message>
    <message>
        <source>Papers on file (%1)</source>
        <translation>已存资质（%1 份）</translation>
    </message>
</context>
<context>
    <name>ProductEditDialog</name>
    <message>
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>Edit product %1</source>
        <translation>编辑商品 %1</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>A brand adds the trademark certificate and brand authorisation</source>
        <translation>填写品牌后，还须提供商标注册证和品牌授权书</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>(no supplier)</source>
        <translation>（无供应商）</translation>
    </message>
    <message>
        <source>List price (yuan)</source>
        <translation>标价（元）</translation>
    </message>
    <message>
        <source>e.g. 59.90</source>
        <translation>例如 59.90</translation>
    </message>
    <message>
        <source>Three guarantees</source>
        <translation>三包</translation>
    </message>
    <message>
        <source>Covered: repair, replacement, refund</source>
        <translation>享受三包（包修、包换、包退）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Type the price in yuan, e.g. 59.90 (up to two decimals).</source>
        <translation>请按元填写价格，例如 59.90（最多两位小数）。</translation>
    </message>
    <message>
        <source>Saving the product</source>
        <translation>正在保存商品</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Import products from a spreadsheet</source>
        <translation>从表格导入商品</translation>
    </message>
    <message>
        <source>A CSV or Excel (.xlsx) file: row 1 names the columns, then one product per row. A SKU already on file updates that product; a new SKU adds one. The whole file is imported or nothing is.</source>
        <translation>选择 CSV 或 Excel（.xlsx）表格：第 1 行是列名，之后每行一个商品。已有的商品编码会更新该商品，新编码会新增商品。整个文件要么全部导入，要么一行也不导入。</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列名：%1</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Save a template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>A blank spreadsheet with the column names and one example row, to fill in</source>
        <translation>空白导入表格，含列名和一行示例，填好后即可导入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Products on file that this import will change:</source>
        <translation>导入后会改动的已有商品：</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Only the owner and operators may import products; you can check a file here.</source>
        <translation>只有店主和场控可以导入商品；你可以在这里检查表格。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a product spreadsheet</source>
        <translation>选择商品表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx);;CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking “%1”…</source>
        <translation>正在检查“%1”…</translation>
    </message>
    <message>
        <source>Checking the spreadsheet</source>
        <translation>正在检查表格</translation>
    </message>
    <message>
        <source>%1 rows, %2 problem(s). Nothing is imported until every one is fixed: correct the spreadsheet, save it and choose it again.</source>
        <translation>共 %1 行，有 %2 处问题。全部改正之前不会导入任何商品：请在表格里改好、保存，再重新选择该文件。</translation>
    </message>
    <message>
        <source>%1 new products, %2 updates, %3 unchanged. Ready to import.</source>
        <translation>%1 个新商品，%2 个更新，%3 个不变。可以导入。</translation>
    </message>
    <message>
        <source>All %1 products in this file are already on file as they are: nothing to import.</source>
        <translation>表格中的 %1 个商品都已存在且没有变化，没有需要导入的内容。</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 处</translation>
    </message>
    <message>
        <source>The file could not be checked: %1</source>
        <translation>无法检查该文件：%1</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>正在导入“%1”…</translation>
    </message>
    <message>
        <source>Importing products</source>
        <translation>正在导入商品</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>product-import-template</source>
        <translation>商品导入模板</translation>
    </message>
    <message>
        <source>Saving the template</source>
        <translation>正在保存模板</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
</context>
<context>
    <name>ProductStates</name>
    <message>
        <source>Complete</source>
        <translation>齐全</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <source>Papers missing</source>
        <translation>缺资质</translation>
    </message>
    <message>
        <source>Date error</source>
        <translation>日期有误</translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation>类目未知</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Expiry date before issue date</source>
        <translation>有效期早于发证日期</translation>
    </message>
    <message>
        <source>Lapsed %1 days ago (%2)</source>
        <translation>已过期 %1 天（%2）</translation>
    </message>
    <message>
        <source>Expires today (%1)</source>
        <translation>今天到期（%1）</translation>
    </message>
    <message>
        <source>Expires in %1 days (%2)</source>
        <translation>%1 天后到期（%2）</translation>
    </message>
    <message>
        <source>Valid, no expiry</source>
        <translation>有效，长期</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>资质状态</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>最近到期</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（已停售）</translation>
    </message>
    <message>
        <source>%1 required papers need attention</source>
        <translation>%1 项必备资质需处理</translation>
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
        <source>Search SKU, name, brand or supplier</source>
        <translation>搜索商品编码、名称、品牌或供应商</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>All papers states</source>
        <translation>全部资质状态</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>显示已停售</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>新增商品…</translation>
    </message>
    <message>
        <source>Import products…</source>
        <translation>导入商品…</translation>
    </message>
    <message>
        <source>Suppliers…</source>
        <translation>供应商…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Reading products</source>
        <translation>正在读取商品</translation>
    </message>
    <message>
        <source>Reading categories</source>
        <translation>正在读取类目</translation>
    </message>
    <message>
        <source>%1 products · %2 need attention · papers judged on %3</source>
        <translation>共 %1 个商品 · %2 个需处理 · 资质按 %3 核验</translation>
    </message>
    <message>
        <source>No product matches these filters.</source>
        <translation>没有符合筛选条件的商品。</translation>
    </message>
    <message>
        <source>No products yet: add one, or import a spreadsheet of them.</source>
        <translation>还没有商品：点“新增商品”逐个添加，或用“导入商品”从表格批量导入。</translation>
    </message>
    <message>
        <source>Could not read the products: %1</source>
        <translation>无法读取商品：%1</translation>
    </message>
    <message>
        <source>Reading the product</source>
        <translation>正在读取商品详情</translation>
    </message>
    <message>
        <source>Product %1 added.</source>
        <translation>已新增商品 %1。</translation>
    </message>
    <message>
        <source>Product %1 saved.</source>
        <translation>商品 %1 已保存。</translation>
    </message>
    <message>
        <source>Paper added.</source>
        <translation>资质已上传。</translation>
    </message>
    <message>
        <source>Products imported.</source>
        <translation>商品已导入。</translation>
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
    <name>PromiseCorrectionDialog</name>
    <message>
        <source>Wording (Enter saves, Shift+Enter new line, Esc cancels)</source>
        <translation>原话（回车保存，Shift+回车换行，Esc 取消）</translation>
    </message>
    <message>
        <source>Please write the wording as it should stand on the record.</source>
        <translation>请填写应记录在案的原话。</translation>
    </message>
</context>
<context>
    <name>PromiseCorrections</name>
    <message>
        <source>No session is live: plan one on the Sessions page</source>
        <translation>没有正在直播的场次，请先在“场次”页排一场</translation>
    </message>
    <message>
        <source>This session has not gone live yet: press “Go live” first</source>
        <translation>本场尚未开播，请先点“开播”</translation>
    </message>
    <message>
        <source>This session has ended: nothing more happens on air</source>
        <translation>本场已下播，不能再做直播中的操作</translation>
    </message>
    <message>
        <source>On-air correction (Ctrl+K)</source>
        <translation>口误更正 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Fix the record (Ctrl+E)</source>
        <translation>更正记录 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Retract (Ctrl+R)</source>
        <translation>撤回 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Change price (Ctrl+P)</source>
        <translation>改价 (Ctrl+P)</translation>
    </message>
    <message>
        <source>No promise logged in this session yet</source>
        <translation>本场还没有记录承诺</translation>
    </message>
    <message>
        <source>No promise to correct: none is logged in this session yet</source>
        <translation>没有可更正的承诺：本场还没有记录</translation>
    </message>
    <message>
        <source>#%1 is a retraction entry; it cannot be corrected</source>
        <translation>#%1 是一条撤回记录，不能再更正</translation>
    </message>
    <message>
        <source>#%1 is %2: correct the newest entry #%3 instead</source>
        <translation>#%1 %2，请更正最新的那条 #%3</translation>
    </message>
    <message>
        <source>Retract #%1</source>
        <translation>撤回 #%1</translation>
    </message>
    <message>
        <source>Retract</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Only for a promise logged by mistake: the entry stays on the record, marked as retracted.</source>
        <translation>仅用于误记的承诺：原记录仍会保留，并标为已撤回。</translation>
    </message>
    <message>
        <source>On-air correction of #%1</source>
        <translation>口误更正 #%1</translation>
    </message>
    <message>
        <source>Fix the record of #%1</source>
        <translation>更正记录 #%1</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>The host corrected herself on air: the new wording counts from now.</source>
        <translation>主播已在直播中口头更正：新说法从现在起生效。</translation>
    </message>
    <message>
        <source>The log had a typo: the corrected entry keeps the original time.</source>
        <translation>记录有笔误：更正后的记录保留原来的时间。</translation>
    </message>
    <message>
        <source>Retracted #%1 (entry #%2)</source>
        <translation>已撤回 #%1（撤回记录 #%2）</translation>
    </message>
    <message>
        <source>Corrected #%1 → #%2</source>
        <translation>已更正 #%1 → #%2</translation>
    </message>
    <message>
        <source>Nothing is on air: press 1–9 to put a product on air first</source>
        <translation>当前没有在播商品：请先按 1–9 上播商品</translation>
    </message>
    <message>
        <source>Price of %1 changed: %2 → %3</source>
        <translation>%1 已改价：%2 → %3</translation>
    </message>
</context>
<context>
    <name>PromiseEntry</name>
    <message>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Type what the host said, e.g. %1</source>
        <translation>照录主播原话，例如：%1</translation>
    </message>
    <message>
        <source>Terms read: %1</source>
        <translation>识别条款：%1</translation>
    </message>
    <message>
        <source>Terms read: none yet</source>
        <translation>识别条款：暂无</translation>
    </message>
    <message>
        <source>Draft restored</source>
        <translation>已恢复未保存的草稿</translation>
    </message>
</context>
<context>
    <name>PromiseSheetExport</name>
    <message>
        <source>promise-sheet</source>
        <translation>承诺单</translation>
    </message>
    <message>
        <source>Save the promise sheet</source>
        <translation>保存承诺单</translation>
    </message>
    <message>
        <source>Building the promise sheet</source>
        <translation>正在生成承诺单</translation>
    </message>
    <message>
        <source>Promise sheet saved</source>
        <translation>承诺单已保存</translation>
    </message>
    <message>
        <source>The promise sheet was saved to:</source>
        <translation>承诺单已保存到：</translation>
    </message>
    <message>
        <source>Promise sheet not saved</source>
        <translation>承诺单未保存</translation>
    </message>
    <message>
        <source>The promise sheet could not be saved to %1.</source>
        <translation>承诺单无法保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ProposalStrip</name>
    <message>
        <source>Early warning</source>
        <translation>舆情预警</translation>
    </message>
    <message>
        <source>Register as incident…</source>
        <translation>登记为舆情…</translation>
    </message>
    <message>
        <source>Link to selected incident</source>
        <translation>关联到所选舆情</translation>
    </message>
    <message>
        <source>Link these tickets to %1</source>
        <translation>把这些工单关联到 %1</translation>
    </message>
    <message>
        <source>Select an open incident in the list first</source>
        <translation>请先在列表中选择一条处理中的舆情</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Search ticket, summary, buyer or order number</source>
        <translation>搜索工单号、摘要、买家昵称或订单号</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Save view as…</source>
        <translation>另存为视图…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Click to show every deadline again</source>
        <translation>点击取消到期筛选</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>建单日期</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>全部主播</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>Several owners</source>
        <translation>多位负责人</translation>
    </message>
    <message>
        <source>Due by the end of today ✕</source>
        <translation>今日到期 ✕</translation>
    </message>
    <message>
        <source>Overdue ✕</source>
        <translation>已逾期 ✕</translation>
    </message>
    <message>
        <source>Past a legal deadline ✕</source>
        <translation>已过法定期限 ✕</translation>
    </message>
    <message>
        <source>Reading saved views</source>
        <translation>正在读取已存视图</translation>
    </message>
    <message>
        <source>(no saved view)</source>
        <translation>（未选视图）</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>Saving the view</source>
        <translation>正在保存视图</translation>
    </message>
    <message>
        <source>View saved.</source>
        <translation>视图已保存。</translation>
    </message>
    <message>
        <source>Deleting the view</source>
        <translation>正在删除视图</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Write why, so anyone reading the record later understands</source>
        <translation>写明原因，让以后查看记录的人也能看懂</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Please write the reason; it is kept on the record.</source>
        <translation>请填写理由，它会保存在记录中。</translation>
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
    <name>RulesCommon</name>
    <message>
        <source>bundled with StudioDesk</source>
        <translation>软件随附版本</translation>
    </message>
    <message>
        <source>changed by the owner</source>
        <translation>店主修改</translation>
    </message>
    <message>
        <source>Version %1 · checked against its sources on %2 · %3</source>
        <translation>第 %1 版 · %2 已核对依据 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The day you checked this version against its legal sources</source>
        <translation>您对照法规依据核对这一版规则的日期</translation>
    </message>
    <message>
        <source>What changed and why, e.g. 供应商换证慢，提醒提前到 60 天</source>
        <translation>改了什么、为什么改，例如：供应商换证慢，提醒提前到 60 天</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>核对日期</translation>
    </message>
    <message>
        <source>What changed and why</source>
        <translation>修改内容与依据</translation>
    </message>
    <message>
        <source>Back to the bundled version…</source>
        <translation>恢复为随附版本…</translation>
    </message>
    <message>
        <source>Only the owner may change rules; you can read them here.</source>
        <translation>只有店主可以修改规则；您可以在这里查看。</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>Document requirements</source>
        <translation>资质要求</translation>
    </message>
    <message>
        <source>Pre-live checklist</source>
        <translation>开播检查模板</translation>
    </message>
    <message>
        <source>Lexicon</source>
        <translation>违规词库</translation>
    </message>
</context>
<context>
    <name>ScoreTile</name>
    <message>
        <source>Open the Service evaluation page</source>
        <translation>打开服务评价页面</translation>
    </message>
    <message>
        <source>Monthly service score</source>
        <translation>月度服务评分</translation>
    </message>
    <message>
        <source>Monthly service score: nothing signed yet</source>
        <translation>月度服务评分：尚无已签署的评价</translation>
    </message>
    <message>
        <source>Click to evaluate %1.</source>
        <translation>点击评价 %1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 service score&lt;/b&gt; · %2 · signed v%3</source>
        <translation>&lt;b&gt;%1 服务评分&lt;/b&gt; · %2 · 已签署 v%3</translation>
    </message>
    <message>
        <source>%1 not signed yet</source>
        <translation>%1 尚未签署</translation>
    </message>
    <message>
        <source>Moved most: %1</source>
        <translation>变化最大：%1</translation>
    </message>
    <message>
        <source>Signed figures only (the month before is not signed to compare).</source>
        <translation>仅显示已签署数据（上一个月未签署，无法对比）。</translation>
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
        <source>Loading the studio&apos;s lexicon</source>
        <translation>正在读取本店违规词库</translation>
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
    <name>SessionCard</name>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已复盘</translation>
    </message>
    <message>
        <source>Gate overridden by the owner</source>
        <translation>店主已越过开播检查</translation>
    </message>
    <message>
        <source>Checklist not started</source>
        <translation>开播检查未开始</translation>
    </message>
    <message>
        <source>%1 items to go</source>
        <translation>还差 %1 项</translation>
    </message>
    <message>
        <source>Checklist complete</source>
        <translation>开播检查已完成</translation>
    </message>
</context>
<context>
    <name>SessionPlanDialog</name>
    <message>
        <source>Edit session</source>
        <translation>编辑场次</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>场次标题</translation>
    </message>
    <message>
        <source>e.g. 12月02日 源头工厂直供</source>
        <translation>例如：12月02日 源头工厂直供</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>The shop this stream sells in</source>
        <translation>本场带货的店铺</translation>
    </message>
    <message>
        <source>(%1 time)</source>
        <translation>（%1 时间）</translation>
    </message>
    <message>
        <source>Planned start %1</source>
        <translation>计划开播 %1</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>Hosts on camera</source>
        <translation>出镜主播</translation>
    </message>
    <message>
        <source> (verification incomplete)</source>
        <translation>（核验未完成）</translation>
    </message>
</context>
<context>
    <name>SessionPromisesTab</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Corrected or retracted</source>
        <translation>已更正或撤回</translation>
    </message>
    <message>
        <source>“Corrected or retracted”: promises no longer in force and the retractions that took them back</source>
        <translation>“已更正或撤回”：已不再有效的承诺，以及撤回它们的记录</translation>
    </message>
    <message>
        <source>Search the wording…</source>
        <translation>搜索原话…</translation>
    </message>
    <message>
        <source>Print promise sheet…</source>
        <translation>打印承诺单…</translation>
    </message>
    <message>
        <source>The promise sheet (PDF) with every promise and correction, for the host and operator to sign</source>
        <translation>本场全部承诺及更正的承诺单（PDF），供主播和场控签字</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Said at</source>
        <translation>承诺时间</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>开播后</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>原话</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>存证哈希</translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>未选择场次。</translation>
    </message>
    <message>
        <source>Reading the promises</source>
        <translation>正在读取承诺记录</translation>
    </message>
    <message>
        <source>Could not read the promises: %1</source>
        <translation>无法读取承诺记录：%1</translation>
    </message>
    <message>
        <source>(no product)</source>
        <translation>（未指定商品）</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>No promises yet: they are logged from the live console once the session is live.</source>
        <translation>本场还没有记录承诺：开播后在直播中控台记录。</translation>
    </message>
    <message>
        <source>No promise was logged in this session.</source>
        <translation>本场没有记录承诺。</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / 共 %2 条</translation>
    </message>
    <message>
        <source>no promise matches the filters</source>
        <translation>没有符合筛选条件的承诺</translation>
    </message>
    <message>
        <source>corrected on air #%1</source>
        <translation>口误更正 #%1</translation>
    </message>
    <message>
        <source>amends #%1</source>
        <translation>更正 #%1</translation>
    </message>
    <message>
        <source>Ledger entry %1: %2</source>
        <translation>存证记录第 %1 条：%2</translation>
    </message>
    <message>
        <source>No ledger entry vouches for this row</source>
        <translation>这条记录没有对应的存证</translation>
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
        <source>New session…</source>
        <translation>新建场次…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Edit session…</source>
        <translation>编辑场次…</translation>
    </message>
    <message>
        <source>Print pre-live sheet…</source>
        <translation>打印开播单…</translation>
    </message>
    <message>
        <source>Lineup</source>
        <translation>商品排期</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Pre-live checklist</source>
        <translation>开播检查</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺记录</translation>
    </message>
    <message>
        <source>Reading sessions</source>
        <translation>正在读取场次</translation>
    </message>
    <message>
        <source>Reading the session</source>
        <translation>正在读取场次详情</translation>
    </message>
    <message>
        <source>Could not read: %1</source>
        <translation>读取失败：%1</translation>
    </message>
    <message>
        <source>No session yet</source>
        <translation>还没有直播场次</translation>
    </message>
    <message>
        <source>Press “New session…” to plan the first stream. The script check in the Script tab works already.</source>
        <translation>点“新建场次…”规划第一场直播。“话术”标签页里的话术检查现在就能用。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未安排</translation>
    </message>
    <message>
        <source>Hosts: %1</source>
        <translation>主播：%1</translation>
    </message>
    <message>
        <source>Reading staff</source>
        <translation>正在读取员工</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The studio&apos;s profile, staff accounts, language, backups and rules.</source>
        <translation>直播间资料、员工账号、界面语言、备份与规则。</translation>
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
    <message>
        <source>Rules</source>
        <translation>规则</translation>
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
    <name>StatusPicker</name>
    <message>
        <source>Change the status of %1 tickets</source>
        <translation>修改 %1 张工单的状态</translation>
    </message>
    <message>
        <source>Needed for a rejection</source>
        <translation>驳回时必填</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>A rejection needs its reason</source>
        <translation>驳回工单须写明理由</translation>
    </message>
</context>
<context>
    <name>SuppliersDialog</name>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>合作中</translation>
    </message>
    <message>
        <source>New supplier</source>
        <translation>新增供应商</translation>
    </message>
    <message>
        <source>18 characters, as on the business licence</source>
        <translation>18 位，与营业执照一致</translation>
    </message>
    <message>
        <source>A name and a masked phone, e.g. 王经理 138****1234</source>
        <translation>姓名和打码的电话，例如 王经理 138****1234</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>We buy from them</source>
        <translation>正在合作</translation>
    </message>
    <message>
        <source>Add another instead</source>
        <translation>改为新增供应商</translation>
    </message>
    <message>
        <source>Add supplier</source>
        <translation>添加供应商</translation>
    </message>
    <message>
        <source>Only the owner and operators change suppliers.</source>
        <translation>只有店主和场控可以修改供应商。</translation>
    </message>
    <message>
        <source>Reading suppliers</source>
        <translation>正在读取供应商</translation>
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
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Saving the supplier</source>
        <translation>正在保存供应商</translation>
    </message>
    <message>
        <source>Supplier %1 saved.</source>
        <translation>供应商 %1 已保存。</translation>
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
    <name>TicketBulk</name>
    <message>
        <source>Assigned %1 of %2 tickets.</source>
        <translation>已指派 %1 张工单（共选 %2 张）。</translation>
    </message>
    <message>
        <source>Changed the status of %1 of %2 tickets.</source>
        <translation>已改状态 %1 张工单（共选 %2 张）。</translation>
    </message>
    <message>
        <source>%1 not changed:</source>
        <translation>%1 张未改动：</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <source>No ticket selected</source>
        <translation>未选择工单</translation>
    </message>
    <message>
        <source>Choose a ticket in the queue to see its deadlines, timeline and what to do next.</source>
        <translation>在左侧队列中选择一个工单，查看它的各项时限、处理记录和下一步操作。</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>账本条目</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Reply from template…</source>
        <translation>模板回复…</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>上传附件…</translation>
    </message>
    <message>
        <source>Link promise…</source>
        <translation>关联承诺…</translation>
    </message>
    <message>
        <source>Follow-up call…</source>
        <translation>登记回访…</translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation>导出证据包…</translation>
    </message>
    <message>
        <source>Your role cannot work on tickets</source>
        <translation>你的角色不能处理售后工单</translation>
    </message>
    <message>
        <source>Linked promises</source>
        <translation>关联的直播承诺</translation>
    </message>
    <message>
        <source>Said at</source>
        <translation>承诺时间</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>原话</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 哈希</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Reading the ticket</source>
        <translation>正在读取工单</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>不指派</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Repair (three guarantees)</source>
        <translation>维修（三包）</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Promise claim</source>
        <translation>承诺兑现</translation>
    </message>
    <message>
        <source>Price protection</source>
        <translation>价保</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>No reason (7-day)</source>
        <translation>七天无理由</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>法定</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due within 24 h</source>
        <translation>24 小时内到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Legal line breached</source>
        <translation>已超法定时限</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>超时达成</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ended (buyer&apos;s window)</source>
        <translation>已届满（买家期限）</translation>
    </message>
    <message>
        <source>Owner: %1    Buyer: %2    Opened: %3</source>
        <translation>负责人：%1    买家：%2    建单：%3</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Rejected because: %1</source>
        <translation>驳回理由：%1</translation>
    </message>
    <message>
        <source>No order: %1</source>
        <translation>无关联订单：%1</translation>
    </message>
    <message>
        <source>Order %1 on %2: %3 × %4, %5</source>
        <translation>订单 %1（%2）：%3 × %4，%5</translation>
    </message>
    <message>
        <source>Paid %1 · Shipped %2 · Signed for %3</source>
        <translation>付款 %1 · 发货 %2 · 签收 %3</translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation>所属场次：%1</translation>
    </message>
    <message>
        <source>not attributed to a session</source>
        <translation>未归属场次</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>约束</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>No open binding deadline</source>
        <translation>没有进行中的约束性时限</translation>
    </message>
    <message>
        <source>No ledger entry vouches for this step</source>
        <translation>这一步没有账本条目佐证</translation>
    </message>
    <message>
        <source>(missing or changed in the vault)</source>
        <translation>（证据库中缺失或已被改动）</translation>
    </message>
    <message>
        <source>Reject the request</source>
        <translation>驳回售后申请</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>The reason is kept on the ticket&apos;s record and may be shown to the platform.</source>
        <translation>驳回理由会保存在工单记录中，平台申诉时可能需要出示。</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Note (internal, not sent)</source>
        <translation>备注（内部可见，不发给买家）</translation>
    </message>
    <message>
        <source>What happened, what was agreed, what to check</source>
        <translation>发生了什么、和买家约定了什么、还要核实什么</translation>
    </message>
    <message>
        <source>Attach a file to the ticket</source>
        <translation>为工单上传附件</translation>
    </message>
    <message>
        <source>Choose a linked promise first.</source>
        <translation>请先选中一条关联的承诺。</translation>
    </message>
    <message>
        <source>Choose an attachment first.</source>
        <translation>请先选中一个附件。</translation>
    </message>
</context>
<context>
    <name>TicketFollowUpDialog</name>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Follow-up call on ticket %1</source>
        <translation>回访工单 %1</translation>
    </message>
    <message>
        <source>Reached the buyer</source>
        <translation>已联系上买家</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>What the buyer said</source>
        <translation>买家的反馈</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record call</source>
        <translation>记录回访</translation>
    </message>
</context>
<context>
    <name>TicketPromiseLinkDialog</name>
    <message>
        <source>Link a promise</source>
        <translation>关联承诺</translation>
    </message>
    <message>
        <source>Link a promise said on air to ticket %1</source>
        <translation>为工单 %1 关联直播间承诺</translation>
    </message>
    <message>
        <source>Promises in force from the order&apos;s session about its product or the whole session:</source>
        <translation>订单所属场次中仍有效、针对该商品或全场的承诺：</translation>
    </message>
    <message>
        <source>No promise of this order&apos;s session to suggest.</source>
        <translation>该订单所属场次没有可关联的承诺。</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
</context>
<context>
    <name>TicketQueue</name>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Repair (three guarantees)</source>
        <translation>维修（三包）</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Promise claim</source>
        <translation>承诺兑现</translation>
    </message>
    <message>
        <source>Price protection</source>
        <translation>价保</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>No-reason return (7 days)</source>
        <translation>七天无理由</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Legal deadline passed</source>
        <translation>已过法定期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>已超 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>还剩 %1</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>建单时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
</context>
<context>
    <name>TicketReplyDialog</name>
    <message>
        <source>Reply to the buyer</source>
        <translation>回复买家</translation>
    </message>
    <message>
        <source>Reply on ticket %1</source>
        <translation>回复工单 %1</translation>
    </message>
    <message>
        <source>No template (write the reply)</source>
        <translation>不用模板（自己写）</translation>
    </message>
    <message>
        <source>The reply as sent to the buyer</source>
        <translation>发给买家的回复原文</translation>
    </message>
    <message>
        <source>Record reply</source>
        <translation>记录回复</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>回复模板</translation>
    </message>
    <message>
        <source>Reply (you can edit it before recording)</source>
        <translation>回复内容（记录前可修改）</translation>
    </message>
    <message>
        <source>Write the reply or choose a template.</source>
        <translation>请填写回复内容或选择模板。</translation>
    </message>
</context>
<context>
    <name>TicketTray</name>
    <message>
        <source>%1 tickets come due within the warning window</source>
        <translation>%1 张售后工单即将到期</translation>
    </message>
    <message>
        <source>%1 · %2 · due %3</source>
        <translation>%1 · %2 · %3 到期</translation>
    </message>
    <message>
        <source>and %1 more — click to open the queue</source>
        <translation>另有 %1 张，点击打开工单队列</translation>
    </message>
    <message>
        <source>Click to open the queue.</source>
        <translation>点击打开工单队列。</translation>
    </message>
    <message>
        <source>StudioDesk: after-sales reminders</source>
        <translation>直播售后服务台：售后到期提醒</translation>
    </message>
    <message>
        <source>Checking ticket deadlines</source>
        <translation>正在检查工单期限</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <source>Select a ticket to see it here.</source>
        <translation>选中一张工单，在这里查看详情。</translation>
    </message>
    <message>
        <source>After-sales tickets</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <source>Work the queue sorted by the nearest binding deadline.</source>
        <translation>按最近的约束时限排序处理工单。</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>新建工单…</translation>
    </message>
    <message>
        <source>Assign selected…</source>
        <translation>批量指派…</translation>
    </message>
    <message>
        <source>Change status of selected…</source>
        <translation>批量改状态…</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Reading staff and sessions</source>
        <translation>正在读取人员和场次</translation>
    </message>
    <message>
        <source>Reading the queue</source>
        <translation>正在读取工单队列</translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Load more (%1 of %2 shown)</source>
        <translation>加载更多（已显示 %1 / %2 条）</translation>
    </message>
    <message>
        <source>Ticket %1 opened.</source>
        <translation>已新建工单 %1。</translation>
    </message>
    <message>
        <source>Assigning tickets</source>
        <translation>正在指派工单</translation>
    </message>
    <message>
        <source>Changing ticket statuses</source>
        <translation>正在修改工单状态</translation>
    </message>
</context>
<context>
    <name>VaultFiles</name>
    <message>
        <source>Opening the file</source>
        <translation>正在打开文件</translation>
    </message>
</context>
<context>
    <name>XlsxExport</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Building the Excel file</source>
        <translation>正在生成 Excel 文件</translation>
    </message>
    <message>
        <source>Excel file saved</source>
        <translation>Excel 文件已保存</translation>
    </message>
    <message>
        <source>The Excel file was saved to:</source>
        <translation>Excel 文件已保存到：</translation>
    </message>
    <message>
        <source>Excel file not saved</source>
        <translation>Excel 文件未保存</translation>
    </message>
    <message>
        <source>The Excel file could not be saved to %1.</source>
        <translation>Excel 文件无法保存到 %1。</translation>
    </message>
    <message>
        <source>service-kpis</source>
        <translation>服务指标</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
</TS>
