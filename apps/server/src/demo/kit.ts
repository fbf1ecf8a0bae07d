// The toolkit the petition scenarios are written with: places of the world, voice (first person "我" in
// letters and online forms, third person "来电人/来访人 ... 其" in transcripts), dates relative to the day of
// receipt, money and counts written the ways residents write them, invented companies and estates.

import type { Rng } from './random';
import { ESTATE_NAMES, OLD_ESTATES, ROADS, makeCompany, makePerson, surname } from './pools';
import type { Company, CompanyKind, PersonProfile } from './pools';
import { countySlug } from './world';
import type { Category, Channel, Domain, Jurisdiction, Respondent, Unit, World } from './types';

// ---------- the world, indexed ----------

export interface WorldIndex {
  world: World;
  byCode: ReadonlyMap<string, Jurisdiction>;
  children: ReadonlyMap<string, Jurisdiction[]>;
  counties: Jurisdiction[];
  towns: Jurisdiction[];
  units: ReadonlyMap<string, Unit>;
}

const indexCache = new WeakMap<World, WorldIndex>();

export function indexWorld(world: World): WorldIndex {
  const hit = indexCache.get(world);
  if (hit !== undefined) return hit;
  const byCode = new Map<string, Jurisdiction>();
  const children = new Map<string, Jurisdiction[]>();
  for (const j of world.jurisdictions) {
    byCode.set(j.code, j);
    if (j.parentCode !== null) {
      const list = children.get(j.parentCode) ?? [];
      list.push(j);
      children.set(j.parentCode, list);
    }
  }
  const idx: WorldIndex = {
    world,
    byCode,
    children,
    counties: world.jurisdictions.filter((j) => j.level === 'county'),
    towns: world.jurisdictions.filter((j) => j.level === 'town'),
    units: new Map(world.units.map((u) => [u.id, u])),
  };
  indexCache.set(world, idx);
  return idx;
}

/** Where a matter happened. */
export interface Place {
  county: Jurisdiction;
  town: Jurisdiction;
  /** A village or community, when the matter is that local. */
  village: Jurisdiction | null;
}

export function placeCode(p: Place): string {
  return p.village?.code ?? p.town.code;
}

/** 'urban': a street and one of its communities; 'rural': a town or township and one of its villages. */
export type PlaceKind = 'urban' | 'rural' | 'seat' | 'any';

export function placeFromCode(idx: WorldIndex, code: string): Place {
  const j = idx.byCode.get(code);
  if (j === undefined) throw new Error(`unknown jurisdiction ${code}`);
  const town = j.level === 'village' ? idx.byCode.get(j.parentCode ?? '') : j;
  if (town === undefined || town.level !== 'town') throw new Error(`${code} is not a town or village`);
  const county = idx.byCode.get(town.parentCode ?? '');
  if (county === undefined) throw new Error(`no county above ${code}`);
  return { county, town, village: j.level === 'village' ? j : null };
}

// ---------- what a scenario produces ----------

export interface Draft {
  title: string;
  /** The account itself, already in the right voice. */
  body: string;
  /** Optional sentences; the renderer keeps some of them (in order) as length allows. */
  extras?: string[];
  /** What the petitioner asks, as a verb phrase that follows 请求 / 要求 (e.g. 督促某公司尽快结清工资). */
  ask: string;
  /** The 诉求 field; defaults to 要求 + ask. */
  demands?: string;
  /** The body already ends with the petitioner's request (suggestions). */
  closed?: boolean;
  respondent: Respondent | null;
  place: Place;
  /** The place description; defaults to the names of the place. */
  address?: string;
  suggestedUnitId: string;
  /** Headcount of a collective petition (people or households). */
  headcount?: number;
  /** Where the petitioner lives (defaults to the place of the matter). */
  home?: Place;
  /** The petitioner comes from elsewhere in the city (a migrant worker, a buyer from another county). */
  fromElsewhere?: boolean;
}

export interface Scenario {
  id: string;
  domain: Domain;
  category: Category;
  weight: number;
  litigationRelated?: boolean;
  /** Probability that a petition of this kind is collective. */
  collectiveRate?: number;
  /** Several petitioners can raise this matter separately within days (a cluster). */
  clusterable?: boolean;
  build(c: Ctx): Draft;
}

// ---------- the context a scenario is built in ----------

export interface Ctx {
  rng: Rng;
  idx: WorldIndex;
  /** The day of receipt. */
  today: { y: number; m: number; d: number };
  receivedOn: string;
  channel: Channel;
  /** Transcript voice (hotline, visit record, proxy, transfer) rather than the petitioner's own words. */
  third: boolean;
  collective: boolean;
  /** The (first) petitioner; scenarios may change the age before use. */
  me: PersonProfile;
  /** Whether this writer says 今年/去年 rather than 2025年 (kept for the whole text). */
  relativeYears: boolean;
  /** 我 / 其 */
  I: string;
  /** 我 / 其 (before a noun: 我家, 其家) */
  my: string;
  /** 我们 / 他们 */
  we: string;
  /** 我们 / 该 (before a noun: 我们小区, 该小区) */
  our: string;
  /** 我 / 来电人 / 来访人 / 信访人 */
  S: string;
  /** first-person text or transcript text */
  v(first: string, third: string): string;
  /** one of the alternatives */
  p<T>(...alts: T[]): T;
  chance(p: number): boolean;
  int(min: number, max: number): number;
  /** Values shared by every petition of one cluster (the same company, project, place). */
  shared<T>(key: string, make: () => T): T;
}

export function makeCtx(args: {
  rng: Rng;
  idx: WorldIndex;
  receivedOn: string;
  channel: Channel;
  third: boolean;
  collective: boolean;
  me: PersonProfile;
  sharedStore: Map<string, unknown>;
}): Ctx {
  const { rng, third } = args;
  const [y, m, d] = args.receivedOn.split('-').map(Number) as [number, number, number];
  const subject = third ? subjectNoun(args.channel) : '我';
  return {
    rng,
    idx: args.idx,
    today: { y, m, d },
    receivedOn: args.receivedOn,
    channel: args.channel,
    third,
    collective: args.collective,
    me: args.me,
    relativeYears: rng.chance(0.7),
    I: third ? '其' : '我',
    my: third ? '其' : '我',
    we: third ? '他们' : '我们',
    our: third ? '该' : '我们',
    S: subject,
    v: (first, thirdText) => (third ? thirdText : first),
    p: <T>(...alts: T[]): T => rng.pick(alts),
    chance: (p) => rng.chance(p),
    int: (min, max) => rng.int(min, max),
    shared: <T>(key: string, make: () => T): T => {
      if (args.sharedStore.has(key)) return args.sharedStore.get(key) as T;
      const value = make();
      args.sharedStore.set(key, value);
      return value;
    },
  };
}

export function subjectNoun(channel: Channel): string {
  switch (channel) {
    case 'hotline':
      return '来电人';
    case 'visit':
      return '来访人';
    case 'letter':
    case 'online':
    case 'proxy':
    case 'transfer':
      return '信访人';
  }
}

// ---------- places ----------

export function pickPlace(c: Ctx, kind: PlaceKind): Place {
  const { idx, rng } = c;
  const towns = idx.towns.filter((t) => {
    switch (kind) {
      case 'urban':
        return t.kind === 'street';
      case 'rural':
      case 'seat':
        return t.kind === 'town' || t.kind === 'township';
      case 'any':
        return true;
    }
  });
  const town = rng.pick(towns);
  const kids = idx.children.get(town.code) ?? [];
  let village: Jurisdiction | null = null;
  if (kind === 'rural') village = rng.pick(kids.filter((k) => k.kind === 'village'));
  else if (kind === 'seat') village = kids.find((k) => k.kind === 'community') ?? null;
  else if (kind === 'urban') village = rng.chance(0.7) ? rng.pick(kids) : null;
  else village = rng.chance(0.5) && kids.length > 0 ? rng.pick(kids) : null;
  return placeFromCode(idx, village?.code ?? town.code);
}

/** 槐山县石桥镇, sometimes just 石桥镇. */
export function townName(c: Ctx, p: Place, withCounty?: boolean): string {
  return (withCounty ?? c.chance(0.35)) ? `${p.county.name}${p.town.name}` : p.town.name;
}

/** 石桥镇东岗村 / 槐山县石桥镇东岗村 / 东岗村 */
export function villageName(c: Ctx, p: Place): string {
  if (p.village === null) return townName(c, p);
  const r = c.rng.next();
  if (r < 0.25) return `${p.county.name}${p.town.name}${p.village.name}`;
  if (r < 0.8) return `${p.town.name}${p.village.name}`;
  return p.village.name;
}

export function fullPlaceName(p: Place): string {
  return `${p.county.name}${p.town.name}${p.village?.name ?? ''}`;
}

/** The county prefixes used in company names: 江屿区, 槐山县 ... */
export function countyNames(c: Ctx): string[] {
  return c.idx.counties.map((j) => j.name);
}

export function company(c: Ctx, kind: CompanyKind): Company {
  return makeCompany(c.rng, kind, countyNames(c));
}

/** A new-build estate: 宏达·御景园 or 御景园小区. */
export function estate(c: Ctx, brand?: string): string {
  const n = c.rng.pick(ESTATE_NAMES);
  if (brand !== undefined && c.chance(0.6)) return `${brand}·${n}`;
  return c.chance(0.5) ? n : `${n}小区`;
}

export function oldEstate(c: Ctx): string {
  return c.chance(0.6) ? c.rng.pick(OLD_ESTATES) : `${c.rng.pick(ROADS)}${c.int(3, 160)}号院`;
}

export function road(c: Ctx): string {
  return c.rng.pick(ROADS);
}

/** 3栋2单元502 */
export function flat(c: Ctx): string {
  return `${c.int(1, 18)}栋${c.int(1, 4)}单元${c.int(1, 28)}0${c.int(1, 4)}`;
}

export function someone(c: Ctx): string {
  return `${surname(c.rng)}某`;
}

export function newPerson(c: Ctx, minAge: number, maxAge: number): PersonProfile {
  return makePerson(c.rng, c.int(minAge, maxAge));
}

// ---------- units ----------

export type CountyDept = 'hrss' | 'housing' | 'land' | 'edu' | 'office';
export type CityDept =
  | 'office'
  | 'hrss'
  | 'housing'
  | 'land'
  | 'edu'
  | 'health'
  | 'env'
  | 'agri'
  | 'civil'
  | 'urban'
  | 'justice'
  | 'discipline';

export function countyUnit(p: Place, dept: CountyDept): string {
  return `u-${countySlug(p.county.code)}-${dept}`;
}

export function cityUnit(dept: CityDept): string {
  return `u-city-${dept}`;
}

export function unitName(c: Ctx, id: string): string {
  const u = c.idx.units.get(id);
  if (u === undefined) throw new Error(`unknown unit ${id}`);
  return u.name;
}

/** The town government unit of a place, when the demo world has one. */
export function townUnit(c: Ctx, p: Place): Unit | null {
  for (const u of c.idx.units.values()) {
    if (u.kind === 'townGovernment' && u.jurisdictionCode === p.town.code) return u;
  }
  return null;
}

/** 石桥镇人民政府 / 临江街道办事处, with its unit id when the world has that unit. */
export function townGovernment(c: Ctx, p: Place): Respondent {
  const u = townUnit(c, p);
  const name = p.town.kind === 'street' ? `${p.town.name}办事处` : `${p.town.name}人民政府`;
  return { name, unitId: u?.id ?? null };
}

/** The town government when the world has one, else the county petition office (which coordinates). */
export function territorialUnit(c: Ctx, p: Place): string {
  return townUnit(c, p)?.id ?? countyUnit(p, 'office');
}

// ---------- dates ----------

export interface YearMonth {
  y: number;
  m: number;
}

export function monthsAgo(c: Ctx, k: number): YearMonth {
  const total = c.today.y * 12 + (c.today.m - 1) - k;
  return { y: Math.floor(total / 12), m: (total % 12) + 1 };
}

/** "今年3月" / "去年11月" / "2023年11月" (k months before the day of receipt). */
export function ym(c: Ctx, k: number): string {
  const t = monthsAgo(c, k);
  return ymText(c, t);
}

export function ymText(c: Ctx, t: YearMonth): string {
  if (t.y === c.today.y) return c.relativeYears ? `今年${t.m}月` : `${t.y}年${t.m}月`;
  if (t.y === c.today.y - 1) return c.relativeYears ? `去年${t.m}月` : `${t.y}年${t.m}月`;
  return `${t.y}年${t.m}月`;
}

/** "2021年" / "前年" / "去年" */
export function yearText(c: Ctx, yearsAgo: number): string {
  const y = c.today.y - yearsAgo;
  if (yearsAgo === 0) return '今年';
  if (yearsAgo === 1) return c.relativeYears ? '去年' : `${y}年`;
  if (yearsAgo === 2 && c.chance(0.3)) return '前年';
  return `${y}年`;
}

/** A day some weeks ago: "5月18日" (or "上个月18日"). */
export function dayText(c: Ctx, minDaysAgo: number, maxDaysAgo: number): string {
  const base = Date.UTC(c.today.y, c.today.m - 1, c.today.d);
  const t = new Date(base - c.int(minDaysAgo, maxDaysAgo) * 86_400_000);
  const m = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  if (t.getUTCFullYear() !== c.today.y) return `去年${m}月${d}日`;
  if (m === c.today.m) return c.chance(0.5) ? `本月${d}日` : `${m}月${d}日`;
  return `${m}月${d}日`;
}

// ---------- numbers and money ----------

const DIGITS = '零一二三四五六七八九';

function cnUnder10000(n: number): string {
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    const pos = digits.length - 1 - i;
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) {
      out += '零';
      pendingZero = false;
    }
    out += (DIGITS[digit] as string) + (units[pos] as string);
  });
  return out;
}

/** 52000 -> 五万二千, 11 -> 十一, 2000 -> 两千 */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000_000) return String(n);
  if (n === 0) return '零';
  let out: string;
  if (n < 10000) out = cnUnder10000(n);
  else {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    out = `${cnUnder10000(high)}万`;
    if (low > 0) out += (low < 1000 ? '零' : '') + cnUnder10000(low);
  }
  if (out.startsWith('一十')) out = out.slice(1);
  if (out === '二') return out;
  if (out.startsWith('二千') || out.startsWith('二万')) out = `两${out.slice(1)}`;
  return out;
}

/** A count as residents write it: 11 or 十一. */
export function num(c: Ctx, n: number): string {
  if (n === 2 && c.chance(0.6)) return '两';
  return n < 100 && c.chance(0.3) ? chineseNumber(n) : String(n);
}

/** A random amount in [min, max], a multiple of step. */
export function amount(c: Ctx, min: number, max: number, step: number): number {
  return c.int(Math.ceil(min / step), Math.floor(max / step)) * step;
}

/** 38600元 / 3.86万元 / 三万八千六百元 / 3万8千多元 */
export function money(c: Ctx, value: number): string {
  const r = c.rng.next();
  if (value >= 100000 && r < 0.7) {
    const w = value / 10000;
    return `${Number.isInteger(w) ? String(w) : w.toFixed(1).replace(/\.0$/, '')}${Number.isInteger(w) ? '' : '多'}万元`;
  }
  if (value >= 10000 && r < 0.22) {
    const w = value / 10000;
    const text = Number.isInteger(w) ? String(w) : w.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
    return `${text}万元`;
  }
  if (value % 100 === 0 && r < 0.36) return `${chineseNumber(value)}元`;
  if (value >= 10000 && r < 0.42) return `${Math.floor(value / 10000)}万多元`;
  return `${value}元`;
}

/** A rough count for "N多": 46 -> 40, 408 -> 400 (as 四十 / 400). */
export function about(c: Ctx, n: number): string {
  const step = n >= 200 ? 100 : n >= 20 ? 10 : 1;
  return num(c, Math.max(step, Math.floor(n / step) * step));
}
