// Which of our units a petition is against, read from its respondent and its own words. An accusation is kept from
// each of them (Art. 30), so a unit the words name is taken as accused unless the mention plainly does not accuse
// it: missing an accused unit shows the petitioner to the unit they accuse, while taking one too many only keeps
// that unit from handling the case.

import { isWithin } from '../protection/jurisdiction';
import { unitBareForms, unitNameForms, unitsNamedBy } from './entities';

/** What reading a unit's name needs of it. */
export interface NamedUnit {
  id: string;
  name: string;
  /** `petitionOffice` and `discipline` are the bodies a petitioner reports to. */
  kind: string;
  jurisdictionCode: string;
}

/** The respondent as a form gives it: a unit picked from ours, or a name typed. */
export interface RespondentInput {
  unitId?: string | null;
  name?: string | null;
}

/** A petition's own words, where it may name the units it is against. */
export interface PetitionWords {
  title?: string | null;
  text: string;
  demands?: string | null;
}

/** The units of ours a petition is against. */
export interface RespondentUnits {
  /** Every one of them: an accusation is kept from each (Art. 30). */
  ids: string[];
  /** Those its own words accuse (the respondent as typed, the title, the text), the first named first. */
  inWords: string[];
  /** Those the respondent as picked or typed is (人社局: every one it may be): none, when it names no unit of ours. */
  given: string[];
  /**
   * The unit the typed name is, when it is one unit's name (with more or fewer regions: 青川市临江区人社局 is
   * 临江区人社局) and no other's: the respondent unit a petition shows. Null for a name more units may be.
   */
  typedUnitId: string | null;
}

interface Mention<U> {
  unit: U;
  at: number;
  end: number;
}

/**
 * Every mention of our units in a text: in full, by a department's short name after the region (four characters
 * or more), or, given the place, by a name without its region (住建局, 信访局), which means the units of that name
 * up the place's chain of jurisdictions. Where two overlap the longer is the mention; one name may mention several
 * units.
 */
function mentionsIn<U extends NamedUnit>(units: readonly U[], text: string, place: string, given: ReadonlySet<string>): Mention<U>[] {
  const bare: Mention<U>[] = [];
  const byBare = new Map<string, U[]>();
  for (const unit of units) for (const form of unitBareForms(unit.name)) byBare.set(form, [...(byBare.get(form) ?? []), unit]);
  for (const [form, named] of byBare) {
    const local = onPlaceChain(named, place);
    // The respondent given, when it is one of them (举报住建局工作人员, the respondent 江屿区住建局): that one.
    const respondent = named.filter((u) => given.has(u.id));
    occurrences(text, form, (at) => {
      const level = text[at - 1];
      if (level === '省') return []; // the province's, not one of ours
      if (respondent.length) return respondent;
      if (level === '市') return local.filter((u) => /^\d{4}00$/.test(u.jurisdictionCode));
      if (level === '区' || level === '县') return local.filter((u) => /^\d{6}$/.test(u.jurisdictionCode) && !u.jurisdictionCode.endsWith('00'));
      return local;
    }, bare);
  }
  return outermost([...namedMentions(units, text), ...bare]);
}

/** Mentions of our units by name: in full, or by a department's short name after the region (four characters or more). */
function namedMentions<U extends Pick<NamedUnit, 'name'>>(units: readonly U[], text: string): Mention<U>[] {
  const out: Mention<U>[] = [];
  for (const unit of units) for (const form of unitNameForms(unit.name)) if (form.length >= 4) occurrences(text, form, () => [unit], out);
  return out;
}

/** Each place a form occurs in the text, as a mention of the units `of` gives for it there. */
function occurrences<U>(text: string, form: string, of: (at: number) => readonly U[], out: Mention<U>[]): void {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) for (const unit of of(at)) out.push({ unit, at, end: at + form.length });
}

/** A name inside a longer one (青川市纪委 in 青川市纪委监委, 住建局 in 江屿区住建局) is part of that mention. */
function outermost<U>(all: Mention<U>[]): Mention<U>[] {
  return all.filter((m) => !all.some((k) => k.end - k.at > m.end - m.at && k.at <= m.at && m.end <= k.end));
}

/**
 * Our units a text names, in full or by a department's short name after the unit's region (青川市人社局劳动监察大队),
 * the first named first and, named at the same place, the longer name first. Every unit named: whether the text
 * accuses it is `respondentUnitsOf`'s question.
 */
export function unitsNamedIn<U extends Pick<NamedUnit, 'name'>>(units: readonly U[], text: string): U[] {
  const mentions = outermost(namedMentions(units, text)).sort((a, b) => a.at - b.at || b.end - b.at - (a.end - a.at));
  return [...new Set(mentions.map((m) => m.unit))];
}

// The patterns below read a text in which every mention of one of our units is the one character ◆, so that a
// list of units (到临江区信访局、青川市信访局反映) reads as one.
const UNIT = '◆';
const REGION = '(?:[\\u4e00-\\u9fff]{1,6}?[省市区县州旗盟])?';
const LIST_BEFORE = `(?:${UNIT}[、和及与])*`;
const LIST_AFTER = `(?:[、和及与]${UNIT})*`;
/** Where the petitioner went to petition: 多次到◆反映, 向◆、◆投诉过, 给◆写信反映 (not 转到◆, 送给◆, 到◆来访时). */
const WENT_BEFORE = new RegExp(`(?<![转交送流寄递])(?:[到向赴去找给]|通过)${REGION}${LIST_BEFORE}$`);
const WENT_AFTER = new RegExp(
  `^${LIST_AFTER}(?:等)?(?:单位|部门)?(?:多次|先后|反复|再次)?(?:写信)?(?:(?:反映|上访|投诉|举报|求助|递交|写信|来信)(?!人|者|接待|室|时)|信访(?!接待|室|局|办|人|者|时))`,
);
/** Whom the petitioner asks to act: 请◆查处, 恳请◆督办 (not 请求查处◆, where the unit is what is to be dealt with). */
const ASKED_BEFORE = new RegExp(`(?:恳请|请求|请|希望|要求|建议)${REGION}${LIST_BEFORE}$`);
const ASKED_AFTER = new RegExp(
  `^${LIST_AFTER}(?:的)?(?:领导)?(?:依法|认真|尽快|彻底|严肃)?(?:查处|查清|查明|查办|调查|核查|核实|处理|督办|督促|介入|追究|严查|彻查|过问|立案)(?!组|人员|的)`,
);
/**
 * Where what follows in the sentence turns to what the office or commission itself did (请◆查处，他们却包庇; 向◆举报
 * 后，举报信被转给了被举报人; 到◆反映问题被索要好处费): fault after such a turn is its fault, while fault before it is
 * the matter reported (请◆查清招投标中的违纪违法问题).
 */
const TURN = /却|但|可是|结果|反而|竟|不料|之?后[，,]|他们|被索要|被打|被推|被威胁|被辱骂|被刁难|被扣/;
/** What in the rest of a text points back at a petition office or commission it named: its staff, "that office". */
const BACK_TO_BODY = /接访人员|接待人员|接访干部|信访干部|该局|局里|该办|该委|委里|办案人员|他们单位/;
/** A letter's salutation: the first line of its text opens with the unit and a colon (江屿区自然资源局：, 尊敬的◆领导：). */
const SALUTATION_BEFORE = new RegExp(`^[ \\t\\u3000]*(?:尊敬的|致)?${REGION}${LIST_BEFORE}$`);
const SALUTATION_AFTER = new RegExp(`^${LIST_AFTER}(?:的)?(?:各位)?(?:领导|同志|负责同志)?(?:们)?[：:]`);
/** The addressee is the accused when the letter calls it "you" (你局长期包庇欠薪老板, 你们的工作人员). */
const ADDRESSED_AS_ACCUSED = /你局|贵局|你们局|你们单位|你单位|贵单位|你们的|贵办|你办|贵部门|你部门|你委|贵委/;
/** A copy list (抄送：◆、◆), a unit that passed the letter on (经◆转来, ◆转来的), one said to have nothing to do with it, one thanked. */
const COPIED_BEFORE = new RegExp(`(?:^|\\n)[ \\t\\u3000]*(?:抄送|抄报|报送)[：:][^\\n]*$`);
const PASSED_ON_AFTER = new RegExp(`^${LIST_AFTER}(?:网上|书面)?(?:转来|转交|转办|转送)`);
const UNRELATED = { before: /与$/, after: new RegExp(`^${LIST_AFTER}(?:无关|没有关系|没关系)`) };
const THANKED_BEFORE = new RegExp(`(?:感谢|谢谢)${REGION}${LIST_BEFORE}$`);
/** The unit that answered an earlier petition (◆给了答复意见, ◆回复说正在协调) … */
const ANSWERED_AFTER = /^(?:已|曾|也|都)?(?:给了?|作出了?)?(?:答复|回复)/;
/**
 * … unless the rest of its sentence finds fault, or a later sentence turns to it (◆回复说不归他们管，明显推诿;
 * ◆回复说已经处理了。其实他们收了老板的钱): fault elsewhere is the matter's (被举报人照样当他的干部).
 */
const LATER_TURN = /其实|实际上|却|但是?|可是/;
const FAULT =
  /推诿|不作为|敷衍|拖延|拖着|不办|不管|不理|不予|违法|违规|包庇|袒护|报复|泄露|透露|受贿|行贿|索要|收了|收受|好处|红包|弄虚作假|渎职|失职|刁难|吃拿卡要|打击|殴打|打伤|推倒|辱骂|威胁|恐吓|串通|勾结|踢皮球|不符|敷衍了事|被举报人/;
const FAULT_FIRST = new RegExp(`^[\\u4e00-\\u9fff]{0,2}(?:${FAULT.source})`);
const REPORTED_TO_KINDS = new Set(['petitionOffice', 'discipline']);
const SENTENCE_END = /[。！？；\n]/;

/** Whether this mention, the `i`th ◆ of the masked text at `at` in the text, names its unit without accusing it. */
function notAccusing(
  m: { before: string; after: string; rest: string; sentenceRest: string; firstClause: string; firstLine: boolean },
  reportedTo: boolean,
  text: string,
): boolean {
  const { before, after, rest, sentenceRest } = m;
  if (COPIED_BEFORE.test(before)) return true;
  if (PASSED_ON_AFTER.test(after) && !FAULT.test(sentenceRest)) return true;
  if (UNRELATED.before.test(before) && UNRELATED.after.test(after)) return true;
  if (THANKED_BEFORE.test(before) && !FAULT.test(sentenceRest)) return true;
  // A salutation, unless what follows the colon opens with a fault (临江区人社局：收受老板好处…, a list item, not a
  // greeting; 青川市卫健委：前些天我举报过医生收受红包 is a greeting).
  if (m.firstLine && SALUTATION_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1)) && SALUTATION_AFTER.test(after))
    return !FAULT_FIRST.test(m.firstClause) && !ADDRESSED_AS_ACCUSED.test(text);
  if (ANSWERED_AFTER.test(after)) {
    const turn = rest.search(LATER_TURN);
    return !FAULT.test(sentenceRest) && !(turn >= 0 && FAULT.test(rest.slice(turn)));
  }
  // Only the bodies a petitioner reports to are named as where they went or whom they ask (a bureau named so,
  // 多次向临江区人社局反映，人社局一直不处理, may well be the one accused), and not when the sentence turns to find
  // fault with them or the text points back at them (我到◆反映，接访人员把材料给了村干部).
  const addressed = (WENT_BEFORE.test(before) && WENT_AFTER.test(after)) || (ASKED_BEFORE.test(before) && ASKED_AFTER.test(after));
  const turn = sentenceRest.search(TURN);
  return reportedTo && addressed && !(turn >= 0 && FAULT.test(sentenceRest.slice(turn))) && !BACK_TO_BODY.test(rest);
}

/** The units the words accuse (every one with a mention that does not plainly leave it out), the first named first. */
function accusedIn<U extends NamedUnit>(units: readonly U[], title: string, text: string, place: string, given: ReadonlySet<string>): U[] {
  const words = `${title}\n${text}`;
  const textStart = title.length + 1;
  const mentions = mentionsIn(units, words, place, given).sort((a, b) => a.at - b.at);
  // The masked text: each mentioned span (one or more units) is one ◆.
  let masked = '';
  let from = 0;
  const maskedAt = new Map<number, number>();
  for (const m of mentions) {
    if (maskedAt.has(m.at)) continue;
    masked += words.slice(from, m.at);
    maskedAt.set(m.at, masked.length);
    masked += UNIT;
    from = m.end;
  }
  masked += words.slice(from);
  const firstLineStart = textStart + (text.length - text.trimStart().length);
  const accused = new Set<U>();
  for (const m of mentions) {
    const i = maskedAt.get(m.at)!;
    const after = words.slice(m.end);
    const stop = after.search(SENTENCE_END);
    const lineStart = words.lastIndexOf('\n', m.at - 1) + 1;
    const colon = after.search(/[：:]/);
    const clause = colon >= 0 ? after.slice(colon + 1) : '';
    const clauseEnd = clause.search(/[，,。；！？\n]/);
    const mention = {
      before: masked.slice(0, i),
      after: masked.slice(i + 1),
      rest: after,
      sentenceRest: stop >= 0 ? after.slice(0, stop) : after,
      firstClause: clauseEnd >= 0 ? clause.slice(0, clauseEnd) : clause,
      firstLine: lineStart === words.lastIndexOf('\n', firstLineStart - 1) + 1 && m.at >= textStart,
    };
    if (!notAccusing(mention, REPORTED_TO_KINDS.has(m.unit.kind), text)) accused.add(m.unit);
  }
  return [...accused];
}

/** The units a name without a region may mean at the place: those up its own chain of jurisdictions. */
function onPlaceChain<U extends NamedUnit>(units: readonly U[], place: string): U[] {
  const onChain = units.filter((u) => u.jurisdictionCode === place || isWithin(place, u.jurisdictionCode));
  if (!onChain.every((u) => u.kind === 'petitionOffice')) {
    // At a city, a bureau without a region may be any of its counties' as well as the city's own.
    const inside = units.filter((u) => u.kind !== 'petitionOffice' && u.jurisdictionCode !== place && isWithin(u.jurisdictionCode, place));
    const all = [...new Set([...onChain, ...inside])];
    return all.length ? all : [...units]; // none is the place's: any of them may be meant
  }
  if (onChain.length === 0) return [...units];
  // A petition office with no region (信访局) is the place's own one: taking every office up the chain would leave
  // the accusation no office to be registered at.
  const depth = (u: U) => u.jurisdictionCode.replace(/(00)+$/, '').length;
  const deepest = Math.max(...onChain.map(depth));
  return onChain.filter((u) => depth(u) === deepest);
}

/**
 * The units of ours a petition is against. A form has room for one respondent only (举报两个局互相推诿), so they
 * are: the respondent picked, or the units its typed name may be (人社局 or 区人社局 with no region: those of the
 * place, up its chain and, at a city, its counties'; 信访局: the place's own office); the units the respondent as
 * typed names (临江区信访局工作人员张某); and the units the title, text and demands name, in full, by short name or,
 * without a region, by the place, unless every mention plainly does not accuse (`notAccusing`: a salutation, a copy
 * list, a unit that passed it on, answered before, was thanked or said to be unrelated, unless what follows finds
 * fault; for petition offices and discipline commissions also where the petitioner went or whom they ask to act).
 */
export function respondentUnitsOf<U extends NamedUnit>(
  units: readonly U[],
  respondent: RespondentInput,
  words: PetitionWords,
  place: string,
): RespondentUnits {
  const given = new Set<string>();
  const name = respondent.name?.trim() ?? '';
  let typedUnitId: string | null = null;
  if (respondent.unitId) given.add(respondent.unitId);
  else if (name) {
    const exact = units.filter((u) => u.name === name);
    const names = unitsNamedBy(name);
    let named = exact.length ? exact : units.filter((u) => names(u.name));
    if (named.length === 1) typedUnitId = named[0]!.id;
    // Typed with a level only (区人社局, 市信访局) or a short name (信访办, 纪委): read as a name without a region.
    if (named.length === 0) {
      const bare = name.replace(/^[市区县镇乡]/, '');
      named = units.filter((u) => unitBareForms(u.name).includes(bare) || unitNameForms(u.name).some((f) => f.endsWith(bare) && bare.length >= 2 && f.length - bare.length <= 4 && isRegionOnly(f.slice(0, f.length - bare.length))));
    }
    for (const u of named.length > 1 ? onPlaceChain(named, place) : named) given.add(u.id);
  }
  const text = [words.text, words.demands].filter(Boolean).join('\n');
  const inWords = [...new Set([...mentionsIn(units, name, place, given).map((m) => m.unit), ...accusedIn(units, words.title ?? '', text, place, given)].map((u) => u.id))];
  return { ids: [...new Set([...given, ...inWords])], inWords, given: [...given], typedUnitId };
}

/** Whether a name's beginning is a region and nothing else (临江区, 青川市). */
function isRegionOnly(s: string): boolean {
  return /^[\u4e00-\u9fff]{1,4}[省市区县州旗盟]$/.test(s);
}
