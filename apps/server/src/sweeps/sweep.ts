import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { accusedUnitIds, addDays, daysBetween, isAccusedUnit, petitionClocks, type PetitionScope, type PetitionState, type UnitRef } from '@qiao/core';
import type { Deps } from '../context';
import type { Tx } from '../db/open';
import { outbox, petitionClocks as clocksTable, petitionOwners, petitions, reminders, supervisionDrafts, users } from '../db/schema';
import { encrypt } from '../lib/crypto';
import { noticeBody, type NoticeText } from '../notifications/text';
import { maskTitles } from '../petitions/read';
import { scopeColumns, scopeOf } from '../petitions/repo';
import { findUnit, petitionOfficeFor, unitNames } from '../units/repo';
import { draftApplicability } from './drafts';

export interface SweepOptions {
  /** Remind this many days before a deadline (default 3). */
  dueSoonDays?: number;
  /** Escalate to the owning leader and draft a supervision notice this many days after it (default 7). */
  escalateAfterDays?: number;
}

export type Stage = 'dueSoon' | 'overdue' | 'escalated';

export interface SweepResult {
  /** False when another process held the sweep lock. */
  ran: boolean;
  examined: number;
  sent: Record<Stage, number>;
  drafts: number;
  /** The drafts of this run by the office that is to issue them. */
  draftsByOffice: Record<string, number>;
  /** Open drafts set aside because their petition moved on (the core would refuse `supervise` now). */
  lapsed: number;
}

const LOCK_KEY = 4_242_001; // one advisory lock for "the sweep", across every process on one database

const clockNames: Record<string, NoticeText> = {
  route: { zh: '转送交办', en: 'routing' },
  receiptNotice: { zh: '书面告知', en: 'receipt notice' },
  handling: { zh: '办理', en: 'handling' },
  review: { zh: '复查', en: 'review' },
  reReview: { zh: '复核', en: 're-review' },
  jointConference: { zh: '联席会议确定的答复', en: 'reply set by the joint conference' },
  supervision: { zh: '督办答复', en: 'supervision answer' },
};

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * Find obligations due soon or overdue by indexed queries on the stored deadlines, and send each reminder once
 * per petition, clock, stage and due date: due soon → the unit's handlers; overdue → also its head; overdue by
 * `escalateAfterDays` → the owning leader (包案), and a supervision notice is drafted for the petition office.
 * Idempotent across restarts (a reminders row is the proof of sending, written in the same transaction as the
 * notice), and safe with several server processes (a transaction-scoped advisory lock; the unique key too).
 */
export async function sweep(deps: Deps, opts: SweepOptions = {}): Promise<SweepResult> {
  const dueSoonDays = opts.dueSoonDays ?? 3;
  const escalateAfter = opts.escalateAfterDays ?? 7;
  const now = deps.now();
  const ctx = deps.clockSettings.context(now);
  const result: SweepResult = { ran: false, examined: 0, sent: { dueSoon: 0, overdue: 0, escalated: 0 }, drafts: 0, draftsByOffice: {}, lapsed: 0 };

  await deps.db.transaction(async (tx) => {
    const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as locked`);
    if (!rowsOf<{ locked: boolean }>(lock)[0]?.locked) return;
    result.ran = true;
    const candidates = await tx
      .select({
        petitionId: clocksTable.petitionId,
        clock: clocksTable.name,
        state: petitions.state,
        trackingCode: petitions.trackingCode,
        title: petitions.title,
        ...scopeColumns,
      })
      .from(clocksTable)
      .innerJoin(petitions, eq(petitions.id, clocksTable.petitionId))
      .where(
        and(
          eq(clocksTable.kind, 'obligation'),
          eq(clocksTable.status, 'running'),
          lte(clocksTable.dueOn, addDays(ctx.today, dueSoonDays)),
        ),
      );
    result.examined = candidates.length;
    const noticeUnits = candidates.flatMap((c) => c.state.supervisions.map((s) => s.unitId ?? undefined));
    const staff = await staffByUnit(tx, [...candidates.flatMap((c) => [c.state.currentUnit?.id, c.state.registeringUnit.id]), ...noticeUnits]);
    const owners = await ownersOf(tx, candidates.map((c) => c.petitionId));
    const names = await unitNames(tx, [...candidates.map((c) => c.state.currentUnit?.id), ...noticeUnits]);

    for (const c of candidates) {
      // The stored row may be stale (a pause, a setting change): the core decides what is running now.
      const clock = petitionClocks(c.state, ctx).find((k) => k.name === c.clock);
      // A supervision notice is the unit's it was issued to, which may no longer hold the petition (a lower office
      // supervised for not routing it): that unit is reminded of its answer, not the one holding the petition now.
      const notice = c.state.supervisions.find((s) => `supervision:${s.id}` === c.clock);
      const unitId = notice?.unitId ?? c.state.currentUnit?.id;
      if (!clock || clock.status !== 'running' || !unitId) continue;
      const late = daysBetween(clock.due, ctx.today);
      // Nobody of the unit an accusation accuses is told of it, nor drafts its supervision (Art. 30): a petition
      // registered before accusations were kept from their registering office may still be held by it.
      const accused = (id: string) => isAccusedUnit(id, scopeOf(c));
      const stages: Stage[] = late <= 0 ? ['dueSoon'] : late < escalateAfter ? ['overdue'] : ['overdue', 'escalated'];
      const unitStaff = (!accused(unitId) && staff.get(unitId)) || { handlers: [], heads: [], supervisors: [] };
      const label = clockNames[clock.name.split(':')[0]!] ?? clockNames.supervision!;
      const unitName = names.get(unitId) ?? unitId;
      let title: string | undefined;
      for (const stage of stages) {
        const inserted = await tx
          .insert(reminders)
          .values({ petitionId: c.petitionId, jurisdictionCode: c.state.jurisdictionCode, clock: clock.name, stage, dueOn: clock.due, sentAt: now })
          .onConflictDoNothing()
          .returning({ petitionId: reminders.petitionId });
        if (inserted.length === 0) continue;
        result.sent[stage]++;
        // Told to staff (and through an SMS or mail gateway): the petitioners' names masked as lists show them. Read
        // once for the clock, when its first new reminder is sent (most candidates were reminded on an earlier run).
        title ??= (await maskTitles(tx, deps.keys, [{ id: c.petitionId, title: c.title }]))[0]?.title ?? c.title;
        const what = `信访件 ${c.trackingCode}（${title}）的${label.zh}期限`;
        const limitEn = `${label.en} time limit of petition ${c.trackingCode} (${title})`;
        const whatEn = `The ${limitEn}`;
        if (stage === 'dueSoon')
          await notify(tx, deps, c.state, unitStaff.handlers.concat(unitStaff.heads), 'dueSoon', {
            zh: `${what}将于 ${clock.due} 届满，请抓紧办理。`,
            en: `${whatEn} ends on ${clock.due}: please act on it soon.`,
          });
        if (stage === 'overdue')
          await notify(tx, deps, c.state, unitStaff.heads.length ? unitStaff.heads : unitStaff.handlers, 'overdue', {
            zh: `${what}已于 ${clock.due} 届满，已逾期 ${late} 日，请单位负责人督促办理。`,
            en: `${whatEn} ended on ${clock.due} and is ${days(late)} overdue: the unit head is asked to see it handled.`,
          });
        if (stage === 'escalated') {
          const owner = owners.get(c.petitionId);
          if (owner && !(owner.unitId && accused(owner.unitId)))
            await notify(tx, deps, c.state, [owner.id], 'escalated', {
              zh: `您包案的${what}已逾期 ${late} 日（${unitName}），请关注。`,
              en: `${whatEn}, a case you own, is ${days(late)} overdue (${unitName}): please follow it up.`,
            });
          // Draft only a notice the core would accept today (the petition's stage allows `supervise`, no notice
          // to this unit since the deadline passed): never one that would fail when the office issues it.
          const draftId = randomUUID();
          const officeUnitId = await supervisingOffice(tx, c.state.registeringUnit, scopeOf(c));
          if (!officeUnitId) continue;
          if (!draftApplicability(deps, c.state, { id: draftId, unitId, dueOn: clock.due }).ok) continue;
          const drafted = await tx
            .insert(supervisionDrafts)
            .values({
              id: draftId,
              petitionId: c.petitionId,
              jurisdictionCode: c.state.jurisdictionCode,
              officeUnitId,
              unitId,
              clock: clock.name,
              dueOn: clock.due,
              // The days to answer are the notice's own (chosen when it is issued), which the notice's document states:
              // a number here could contradict them.
              note: `${unitName}：${what}已逾期 ${late} 日，请书面报告办理情况及逾期原因。`,
              status: 'draft',
              createdAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: supervisionDrafts.id });
          result.drafts += drafted.length;
          if (drafted.length) result.draftsByOffice[officeUnitId] = (result.draftsByOffice[officeUnitId] ?? 0) + drafted.length;
          const office = staff.get(officeUnitId) ?? (await staffByUnit(tx, [officeUnitId])).get(officeUnitId);
          if (drafted.length && office)
            await notify(
              tx,
              deps,
              c.state,
              office.supervisors.length ? office.supervisors.concat(office.handlers) : office.handlers.concat(office.heads),
              'supervisionDraft',
              { zh: `已为逾期的${what}起草督办通知，请审核后发出。`, en: `A supervision notice was drafted for the overdue ${limitEn}: review and issue it.` },
            );
        }
      }
    }
    result.lapsed = await lapseDrafts(tx, deps);
  });
  return result;
}

/**
 * Set aside the open drafts whose petition moved on (concluded, with another unit, already supervised …):
 * issuing them would be refused, so they leave the office's list as `lapsed` rather than fail at issue time.
 */
async function lapseDrafts(tx: Tx, deps: Deps): Promise<number> {
  const open = await tx
    .select({
      id: supervisionDrafts.id,
      unitId: supervisionDrafts.unitId,
      dueOn: supervisionDrafts.dueOn,
      officeUnitId: supervisionDrafts.officeUnitId,
      petition: { state: petitions.state, ...scopeColumns },
    })
    .from(supervisionDrafts)
    .innerJoin(petitions, eq(petitions.id, supervisionDrafts.petitionId))
    .where(eq(supervisionDrafts.status, 'draft'));
  // A draft left with an office its petition now accuses (reclassified, or drafted before offices were kept from
  // accusations against them) goes to the office above, which is to issue it; with none above, it lapses.
  const officeless = new Set<string>();
  for (const d of open) {
    const accused = (id: string) => isAccusedUnit(id, scopeOf(d.petition));
    if (!accused(d.officeUnitId)) continue;
    const held = await findUnit(tx, d.officeUnitId);
    const office = held ? await supervisingOffice(tx, held, scopeOf(d.petition)) : null;
    if (office) await tx.update(supervisionDrafts).set({ officeUnitId: office }).where(eq(supervisionDrafts.id, d.id));
    else officeless.add(d.id);
  }
  const stale = open.filter((d) => officeless.has(d.id) || !draftApplicability(deps, d.petition.state, d).ok).map((d) => d.id);
  if (stale.length === 0) return 0;
  await tx.update(supervisionDrafts).set({ status: 'lapsed' }).where(inArray(supervisionDrafts.id, stale));
  return stale.length;
}

/**
 * The office that issues a supervision notice: the one that registered the petition, or the nearest petition office
 * above it when an accusation accuses it or it still holds the petition itself (a unit never supervises itself:
 * the office above supervises a lower office that has not routed a petition). None: no draft.
 */
async function supervisingOffice(tx: Tx, registering: UnitRef, scope: PetitionScope): Promise<string | null> {
  const accused = accusedUnitIds(scope);
  if (!accused.includes(registering.id) && scope.currentUnitId !== registering.id) return registering.id;
  return (await petitionOfficeFor(tx, registering.jurisdictionCode, { not: [registering.id, ...accused] }))?.id ?? null;
}

async function notify(tx: Tx, deps: Deps, state: PetitionState, userIds: string[], template: string, text: NoticeText) {
  if (userIds.length === 0) return;
  await tx.insert(outbox).values(
    [...new Set(userIds)].map((recipient) => ({
      jurisdictionCode: state.jurisdictionCode,
      petitionId: state.id,
      channel: 'inApp',
      recipient,
      template,
      bodyEnc: encrypt(deps.keys.encryption, noticeBody(text)),
      nextAttemptAt: deps.now(),
      createdAt: deps.now(),
    })),
  );
}

/** Who works in each unit: handlers (and clerks) do the work, unit heads answer for it. */
async function staffByUnit(tx: Tx, unitIds: (string | undefined)[]) {
  const ids = [...new Set(unitIds.filter((x): x is string => !!x))];
  const out = new Map<string, { handlers: string[]; heads: string[]; supervisors: string[] }>();
  if (ids.length === 0) return out;
  const rows = await tx
    .select({ id: users.id, unitId: users.unitId, role: users.role })
    .from(users)
    .where(and(inArray(users.unitId, ids), eq(users.active, true)));
  for (const r of rows) {
    if (!r.unitId) continue;
    const s = out.get(r.unitId) ?? { handlers: [], heads: [], supervisors: [] };
    if (r.role === 'unitHead') s.heads.push(r.id);
    else if (r.role === 'supervisor') s.supervisors.push(r.id);
    else if (r.role === 'handler' || r.role === 'clerk') s.handlers.push(r.id);
    out.set(r.unitId, s);
  }
  return out;
}

/** The owning leader of each petition, with the leader's unit (one an accusation accuses is not told). */
async function ownersOf(tx: Tx, petitionIds: string[]) {
  const ids = [...new Set(petitionIds)];
  if (ids.length === 0) return new Map<string, { id: string; unitId: string | null }>();
  const rows = await tx
    .select({ petitionId: petitionOwners.petitionId, id: petitionOwners.leaderUserId, unitId: users.unitId })
    .from(petitionOwners)
    .innerJoin(users, eq(users.id, petitionOwners.leaderUserId))
    .where(and(inArray(petitionOwners.petitionId, ids), eq(petitionOwners.status, 'active')));
  return new Map(rows.map((r) => [r.petitionId, { id: r.id, unitId: r.unitId }]));
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Run the sweep now and then every `intervalMs` in this process. */
export function startSweeper(deps: Deps, intervalMs: number, opts: SweepOptions = {}) {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    sweep(deps, opts)
      .then((r) => r.ran && deps.log?.info({ sweep: r }, 'deadline sweep'))
      .catch((err: unknown) => deps.log?.error({ err }, 'deadline sweep failed'))
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
