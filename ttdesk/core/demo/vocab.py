"""Word lists for realistic demo data: the fields that Beijing's plans name, the colleges of a
research university, Chinese names, companies, programmes, parks.

Everything here is invented or generic: the university (京华理工大学) is fictional, company
names are built from parts, and credit codes come from `make_credit_code`.
"""

from __future__ import annotations

import random


def _words(text: str) -> list[str]:
    return text.split()


INSTITUTION = {
    "name": "京华理工大学",
    "name_en": "Jinghua University of Science and Technology",
    "tto_name": "京华理工大学技术转移中心",
    "address": "北京市海淀区学院南路 88 号",
    "asset_company": "京华理工大学资产经营有限公司",
}
EMAIL_DOMAIN = "jhust.edu.cn"

# field code -> (Chinese field name, title objects, qualifiers)
FIELDS: dict[str, tuple[str, list[str], list[str]]] = {
    "ai": ("人工智能", [
        "大模型推理加速", "多模态大模型", "视觉语言模型", "检索增强生成", "多智能体协同决策",
        "语音大模型", "知识图谱构建", "大模型安全对齐", "具身智能机器人", "代码生成大模型",
        "时序预测模型", "联邦学习", "图神经网络推荐", "小样本目标检测", "文档智能解析",
    ], ["面向工业质检的", "基于知识增强的", "轻量化", "端侧部署的", "面向医疗影像的",
        "可解释的", "低功耗", "面向政务服务的", "高并发", "隐私保护的", "自适应"]),
    "battery": ("新能源材料", [
        "硫化物固态电池电解质", "氧化物固态电解质膜", "聚合物固态电解质", "高镍三元正极材料",
        "锂金属负极界面修饰层", "硅碳复合负极", "钠离子电池硬碳负极", "固态电池电解质",
        "富锂锰基正极材料", "锂硫电池隔膜", "电池热失控预警", "水系锌离子电池",
    ], ["高离子电导率", "长循环寿命", "高安全性", "低成本", "宽温域", "高倍率",
        "原位固化", "高能量密度", "干法制备的", "界面稳定的"]),
    "glioma": ("生物医药", [
        "胶质瘤靶向纳米递药系统", "穿透血脑屏障的靶向药物载体", "胶质母细胞瘤免疫治疗抗体",
        "IDH突变胶质瘤小分子抑制剂", "胶质瘤靶向多肽偶联药物", "胶质瘤光动力治疗探针",
        "胶质瘤CAR-T细胞", "胶质瘤术中荧光成像剂", "胶质瘤干细胞靶向化合物",
        "脑胶质瘤液体活检标志物",
    ], ["高选择性", "双靶向", "可视化", "低毒性", "缓释型", "响应型", "新型", "口服",
        "长效"]),
    "implant": ("医疗器械", [
        "3D打印个性化颅骨修复植入体", "多孔钛合金颅骨植入物", "聚醚醚酮颅骨修补假体",
        "可降解镁合金颅颌面固定板", "3D打印椎间融合器", "生物活性陶瓷骨修复支架",
        "定制化人工关节", "手术导航定位装置", "微创神经外科手术机器人", "血管介入导管",
    ], ["个性化", "轻量化", "仿生多孔", "抗感染", "可降解", "高强度", "数字化设计的",
        "术中可塑形"]),
    "mental": ("数字健康", [
        "抑郁症数字疗法", "焦虑障碍虚拟现实干预", "青少年心理健康智能评估",
        "失眠认知行为数字治疗", "孤独症儿童社交训练", "注意缺陷多动障碍游戏化训练",
        "心理危机智能预警", "正念冥想脑电反馈", "老年认知障碍筛查", "情绪识别可穿戴监测",
    ], ["基于虚拟现实的", "基于脑电反馈的", "基于语音情感分析的", "家庭场景", "远程",
        "个性化", "游戏化", "多模态"]),
    "nano": ("纳米科技", [
        "摩擦纳米发电机", "柔性压电纳米发电机", "自驱动可穿戴传感器", "海洋波浪能纳米发电机",
        "纳米纤维空气过滤膜", "量子点发光材料", "纳米酶检测试剂", "石墨烯导热膜",
        "纳米银导电油墨", "二维材料柔性电子器件",
    ], ["高输出", "柔性", "自供能", "可拉伸", "高灵敏度", "大面积", "透明", "可降解"]),
    "green": ("绿色能源", [
        "钙钛矿太阳能电池", "绿氢电解槽催化剂", "风电功率预测", "二氧化碳捕集与转化",
        "生物质热解制油", "光伏组件回收", "固体氧化物燃料电池", "储能电站能量管理",
        "氢燃料电池膜电极", "工业余热回收", "氨氢储运",
    ], ["高效", "低铂", "长寿命", "模块化", "大面积", "低能耗", "智能", "高稳定性"]),
    "chip": ("集成电路", [
        "RISC-V处理器芯片", "存算一体芯片", "碳化硅功率器件", "硅光芯片", "毫米波射频芯片",
        "芯片低功耗设计", "Chiplet互连接口", "神经形态计算芯片", "高速SerDes接口",
        "MEMS传感芯片", "氮化镓功率芯片", "芯片封装散热结构",
    ], ["高能效", "低延迟", "高可靠", "车规级", "国产化", "可重构", "低噪声", "高集成度"]),
    "vaccine": ("生物医药", [
        "mRNA疫苗递送脂质纳米颗粒", "广谱流感疫苗", "重组蛋白疫苗佐剂", "呼吸道合胞病毒疫苗",
        "带状疱疹疫苗", "口服轮状病毒疫苗", "疫苗冻干保护剂", "多价肺炎球菌结合疫苗",
        "治疗性肿瘤疫苗", "黏膜免疫疫苗",
    ], ["热稳定", "广谱", "新型", "高免疫原性", "多价", "无针注射", "可冻干"]),
    "manufacturing": ("智能制造", [
        "工业机器人视觉引导", "数控机床热误差补偿", "增材制造路径规划", "数字孪生产线",
        "精密减速器", "焊接质量在线检测", "柔性装配系统", "设备故障预测与健康管理",
    ], ["高精度", "自适应", "在线", "多轴联动", "智能", "低成本"]),
    "agri": ("现代农业", [
        "耐盐碱小麦育种", "玉米单倍体诱导", "设施蔬菜智能灌溉", "畜禽疫病快速检测",
        "土壤重金属修复", "食用菌工厂化栽培", "农产品冷链保鲜",
    ], ["高产", "节水", "抗病", "绿色", "快速", "低成本"]),
    "aero": ("航空航天", [
        "无人机集群协同控制", "卫星姿态控制", "航空发动机叶片涂层", "复合材料机翼结构",
        "低轨卫星通信天线", "飞行器健康监测",
    ], ["轻量化", "高可靠", "耐高温", "自主", "低成本"]),
    "env": ("节能环保", [
        "工业废水深度处理", "挥发性有机物催化燃烧", "城市固废资源化", "建筑节能围护结构",
        "水体微塑料检测", "烟气脱硝催化剂",
    ], ["高效", "低温", "模块化", "资源化", "在线监测"]),
}

# Endings by achievement kind; {o} = object, {q} = qualifier.
KIND_PATTERNS: dict[str, list[str]] = {
    "invention_patent": ["一种{q}{o}方法", "{q}{o}及其制备方法", "一种{q}{o}系统及方法",
                         "{o}的{q}实现方法", "一种{q}{o}装置", "{q}{o}方法、设备及存储介质"],
    "utility_model": ["一种{q}{o}装置", "{q}{o}结构", "一种{o}用{q}夹持装置"],
    "design": ["{o}外观设计", "{q}{o}外壳"],
    "software_copyright": ["{q}{o}软件V1.0", "{o}管理平台V2.0", "{q}{o}系统软件V1.0"],
    "ic_layout": ["{q}{o}版图", "{o}集成电路布图设计"],
    "plant_variety": ["京华{n}号（{o}）"],
    "biomedical_variety": ["{q}{o}（新药候选物）", "{o}注射液"],
    "technical_secret": ["{q}{o}工艺技术秘密", "{o}关键配方及工艺"],
    "other": ["{q}{o}技术方案", "{o}标准样品"],
}

# Department: (code, name, English name, fields it works in)
DEPARTMENTS: list[tuple[str, str, str, list[str]]] = [
    ("D01", "计算机学院", "School of Computer Science", ["ai", "chip"]),
    ("D02", "人工智能学院", "School of Artificial Intelligence", ["ai", "mental"]),
    ("D03", "软件学院", "School of Software", ["ai", "manufacturing"]),
    ("D04", "电子信息工程学院", "School of Electronic and Information Engineering",
     ["chip", "ai", "aero"]),
    ("D05", "集成电路学院", "School of Integrated Circuits", ["chip"]),
    ("D06", "自动化学院", "School of Automation", ["manufacturing", "ai", "aero"]),
    ("D07", "机械工程学院", "School of Mechanical Engineering", ["manufacturing", "implant"]),
    ("D08", "材料科学与工程学院", "School of Materials Science and Engineering",
     ["battery", "nano", "implant"]),
    ("D09", "化学与化工学院", "School of Chemistry and Chemical Engineering",
     ["battery", "green", "env"]),
    ("D10", "物理学院", "School of Physics", ["nano", "chip", "green"]),
    ("D11", "能源与动力工程学院", "School of Energy and Power Engineering",
     ["green", "battery"]),
    ("D12", "环境学院", "School of Environment", ["env", "green"]),
    ("D13", "生命科学学院", "School of Life Sciences", ["vaccine", "glioma", "agri"]),
    ("D14", "药学院", "School of Pharmaceutical Sciences", ["glioma", "vaccine"]),
    ("D15", "医学部", "Health Science Center", ["glioma", "implant", "vaccine", "mental"]),
    ("D16", "生物医学工程学院", "School of Biomedical Engineering",
     ["implant", "mental", "nano"]),
    ("D17", "心理学院", "School of Psychology", ["mental"]),
    ("D18", "航空航天学院", "School of Aeronautics and Astronautics", ["aero", "manufacturing"]),
    ("D19", "农学院", "College of Agriculture", ["agri", "env"]),
    ("D20", "光电学院", "School of Optics and Photonics", ["chip", "nano", "green"]),
    ("D21", "交通运输学院", "School of Traffic and Transportation", ["ai", "green"]),
    ("D22", "数学科学学院", "School of Mathematical Sciences", ["ai"]),
    ("D23", "纳米科学与技术研究院", "Institute of Nanoscience and Technology",
     ["nano", "battery"]),
    ("D24", "新能源研究院", "Institute of New Energy", ["green", "battery"]),
    ("D25", "附属医院", "Affiliated Hospital", ["implant", "mental", "glioma"]),
]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏宇浩凯晨旭东子涵"
    "欣怡思远博文一鸣佳琪雨轩梓萱俊杰嘉怡天宇晓峰志强海燕丹阳雪梅振华立新国庆建国卫东"
    "冬梅春燕秋实泽楷若曦婉清昊然亦凡书瑶睿哲承宇锦程雅琴"
)

STAFF_TITLES = ["教授", "教授", "副教授", "副教授", "副教授", "讲师", "研究员", "副研究员",
                "助理研究员", "高级工程师", "工程师", "博士后"]
STUDENT_TITLES = ["博士研究生", "博士研究生", "硕士研究生"]
HEAD_TITLES = ["院长", "院长", "所长", "系主任", "中心主任"]
EXTERNAL_ORGS = ["中国科学院", "北京协和医院", "国家电网研究院", "中国航天科工集团",
                 "北京生物制品研究所", "清源实验室", "中关村实验室", "华北电力研究院"]

OFFICERS = [("wangjing", "王静", "officer"), ("lihao", "李浩", "officer"),
            ("zhangmin", "张敏", "officer"), ("liuyang", "刘洋", "officer"),
            ("chenxi", "陈曦", "officer"), ("zhaolei", "赵磊", "officer"),
            ("sunli", "孙丽", "officer"), ("zhouqiang", "周强", "officer"),
            ("hefang", "何芳", "reviewer"), ("guoyu", "郭宇", "reviewer"),
            ("maxiaodong", "马晓东", "director"), ("admin", "系统管理员", "admin"),
            ("audit", "审计查询", "viewer")]

# Company name parts: 字号 (brand) and industry words by field.
BRANDS = _words(
    "华清 中科 智源 博睿 鼎新 启明 星河 云帆 瀚海 睿芯 恒通 远航 天工 九章 灵犀 新元 "
    "同创 卓越 锐思 易达 万象 光启 紫光 金石 和信 汇智 弘毅 泰和 安泰 科瑞 盛达 正元 "
    "京科 燕园 海淀 未来 腾飞 华芯 微纳 量子 蓝海 聚能 清能 绿源 碳谷 氢途 储能 "
    "极智 深瞳 识微 心语 安宁 康源 健行 佑康 仁和 济世 瑞康 博奥 诺华 百济 元气 "
    "擎天 北辰 长风 青云 磐石 致远 明德 格致 知行 创新 智行 数联 云脑 算力 芯动"
)
INDUSTRY_BY_FIELD = {
    "ai": ["智能科技", "信息技术", "数据科技", "人工智能科技"],
    "battery": ["新能源科技", "新材料科技", "能源科技"],
    "glioma": ["生物医药科技", "医药科技", "生物技术"],
    "implant": ["医疗器械", "医疗科技", "生物材料科技"],
    "mental": ["数字医疗科技", "健康科技", "心理健康科技"],
    "nano": ["纳米科技", "新材料科技", "传感技术"],
    "green": ["清洁能源科技", "氢能科技", "环保科技"],
    "chip": ["半导体", "微电子科技", "集成电路设计"],
    "vaccine": ["生物制品", "生物技术", "疫苗科技"],
    "manufacturing": ["智能装备", "机器人科技", "自动化科技"],
    "agri": ["农业科技", "种业科技", "生物科技"],
    "aero": ["航天科技", "航空科技", "无人机科技"],
    "env": ["环境科技", "环保工程", "节能科技"],
}
# region code, city prefix, region enum, province code (contract registration)
REGIONS = [
    ("110108", "北京", "beijing", "110000"), ("110105", "北京", "beijing", "110000"),
    ("110114", "北京", "beijing", "110000"), ("110115", "北京", "beijing", "110000"),
    ("110116", "北京", "beijing", "110000"), ("110106", "北京", "beijing", "110000"),
    ("120116", "天津", "tianjin", "120000"), ("130600", "保定", "hebei", "130000"),
    ("131000", "廊坊", "hebei", "130000"), ("310115", "上海", "other_province", "310000"),
    ("440305", "深圳", "other_province", "440000"), ("320505", "苏州", "other_province", "320000"),
    ("330106", "杭州", "other_province", "330000"), ("370102", "济南", "other_province", "370000"),
]
REGION_WEIGHTS = [30, 8, 6, 5, 3, 4, 6, 3, 3, 6, 6, 4, 4, 2]
ADDRESS_BY_REGION = {
    "110108": "北京市海淀区中关村大街", "110105": "北京市朝阳区望京东路",
    "110114": "北京市昌平区未来科学城", "110115": "北京市大兴区经济技术开发区科创街",
    "110116": "北京市怀柔区雁栖经济开发区", "110106": "北京市丰台区科技园",
    "120116": "天津市滨海新区", "130600": "河北省保定市", "131000": "河北省廊坊市",
    "310115": "上海市浦东新区张江路", "440305": "深圳市南山区科技园",
    "320505": "苏州市工业园区", "330106": "杭州市西湖区", "370102": "济南市历下区",
}
PARKS = ["中关村科学城", "未来科学城", "怀柔科学城", "北京经济技术开发区", "中关村软件园",
         "京华理工大学科技园", "中关村生命科学园", "清河创新园"]

FUNDING = {
    "national": [("国家自然科学基金面上项目", "nsfc"), ("国家自然科学基金青年科学基金项目", "nsfc"),
                 ("国家重点研发计划", "nkp"), ("国家科技重大专项", "major"),
                 ("国家自然科学基金重点项目", "nsfc")],
    "municipal": [("北京市自然科学基金", "bjnsf"), ("北京市科技计划项目", "bjst"),
                  ("中关村科技园区管委会专项", "zgc"), ("北京市教委科研计划", "bjedu")],
    "enterprise": [("企业委托横向课题", "hx"), ("校企联合实验室项目", "hx")],
    "internal": [("校级科研启动基金", "int"), ("学科交叉培育基金", "int")],
    "other": [("中国博士后科学基金", "post"), ("国际合作项目", "intl")],
}
SUPPORT_PROVIDERS = {
    "concept_verification": ["中关村概念验证中心", "京华理工大学概念验证平台",
                             "北京市医药健康概念验证中心"],
    "pilot_test": ["京华理工大学中试基地", "北京经开区中试服务平台", "怀柔科学城中试平台"],
    "innovation_voucher": ["北京市科委创新券", "海淀区创新券"],
    "incubator_service": ["京华理工大学科技园孵化器", "中关村创业大街孵化器"],
}
PUBLICITY_CHANNELS = ["学校信息公开网", "技术转移中心网站", "学校办公网公告栏"]
VALUATION_FIRMS = ["北京华信资产评估有限公司", "北京中衡诚资产评估有限公司",
                   "北京天润正德资产评估有限公司", "北京国融嘉评资产评估有限公司"]
GRANT_BODY = "成果转化领导小组"
DISTRIBUTION_BODY = "技术转移中心"
RELEASE_REASONS = ["评估后市场前景有限，经完成人同意放弃", "专利申请被驳回，不再维持",
                   "完成人离职且无转化意向", "技术路线已被替代，不再维持",
                   "企业合作方退出，维持费用过高"]
TERMINATION_REASONS = ["受让方资金未到位，双方协商终止", "尽职调查发现权属瑕疵",
                       "公示期内异议成立", "受让方战略调整，终止谈判", "审批未通过"]
OBJECTORS = ["课题组成员", "学院教师", "合作企业", "匿名"]
OBJECTION_TEXTS = ["对完成人排序和贡献比例有异议", "认为转让价格明显偏低",
                   "认为该成果与本人在研项目存在权属交叉", "对赋权比例有异议"]
ASSESSORS = ["技术转移中心评估组", "校外专家组", "学院学术委员会", "第三方评估机构"]


def _pick(rng: random.Random, seq: list[str] | str) -> str:
    return seq[int(rng.random() * len(seq))]


def person_name(rng: random.Random) -> str:
    surname = _pick(rng, SURNAMES)
    if rng.random() < 0.4:
        return surname + _pick(rng, GIVEN)
    return surname + _pick(rng, GIVEN) + _pick(rng, GIVEN)


def title(rng: random.Random, field: str, kind: str) -> str:
    _, objects, qualifiers = FIELDS[field]
    pattern = _pick(rng, KIND_PATTERNS[kind])
    return pattern.format(o=_pick(rng, objects), q=_pick(rng, qualifiers),
                          n=rng.randint(1, 60))


def abstract(rng: random.Random, field: str, text_title: str) -> str:
    name = FIELDS[field][0]
    effect = _pick(rng, ["性能指标优于现有方案", "显著降低成本", "已完成小试验证",
                         "已完成中试验证", "具备产业化条件", "已在合作单位试用"])
    return f"本成果属于{name}领域，围绕“{text_title}”形成核心技术，{effect}。"
