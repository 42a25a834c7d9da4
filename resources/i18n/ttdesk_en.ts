<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>元</source>
        <translation>CNY</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>CNY 10k</translation>
    </message>
    <message>
        <source>记录里程碑</source>
        <translation>Record milestone</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <source>投资方（融资）</source>
        <translation>Investors (financing)</translation>
    </message>
    <message>
        <source>政府基金参投（拨投联动）</source>
        <translation>Government fund alongside (grant-linked)</translation>
    </message>
    <message>
        <source>转化企业跟踪</source>
        <translation>Spin-off follow-up</translation>
    </message>
    <message>
        <source>投资方</source>
        <translation>Investors</translation>
    </message>
    <message>
        <source>政府基金</source>
        <translation>Government fund</translation>
    </message>
    <message>
        <source>支持类型</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>提供方</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>成果</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <source>记录里程碑…</source>
        <translation>Record milestone…</translation>
    </message>
    <message>
        <source>删除所选里程碑</source>
        <translation>Delete selected milestone</translation>
    </message>
    <message>
        <source>&lt;b&gt;里程碑&lt;/b&gt;</source>
        <translation>&lt;b&gt;Milestones&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;成果获得的支持&lt;/b&gt;（概念验证、中试、创新券、孵化服务）</source>
        <translation>&lt;b&gt;Support received by the achievements&lt;/b&gt; (concept verification, pilot test, innovation voucher, incubator service)</translation>
    </message>
    <message>
        <source>创始团队：</source>
        <translation>Founders: </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>完成人关联</source>
        <translation>contributions</translation>
    </message>
    <message>
        <source>转化项目</source>
        <translation>deals</translation>
    </message>
    <message>
        <source>到账</source>
        <translation>receipts</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>项目-成果关联</source>
        <translation>deal links</translation>
    </message>
    <message>
        <source>股权事项</source>
        <translation>equity events</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>检查台账</source>
        <translation>Check the ledger</translation>
    </message>
    <message>
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <source>付款条款</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>首付款（入门费）</source>
        <translation>Upfront payment (entry fee)</translation>
    </message>
    <message>
        <source>提成费率 %</source>
        <translation>Royalty rate %</translation>
    </message>
    <message>
        <source>提成基数</source>
        <translation>Royalty base</translation>
    </message>
    <message>
        <source>年度最低提成</source>
        <translation>Annual minimum royalty</translation>
    </message>
    <message>
        <source>%1 个月</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <source>提成结算周期</source>
        <translation>Royalty period</translation>
    </message>
    <message>
        <source>先使用后付费</source>
        <translation>Use first, pay later</translation>
    </message>
    <message>
        <source>付费方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>付费触发条件</source>
        <translation>Payment trigger</translation>
    </message>
    <message>
        <source>触发条件复核日期</source>
        <translation>Trigger review date</translation>
    </message>
    <message>
        <source>其他付款约定</source>
        <translation>Other payment terms</translation>
    </message>
    <message>
        <source>付款节点</source>
        <translation>Payment milestones</translation>
    </message>
    <message>
        <source>节点名称</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>应付日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>付款条件</source>
        <translation>Payment conditions</translation>
    </message>
    <message>
        <source>股东类型</source>
        <translation>Shareholder type</translation>
    </message>
    <message>
        <source>股东名称</source>
        <translation>Shareholder name</translation>
    </message>
    <message>
        <source>团队成员</source>
        <translation>Team member</translation>
    </message>
    <message>
        <source>创业方式</source>
        <translation>Venture form</translation>
    </message>
    <message>
        <source>领导人员持股报批/备案日期</source>
        <translation>Leader&apos;s equity: approval record date</translation>
    </message>
    <message>
        <source>报批/备案机构</source>
        <translation>Approval record body</translation>
    </message>
    <message>
        <source>报批/备案文号</source>
        <translation>Approval record document no.</translation>
    </message>
    <message>
        <source>增资扩股</source>
        <translation>Capital increase</translation>
    </message>
    <message>
        <source>新增认缴出资</source>
        <translation>New subscribed capital</translation>
    </message>
    <message>
        <source>其中实缴（空=全部实缴）</source>
        <translation>Of which paid in (empty = all paid in)</translation>
    </message>
    <message>
        <source>投资金额（含溢价，空=同认缴）</source>
        <translation>Amount invested (incl. premium; empty = as subscribed)</translation>
    </message>
    <message>
        <source>国有股权</source>
        <translation>State-owned equity</translation>
    </message>
    <message>
        <source>性质</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>股权转让：</source>
        <translation>Equity transfer:</translation>
    </message>
    <message>
        <source>转让出资额（持有 %1）</source>
        <translation>Capital transferred (holding %1)</translation>
    </message>
    <message>
        <source>转让价格</source>
        <translation>Transfer price</translation>
    </message>
    <message>
        <source>股权退出：</source>
        <translation>Equity exit:</translation>
    </message>
    <message>
        <source>退出出资额（持有 %1）</source>
        <translation>Capital withdrawn (holding %1)</translation>
    </message>
    <message>
        <source>退出所得</source>
        <translation>Exit proceeds</translation>
    </message>
    <message>
        <source>受让方（空=公司回购减资）</source>
        <translation>Buyer (empty = company buy-back, capital reduction)</translation>
    </message>
    <message>
        <source>国有股权计提减值</source>
        <translation>State-owned equity impairment</translation>
    </message>
    <message>
        <source>减值金额</source>
        <translation>Impairment</translation>
    </message>
    <message>
        <source>国有股权分红</source>
        <translation>State-owned equity dividend</translation>
    </message>
    <message>
        <source>分红金额</source>
        <translation>Dividend amount</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <source>认缴出资</source>
        <translation>Subscribed capital</translation>
    </message>
    <message>
        <source>实缴（空=全部）</source>
        <translation>Paid in (empty = all)</translation>
    </message>
    <message>
        <source>领导人员报批/备案（日期 机构 文号）</source>
        <translation>Leader&apos;s approval record (date, body, document no.)</translation>
    </message>
    <message>
        <source>作价入股</source>
        <translation>Equity contribution</translation>
    </message>
    <message>
        <source>作价投资合同</source>
        <translation>Equity investment contract</translation>
    </message>
    <message>
        <source>入股日期</source>
        <translation>Contribution date</translation>
    </message>
    <message>
        <source>学校资产经营有限公司</source>
        <translation>University asset management company</translation>
    </message>
    <message>
        <source>出资人</source>
        <translation>Investor</translation>
    </message>
    <message>
        <source>收款</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>修改收款</source>
        <translation>Edit receipt</translation>
    </message>
    <message>
        <source>收款日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>发票号</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <source>提成报告</source>
        <translation>Royalty reports</translation>
    </message>
    <message>
        <source>销售额（提成基数）</source>
        <translation>Sales (royalty base)</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>修改费用</source>
        <translation>Edit cost</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>冲销收款</source>
        <translation>Reverse receipt</translation>
    </message>
    <message>
        <source>冲销费用</source>
        <translation>Reverse cost</translation>
    </message>
    <message>
        <source>冲销日期</source>
        <translation>Reversal date</translation>
    </message>
    <message>
        <source>冲销原因</source>
        <translation>Reason for reversal</translation>
    </message>
    <message>
        <source>登记被许可方提成报告</source>
        <translation>Record the licensee&apos;s royalty report</translation>
    </message>
    <message>
        <source>期间开始</source>
        <translation>Period start</translation>
    </message>
    <message>
        <source>期间结束</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>报告销售额</source>
        <translation>Reported sales</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>报告提成额</source>
        <translation>Reported royalty amount</translation>
    </message>
    <message>
        <source>批准收益分配</source>
        <translation>Approve distribution</translation>
    </message>
    <message>
        <source>批准日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>审批机构</source>
        <translation>Approving body</translation>
    </message>
    <message>
        <source>技术转移中心</source>
        <translation>Technology Transfer Office</translation>
    </message>
    <message>
        <source>奖励公示</source>
        <translation>Reward publicity</translation>
    </message>
    <message>
        <source>公示开始日期</source>
        <translation>Publicity start date</translation>
    </message>
    <message>
        <source>公示渠道</source>
        <translation>Publicity channel</translation>
    </message>
    <message>
        <source>学校信息公开网</source>
        <translation>University disclosure website</translation>
    </message>
    <message>
        <source>登记奖励发放</source>
        <translation>Record reward payment</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>登记公示异议</source>
        <translation>Record publicity objection</translation>
    </message>
    <message>
        <source>异议人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>处理公示异议</source>
        <translation>Handle publicity objection</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>处理日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>异议成立</source>
        <translation>Objection upheld</translation>
    </message>
    <message>
        <source>成立（公示终止，不能按公示发放）</source>
        <translation>Upheld (publicity ended; no payment on this publicity)</translation>
    </message>
    <message>
        <source>冲销记录（冲 #{0}）</source>
        <translation>reversal of #{0}</translation>
    </message>
    <message>
        <source>已冲销（由 #{0}）</source>
        <translation>reversed by #{0}</translation>
    </message>
    <message>
        <source>已列入分配 #{0}</source>
        <translation>in distribution #{0}</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>北京市行动计划（2025–2027）：本单位贡献</source>
        <translation>Beijing Action Plan 2025–2027: our contribution</translation>
    </message>
    <message>
        <source>转化漏斗</source>
        <translation>Funnel</translation>
    </message>
    <message>
        <source>%1 年实际 / 本单位目标</source>
        <translation>%1: actual / our target</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>投产日期</source>
        <translation>Production started</translation>
    </message>
    <message>
        <source>年度营业利润</source>
        <translation>Operating profit of the year</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>营业利润（元）</source>
        <translation>Operating profit (CNY)</translation>
    </message>
    <message>
        <source>来源文件</source>
        <translation>Source document</translation>
    </message>
    <message>
        <source>如 2026 年度审计报告</source>
        <translation>e.g. the 2026 audited accounts</translation>
    </message>
    <message>
        <source>营业利润</source>
        <translation>Operating profit</translation>
    </message>
    <message>
        <source>奖励截止</source>
        <translation>Reward due</translation>
    </message>
    <message>
        <source>收益分配</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>记录投产日期…</source>
        <translation>Record production start…</translation>
    </message>
    <message>
        <source>录入营业利润…</source>
        <translation>Enter operating profit…</translation>
    </message>
    <message>
        <source>自行实施或合作实施：投产后每年按营业利润的一定比例（不低于政策下限）奖励团队，不按收款分配。</source>
        <translation>Self or joint implementation: after production starts, the team is rewarded each year with a share of the operating profit (at least the policy floor), not of receipts.</translation>
    </message>
    <message>
        <source>投产日期：</source>
        <translation>Production started: </translation>
    </message>
    <message>
        <source>未记录</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>导入园区需求清单</source>
        <translation>Import a park&apos;s demand list</translation>
    </message>
    <message>
        <source>园区</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>园区需求清单</source>
        <translation>Park&apos;s demand list</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>导出推广清单</source>
        <translation>Export the supply list</translation>
    </message>
    <message>
        <source>园区（空：全部）</source>
        <translation>Park (empty: all)</translation>
    </message>
    <message>
        <source>技术领域（空：全部）</source>
        <translation>Field (empty: all)</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <source>当前状态不允许此操作</source>
        <translation>Not allowed in the current status</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ActionPlan</name>
    <message>
        <source>合作平台 / 联合实验室（新增合作企业）</source>
        <translation>Cooperation platforms / joint labs (new partner companies)</translation>
    </message>
    <message>
        <source>技术开发 / 咨询 / 服务合同</source>
        <translation>Development / consulting / service contracts</translation>
    </message>
    <message>
        <source>转化创办企业</source>
        <translation>Spin-offs</translation>
    </message>
    <message>
        <source>专精特新企业（首次认定）</source>
        <translation>Specialized-sophisticated SMEs (first recognised)</translation>
    </message>
    <message>
        <source>披露成果</source>
        <translation>Disclosures</translation>
    </message>
    <message>
        <source>签约交易</source>
        <translation>Deals signed</translation>
    </message>
    <message>
        <source>衍生企业</source>
        <translation>Spin-offs</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <source>全部文件</source>
        <translation>All filings</translation>
    </message>
    <message>
        <source>文件编号或对象（成果/项目编号、年度）</source>
        <translation>Filing no. or subject (case / deal no., year)</translation>
    </message>
    <message>
        <source>核验文件…</source>
        <translation>Verify a filing…</translation>
    </message>
    <message>
        <source>附件…</source>
        <translation>Attachments…</translation>
    </message>
    <message>
        <source>选中文件的附件，如签字盖章后的扫描件</source>
        <translation>Attachments of the selected filing, e.g. the signed and stamped scan</translation>
    </message>
    <message>
        <source>归档文件</source>
        <translation>Archived filings</translation>
    </message>
    <message>
        <source>台账与年报</source>
        <translation>Ledger and annual report</translation>
    </message>
    <message>
        <source>扫描的文件编号 %1 不在归档中。</source>
        <translation>The scanned filing number %1 is not in the archive.</translation>
    </message>
    <message>
        <source>扫描的页面属于 %1 %2 第 %3 版（%4）。</source>
        <translation>The scanned page belongs to %1 %2 version %3 (%4).</translation>
    </message>
    <message>
        <source>数据指纹与归档一致。</source>
        <translation>The data fingerprint matches the archive.</translation>
    </message>
    <message>
        <source>数据指纹与归档不一致！</source>
        <translation>The data fingerprint does NOT match the archive!</translation>
    </message>
    <message>
        <source>选择要核验的 PDF 文件</source>
        <translation>Choose the PDF file to verify</translation>
    </message>
    <message>
        <source>核验通过：%1 %2 第 %3 版，文件编号 %4，%5 由 %6 生成。</source>
        <translation>Verified: %1 %2 version %3, filing no. %4, generated %5 by %6.</translation>
    </message>
    <message>
        <source>注意：此版本已被第 %1 版取代。</source>
        <translation>Note: this version has been superseded by version %1.</translation>
    </message>
    <message>
        <source>核验未通过：</source>
        <translation>Verification failed: </translation>
    </message>
</context>
<context>
    <name>ArchiveTable</name>
    <message>
        <source>文件</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>文件编号</source>
        <translation>Filing no.</translation>
    </message>
    <message>
        <source>生成时间</source>
        <translation>Generated at</translation>
    </message>
    <message>
        <source>生成人</source>
        <translation>Generated by</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已被取代</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <source>现行</source>
        <translation>Current</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <source>日期 (YYYY-MM-DD)</source>
        <translation>Date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>添加一天</source>
        <translation>Add a day</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>保存本年安排</source>
        <translation>Save this year</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>列出国务院办公厅公布的放假日期与调休上班日期；其余周一至周五为工作日。</source>
        <translation>List the official days off and make-up workdays published by the State Council; every other Monday to Friday is a working day.</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up workday</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>开始评估</source>
        <translation>Start assessment</translation>
    </message>
    <message>
        <source>进入保护</source>
        <translation>Start protection</translation>
    </message>
    <message>
        <source>进入推广</source>
        <translation>Start marketing</translation>
    </message>
    <message>
        <source>进入转化</source>
        <translation>Start conversion</translation>
    </message>
    <message>
        <source>确认已转化</source>
        <translation>Confirm converted</translation>
    </message>
    <message>
        <source>退回推广</source>
        <translation>Back to marketing</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>放弃…</source>
        <translation>Release…</translation>
    </message>
    <message>
        <source>放弃理由</source>
        <translation>Reason for release</translation>
    </message>
    <message>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>重新打开理由</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <source>院系审核…</source>
        <translation>Department review…</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>转移机构审核…</source>
        <translation>TTO review…</translation>
    </message>
    <message>
        <source>开始公示…</source>
        <translation>Start publicity…</translation>
    </message>
    <message>
        <source>团队代表</source>
        <translation>Team representative</translation>
    </message>
    <message>
        <source>公示开始日</source>
        <translation>Publicity starts</translation>
    </message>
    <message>
        <source>公示渠道</source>
        <translation>Publicity channel</translation>
    </message>
    <message>
        <source>登记异议…</source>
        <translation>Record objection…</translation>
    </message>
    <message>
        <source>异议人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <source>异议日期</source>
        <translation>Objection date</translation>
    </message>
    <message>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>指定技术经理人…</source>
        <translation>Assign technology manager…</translation>
    </message>
    <message>
        <source>技术经理人</source>
        <translation>Technology manager</translation>
    </message>
    <message>
        <source>处理异议…</source>
        <translation>Handle objection…</translation>
    </message>
    <message>
        <source>处理意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>处理日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>异议成立（不予赋权）</source>
        <translation>Objection upheld (no grant)</translation>
    </message>
    <message>
        <source>记录批准…</source>
        <translation>Record approval…</translation>
    </message>
    <message>
        <source>决策机构</source>
        <translation>Decision body</translation>
    </message>
    <message>
        <source>决策日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>纪要编号</source>
        <translation>Minutes no.</translation>
    </message>
    <message>
        <source>签订协议…</source>
        <translation>Sign agreement…</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <source>协议日期</source>
        <translation>Agreement date</translation>
    </message>
    <message>
        <source>变更登记…</source>
        <translation>Title change…</translation>
    </message>
    <message>
        <source>变更登记日期</source>
        <translation>Title change date</translation>
    </message>
    <message>
        <source>不予通过…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>申请赋权…</source>
        <translation>Apply for rights grant…</translation>
    </message>
    <message>
        <source>赋权方式</source>
        <translation>Grant form</translation>
    </message>
    <message>
        <source>团队份额（%，共有时）</source>
        <translation>Team share (%, for co-ownership)</translation>
    </message>
    <message>
        <source>使用期限（年，长期使用权时）</source>
        <translation>Term (years, for long-term use)</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Application date</translation>
    </message>
    <message>
        <source>已附转化方案</source>
        <translation>Conversion plan attached</translation>
    </message>
    <message>
        <source>方案摘要</source>
        <translation>Plan summary</translation>
    </message>
    <message>
        <source>已记录全体完成人同意</source>
        <translation>Consent of all contributors recorded</translation>
    </message>
    <message>
        <source>开始尽职调查</source>
        <translation>Start due diligence</translation>
    </message>
    <message>
        <source>提交审批</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <source>记录审批…</source>
        <translation>Record approval…</translation>
    </message>
    <message>
        <source>审批机构</source>
        <translation>Approving body</translation>
    </message>
    <message>
        <source>审批日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>异议成立（终止项目）</source>
        <translation>Objection upheld (deal terminated)</translation>
    </message>
    <message>
        <source>签约…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <source>签约日期</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <source>合同登记…</source>
        <translation>Register contract…</translation>
    </message>
    <message>
        <source>登记编号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <source>成交额（元）</source>
        <translation>Contract value (CNY)</translation>
    </message>
    <message>
        <source>技术交易额（元）</source>
        <translation>Certified technology amount (CNY)</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>开始履约</source>
        <translation>Start performance</translation>
    </message>
    <message>
        <source>完成…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>终止…</source>
        <translation>Terminate…</translation>
    </message>
    <message>
        <source>终止理由</source>
        <translation>Reason for termination</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>Terminated on</translation>
    </message>
    <message>
        <source>修改条款…</source>
        <translation>Edit terms…</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>价格（元）</source>
        <translation>Price (CNY)</translation>
    </message>
    <message>
        <source>定价方式</source>
        <translation>Pricing method</translation>
    </message>
    <message>
        <source>交易所/拍卖编号</source>
        <translation>Exchange / auction no.</translation>
    </message>
    <message>
        <source>付款条件</source>
        <translation>Payment conditions</translation>
    </message>
    <message>
        <source>评估/定价记录…</source>
        <translation>Valuation / pricing record…</translation>
    </message>
    <message>
        <source>已进行资产评估</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <source>不评估的理由</source>
        <translation>Reason for no appraisal</translation>
    </message>
    <message>
        <source>评估机构</source>
        <translation>Appraisal firm</translation>
    </message>
    <message>
        <source>报告编号</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <source>评估基准日</source>
        <translation>Base date</translation>
    </message>
    <message>
        <source>评估方法</source>
        <translation>Approach</translation>
    </message>
    <message>
        <source>评估值（元）</source>
        <translation>Appraised value (CNY)</translation>
    </message>
    <message>
        <source>协议价（元）</source>
        <translation>Agreed value (CNY)</translation>
    </message>
    <message>
        <source>尽职调查核查…</source>
        <translation>Due diligence check…</translation>
    </message>
    <message>
        <source>核查项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>关联关系申报…</source>
        <translation>Declare related interests…</translation>
    </message>
    <message>
        <source>申报内容</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>加签审批日期</source>
        <translation>Counter-signature date</translation>
    </message>
    <message>
        <source>主管部门审批…</source>
        <translation>Authority approval…</translation>
    </message>
    <message>
        <source>批复文号</source>
        <translation>Approval document no.</translation>
    </message>
    <message>
        <source>批复日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>新建转化项目…</source>
        <translation>New deal…</translation>
    </message>
    <message>
        <source>转化方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>受让方/合作方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>添加经费来源…</source>
        <translation>Add funding source…</translation>
    </message>
    <message>
        <source>项目/计划</source>
        <translation>Project / programme</translation>
    </message>
    <message>
        <source>资助类型</source>
        <translation>Funder type</translation>
    </message>
    <message>
        <source>项目编号</source>
        <translation>Project no.</translation>
    </message>
    <message>
        <source>知识产权约定</source>
        <translation>IP arrangements</translation>
    </message>
    <message>
        <source>声明无经费来源</source>
        <translation>Declare no funding sources</translation>
    </message>
    <message>
        <source>清除经费记录</source>
        <translation>Clear funding records</translation>
    </message>
    <message>
        <source>登记获得的支持…</source>
        <translation>Record support received…</translation>
    </message>
    <message>
        <source>支持类型</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>提供方</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <source>登记知识产权…</source>
        <translation>Record IP asset…</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>国家/地区</source>
        <translation>Country / region</translation>
    </message>
    <message>
        <source>申请号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <source>申请日</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <source>法律状态</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <source>权利人</source>
        <translation>Right holder</translation>
    </message>
    <message>
        <source>新增评估…</source>
        <translation>New assessment…</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <source>评估人</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>技术评分（0–100）</source>
        <translation>Technical score (0–100)</translation>
    </message>
    <message>
        <source>市场评分（0–100）</source>
        <translation>Market score (0–100)</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>许可期限…</source>
        <translation>Licence term…</translation>
    </message>
    <message>
        <source>许可期限届满日</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>提交合同登记…</source>
        <translation>Submit for contract registration…</translation>
    </message>
    <message>
        <source>提交日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>合同存在争议</source>
        <translation>Contract disputed</translation>
    </message>
    <message>
        <source>变更日期</source>
        <translation>Changed on</translation>
    </message>
    <message>
        <source>变更理由</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>注销登记…</source>
        <translation>Deregister…</translation>
    </message>
    <message>
        <source>注销日期</source>
        <translation>Deregistered on</translation>
    </message>
    <message>
        <source>注销理由</source>
        <translation>Reason for deregistering</translation>
    </message>
    <message>
        <source>新建需求…</source>
        <translation>New demand…</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>需求内容</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>技术领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>需求来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>园区</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>对接成果…</source>
        <translation>Match to achievements…</translation>
    </message>
    <message>
        <source>成果编号（可填多个）</source>
        <translation>Case nos. (one or more)</translation>
    </message>
    <message>
        <source>接洽日期</source>
        <translation>Contacted on</translation>
    </message>
    <message>
        <source>列入推广清单…</source>
        <translation>Put on the supply list…</translation>
    </message>
    <message>
        <source>成果编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>公开简介（不含涉密内容）</source>
        <translation>Public summary (no secret details)</translation>
    </message>
    <message>
        <source>面向园区（空：全部园区）</source>
        <translation>For the park (empty: every park)</translation>
    </message>
    <message>
        <source>列入日期</source>
        <translation>Listed on</translation>
    </message>
    <message>
        <source>移出推广清单…</source>
        <translation>Take off the supply list…</translation>
    </message>
    <message>
        <source>移出日期</source>
        <translation>Taken off on</translation>
    </message>
    <message>
        <source>新建对接…</source>
        <translation>New match…</translation>
    </message>
    <message>
        <source>来自活动</source>
        <translation>From the activity</translation>
    </message>
    <message>
        <source>推进阶段…</source>
        <translation>Next stage…</translation>
    </message>
    <message>
        <source>进入阶段</source>
        <translation>Stage reached</translation>
    </message>
    <message>
        <source>新建活动…</source>
        <translation>New activity…</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Kind of activity</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>举办日期</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>展示成果（成果编号）</source>
        <translation>Achievements shown (case nos.)</translation>
    </message>
    <message>
        <source>对接企业（统一社会信用代码）</source>
        <translation>Companies met (credit codes)</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>披露信息有未保存的修改。是否保存？</source>
        <translation>The disclosure has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>披露</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>资助</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>知识产权</source>
        <translation>IP assets</translation>
    </message>
    <message>
        <source>评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>赋权</source>
        <translation>Rights grant</translation>
    </message>
    <message>
        <source>交易</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
</context>
<context>
    <name>CasePanels</name>
    <message>
        <source>公示期</source>
        <translation>Publicity period</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>%1 个工作日</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>不成立</source>
        <translation>Not upheld</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>导入前检查</source>
        <translation>Check before import</translation>
    </message>
    <message>
        <source>逐行检查台账，未写入任何数据。存在问题时请在 Excel 中修改后重新检查。</source>
        <translation>The ledger is checked row by row; nothing has been written. If there are problems, correct them in Excel and check again.</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>在 Excel 中修改并保存台账后，重新检查</source>
        <translation>Correct and save the ledger in Excel, then check again</translation>
    </message>
    <message>
        <source>问题（按工作表、行、列）</source>
        <translation>Problems (by sheet, row, column)</translation>
    </message>
    <message>
        <source>将新建的记录</source>
        <translation>Records to be created</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>发现 {0} 个问题，不能导入。</source>
        <translation>{0} problems: the ledger cannot be imported.</translation>
    </message>
    <message>
        <source>检查通过，可以导入。</source>
        <translation>No problems: ready to import.</translation>
    </message>
    <message>
        <source>将写入：</source>
        <translation>To write: </translation>
    </message>
    <message>
        <source>已在库中（保持不变）：</source>
        <translation>Already stored (left as is): </translation>
    </message>
    <message>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>股东</source>
        <translation>Shareholder</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>（国有）</source>
        <translation>(state-owned)</translation>
    </message>
    <message>
        <source>工号 · 创业方式</source>
        <translation>Staff no. · venture form</translation>
    </message>
    <message>
        <source>认缴出资</source>
        <translation>Subscribed capital</translation>
    </message>
    <message>
        <source>实缴出资</source>
        <translation>Paid-in capital</translation>
    </message>
    <message>
        <source>持股比例</source>
        <translation>Stake</translation>
    </message>
    <message>
        <source>领导人员持股报批/备案</source>
        <translation>Leader&apos;s equity approval record</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>相对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>比例</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>变动后注册资本</source>
        <translation>Registered capital after the change</translation>
    </message>
    <message>
        <source>合同</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>收款</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>作价入股…</source>
        <translation>Equity contribution…</translation>
    </message>
    <message>
        <source>增资…</source>
        <translation>Capital increase…</translation>
    </message>
    <message>
        <source>转让所选股权…</source>
        <translation>Transfer selected stake…</translation>
    </message>
    <message>
        <source>所选股东退出…</source>
        <translation>Selected shareholder exits…</translation>
    </message>
    <message>
        <source>计提减值…</source>
        <translation>Record impairment…</translation>
    </message>
    <message>
        <source>分红…</source>
        <translation>Dividend…</translation>
    </message>
    <message>
        <source>股权结构变化</source>
        <translation>Shareholding changes</translation>
    </message>
    <message>
        <source>国有股权台账</source>
        <translation>State-owned equity ledger</translation>
    </message>
    <message>
        <source>&lt;b&gt;股权结构&lt;/b&gt;</source>
        <translation>&lt;b&gt;Shareholding&lt;/b&gt;</translation>
    </message>
    <message>
        <source>查看历史：截至</source>
        <translation>History as of</translation>
    </message>
    <message>
        <source>&lt;b&gt;股权事件&lt;/b&gt;</source>
        <translation>&lt;b&gt;Equity events&lt;/b&gt;</translation>
    </message>
    <message>
        <source>衍生企业</source>
        <translation>Spin-off</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>股权结构截至 %1</source>
        <translation>Shareholding as of %1</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>注册资本</source>
        <translation>Registered capital</translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>园区/孵化器</source>
        <translation>Park / incubator</translation>
    </message>
    <message>
        <source>合计：认缴 %1 · 实缴 %2 · %3 · 其中国有 %4</source>
        <translation>Total: subscribed %1 · paid in %2 · %3 · state-owned %4</translation>
    </message>
    <message>
        <source>尚无股权登记</source>
        <translation>No equity recorded yet</translation>
    </message>
    <message>
        <source>持股比例（%）</source>
        <translation>Stake (%)</translation>
    </message>
    <message>
        <source>国有股权</source>
        <translation>State-owned equity</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>持有人</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>作价投资合同</source>
        <translation>Equity investment contract</translation>
    </message>
    <message>
        <source>形成日期</source>
        <translation>Formed on</translation>
    </message>
    <message>
        <source>原始价值</source>
        <translation>Original value</translation>
    </message>
    <message>
        <source>累计减值</source>
        <translation>Accumulated impairment</translation>
    </message>
    <message>
        <source>已处置成本</source>
        <translation>Cost of disposals</translation>
    </message>
    <message>
        <source>账面价值</source>
        <translation>Book value</translation>
    </message>
    <message>
        <source>现持认缴出资</source>
        <translation>Subscribed capital held</translation>
    </message>
    <message>
        <source>现持股比例</source>
        <translation>Current stake</translation>
    </message>
    <message>
        <source>退出收益</source>
        <translation>Exit gain</translation>
    </message>
    <message>
        <source>累计分红</source>
        <translation>Accumulated dividends</translation>
    </message>
    <message>
        <source>单列管理</source>
        <translation>Managed separately</translation>
    </message>
    <message>
        <source>已在作价投资合同上登记收款 #%1。</source>
        <translation>Receipt #%1 recorded on the equity investment contract.</translation>
    </message>
</context>
<context>
    <name>CompanyTab</name>
    <message>
        <source>未选择企业</source>
        <translation>No company selected</translation>
    </message>
    <message>
        <source>衍生企业</source>
        <translation>Spin-off</translation>
    </message>
    <message>
        <source>受让方/合作方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>共 %1 家企业</source>
        <translation>%1 companies</translation>
    </message>
    <message>
        <source>尚无企业：签约的受让方、合作方与作价投资形成的企业将列在这里。</source>
        <translation>No companies yet: counterparties of signed deals and companies formed by equity investment will be listed here.</translation>
    </message>
    <message>
        <source>企业详情</source>
        <translation>Company details</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>本机数据库文件（单人使用）</source>
        <translation>Local database file (single user)</translation>
    </message>
    <message>
        <source>办公室服务器（PostgreSQL，多人共用）</source>
        <translation>Office server (PostgreSQL, shared)</translation>
    </message>
    <message>
        <source>例如 10.20.1.5 或 tto-db.example.edu.cn</source>
        <translation>e.g. 10.20.1.5 or tto-db.example.edu.cn</translation>
    </message>
    <message>
        <source>留空：自动查找</source>
        <translation>Empty: found automatically</translation>
    </message>
    <message>
        <source>程序账号（…_app）</source>
        <translation>The app login (…_app)</translation>
    </message>
    <message>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <source>主机</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>锁等待超时</source>
        <translation>Lock timeout</translation>
    </message>
    <message>
        <source>单条语句超时</source>
        <translation>Statement timeout</translation>
    </message>
    <message>
        <source>数据库备份程序路径</source>
        <translation>pg_dump path</translation>
    </message>
    <message>
        <source>密码保存在本人的设置文件 connection.json 中（仅本人可读）。请使用管理员建立服务器时给出的程序账号（…_app），不要使用数据库所有者账号。升级程序时会先备份服务器数据库。</source>
        <translation>The password is kept in your own settings file connection.json (readable by you only). Use the app login (…_app) the administrator gave when setting up the server, never the database owner. Upgrading the app backs up the server database first.</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存并重新打开</source>
        <translation>Save and reopen</translation>
    </message>
    <message>
        <source>本机使用的数据库</source>
        <translation>Database this installation uses</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>连接测试失败：</source>
        <translation>Connection test failed: </translation>
    </message>
    <message>
        <source>已保存；重新打开程序后生效。</source>
        <translation>Saved; takes effect when the app is reopened.</translation>
    </message>
</context>
<context>
    <name>ContributorsEditor</name>
    <message>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>份额（%）</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>添加完成人</source>
        <translation>Add contributor</translation>
    </message>
    <message>
        <source>新建人员…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <source>工号或姓名</source>
        <translation>Staff no. or name</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>（未找到）</source>
        <translation>(not found)</translation>
    </message>
    <message>
        <source>合计 — 份额须为数字</source>
        <translation>Total — shares must be numbers</translation>
    </message>
    <message>
        <source>合计 %1% ✓</source>
        <translation>Total %1% ✓</translation>
    </message>
    <message>
        <source>合计 %1% — 须为 100%</source>
        <translation>Total %1% — must be 100%</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>{0} 万元</source>
        <translation>{1}</translation>
    </message>
    <message>
        <source>成果总数</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <source>%1 年签约交易</source>
        <translation>Deals signed in %1</translation>
    </message>
    <message>
        <source>%1 年到账收入</source>
        <translation>Income received in %1</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>逾期待办</source>
        <translation>Overdue deadlines</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>30 天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <source>成果状态分布</source>
        <translation>Achievements by status</translation>
    </message>
    <message>
        <source>近五年到账收入（按转化方式）</source>
        <translation>Income of the last five years (by mode)</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>CNY 10k</translation>
    </message>
    <message>
        <source>已签约交易（按转化方式）</source>
        <translation>Signed deals (by mode)</translation>
    </message>
    <message>
        <source>企业（按成立年份）</source>
        <translation>Companies (by year registered)</translation>
    </message>
    <message>
        <source>衍生企业</source>
        <translation>Spin-off</translation>
    </message>
    <message>
        <source>其他企业</source>
        <translation>Other companies</translation>
    </message>
</context>
<context>
    <name>DealMoneyPanel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>节点</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>应付日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>付款条件</source>
        <translation>Payment conditions</translation>
    </message>
    <message>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>付款节点：</source>
        <translation>Payment milestones:</translation>
    </message>
    <message>
        <source>编辑付款条款…</source>
        <translation>Edit payment terms…</translation>
    </message>
    <message>
        <source>新增节点…</source>
        <translation>Add milestone…</translation>
    </message>
    <message>
        <source>修改节点…</source>
        <translation>Edit milestone…</translation>
    </message>
    <message>
        <source>删除节点</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>发票号</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>登记收款…</source>
        <translation>Record receipt…</translation>
    </message>
    <message>
        <source>修改收款…</source>
        <translation>Edit receipt…</translation>
    </message>
    <message>
        <source>冲销收款…</source>
        <translation>Reverse receipt…</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>可扣除</source>
        <translation>Deductible</translation>
    </message>
    <message>
        <source>登记费用…</source>
        <translation>Record cost…</translation>
    </message>
    <message>
        <source>修改费用…</source>
        <translation>Edit cost…</translation>
    </message>
    <message>
        <source>冲销费用…</source>
        <translation>Reverse cost…</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>收款</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>冲销</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>可扣除费用</source>
        <translation>Deductible costs</translation>
    </message>
    <message>
        <source>其他费用</source>
        <translation>Other costs</translation>
    </message>
    <message>
        <source>净收入</source>
        <translation>Net income</translation>
    </message>
    <message>
        <source>报告销售额</source>
        <translation>Reported sales</translation>
    </message>
    <message>
        <source>费率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>按费率</source>
        <translation>At the rate</translation>
    </message>
    <message>
        <source>最低提成（折算）</source>
        <translation>Minimum royalty (pro rata)</translation>
    </message>
    <message>
        <source>应收提成</source>
        <translation>Royalty due</translation>
    </message>
    <message>
        <source>报告提成</source>
        <translation>Reported royalty</translation>
    </message>
    <message>
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>核查结果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>登记提成报告…</source>
        <translation>Record royalty report…</translation>
    </message>
    <message>
        <source>付款条款</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>提成核查</source>
        <translation>Royalty check</translation>
    </message>
    <message>
        <source>收益分配</source>
        <translation>Distributions</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>部分收款</source>
        <translation>Partly received</translation>
    </message>
    <message>
        <source>已收齐</source>
        <translation>Fully received</translation>
    </message>
    <message>
        <source>合同价格</source>
        <translation>Contract price</translation>
    </message>
    <message>
        <source>首付款</source>
        <translation>Upfront payment</translation>
    </message>
    <message>
        <source>提成费率</source>
        <translation>Royalty rate</translation>
    </message>
    <message>
        <source>提成基数</source>
        <translation>Royalty base</translation>
    </message>
    <message>
        <source>年度最低提成</source>
        <translation>Annual minimum royalty</translation>
    </message>
    <message>
        <source>提成结算周期</source>
        <translation>Royalty period</translation>
    </message>
    <message>
        <source>%1 个月</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <source>先使用后付费</source>
        <translation>Use first, pay later</translation>
    </message>
    <message>
        <source>是：</source>
        <translation>Yes: </translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>触发条件复核日期</source>
        <translation>Trigger review date</translation>
    </message>
    <message>
        <source>其他付款约定</source>
        <translation>Other payment terms</translation>
    </message>
    <message>
        <source>约定固定付款合计</source>
        <translation>Fixed payments agreed</translation>
    </message>
    <message>
        <source>下次提成报告截止</source>
        <translation>Next royalty report due</translation>
    </message>
    <message>
        <source>应收合计 %1 · 实收合计 %2 · 差额 %3 · 不符 %4 期</source>
        <translation>Due %1 · received %2 · difference %3 · %4 periods not matching</translation>
    </message>
    <message>
        <source>营业利润</source>
        <translation>Operating profit</translation>
    </message>
    <message>
        <source>实收 %1 · 净收入 %2 · 分配 %3 次</source>
        <translation>Received %1 · net income %2 · %3 distributions</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>DealsTab</name>
    <message>
        <source>条款</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>公示与异议</source>
        <translation>Publicity and objections</translation>
    </message>
    <message>
        <source>评估/定价</source>
        <translation>Valuation / pricing</translation>
    </message>
    <message>
        <source>核查项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>已核查</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>尽职调查</source>
        <translation>Due diligence</translation>
    </message>
    <message>
        <source>收款与分配</source>
        <translation>Receipts and distributions</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>尚无转化项目</source>
        <translation>No deals yet</translation>
    </message>
    <message>
        <source>可点击“新建转化项目…”开始。</source>
        <translation>Click “New deal…” to start.</translation>
    </message>
    <message>
        <source>下一步 / 当前：</source>
        <translation>Next / current: </translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>价格（元）</source>
        <translation>Price (CNY)</translation>
    </message>
</context>
<context>
    <name>DisclosureForm</name>
    <message>
        <source>成果名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>成果类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>所属单位</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>披露日期</source>
        <translation>Disclosure date</translation>
    </message>
    <message>
        <source>技术领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>技术成熟度（TRL）</source>
        <translation>Technology readiness (TRL)</translation>
    </message>
    <message>
        <source>研究阶段</source>
        <translation>Research stage</translation>
    </message>
    <message>
        <source>密级</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <source>关系国计民生和重大公共利益</source>
        <translation>Bears on major public interests</translation>
    </message>
    <message>
        <source>列入赋权负面清单：此类成果不得赋权</source>
        <translation>On the rights-grant negative list: such an achievement cannot be granted</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>拟转化方式</source>
        <translation>Intended mode</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <source>完成人</source>
        <translation>Contributors</translation>
    </message>
    <message>
        <source>经费来源（项目）</source>
        <translation>Funding sources (projects)</translation>
    </message>
    <message>
        <source>资助类型</source>
        <translation>Funder type</translation>
    </message>
    <message>
        <source>项目编号</source>
        <translation>Project no.</translation>
    </message>
    <message>
        <source>无经费来源（明确声明）</source>
        <translation>No funding sources (declared)</translation>
    </message>
</context>
<context>
    <name>DisclosureIntakeDialog</name>
    <message>
        <source>导入披露表 — %1</source>
        <translation>Import disclosure form — %1</translation>
    </message>
    <message>
        <source>新成果</source>
        <translation>new case</translation>
    </message>
    <message>
        <source>表单 %1 → %2</source>
        <translation>Form %1 → %2</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>表单中</source>
        <translation>In the form</translation>
    </message>
    <message>
        <source>校内尚无此人：%1 %2</source>
        <translation>Not yet a person on record: %1 %2</translation>
    </message>
    <message>
        <source>（同名：%1）</source>
        <translation> (same name: %1)</translation>
    </message>
    <message>
        <source>接受并保存</source>
        <translation>Accept and save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DisclosureTab</name>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>放弃修改 (Esc)</source>
        <translation>Discard changes (Esc)</translation>
    </message>
    <message>
        <source>撤销 (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>发放披露表…</source>
        <translation>Issue disclosure form…</translation>
    </message>
    <message>
        <source>导入返回的披露表…</source>
        <translation>Import the returned form…</translation>
    </message>
    <message>
        <source>● 有未保存的修改</source>
        <translation>● Unsaved changes</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>保存披露表</source>
        <translation>Save disclosure form</translation>
    </message>
    <message>
        <source>PDF 表单 (*.pdf);;Excel 模板 (*.xlsx)</source>
        <translation>PDF form (*.pdf);;Excel template (*.xlsx)</translation>
    </message>
    <message>
        <source>导入返回的披露表</source>
        <translation>Import the returned form</translation>
    </message>
    <message>
        <source>披露表 (*.pdf *.xlsx)</source>
        <translation>Disclosure form (*.pdf *.xlsx)</translation>
    </message>
</context>
<context>
    <name>DistributionDialog</name>
    <message>
        <source>收益分配</source>
        <translation>Distributions</translation>
    </message>
    <message>
        <source>股权奖励分配（作价投资）</source>
        <translation>Equity reward allocation (equity investment)</translation>
    </message>
    <message>
        <source>团队比例 %：</source>
        <translation>Team share %:</translation>
    </message>
    <message>
        <source>院系比例 %：</source>
        <translation>Department share %:</translation>
    </message>
    <message>
        <source>转移机构比例 %：</source>
        <translation>Transfer office share %:</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>本次分配的收款（勾选）：</source>
        <translation>Receipts in this distribution (tick):</translation>
    </message>
    <message>
        <source>营业利润年度（按实施转化年度营业利润计奖，不按收款）：</source>
        <translation>Operating-profit year (the reward is a share of the year&apos;s operating profit, not of receipts):</translation>
    </message>
    <message>
        <source>计算步骤</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <source>① 收款合计</source>
        <translation>① Receipts</translation>
    </message>
    <message>
        <source>① 年度营业利润</source>
        <translation>① Operating profit of the year</translation>
    </message>
    <message>
        <source>② 扣除可扣除费用</source>
        <translation>② Less deductible costs</translation>
    </message>
    <message>
        <source>③ 净收入</source>
        <translation>③ Net income</translation>
    </message>
    <message>
        <source>④ 团队比例（下限）</source>
        <translation>④ Team share (floor)</translation>
    </message>
    <message>
        <source>⑤ 团队奖励</source>
        <translation>⑤ Team reward</translation>
    </message>
    <message>
        <source>⑥ 院系</source>
        <translation>⑥ Department</translation>
    </message>
    <message>
        <source>⑦ 转移机构</source>
        <translation>⑦ Transfer office</translation>
    </message>
    <message>
        <source>⑧ 学校</source>
        <translation>⑧ University</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <source>贡献比例</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>应税 50%</source>
        <translation>Taxable 50%</translation>
    </message>
    <message>
        <source>股权比例</source>
        <translation>Equity share</translation>
    </message>
    <message>
        <source>调整理由</source>
        <translation>Reason for adjustment</translation>
    </message>
    <message>
        <source>报批/备案</source>
        <translation>Approval record</translation>
    </message>
    <message>
        <source>调整理由（必填）</source>
        <translation>Reason for adjustment (required)</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>取消全部调整</source>
        <translation>Clear all adjustments</translation>
    </message>
    <message>
        <source>个人调整：</source>
        <translation>Individual adjustments:</translation>
    </message>
    <message>
        <source>个人分配：</source>
        <translation>Individual allocation:</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（正职领导）</source>
        <translation> (principal leader)</translation>
    </message>
    <message>
        <source>（领导职务）</source>
        <translation> (leading post)</translation>
    </message>
    <message>
        <source>年度营业利润已是扣除成本后的数额，不再扣除费用</source>
        <translation>The operating profit is already net of costs: nothing more is deducted</translation>
    </message>
    <message>
        <source>可扣除费用：</source>
        <translation>Deductible costs:</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>（已在以前分配中扣除的不再扣除）</source>
        <translation>(costs deducted in earlier distributions are not deducted again)</translation>
    </message>
</context>
<context>
    <name>DistributionsTab</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>股权奖励</source>
        <translation>Equity reward</translation>
    </message>
    <message>
        <source>现金奖励</source>
        <translation>Cash reward</translation>
    </message>
    <message>
        <source>收款笔数</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>净收入</source>
        <translation>Net income</translation>
    </message>
    <message>
        <source>团队奖励</source>
        <translation>Team reward</translation>
    </message>
    <message>
        <source>批准日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <source>贡献比例</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>应税 50%</source>
        <translation>Taxable 50%</translation>
    </message>
    <message>
        <source>股权比例</source>
        <translation>Equity share</translation>
    </message>
    <message>
        <source>调整理由</source>
        <translation>Reason for adjustment</translation>
    </message>
    <message>
        <source>新建分配…</source>
        <translation>New distribution…</translation>
    </message>
    <message>
        <source>修改草稿…</source>
        <translation>Edit draft…</translation>
    </message>
    <message>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>批准…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>开始公示…</source>
        <translation>Start publicity…</translation>
    </message>
    <message>
        <source>登记异议…</source>
        <translation>Record objection…</translation>
    </message>
    <message>
        <source>处理异议…</source>
        <translation>Handle objection…</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <source>登记发放…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <source>附件…</source>
        <translation>Attachments…</translation>
    </message>
    <message>
        <source>奖励明细…</source>
        <translation>Reward statements…</translation>
    </message>
    <message>
        <source>收益分配</source>
        <translation>Distributions</translation>
    </message>
    <message>
        <source>请选择一次分配</source>
        <translation>Choose a distribution</translation>
    </message>
    <message>
        <source>净收入 → 团队</source>
        <translation>Net income → team</translation>
    </message>
    <message>
        <source>院系 / 转移机构 / 学校</source>
        <translation>Department / TTO / university</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <source>（异议未处理 %1 件）</source>
        <translation>(%1 objections open)</translation>
    </message>
    <message>
        <source>奖励发放期限</source>
        <translation>Reward payment within</translation>
    </message>
    <message>
        <source>删除收益分配草稿 #%1？其收款将可重新分配。</source>
        <translation>Delete distribution draft #%1? Its receipts become available again.</translation>
    </message>
    <message>
        <source>发放已登记</source>
        <translation>Payment recorded</translation>
    </message>
    <message>
        <source>奖励明细保存到</source>
        <translation>Save reward statements to</translation>
    </message>
</context>
<context>
    <name>EntityPicker</name>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>输入名称、拼音首字母或编号</source>
        <translation>Type a name, pinyin initials or a number</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择台账文件</source>
        <translation>Choose the ledger file</translation>
    </message>
    <message>
        <source>选择要导入的 Excel 台账（.xlsx）。可选：载入以前保存的列映射。</source>
        <translation>Choose the Excel ledger (.xlsx) to import. Optionally load a column mapping saved earlier.</translation>
    </message>
    <message>
        <source>例如：D:/成果转化/台账2024.xlsx</source>
        <translation>e.g. D:/transfer/ledger2024.xlsx</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>（可选）列映射文件 .json</source>
        <translation>(optional) column mapping file .json</translation>
    </message>
    <message>
        <source>台账文件</source>
        <translation>Ledger file</translation>
    </message>
    <message>
        <source>列映射</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>选择台账</source>
        <translation>Choose ledger</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>选择列映射</source>
        <translation>Choose column mapping</translation>
    </message>
    <message>
        <source>列映射 (*.json)</source>
        <translation>Column mapping (*.json)</translation>
    </message>
</context>
<context>
    <name>FilesDialog</name>
    <message>
        <source>附件 — %1</source>
        <translation>Attachments — %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>上传人</source>
        <translation>Uploaded by</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>可将文件拖放到此处上传；双击打开。</source>
        <translation>Drop files here to upload; double-click to open.</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>写一条备注，回车保存</source>
        <translation>Write a note, Enter saves it</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
</context>
<context>
    <name>FilingsPanel</name>
    <message>
        <source>生成并归档</source>
        <translation>Generate and archive</translation>
    </message>
    <message>
        <source>报批稿（草稿）</source>
        <translation>Approval draft</translation>
    </message>
    <message>
        <source>审批前打印供审批会议使用：带“草稿”水印，无文件编号，不归档</source>
        <translation>Printed for the approval meeting: “draft” watermark, no serial number, not archived</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>表单：</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>归档版本</source>
        <translation>Archived versions</translation>
    </message>
    <message>
        <source>职务科技成果披露表</source>
        <translation>Service invention disclosure form</translation>
    </message>
    <message>
        <source>赋权申请审批表</source>
        <translation>Rights grant approval form</translation>
    </message>
    <message>
        <source>科技成果转化审批表</source>
        <translation>Technology transfer approval form</translation>
    </message>
    <message>
        <source>单列管理登记表</source>
        <translation>Separate-management register</translation>
    </message>
    <message>
        <source>作价投资及国有股权登记表</source>
        <translation>Equity investment and state-owned equity register</translation>
    </message>
    <message>
        <source>收益分配审批表</source>
        <translation>Income distribution approval form</translation>
    </message>
    <message>
        <source>专利开放许可声明</source>
        <translation>Open licence offer</translation>
    </message>
    <message>
        <source>赋权公示</source>
        <translation>Rights grant publicity</translation>
    </message>
    <message>
        <source>转化公示</source>
        <translation>Transfer publicity</translation>
    </message>
    <message>
        <source>现金奖励公示</source>
        <translation>Cash reward publicity</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>生成文件</source>
        <translation>Generate filing</translation>
    </message>
    <message>
        <source>已生成报批稿（草稿水印，无文件编号，未归档）；审批后请生成正式文件。</source>
        <translation>Approval draft made (draft watermark, no serial number, not archived); make the final filing after approval.</translation>
    </message>
    <message>
        <source>生成报批稿</source>
        <translation>Make approval draft</translation>
    </message>
    <message>
        <source>数据未变，显示已归档的第 %1 版（%2）。</source>
        <translation>Data unchanged; showing archived version %1 (%2).</translation>
    </message>
    <message>
        <source>已生成并归档第 %1 版（%2）。</source>
        <translation>Version %1 generated and archived (%2).</translation>
    </message>
    <message>
        <source>未生成（未写入任何内容）：</source>
        <translation>Not generated (nothing written):</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>欢迎使用 TT Desk</source>
        <translation>Welcome to TT Desk</translation>
    </message>
    <message>
        <source>请填写本单位信息。下列政策参数已按北京市规定预填，如本单位制度不同请修改；以后可在“设置”中更改。</source>
        <translation>Please enter your institution. The policy values below are Beijing&apos;s defaults; change those your institution&apos;s rules set differently. Everything can be changed later under Settings.</translation>
    </message>
    <message>
        <source>单位信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>政策参数</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>保存并开始</source>
        <translation>Save and start</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GrantsTab</name>
    <message>
        <source>附件…</source>
        <translation>Attachments…</translation>
    </message>
    <message>
        <source>公示与异议</source>
        <translation>Publicity and objections</translation>
    </message>
    <message>
        <source>尚无赋权申请。赋权为可选步骤：团队申请 → 院系审核 → 转移机构审核 → 公示 → 批准 → 协议 → 变更登记。</source>
        <translation>No rights grant yet. Granting rights is optional: team application → department review → TTO review → publicity → approval → agreement → title change.</translation>
    </message>
    <message>
        <source>状态：%1 · %2</source>
        <translation>Status: %1 · %2</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <source>资金</source>
        <translation>Money</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>修改内容</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已导入（历史记录标记为“历史导入”）：</source>
        <translation>Imported (marked as imported history): </translation>
    </message>
    <message>
        <source>用时 {0} 秒</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>未导入，数据库未改变：</source>
        <translation>Not imported; the database is unchanged:</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入 Excel 台账</source>
        <translation>Import Excel ledger</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>IncomePage</name>
    <message>
        <source>实收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>可扣除费用</source>
        <translation>Deductible costs</translation>
    </message>
    <message>
        <source>净收入</source>
        <translation>Net income</translation>
    </message>
    <message>
        <source>已列入分配</source>
        <translation>Distributed</translation>
    </message>
    <message>
        <source>待分配</source>
        <translation>To distribute</translation>
    </message>
    <message>
        <source>按年度</source>
        <translation>By year</translation>
    </message>
    <message>
        <source>按年度和转化方式</source>
        <translation>By year and mode</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>转化方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <source>合同名称</source>
        <translation>Contract title</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>股权奖励</source>
        <translation>Equity reward</translation>
    </message>
    <message>
        <source>现金奖励</source>
        <translation>Cash reward</translation>
    </message>
    <message>
        <source>团队奖励</source>
        <translation>Team reward</translation>
    </message>
    <message>
        <source>批准日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>&lt;b&gt;收益概览&lt;/b&gt;</source>
        <translation>&lt;b&gt;Income overview&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;收益分配&lt;/b&gt;（双击打开合同）</source>
        <translation>&lt;b&gt;Distributions&lt;/b&gt; (double-click opens the contract)</translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>正在读取收益…</source>
        <translation>Reading income…</translation>
    </message>
    <message>
        <source>共 %1 次</source>
        <translation>%1 times</translation>
    </message>
    <message>
        <source>各年度收益（万元）</source>
        <translation>Income by year (CNY 10k)</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>CNY 10k</translation>
    </message>
</context>
<context>
    <name>LeaderApprovalBox</name>
    <message>
        <source>领导人员股权奖励报批/备案</source>
        <translation>Leaders&apos; equity: approval records</translation>
    </message>
    <message>
        <source>审批机构，如 校长办公会</source>
        <translation>Approving body, e.g. the President&apos;s Office Meeting</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>人员：</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>机构：</source>
        <translation>Body:</translation>
    </message>
    <message>
        <source>文号：</source>
        <translation>Document no.:</translation>
    </message>
    <message>
        <source>尚未记录</source>
        <translation>none recorded yet</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>搜索名称、编号… (Ctrl+F)</source>
        <translation>Search titles, numbers… (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部%1</source>
        <translation>%1: all</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 条</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>搜索“%1”</source>
        <translation>search “%1”</translation>
    </message>
    <message>
        <source>已筛选（%1）：</source>
        <translation>Filtered (%1):</translation>
    </message>
    <message>
        <source>恢复默认列</source>
        <translation>Restore default columns</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>导出所选到 Excel…</source>
        <translation>Export selection to Excel…</translation>
    </message>
    <message>
        <source>正在复制…</source>
        <translation>Copying…</translation>
    </message>
    <message>
        <source>导出到 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>院系</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>技术领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>披露年份</source>
        <translation>Year disclosed</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>转化方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>签约年份</source>
        <translation>Year signed</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>衍生企业</source>
        <translation>Spin-off</translation>
    </message>
    <message>
        <source>成立年份</source>
        <translation>Year registered</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>政府基金参投</source>
        <translation>Government fund</translation>
    </message>
    <message>
        <source>创始人创业方式</source>
        <translation>Founders&apos; status</translation>
    </message>
    <message>
        <source>企业年龄</source>
        <translation>Company age</translation>
    </message>
    <message>
        <source>专精特新认定年份</source>
        <translation>ZJTX year</translation>
    </message>
    <message>
        <source>需求来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>全部园区</source>
        <translation>All parks</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>对接活动</source>
        <translation>Activity</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 TT Desk</source>
        <translation>Log in to TT Desk</translation>
    </message>
    <message>
        <source>这是新的数据库：请设置第一位管理员的账户。管理员可再添加其他用户。</source>
        <translation>This is a new database: set up the first admin&apos;s account. The admin can then add other users.</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>创建并登录</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>成果</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <source>交易</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>转化企业</source>
        <translation>Spin-offs</translation>
    </message>
    <message>
        <source>对接</source>
        <translation>Matchmaking</translation>
    </message>
    <message>
        <source>收益</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>技术经理人</source>
        <translation>Technology manager</translation>
    </message>
    <message>
        <source>专利盘活</source>
        <translation>Patent revitalisation</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>基础数据</source>
        <translation>Master data</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>标记为已完成</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>完成并备注…</source>
        <translation>Done, with a note…</translation>
    </message>
    <message>
        <source>推迟至…</source>
        <translation>Snooze until…</translation>
    </message>
    <message>
        <source>新建待办…</source>
        <translation>New task…</translation>
    </message>
    <message>
        <source>新建披露…</source>
        <translation>New disclosure…</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导入台账…</source>
        <translation>Import ledger…</translation>
    </message>
    <message>
        <source>导出 JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <source>发放披露表…</source>
        <translation>Issue disclosure form…</translation>
    </message>
    <message>
        <source>导入披露表…</source>
        <translation>Import disclosure form…</translation>
    </message>
    <message>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>新建披露</source>
        <translation>New disclosure</translation>
    </message>
    <message>
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <source>该交易未关联成果：</source>
        <translation>This deal covers no achievement: </translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到：</source>
        <translation>Backed up to: </translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>当前数据将被备份文件替换（当前数据库会另存一份）。继续吗？</source>
        <translation>The current data will be replaced by the backup (a copy of the current database is kept). Continue?</translation>
    </message>
    <message>
        <source>已从备份恢复：</source>
        <translation>Restored from backup: </translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>导出 JSON</source>
        <translation>Export JSON</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <source>示例数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>数据库中还没有成果。是否载入 %1 个示例案例以便熟悉本程序？</source>
        <translation>The database has no achievements yet. Load %1 demo cases to get to know TT Desk?</translation>
    </message>
    <message>
        <source>已载入 %1 个示例案例</source>
        <translation>%1 demo cases loaded</translation>
    </message>
    <message>
        <source>正在生成示例数据…</source>
        <translation>Building demo data…</translation>
    </message>
    <message>
        <source>正在取消后台任务…</source>
        <translation>Cancelling background tasks…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>工作表与列映射</source>
        <translation>Sheet and column mapping</translation>
    </message>
    <message>
        <source>检查每一列导入为哪个字段，必要时调整；可保存映射供下次使用。</source>
        <translation>Check which field each column is imported as and adjust where needed; the mapping can be saved for next time.</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>表头行（0 = 自动）</source>
        <translation>Header row (0 = automatic)</translation>
    </message>
    <message>
        <source>保存映射…</source>
        <translation>Save mapping…</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>工作表“{0}”，表头在第 {1} 行</source>
        <translation>Sheet “{0}”, header in row {1}</translation>
    </message>
    <message>
        <source>保存列映射</source>
        <translation>Save column mapping</translation>
    </message>
    <message>
        <source>列映射 (*.json)</source>
        <translation>Column mapping (*.json)</translation>
    </message>
</context>
<context>
    <name>MarketPage</name>
    <message>
        <source>需求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>推广清单</source>
        <translation>Supply list</translation>
    </message>
    <message>
        <source>对接</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>新建需求…</source>
        <translation>New demand…</translation>
    </message>
    <message>
        <source>导入园区需求清单…</source>
        <translation>Import a park&apos;s demand list…</translation>
    </message>
    <message>
        <source>对接成果…</source>
        <translation>Match to achievements…</translation>
    </message>
    <message>
        <source>列入推广清单…</source>
        <translation>Put on the supply list…</translation>
    </message>
    <message>
        <source>移出推广清单…</source>
        <translation>Take off the supply list…</translation>
    </message>
    <message>
        <source>导出清单…</source>
        <translation>Export the list…</translation>
    </message>
    <message>
        <source>新建对接…</source>
        <translation>New match…</translation>
    </message>
    <message>
        <source>推进阶段…</source>
        <translation>Next stage…</translation>
    </message>
    <message>
        <source>新建转化项目…</source>
        <translation>New deal…</translation>
    </message>
    <message>
        <source>新建活动…</source>
        <translation>New activity…</translation>
    </message>
</context>
<context>
    <name>NewDisclosureDialog</name>
    <message>
        <source>放弃新建</source>
        <translation>Discard new</translation>
    </message>
    <message>
        <source>已填写的披露信息尚未保存。确定放弃？</source>
        <translation>The disclosure entered has not been saved. Discard it?</translation>
    </message>
    <message>
        <source>新建成果披露</source>
        <translation>New invention disclosure</translation>
    </message>
    <message>
        <source>创建 (Ctrl+S)</source>
        <translation>Create (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>PolicyForm</name>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>团队奖励下限（转让/许可）</source>
        <translation>Team share floor (transfer/license)</translation>
    </message>
    <message>
        <source>团队奖励下限（作价投资）</source>
        <translation>Team share floor (equity)</translation>
    </message>
    <message>
        <source>定价公示期</source>
        <translation>Pricing publicity</translation>
    </message>
    <message>
        <source>定价公示天数计法</source>
        <translation>Pricing publicity counted in</translation>
    </message>
    <message>
        <source>长期使用权最短年限</source>
        <translation>Long-term use: minimum years</translation>
    </message>
    <message>
        <source>合同认定登记期限</source>
        <translation>Contract registration within</translation>
    </message>
    <message>
        <source>登记机构答复期限</source>
        <translation>Registration office&apos;s answer</translation>
    </message>
    <message>
        <source>登记机构答复期限（500万元以上或有争议）</source>
        <translation>Registration office&apos;s answer (¥5M or more, or disputed)</translation>
    </message>
    <message>
        <source>奖励发放期限</source>
        <translation>Reward payment within</translation>
    </message>
    <message>
        <source>每行一项：中文名称 | English name</source>
        <translation>One item per line: Chinese name | English name</translation>
    </message>
    <message>
        <source>尽职调查清单</source>
        <translation>Due-diligence checklist</translation>
    </message>
    <message>
        <source>行动计划年度目标（本单位）</source>
        <translation>Action Plan yearly targets (ours)</translation>
    </message>
    <message>
        <source>赋权公示期</source>
        <translation>Rights-grant publicity</translation>
    </message>
    <message>
        <source>现金奖励公示期（不少于 15 个工作日）</source>
        <translation>Cash-reward publicity (at least 15 working days)</translation>
    </message>
    <message>
        <source>计法</source>
        <translation>Counted in</translation>
    </message>
    <message>
        <source>实施转化奖励下限（占年度营业利润）</source>
        <translation>Self/joint reward floor (share of the operating profit)</translation>
    </message>
    <message>
        <source>实施转化奖励年限（投产后）</source>
        <translation>Self/joint reward years (after production starts)</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>例如：北京某某大学</source>
        <translation>e.g. Beijing Example University</translation>
    </message>
    <message>
        <source>例如：技术转移中心</source>
        <translation>e.g. Technology Transfer Office</translation>
    </message>
    <message>
        <source>单位名称 *</source>
        <translation>Institution name *</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>技术转移机构</source>
        <translation>Technology transfer office</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>资产经营公司</source>
        <translation>Asset management company</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>获得的支持（概念验证、中试、创新券、孵化服务）</source>
        <translation>Support received (concept verification, pilot test, innovation voucher, incubator service)</translation>
    </message>
    <message>
        <source>已明确声明：无经费来源</source>
        <translation>Declared: no funding sources</translation>
    </message>
    <message>
        <source>尚未申报经费来源（R2：评估前须申报或声明“无”）</source>
        <translation>No funding sources declared yet (R2: declare them, or declare “none”, before the assessment)</translation>
    </message>
    <message>
        <source>共 %1 项</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <source>共 %1 次评估</source>
        <translation>%1 assessments</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>F08 职务科技成果单列管理台账</source>
        <translation>F08 Ledger of service inventions kept apart</translation>
    </message>
    <message>
        <source>F09 年度科技成果转化报告</source>
        <translation>F09 Annual technology-transfer report</translation>
    </message>
    <message>
        <source>自定义期间</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>生成并归档</source>
        <translation>Generate and archive</translation>
    </message>
    <message>
        <source>另存 PDF…</source>
        <translation>Save PDF as…</translation>
    </message>
    <message>
        <source>导出年报表格（Excel）…</source>
        <translation>Export annual-report tables (Excel)…</translation>
    </message>
    <message>
        <source>报送并冻结年报</source>
        <translation>Submit and freeze the annual report</translation>
    </message>
    <message>
        <source>报送后，该年度报告即以此版本为准，不再重新生成</source>
        <translation>Once submitted, this version is the year&apos;s report and is not regenerated</translation>
    </message>
    <message>
        <source>导出台账（Excel）…</source>
        <translation>Export ledger (Excel)…</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>Filing:</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>正在汇总数据…</source>
        <translation>Collecting the data…</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>生成 %1</source>
        <translation>Generate %1</translation>
    </message>
    <message>
        <source>已取消，未生成任何文件。</source>
        <translation>Cancelled; no filing was made.</translation>
    </message>
    <message>
        <source>%1 %2 第 %3 版（%4）已归档，可预览、另存。</source>
        <translation>%1 %2 version %3 (%4) archived; preview or save it.</translation>
    </message>
    <message>
        <source>%1 年度报告已报送：显示报送时冻结的版本（%2）。</source>
        <translation>The %1 annual report was submitted: showing the frozen version (%2).</translation>
    </message>
    <message>
        <source>未完成（未写入任何内容）：</source>
        <translation>Not done (nothing written):</translation>
    </message>
    <message>
        <source>未报送：</source>
        <translation>Not submitted:</translation>
    </message>
    <message>
        <source>%1 年度报告已报送（%2，%3），此后即以此版本为准。</source>
        <translation>The %1 annual report was submitted (%2, %3); this version is now the year&apos;s record.</translation>
    </message>
    <message>
        <source>导出年报表格</source>
        <translation>Export annual-report tables</translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <source>台账已导出：%1（%2 行）</source>
        <translation>Ledger exported: %1 (%2 rows)</translation>
    </message>
</context>
<context>
    <name>RevitalisationPage</name>
    <message>
        <source>申请号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>成果编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>成果名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>院系</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>授权日</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>评级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>处置决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>评估人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>下次年费</source>
        <translation>Next annuity</translation>
    </message>
    <message>
        <source>应缴（减缴后）</source>
        <translation>Payable (after reduction)</translation>
    </message>
    <message>
        <source>未缴失效日</source>
        <translation>Lapses if unpaid</translation>
    </message>
    <message>
        <source>专利数</source>
        <translation>Patents</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>全部决定</source>
        <translation>All decisions</translation>
    </message>
    <message>
        <source>（评级不变）</source>
        <translation>(grade unchanged)</translation>
    </message>
    <message>
        <source>（决定不变）</source>
        <translation>(decision unchanged)</translation>
    </message>
    <message>
        <source>应用到所选</source>
        <translation>Apply to selected</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>&lt;b&gt;存量专利盘活&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stock-patent revitalisation&lt;/b&gt;</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>未来三年年费（减缴后，按期缴纳；不含拟放弃的专利）</source>
        <translation>Annuities of the next three years (after reduction, paid on time; patents to drop left out)</translation>
    </message>
    <message>
        <source>共 %1 项有效未转化专利，%2 项尚未决定</source>
        <translation>%1 valid unconverted patents, %2 not yet decided</translation>
    </message>
    <message>
        <source>已更新 %1 项专利</source>
        <translation>%1 patents updated</translation>
    </message>
    <message>
        <source>导出存量专利台账</source>
        <translation>Export the patent inventory</translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>保存单位信息</source>
        <translation>Save institution</translation>
    </message>
    <message>
        <source>单位信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>保存为新版本</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <source>政策参数</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>界面与数据库</source>
        <translation>Interface and database</translation>
    </message>
    <message>
        <source>数据库连接</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>重新启动后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>设置文件</source>
        <translation>Settings file</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>≤ {0} 元：</source>
        <translation>≤ {0} CNY: </translation>
    </message>
    <message>
        <source>其余：</source>
        <translation>above: </translation>
    </message>
    <message>
        <source>当前版本：第 %1 版</source>
        <translation>Current version: %1</translation>
    </message>
    <message>
        <source>审批层级：</source>
        <translation>Approval tiers: </translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
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
        <source>可选</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>已中止</source>
        <translation>Stopped</translation>
    </message>
</context>
<context>
    <name>TargetsTable</name>
    <message>
        <source>合作平台/联合实验室</source>
        <translation>Platforms / joint labs</translation>
    </message>
    <message>
        <source>技术开发等合同</source>
        <translation>Development contracts</translation>
    </message>
    <message>
        <source>转化创办企业</source>
        <translation>Spin-offs</translation>
    </message>
    <message>
        <source>专精特新</source>
        <translation>ZJTX SMEs</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>成果编号或项目编号（可不填）</source>
        <translation>Case or deal number (optional)</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>工号（可不填）</source>
        <translation>Staff no. (optional)</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>本人（人员）</source>
        <translation>Person (who this is)</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>First password</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本人（人员）</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>设为所选角色</source>
        <translation>Give the chosen role</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>启动时需要登录（本机数据库）</source>
        <translation>Require a login at start (local database)</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>未设密码</source>
        <translation>No password</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>%1 的新密码：</source>
        <translation>New password for %1:</translation>
    </message>
</context>
<context>
    <name>WorkloadPage</name>
    <message>
        <source>技术经理人</source>
        <translation>Technology manager</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>在办成果</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>签约交易</source>
        <translation>Deals signed</translation>
    </message>
    <message>
        <source>合同金额</source>
        <translation>Contract value</translation>
    </message>
    <message>
        <source>到账收入</source>
        <translation>Income received</translation>
    </message>
    <message>
        <source>逾期待办</source>
        <translation>Overdue tasks</translation>
    </message>
    <message>
        <source>&lt;b&gt;技术经理人工作量与业绩&lt;/b&gt;</source>
        <translation>&lt;b&gt;Technology managers: workload and results&lt;/b&gt;</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>共 %1 位技术经理人</source>
        <translation>%1 technology managers</translation>
    </message>
    <message>
        <source>尚无技术经理人：在基础数据的人员中填写技术经理人等级。</source>
        <translation>No technology managers yet: set a person&apos;s manager level in Master data.</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>转让</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>许可</source>
        <translation>License</translation>
    </message>
    <message>
        <source>作价投资</source>
        <translation>Equity</translation>
    </message>
    <message>
        <source>开发/咨询/服务</source>
        <translation>R&amp;D / consulting / service</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>combo</name>
    <message>
        <source>未录入</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>（已分配）</source>
        <translation> (distributed)</translation>
    </message>
</context>
<context>
    <name>dlg</name>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <source>校外人员可留空，自动编号</source>
        <translation>May be left empty for external people (numbered automatically)</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职称/职务</source>
        <translation>Title / position</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>校外人员</source>
        <translation>External</translation>
    </message>
    <message>
        <source>领导职务</source>
        <translation>Leading post</translation>
    </message>
    <message>
        <source>创业状态</source>
        <translation>Entrepreneurship status</translation>
    </message>
    <message>
        <source>技术经理人等级</source>
        <translation>Technology manager level</translation>
    </message>
    <message>
        <source>技术经理人证书编号</source>
        <translation>Technology manager certificate no.</translation>
    </message>
    <message>
        <source>个人信息已遮盖（只读角色）</source>
        <translation>Personal data masked (viewer role)</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>18 位，地区由代码第 3–8 位确定</source>
        <translation>18 characters; the region follows from characters 3–8</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>注册资本（元）</source>
        <translation>Registered capital (CNY)</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>园区/孵化器</source>
        <translation>Park / incubator</translation>
    </message>
    <message>
        <source>转化创办企业</source>
        <translation>Spin-off</translation>
    </message>
    <message>
        <source>高新技术企业</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <source>专精特新</source>
        <translation>ZJTX SME</translation>
    </message>
    <message>
        <source>境外企业</source>
        <translation>Foreign company</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>第 {0} 行：</source>
        <translation>row {0}: </translation>
    </message>
</context>
<context>
    <name>host</name>
    <message>
        <source>完成并备注</source>
        <translation>Done, with a note</translation>
    </message>
    <message>
        <source>推迟至</source>
        <translation>Snooze until</translation>
    </message>
    <message>
        <source>新建待办</source>
        <translation>New task</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>无法完成</source>
        <translation>Not done</translation>
    </message>
</context>
</TS>
