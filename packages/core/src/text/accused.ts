// Which of our units a petition is against, read from its respondent and its own words. An accusation is kept from
// each of them (Art. 30), so a unit the words name is taken as accused unless the mention plainly does not accuse
// it: missing an accused unit shows the petitioner to the unit they accuse, while taking one too many only keeps
// that unit from handling the case.

import { isWithin } from '../protection/jurisdiction';
import { unitNameForms, unitsNamedBy } from './entities';

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

/** The units of ours a petition is against. */
export interface RespondentUnits {
  /** Every one of them: an accusation is kept from each (Art. 30). */
  ids: string[];
  /** Those its own words name (the respondent as typed, the title, the text), the first named first. */
  inWords: string[];
}

interface Mention<U> {
  unit: U;
  at: number;
  end: number;
}

/** Every mention of our units in a text, in full or by a department's short name (four characters or more), longest first where two overlap. */
function mentionsIn<U extends Pick<NamedUnit, 'name'>>(units: readonly U[], text: string): Mention<U>[] {
  const all: Mention<U>[] = [];
  for (const unit of units)
    for (const form of unitNameForms(unit.name))
      if (form.length >= 4)
        for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) all.push({ unit, at, end: at + form.length });
  // A short name inside a longer one (青川市纪委 in 青川市纪委监委, 临江区信访局 in 青川市临江区信访局) is the same mention.
  all.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept: Mention<U>[] = [];
  for (const m of all) if (!kept.some((k) => k.at <= m.at && m.end <= k.end)) kept.push(m);
  return kept;
}

/**
 * Our units a text names, in full or by a department's short name after the unit's region (青川市人社局劳动监察大队),
 * the first named first and, named at the same place, the longer name first. Every unit named: whether the text
 * accuses it is `respondentUnitsOf`'s question.
 */
export function unitsNamedIn<U extends Pick<NamedUnit, 'name'>>(units: readonly U[], text: string): U[] {
  const seen = new Set<U>();
  for (const m of mentionsIn(units, text)) seen.add(m.unit);
  return [...seen];
}

// The patterns below read a text in which every mention of one of our units is the one character ◆, so that a
// list of units (到临江区信访局、青川市信访局反映) reads as one.
const UNIT = '◆';
const REGION = '(?:[\\u4e00-\\u9fff]{1,6}?[省市区县州旗盟])?';
const LIST_BEFORE = `(?:${UNIT}[、和及与])*`;
const LIST_AFTER = `(?:[、和及与]${UNIT})*`;
/** Where the petitioner went to petition: 多次到◆反映, 向◆、◆投诉 (not 转到◆, 送到◆). */
const WENT_BEFORE = new RegExp(`(?<![转交送流寄])[到向赴]${REGION}${LIST_BEFORE}$`);
const WENT_AFTER = new RegExp(`^${LIST_AFTER}(?:等)?(?:单位|部门)?(?:多次|先后|反复|再次)?(?:反映|上访|信访|投诉|举报|求助|递交|写信|来信|来访)`);
/** Whom the petitioner asks to act: 请◆查处, 恳请◆督办 (not 请求查处◆, where the unit is what is to be dealt with). */
const ASKED_BEFORE = new RegExp(`(?:恳请|请求|请|希望|要求|建议)${REGION}${LIST_BEFORE}$`);
const ASKED_AFTER = new RegExp(`^${LIST_AFTER}(?:的)?(?:领导)?(?:依法|认真|尽快|彻底|严肃)?(?:查处|调查|核查|处理|督办|督促|介入|追究|严查|彻查|过问)`);
/** A letter's salutation: a line that opens with the unit and a colon (江屿区自然资源局：, 尊敬的◆领导：). */
const SALUTATION_BEFORE = new RegExp(`(?:^|\\n)[ \\t\\u3000]*(?:尊敬的|致)?${REGION}$`);
const SALUTATION_AFTER = /^(?:的)?(?:各位)?(?:领导|同志|负责同志)?(?:们)?[：:]/;
/** The addressee is the accused when the letter calls it "you" (你局长期包庇欠薪老板). */
const ADDRESSED_AS_ACCUSED = /你局|贵局|你们局|你单位|贵单位|你们单位|你委|贵委|该局/;
/** The unit that answered an earlier petition (◆给了答复意见, ◆回复说正在协调) … */
const ANSWERED_AFTER = /^(?:已|曾|也|都)?(?:给了?|作出了?)?(?:答复|回复)/;
/** … unless the rest of the sentence finds fault with it (◆回复说不归他们管，明显推诿). */
const FAULT = /推诿|不作为|敷衍|拖延|拖着|不办|不管|不理|不予|违法|违规|包庇|袒护|报复|泄露|受贿|行贿|索要|好处|红包|弄虚作假|渎职|失职|刁难|吃拿卡要|打击/;
const REPORTED_TO_KINDS = new Set(['petitionOffice', 'discipline']);

/** Whether this mention (at index `i` of the masked text) names its unit without accusing it. */
function notAccusing(masked: string, i: number, rest: string, reportedTo: boolean, text: string): boolean {
  const before = masked.slice(0, i);
  const after = masked.slice(i + 1);
  if (SALUTATION_BEFORE.test(before) && SALUTATION_AFTER.test(after) && !ADDRESSED_AS_ACCUSED.test(text)) return true;
  if (ANSWERED_AFTER.test(after) && !FAULT.test(rest)) return true;
  // Only the bodies a petitioner reports to are named as where they went or whom they ask: a bureau named so
  // (多次向临江区人社局反映，人社局一直不处理) may well be the one accused.
  return reportedTo && ((WENT_BEFORE.test(before) && WENT_AFTER.test(after)) || (ASKED_BEFORE.test(before) && ASKED_AFTER.test(after)));
}

/** The units the text names otherwise than plainly without accusing them, the first named first. */
function accusedIn<U extends NamedUnit>(units: readonly U[], text: string): U[] {
  const mentions = mentionsIn(units, text);
  let masked = '';
  let from = 0;
  const index: number[] = [];
  for (const m of mentions) {
    masked += text.slice(from, m.at);
    index.push(masked.length);
    masked += UNIT;
    from = m.end;
  }
  masked += text.slice(from);
  const accused = new Set<U>();
  mentions.forEach((m, k) => {
    // What the sentence says after naming the unit: its fault, if any, is the unit's.
    const stops = ['。', '！', '？', '；', '\n'].map((p) => text.indexOf(p, m.end)).filter((x) => x >= 0);
    const rest = text.slice(m.end, stops.length ? Math.min(...stops) : text.length);
    if (!notAccusing(masked, index[k]!, rest, REPORTED_TO_KINDS.has(m.unit.kind), text)) accused.add(m.unit);
  });
  return [...accused];
}

/** The units a name without a region may mean at the place: those on its own chain of jurisdictions. */
function onPlaceChain<U extends NamedUnit>(units: readonly U[], place: string): U[] {
  const onChain = units.filter((u) => u.jurisdictionCode === place || isWithin(place, u.jurisdictionCode));
  if (onChain.length === 0) return [...units]; // none is the place's own: any of them may be meant
  if (!onChain.every((u) => u.kind === 'petitionOffice')) return onChain;
  // A petition office with no region (信访局) is the place's own one: taking every office up the chain would leave
  // the accusation no office to be registered at.
  const depth = (u: U) => u.jurisdictionCode.replace(/(00)+$/, '').length;
  const deepest = Math.max(...onChain.map(depth));
  return onChain.filter((u) => depth(u) === deepest);
}

/**
 * The units of ours a petition is against. A form has room for one respondent only (举报两个局互相推诿), so they
 * are: the respondent picked, or the units its typed name may be (人社局 with no region: those up the place's chain
 * of jurisdictions; 信访局: the place's own); the units the respondent as typed names (临江区信访局工作人员张某); and the units the
 * title and text name, in full or by short name, unless every mention plainly does not accuse: a letter's
 * salutation (unless it calls the unit "you"), the unit that answered before (unless the sentence finds fault),
 * and, for petition offices and discipline commissions, where the petitioner went to petition or whom they ask to
 * act (多次到青川市信访局反映, 请青川市纪委监委查处).
 */
export function respondentUnitsOf<U extends NamedUnit>(
  units: readonly U[],
  respondent: RespondentInput,
  title: string | null,
  text: string,
  place: string,
): RespondentUnits {
  const given = new Set<string>();
  const name = respondent.name?.trim() ?? '';
  if (respondent.unitId) given.add(respondent.unitId);
  else if (name) {
    const exact = units.filter((u) => u.name === name);
    const names = unitsNamedBy(name);
    const named = exact.length ? exact : units.filter((u) => names(u.name));
    for (const u of named.length > 1 ? onPlaceChain(named, place) : named) given.add(u.id);
  }
  const inWords = [...new Set([...unitsNamedIn(units, name), ...accusedIn(units, `${title ?? ''}\n${text}`)].map((u) => u.id))];
  return { ids: [...new Set([...given, ...inWords])], inWords };
}
