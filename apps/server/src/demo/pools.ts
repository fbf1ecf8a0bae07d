// Word pools for invented names. Everything here is fictional: surnames and given names are common
// characters combined at random, companies combine a generic trade name (字号) with an industry, and all
// places belong to the invented city 青川市.

import type { Rng } from './random';

export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10],
  ['李', 10],
  ['张', 9],
  ['刘', 8],
  ['陈', 7],
  ['杨', 5],
  ['赵', 4],
  ['黄', 4],
  ['周', 4],
  ['吴', 4],
  ['徐', 3],
  ['孙', 3],
  ['胡', 3],
  ['朱', 3],
  ['高', 3],
  ['林', 3],
  ['何', 3],
  ['郭', 3],
  ['马', 3],
  ['罗', 2],
  ['梁', 2],
  ['宋', 2],
  ['郑', 2],
  ['谢', 2],
  ['韩', 2],
  ['唐', 2],
  ['冯', 2],
  ['于', 2],
  ['董', 2],
  ['程', 2],
  ['曹', 2],
  ['袁', 2],
  ['邓', 2],
  ['许', 2],
  ['傅', 1],
  ['沈', 1],
  ['曾', 1],
  ['彭', 1],
  ['吕', 1],
  ['苏', 1],
  ['卢', 1],
  ['蒋', 1],
  ['蔡', 1],
  ['丁', 1],
  ['魏', 1],
  ['薛', 1],
  ['叶', 1],
  ['余', 1],
  ['潘', 1],
  ['杜', 1],
  ['戴', 1],
  ['夏', 1],
  ['钟', 1],
  ['汪', 1],
  ['田', 1],
  ['任', 1],
  ['姜', 1],
  ['范', 1],
  ['方', 1],
  ['石', 1],
  ['姚', 1],
  ['谭', 1],
  ['廖', 1],
  ['邹', 1],
  ['熊', 1],
  ['陆', 1],
  ['郝', 1],
  ['孔', 1],
  ['白', 1],
  ['崔', 1],
  ['康', 1],
  ['毛', 1],
  ['邱', 1],
  ['秦', 1],
  ['史', 1],
  ['顾', 1],
  ['侯', 1],
  ['邵', 1],
  ['孟', 1],
  ['龙', 1],
  ['万', 1],
  ['段', 1],
  ['雷', 1],
  ['钱', 1],
  ['汤', 1],
  ['尹', 1],
  ['易', 1],
  ['常', 1],
  ['武', 1],
  ['乔', 1],
  ['贺', 1],
  ['龚', 1],
  ['文', 1],
];

// Given names by generation: people born before ~1970, 1970-1990, after 1990.
const GIVEN = {
  male: {
    old: [
      '建国',
      '国强',
      '永福',
      '德明',
      '志刚',
      '春生',
      '长林',
      '金贵',
      '海军',
      '立新',
      '学文',
      '振华',
      '庆丰',
      '德胜',
      '忠良',
      '保国',
      '树林',
      '玉柱',
      '福顺',
      '广田',
      '有才',
      '文生',
      '桂林',
      '来顺',
      '满仓',
      '守义',
      '成',
      '贵',
      '林',
      '山',
    ],
    mid: [
      '伟',
      '强',
      '军',
      '磊',
      '勇',
      '斌',
      '涛',
      '鹏',
      '超',
      '刚',
      '志强',
      '海峰',
      '建军',
      '俊杰',
      '晓东',
      '文斌',
      '小龙',
      '建平',
      '卫东',
      '宏伟',
      '国华',
      '利民',
      '红兵',
      '永刚',
      '春雷',
      '东升',
      '亚军',
      '少华',
      '明亮',
      '新民',
    ],
    young: [
      '浩然',
      '子轩',
      '宇航',
      '博文',
      '俊豪',
      '嘉豪',
      '昊天',
      '鑫',
      '宇',
      '凯',
      '晨阳',
      '天佑',
      '一鸣',
      '泽宇',
      '梓豪',
      '文杰',
      '思远',
      '家乐',
      '锦程',
      '子墨',
      '睿',
      '航',
      '宏宇',
      '乐天',
    ],
  },
  female: {
    old: [
      '秀兰',
      '秀英',
      '桂芳',
      '玉兰',
      '凤英',
      '淑珍',
      '桂英',
      '翠兰',
      '素芬',
      '兰英',
      '玉珍',
      '金凤',
      '春花',
      '月娥',
      '淑华',
      '秀珍',
      '桂香',
      '玉梅',
      '凤兰',
      '巧云',
    ],
    mid: [
      '丽',
      '静',
      '敏',
      '艳',
      '芳',
      '燕',
      '红梅',
      '丽华',
      '小红',
      '海燕',
      '晓梅',
      '春燕',
      '丽娟',
      '雪梅',
      '美玲',
      '玉芳',
      '秀梅',
      '晓丽',
      '红霞',
      '爱华',
      '翠萍',
      '冬梅',
      '丽萍',
      '慧',
      '琴',
    ],
    young: [
      '婷婷',
      '欣怡',
      '佳琪',
      '梦瑶',
      '思雨',
      '雨涵',
      '诗涵',
      '可欣',
      '雅婷',
      '梓涵',
      '一诺',
      '晓雯',
      '欣然',
      '佳慧',
      '紫涵',
      '若琳',
      '语桐',
      '静怡',
      '安琪',
      '晨曦',
    ],
  },
} as const;

export interface PersonProfile {
  surname: string;
  given: string;
  male: boolean;
  age: number;
}

export function fullName(p: PersonProfile): string {
  return p.surname + p.given;
}

/** An invented person; the given name suits the generation. */
export function makePerson(rng: Rng, age: number, male?: boolean): PersonProfile {
  const isMale = male ?? rng.chance(0.56);
  const pool = GIVEN[isMale ? 'male' : 'female'];
  const given = age >= 55 ? rng.pick(pool.old) : age >= 34 ? rng.pick(pool.mid) : rng.pick(pool.young);
  return { surname: rng.weighted(SURNAMES), given, male: isMale, age };
}

/** Whether a given name is one of the male or female names above (random when it is in neither). */
export function guessMale(given: string, rng: Rng): boolean {
  const inPool = (pool: {
    old: readonly string[];
    mid: readonly string[];
    young: readonly string[];
  }): boolean => pool.old.includes(given) || pool.mid.includes(given) || pool.young.includes(given);
  if (inPool(GIVEN.male)) return true;
  if (inPool(GIVEN.female)) return false;
  return rng.chance(0.55);
}

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

// ---------- companies ----------

export const TRADE_NAMES = [
  '宏达',
  '鸿运',
  '兴盛',
  '恒通',
  '嘉禾',
  '锦程',
  '泰丰',
  '永顺',
  '盛源',
  '金诚',
  '华越',
  '博远',
  '润泽',
  '隆昌',
  '德茂',
  '裕丰',
  '和顺',
  '远航',
  '广源',
  '同盛',
  '瑞祥',
  '合众',
  '天成',
  '正通',
  '弘毅',
  '聚鑫',
  '福临',
  '昌盛',
  '丰泽',
  '宝隆',
  '万盛',
  '凯旋',
  '康泰',
  '利民',
  '新宇',
  '汇通',
  '腾达',
  '众诚',
  '佳和',
  '东升',
  '江汇',
  '泓远',
  '启航',
  '源丰',
  '金穗',
  '明达',
  '荣昌',
  '信和',
  '兆丰',
  '华晟',
  '鼎盛',
  '恒昌',
  '益民',
  '永兴',
  '祥和',
  '美嘉',
  '德润',
  '青禾',
  '沐阳',
  '屿丰',
  '槐源',
  '岭峰',
] as const;

export type CompanyKind =
  | 'labour'
  | 'construction'
  | 'developer'
  | 'property'
  | 'factory'
  | 'chemical'
  | 'stone'
  | 'farm'
  | 'recycling'
  | 'agency'
  | 'cleaning'
  | 'restaurant'
  | 'retail'
  | 'logistics'
  | 'gym'
  | 'training'
  | 'taxi'
  | 'seed'
  | 'agriCompany'
  | 'coop'
  | 'lawFirm'
  | 'rental'
  | 'mining'
  | 'kindergarten';

const INDUSTRIES: Record<CompanyKind, readonly string[]> = {
  labour: ['建筑劳务有限公司', '劳务分包有限公司', '建筑劳务服务有限公司'],
  construction: ['建设工程有限公司', '建筑工程有限公司', '市政工程有限公司', '建工集团有限公司'],
  developer: ['置业有限公司', '房地产开发有限公司', '置地有限公司'],
  property: ['物业服务有限公司', '物业管理有限公司'],
  factory: [
    '服饰有限公司',
    '电子科技有限公司',
    '鞋业有限公司',
    '食品有限公司',
    '家具制造有限公司',
    '包装材料有限公司',
    '机械配件有限公司',
    '纺织有限公司',
    '塑料制品有限公司',
  ],
  chemical: ['化工有限公司', '新材料有限公司', '精细化工有限公司', '涂料有限公司', '制药有限公司'],
  stone: ['石材厂', '石材有限公司', '砂石料场', '混凝土有限公司', '建材有限公司', '沥青搅拌站'],
  farm: ['生猪养殖场', '养殖专业合作社', '畜牧有限公司', '养鸡场', '肉牛养殖场'],
  recycling: ['再生资源回收有限公司', '废旧物资回收站', '环保科技有限公司'],
  agency: ['人力资源服务有限公司', '劳务派遣有限公司'],
  cleaning: ['环境服务有限公司', '保洁服务有限公司', '城市服务有限公司'],
  restaurant: ['餐饮管理有限公司', '酒楼', '火锅店', '烧烤店'],
  retail: ['商贸有限公司', '超市', '购物中心'],
  logistics: ['物流有限公司', '快递服务有限公司', '运输有限公司'],
  gym: ['健身服务有限公司', '体育文化有限公司'],
  training: ['教育培训学校', '文化培训有限公司', '教育咨询有限公司'],
  taxi: ['出租汽车有限公司', '客运有限公司'],
  seed: ['种业有限公司', '农资经营部', '种苗有限公司'],
  agriCompany: ['农业开发有限公司', '生态农业有限公司', '农业科技有限公司'],
  coop: ['种植专业合作社', '果蔬专业合作社', '茶叶专业合作社'],
  lawFirm: ['律师事务所', '法律咨询服务有限公司'],
  rental: ['房屋租赁有限公司', '公寓管理有限公司', '房产经纪有限公司'],
  mining: ['矿业有限公司', '煤业有限公司', '采石场'],
  kindergarten: ['幼儿园', '双语幼儿园', '艺术幼儿园'],
};

/** The trade name and the full registered name of an invented company. */
export interface Company {
  /** Full name, e.g. 青川市宏达建筑劳务有限公司. */
  name: string;
  /** How people call it in speech, e.g. 宏达公司, 宏达石材厂. */
  short: string;
}

export function makeCompany(rng: Rng, kind: CompanyKind, placePrefixes: readonly string[]): Company {
  const trade = rng.pick(TRADE_NAMES);
  const industry = rng.pick(INDUSTRIES[kind]);
  const prefix = rng.weighted([
    ['青川市', 3],
    [placePrefixes.length > 0 ? rng.pick(placePrefixes) : '', 3],
    ['', 4],
  ] as const);
  const name = `${prefix}${trade}${industry}`;
  const isCompany = industry.endsWith('有限公司') || industry.endsWith('集团有限公司');
  const short = isCompany ? `${trade}公司` : `${trade}${industry}`;
  return { name, short };
}

// ---------- places and things ----------

export const ESTATE_NAMES = [
  '御景园',
  '翡翠湾',
  '江岸华府',
  '书香苑',
  '丽景花园',
  '学府名邸',
  '滨江壹号',
  '云栖府',
  '金域华庭',
  '春和苑',
  '锦绣家园',
  '湖畔雅居',
  '阳光新城',
  '盛世名门',
  '天悦府',
  '悦澜湾',
  '桂香园',
  '紫荆苑',
  '观澜府',
  '翰林苑',
  '东方名郡',
  '世纪花园',
  '凤栖台',
  '山水华庭',
  '水岸名都',
  '星河湾',
  '铂悦府',
  '清华园',
  '和园',
  '熙岸',
] as const;

export const OLD_ESTATES = [
  '机械厂家属院',
  '粮食局宿舍',
  '棉纺厂小区',
  '电力新村',
  '供销社家属楼',
  '化肥厂生活区',
  '糖厂宿舍',
  '教师新村',
  '邮电小区',
  '农机厂家属院',
  '水利局宿舍',
  '百货大楼家属院',
] as const;

export const ROADS = [
  '滨河路',
  '建设路',
  '人民路',
  '解放路',
  '朝阳路',
  '新华路',
  '文化路',
  '育才路',
  '青年路',
  '和平路',
  '迎宾大道',
  '江滨路',
  '槐荫路',
  '枫林大道',
  '锦屏路',
  '望潮路',
  '东港路',
  '南浦大道',
  '丹桂路',
  '翠湖路',
  '工业大道',
  '振兴路',
  '北环路',
  '长乐巷',
  '双井巷',
  '府前街',
  '学院路',
  '沿江路',
  '体育路',
  '商贸街',
] as const;

export const TRADES = [
  '钢筋工',
  '木工',
  '瓦工',
  '小工',
  '架子工',
  '电焊工',
  '水电工',
  '油漆工',
  '泥水工',
  '砌筑工',
  '防水工',
  '塔吊司机',
] as const;

export const FACTORY_JOBS = [
  '车间工人',
  '缝纫工',
  '装配工',
  '质检员',
  '包装工',
  '仓管员',
  '叉车司机',
] as const;
