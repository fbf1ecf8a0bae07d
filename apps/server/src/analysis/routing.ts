// Routing suggestions: the territorial unit (属地) from the place of the matter, the subject unit (属事) from
// its domain through a rule table admins edit (defaults from the units' `domains`), each with its reason.
// An accusation is never suggested to the unit it accuses (core protection's `canAssignTo`).

import { and, eq } from 'drizzle-orm';
import { canAssignTo, type Message, type PetitionScope } from '@qiao/core';
import { placeKey } from '@qiao/core/text';
import type { Db, Tx } from '../db/open';
import { analysisRoutingRules, jurisdictions, units } from '../db/schema';
import { domainName } from './labels';

type UnitRow = typeof units.$inferSelect;
type JurisdictionRow = typeof jurisdictions.$inferSelect;

/** Units, jurisdictions and rules, loaded once for a request (or a batch). */
export interface RoutingData {
  units: UnitRow[];
  unitById: Map<string, UnitRow>;
  jurisdictionByCode: Map<string, JurisdictionRow>;
  /** Jurisdictions by normalised name (several places may share a name). */
  jurisdictionsByName: Map<string, JurisdictionRow[]>;
  /** `${jurisdictionCode}|${domain}` → unit id, or null for "no subject unit at this level". */
  rules: Map<string, string | null>;
}

/**
 * How long another process's change to units, jurisdictions or rules may go unseen by this one's suggestions.
 * This process's own changes are seen at once (`routingChanged`).
 */
const ROUTING_TTL_MS = 10_000;
const routingCache = new WeakMap<object, { at: number; version: number; data: Promise<RoutingData> }>();
let routingVersion = 0;

/** Tell the routing cache that units, jurisdictions or rules changed (call after the change is committed). */
export function routingChanged() {
  routingVersion++;
}

/**
 * The routing data for reads outside a transaction, cached: the intake suggestions ask for it with every draft,
 * and reading three whole tables each time cost three round trips and more parsing than the rest of the routing.
 */
export function cachedRouting(db: Db): Promise<RoutingData> {
  const hit = routingCache.get(db);
  if (hit && hit.version === routingVersion && Date.now() - hit.at < ROUTING_TTL_MS) return hit.data;
  const entry = { at: Date.now(), version: routingVersion, data: loadRouting(db) };
  entry.data.catch(() => {
    if (routingCache.get(db) === entry) routingCache.delete(db); // a failed read is not remembered (a newer one is kept)
  });
  routingCache.set(db, entry);
  return entry.data;
}

export async function loadRouting(tx: Tx): Promise<RoutingData> {
  // One after another: inside a transaction they share one connection, where node-postgres refuses (from
  // pg 9) a query sent while another is running.
  const u = await tx.select().from(units);
  const j = await tx.select().from(jurisdictions);
  const r = await tx.select().from(analysisRoutingRules);
  const byName = new Map<string, JurisdictionRow[]>();
  for (const row of j) {
    const k = placeKey(row.name);
    byName.set(k, [...(byName.get(k) ?? []), row]);
  }
  return {
    units: u,
    unitById: new Map(u.map((x) => [x.id, x])),
    jurisdictionByCode: new Map(j.map((x) => [x.code, x])),
    jurisdictionsByName: byName,
    rules: new Map(r.map((x) => [`${x.jurisdictionCode}|${x.domain}`, x.unitId])),
  };
}

/** The jurisdiction and its ancestors, nearest first. */
export function chain(data: RoutingData, code: string): JurisdictionRow[] {
  const out: JurisdictionRow[] = [];
  let cur = data.jurisdictionByCode.get(code);
  while (cur && out.length < 8) {
    out.push(cur);
    cur = cur.parentCode ? data.jurisdictionByCode.get(cur.parentCode) : undefined;
  }
  return out;
}

export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  jurisdictionCode: string;
  reason: Message;
}

/** A unit suggested, with the reason a clerk reads. */
function suggestionOf(unit: UnitRow, reason: Message): UnitSuggestion {
  return { unitId: unit.id, unitName: unit.name, jurisdictionCode: unit.jurisdictionCode, reason };
}

export interface RoutingSuggestion {
  territorial: UnitSuggestion | null;
  subject: UnitSuggestion | null;
  /** Units left out because the petition accuses them (named to the clerk, who already knows the text). */
  excluded: { unitId: string; unitName: string; reason: Message }[];
}

/** What routing needs to know about the matter. */
export interface RoutingInput {
  domain: string;
  /** Where the matter is registered (GB/T 2260), the fallback when no place in the text is known. */
  jurisdictionCode: string;
  /**
   * False while a draft has no place chosen yet and `jurisdictionCode` is the registering office's own: the reason
   * then says so, instead of calling it the place the matter is registered in.
   */
  placeChosen?: boolean;
  /** Place keys found in the text and address (towns, streets, villages, communities, estates). */
  places: readonly string[];
  /** The scope for canAssignTo: the category and the unit(s) the petition is about. */
  scope: { category: PetitionScope['category']; respondentUnitIds: readonly string[] };
}

const GOVERNMENT_KINDS = new Set(['townGovernment', 'countyGovernment', 'government']);

/** The deepest known jurisdiction a place names, preferring one inside the registered jurisdiction's county. */
export function placeJurisdiction(data: RoutingData, places: readonly string[], within: string): { place: string; row: JurisdictionRow } | null {
  const county = chain(data, within).find((j) => j.level === 'county')?.code ?? within;
  let best: { place: string; row: JurisdictionRow; score: number } | null = null;
  for (const place of places) {
    const exact = data.jurisdictionsByName.get(place) ?? [];
    // "石桥街道滨河路" names 石桥街道: the longest jurisdiction name it starts with.
    const prefixed = exact.length
      ? exact
      : [...data.jurisdictionsByName.entries()]
          .filter(([name]) => name.length >= 2 && place.startsWith(name))
          .sort((a, b) => b[0].length - a[0].length)
          .slice(0, 1)
          .flatMap(([, rows]) => rows);
    for (const row of prefixed) {
      const score = (row.code.startsWith(county) ? 100 : 0) + (exact.length ? 10 : 0) + row.code.length;
      if (!best || score > best.score) best = { place, row, score };
    }
  }
  return best ? { place: best.place, row: best.row } : null;
}

export function suggestRouting(data: RoutingData, input: RoutingInput): RoutingSuggestion {
  const excluded: RoutingSuggestion['excluded'] = [];
  const scopes: PetitionScope[] = (input.scope.respondentUnitIds.length ? input.scope.respondentUnitIds : [null]).map((respondentUnitId) => ({
    jurisdictionCode: input.jurisdictionCode,
    registeringUnitId: '',
    currentUnitId: null,
    involvedUnitIds: [],
    category: input.scope.category,
    respondentUnitId,
    submittedByUserId: null,
  }));
  const allowed = (u: UnitRow) => {
    if (scopes.every((scope) => canAssignTo(scope, u.id))) return true;
    if (!excluded.some((e) => e.unitId === u.id))
      excluded.push({
        unitId: u.id,
        unitName: u.name,
        reason: { zh: `该件检举控告${u.name}，不得交由其办理`, en: `The petition accuses ${u.name}, so it must not handle it` },
      });
    return false;
  };
  // The accused units are named to the clerk as "not for this petition", whichever units are suggested.
  for (const id of input.scope.respondentUnitIds) {
    const unit = data.unitById.get(id);
    if (unit) allowed(unit);
  }
  const placed = placeJurisdiction(data, input.places, input.jurisdictionCode);
  const from = placed?.row.code ?? input.jurisdictionCode;
  // An accusation against one of our units or its staff (a bribe, neglect of duty) is for the discipline
  // inspection and supervision commission, not for a department of the accused unit's field.
  const againstPublicBody = input.scope.category === 'accusation' && input.scope.respondentUnitIds.length > 0;
  return {
    territorial: territorialUnit(data, placed, input.jurisdictionCode, allowed, input.placeChosen ?? true),
    subject: (againstPublicBody ? disciplineUnit(data, disciplineLevel(data, input.scope.respondentUnitIds, from), allowed) : null) ?? subjectUnit(data, input.domain, from, allowed),
    excluded,
  };
}

/**
 * Where to look for the discipline commission: at the accused units' own level (the highest of them), for a
 * district's commission has no say over a city bureau's staff; the matter's place when the units are unknown.
 */
function disciplineLevel(data: RoutingData, accused: readonly string[], place: string): string {
  const levels = accused.flatMap((id) => {
    const u = data.unitById.get(id);
    return u ? [u.jurisdictionCode] : [];
  });
  // Fewest ancestors first: the highest level.
  return levels.sort((a, b) => chain(data, a).length - chain(data, b).length || a.localeCompare(b))[0] ?? place;
}

/** The nearest discipline inspection and supervision commission (纪委监委) up from a jurisdiction. */
function disciplineUnit(data: RoutingData, from: string, allowed: (u: UnitRow) => boolean): UnitSuggestion | null {
  for (const j of chain(data, from)) {
    const unit = data.units.find((u) => u.active && u.kind === 'discipline' && u.jurisdictionCode === j.code && allowed(u));
    if (unit)
      return suggestionOf(unit, {
        zh: `检举控告公职人员或公共机构的事项，由纪检监察机关${unit.name}处理`,
        en: `An accusation against a public body or its staff goes to the discipline inspection and supervision commission, ${unit.name}`,
      });
  }
  return null;
}

function territorialUnit(
  data: RoutingData,
  placed: { place: string; row: JurisdictionRow } | null,
  registered: string,
  allowed: (u: UnitRow) => boolean,
  chosen: boolean,
): UnitSuggestion | null {
  const start = placed?.row.code ?? registered;
  for (const j of chain(data, start)) {
    const local = j.level === 'town' || j.level === 'village';
    const candidates = data.units
      .filter((u) => u.active && u.jurisdictionCode === j.code && (GOVERNMENT_KINDS.has(u.kind) || (!local && u.kind === 'petitionOffice')))
      .sort((a, b) => Number(GOVERNMENT_KINDS.has(b.kind)) - Number(GOVERNMENT_KINDS.has(a.kind)) || a.id.localeCompare(b.id));
    const unit = candidates.find(allowed);
    if (!unit) continue;
    return suggestionOf(unit, territorialReason(data, placed, registered, unit, j, chosen));
  }
  return null;
}

/**
 * Why the unit is the territorial one, naming each place once: a place that is itself the jurisdiction
 * ("沙洲镇") is not said to lie in itself, and the unit's jurisdiction is added only when it is another, larger one
 * (a village's town) that the unit's name does not say already (沙洲镇人民政府 says 沙洲镇).
 */
function territorialReason(
  data: RoutingData,
  placed: { place: string; row: JurisdictionRow } | null,
  registered: string,
  unit: UnitRow,
  at: JurisdictionRow,
  chosen: boolean,
): Message {
  // `named`: the jurisdiction the first half already names; the unit's own is added only when it is another and
  // the unit's name does not name it.
  const reason = (where: Message, named: string): Message => {
    const other = named !== at.code && !unit.name.includes(at.name);
    return {
      zh: `${where.zh}，由${unit.name}属地负责${other ? `（${at.name}）` : ''}`,
      en: `${where.en}; ${unit.name} is responsible for that territory${other ? ` (${at.name})` : ''}`,
    };
  };
  if (!placed) {
    const name = data.jurisdictionByCode.get(registered)?.name ?? registered;
    if (!chosen)
      return reason({ zh: `尚未选择发生地，暂按登记机构所在的${name}`, en: `No place chosen yet, so ${name}, where it is being registered` }, registered);
    return reason({ zh: `登记的事发地为${name}`, en: `The matter is registered in ${name}` }, registered);
  }
  const { place, row } = placed;
  if (placeKey(row.name) !== place)
    return reason({ zh: `事发地“${place}”位于${row.name}`, en: `The place "${place}" lies in ${row.name}` }, row.code);
  // The place named is the jurisdiction itself: said once, with the larger one whose unit is responsible, if any.
  if (row.code === at.code) return reason({ zh: `事发地为“${place}”`, en: `The place is "${place}"` }, at.code);
  return reason({ zh: `事发地“${place}”属${at.name}`, en: `The place "${place}" is in ${at.name}` }, at.code);
}

function subjectUnit(data: RoutingData, domain: string, from: string, allowed: (u: UnitRow) => boolean): UnitSuggestion | null {
  for (const j of chain(data, from)) {
    const rule = data.rules.get(`${j.code}|${domain}`);
    if (rule === null) continue;
    if (rule !== undefined) {
      const unit = data.unitById.get(rule);
      if (unit && unit.active && allowed(unit)) return suggestionOf(unit, subjectReason(domain, unit, j, 'rule'));
      continue;
    }
    const unit = defaultSubjectUnits(data, j.code, domain).find(allowed);
    if (unit) return suggestionOf(unit, subjectReason(domain, unit, j, 'fields'));
  }
  return null;
}

/**
 * Why the unit is the subject one, in the territorial reason's form: the domain, then the unit responsible for
 * that field, by an admin's routing rule or as the department whose fields include it. The jurisdiction (of the
 * rule, or of the department) is named only when the unit's name does not say it already (江屿区农业农村局 does).
 */
function subjectReason(domain: string, unit: UnitRow, at: JurisdictionRow, by: 'rule' | 'fields'): Message {
  const d = domainName(domain);
  const other = !unit.name.includes(at.name);
  const field = { zh: `领域为“${d.zh}”`, en: `The domain is "${d.en}"` };
  if (by === 'rule')
    return {
      zh: `${field.zh}，按${other ? at.name : ''}属事规则由${unit.name}负责`,
      en: `${field.en}; under the routing rule${other ? ` for ${at.name}` : ''}, ${unit.name} is responsible for that field`,
    };
  return {
    zh: `${field.zh}，由${other ? at.name : ''}主管部门${unit.name}属事负责`,
    en: `${field.en}; ${unit.name} is the department${other ? ` of ${at.name}` : ''} responsible for that field`,
  };
}

/** Departments of a jurisdiction whose fields include the domain: the default rule. */
export function defaultSubjectUnits(data: RoutingData, jurisdictionCode: string, domain: string): UnitRow[] {
  return data.units
    .filter((u) => u.active && u.kind === 'department' && u.jurisdictionCode === jurisdictionCode && u.domains.includes(domain))
    .sort((a, b) => a.domains.length - b.domains.length || a.id.localeCompare(b.id));
}

/** Every jurisdiction × domain that has a rule or a default, for the admin page. */
export function effectiveRules(data: RoutingData, domains: readonly string[]) {
  const out: { jurisdictionCode: string; jurisdictionName: string; domain: string; unitId: string | null; unitName: string | null; source: 'rule' | 'default' }[] = [];
  for (const j of data.jurisdictionByCode.values()) {
    for (const domain of domains) {
      const key = `${j.code}|${domain}`;
      if (data.rules.has(key)) {
        const id = data.rules.get(key) ?? null;
        out.push({ jurisdictionCode: j.code, jurisdictionName: j.name, domain, unitId: id, unitName: id ? (data.unitById.get(id)?.name ?? null) : null, source: 'rule' });
        continue;
      }
      const unit = defaultSubjectUnits(data, j.code, domain)[0];
      if (unit) out.push({ jurisdictionCode: j.code, jurisdictionName: j.name, domain, unitId: unit.id, unitName: unit.name, source: 'default' });
    }
  }
  return out.sort((a, b) => a.jurisdictionCode.localeCompare(b.jurisdictionCode) || a.domain.localeCompare(b.domain));
}

/** Set a rule (outside a transaction: the routing cache learns of it when it is written). */
export async function setRule(tx: Db, jurisdictionCode: string, domain: string, unitId: string | null, by: string, at: Date) {
  await tx
    .insert(analysisRoutingRules)
    .values({ jurisdictionCode, domain, unitId, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: [analysisRoutingRules.jurisdictionCode, analysisRoutingRules.domain], set: { unitId, updatedBy: by, updatedAt: at } });
  routingChanged();
}

export async function deleteRule(tx: Db, jurisdictionCode: string, domain: string) {
  await tx
    .delete(analysisRoutingRules)
    .where(and(eq(analysisRoutingRules.jurisdictionCode, jurisdictionCode), eq(analysisRoutingRules.domain, domain)));
  routingChanged();
}

/** Write the defaults as explicit rules where none exists (so admins start from a full table). */
export async function seedDefaultRules(tx: Db, domains: readonly string[], at: Date): Promise<number> {
  const data = await loadRouting(tx);
  const missing = effectiveRules(data, domains).filter((r) => r.source === 'default');
  if (missing.length === 0) return 0;
  await tx
    .insert(analysisRoutingRules)
    .values(missing.map((r) => ({ jurisdictionCode: r.jurisdictionCode, domain: r.domain, unitId: r.unitId, updatedBy: null, updatedAt: at })))
    .onConflictDoNothing();
  routingChanged();
  return missing.length;
}
