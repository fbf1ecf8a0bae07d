// The features the classifier sees: content words (jieba), character bigrams (prefixed "~"), and keyword
// rules (prefixed "!"), which name the wording of the law's categories and of litigation. Everything is
// binary: a feature is in a petition or not.

import type { Domain } from './labels';
import { LEXICON_DOMAINS, lexiconHits } from './lexicon';
import type { LexiconHits } from './lexicon';
import { normalise } from './normalise';
import { charNgrams, tokens } from './segment';

export interface KeywordRule {
  /** Feature name, starting with "!". */
  feature: string;
  /** The kind of words it finds, as the reasons name them (reasons.ts: WORD_KINDS). */
  kind: WordKind;
  pattern: RegExp;
  /** The words shown among the reasons, where the pattern's matches would carry the text between them. */
  shown?: RegExp;
}

/** Kinds of words a rule or a domain lexicon finds: the lexicon's domains and the law's categories' wording. */
export type WordKind = Domain | 'accuse' | 'corrupt' | 'suggest' | 'demand';

/** Keyword rules; the classifier learns how much each one says about each label. */
export const KEYWORD_RULES: readonly KeywordRule[] = [
  {
    feature: '!litigation',
    kind: 'legal',
    pattern:
      /判决|裁定|裁决|强制执行|申请执行|执行款|执行局|执行法官|终结本次执行|再审|仲裁委|劳动仲裁|申请仲裁|行政复议|起诉|上诉|一审|二审|立案庭|开庭|传票|败诉|胜诉/,
  },
  { feature: '!court', kind: 'legal', pattern: /法院|法庭|法官|审判|检察院|律师/ },
  { feature: '!accuse', kind: 'accuse', pattern: /举报|检举|控告|揭发|实名反映.{0,12}(违纪|违法)/, shown: /举报|检举|控告|揭发|实名反映/ },
  {
    feature: '!corrupt',
    kind: 'corrupt',
    pattern: /贪污|受贿|索贿|行贿|挪用|侵占|吃拿卡要|好处费|红包|回扣|以权谋私|优亲厚友|虚报冒领|套取|私分|打牌|吃饭/,
  },
  {
    feature: '!suggest',
    kind: 'suggest',
    pattern: /^(?:.{0,12})(?:建议|提议|提个建议)|建议|希望.{0,20}(能|可以|增加|设|开通|完善|改进)|能否|能不能.{0,10}(设|增加|开通|延长)/,
    shown: /建议|提议|希望|能否|能不能/,
  },
  // Subject words of each domain: the vocabulary of the field, not of any company or place.
  { feature: '!labor', kind: 'labor', pattern: /工资|欠薪|工钱|薪水|农民工|加班费|劳动合同|包工头|工伤|劳务|用工|辞退|解除合同|经济补偿|劳动监察/ },
  {
    feature: '!housing',
    kind: 'housing',
    pattern: /开发商|交房|房产证|不动产权|购房|商品房|烂尾|楼盘|网签|首付|按揭|房贷|精装|质量问题.{0,6}房/,
    shown: /开发商|交房|房产证|不动产权|购房|商品房|烂尾|楼盘|网签|首付|按揭|房贷|精装|质量问题/,
  },
  { feature: '!land', kind: 'land', pattern: /征地|征收|拆迁|补偿款|安置房|过渡费|宅基地|青苗|附着物|评估|棚户区|旧城改造|土地补偿/ },
  { feature: '!education', kind: 'education', pattern: /学校|学生|老师|教师|幼儿园|学籍|入学|转学|学费|校长|班主任|课外|补课|招生|中学|小学/ },
  { feature: '!health', kind: 'health', pattern: /医院|医生|手术|病历|疫苗|医疗|诊所|卫生院|护士|住院|药品|看病|医疗事故|卫健/ },
  { feature: '!property', kind: 'propertyManagement', pattern: /物业|业主|电梯|维修基金|物业费|业委会|保安|门禁|车位|停车费|二次供水/ },
  { feature: '!environment', kind: 'environment', pattern: /污染|噪音|噪声|排放|臭气|异味|油烟|扬尘|粉尘|环保|采砂|污水|废水|废气|垃圾焚烧|扰民|夜间施工|生态环境/ },
  { feature: '!urban', kind: 'urbanConstruction', pattern: /道路|路灯|井盖|排水|内涝|违建|违章|城管|市政|路面|人行道|公交|停车场|供水|燃气|管网|绿化/ },
  { feature: '!social', kind: 'socialSecurity', pattern: /低保|养老金|养老保险|残疾|失业保险|医保|救助|社保|特困|五保|优抚|退役军人|殡葬|高龄补贴|护理补贴/ },
  { feature: '!agriculture', kind: 'agriculture', pattern: /种子|化肥|农药|大棚|退耕还林|养殖|种植|农机|粮食|收购|合作社|承包地|土地流转|农业|制种|耕地|惠农/ },
  { feature: '!demand', kind: 'demand', pattern: /要求|请求|讨回|给个说法|给个交代|解决|赔偿|退还|补偿/ },
];

/** The rules naming the subject words of a domain (used to tell two matters about one company apart). */
export const SUBJECT_RULES: readonly string[] = [
  '!labor', '!housing', '!land', '!education', '!health', '!property', '!environment', '!urban', '!social', '!agriculture', '!court',
];

/** The subject rules that fire on a normalised text. */
export function subjects(normalised: string): string[] {
  return KEYWORD_RULES.filter((r) => SUBJECT_RULES.includes(r.feature) && r.pattern.test(normalised)).map((r) => r.feature);
}

export interface TextFeatures {
  normalised: string;
  /** Distinct feature names. */
  features: string[];
  /** The domain lexicon's terms found (see lexicon.ts). */
  lexicon: LexiconHits;
}

/**
 * Lexicon features: `!d:<domain>` when a domain's lexicon has a term in the text, `!d2:<domain>` when it has two
 * or more distinct ones, `!d4:<domain>` for four or more.
 */
export function lexiconFeatures(hits: LexiconHits): string[] {
  const out: string[] = [];
  hits.counts.forEach((n, d) => {
    const domain = LEXICON_DOMAINS[d] as string;
    if (n >= 1) out.push(`!d:${domain}`);
    if (n >= 2) out.push(`!d2:${domain}`);
    if (n >= 4) out.push(`!d4:${domain}`);
  });
  return out;
}

/** Term features: `!t:<term>` for each distinct lexicon term found (a term listed by two domains is one feature). */
export function termFeatures(hits: LexiconHits): string[] {
  const out = new Set<string>();
  for (const t of hits.terms) out.add(`!t:${t.term}`);
  return [...out];
}

/** The keyword rules that fire on a normalised text. */
export function ruleFeatures(normalised: string): string[] {
  const out: string[] = [];
  for (const r of KEYWORD_RULES) if (r.pattern.test(normalised)) out.push(r.feature);
  return out;
}

/**
 * The distinct features of a raw text (normalised first): words, `~`-prefixed character bigrams, keyword rules
 * and lexicon features. (The classifier reads the same features of a text faster, without naming them.)
 */
export function textFeatures(text: string, charBigrams = true): TextFeatures {
  const normalised = normalise(text);
  const set = new Set<string>();
  for (const w of tokens(normalised)) set.add(w);
  if (charBigrams) for (const b of charNgrams(normalised, 2)) set.add(`~${b}`);
  for (const f of ruleFeatures(normalised)) set.add(f);
  const lexicon = lexiconHits(normalised);
  for (const f of lexiconFeatures(lexicon)) set.add(f);
  for (const f of termFeatures(lexicon)) set.add(f);
  return { normalised, features: [...set], lexicon };
}
