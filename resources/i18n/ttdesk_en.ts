<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../ttdesk/ui/case/actions.py" line="160"/>
        <source>当前状态不允许此操作</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ttdesk/ui/case/actions.py" line="111"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/actions.py" line="113"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="65"/>
        <source>日期 (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="65"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="68"/>
        <source>添加一天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="70"/>
        <source>删除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="72"/>
        <source>保存本年安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="76"/>
        <source>年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="83"/>
        <source>列出国务院办公厅公布的放假日期与调休上班日期；其余周一至周五为工作日。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="93"/>
        <source>放假</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="94"/>
        <source>调休上班</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasePanels</name>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="28"/>
        <source>公示期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="29"/>
        <source>渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="30"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="31"/>
        <source>异议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/panels.py" line="32"/>
        <source>处理</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContributorsEditor</name>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>工号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>份额（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="56"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="65"/>
        <source>添加完成人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="92"/>
        <source>工号或姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="110"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="146"/>
        <source>（未找到）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="185"/>
        <source>合计 — 份额须为数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="189"/>
        <source>合计 %1% ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/contributors.py" line="191"/>
        <source>合计 %1% — 须为 100%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="100"/>
        <source>成果总数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="101"/>
        <source>%1 年签约交易</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="102"/>
        <source>%1 年到账收入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="103"/>
        <source>企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="104"/>
        <source>逾期待办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="135"/>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="137"/>
        <source>30 天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="160"/>
        <source>%1 万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="176"/>
        <source>成果状态分布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="177"/>
        <source>近五年到账收入（按转化方式）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/dashboard/page.py" line="178"/>
        <source>万元</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisclosureForm</name>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="44"/>
        <source>成果名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="46"/>
        <source>英文名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="47"/>
        <source>成果类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="48"/>
        <source>所属单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="50"/>
        <source>披露日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="51"/>
        <source>技术领域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="55"/>
        <source>技术成熟度（TRL）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="56"/>
        <source>研究阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="57"/>
        <source>密级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="58"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="59"/>
        <source>拟转化方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="60"/>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="61"/>
        <source>标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="65"/>
        <source>摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="67"/>
        <source>完成人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="71"/>
        <source>经费来源（项目）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="72"/>
        <source>资助类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="73"/>
        <source>项目编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_form.py" line="74"/>
        <source>无经费来源（明确声明）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisclosureTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="42"/>
        <source>保存 (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="45"/>
        <source>放弃修改 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="48"/>
        <source>撤销 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="52"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="72"/>
        <source>● 有未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/disclosure_tab.py" line="72"/>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="31"/>
        <source>欢迎使用 TT Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="33"/>
        <source>请填写本单位信息。下列政策参数已按北京市规定预填，如本单位制度不同请修改；以后可在“设置”中更改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="40"/>
        <source>单位信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="42"/>
        <source>政策参数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="46"/>
        <source>保存并开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/first_start.py" line="47"/>
        <source>稍后</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="96"/>
        <source>搜索名称、编号… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="104"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ttdesk/ui/lists/page.py" line="182"/>
        <source>共 %n 条</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="204"/>
        <source>恢复默认列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="247"/>
        <source>打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="248"/>
        <source>复制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="249"/>
        <source>导出所选到 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="263"/>
        <source>导出到 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="264"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="279"/>
        <source>正在导出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/lists/page.py" line="288"/>
        <source>已导出：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="49"/>
        <source>工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="50"/>
        <source>成果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="51"/>
        <source>交易</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="52"/>
        <source>企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="53"/>
        <source>收益</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="54"/>
        <source>待办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="55"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="56"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="88"/>
        <source>建设中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="138"/>
        <source>数据库：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="163"/>
        <location filename="../../ttdesk/ui/main_window.py" line="207"/>
        <source>共 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="229"/>
        <source>新建披露…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="231"/>
        <source>搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="232"/>
        <source>导入台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="233"/>
        <source>导出 JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="234"/>
        <source>立即备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="235"/>
        <source>从备份恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="236"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="241"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="249"/>
        <source>查看(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="254"/>
        <source>工具栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="270"/>
        <source>此功能尚未安装。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="277"/>
        <source>新建披露</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="280"/>
        <source>导入台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="314"/>
        <source>该交易未关联成果：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="351"/>
        <source>备份到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="361"/>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="362"/>
        <source>已备份到：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="366"/>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="371"/>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="372"/>
        <source>当前数据将被备份文件替换（当前数据库会另存一份）。继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="385"/>
        <source>已从备份恢复：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="387"/>
        <source>正在恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="392"/>
        <source>导出 JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="402"/>
        <source>正在导出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="403"/>
        <source>已导出：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="424"/>
        <source>示例数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="425"/>
        <source>数据库中还没有成果。是否载入 %1 个示例案例以便熟悉本程序？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="439"/>
        <source>已载入 %1 个示例案例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/main_window.py" line="441"/>
        <source>正在生成示例数据…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewDisclosureDialog</name>
    <message>
        <location filename="../../ttdesk/ui/case/new_disclosure.py" line="34"/>
        <source>新建成果披露</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/new_disclosure.py" line="41"/>
        <source>创建 (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/new_disclosure.py" line="43"/>
        <source>取消 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyForm</name>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="116"/>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="116"/>
        <source> 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="116"/>
        <source> 个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="126"/>
        <source>团队奖励下限（转让/许可）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="128"/>
        <source>团队奖励下限（作价投资）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="130"/>
        <source>公示期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="131"/>
        <source>公示天数计法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="132"/>
        <source>长期使用权最短年限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="134"/>
        <source>合同认定登记期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="136"/>
        <source>奖励发放期限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="70"/>
        <source>例如：北京某某大学</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="73"/>
        <source>例如：技术转移中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="76"/>
        <source>单位名称 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="77"/>
        <source>英文名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="78"/>
        <source>技术转移机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="79"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_forms.py" line="80"/>
        <source>资产经营公司</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="161"/>
        <source>已明确声明：无经费来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="162"/>
        <source>尚未申报经费来源（R2：评估前须申报或声明“无”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="168"/>
        <source>共 %1 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/records_tabs.py" line="173"/>
        <source>共 %1 次评估</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="151"/>
        <source>保存单位信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="154"/>
        <source>单位信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="157"/>
        <source>保存为新版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="162"/>
        <source>政策参数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="164"/>
        <source>节假日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="165"/>
        <source>界面与数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="176"/>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="177"/>
        <source>重新启动后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="182"/>
        <source>数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="183"/>
        <source>设置文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="196"/>
        <source>当前版本：第 %1 版</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/settings_page.py" line="197"/>
        <source>审批层级：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="113"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="114"/>
        <source>进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="115"/>
        <source>未开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="116"/>
        <source>可选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ttdesk/ui/case/stepper.py" line="117"/>
        <source>已中止</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
