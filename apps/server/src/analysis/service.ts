// The analysis service: intake suggestions (classification, earlier petitions about the same matter, routing),
// similar petitions of a registered one, hotspots (clusters with counts, weekly trend and petitions) and alerts.

import { and, arrayContains, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  addDays,
  can,
  chinaDate,
  compareDates,
  lastDayOfMonth,
  minDate,
  validateIdCard,
  validatePhone,
  visibilityFilter,
  type Actor,
} from '@qiao/core';
import { classify, respondentUnitsOf } from '@qiao/core/text';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { analysisClusterMembers, analysisFingerprints, jurisdictions, petitions } from '../db/schema';
import { keyedHash } from '../lib/crypto';
import { filterPrefix } from '../dashboards/query';
import { resolvePeriod } from '../dashboards/summary';
import { AppError, forbidden, notFound } from '../lib/errors';
import { maskTitles } from '../petitions/read';
import { loadPetition, scopeOf, visibilitySql } from '../petitions/repo';
import { listAlerts } from './alerts';
import { petitionFingerprint, lookupKeys } from './indexing';
import { clusterLabel, domainName } from './labels';
import { textModel } from './model';
import { cachedRouting, suggestRouting } from './routing';
import { findSimilar } from './similar';

const staffOnly = (actor: Actor) => {
  if (actor.role === 'proxyAgent')
    throw forbidden({ zh: '此功能仅供信访工作人员使用', en: 'This is for petition staff only' });
};

export interface SuggestInput {
  text: string;
  title?: string;
  demands?: string;
  respondent?: string | { name?: string; unitId?: string };
  address?: string;
  jurisdictionCode?: string;
  domain?: string;
  category?: 'suggestion' | 'accusation' | 'claim';
  petitioners?: { phone?: string; idCard?: string }[];
  limit?: number;
}

/** Keyed hashes of the numbers given, normalised as registration does; invalid numbers are ignored. */
function personHashes(deps: Deps, people: SuggestInput['petitioners']): string[] {
  const out: string[] = [];
  for (const p of people ?? []) {
    const phone = p.phone ? validatePhone(p.phone) : null;
    if (phone?.ok) out.push(keyedHash(deps.keys.matching, phone.value));
    const id = p.idCard ? validateIdCard(p.idCard) : null;
    if (id?.ok) out.push(keyedHash(deps.keys.matching, id.value));
  }
  return [...new Set(out)];
}


export async function suggest(deps: Deps, actor: SessionUser, input: SuggestInput) {
  staffOnly(actor);
  const model = textModel(deps);
  const c = classify(model, [input.title, input.text].filter(Boolean).join('\n'));
  const domain = input.domain ?? c.domain;
  const category = input.category ?? c.category;
  // Routed as an accusation when the form says so or the text reads as one (the form's default is a claim until
  // the clerk takes the suggested class): the accused unit is never suggested either way (Art. 30).
  const accusation = category === 'accusation' || c.category === 'accusation';
  const respondentName = typeof input.respondent === 'string' ? input.respondent : (input.respondent?.name ?? null);
  const persons = personHashes(deps, input.petitioners);
  const fp = petitionFingerprint('draft', { title: input.title ?? '', content: input.text, demands: null, respondentName, address: input.address ?? null }, persons);
  const similar = await maskTitles(deps.db, deps.keys, await findSimilar(deps.db, actor, fp, lookupKeys(fp, persons), persons, { limit: input.limit }));
  const data = await cachedRouting(deps.db);
  const jurisdictionCode = input.jurisdictionCode ?? actor.jurisdictionCode;
  const routing = suggestRouting(data, {
    domain,
    jurisdictionCode,
    placeChosen: input.jurisdictionCode !== undefined,
    places: [...fp.places],
    scope: {
      category: accusation ? 'accusation' : category,
      respondentUnitIds: respondentUnitsOf(
        data.units,
        typeof input.respondent === 'string' ? { name: input.respondent } : (input.respondent ?? {}),
        { title: input.title ?? null, text: input.text, demands: input.demands ?? null },
        jurisdictionCode,
      ).ids,
    },
  });
  return {
    classification: {
      domain: c.domain,
      domainName: domainName(c.domain),
      category: c.category,
      litigationRelated: c.litigationRelated,
      confidence: round(c.confidence),
      words: c.reasons,
      detail: {
        domain: { value: c.detail.domain.value, confidence: round(c.detail.domain.confidence), reasons: c.detail.domain.reasons.map((r) => r.label) },
        category: { value: c.detail.category.value, confidence: round(c.detail.category.confidence), reasons: c.detail.category.reasons.map((r) => r.label) },
        litigationRelated: {
          value: c.detail.litigationRelated.value,
          confidence: round(c.detail.litigationRelated.confidence),
          reasons: c.detail.litigationRelated.reasons.map((r) => r.label),
        },
      },
    },
    entities: { respondents: [...fp.respondents], places: [...fp.places] },
    similar,
    routing,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Petitions about the same matter as a registered one (the ones this user may see). */
export async function similarTo(deps: Deps, actor: SessionUser, id: string, limit?: number) {
  staffOnly(actor);
  const row = await loadPetition(deps.db, id);
  if (!row || !can(actor, 'view', scopeOf(row)).allowed) throw notFound({ zh: '该信访事项', en: 'petition' });
  const [stored] = await deps.db.select().from(analysisFingerprints).where(eq(analysisFingerprints.petitionId, id));
  const persons = stored?.persons ?? [];
  const fp = petitionFingerprint(id, row, persons);
  const keys = stored?.keys ?? lookupKeys(fp, persons);
  return { petitionId: id, similar: await maskTitles(deps.db, deps.keys, await findSimilar(deps.db, actor, fp, keys, persons, { exclude: id, limit })) };
}

export interface HotspotQuery {
  days: number;
  minSize: number;
  limit: number;
  kind?: string | undefined;
  /** Months (YYYY-MM) as the dashboard's period; when either is given, `days` is not used. */
  from?: string | undefined;
  to?: string | undefined;
  /** A GB/T 2260 code: only petitions about places within it (the list's and the dashboard's rule). */
  jurisdiction?: string | undefined;
}

/** The days a hotspot query covers: the last `days` days, or the dashboard's months up to today at the latest. */
function hotspotWindow(q: HotspotQuery, today: string): { since: string; until: string } {
  if (q.from === undefined && q.to === undefined) return { since: addDays(today, -(q.days - 1)), until: today };
  const period = resolvePeriod({ from: q.from, to: q.to }, today);
  const end = lastDayOfMonth(period.to);
  return { since: `${period.from}-01`, until: minDate(end, today) };
}

/** Week (Monday) of a day. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return addDays(day, -back);
}

/**
 * Clusters of the last `days` days (or of the months `from`–`to`, as the cockpit's period) with at least
 * `minSize` petitions this user may see, within `jurisdiction` if given: counts, weekly trend and their
 * petitions. Counted from the cluster table joined with the visibility rule.
 */
export async function hotspots(deps: Deps, actor: SessionUser, q: HotspotQuery) {
  staffOnly(actor);
  const { since, until: today } = hotspotWindow(q, chinaDate(deps.now()));
  if (compareDates(since, today) > 0) return { since, until: today, clusters: [] }; // a period still to come
  const m = analysisClusterMembers;
  const visible = visibilitySql(visibilityFilter(actor));
  const place = q.jurisdiction ? sql`${petitions.jurisdictionCode} like ${filterPrefix(q.jurisdiction) + '%'}` : undefined;
  const inWindow = and(gte(m.receivedOn, since), lte(m.receivedOn, today), visible, place, q.kind ? eq(m.kind, q.kind) : undefined);
  const n = sql<number>`count(distinct ${m.petitionId})`.mapWith(Number);
  const top = await deps.db
    .select({ kind: m.kind, key: m.key, count: n, last: sql<string>`max(${m.receivedOn})` })
    .from(m)
    .innerJoin(petitions, eq(petitions.id, m.petitionId))
    .where(inWindow)
    .groupBy(m.kind, m.key)
    .having(sql`count(distinct ${m.petitionId}) >= ${q.minSize}`)
    .orderBy(sql`count(distinct ${m.petitionId}) desc`, sql`max(${m.receivedOn}) desc`, m.kind, m.key)
    .limit(q.limit);
  if (top.length === 0) return { since, until: today, clusters: [] };
  const listed = await deps.db
    .select({
      kind: m.kind,
      key: m.key,
      id: petitions.id,
      trackingCode: petitions.trackingCode,
      title: petitions.title,
      status: petitions.status,
      domain: petitions.domain,
      receivedOn: petitions.receivedOn,
      repeatOf: petitions.repeatOf,
    })
    .from(m)
    .innerJoin(petitions, eq(petitions.id, m.petitionId))
    .where(and(inWindow, inArray(m.key, [...new Set(top.map((t) => t.key))])));
  const members = await maskTitles(deps.db, deps.keys, listed);
  const names = await clusterNames(deps, top);
  const weeks: string[] = [];
  for (let w = weekOf(since); w <= today; w = addDays(w, 7)) weeks.push(w);
  return {
    since,
    until: today,
    clusters: top.map((t) => {
      const mine = members.filter((x) => x.kind === t.kind && x.key === t.key).sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));
      const byWeek = new Map<string, number>();
      for (const p of mine) byWeek.set(weekOf(p.receivedOn), (byWeek.get(weekOf(p.receivedOn)) ?? 0) + 1);
      const domains = new Map<string, number>();
      for (const p of mine) domains.set(p.domain, (domains.get(p.domain) ?? 0) + 1);
      return {
        kind: t.kind,
        key: t.key,
        label: clusterLabel(t.kind, t.key, names),
        count: t.count,
        domains: [...domains].sort((a, b) => b[1] - a[1]).map(([domain, count]) => ({ domain, count })),
        trend: weeks.map((week) => ({ week, count: byWeek.get(week) ?? 0 })),
        petitions: mine.map(({ kind: _k, key: _key, ...p }) => p),
      };
    }),
  };
}

async function clusterNames(deps: Deps, top: { kind: string; key: string }[]) {
  const codes = top.filter((t) => t.kind === 'placeDomain' && t.key.startsWith('j:')).map((t) => (t.key.split('|')[0] ?? '').slice(2));
  const roots = top.filter((t) => t.kind === 'repeat').map((t) => t.key);
  const [js, ps] = await Promise.all([
    codes.length ? deps.db.select({ code: jurisdictions.code, name: jurisdictions.name }).from(jurisdictions).where(inArray(jurisdictions.code, codes)) : [],
    roots.length ? deps.db.select({ id: petitions.id, code: petitions.trackingCode }).from(petitions).where(inArray(petitions.id, roots)) : [],
  ]);
  return { jurisdictions: new Map(js.map((j) => [j.code, j.name])), trackingCodes: new Map(ps.map((p) => [p.id, p.code])) };
}

/** Alerts addressed to this user's unit or (office staff, leaders) raised in their area. */
export async function alerts(deps: Deps, actor: SessionUser, days: number, limit: number) {
  staffOnly(actor);
  const since = addDays(chinaDate(deps.now()), -(days - 1));
  const list = await listAlerts(deps.db, actor, since, limit);
  // Name only the petitions this user may see.
  const ids = [...new Set(list.flatMap((a) => a.alert.petitionIds))];
  const seen = ids.length
    ? await maskTitles(
        deps.db,
        deps.keys,
        await deps.db
          .select({ id: petitions.id, trackingCode: petitions.trackingCode, title: petitions.title, receivedOn: petitions.receivedOn, status: petitions.status })
          .from(petitions)
          .where(and(inArray(petitions.id, ids), visibilitySql(visibilityFilter(actor)))),
      )
    : [];
  const byId = new Map(seen.map((p) => [p.id, p]));
  // An alert one of whose petitions accuses the reader's unit is not shown to it: its label and size would tell.
  const accusing = new Set(
    actor.unitId && ids.length
      ? (
          await deps.db
            .select({ id: petitions.id })
            .from(petitions)
            .where(and(inArray(petitions.id, ids), eq(petitions.category, 'accusation'), arrayContains(petitions.respondentUnitIds, [actor.unitId])))
        ).map((p) => p.id)
      : [],
  );
  const shown = list.filter(({ alert: a }) => !a.petitionIds.some((id) => accusing.has(id)));
  const names = await clusterNames(deps, shown.map((a) => a.alert));
  return shown.map(({ alert: a, unitName }) => ({
    id: a.id,
    kind: a.kind,
    key: a.key,
    label: clusterLabel(a.kind, a.key, names),
    windowStart: a.windowStart,
    windowEnd: a.windowEnd,
    size: a.size,
    domain: a.domain,
    unitId: a.unitId,
    unitName,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    petitions: a.petitionIds.map((id) => byId.get(id)).filter((p): p is NonNullable<typeof p> => p !== undefined),
  }));
}

export function requireAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new AppError(403, 'forbidden', { zh: '仅管理员可以修改', en: 'Only an admin may change this' });
}
