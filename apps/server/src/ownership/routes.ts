import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, openDeadlines, supervisionReasonFor, supervisionReasons, supervisionReasonsFor } from '@qiao/core';
import { ErrorBody, IsoDate, OwnedCases } from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { petitionOwners, petitions, supervisionDrafts, users } from '../db/schema';
import { AppError, badRequest, forbidden, notFound } from '../lib/errors';
import { petitionNotFound, runCommand } from '../petitions/command';
import { loadPetition, scopeOf } from '../petitions/repo';
import { maskTitles, maskTitlesById, viewablePetitions, visiblePetition } from '../petitions/read';
import { draftApplicability } from '../sweeps/drafts';
import { mayOwn, owningLeader } from './leaders';
import { sweep } from '../sweeps/sweep';
import { unitNames } from '../units/repo';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Step = z.object({ text: z.string().trim().min(1).max(500), due: IsoDate.nullable().default(null), done: z.boolean().default(false) });
const OwnerView = z.object({
  petitionId: z.string(),
  leader: z.object({ id: z.string(), name: z.string() }),
  assignedAt: z.string(),
  plan: z.object({ steps: z.array(z.object({ text: z.string(), due: z.string().nullable(), done: z.boolean() })) }),
  targetOn: z.string().nullable(),
  progress: z.array(z.object({ on: z.string(), text: z.string(), by: z.string() })),
  status: z.enum(['active', 'resolved']),
});

type OwnerRow = typeof petitionOwners.$inferSelect;

async function view(deps: Deps, row: OwnerRow) {
  const [leader] = await deps.db.select({ name: users.displayName }).from(users).where(eq(users.id, row.leaderUserId));
  return {
    petitionId: row.petitionId,
    leader: { id: row.leaderUserId, name: leader?.name ?? '' },
    assignedAt: row.assignedAt.toISOString(),
    plan: row.plan,
    targetOn: row.targetOn,
    progress: row.progress,
    status: row.status as 'active' | 'resolved',
  };
}

/** Only the owning leader (or the petition office that assigned them) edits the plan and records progress. */
async function ownedBy(deps: Deps, actor: SessionUser, petitionId: string) {
  await visiblePetition(deps.db, actor, petitionId);
  const [row] = await deps.db.select().from(petitionOwners).where(eq(petitionOwners.petitionId, petitionId));
  if (!row) throw notFound({ zh: '该事项的包案领导', en: 'owner of this petition' });
  if (row.leaderUserId !== actor.userId && actor.role !== 'clerk')
    throw forbidden({ zh: '只有包案领导或信访部门可以修改化解方案', en: 'Only the owning leader or the petition office can change the plan' });
  return row;
}

/**
 * Leader ownership of hard cases (包案): the petition office assigns a leader, or a leader takes a case; the
 * owner writes a resolution plan with steps and a target date and records progress until it is resolved.
 */
export const ownershipRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const params = z.object({ id: z.uuid() });
    app.get(
      '/petitions/:id/owner',
      { schema: { tags: ['ownership'], summary: 'The leader who owns this case, the plan and its progress', params, response: { 200: OwnerView.nullable(), ...errors } } },
      async (req) => {
        await visiblePetition(deps.db, await req.user(), req.params.id);
        const [row] = await deps.db.select().from(petitionOwners).where(eq(petitionOwners.petitionId, req.params.id));
        return row ? view(deps, row) : null;
      },
    );
    app.get(
      '/petitions/:id/owner/candidates',
      {
        schema: {
          tags: ['ownership'],
          summary: 'Leaders who may own this case (包案): active leaders whose area covers it',
          params,
          response: { 200: z.array(z.object({ id: z.string(), name: z.string() })), ...errors },
        },
      },
      async (req) => {
        const actor = await req.user();
        const p = await visiblePetition(deps.db, actor, req.params.id);
        if (actor.role !== 'clerk' && actor.role !== 'leader' && actor.role !== 'supervisor')
          throw forbidden({ zh: '只有信访部门或领导可以确定包案领导', en: 'Only the petition office or a leader assigns ownership' });
        const leaders = await deps.db.select().from(users).where(and(eq(users.role, 'leader'), eq(users.active, true))).orderBy(asc(users.displayName));
        return leaders.filter((l) => mayOwn(l, scopeOf(p))).map((l) => ({ id: l.id, name: l.displayName }));
      },
    );
    app.put(
      '/petitions/:id/owner',
      {
        schema: {
          tags: ['ownership'],
          summary: '包案 Make a leader the owner (petition office), or take the case yourself (leader)',
          params,
          body: z.object({ leaderUserId: z.uuid().optional(), targetOn: IsoDate.optional(), steps: z.array(Step).max(50).default([]) }),
          response: { 200: OwnerView, ...errors },
        },
      },
      async (req) => {
        const actor = await req.user();
        const p = await visiblePetition(deps.db, actor, req.params.id);
        if (actor.role !== 'clerk' && actor.role !== 'leader')
          throw forbidden({ zh: '只有信访部门或领导可以确定包案领导', en: 'Only the petition office or a leader assigns ownership' });
        const leaderId = req.body.leaderUserId ?? (actor.role === 'leader' ? actor.userId : undefined);
        if (!leaderId) throw badRequest('leaderRequired', { zh: 'leaderUserId：请指定包案领导', en: 'leaderUserId: name the owning leader' }, { field: 'leaderUserId' });
        const leader = await owningLeader(deps.db, leaderId, scopeOf(p), 'leaderUserId');
        const row: OwnerRow = {
          petitionId: p.id,
          jurisdictionCode: p.jurisdictionCode,
          leaderUserId: leader.id,
          assignedBy: actor.userId,
          assignedAt: deps.now(),
          plan: { steps: req.body.steps.map((s) => ({ text: s.text, due: s.due, done: s.done })) },
          targetOn: req.body.targetOn ?? null,
          progress: [],
          status: 'active',
        };
        await deps.db
          .insert(petitionOwners)
          .values(row)
          .onConflictDoUpdate({
            target: petitionOwners.petitionId,
            set: { leaderUserId: row.leaderUserId, assignedBy: row.assignedBy, assignedAt: row.assignedAt, status: 'active' },
          });
        const [saved] = await deps.db.select().from(petitionOwners).where(eq(petitionOwners.petitionId, p.id));
        return view(deps, saved!);
      },
    );
    app.put(
      '/petitions/:id/owner/plan',
      {
        schema: {
          tags: ['ownership'],
          summary: 'Write the resolution plan: steps and a target date',
          params,
          body: z.object({ steps: z.array(Step).max(50), targetOn: IsoDate.nullable() }),
          response: { 200: OwnerView, ...errors },
        },
      },
      async (req) => {
        const row = await ownedBy(deps, await req.user(), req.params.id);
        const plan = { steps: req.body.steps.map((s) => ({ text: s.text, due: s.due, done: s.done })) };
        await deps.db.update(petitionOwners).set({ plan, targetOn: req.body.targetOn }).where(eq(petitionOwners.petitionId, row.petitionId));
        return view(deps, { ...row, plan, targetOn: req.body.targetOn });
      },
    );
    app.post(
      '/petitions/:id/owner/progress',
      {
        schema: {
          tags: ['ownership'],
          summary: 'Record progress; `resolved: true` closes the ownership',
          params,
          body: z.object({ text: z.string().trim().min(1).max(2000), resolved: z.boolean().default(false) }),
          response: { 200: OwnerView, ...errors },
        },
      },
      async (req) => {
        const actor = await req.user();
        const row = await ownedBy(deps, actor, req.params.id);
        if (row.status !== 'active')
          throw new AppError(409, 'ownershipClosed', { zh: '该包案已化解结案', en: 'This ownership is already closed as resolved' });
        const today = deps.clockSettings.context(deps.now()).today;
        const progress = [...row.progress, { on: today, text: req.body.text, by: actor.displayName }];
        const status = req.body.resolved ? 'resolved' : 'active';
        await deps.db.update(petitionOwners).set({ progress, status }).where(eq(petitionOwners.petitionId, row.petitionId));
        return view(deps, { ...row, progress, status });
      },
    );
    app.get(
      '/owners/me',
      {
        schema: {
          tags: ['ownership'],
          summary: "A leader's own cases, with the petition's status and deadlines",
          response: { 200: OwnedCases, ...errors },
        },
      },
      async (req) => {
        const actor = await req.user();
        const owned = await deps.db
          .select()
          .from(petitionOwners)
          .where(eq(petitionOwners.leaderUserId, actor.userId))
          // Cases still being resolved first ('active' sorts before 'resolved'), the soonest target first.
          .orderBy(asc(petitionOwners.status), sql`${petitionOwners.targetOn} asc nulls last`, asc(petitionOwners.petitionId));
        if (owned.length === 0) return [];
        const rows = await maskTitles(deps.db, deps.keys, await deps.db.select().from(petitions).where(inArray(petitions.id, owned.map((o) => o.petitionId))));
        const byId = new Map(rows.map((r) => [r.id, r]));
        const ctx = deps.clockSettings.context(deps.now());
        return owned.flatMap((o) => {
          const p = byId.get(o.petitionId);
          if (!p || !can(actor, 'view', scopeOf(p)).allowed) return [];
          return [
            {
              petitionId: p.id,
              trackingCode: p.trackingCode,
              title: p.title,
              status: p.status,
              ownership: o.status as 'active' | 'resolved',
              targetOn: o.targetOn,
              stepsDone: o.plan.steps.filter((s) => s.done).length,
              steps: o.plan.steps.length,
              deadlines: openDeadlines(p.state, ctx),
            },
          ];
        });
      },
    );

    // Supervision notices the sweep drafted: the office reviews them and issues with the `supervise` command.
    app.get(
      '/supervision-drafts',
      {
        schema: {
          tags: ['supervision'],
          summary: 'Supervision notices drafted by the deadline sweep for your petition office',
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                petitionId: z.string(),
                trackingCode: z.string(),
                title: z.string(),
                version: z.number().int(),
                unitId: z.string(),
                unitName: z.string(),
                clock: z.string(),
                dueOn: z.string(),
                note: z.string(),
                reason: z.enum(supervisionReasons).describe('The reason the notice gives unless the office chooses another'),
                reasons: z.array(z.enum(supervisionReasons)).describe('The reasons a notice may give on the petition now'),
                status: z.string(),
                applicable: z.boolean().describe('Whether the core would accept `supervise` for this draft today'),
                notApplicable: z
                  .object({ zh: z.string(), en: z.string() })
                  .nullable()
                  .describe('Why the draft can no longer be issued (the petition moved on): dismiss it'),
              }),
            ),
            ...errors,
          },
        },
      },
      async (req) => {
        const actor = await req.user();
        if (!actor.unitId || (actor.role !== 'clerk' && actor.role !== 'supervisor'))
          throw forbidden({ zh: '只有信访部门可以查看督办草稿', en: 'Only the petition office sees supervision drafts' });
        const rows = await deps.db
          .select()
          .from(supervisionDrafts)
          .where(and(eq(supervisionDrafts.officeUnitId, actor.unitId), eq(supervisionDrafts.status, 'draft')))
          .orderBy(asc(supervisionDrafts.dueOn));
        // Only drafts about petitions the reader may see: never one an accusation against their office names.
        const byId = await maskTitlesById(deps.db, deps.keys, await viewablePetitions(deps.db, actor, rows.map((r) => r.petitionId)));
        const names = await unitNames(deps.db, rows.map((r) => r.unitId));
        return rows.flatMap((r) => {
          const p = byId.get(r.petitionId);
          if (!p) return [];
          // The petition may have moved on since the sweep drafted this (the sweep sets such drafts aside too).
          const fit = draftApplicability(deps, p.state, r);
          return [
            {
              id: r.id,
              petitionId: r.petitionId,
              trackingCode: p.trackingCode,
              title: p.title,
              version: p.version,
              unitId: r.unitId,
              unitName: names.get(r.unitId) ?? r.unitId,
              clock: r.clock,
              dueOn: r.dueOn,
              note: r.note,
              reason: supervisionReasonFor(r.clock, p.state),
              reasons: supervisionReasonsFor(p.state),
              status: r.status,
              applicable: fit.ok,
              notApplicable: fit.ok ? null : fit.message,
            },
          ];
        });
      },
    );
    app.post(
      '/supervision-drafts/sweep',
      {
        schema: {
          tags: ['supervision'],
          summary: 'Run the deadline sweep now (it also runs on a timer); idempotent: each reminder is sent once',
          response: {
            200: z.object({
              ran: z.boolean(),
              examined: z.number().int(),
              sent: z.record(z.string(), z.number().int()),
              drafts: z.number().int().describe('Drafted in this run for every office'),
              yours: z.number().int().describe("Drafted in this run for the caller's office: what its list gains"),
              lapsed: z.number().int().describe('Open drafts set aside because their petition moved on'),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const actor = await req.user();
        if (!actor.atPetitionOffice || (actor.role !== 'clerk' && actor.role !== 'supervisor'))
          throw forbidden({ zh: '只有信访部门可以运行期限巡查', en: 'Only the petition office runs the deadline sweep' });
        const { draftsByOffice, ...r } = await sweep(deps);
        return { ...r, yours: draftsByOffice[actor.unitId!] ?? 0 };
      },
    );
    app.post(
      '/supervision-drafts/:id/issue',
      {
        schema: {
          tags: ['supervision'],
          summary:
            '督办 Issue a drafted notice: runs the `supervise` command and marks the draft issued in one transaction; a retry of an issued draft answers the same without issuing again',
          params,
          body: z.object({
            reason: z.enum(supervisionReasons).optional().describe("Default: the draft's reason (unrouted for the routing deadline, else late)"),
            note: z.string().trim().min(1).max(5000),
            answerDays: z.number().int().min(1).max(60).optional(),
            expectedVersion: z.number().int(),
          }),
          response: {
            200: z.object({
              ok: z.boolean(),
              version: z.number().int(),
              supervisionId: z.string().describe("The notice's id: the draft's own id"),
              repeated: z.boolean().describe('True when the draft had already been issued (a retry): nothing new was issued'),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const actor = await req.user();
        const { expectedVersion, ...body } = req.body;
        // One transaction: the draft row is locked, the `supervise` event (with the draft's id as the notice's id)
        // and the draft's status commit together or not at all, so a draft is never left open after its notice
        // was issued, and a retry finds it issued and answers the same.
        const outcome = await deps.db.transaction(async (tx) => {
          const [row] = await tx.select().from(supervisionDrafts).where(eq(supervisionDrafts.id, req.params.id)).for('update');
          if (!row || row.officeUnitId !== actor.unitId) throw notFound({ zh: '该督办草稿', en: 'supervision draft' });
          const p = await loadPetition(tx, row.petitionId, { forUpdate: true });
          if (!p || !can(actor, 'view', scopeOf(p)).allowed) throw petitionNotFound();
          const permission = can(actor, 'supervise', scopeOf(p));
          if (!permission.allowed) throw forbidden(permission.message);
          if (row.status === 'issued' && p.state.supervisions.some((s) => s.id === row.id))
            return { ok: true as const, result: { ok: true, version: p.version, supervisionId: row.id, repeated: true } };
          if (row.status !== 'draft') throw new AppError(409, 'draftClosed', { zh: '该督办草稿已处理', en: 'This draft has already been handled' });
          const fit = draftApplicability(deps, p.state, row);
          if (!fit.ok) {
            await tx.update(supervisionDrafts).set({ status: 'lapsed' }).where(eq(supervisionDrafts.id, row.id));
            return { ok: false as const, message: fit.message };
          }
          const command = { ...body, reason: body.reason ?? supervisionReasonFor(row.clock, p.state) };
          const result = await runCommand(deps, actor, row.petitionId, 'supervise', command, expectedVersion, { tx, supervisionId: row.id });
          await tx.update(supervisionDrafts).set({ status: 'issued' }).where(eq(supervisionDrafts.id, row.id));
          return { ok: true as const, result: { ok: true, version: result.version, supervisionId: row.id, repeated: false } };
        });
        // Set aside (committed above); the office is told why instead of a refusal of the core.
        if (!outcome.ok) throw new AppError(409, 'draftLapsed', outcome.message);
        return outcome.result;
      },
    );
    app.post(
      '/supervision-drafts/:id/dismiss',
      {
        schema: { tags: ['supervision'], summary: 'Dismiss a drafted notice (issued or not needed)', params, response: { 200: z.object({ ok: z.boolean() }), ...errors } },
      },
      async (req) => {
        const actor = await req.user();
        const [row] = await deps.db.select().from(supervisionDrafts).where(eq(supervisionDrafts.id, req.params.id));
        const petition = row && (await loadPetition(deps.db, row.petitionId));
        if (!row || row.officeUnitId !== actor.unitId || !petition || !can(actor, 'view', scopeOf(petition)).allowed)
          throw notFound({ zh: '该督办草稿', en: 'supervision draft' });
        if (actor.role !== 'clerk' && actor.role !== 'supervisor')
          throw forbidden({ zh: '只有信访部门可以处理督办草稿', en: 'Only the petition office handles supervision drafts' });
        // An issued draft stays issued (its notice is on the petition); dismissing twice is harmless.
        const dismissed = await deps.db
          .update(supervisionDrafts)
          .set({ status: 'dismissed' })
          .where(and(eq(supervisionDrafts.id, row.id), inArray(supervisionDrafts.status, ['draft', 'lapsed', 'dismissed'])))
          .returning({ id: supervisionDrafts.id });
        if (dismissed.length === 0) throw new AppError(409, 'draftClosed', { zh: '该督办通知已经发出，不能再不予发出', en: 'This notice has already been issued: it can no longer be dismissed' });
        return { ok: true };
      },
    );
  };
