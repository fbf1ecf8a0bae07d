// Keys for "the same respondent" and "the same place": company and unit names reduced to what tells them
// apart (恒远建设工程有限公司, 青川市恒远建设工程有限公司 and 恒远公司 all give 恒远), and the names of towns,
// streets, villages, communities and estates. Taken from the petition's fields when a clerk filled them in,
// otherwise found in the text.

import { normalise } from './normalise';
import { cut } from './segment';
import { STOPWORDS } from './stopwords';

// Words of trade or legal form that many companies share: removed to find the trade name.
const TRADE_WORDS = new Set(
  (
    '建设 工程 建设工程 建筑 建筑工程 劳务 建筑劳务 劳务服务 服务 物业 物业服务 物业管理 管理 房地产 房地产开发 开发 置业 ' +
    '地产 实业 投资 商贸 贸易 科技 物流 运输 化工 石材 环保 食品 纺织 机械 电子 出租 汽车 出租汽车 客运 公交 水务 燃气 ' +
    '热力 供热 电力 教育 培训 咨询 餐饮 酒店 家政 保安 装饰 装修 园林 绿化 市政 路桥 水利 矿业 能源 新能源 材料 建材 ' +
    '农业 养殖 种植 生态 旅游 文化 传媒 网络 信息 技术 医疗 医药 健康 有限 责任 股份 集团 控股 发展 工贸 制造 加工 ' +
    '中心 人民 第一 第二 第三 市 县 区'
  ).split(' '),
);
const REGION_PREFIX = /^(?:[\u4e00-\u9fff]{2,3}?(?:省|市|县|区))+/;
const REGION_SEGMENT = /[\u4e00-\u9fff]{2,3}?(?:省|市|县|区)/g;

/** A name's leading regions (青川市, 临江区) and the rest; the innermost region is the last. */
function regionsOf(name: string): { regions: string[]; rest: string } {
  const prefix = REGION_PREFIX.exec(name)?.[0] ?? '';
  return { regions: prefix.match(REGION_SEGMENT) ?? [], rest: name.slice(prefix.length) };
}
const PLACE_SUFFIX = /(?:街道|镇|乡|村|社区|小区|花园|家园|新村|新城|名苑|苑|庭|府|湾|广场)$/;
const PLACE_NEXT = new Set(['街道', '镇', '乡', '村', '社区', '小区', '村委会', '居委会', '花园', '家园', '新村', '新城']);
const HAN2 = /^[\u4e00-\u9fff]{2,}$/;
// Keys that name a kind of organisation, not one: every estate has an 物业, every town a 医院.
const GENERIC = new Set(
  (
    '物业 医院 学校 小学 中学 幼儿园 卫生院 诊所 公司 中心 工厂 开发商 物业公司 单位 部门 政府 集团 工地 项目部 银行 超市 ' +
    '酒店 门诊部 事务所 合作社 工作室 厂 店 法院 人民法院 检察院 人民检察院 人民医院 中医院 派出所 公安局 分局'
  ).split(' '),
);

// A company's name is [region] trade name [trade words] legal form or kind (清河市 恒远 建设工程 有限公司;
// 华鑫 服饰 厂; 瑞泰 置业). The trade name (two characters, as almost all are) tells one company from another,
// and is what people keep when they shorten the name (恒远公司, 鑫华化工, 瑞泰置业). Read with a regular expression
// on the text itself rather than on jieba's words, which glue a preceding character to an unknown name (在鑫华,
// 过恒泰, 被鑫恒). Developers also name their estates (瑞泰·锦华苑, 华泰·锦城): the part before the dot.
const INDUSTRY =
  '建设|工程|建筑|装饰|装修|劳务|分包|服务|物业|管理|房地产|地产|开发|置业|实业|投资|商贸|贸易|科技|物流|运输|化工|石材|石料|' +
  '环保|环境|食品|纺织|服饰|服装|机械|电子|出租|汽车|客运|公交|水务|燃气|热力|电力|教育|培训|咨询|餐饮|家政|保安|园林|绿化|' +
  '市政|路桥|水利|矿业|能源|新能源|材料|建材|农业|养殖|种植|种业|生态|旅游|文化|传媒|网络|信息|技术|医疗|医药|健康|发展|' +
  '工贸|制造|加工|速递|快递|评估|房产|中介|经纪|租赁|金融|小额贷款|担保|保险|律师|会计|药业|药房|制药|印刷|包装|造纸|钢铁|' +
  '水泥|砖|砂石|搅拌|混凝土|塑料|橡胶|电器|家具|五金|汽修|驾校|美容|健身|游乐|酒业|农资|粮油|超市|电商|商业|百货|' +
  '置地|制品|用品|器材|设备|模具|鞋业|灯饰|陶瓷|玻璃|幕墙|照明|软件|数码|针织|印染|建工|果蔬|茶叶|畜牧|法律|广告|涂料|保洁|配件|公寓|体育|房屋|人力资源|城市服务';
// Not 光电, 通信, 钢构, 门窗, 家纺: a trade name's second character and the next would read as one (阳光电器,
// 恒通信息, 宝钢构件, 龙门窗业, 万家纺织).
// Kinds that end a company's name by themselves (恒远公司, 瑞泰置业), and short ones that do only after a trade
// word (华鑫服饰厂, 恒兴砖厂: a bare 车有店 or 家饭店 is speech, not a name).
const KIND =
  '股份有限公司|有限责任公司|有限公司|分公司|总公司|公司|集团|专业合作社|合作社|事务所|门诊部|诊所|网点|经销点|营业厅|' +
  '养殖场|石料厂|石材厂|砖厂|化工厂|房地产开发|房地产|超市|酒店|酒楼|宾馆|驾校|培训中心|培训学校|物业(?![费费用])|置业|地产|种业|速递|快递|化工|药房';
const ORG_NAME = new RegExp(`([\\u4e00-\\u9fff]{2})((?:${INDUSTRY})*)(?:${KIND})|([\\u4e00-\\u9fff]{2})((?:${INDUSTRY})+)(?:厂|店|场)`, 'g');
// A whole company name, its region taken off (祥和建筑劳务有限公司): trade name, trade words, kind.
const WHOLE_COMPANY = new RegExp(`^([\\u4e00-\\u9fff]{2})((?:${INDUSTRY})*)(${KIND})$`);
// Estates named after their developer (瑞泰·锦华苑): read on the text before normalising drops the dot.
const ESTATE_OF = /([\u4e00-\u9fff]{2})[·•][\u4e00-\u9fff]{2,4}/g;
const STARTS_INDUSTRY = new RegExp(`^(?:${INDUSTRY})`);
const INDUSTRY_WORD = new RegExp(`^(?:${INDUSTRY})$`);
// Characters of speech that end no trade name (街道和物业, 拖欠物业费 is caught above, 与某装修公司).
const SPEECH_END = /[和与及跟对向给把被让在找的了是说过到从由为等里上某该这那其各每去]$/;
// ... or begin one (与原物业公司; 街道原纺织厂: the end of a place name).
const SPEECH_START = /^[和与及跟对向给把被让在找从由原道镇乡村县区市省们请了可]/;
// Two characters before a kind that are not a trade name: a region, a kind or a word of speech.
const NOT_A_NAME = new Set(
  (
    '公司 有限 集团 物业 开发 置业 地产 建设 工程 服务 管理 一家 这家 那家 该家 这个 那个 我们 他们 你们 本地 当地 外地 外省 ' +
    '村里 镇上 县里 市里 区里 附近 周边 其他 其它 多家 几家 两家 各家 私人 个体 国有 民营 承包 施工 总包 劳务 合同 所在 原来 ' +
    '现在 以前 之前 后来 还有 只有 没有 已经 要求 请求 建议 督促 责令 通知 反映 举报 投诉 发现 看到 告诉 交给 保险 社保 医保 ' +
    '裁决 判决 仲裁 起诉 执行 快递 外卖 网上 线上 大型 小型 中型 新建 在建 这些 那些 所有 部分 附属 下属 上级 作为 对于 关于 因为 所以 ' +
    // Verbs an office does to a company (查处公司, 约谈公司): what is done to it, not its name.
    '查处 约谈 处罚 调查 检查 整治 取缔 查封 状告 约见 催促 协调 委托 监管 督查 处理 追究 联系 告到 找到 来到 回到 离开 进入 ' +
    // ... or what an estate does with its 物业 (续签物业合同), and the 专业 of a 专业合作社.
    '续签 选聘 聘请 解聘 更换 引入 签订 进驻 撤出 促原 专业'
  ).split(' '),
);
const PLACE_END = /(?:省|市|县|区|镇|乡|村|街道|社区|小区)$/;
const GOVERNMENT_DEPARTMENT = /(?:局|委员会|委|办公室|办|厅)$/;

// A company's line of business, from the trade words after its trade name or its kind, so that two companies of
// one trade name are told apart (远航纺织, 远航塑料) while one company's names stay one (恒华地产, 恒华置业,
// 恒华房地产开发). Words of one line are listed together; a word listed nowhere is its own line; some words say
// no line at all (服务, 管理, 发展).
const SECTOR_WORDS: readonly (readonly [sector: string, words: string])[] = [
  ['地产', '房地产 地产 置业 置地 房产 开发 房地产开发'],
  ['物业', '物业'],
  ['建设', '建设 工程 建筑 建工 装饰 装修 劳务 分包 市政 路桥 水利 幕墙 园林 绿化'],
  ['建材', '建材 材料 石材 石料 砖 砂石 搅拌 混凝土 水泥 陶瓷 玻璃 石料厂 石材厂 砖厂'],
  ['物流', '物流 运输 速递 快递'],
  ['交通', '客运 公交 出租 汽车 驾校 汽修'],
  ['商贸', '商贸 贸易 工贸 超市 百货 商业 电商 粮油 农资'],
  ['餐饮', '餐饮 酒店 酒楼 宾馆'],
  ['教育', '教育 培训 培训中心 培训学校'],
  ['医疗', '医疗 医药 药业 药房 制药 健康 门诊部 诊所'],
  ['农业', '农业 养殖 种植 种业 生态 果蔬 茶叶 畜牧 养殖场 合作社 专业合作社'],
  ['纺织', '纺织 服饰 服装 针织 印染 鞋业'],
  ['科技', '科技 网络 信息 技术 软件 数码 电子'],
  ['能源', '能源 新能源 电力 燃气 热力 水务'],
  ['金融', '金融 小额贷款 担保 保险'],
  ['化工', '化工 化工厂 涂料'],
  ['法律', '法律 律师'],
];
const SECTOR = new Map(SECTOR_WORDS.flatMap(([sector, words]) => words.split(' ').map((w) => [w, sector] as const)));
const NO_SECTOR = new Set('服务 管理 发展 实业 投资 控股 制造 加工 制品 用品 器材 设备 有限 集团 公司'.split(' '));
const INDUSTRY_WORDS = new RegExp(`(?:${INDUSTRY})`, 'g');

/** The line of business of a company's trade words and kind (纺织, 有限公司 → 纺织; 置业 → 地产), if they say one. */
function sectorOf(tradeWords: string, kind: string): string | null {
  for (const w of [...(tradeWords.match(INDUSTRY_WORDS) ?? []), kind]) {
    const sector = SECTOR.get(w) ?? (NO_SECTOR.has(w) || !INDUSTRY_WORD.test(w) ? null : w);
    if (sector !== null) return sector;
  }
  return null;
}

/** A company as a text names it: its trade name (恒远) and, when the name says it, its line of business. */
interface TradeName {
  name: string;
  sector: string | null;
}

/** A company's respondent key: 远航·纺织, or the bare trade name (远航) when its name gives no line of business. */
const tradeKey = (t: TradeName): string => (t.sector === null ? t.name : `${t.name}·${t.sector}`);

/** The trade name of a company's respondent key (远航·纺织 → 远航); any other key as it is. */
export function tradeOfKey(key: string): string {
  const dot = key.indexOf('·');
  return dot < 0 ? key : key.slice(0, dot);
}

/**
 * Whether two respondent keys may name the same respondent: the same key, or one company's trade name where one of
 * them gives no line of business (恒华 and 恒华·物业; not 恒华·物业 and 恒华·地产).
 */
export function sameRespondentKeys(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = tradeOfKey(a);
  return ta === tradeOfKey(b) && (a === ta || b === ta);
}

/** Keys less a bare trade name that a keyed one stands for (a text's 恒华公司 after its 恒华物业管理有限公司). */
export function withoutBareTwins(keys: Set<string>): Set<string> {
  for (const k of keys) if (k.includes('·')) keys.delete(tradeOfKey(k));
  return keys;
}

/** Trade words of three characters or more: their last two are no trade name (混凝土 → 凝土, 人力资源 → 资源). */
const LONG_TRADE_WORDS = INDUSTRY.split('|').filter((w) => w.length >= 3);
const endsTradeWord = (name: string, before: string): boolean =>
  LONG_TRADE_WORDS.some((w) => w.endsWith(name) && before.endsWith(w.slice(0, -name.length)));

/** The trade names of the companies a text names (恒远, 华鑫, 鑫华), normalised text in. */
function tradeNames(normalised: string, raw = normalised): TradeName[] {
  const out: TradeName[] = [];
  const take = (name: string, rest: string, sector: string | null, before = '') => {
    // A place name's last characters (柳塘镇化工厂 -> 塘镇), a kind, a word of speech, or the first half of a
    // trade word (华泰房地产 must not give 泰房) are not a trade name.
    if (NOT_A_NAME.has(name) || PLACE_END.test(name) || STOPWORDS.has(name) || GENERIC.has(name) || SPEECH_END.test(name) || SPEECH_START.test(name)) return;
    if (STARTS_INDUSTRY.test(name.slice(1) + rest) || INDUSTRY_WORD.test(name) || endsTradeWord(name, before)) return;
    out.push({ name, sector });
  };
  ORG_NAME.lastIndex = 0;
  for (let m = ORG_NAME.exec(normalised); m !== null; m = ORG_NAME.exec(normalised)) {
    const words = m[2] ?? m[4] ?? '';
    take((m[1] ?? m[3]) as string, normalised.slice(m.index + 2), sectorOf(words, m[0].slice(2 + words.length)), normalised.slice(Math.max(0, m.index - 3), m.index));
    // Overlapping names (a trade name right after another's kind) are still found.
    ORG_NAME.lastIndex = m.index + 1;
  }
  ESTATE_OF.lastIndex = 0;
  for (let m = ESTATE_OF.exec(raw); m !== null; m = ESTATE_OF.exec(raw)) take(normalise(m[1] as string, { maskPersonalNumbers: false }), '', null);
  return out;
}

/**
 * The key of a respondent's name: a company's trade name (恒远建设工程有限公司, 青川市恒远建设工程有限公司 and
 * 恒远公司 all give 恒远). Other names (units, hospitals, courts) lose region prefixes and trade words, keeping
 * what tells them apart (第二人民医院); a name that is only a kind is kept whole (东湖区人民法院).
 */
export function respondentKey(name: string): string {
  let s = normalise(name, { maskPersonalNumbers: false }).replace(/[^\u4e00-\u9fffA-Za-z0-9·]/g, '');
  const trade = tradeNames(s.replace(/·/g, ''), s)[0];
  if (trade !== undefined) return tradeKey(trade);
  // An official by post, as a text names one (杏树湾村党支部书记曾某 → 曾某@书记): one key, not two.
  const official = OFFICIAL_AT_END.exec(s);
  if (official !== null) return officialKey(official);
  // A name as registered is a name, not speech: a trade name that reads as a word of speech (祥和, 永和) is one here.
  const whole = WHOLE_COMPANY.exec(s.replace(/·/g, '').replace(REGION_PREFIX, ''));
  if (whole !== null && !NOT_A_NAME.has(whole[1]!) && !GENERIC.has(whole[1]!) && !INDUSTRY_WORD.test(whole[1]!))
    return tradeKey({ name: whole[1]!, sector: sectorOf(whole[2]!, whole[3]!) });
  s = s.replace(/·/g, '');
  s = s.replace(/(?:股份有限公司|有限责任公司|有限公司|分公司|总公司|公司|集团)$/, '');
  const full = s;
  s = s.replace(REGION_PREFIX, '');
  if (s.length < 2) s = full;
  const words = cut(s);
  const kept: string[] = [];
  for (const w of words) {
    if (TRADE_WORDS.has(w) || /^(?:股份有限公司|有限责任公司|有限公司|公司|集团|分公司)$/.test(w)) continue;
    kept.push(w);
  }
  const key = kept.join('');
  // A government department is one per county (江屿区教育局, 槐山县教育局 are two respondents): kept with its
  // innermost region, so 青川市临江区教育局 and 临江区教育局 are the same one.
  const innermost = regionsOf(full).regions.at(-1);
  if (GOVERNMENT_DEPARTMENT.test(key) && innermost !== undefined && full !== s) return innermost + s;
  // A name whose trade words leave only a kind (第二人民医院 -> 医院) is kept whole without its region; with it,
  // when even that is only a kind (东湖区人民法院).
  if (key.length >= 2 && !GENERIC.has(key)) return key;
  return GENERIC.has(s) || s.length < 2 ? full : s;
}

// The short names residents and clerks write for government departments (青川市人社局 for 青川市人力资源和社会保障局).
// A short name stands for one department only: an accusation keeps one unit from the petition, so a short name two
// units of one county could go by (城管局 for 城市管理局 and for 综合行政执法局) would protect only one of them.
const DEPARTMENT_SHORT_NAMES: readonly (readonly [full: string, short: readonly string[]])[] = [
  ['人力资源和社会保障局', ['人社局', '人力社保局']],
  ['住房和城乡建设局', ['住建局']],
  ['自然资源和规划局', ['自然资源局', '自规局', '资规局']],
  ['卫生健康委员会', ['卫健委', '卫生健康委']],
  ['卫生健康局', ['卫健局']],
  ['生态环境局', ['环保局']],
  ['农业农村局', ['农业局', '农业农村委']],
  ['城市管理局', ['城管局']],
  ['综合行政执法局', ['综合执法局']],
  ['市场监督管理局', ['市场监管局', '市监局']],
  ['交通运输局', ['交通局']],
  ['文化和旅游局', ['文旅局']],
  ['文化广电旅游局', ['文广旅局']],
  ['医疗保障局', ['医保局']],
  ['退役军人事务局', ['退役军人局']],
  ['应急管理局', ['应急局']],
  ['发展和改革委员会', ['发改委']],
  ['发展和改革局', ['发改局']],
  ['行政审批服务局', ['行政审批局', '审批局']],
  ['纪委监委', ['纪委', '监委']],
  ['信访局', ['信访办']],
];

/** The names a unit goes by: its own, and its department's short names after the same region (青川市人社局). */
export function unitNameForms(name: string): string[] {
  const forms = [name];
  for (const [full, shorts] of DEPARTMENT_SHORT_NAMES)
    if (name.endsWith(full)) for (const short of shorts) forms.push(name.slice(0, name.length - full.length) + short);
  return forms;
}

/**
 * Whether a respondent as someone typed it may be this unit of ours, by its name or a short one: the same key
 * (青川市临江区人社局 is 临江区人社局), or the same department when the typed name gives no region, for then any
 * county's may be meant (an accusation is kept from every one of them).
 */
export function mayNameUnit(typed: string, unitName: string): boolean {
  return unitsNamedBy(typed)(unitName);
}

/** mayNameUnit for one typed name against many units: the typed name is read once. */
export function unitsNamedBy(typed: string): (unitName: string) => boolean {
  const key = respondentKey(typed);
  const t = regionsOf(normalise(typed, { maskPersonalNumbers: false }));
  const anyRegion = t.regions.length === 0 && t.rest.length >= 3;
  return (unitName) => unitForms(unitName).some((form) => (key.length >= 3 && key === form.key) || (anyRegion && t.rest === form.rest));
}

// Names left without their region that say no more than a kind of body (镇政府, 街道办事处): read as none.
const GENERIC_BARE = new Set(['人民政府', '政府', '办事处', '街道办事处', '委员会', '管理委员会']);

/**
 * A unit's names without their region (人社局, 住房和城乡建设局, 信访局), of three characters or more: how a text
 * names it where the place says which county's is meant.
 */
export function unitBareForms(unitName: string): string[] {
  return [...new Set(unitForms(unitName).map((f) => f.rest))].filter((r) => r.length >= 3 && !GENERIC_BARE.has(r));
}

// A unit's forms, read once: every registration with a respondent compares it with each of our units.
const unitFormCache = new Map<string, { key: string; rest: string }[]>();
function unitForms(unitName: string): { key: string; rest: string }[] {
  let forms = unitFormCache.get(unitName);
  if (forms === undefined) {
    forms = unitNameForms(unitName).map((form) => ({ key: respondentKey(form), rest: regionsOf(normalise(form, { maskPersonalNumbers: false })).rest }));
    if (unitFormCache.size >= 10_000) unitFormCache.clear();
    unitFormCache.set(unitName, forms);
  }
  return forms;
}

/** Whether a respondent key names only a kind of organisation (医院, 物业), not one of them. */
export function isGenericRespondent(key: string): boolean {
  return GENERIC.has(key) || key.length < 2;
}

/** The key of a place name: the name itself, normalised, region prefixes kept (a village is named in full). */
export function placeKey(name: string): string {
  return normalise(name, { maskPersonalNumbers: false }).replace(/[^\u4e00-\u9fffA-Za-z0-9]/g, '');
}

export interface Entities {
  /** Respondent keys (trade names of companies, names of units). */
  respondents: string[];
  /** Place keys (towns, streets, villages, communities, estates). */
  places: string[];
}

// Towns, streets, villages and communities, read on the text (jieba glues a county's last character to a town:
// 县柳塘镇). Names are two or three characters before the suffix (柳塘镇, 杨柳湾村): three when the first of them
// is not the end of a larger place or a word of speech (石桥镇北坡村 -> 北坡村, 在下河村 -> 下河村).
const TOWN_OR_VILLAGE_END = /(?:街道|镇|乡|村|社区)$/;
const TOWN_OR_VILLAGE_NEXT = new Set(['街道', '镇', '乡', '村', '社区']);
const NOT_PLACE_START = /^[和与及跟对向给把被让在找从由到回住是我们的了个这那该各全本邻他你其省市县区镇乡村道街过去来往于经]/;
const NOT_PLACE_NAME = new Set(
  '城关 乡镇 城镇 村镇 集镇 重镇 本镇 小镇 我们 他们 你们 农村 新农 全村 本村 邻村 该村 各村 同村 外村 村里 社区 城乡 街道 所在 附近 周边 举报 反映 要求 建议 隔壁 街坊 整个 一个 两个 几个 十几 责令 督促 协调 找过 找到 联系 通知 告诉 起诉 状告'.split(' ').filter((w) => w !== '城关'),
);

// Kinds of estate, not one (老旧小区改造, 安置小区, jieba's 巷老旧小区), and a government (人民政府 ends like 滨江府).
const KIND_OF_ESTATE = /^(?:周边|整个|我们|本|该|这个|那个|各个|多个|每个)|(?:老旧|安置|回迁|拆迁|商品房)(?:小区|社区)$|政府$/;
// Words that end in a place suffix without being a place (我经老乡介绍, 住房和城乡建设局, 回到农村).
// Not 家乡, 集镇, 城镇, 山村, 同乡, 下乡: 李家乡, 王集镇, 古城镇, 青山村, 大同乡, 山下乡 are real names.
const COMMON_WORD = /(?:老乡|城乡|农村|故乡|返乡|回乡|异乡|他乡)$/;
// Common words that say a level twice without naming a place (实现村村通公路: a road to every village), read as
// no place; they run past the name's end, where COMMON_WORD cannot see. Not a village's news (上村村通知村民).
const COMMON_WORD_ACROSS = /村村通(?![往过知报告])/g;

function townsAndVillages(normalised: string): string[] {
  const out: string[] = [];
  const re = /([\u4e00-\u9fff]{2,3})(街道|镇|乡|村|社区)(?!委会|民|里|干部|小组|级|集体|党|两委)/g;
  const ok = (name: string, suffix: string) =>
    !NOT_PLACE_START.test(name) && !NOT_PLACE_NAME.has(name) && !STOPWORDS.has(name) && !SPEECH_END.test(name) && !COMMON_WORD.test(name + suffix);
  const text = normalised.replace(COMMON_WORD_ACROSS, (w) => '，'.repeat(w.length));
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const name = m[1] as string;
    const suffix = m[2] as string;
    // The name has its suffix already and the next word starts with it (长塘村村口, 石桥镇镇政府): the place is
    // the name, never 长塘村村. A one-character stem is no name: the suffix is said twice in the name itself
    // (上村村, 东村村), read below. A stem of speech (们东村村) is read again one character later.
    const stem = name.endsWith(suffix) ? name.slice(0, -suffix.length) : '';
    if (stem.length >= 2) {
      if (ok(stem, suffix)) out.push(name);
      else re.lastIndex = m.index + 1;
      continue;
    }
    // Most names have two characters, some three (杨柳湾村): both are kept when both may be a name, so that
    // either telling agrees (a third character of speech, 欠柳塘镇, is a key nobody else shares).
    const two = name.slice(-2);
    if (ok(two, suffix)) out.push(two + suffix);
    if (name.length === 3 && ok(name, suffix)) out.push(name + suffix);
    if (!ok(two, suffix)) re.lastIndex = m.index + 1;
  }
  return out;
}

// Institutions named by their place or number rather than a trade name (第二人民医院, 枫林镇卫生院, 白沙镇中心小学);
// the place's level may be said again before the kind (沙洲镇镇卫生院, 槐山县县医院): one institution, named once.
const INSTITUTION =
  /(第[一二三四五六七八九十]+|([\u4e00-\u9fff]{2})(镇|乡|村|街道|县|区|市|路)\3?)(?:人民|中心|中医|妇幼保健)?(?:医院|卫生院|小学|中学|幼儿园|敬老院)/g;

// An official accused by surname and post (村党支部书记李某, 支书李某, 数学老师陈某): the key is the surname and
// the post's kind (李某@书记), which two tellings share however they name the post.
const OFFICIAL = /(书记|支书|主任|科长|局长|所长|队长|站长|院长|校长|经理|会计|老师|教师|医生|法官|工作人员)([\u4e00-\u9fff])某/g;
const POST_KIND: Readonly<Record<string, string>> = { 支书: '书记', 教师: '老师' };
const OFFICIAL_AT_END = new RegExp(`${OFFICIAL.source}$`);
/** An official's key from an OFFICIAL match: surname and post (书记曾某 → 曾某@书记; 支书 is a 书记). */
const officialKey = (m: RegExpMatchArray): string => `${m[2] as string}某@${POST_KIND[m[1] as string] ?? m[1]}`;

/** A respondent key as people read it: an official's 李某@书记 is 书记李某; other keys are names already. */
export function respondentLabel(key: string): string {
  const official = /^(.+某)@(.+)$/.exec(key);
  return official ? `${official[2]}${official[1]}` : key;
}

/** Respondents and places named in a text (raw: an estate's dot is read before normalising drops it); pass the
 * normalised text when the caller has it. */
export function extractEntities(text: string, normalised = normalise(text, { maskPersonalNumbers: true })): Entities {
  const words = cut(normalised);
  const respondents = new Set<string>(tradeNames(normalised, text).map(tradeKey));
  INSTITUTION.lastIndex = 0;
  for (let m = INSTITUTION.exec(normalised); m !== null; m = INSTITUTION.exec(normalised)) {
    const place = m[2];
    if (place !== undefined && (NOT_A_NAME.has(place) || SPEECH_END.test(place) || STOPWORDS.has(place))) continue;
    const level = m[3];
    const key = respondentKey(level === undefined ? m[0] : m[0].replace(level + level, level));
    if (!isGenericRespondent(key)) respondents.add(key);
  }
  for (const m of normalised.matchAll(OFFICIAL)) respondents.add(officialKey(m));
  const places = new Set<string>(townsAndVillages(normalised));
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    // Estates and other places jieba keeps whole (幸福家园, 锦华苑小区), or a name followed by 小区 / 社区 ...
    if (HAN2.test(w) && w.length >= 3 && PLACE_SUFFIX.test(w) && !STOPWORDS.has(w) && !/^[\u4e00-\u9fff]?(?:街道|镇|乡|村)/.test(w) && !KIND_OF_ESTATE.test(w)) {
      if (!TOWN_OR_VILLAGE_END.test(w)) places.add(w);
    }
    const next = words[i + 1];
    // Not a name that ends as the next word begins: a suffix said twice (小区小区门口; 长塘村村委会 cut as 长/塘村/村委会).
    if (next !== undefined && PLACE_NEXT.has(next) && !TOWN_OR_VILLAGE_NEXT.has(next) && !w.endsWith(next) && !w.endsWith(next.slice(0, 1)) && HAN2.test(w) && !STOPWORDS.has(w) && !NOT_PLACE_NAME.has(w) && !NOT_A_NAME.has(w) && w.length <= 4 && !KIND_OF_ESTATE.test(w + next)) {
      places.add(w + next);
    }
  }
  // An estate after its developer's name and a dot (华瑞·滨江府).
  for (const m of text.matchAll(/[\u4e00-\u9fff]{2}[·•]([\u4e00-\u9fff]{2,4})/g)) places.add(normalise(m[1] as string, { maskPersonalNumbers: false }));
  return { respondents: [...withoutBareTwins(respondents)], places: [...places] };
}
