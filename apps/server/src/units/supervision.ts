import { and, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { petitionClocks, replay, visibilityFilter, type PetitionState } from '@qiao/core';
import { ErrorBody, SupervisionRecord } from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { petitionEvents, petitions } from '../db/schema';
import { forbidden, notFound } from '../lib/errors';
import { maskTitles } from '../petitions/read';
import { loadEvents, visibilitySql } from '../petitions/repo';
import { findUnit } from './repo';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * A unit's supervision record (督办记录): every notice issued to it on a petition the reader may see, its written
 * answer, and whether the answer was late. Read by the petition office, supervisors and the unit's own staff.
 */
export const unitSupervisionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/:id/supervision',
      {
        schema: {
          tags: ['supervision'],
          summary:
            "A unit's supervision record: notices issued to it, their answers and lateness (newest first)",
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: SupervisionRecord, ...errors },
        },
      },
      async (req) => unitSupervisionRecord(deps, await req.user(), req.params.id),
    );
  };

/** The petition office (any role there, or a clerk), supervisors, and the staff of the unit itself. */
function mayRead(actor: SessionUser, unitId: string): boolean {
  if (actor.role === 'clerk' || actor.role === 'supervisor') return true;
  if (actor.role === 'handler' || actor.role === 'unitHead')
    return actor.atPetitionOffice || actor.unitId === unitId;
  return false;
}

export async function unitSupervisionRecord(
  deps: Deps,
  actor: SessionUser,
  unitId: string,
): Promise<SupervisionRecord> {
  if (!mayRead(actor, unitId))
    throw forbidden({
      zh: '单位督办记录只向信访部门、督查人员和本单位人员开放',
      en: "A unit's supervision record is open to the petition office, supervisors and the unit's own staff",
    });
  const unit = await findUnit(deps.db, unitId);
  if (!unit) throw notFound({ zh: '该单位', en: 'unit' });
  const today = deps.clockSettings.context(deps.now()).today;
  const ctx = deps.clockSettings.context(deps.now());

  // A notice goes to the unit holding the petition, which is then among its involved units (GIN-indexed).
  const rows = await maskTitles(
    deps.db,
    deps.keys,
    await deps.db
      .select({
        id: petitions.id,
        trackingCode: petitions.trackingCode,
        title: petitions.title,
        state: petitions.state,
      })
      .from(petitions)
      .where(
        and(
          visibilitySql(visibilityFilter(actor)),
          sql`${petitions.involvedUnitIds} @> array[${unitId}]::text[]`,
          sql`jsonb_array_length(coalesce(${petitions.state}->'supervisions', '[]'::jsonb)) > 0`,
        ),
      ),
  );

  const ids = rows.map((r) => r.id);
  const texts = new Map<string, { note?: string; answer?: string }>();
  if (ids.length) {
    const events = await deps.db
      .select({ event: petitionEvents.event })
      .from(petitionEvents)
      .where(
        and(
          inArray(petitionEvents.petitionId, ids),
          inArray(petitionEvents.type, ['supervised', 'supervisionAnswered']),
        ),
      );
    for (const { event } of events) {
      if (event.type === 'supervised')
        texts.set(event.data.supervisionId, {
          ...texts.get(event.data.supervisionId),
          note: event.data.note,
        });
      if (event.type === 'supervisionAnswered')
        texts.set(event.data.supervisionId, {
          ...texts.get(event.data.supervisionId),
          answer: event.data.text,
        });
    }
  }

  const notices: SupervisionRecord['notices'] = [];
  for (const row of rows) {
    let state: PetitionState = row.state;
    // Notices stored before they named their unit: the history says which unit held the petition then.
    if (state.supervisions.some((s) => s.unitId === undefined)) {
      state = replay((await loadEvents(deps.db, row.id)).map((e) => e.event)) ?? state;
    }
    const clocks = petitionClocks(state, ctx);
    for (const s of state.supervisions) {
      if (s.unitId !== unitId) continue;
      const clock = clocks.find((c) => c.name === `supervision:${s.id}`);
      const t = texts.get(s.id);
      notices.push({
        supervisionId: s.id,
        petition: { id: row.id, trackingCode: row.trackingCode, title: row.title },
        reason: s.reason,
        note: t?.note ?? null,
        issuedOn: s.issuedOn,
        dueOn: clock?.due ?? s.issuedOn,
        answeredOn: s.answeredOn,
        answer: t?.answer ?? null,
        status: s.answeredOn === null ? 'open' : 'answered',
        late: clock?.late ?? false,
      });
    }
  }
  notices.sort((a, b) =>
    a.issuedOn === b.issuedOn
      ? a.supervisionId.localeCompare(b.supervisionId)
      : a.issuedOn < b.issuedOn
        ? 1
        : -1,
  );
  const answered = notices.filter((n) => n.status === 'answered');
  const open = notices.filter((n) => n.status === 'open');
  return {
    unit: { id: unit.id, name: unit.name },
    today,
    summary: {
      issued: notices.length,
      answered: answered.length,
      answeredLate: answered.filter((n) => n.late).length,
      open: open.length,
      openLate: open.filter((n) => n.late).length,
    },
    notices,
  };
}
