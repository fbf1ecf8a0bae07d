// Petition facts for the demo: a scenario (kit.ts + scenarios-*.ts) is drawn by domain, written in the voice
// of its channel (a letter or online form in the petitioner's own words, a hotline or visit transcript, a
// proxy agent's summary, a transfer from above), and given petitioners with fictional but well-formed
// identity numbers and phones. Repeats retell an earlier matter; clusters are several petitioners raising the
// same matter against the same respondent within days.

import type { Rng } from './random';
import { makeIdCard, makePhone, maskPhone } from './identity';
import { fullName, guessMale, makePerson, ROADS } from './pools';
import type { PersonProfile } from './pools';
import {
  flat,
  fullPlaceName,
  indexWorld,
  makeCtx,
  placeCode,
  chineseNumber,
  placeFromCode,
  subjectNoun,
  ymText,
} from './kit';
import type { Ctx, Draft, Place, Scenario, WorldIndex } from './kit';
import { buildWorld, countyHeadTitle } from './world';
import { toTraditional } from './traditional';
import { laborScenarios } from './scenarios-labor';
import { housingScenarios, landScenarios } from './scenarios-housing-land';
import { educationScenarios, healthScenarios, legalScenarios } from './scenarios-legal-edu-health';
import { environmentScenarios, propertyScenarios, urbanScenarios } from './scenarios-city';
import { agricultureScenarios, otherScenarios, socialScenarios } from './scenarios-rural';
import type { Category, Channel, Domain, PetitionFacts, Petitioner, World } from './types';

export const TEXT_MIN = 80;
export const TEXT_MAX = 400;
export const TITLE_MAX = 40;

const SCENARIOS: Record<Domain, Scenario[]> = {
  labor: laborScenarios,
  housing: housingScenarios,
  land: landScenarios,
  legal: legalScenarios,
  education: educationScenarios,
  health: healthScenarios,
  propertyManagement: propertyScenarios,
  environment: environmentScenarios,
  urbanConstruction: urbanScenarios,
  socialSecurity: socialScenarios,
  agriculture: agricultureScenarios,
  other: otherScenarios,
};

/** How often each domain comes in (wage arrears, housing and land most; as in a county petition office). */
const DOMAIN_WEIGHTS: readonly (readonly [Domain, number])[] = [
  ['labor', 20],
  ['housing', 14],
  ['land', 11],
  ['legal', 9],
  ['propertyManagement', 8],
  ['education', 7],
  ['urbanConstruction', 7],
  ['environment', 7],
  ['health', 6],
  ['socialSecurity', 6],
  ['agriculture', 4.5],
  ['other', 2.5],
];

/** Every scenario, for tests and for tools that want to enumerate them. */
export function allScenarios(): Scenario[] {
  return Object.values(SCENARIOS).flat();
}

// ---------- channel and voice ----------

function pickChannel(rng: Rng, category: Category, collective: boolean): Channel {
  if (collective) {
    return rng.weighted([
      ['letter', 45],
      ['visit', 35],
      ['online', 12],
      ['proxy', 4],
      ['transfer', 4],
    ] as const);
  }
  switch (category) {
    case 'accusation':
      return rng.weighted([
        ['letter', 42],
        ['online', 34],
        ['hotline', 14],
        ['visit', 6],
        ['transfer', 4],
      ] as const);
    case 'suggestion':
      return rng.weighted([
        ['online', 50],
        ['letter', 24],
        ['hotline', 20],
        ['proxy', 6],
      ] as const);
    case 'claim':
      return rng.weighted([
        ['letter', 26],
        ['online', 30],
        ['hotline', 18],
        ['visit', 13],
        ['proxy', 6],
        ['transfer', 7],
      ] as const);
  }
}

function isThirdPerson(rng: Rng, channel: Channel): boolean {
  switch (channel) {
    case 'letter':
    case 'online':
      return false;
    case 'visit':
      return rng.chance(0.45);
    case 'hotline':
    case 'proxy':
    case 'transfer':
      return true;
  }
}

// ---------- generation ----------

interface GenerateOptions {
  scenario: Scenario;
  sharedStore: Map<string, unknown>;
  /** Force an individual or a collective petition (clusters mix both). */
  collective?: boolean;
}

/** One petition, as a clerk would register it, received on `receivedOn` (YYYY-MM-DD). */
export function generatePetitionFacts(rng: Rng, world: World, receivedOn: string): PetitionFacts {
  assertDate(receivedOn);
  const domain = rng.weighted(DOMAIN_WEIGHTS);
  const scenario = rng.weighted(SCENARIOS[domain].map((s) => [s, s.weight] as const));
  return generateWith(rng, indexWorld(world), receivedOn, { scenario, sharedStore: new Map() });
}

/** A petition of one named scenario (see allScenarios), for tests and for hand-picked demo cases. */
export function generateScenario(
  rng: Rng,
  world: World,
  receivedOn: string,
  scenarioId: string,
): PetitionFacts {
  assertDate(receivedOn);
  const scenario = allScenarios().find((s) => s.id === scenarioId);
  if (scenario === undefined) throw new Error(`unknown scenario ${scenarioId}`);
  return generateWith(rng, indexWorld(world), receivedOn, { scenario, sharedStore: new Map() });
}

function generateWith(rng: Rng, idx: WorldIndex, receivedOn: string, opts: GenerateOptions): PetitionFacts {
  const { scenario } = opts;
  const collective = opts.collective ?? rng.chance(scenario.collectiveRate ?? 0);
  const channel = pickChannel(rng, scenario.category, collective);
  const third = isThirdPerson(rng, channel);
  const me = makePerson(rng, rng.int(26, 68));
  const c = makeCtx({ rng, idx, receivedOn, channel, third, collective, me, sharedStore: opts.sharedStore });
  const draft = scenario.build(c);
  const headcount = collective ? Math.max(2, draft.headcount ?? rng.int(5, 40)) : 1;
  const petitioners = makePetitioners(c, draft, headcount);
  const text = renderText(c, scenario, draft, petitioners[0] as Petitioner);
  return {
    channel,
    category: scenario.category,
    litigationRelated: scenario.litigationRelated ?? false,
    domain: scenario.domain,
    title: fitTitle(draft.title),
    text,
    demands: clerkDemands(draft.demands ?? `要求${draft.ask}。`),
    respondent: draft.respondent === null ? null : { ...draft.respondent },
    jurisdictionCode: placeCode(draft.place),
    address: draft.address ?? fullPlaceName(draft.place),
    collective,
    headcount,
    petitioners,
    suggestedUnitId: draft.suggestedUnitId,
  };
}

/**
 * Several petitions about one matter against one respondent (a company that owes a whole site its wages, a
 * developer with a stalled estate, a factory that fouls a village), raised separately by different people,
 * one for each date given.
 */
export function generateCluster(rng: Rng, world: World, receivedOns: readonly string[]): PetitionFacts[] {
  receivedOns.forEach(assertDate);
  const candidates = allScenarios().filter((s) => s.clusterable === true);
  const scenario = rng.weighted(candidates.map((s) => [s, s.weight] as const));
  const sharedStore = new Map<string, unknown>();
  const idx = indexWorld(world);
  return receivedOns.map((day) => generateWith(rng, idx, day, { scenario, sharedStore }));
}

/**
 * A few households' separate petitions about one compensation dispute (the same project, place and town
 * government), one for each date given: what the petition office later merges into one collective petition.
 */
export function generateMergeGroup(rng: Rng, world: World, receivedOns: readonly string[]): PetitionFacts[] {
  receivedOns.forEach(assertDate);
  const scenario = allScenarios().find((s) => s.id === 'land.compensation');
  if (scenario === undefined) throw new Error('the land.compensation scenario is missing');
  const sharedStore = new Map<string, unknown>();
  const idx = indexWorld(world);
  return receivedOns.map((day) => generateWith(rng, idx, day, { scenario, sharedStore, collective: false }));
}

// ---------- petitioners ----------

function homeAddress(c: Ctx, home: Place): string {
  const base = `${home.county.name}${home.town.name}`;
  if (home.village === null) return `${base}${c.rng.pick(ROADS)}${c.int(1, 200)}号`;
  if (home.village.kind === 'village') return `${base}${home.village.name}${c.int(1, 9)}组${c.int(1, 80)}号`;
  return `${base}${home.village.name}${c.rng.pick(ROADS)}${c.int(1, 200)}号${flat(c)}`;
}

function randomHome(c: Ctx): Place {
  const villages = c.idx.world.jurisdictions.filter((j) => j.level === 'village');
  return placeFromCode(c.idx, c.rng.pick(villages).code);
}

function makePetitioner(c: Ctx, who: PersonProfile, home: Place, fromElsewhere: boolean): Petitioner {
  const { rng, channel } = c;
  const idChance: Record<Channel, number> = {
    visit: 0.95,
    proxy: 0.9,
    online: 0.7,
    transfer: 0.5,
    letter: 0.4,
    hotline: 0.1,
  };
  const phoneChance: Record<Channel, number> = {
    hotline: 1,
    online: 0.95,
    proxy: 0.95,
    visit: 0.9,
    transfer: 0.8,
    letter: 0.7,
  };
  const addrChance: Record<Channel, number> = {
    letter: 0.95,
    visit: 0.9,
    proxy: 1,
    transfer: 0.8,
    online: 0.7,
    hotline: 0.4,
  };
  const region = fromElsewhere ? rng.pick(c.idx.counties).code : home.county.code;
  return {
    name: fullName(who),
    phone: rng.chance(phoneChance[channel]) ? makePhone(rng) : null,
    idCard: rng.chance(idChance[channel]) ? makeIdCard(rng, region, who.age, who.male, c.receivedOn) : null,
    address: rng.chance(addrChance[channel]) ? homeAddress(c, home) : null,
  };
}

function makePetitioners(c: Ctx, draft: Draft, headcount: number): Petitioner[] {
  const fromElsewhere = draft.fromElsewhere ?? false;
  const home = draft.home ?? (fromElsewhere && c.chance(0.5) ? randomHome(c) : draft.place);
  const first = makePetitioner(c, c.me, home, fromElsewhere);
  if (!c.collective) return [first];
  const reps = Math.min(
    headcount,
    c.rng.weighted([
      [1, 2],
      [2, 2],
      [3, 3],
      [4, 1.5],
      [5, 1.5],
    ] as const),
  );
  const out = [first];
  const names = new Set([first.name]);
  while (out.length < reps) {
    const p = makePerson(c.rng, c.int(30, 70));
    if (names.has(fullName(p))) continue;
    names.add(fullName(p));
    out.push(makePetitioner(c, p, home, fromElsewhere));
  }
  return out;
}

// ---------- the text ----------

function opening(c: Ctx, scenario: Scenario, draft: Draft, first: Petitioner): string {
  const { rng } = c;
  const surname = first.name.slice(0, 1);
  if (!c.third) {
    if (c.channel === 'letter' && rng.chance(0.6)) {
      const head = countyHeadTitle(draft.place.county.kind);
      const unit = c.idx.units.get(draft.suggestedUnitId)?.name;
      const options = ['尊敬的领导：', '尊敬的市领导：', `尊敬的${head}：`, `${head}您好：`, '各位领导：'];
      if (unit !== undefined && scenario.category !== 'suggestion') options.push(`${unit}：`);
      return rng.pick(options);
    }
    if (c.channel === 'online' && rng.chance(0.15)) return rng.pick(['您好！', '领导好，', '您好，']);
    if (c.channel === 'visit' && rng.chance(0.3))
      return rng.pick(['我今天来是想反映个事。', '我来反映个问题。']);
    return '';
  }
  const subject = subjectNoun(c.channel);
  const suggestion = scenario.category === 'suggestion';
  switch (c.channel) {
    case 'hotline':
      return suggestion
        ? rng.pick(['来电人提出：', '12345来电记录：', '市民来电：'])
        : rng.pick(['来电人反映：', '来电人称：', '12345来电记录：来电人称，', '市民来电反映：']);
    case 'visit':
      return rng.pick([`${subject}反映：`, `${subject}称：`, `${subject}${surname}某反映：`]);
    case 'proxy':
      return rng.pick([
        '代理员代为反映：',
        `信访代理员代${surname}某（${c.me.age}岁）反映：`,
        `代理员代${draft.place.village?.name ?? draft.place.town.name}${draft.place.village?.kind === 'village' ? '村民' : '居民'}${surname}某反映：`,
      ]);
    case 'transfer':
      return rng.pick([
        '上级转交件。信访人反映：',
        '省信访局网上转送：信访人称，',
        '市委办公室转来：信访人反映，',
        '市长信箱转办：信访人反映，',
      ]);
    case 'letter':
    case 'online':
      return `${subject}反映：`;
  }
}

function closing(c: Ctx, scenario: Scenario, draft: Draft): string {
  const { rng } = c;
  if (draft.closed === true || draft.ask === '') {
    if (c.third) return '';
    return rng.chance(0.3) ? rng.pick(['希望领导考虑。', '以上建议，请领导参考。', '谢谢！']) : '';
  }
  const toDiscipline = draft.suggestedUnitId === 'u-city-discipline';
  if (c.third) {
    const lead = rng.pick([`${c.S}要求`, '要求相关部门', `${c.S}希望`, `${c.S}请求`]);
    return `${lead}${toThirdPerson(draft.ask)}。`;
  }
  const leads =
    scenario.category === 'accusation'
      ? toDiscipline
        ? ['请纪委监委', '恳请纪委监委', '请上级纪委', '请求组织上']
        : ['请有关部门', '恳请主管部门', '请求上级部门']
      : ['恳请领导', '恳请政府', '请求有关部门', '希望有关部门', '请相关部门', '恳请政府出面'];
  return `${rng.pick(leads)}${draft.ask}${rng.pick(['。', '！', '，谢谢！', '。盼复。'])}`;
}

function signoff(c: Ctx, scenario: Scenario, draft: Draft, first: Petitioner): string {
  const { rng } = c;
  const masked = first.phone === null ? null : maskPhone(first.phone);
  if (c.third) {
    if (c.channel === 'hotline' && masked !== null && rng.chance(0.45)) {
      return rng.pick([`来电号码：${masked}。`, `来电人电话：${masked}。`, `电话${masked}。`]);
    }
    if (c.channel === 'visit' && rng.chance(0.25))
      return rng.pick(['来访人情绪激动。', '已告知来访人受理程序。']);
    return '';
  }
  if (c.channel !== 'letter' || !rng.chance(0.35)) return '';
  if (scenario.category === 'accusation') {
    return masked === null ? '' : `举报人：${first.name.slice(0, 1)}某 ${masked}`;
  }
  if (c.collective && rng.chance(0.5)) {
    const who = ['housing', 'propertyManagement'].includes(scenario.domain)
      ? '业主'
      : draft.place.village?.kind === 'village'
        ? '村民'
        : '';
    return `（附${who}签名${who === '' ? '名单' : ''}）`;
  }
  if (masked === null) return '';
  return rng.pick([`联系人：${first.name} ${masked}`, `联系电话：${masked}`, `${first.name}，电话${masked}`]);
}

/** Pronouns that slipped into a transcript in the first person. */
function toThirdPerson(s: string): string {
  return s
    .replace(/我们/g, '他们')
    .replace(/我的/g, '其')
    .replace(/我家/g, '其家')
    .replace(/我/g, '其')
    .replace(/其的/g, '其');
}

/** Templates say 镇里 / 镇上; a township says 乡里, a street 街道. */
function localOffice(p: Place, s: string): string {
  switch (p.town.kind) {
    case 'township':
      return s
        .replace(/镇里|镇上/g, '乡里')
        .replace(/镇政府/g, '乡政府')
        .replace(/镇民政办/g, '乡民政办');
    case 'street':
      return s
        .replace(/镇里|镇上/g, '街道')
        .replace(/镇政府/g, '街道办')
        .replace(/镇民政办/g, '街道民政办');
    default:
      return s;
  }
}

/** "茶坪镇青川市兆丰塑料制品有限公司" -> "茶坪镇兆丰塑料制品有限公司": a place never precedes the city name. */
function tidyPlaces(s: string): string {
  return s.replace(
    /(街道|镇|乡|村|社区|物业|开发商|物业公司)(青川市|江屿区|槐山县|枫岭市)(?!人民|信访|人力|住房|自然|教育|卫生|生态|农业|民政|城市管理|司法|纪委|中级|第|中医院|妇幼|法律援助|社会保险|残疾人)/g,
    '$1',
  );
}

const FILLERS_FIRST = [
  '这件事拖了这么久，实在是没有办法了。',
  '为这事我已经跑了不下十趟，每次都说在处理。',
  '我们老百姓不懂政策，只希望有人能管一管。',
  '希望领导能重视，给我们一个答复。',
];
const FILLERS_THIRD = [
  '其称已多次反映未果。',
  '其情绪较为激动。',
  '请相关部门核实处理。',
  '其表示如不解决将继续上访。',
];
const FILLERS_SUGGESTION = [
  '这也是周边很多群众的心声。',
  '希望有关部门能认真考虑。',
  '相信这件事办好了，老百姓都会拍手称赞。',
];

function renderText(c: Ctx, scenario: Scenario, draft: Draft, first: Petitioner): string {
  const { rng } = c;
  const fix = (s: string): string => localOffice(draft.place, tidyPlaces(c.third ? toThirdPerson(s) : s));
  const head = opening(c, scenario, draft, first);
  const body = fix(draft.body);
  const extras = (draft.extras ?? []).filter((e) => e !== '' && rng.chance(0.55)).map(fix);
  const close = closing(c, scenario, draft);
  let sign = signoff(c, scenario, draft, first);
  const assemble = (): string => head + body + extras.join('') + close + sign;
  let text = assemble();
  while (text.length > TEXT_MAX && extras.length > 0) {
    extras.pop();
    text = assemble();
  }
  if (text.length > TEXT_MAX) {
    sign = '';
    text = assemble();
  }
  const fillers = rng.shuffle(
    scenario.category === 'suggestion' ? FILLERS_SUGGESTION : c.third ? FILLERS_THIRD : FILLERS_FIRST,
  );
  while (text.length < TEXT_MIN && fillers.length > 0) {
    extras.push(fillers.pop() as string);
    text = assemble();
  }
  if (text.length > TEXT_MAX) text = `${text.slice(0, TEXT_MAX - 1)}…`;
  // A few residents write in traditional characters.
  if ((c.channel === 'letter' || c.channel === 'online') && rng.chance(0.045)) text = toTraditional(text);
  return text;
}

/** The 诉求 field, in a clerk's neutral words. */
function clerkDemands(s: string): string {
  const t = s
    .replace(/我们/g, '信访人')
    .replace(/我的/g, '其')
    .replace(/我家/g, '其家')
    .replace(/我/g, '其')
    .replace(/其的/g, '其');
  return /[。！？]$/.test(t) ? t : `${t}。`;
}

const PLACE_PREFIX = /青川市|江屿区|槐山县|枫岭市/g;

/** A 事由 of at most 40 characters: long company names lose their place prefix, then 有限公司. */
export function fitTitle(title: string): string {
  let t = title;
  if (t.length > TITLE_MAX) t = t.replace(PLACE_PREFIX, '');
  if (t.length > TITLE_MAX) t = t.replace(/有限公司/g, '公司');
  if (t.length > TITLE_MAX) t = `${t.slice(0, TITLE_MAX - 1)}…`;
  return t;
}

function assertDate(s: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) {
    throw new RangeError(`not a YYYY-MM-DD date: ${s}`);
  }
}

// ---------- repeats ----------

let fallbackWorld: World | undefined;
function defaultWorld(): World {
  fallbackWorld ??= buildWorld();
  return fallbackWorld;
}

/** What the earlier petition was about, from its 事由: "反映X拖欠工资" -> "X拖欠工资". */
function issueOf(title: string): string {
  let t = title.replace(/^(再次|多次)/, '');
  const i = t.lastIndexOf('反映');
  if (i >= 0) {
    // "悦澜湾业主反映无法办证" -> "悦澜湾无法办证"; "58名农民工反映X拖欠工资" -> "X拖欠工资"
    const who = t.slice(0, i).replace(/(\d+名)?(业主|村民|居民|职工|环卫工人|农民工)$/, '');
    t = `${who}${t.slice(i + 2)}`;
  } else t = t.replace(/^(举报|建议)/, '');
  return t
    .replace(/^对(.+?)判决不服.*$/, '$1一案')
    .replace(/^关于/, '')
    .replace(/的建议$/, '');
}

export interface RepeatOptions {
  /** The world of the earlier petition (default: the demo world). */
  world?: World;
  /** The day the earlier petition was received, to say when it was raised ("今年3月", "上个月"). */
  earlierReceivedOn?: string;
  /** How many times the matter has now been raised, this one included (2 for the first repeat). */
  nth?: number;
}

/** When the earlier petition was raised, as the petitioner would say it. */
function whenEarlier(c: Ctx, earlierOn: string | undefined): string {
  if (earlierOn === undefined) return c.p('前段时间', '之前', '几个月前', '上次');
  assertDate(earlierOn);
  const [y, m, d] = earlierOn.split('-').map(Number) as [number, number, number];
  const gapDays =
    (Date.parse(`${c.receivedOn}T00:00:00Z`) - Date.parse(`${earlierOn}T00:00:00Z`)) / 86_400_000;
  const months = (c.today.y - y) * 12 + (c.today.m - m);
  if (gapDays < 21) return c.p('前些天', `${m}月${d}日`, '半个月前');
  if (months === 1) return c.p('上个月', `上个月${d}号`);
  if (months <= 11 || y === c.today.y) return ymText(c, { y, m });
  return y === c.today.y - 1 ? c.p('去年', `去年${m}月`) : `${y}年`;
}

/** Age and sex from a GB 11643 number, when there is one. */
function profileOf(p: Petitioner, receivedOn: string, rng: Rng): PersonProfile {
  const id = p.idCard;
  const year = id === null ? NaN : Number(id.slice(6, 10));
  const age = Number.isNaN(year) ? rng.int(30, 65) : Math.max(18, Number(receivedOn.slice(0, 4)) - year);
  const male = id === null ? guessMale(p.name.slice(1), rng) : Number(id.charAt(16)) % 2 === 1;
  return { surname: p.name.slice(0, 1), given: p.name.slice(1), male, age };
}

const REPEAT_DETAILS: Record<Domain, readonly string[]> = {
  labor: [
    '{resp}的老板电话也不接了。',
    '被欠的{amount}到现在一分都没拿到。',
    '眼看又到年底了，工友们都急了。',
    '劳动监察说已经立案，可公司就是不露面。',
  ],
  housing: [
    '开发商还是那句话，在走流程。',
    '工地到现在还是停着，一个工人都没有。',
    '业主群里大家都快急疯了。',
    '我们每个月的房贷一分都不能少。',
  ],
  land: [
    '补偿款还是没有着落。',
    '镇里说在研究，一研究就是几个月。',
    '评估报告到现在也没给我们看。',
    '说好的{amount}一直没兑现。',
  ],
  legal: [
    '执行的事还是没有任何进展。',
    '法院那边打电话也没人接。',
    '对方照样过得好好的，我们却一分钱拿不到。',
  ],
  education: ['眼看就要开学了，孩子的事不能再拖了。', '学校那边还是推来推去。'],
  health: ['到现在也没有给个说法。', '问了几次都说在走流程。'],
  propertyManagement: ['物业还是老样子，谁也不管。', '业主们的意见越来越大，好几家已经不交物业费了。'],
  environment: ['这段时间比以前还严重。', '来人检查那天停了，人一走又照旧。', '晚上根本睡不好觉。'],
  urbanConstruction: ['上个星期下雨又出了同样的问题。', '一直说纳入计划，到底什么时候动工？'],
  socialSecurity: ['这几个月全靠借钱过日子。', '我年纪大了，经不起这样来回跑。'],
  agriculture: ['农时不等人，再拖今年就白种了。', '损失到现在也没人认。'],
  other: ['还是没有人管。', '问了几个部门，都说不归自己管。'],
};

const ACCUSATION_DETAILS = ['到现在没有看到任何调查结果。', '我们担心举报材料被泄露给了被举报人。'];
const OFFICIAL = /书记|主任|科长|镇长|工作人员|干部|法官|村民委员会|局/;

/**
 * The same matter raised again later: same respondent, place, domain and handling unit, told in other words
 * ("再次反映", "至今未解决") by the same petitioner, a relative, or other members of the same group.
 */
export function generateRepeat(
  rng: Rng,
  earlier: PetitionFacts,
  receivedOn: string,
  options: RepeatOptions = {},
): PetitionFacts {
  assertDate(receivedOn);
  // The world gives names of places and units; by default the demo world.
  const idx = indexWorld(options.world ?? defaultWorld());
  const place = placeFromCode(idx, earlier.jurisdictionCode);
  const collective = earlier.collective && rng.chance(0.75);
  const channel = rng.weighted(
    collective
      ? ([
          ['visit', 45],
          ['letter', 35],
          ['online', 10],
          ['transfer', 10],
        ] as const)
      : ([
          ['visit', 26],
          ['letter', 20],
          ['online', 22],
          ['hotline', 22],
          ['proxy', 5],
          ['transfer', 5],
        ] as const),
  );
  const third = isThirdPerson(rng, channel);

  // Who comes back: the same person, a relative, or some of the same group.
  const pool = earlier.petitioners.length > 0 ? earlier.petitioners : [];
  const original = rng.pick(pool);
  let petitioners: Petitioner[];
  let relative: { role: string; name: string; parent: boolean } | null = null;
  let me = profileOf(original, receivedOn, rng);
  const scratch = makeCtx({ rng, idx, receivedOn, channel, third, collective, me, sharedStore: new Map() });
  if (collective) {
    petitioners = rng.sample(pool, rng.int(1, pool.length)).map((p) => ({ ...p }));
    if (petitioners.length < 5 && rng.chance(0.3)) {
      const extra = makePerson(rng, rng.int(30, 70));
      if (!petitioners.some((p) => p.name === fullName(extra))) {
        petitioners.push(makePetitioner(scratch, extra, place, false));
      }
    }
    me = profileOf(petitioners[0] as Petitioner, receivedOn, rng);
  } else if (rng.chance(0.72)) {
    petitioners = [{ ...original }];
  } else {
    const older = me.age >= 50;
    const kin = older
      ? makePerson(rng, Math.max(22, me.age - rng.int(24, 32)))
      : makePerson(rng, Math.max(20, me.age + rng.int(-3, 3)), !me.male);
    kin.surname = older ? me.surname : kin.surname;
    relative = {
      role: older ? (me.male ? '父亲' : '母亲') : me.male ? '丈夫' : '妻子',
      name: original.name,
      parent: older,
    };
    me = kin;
    const p = makePetitioner(scratch, kin, place, false);
    petitioners = [{ ...p, address: original.address ?? p.address }];
  }
  const c = makeCtx({ rng, idx, receivedOn, channel, third, collective, me, sharedStore: new Map() });

  const issue = issueOf(earlier.title);
  const verb =
    earlier.category === 'accusation' ? '举报' : earlier.category === 'suggestion' ? '建议' : '反映';
  const when = whenEarlier(c, options.earlierReceivedOn);
  const unitName = idx.units.get(earlier.suggestedUnitId)?.name ?? '有关部门';
  const response = rng.pick([
    '当时说会督促处理',
    `${unitName}回复说正在协调`,
    '有关部门来人看了一次就走了',
    '收到了受理告知书',
    '答复说已经转给相关部门办理',
    '工作人员说会尽快处理',
    `${unitName}给了答复意见，可${collective ? '我们' : '我'}不满意`,
  ]);
  const still = rng.pick([
    '可到现在还是没有任何结果',
    '问题至今未解决',
    '到现在一点进展都没有',
    '事情一直拖着没人管',
    '至今没有下文',
  ]);
  const we = collective ? '我们' : '我';
  let body: string;
  if (relative !== null) {
    const why = relative.parent
      ? rng.pick(['年纪大了跑不动', '身体不好住院了', '腿脚不方便'])
      : rng.pick(['身体不好住院了', '在外地打工回不来', '要上班请不了假']);
    body = `${relative.name}是我${relative.role}，${relative.role}${when}${verb}过${issue}的问题，${response}，${still}。${relative.role}${why}，今天我替${relative.role}再来反映一次。`;
  } else {
    const forms = [
      `${when}${we}已经${verb}过${issue}的问题，${response}，${still}。`,
      `关于${issue}的问题，${we}${when}就${verb}过，${response}，${still}。`,
      `${we}${when}${verb}的${issue}一事，${response}，到今天${rng.pick(['还是老样子', '仍未解决', '也没个说法'])}。`,
    ];
    if (options.nth !== undefined && options.nth >= 3) {
      forms.push(
        `这是${we}第${chineseNumber(options.nth)}次${verb}${issue}的问题了。${response}，${still}。`,
      );
    }
    body = rng.pick(forms);
  }
  const amountMatch = /(\d+(?:\.\d+)?万?多?元)/.exec(earlier.text);
  const fill = (s: string): string =>
    s.replace('{resp}', earlier.respondent?.name ?? '对方').replace('{amount}', amountMatch?.[1] ?? '钱');
  const accused = earlier.respondent?.name ?? '';
  const accusationDetails = [
    ...ACCUSATION_DETAILS,
    OFFICIAL.test(accused)
      ? '被举报人照样当他的干部，还在外面放话说告也没用。'
      : '被举报的人照样该干什么干什么，一点没受影响。',
  ];
  const details = (earlier.category === 'accusation' ? accusationDetails : REPEAT_DETAILS[earlier.domain])
    .filter((d) => !d.includes('{amount}') || amountMatch !== null)
    .map(fill);
  const extras = [
    ...rng.sample(details, rng.int(1, 2)),
    earlier.category === 'suggestion' ? '' : `${we}的诉求还是那句话：${earlier.demands}`,
    rng.pick([
      `如果再不解决，${we}只能到市里去反映了。`,
      '希望这次能有个明确答复，不要再推了。',
      `${we}不想闹，只想把事情解决。`,
    ]),
  ];
  const ask =
    earlier.category === 'accusation'
      ? `认真调查${issue}的问题`
      : earlier.category === 'suggestion'
        ? `研究${issue}的建议`
        : `尽快解决${issue}的问题`;
  const pseudo: Scenario = {
    id: 'repeat',
    domain: earlier.domain,
    category: earlier.category,
    weight: 0,
    build: () => {
      throw new Error('not built');
    },
  };
  const draft: Draft = {
    title: '',
    body,
    extras,
    ask,
    respondent: earlier.respondent,
    place,
    suggestedUnitId: earlier.suggestedUnitId,
  };
  const text = renderText(c, pseudo, draft, petitioners[0] as Petitioner);
  const again =
    earlier.category === 'accusation'
      ? '再次举报'
      : earlier.category === 'suggestion'
        ? '再次建议'
        : '再次反映';
  const demands = /^(要求|建议)/.test(earlier.demands)
    ? `再次${earlier.demands}`
    : `再次要求：${earlier.demands}`;
  return {
    channel,
    category: earlier.category,
    litigationRelated: earlier.litigationRelated,
    domain: earlier.domain,
    title: fitTitle(`${again}${issue}`),
    text,
    demands: demands.replace(/^再次再次/, '再次'),
    respondent: earlier.respondent === null ? null : { ...earlier.respondent },
    jurisdictionCode: earlier.jurisdictionCode,
    address: earlier.address,
    collective,
    headcount: collective ? Math.max(2, earlier.headcount + rng.int(-3, 8)) : 1,
    petitioners,
    suggestedUnitId: earlier.suggestedUnitId,
  };
}

export { assertDate };
