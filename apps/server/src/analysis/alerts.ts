// Alerts (预警): when a cluster reaches the configured size within the window (default 3 petitions in 30 days),
// one alert row, addressed to the subject-matter unit, raised once per cluster and window. Checked in the
// transaction that indexes new petitions; concurrent registrations on one cluster are serialised by an
// advisory lock on the cluster, so the third petition raises it exactly once.

import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import { addDays, jurisdictionPrefix, isValidJurisdictionCode, seesByJurisdiction, type Actor, type Message } from '@qiao/core';
import type { Tx } from '../db/open';
import { analysisAlerts, outbox, settings, units, users } from '../db/schema';
import { encrypt, type Keys } from '../lib/crypto';
import { noticeBody } from '../notifications/text';
import { petitionOfficeFor } from '../units/repo';
import { clusterLabel, domainName } from './labels';
import { loadRouting, suggestRouting, type RoutingData } from './routing';
import { dateArray, isoDay, rows, textArray, uuidArray } from './sql';

export interface AlertRule {
  /** Raise when a cluster has at least this many petitions ... */
  size: number;
  /** ... received within this many days (inclusive of the day of the newest). */
  days: number;
}

export const DEFAULT_ALERT_RULE: AlertRule = { size: 3, days: 30 };
const RULE_KEY = 'analysisAlertRule';

export async function alertRule(tx: Tx): Promise<AlertRule> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, RULE_KEY));
  return alertRuleFrom(row?.value);
}

/** The rule from its stored setting (absent or invalid parts: the default). */
export function alertRuleFrom(value: unknown): AlertRule {
  const v = value as Partial<AlertRule> | null | undefined;
  return {
    size: typeof v?.size === 'number' && v.size >= 2 ? v.size : DEFAULT_ALERT_RULE.size,
    days: typeof v?.days === 'number' && v.days >= 1 ? v.days : DEFAULT_ALERT_RULE.days,
  };
}

/** The stored rule, as a scalar subquery (its value, or null), for a caller composing one statement. */
export const alertRuleSql = (): SQL => sql`(select ${settings.value} from ${settings} where ${settings.key} = ${RULE_KEY})`;

/**
 * A scalar subquery taking the transaction-scoped locks of the clusters petitions joined, in one order (so two
 * registrations never wait on each other crosswise). Registration takes them in the statement that writes the
 * petition and then calls `checkAlerts` with `locked`.
 */
export function clusterLocksSql(joined: readonly Joined[]): SQL {
  return sql`(select count(pg_advisory_xact_lock(hashtext(c))) from (select c from unnest(${textArray(clustersOf(joined))}) as c order by c) s)`;
}

const clustersOf = (joined: readonly Joined[]) => [...new Set(joined.map((j) => `${j.kind}|${j.key}`))].sort();

export async function setAlertRule(tx: Tx, rule: AlertRule, at: Date) {
  await tx
    .insert(settings)
    .values({ key: RULE_KEY, value: rule, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: rule, updatedAt: at } });
}

/** A petition that just joined a cluster. */
export interface Joined {
  kind: string;
  key: string;
  receivedOn: string;
  petitionId: string;
  jurisdictionCode: string;
  domain: string;
  category: string;
  respondentUnitId: string | null;
}

/** What alert checking needs: the clock, and (to queue the in-app notices) the encryption key. */
export interface AlertDeps {
  now: () => Date;
  keys?: Pick<Keys, 'encryption'>;
}

/**
 * Check the clusters new petitions joined; raise the alerts that are due, and queue an in-app notice of each to
 * the staff of the unit it is addressed to (in the same transaction, only for alerts this call inserted, so a
 * cluster crossing the threshold is announced once). Returns the alerts raised.
 */
export async function checkAlerts(
  tx: Tx,
  deps: AlertDeps,
  joined: readonly Joined[],
  /** The rule, and the clusters' locks already taken in an earlier statement of this transaction (clusterLocksSql). */
  prepared?: { rule: AlertRule; locked: true },
) {
  if (joined.length === 0) return [];
  const now = deps.now();
  const rule = prepared?.rule ?? (await alertRule(tx));
  // Serialise concurrent checks of one cluster (a no-op cost on PGlite's single connection). The count below is
  // a later statement than the lock, so under READ COMMITTED it sees every member committed before the lock.
  if (!prepared) await rows(tx, sql`select ${clusterLocksSql(joined)} as n`);

  // One triggering row per cluster and day.
  const byClusterDay = new Map<string, Joined>();
  for (const j of joined) byClusterDay.set(`${j.kind}|${j.key}|${j.receivedOn}`, j);
  const touched = [...byClusterDay.values()];
  // Only counts, and only for clusters with no alert whose window overlaps: a hot cluster (hundreds of
  // petitions about one developer) is otherwise re-aggregated, member ids and all, at every new petition.
  const counted = await rows<{ kind: string; key: string; d: unknown; n: number | string }>(
    tx,
    sql`select t.kind, t.key, t.d, count(*) as n
        from unnest(${textArray(touched.map((t) => t.kind))}, ${textArray(touched.map((t) => t.key))}, ${dateArray(touched.map((t) => t.receivedOn))}) as t(kind, key, d)
        join analysis_cluster_members m
          on m.kind = t.kind and m.key = t.key and m.received_on between t.d - ${rule.days - 1}::int and t.d
        where not exists (
          select 1 from analysis_alerts a
          where a.kind = t.kind and a.key = t.key and a.window_end > t.d - ${rule.days}::int and a.window_end < t.d + ${rule.days}::int)
        group by t.kind, t.key, t.d
        having count(*) >= ${rule.size}::int
        order by t.d`,
  );
  if (counted.length === 0) return [];

  const hitKeys = [...new Set(counted.map((c) => c.key))];
  const existing = await tx
    .select({ kind: analysisAlerts.kind, key: analysisAlerts.key, windowEnd: analysisAlerts.windowEnd })
    .from(analysisAlerts)
    .where(inArray(analysisAlerts.key, hitKeys));
  const raisedOn = new Map<string, string[]>();
  for (const e of existing) raisedOn.set(`${e.kind}|${e.key}`, [...(raisedOn.get(`${e.kind}|${e.key}`) ?? []), e.windowEnd]);

  let routing: RoutingData | undefined;
  const raised: (typeof analysisAlerts.$inferInsert)[] = [];
  for (const c of counted) {
    const d = isoDay(c.d);
    const cluster = `${c.kind}|${c.key}`;
    const earlier = raisedOn.get(cluster) ?? [];
    // Once per cluster and window: no second alert while an earlier one's window overlaps this one.
    if (earlier.some((end) => Math.abs(daysBetween(end, d)) < rule.days)) continue;
    const trigger = byClusterDay.get(`${cluster}|${d}`) as Joined;
    const [members] = await rows<{ ids: string[] | string; domain: string }>(
      tx,
      sql`select array_agg(petition_id::text order by received_on) as ids, mode() within group (order by domain) as domain
          from analysis_cluster_members
          where kind = ${c.kind} and key = ${c.key} and received_on between ${d}::date - ${rule.days - 1}::int and ${d}::date`,
    );
    const ids = Array.isArray(members!.ids) ? members!.ids : parsePgArray(members!.ids);
    const domain = members!.domain;
    const size = Number(c.n);
    // Never addressed to a unit any of its petitions accuses (Art. 30): its staff would hear of the accusations.
    const accused = (
      await rows<{ id: string }>(
        tx,
        sql`select distinct unnest(respondent_unit_ids) as id from petitions
            where id = any(${uuidArray(ids)}) and category = 'accusation'`,
      )
    ).map((r) => r.id);
    routing ??= await loadRouting(tx);
    const route = suggestRouting(routing, {
      domain,
      jurisdictionCode: trigger.jurisdictionCode,
      places: [],
      scope: accused.length
        ? { category: 'accusation', respondentUnitIds: accused }
        : { category: trigger.category as 'claim', respondentUnitIds: trigger.respondentUnitId ? [trigger.respondentUnitId] : [] },
    });
    const unitId = route.subject?.unitId ?? (await petitionOfficeFor(tx, trigger.jurisdictionCode, { not: accused }))?.id ?? null;
    const label = clusterLabel(c.kind, c.key);
    const dn = domainName(domain);
    const reason: Message = {
      zh: `${rule.days}天内${label.zh}相关信访已达${size}件（${dn.zh}，预警线${rule.size}件）`,
      en: `${size} petitions about ${label.en} within ${rule.days} days (${dn.en}; alert at ${rule.size})`,
    };
    const row = {
      id: randomUUID(),
      jurisdictionCode: trigger.jurisdictionCode,
      kind: c.kind,
      key: c.key,
      windowStart: addDays(d, -(rule.days - 1)),
      windowEnd: d,
      size,
      petitionIds: ids,
      domain,
      unitId,
      reason,
      createdAt: now,
    };
    raised.push(row);
    raisedOn.set(cluster, [...earlier, d]);
  }
  if (raised.length === 0) return [];
  const inserted = await tx.insert(analysisAlerts).values(raised).onConflictDoNothing().returning({ id: analysisAlerts.id });
  const kept = new Set(inserted.map((r) => r.id));
  const fresh = raised.filter((r) => kept.has(r.id));
  if (deps.keys) await queueAlertNotices(tx, { now, keys: deps.keys }, fresh);
  return fresh;
}

/** Staff of a unit who hear of its alerts: those who work its cases and those who answer for them. */
const ALERTED_ROLES = ['handler', 'unitHead', 'clerk', 'supervisor'];

/**
 * One in-app notice per alert and staff member of the addressed unit, through the outbox. The text names the
 * cluster and its size, never a petitioner.
 */
export async function queueAlertNotices(tx: Tx, deps: { now: Date; keys: Pick<Keys, 'encryption'> }, raised: readonly (typeof analysisAlerts.$inferInsert)[]) {
  const unitIds = [...new Set(raised.map((a) => a.unitId).filter((u): u is string => typeof u === 'string'))];
  if (unitIds.length === 0) return 0;
  const staff = await tx
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.active, true), inArray(users.role, ALERTED_ROLES)));
  const values: (typeof outbox.$inferInsert)[] = [];
  for (const a of raised)
    for (const u of staff.filter((s) => s.unitId === a.unitId))
      values.push({
        jurisdictionCode: a.jurisdictionCode,
        petitionId: null,
        channel: 'inApp',
        recipient: u.id,
        template: 'clusterAlert',
        bodyEnc: encrypt(
          deps.keys.encryption,
          noticeBody({ zh: `【预警】${a.reason.zh}。请关注该热点，从源头化解。`, en: `[Alert] ${a.reason.en}. Please look into this hotspot and resolve it at the source.` }),
        ),
        nextAttemptAt: deps.now,
        createdAt: deps.now,
      });
  if (values.length) await tx.insert(outbox).values(values);
  return values.length;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function parsePgArray(s: string): string[] {
  return s.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((x) => x.replace(/^"|"$/g, ''));
}

/** Which alerts an actor sees: those addressed to their unit; by jurisdiction for office staff and leaders. */
export function alertVisibility(actor: Actor): SQL {
  const ors: SQL[] = [];
  if (actor.unitId) ors.push(eq(analysisAlerts.unitId, actor.unitId));
  if (seesByJurisdiction(actor) && isValidJurisdictionCode(actor.jurisdictionCode))
    ors.push(sql`${analysisAlerts.jurisdictionCode} like ${jurisdictionPrefix(actor.jurisdictionCode) + '%'}`);
  return or(...ors) ?? sql`false`;
}

export async function listAlerts(tx: Tx, actor: Actor, since: string, limit: number) {
  const list = await tx
    .select({ alert: analysisAlerts, unitName: units.name })
    .from(analysisAlerts)
    .leftJoin(units, eq(units.id, analysisAlerts.unitId))
    .where(and(alertVisibility(actor), gte(analysisAlerts.windowEnd, since)))
    .orderBy(desc(analysisAlerts.windowEnd), desc(analysisAlerts.createdAt))
    .limit(limit);
  return list;
}
