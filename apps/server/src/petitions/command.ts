import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { respondentUnitsOf } from '@qiao/core/text';
import { loadRouting } from '../analysis/routing';
import {
  answerableSupervisions,
  can,
  decide,
  evolve,
  openDeadlines,
  parentJurisdiction,
  type ActorRef,
  type Command,
  type UnitRef,
} from '@qiao/core';
import type { commandBodies, jointConferenceCommandBodies } from '@qiao/contracts';
import type { z } from 'zod';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { petitions } from '../db/schema';
import { AppError, forbidden, notFound } from '../lib/errors';
import { levelAbove, requireUnit, unitRef } from '../units/repo';
import { appendEvent, loadPetition, saveClocks, scopeOf, labelColumns, stateColumns, type PetitionRow, type Tx } from './repo';
import { refusalError } from './refusal-error';
import { queueForEvent } from '../notifications/outbox';
import { afterBookkeeping, linkedMatter } from '../analysis/bookkeeping';

/** The commands run on one petition through its command API (merging runs on several: analysis/merge.ts). */
type Bodies = typeof commandBodies & typeof jointConferenceCommandBodies;
export type BodyCommandType = keyof Bodies;
export type CommandBody<C extends BodyCommandType> = z.infer<Bodies[C]>;

export const petitionNotFound = () => notFound({ zh: '该信访事项', en: 'petition' });

export const staleVersion = (current: number) =>
  new AppError(
    409,
    'versionConflict',
    {
      zh: '该信访事项已被他人修改，请刷新后重试（您填写的内容不会丢失）',
      en: 'Someone else changed this petition: reload and try again (nothing you typed is lost)',
    },
    { currentVersion: current },
  );

export interface ApplyOptions {
  /** Who the history records as acting: a staff member, or the resident through the portal. */
  actor: ActorRef;
  /** Throws when the caller may not run this command on this petition (checked under the row lock). */
  authorise: (row: PetitionRow) => void;
  /** The version the caller saw; a different current version is a 409. Residents send none. */
  expectedVersion?: number;
  /** Whether the caller may see (and so link to) another petition; default: no. */
  maySee?: (row: PetitionRow) => boolean;
  /**
   * Run inside this open transaction instead of a new one, so the caller's own writes commit or roll back with
   * the command's (e.g. a supervision draft marked issued together with the `supervise` event).
   */
  tx?: Tx;
  /** `supervise`: the notice's id (default a new random one); an id already on the petition is refused. */
  supervisionId?: string;
}

/**
 * Run one process command: load and lock the petition, authorise, check the version, let the core decide,
 * then write the new state, its event and its clocks in the same transaction. The version check is also in
 * the UPDATE, so two racing commands can never both apply.
 */
export async function applyCommand<C extends BodyCommandType>(
  deps: Deps,
  id: string,
  type: C,
  body: CommandBody<C>,
  opts: ApplyOptions,
) {
  const now = deps.now();
  const ctx = deps.clockSettings.context(now);
  const inTransaction = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => (opts.tx ? work(opts.tx) : deps.db.transaction(work));
  return inTransaction(async (tx) => {
    const row = await loadPetition(tx, id, { forUpdate: true });
    if (!row) throw petitionNotFound();
    opts.authorise(row);
    if (opts.expectedVersion !== undefined && row.version !== opts.expectedVersion) throw staleVersion(row.version);

    const command = await toCommand(tx, row, type, body, opts);
    const decision = decide(row.state, command, { now, ...deps.clockSettings.get(), actor: opts.actor });
    if (!decision.ok) throw refusalError(decision.refusal);
    const state = evolve(row.state, decision.event);
    const updated = await tx
      .update(petitions)
      .set({ ...stateColumns(state, ctx), ...labelColumns(state), updatedAt: now })
      .where(and(eq(petitions.id, id), eq(petitions.version, row.version)))
      .returning({ id: petitions.id });
    if (updated.length !== 1) throw staleVersion(row.version);
    await appendEvent(tx, row, state.version, decision.event);
    await saveClocks(tx, row, state, ctx);
    await queueForEvent(tx, deps, row, state, decision.event);
    await (await import('../open311/webhooks')).queueWebhooks(tx, deps, row, state, decision.event);
    await afterBookkeeping(tx, deps, row, state, decision.event); // repeat chains and re-indexing (issue 6)
    return {
      id,
      status: state.status,
      version: state.version,
      deadlines: openDeadlines(state, ctx),
      event: { seq: state.version, type: decision.event.type, on: decision.event.on },
      state,
    };
  });
}

/** A staff member runs a command: they must see the petition (else 404) and be allowed to act (else 403). */
export async function runCommand<C extends BodyCommandType>(
  deps: Deps,
  actor: SessionUser,
  id: string,
  type: C,
  body: CommandBody<C>,
  expectedVersion: number,
  extra: Pick<ApplyOptions, 'tx' | 'supervisionId'> = {},
) {
  const { state: _state, ...result } = await applyCommand(deps, id, type, body, {
    ...extra,
    actor: { userId: actor.userId, unitId: actor.unitId },
    expectedVersion,
    maySee: (row) => can(actor, 'view', scopeOf(row)).allowed,
    authorise: (row) => {
      const scope = scopeOf(row);
      if (!can(actor, 'view', scope).allowed) throw petitionNotFound();
      const permission = can(actor, type, scope);
      if (!permission.allowed) throw forbidden(permission.message);
      if (type === 'answerSupervision') {
        // Which notice: one issued to the actor's unit (an unknown or answered one is the core's to refuse).
        const wanted = row.state.supervisions.find((s) => s.id === (body as { supervisionId: string }).supervisionId && s.answeredOn === null);
        if (wanted && !answerableSupervisions(row.state, actor.unitId).includes(wanted))
          throw forbidden({
            zh: '该督办通知不是发给您所在单位的：由被督办单位答复。',
            en: 'This supervision notice was not issued to your unit: the unit it was issued to answers it.',
          });
      }
    },
  });
  return result;
}

/** Turn an API body into the core's command: unit ids become unit refs, server-made ids are added. */
async function toCommand(tx: Tx, row: PetitionRow, type: BodyCommandType, body: Record<string, unknown>, opts: ApplyOptions): Promise<Command> {
  const b = body;
  switch (type) {
    case 'linkRepeat': {
      const { repeatOf, ...rest } = b as { repeatOf: string };
      return { type, ...rest, earlier: await linkedMatter(tx, repeatOf, opts.maySee ?? (() => false)) };
    }
    case 'unlinkRepeat':
      return { type, ...b } as Command;
    case 'reclassify': {
      // Corrected to an accusation: the units its words accuse are read again, with today's rules, so one registered
      // before every such unit was kept (or as a claim, whose respondent unit alone was taken) is kept from each.
      if (b.category !== 'accusation') return { type, ...b } as Command;
      const units = (await loadRouting(tx)).units;
      // The respondent as typed is read again too (the unit it already holds stays: the core adds, never removes).
      const words = { title: row.title, text: row.content, demands: row.demands };
      return { type, ...b, respondentUnitIds: respondentUnitsOf(units, { name: row.respondentName }, words, row.jurisdictionCode).ids } as Command;
    }
    case 'recordJointConferenceDecision': {
      const { leadUnitId, coUnitIds, ...rest } = b as { leadUnitId: string; coUnitIds: string[] };
      const leadUnit = unitRef(await requireUnit(tx, leadUnitId, 'leadUnitId'));
      const coUnits = [];
      for (const [i, id] of coUnitIds.entries()) coUnits.push(unitRef(await requireUnit(tx, id, `coUnitIds.${i}`)));
      return { type, ...rest, leadUnit, coUnits } as Command;
    }
    case 'referToJointConference':
    case 'addCoUnitOpinion':
      return { type, ...b } as Command;
    case 'assign':
    case 'forward': {
      const { unitId, ...rest } = b as { unitId: string };
      return { type, ...rest, unit: unitRef(await requireUnit(tx, unitId, 'unitId')) };
    }
    case 'requestReview':
    case 'requestReReview': {
      const { unitId, ...rest } = b as { unitId?: string };
      const unit = unitId ? unitRef(await requireUnit(tx, unitId, 'unitId')) : await defaultReviewUnit(tx, row, type);
      return { type, ...rest, unit } as Command;
    }
    case 'supervise':
      return { type, ...b, supervisionId: opts.supervisionId ?? randomUUID() } as Command;
    case 'notifyReceipt':
    case 'accept':
    case 'decline':
    case 'object':
    case 'decideObjection':
    case 'divert':
    case 'extend':
    case 'pause':
    case 'resume':
    case 'reply':
    case 'conclude':
    case 'decideReview':
    case 'decideReReview':
    case 'answerSupervision':
    case 'rate':
      return { type, ...b } as Command;
  }
}

async function defaultReviewUnit(tx: Tx, row: PetitionRow, type: 'requestReview' | 'requestReReview'): Promise<UnitRef> {
  const below = type === 'requestReview' ? row.state.currentUnit : row.state.review?.unit;
  const unit = below ? await requireUnit(tx, below.id, 'unitId') : undefined;
  const above = unit ? await levelAbove(tx, unit, parentJurisdiction(unit.jurisdictionCode)) : undefined;
  if (!above)
    throw new AppError(
      400,
      'noLevelAbove',
      { zh: 'unitId：无法确定上一级机关，请指定复查（复核）单位', en: 'unitId: no level above was found; name the reviewing unit' },
      { field: 'unitId' },
    );
  return unitRef(above);
}
