// Domain lexicons: the words a petition clerk associates with each of the glossary's 12 domains, written from
// general knowledge of petition work (the departments, procedures, documents and complaints of each field), not
// mined from any data set. They give the classifier knowledge beyond its few hundred labeled examples: a
// petition about a fish pond, a school bus or a pension recalculation is recognised even when no training
// petition used those words. The classifier learns how much each domain's hits and each term count (starting
// from a prior that they count for their own domain, see classifier.ts); the lexicon alone decides nothing.
// Words that any petition may use whatever its field (小区, 补偿, 赔偿, 收费, 领取, 村委会, 维权) are left out:
// as priors they would pull every petition that mentions them towards one field.
//
// Matching is by substring on normalised (simplified) text, one pass with a character trie.

import type { Domain } from './labels';

const L = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

/**
 * Terms of each domain (simplified characters). `other` is what none of the eleven fields claims: its terms name
 * the fields of government outside them (household registration and identity papers, consumer and market
 * matters, telecoms and post, banking and commercial insurance, traffic administration, animals, culture and
 * tourism, tax), so that a petition about one of those is not forced into the nearest of the eleven.
 */
export const DOMAIN_LEXICON: Readonly<Record<Domain, readonly string[]>> = {
  // 劳动保障: wages, contracts, dismissal, work injury, labour inspection and arbitration.
  labor: L(`
    工资 欠薪 讨薪 工钱 薪水 薪酬 薪资 血汗钱 劳务费 辛苦钱 农民工 民工 务工 打工 做工 干活 上班 打零工 零工 日结
    包工头 班组长 班组 项目经理 项目部 劳务公司 劳务派遣 派遣 用工 用人单位 雇主 老板 员工 职工 工人 工友 临时工 合同工
    劳动合同 劳务合同 试用期 转正 加班 加班费 夜班 倒班 工时 休息日 年休假 带薪 考勤 工作证 工牌 工资条 工资卡 工资表
    拖欠工资 欠发工资 克扣 克扣工资 扣工资 押工资 压工资 结算工资 结工资 工资欠条 打欠条 工资专户 实名制 工资保证金 讨要工钱 恶意欠薪 拒不支付劳动报酬
    辞退 开除 解雇 解除劳动 解除合同 裁员 离职 辞职 经济补偿 赔偿金 二倍工资 双倍工资 竞业 劳动关系 确认劳动关系
    工伤 工伤认定 工伤保险 伤残鉴定 劳动能力鉴定 职业病 尘肺 工伤赔偿 误工费 停工留薪
    社保缴纳 未缴社保 不缴社保 补缴社保 公积金 住房公积金 五险一金
    劳动监察 劳动保障监察 监察大队 人社局 人力资源和社会保障 劳动仲裁 仲裁委 劳动争议 根治欠薪 清欠 讨要工资 最低工资
    工地 施工队 钢筋工 木工 泥瓦工 瓦工 电焊工 架子工 油漆工 水电工 小工 保洁员 保安员 服务员 快递员 骑手 外卖员 厂里 车间 流水线
    招聘 招工 入职 岗位 调岗 降薪 绩效 提成 底薪 计件 产假 哺乳期 孕期 劳动者 劳动报酬 未签合同 没签合同 社保未交 欠缴社保 不给交社保
  `),
  // 房地产: buying new homes from developers, delivery, certificates, quality, sales practices, rentals agents.
  housing: L(`
    开发商 房地产 房企 楼盘 商品房 期房 现房 预售 预售许可证 预售资金 监管资金 售楼处 售楼部 置业顾问 认购 认购书
    购房 买房 购房款 购房合同 商品房买卖合同 网签 定金 订金 诚意金 首付 首付款 按揭 房贷 公积金贷款 月供
    交房 收房 验房 延期交房 逾期交房 交付 交付标准 逾期交付 烂尾 烂尾楼 项目停工 保交楼 工程进度 复工复产
    房产证 房本 不动产权证 不动产登记 办证 产权证 契税 维修资金 公摊 面积缩水 面积误差 层高 户型 样板房 精装 精装修 毛坯
    房屋质量 质量问题 开裂 裂缝 渗水 漏水 墙体 空鼓 霉变 返修 保修 保修期 质保 验收 竣工验收 消防验收 规划变更 容积率
    虚假宣传 宣传册 学区房 捆绑销售 车位捆绑 更名费 退房 退房款 退定金 一房多卖 捂盘 降价促销 降价销售 老业主 房价
    房屋中介 中介 二手房 过户 租房 房东 租客 租金 押金不退 长租公寓 住建局 房管局 住房和城乡建设 房地产管理 商住 公寓
    经济适用房 限价房 共有产权房 人才房 保障房 公租房 廉租房 摇号 配租
  `),
  // 征地拆迁补偿: requisition of collective land, demolition of houses, compensation and resettlement.
  land: L(`
    征地 征收 征用 土地征收 集体土地 国有土地 拆迁 拆除 强拆 强制拆除 拆迁办 征收办 征迁 征拆 拆迁户 被征收人 被拆迁
    补偿款 补偿标准 补偿协议 补偿安置 征地补偿 拆迁补偿 安置补偿 安置补助费 土地补偿费 地上附着物 附着物 青苗 青苗费 征收补偿 房屋补偿 拆迁款
    安置 安置房 回迁 回迁房 还建房 过渡费 临时安置 搬迁 搬迁费 搬迁奖励 货币补偿 产权调换 评估报告 评估价 房屋评估 入户丈量
    宅基地 房屋征收 旧城改造 城中村 棚户区 棚改 老城区改造 片区开发 收储 土地储备 征收决定 征收公告 征地公告 签约率 拆迁协议 拆迁安置
    土地纠纷 土地权属 土地证 集体土地使用证 收回土地 收回承包地 调整承包地 调地 土地调整 村里收地 占地 占了我家地 地界 边界纠纷 山林权属
    失地农民 被征地农民 社保安置 土地款 征地款 征地补偿款分配 补偿款分配 分配方案 集体经济组织成员 成员资格 外嫁女 出嫁女 户口迁入
    国土 自然资源局 国土资源 土地局 用地 建设用地 用地手续 批文 红线 规划红线 违法占地 非法占地 占用耕地 基本农田 占用农田 毁坏耕地 租地 以租代征
    坟墓 迁坟 林木补偿 果树 鱼塘补偿 厂房拆迁 门面拆迁 营业损失 停产停业损失 拆迁公司
  `),
  // 涉法涉诉: courts, prosecutors, police and justice: judgments, enforcement, case filing, criminal cases.
  legal: L(`
    法院 人民法院 中级法院 高级法院 法庭 法官 审判 审判长 合议庭 庭审 开庭 判决 判决书 裁定 裁定书 调解书 民事 刑事 行政诉讼
    起诉 上诉 申诉 再审 抗诉 一审 二审 终审 重审 发回重审 立案 不予立案 不立案 撤案 结案 审理 审限 超审限 枉法裁判 错案 冤案
    执行 强制执行 申请执行 执行局 执行法官 执行款 执行难 执行不力 终本 终结本次执行 失信被执行人 被执行人 拍卖 查封 冻结 扣押
    检察院 检察官 公诉 不起诉 法律监督 司法 司法局 司法所 律师 法律援助 公证 公证处 鉴定机构 司法鉴定
    公安 公安局 派出所 警察 民警 刑警 报警 报案 立案侦查 侦查 拘留 刑事拘留 取保候审 逮捕 看守所 监狱 服刑 减刑 假释
    诈骗 被骗 非法集资 集资 传销 借贷 民间借贷 高利贷 套路贷 借款 欠款不还 欠钱 讨债 债务 担保 合同纠纷 经济纠纷 侵权
    打人 殴打 伤人 故意伤害 轻伤 伤情鉴定 寻衅滋事 威胁 恐吓 黑恶 涉黑 涉恶 保护伞 交通事故 肇事 交警 事故认定
    信访终结 涉诉 涉法 政法委 徇私枉法 办案 办案民警 卷宗 判赔 胜诉 败诉 调解协议 人民调解 诉讼 诉讼费 案件 案子 当事人 被告 原告 送达 缺席判决 证人
  `),
  // 教育: schools and kindergartens, enrolment, fees, teachers, safety, tutoring.
  education: L(`
    学校 小学 中学 初中 高中 职高 中职 技校 大学 高校 学院 幼儿园 托儿所 托育 早教 培训机构 培训班 辅导班 补习班 校外培训
    学生 孩子上学 小孩上学 上学 入学 升学 招生 划片 学区 学位 择校 转学 插班 借读 学籍 休学 复学 毕业 毕业证 中考 高考 考试
    老师 教师 班主任 校长 教导主任 任课 代课 代课教师 民办教师 特岗 编制 教师工资 职称 教研 教龄
    学费 杂费 择校费 赞助费 补课费 资料费 校服 校服费 教辅 教辅资料 教材 书本费 学校乱收费 伙食费 午托 托管费 课后服务 课后托管
    校车 学生食堂 学校食堂 营养餐 学生宿舍 寝室 校园 操场 教室 课桌 体罚 变相体罚 霸凌 校园欺凌 打骂学生 课业负担 作业 家长 家长群 放学 上下学 开学 学期 年级 班级 同学
    补课 有偿补课 课外 减负 双减 教育局 教育部门 教体局 教委 义务教育 随迁子女 留守儿童 控辍保学 辍学 助学金 奖学金 资助
  `),
  // 医疗卫生: hospitals and clinics, treatment, medical disputes, drugs, public health.
  health: L(`
    医院 人民医院 中医院 妇幼保健院 卫生院 卫生室 社区卫生服务 诊所 门诊 急诊 住院 出院 病房 病床 医生 大夫 护士 主治 院长
    看病 就医 就诊 挂号 化验 手术 术后 麻醉 输液 打针 治疗 抢救 急救 救护车 转院 误诊 漏诊 医疗事故 医疗纠纷 医闹 病情 病人家属 医患
    病历 病历本 诊断 诊断书 医嘱 处方 药品 药物 药费 医药费 医疗费 收费清单 过度医疗 过度检查 医院乱收费 医生红包 医德 医德医风
    假药 药店 药房 医疗器械 疫苗 接种 预防接种 体检 传染病 防疫 疫情 核酸 卫生监督 卫健委 卫生健康 卫生局 医疗机构
    生孩子 分娩 产妇 剖腹产 新生儿 尸检 医疗鉴定 医疗损害 医学会 无证行医 黑诊所 医美 口腔 牙科 体检中心 计划生育
    患者 病人 陪护 精神病 慢病 透析 癌症 肿瘤 住院费 家庭医生 签约医生 基本公共卫生 健康档案
  `),
  // 物业: residential estates' property management company, owners, owners' committee, common parts and fees.
  propertyManagement: L(`
    物业 物业公司 物业管理 物业服务 物业费 物管 管理费 物业合同 前期物业 物业经理 物业人员 物业保安 保安 保洁 门卫 门岗
    业主 业主委员会 业委会 业主大会 业主群 全体业主 小区业主 选聘 解聘 换物业 撤换 公共收益 公共部位 公共设施 共有部分
    电梯 电梯故障 困人 电梯维保 维保 维修基金 专项维修资金 动用维修资金 楼道 楼顶 屋面 外墙 地下室 车库 地库 化粪池 水箱
    停车 车位 停车费 停车位 道闸 门禁 监控 监控坏 消防通道 消防设施 绿化 草坪 卫生差 垃圾清运 垃圾不清 保洁不到位
    二次供水 水压 维修不及时 报修 圈占 占用绿地 装修管理 装修押金 楼上漏水 物业不管 物业不作为 小区道路 小区绿化 小区停车
    物业服务中心 物业服务质量 物业收费 涨物业费 物业公示 账目公开 公共维修 电梯广告 小区广告 停车收费 车位费
  `),
  // 生态环境: pollution of air, water, soil; noise; waste; ecological damage.
  environment: L(`
    污染 环境污染 环保 生态环境 环保局 生态环境局 环境保护 环评 环境影响评价 排污 排污口 偷排 直排 超标排放 排放 在线监测
    废气 烟尘 烟雾 黑烟 粉尘 扬尘 灰尘 臭味 臭气 恶臭 异味 刺鼻 气味 油烟 油烟机 烧烤 焚烧 露天焚烧 秸秆焚烧 烧垃圾
    废水 污水 排水沟 黑臭 水体 河道污染 河水变黑 死鱼 鱼死 水质 饮用水源 地下水 水源地 土壤污染 重金属 危险废物 危废 固废
    噪音 噪声 扰民 夜间施工 施工噪音 机器轰鸣 分贝 震动 广场舞 高音喇叭 音响
    垃圾场 垃圾填埋场 垃圾中转站 渗滤液 倾倒 乱倒 偷倒 偷倒垃圾 工业垃圾 化工厂 搅拌站 石料厂 砖厂 水泥厂 钢厂 冶炼 电镀 印染 造纸厂 屠宰场
    采砂 挖沙 盗采 非法采矿 采石 开山 毁林 砍伐 滥伐 湿地 填湖 占河 养殖污染 养猪场 养殖场臭 畜禽粪便 粪污 苍蝇
    辐射 基站辐射 变电站 光污染 生态破坏 自然保护区 环境整治 环保督察 环保部门 排污许可 污染源 空气质量 雾霾 大气污染 水污染 噪声污染
  `),
  // 城建: public works, roads, utilities and urban management.
  urbanConstruction: L(`
    道路 马路 路面 坑洼 修路 断头路 人行道 盲道 路灯 红绿灯 信号灯 斑马线 桥梁 天桥 地下通道 井盖 窨井 下水道 雨水管
    排水 排水管 排水管网 内涝 积水 管网 雨污分流 供水 自来水 停水 水管 爆管 燃气 天然气 煤气 管道 燃气管道 供暖 暖气 供热
    集中供热 供电 停电 电线 电杆 线路 通信 光纤 公交 公交车 公交站 站台 公交线路 班次 地铁 停车场
    城管 城管局 执法局 综合执法 市政 市政工程 城市管理 违建 违章建筑 违法建设 私搭 乱搭乱建 加层 占道 占道经营 摊贩 流动摊
    城市规划 规划局 规划许可 施工许可 围挡 施工占道 渣土车 绿化带 公园 公厕 公共厕所 垃圾桶 环卫 环卫工 垃圾分类 市容 背街小巷
    老旧小区改造 旧改 加装电梯 管线改造 外墙改造 危房 危楼 房屋安全 鉴定危房 住建 城建 基础设施 路名 门牌 减速带 护栏 交通设施 停车难 充电桩 水费 电费 燃气费 供水公司 燃气公司 供电公司 电力公司 热力公司
  `),
  // 社保民政: pensions and social insurance, minimum living allowance, disability, relief, veterans, elderly.
  socialSecurity: L(`
    社保 社会保险 养老保险 养老金 退休金 退休 退休工资 养老待遇 待遇核定 停发 补发养老金 重新核定 工龄 视同缴费 缴费年限 社保关系 转移接续 断缴 灵活就业 个人缴费 提前退休 特殊工种 退休审批
    城乡居民养老 新农保 基础养老金 医保 医疗保险 新农合 报销 医保报销 异地就医 大病保险 失业保险 失业金 生育保险 社保卡
    低保 最低生活保障 低保户 低保名额 特困 特困供养 五保 五保户 临时救助 医疗救助 救助 社会救助 困难群众 困难补助 困难家庭
    残疾 残疾人 残疾证 残联 残疾补贴 两项补贴 护理补贴 高龄补贴 高龄津贴 老年人 养老院 敬老院 福利院 孤儿 困境儿童 留守老人
    退役军人 退伍军人 复员 转业 优抚 优抚对象 伤残军人 烈士 烈属 军属 抚恤 抚恤金 退役军人事务局
    民政 民政局 民政所 社会事务 殡葬 丧葬费 丧葬补助 火化 公墓 婚姻登记 收养 流浪乞讨 救助站 居家养老 社区养老 养老服务 老年食堂 助餐 独居老人 空巢老人 孤寡老人 老龄 社保局 社保中心 经办 慈善 社工 社会组织 事实无人抚养
  `),
  // 农业农村: farming inputs and produce, land contracting and transfer, subsidies, rural affairs.
  agriculture: L(`
    农业 农村 农民 农户 种植户 养殖户 种粮 种地 耕地 农田 田地 承包地 土地承包 承包合同 承包经营权 确权 土地确权 流转 土地流转
    流转费 租金未付 合作社 专业合作社 家庭农场 种植 养殖 大棚 蔬菜 水果 果园 茶园 粮食 小麦 玉米 水稻 稻谷 大豆 油菜 烟叶
    种子 种苗 假种子 化肥 假化肥 农药 假农药 除草剂 农资 农机 农机补贴 收割机 拖拉机 灌溉 水利 水渠 沟渠 机井 抗旱 排涝
    惠农补贴 种粮补贴 耕地地力保护补贴 粮食补贴 良种补贴 补贴款 一卡通 退耕还林 生态补偿 公益林 林地 林权 山林 荒山
    猪 生猪 牛羊 家禽 鸡鸭 鱼塘 水产 兽医 兽药 动物防疫 病死猪 疫病 减产 绝收 歉收 病虫害 冻害 旱灾 洪灾 农业保险 收购 收购价 压价
    村务公开 集体资产 集体收入 村集体经济 一事一议 乡村振兴 扶贫 脱贫 帮扶 驻村 农业农村局 农技站 农经站 种粮大户 制种 畜牧 渔业 农产品 秧苗 插秧 播种 收成 庄稼
  `),
  // 其他: fields of government outside the eleven above.
  other: L(`
    户口 户籍 落户 迁户口 户口迁移 上户口 入户 户口本 身份证 居住证 出入境 护照 港澳通行证 更正姓名 改名字
    消费者 消费纠纷 消费维权 商家 商场 店家 网购 网店 电商 直播带货 退货 退款 售后 假冒伪劣 以次充好 缺斤少两 价格欺诈 明码标价
    预付卡 充值卡 会员卡 办卡 健身房 理发店 美容院 培训退费 食品安全 过期食品 变质 餐馆 饭店卫生 市场监管 市场监督管理局 工商 12315 商标
    运营商 移动公司 联通 电信公司 宽带 话费 流量费 手机信号 信号差 套餐 骚扰电话 快递 快递公司 包裹 丢件 邮政 邮局
    信用卡 理财产品 银行存款 取款 网贷 催收 暴力催收 车险 商业保险 保单
    驾驶证 驾照 车管所 车辆登记 违章 违停 罚单 电子警察 扣分 电动车上牌 限行 出租车 网约车 打表 拒载 绕路 客运 长途汽车 火车票
    流浪狗 流浪猫 养狗 养犬 遛狗 狗咬人 犬只 宠物扰民 野猪
    景区 门票 旅游 旅行社 导游 文物 文化馆 图书馆 体育场馆 广播电视 有线电视 宗教 寺庙 教堂
    税务 税务局 发票 个税 退税 气象 档案查询
    彩礼 婚丧喜事 大操大办 邻里纠纷 家庭矛盾 赡养 继承 遗产
  `),
};

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Index into DOMAIN_KEYS of each domain whose lexicon ends here, and the term. */
  hits?: { domain: number; term: string }[];
}

/** The domains with a lexicon (all twelve), in a fixed order. */
export const LEXICON_DOMAINS = Object.keys(DOMAIN_LEXICON) as Domain[];

let trie: TrieNode | undefined;

function lexiconTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  LEXICON_DOMAINS.forEach((d, di) => {
    for (const term of DOMAIN_LEXICON[d]) {
      let node = root;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        let n = node.next.get(c);
        if (!n) node.next.set(c, (n = { next: new Map() }));
        node = n;
      }
      node.hits ??= [];
      if (!node.hits.some((h) => h.domain === di)) node.hits.push({ domain: di, term });
    }
  });
  trie = root;
  return root;
}

export interface LexiconHits {
  /** Distinct terms found, per domain (index of LEXICON_DOMAINS). */
  counts: number[];
  /** The distinct terms found, with their domain index. */
  terms: { domain: number; term: string }[];
}

/**
 * The lexicon terms in a normalised text: every occurrence of every term (overlaps included), counted once per
 * distinct term.
 */
export function lexiconHits(normalised: string): LexiconHits {
  const root = lexiconTrie();
  const counts = new Array<number>(LEXICON_DOMAINS.length).fill(0);
  const terms: { domain: number; term: string }[] = [];
  const seen = new Set<{ domain: number; term: string }>();
  for (let i = 0; i < normalised.length; i++) {
    let node: TrieNode | undefined = root.next.get(normalised.charCodeAt(i));
    let j = i + 1;
    while (node) {
      if (node.hits) {
        for (const h of node.hits) {
          if (seen.has(h)) continue;
          seen.add(h);
          counts[h.domain] = (counts[h.domain] as number) + 1;
          terms.push(h);
        }
      }
      if (j >= normalised.length) break;
      node = node.next.get(normalised.charCodeAt(j++));
    }
  }
  return { counts, terms };
}
