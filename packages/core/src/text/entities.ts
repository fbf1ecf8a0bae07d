// Keys for "the same respondent" and "the same place": company and unit names reduced to what tells them
// apart (恒远建设工程有限公司, 青川市恒远建设工程有限公司 and 恒远公司 all give 恒远), and the names of towns,
// streets, villages, communities and estates. Taken from the petition's fields when a clerk filled them in,
// otherwise found in the text.

import { normalise } from './normalise';
import { cut } from './segment';
import { STOPWORDS } from './stopwords';

const ORG_SUFFIX =
  /(?:股份有限公司|有限责任公司|有限公司|分公司|总公司|公司|集团|合作社|工作室|事务所|中心|门诊部|诊所|医院|卫生院|学校|小学|中学|幼儿园|培训学校|厂|店|超市|酒店|物业)$/;
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

/**
 * The key of a respondent's name: region prefixes (青川市, 东湖区), legal forms (有限公司, 有限责任公司, 集团)
 * and trade words (建设工程, 物业服务) removed, leaving the trade name. Falls back to the shortened name.
 */
export function respondentKey(name: string): string {
  let s = normalise(name, { maskPersonalNumbers: false }).replace(/[^\u4e00-\u9fffA-Za-z0-9]/g, '');
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
  // A trade name when there is one. A name whose trade words leave only a kind (第二人民医院 -> 医院) is kept
  // whole without its region; with it, when even that is only a kind (东湖区人民法院).
  if (key.length >= 2 && !GENERIC.has(key)) return key;
  return GENERIC.has(s) || s.length < 2 ? full : s;
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

/** Respondents and places named in a text (already normalised or not). */
export function extractEntities(text: string): Entities {
  const words = cut(normalise(text, { maskPersonalNumbers: true }));
  const respondents = new Set<string>();
  const places = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    // An organisation: a suffix word (公司, 有限公司, 医院 ...) preceded by trade words and a trade name.
    if (ORG_SUFFIX.test(w) && !HAN2.test(w.replace(ORG_SUFFIX, ''))) {
      let j = i - 1;
      while (j >= 0 && TRADE_WORDS.has(words[j] as string)) j--;
      const name = words[j];
      if (j >= 0 && j < i && name !== undefined && HAN2.test(name) && !STOPWORDS.has(name) && !PLACE_NEXT.has(name)) {
        // The whole name (恒远 建设工程 有限公司; 清河市 第二 人民 医院) keyed as a registered name would be.
        const key = respondentKey(words.slice(j, i + 1).join(''));
        if (!isGenericRespondent(key)) respondents.add(key);
      }
    } else if (ORG_SUFFIX.test(w) && HAN2.test(w.replace(ORG_SUFFIX, '')) && w.length >= 4) {
      const key = respondentKey(w);
      if (!isGenericRespondent(key)) respondents.add(key);
    }
    // A place: a word ending in a place suffix, or a name followed by 社区 / 村 / 小区 ...
    if (HAN2.test(w) && w.length >= 3 && PLACE_SUFFIX.test(w) && !STOPWORDS.has(w)) places.add(w);
    const next = words[i + 1];
    if (next !== undefined && PLACE_NEXT.has(next) && HAN2.test(w) && !STOPWORDS.has(w) && w.length <= 4) {
      places.add(w + next);
    }
  }
  return { respondents: [...respondents], places: [...places] };
}
