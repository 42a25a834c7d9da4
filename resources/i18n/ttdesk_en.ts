<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../ttdesk/ui/case/actions.py" line="162"/>
        <source>当前状态不允许此操作</source>
        <translation>Not allowed in the current status</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ttdesk/ui/case/actions.py" line="111"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/actions.py" line="113"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="65"/>
        <source>日期 (YYYY-MM-DD)</source>
        <translation>Date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="65"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="68"/>
        <source>添加一天</source>
        <translation>Add a day</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="70"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="72"/>
        <source>保存本年安排</source>
        <translation>Save this year</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="76"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="83"/>
        <source>列出国务院办公厅公布的放假日期与调休上班日期；其余周一至周五为工作日。</source>
        <translation>List the official days off and make-up workdays published by the State Council; every other Monday to Friday is a working day.</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="93"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="94"/>
        <source>调休上班</source>
        <translation>Make-up workday</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="114"/>
        <source>披露</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="115"/>
        <source>资助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="116"/>
        <source>知识产权</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="117"/>
        <source>评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="118"/>
        <source>赋权</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="119"/>
        <source>交易</source>
        <translation type="unfinished">Deals</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="120"/>
        <source>企业</source>
        <translation type="unfinished">Companies</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="121"/>
        <location filename="../../ttdesk/ui/case/case_page.py" line="168"/>
        <location filename="../../ttdesk/ui/case/case_page.py" line="172"/>
        <source>文件</source>
        <translation type="unfinished">Filings</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="122"/>
        <source>历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/case_page.py" line="142"/>
        <source>状态：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasePanels</name>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="24"/>
        <source>公示期</source>
        <translation>Publicity period</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="25"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="26"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="27"/>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="28"/>
        <source>处理</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="38"/>
        <source>%1 个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="39"/>
        <source>%1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="45"/>
        <source>待处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="47"/>
        <source>成立</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="48"/>
        <source>不成立</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="100"/>
        <source>%1 · 建设中</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="35"/>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="69"/>
        <source>企业</source>
        <translation type="unfinished">Companies</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="57"/>
        <source>衍生企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="57"/>
        <source>受让方/合作方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="60"/>
        <source>共 %1 家企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="61"/>
        <source>尚无企业：签约的受让方、合作方与作价投资形成的企业将列在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="73"/>
        <source>企业详情</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContributorsEditor</name>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>份额（%）</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="65"/>
        <source>添加完成人</source>
        <translation>Add contributor</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="92"/>
        <source>工号或姓名</source>
        <translation>Staff no. or name</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="110"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="146"/>
        <source>（未找到）</source>
        <translation>(not found)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="185"/>
        <source>合计 — 份额须为数字</source>
        <translation>Total — shares must be numbers</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="189"/>
        <source>合计 %1% ✓</source>
        <translation>Total %1% ✓</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="191"/>
        <source>合计 %1% — 须为 100%</source>
        <translation>Total %1% — must be 100%</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="108"/>
        <source>成果总数</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="109"/>
        <source>%1 年签约交易</source>
        <translation>Deals signed in %1</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="110"/>
        <source>%1 年到账收入</source>
        <translation>Income received in %1</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="111"/>
        <source>企业</source>
        <translation>Companies</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="112"/>
        <source>逾期待办</source>
        <translation>Overdue deadlines</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="143"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="145"/>
        <source>30 天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="181"/>
        <source>%1 万元</source>
        <translation>CNY %1 × 10k</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="197"/>
        <source>成果状态分布</source>
        <translation>Achievements by status</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="198"/>
        <source>近五年到账收入（按转化方式）</source>
        <translation>Income of the last five years (by mode)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="199"/>
        <source>万元</source>
        <translation>CNY 10k</translation>
    </message>
</context>
<context>
    <name>DealsTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="58"/>
        <source>条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="59"/>
        <source>公示与异议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="60"/>
        <source>评估/定价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="61"/>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="157"/>
        <source>收款与分配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="62"/>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="161"/>
        <source>文件</source>
        <translation type="unfinished">Filings</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="112"/>
        <source>尚无转化项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="114"/>
        <source>可点击“新建转化项目…”开始。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="120"/>
        <source>下一步 / 当前：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="138"/>
        <source>登记日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/deals_tab.py" line="138"/>
        <source>价格（元）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisclosureForm</name>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="44"/>
        <source>成果名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="46"/>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="47"/>
        <source>成果类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="48"/>
        <source>所属单位</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="50"/>
        <source>披露日期</source>
        <translation>Disclosure date</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="51"/>
        <source>技术领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="55"/>
        <source>技术成熟度（TRL）</source>
        <translation>Technology readiness (TRL)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="56"/>
        <source>研究阶段</source>
        <translation>Research stage</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="57"/>
        <source>密级</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="58"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="59"/>
        <source>拟转化方式</source>
        <translation>Intended mode</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="60"/>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="61"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="65"/>
        <source>摘要</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="67"/>
        <source>完成人</source>
        <translation>Contributors</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="71"/>
        <source>经费来源（项目）</source>
        <translation>Funding sources (projects)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="72"/>
        <source>资助类型</source>
        <translation>Funder type</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="73"/>
        <source>项目编号</source>
        <translation>Project no.</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="74"/>
        <source>无经费来源（明确声明）</source>
        <translation>No funding sources (declared)</translation>
    </message>
</context>
<context>
    <name>DisclosureTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="42"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="45"/>
        <source>放弃修改 (Esc)</source>
        <translation>Discard changes (Esc)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="48"/>
        <source>撤销 (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="52"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="72"/>
        <source>● 有未保存的修改</source>
        <translation>● Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="72"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="31"/>
        <source>欢迎使用 TT Desk</source>
        <translation>Welcome to TT Desk</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="33"/>
        <source>请填写本单位信息。下列政策参数已按北京市规定预填，如本单位制度不同请修改；以后可在“设置”中更改。</source>
        <translation>Please enter your institution. The policy values below are Beijing&apos;s defaults; change those your institution&apos;s rules set differently. Everything can be changed later under Settings.</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="40"/>
        <source>单位信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="42"/>
        <source>政策参数</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="46"/>
        <source>保存并开始</source>
        <translation>Save and start</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="47"/>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>GrantsTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/grants_tab.py" line="39"/>
        <source>公示与异议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/grants_tab.py" line="73"/>
        <source>尚无赋权申请。赋权为可选步骤：团队申请 → 院系审核 → 转移机构审核 → 公示 → 批准 → 协议 → 变更登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/grants_tab.py" line="78"/>
        <source>状态：%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="85"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="85"/>
        <source>用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="85"/>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="86"/>
        <source>对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/other_tabs.py" line="86"/>
        <source>修改内容</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="96"/>
        <source>搜索名称、编号… (Ctrl+F)</source>
        <translation>Search titles, numbers… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="104"/>
        <source>全部</source>
        <translation>All </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ttdesk/ui/lists/page.py" line="182"/>
        <source>共 %n 条</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="204"/>
        <source>恢复默认列</source>
        <translation>Restore default columns</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="247"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="248"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="249"/>
        <source>导出所选到 Excel…</source>
        <translation>Export selection to Excel…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="263"/>
        <source>导出到 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="264"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="279"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="288"/>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="49"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="50"/>
        <source>成果</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="51"/>
        <source>交易</source>
        <translation>Deals</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="52"/>
        <source>企业</source>
        <translation>Companies</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="53"/>
        <source>收益</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="54"/>
        <source>待办</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="55"/>
        <source>文件</source>
        <translation>Filings</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="56"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="88"/>
        <source>建设中</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="138"/>
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="163"/>
        <location filename="../../ttdesk/ui/main_window.py" line="207"/>
        <source>共 %1 条</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="229"/>
        <source>新建披露…</source>
        <translation>New disclosure…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="231"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="232"/>
        <source>导入台账…</source>
        <translation>Import ledger…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="233"/>
        <source>导出 JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="234"/>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="235"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="236"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="241"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="249"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="254"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="270"/>
        <source>此功能尚未安装。</source>
        <translation>This feature is not installed yet.</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="277"/>
        <source>新建披露</source>
        <translation>New disclosure</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="280"/>
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="314"/>
        <source>该交易未关联成果：</source>
        <translation>This deal covers no achievement: </translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="351"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="361"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="362"/>
        <source>已备份到：</source>
        <translation>Backed up to: </translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="366"/>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="371"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="372"/>
        <source>当前数据将被备份文件替换（当前数据库会另存一份）。继续吗？</source>
        <translation>The current data will be replaced by the backup (a copy of the current database is kept). Continue?</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="385"/>
        <source>已从备份恢复：</source>
        <translation>Restored from backup: </translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="387"/>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="392"/>
        <source>导出 JSON</source>
        <translation>Export JSON</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="402"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="403"/>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="424"/>
        <source>示例数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="425"/>
        <source>数据库中还没有成果。是否载入 %1 个示例案例以便熟悉本程序？</source>
        <translation>The database has no achievements yet. Load %1 demo cases to get to know TT Desk?</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="439"/>
        <source>已载入 %1 个示例案例</source>
        <translation>%1 demo cases loaded</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="441"/>
        <source>正在生成示例数据…</source>
        <translation>Building demo data…</translation>
    </message>
</context>
<context>
    <name>NewDisclosureDialog</name>
    <message>
        <location filename="../../ttdesk/ui/case/new_disclosure.py" line="34"/>
        <source>新建成果披露</source>
        <translation>New invention disclosure</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/new_disclosure.py" line="41"/>
        <source>创建 (Ctrl+S)</source>
        <translation>Create (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/new_disclosure.py" line="43"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>PolicyForm</name>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="116"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="116"/>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="116"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="126"/>
        <source>团队奖励下限（转让/许可）</source>
        <translation>Team share floor (transfer/license)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="128"/>
        <source>团队奖励下限（作价投资）</source>
        <translation>Team share floor (equity)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="130"/>
        <source>公示期</source>
        <translation>Publicity period</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="131"/>
        <source>公示天数计法</source>
        <translation>Publicity days counted as</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="132"/>
        <source>长期使用权最短年限</source>
        <translation>Long-term use: minimum years</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="134"/>
        <source>合同认定登记期限</source>
        <translation>Contract registration within</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="136"/>
        <source>奖励发放期限</source>
        <translation>Reward payment within</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="70"/>
        <source>例如：北京某某大学</source>
        <translation>e.g. Beijing Example University</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="73"/>
        <source>例如：技术转移中心</source>
        <translation>e.g. Technology Transfer Office</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="76"/>
        <source>单位名称 *</source>
        <translation>Institution name *</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="77"/>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="78"/>
        <source>技术转移机构</source>
        <translation>Technology transfer office</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="79"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="80"/>
        <source>资产经营公司</source>
        <translation>Asset management company</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="161"/>
        <source>已明确声明：无经费来源</source>
        <translation>Declared: no funding sources</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="162"/>
        <source>尚未申报经费来源（R2：评估前须申报或声明“无”）</source>
        <translation>No funding sources declared yet (R2: declare them, or declare “none”, before the assessment)</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="168"/>
        <source>共 %1 项</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="173"/>
        <source>共 %1 次评估</source>
        <translation>%1 assessments</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="151"/>
        <source>保存单位信息</source>
        <translation>Save institution</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="154"/>
        <source>单位信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="157"/>
        <source>保存为新版本</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="162"/>
        <source>政策参数</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="164"/>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="165"/>
        <source>界面与数据库</source>
        <translation>Interface and database</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="176"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="177"/>
        <source>重新启动后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="182"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="183"/>
        <source>设置文件</source>
        <translation>Settings file</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="196"/>
        <source>当前版本：第 %1 版</source>
        <translation>Current version: %1</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="197"/>
        <source>审批层级：</source>
        <translation>Approval tiers: </translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="113"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="114"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="115"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="116"/>
        <source>可选</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="117"/>
        <source>已中止</source>
        <translation>Stopped</translation>
    </message>
</context>
</TS>
