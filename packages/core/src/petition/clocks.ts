import { isAccusedUnit } from '../protection/can';
import { computeDue } from '../clocks/deadline';
import { addDays, compareDates } from '../clocks/date';
import type { Calendar, ClockSettings, IsoDate } from '../clocks/types';
import { boundByConference } from './joint-conference';
import { supervisionReasons, type PausedSpan, type PetitionState, type SupervisionReason } from './types';

export interface ClockContext {
  calendar: Calendar;
  settings: ClockSettings;
  /** Today in China; open pauses run through it. */
  today: IsoDate;
}

/** An obligation binds the government; a window is the petitioner's (or a unit's) right to act. */
export type ClockKind = 'obligation' | 'window';

export interface ClockState {
  /** `route`, `receiptNotice`, `objection`, `handling`, `reviewRequest`, `review`, `reReviewRequest`, `reReview`, `jointConference`, `supervision:<id>` */
  name: string;
  kind: ClockKind;
  /** The legal basis, e.g. "Art. 33". */
  article: string;
  startOn: IsoDate;
  due: IsoDate;
  /** running: still counting; paused: stopped for a hearing or missing material; ended: met or used. */
  status: 'running' | 'paused' | 'ended';
  endedOn: IsoDate | null;
  /** An obligation that ended after its due date, or is running past it. */
  late: boolean;
}

const HANDLING_DAYS = 60;
const ROUTE_DAYS = 15;
const RECEIPT_NOTICE_DAYS = 15;
const OBJECTION_WORKING_DAYS = 5;
const REVIEW_REQUEST_DAYS = 30;
const REVIEW_DAYS = 30;

function pausesOf(p: PetitionState, clock: PausedSpan['clock']) {
  return p.pauses.filter((s) => s.clock === clock);
}

/**
 * Every clock the petition has had, in the order the process starts them. Pure: the same petition, calendar,
 * settings and day give the same clocks.
 */
export function petitionClocks(p: PetitionState, ctx: ClockContext): ClockState[] {
  const out: ClockState[] = [];
  const add = (
    name: string,
    kind: ClockKind,
    article: string,
    startOn: IsoDate,
    length: number,
    endedOn: IsoDate | null,
    opts: { unit?: 'days' | 'workingDays'; pauses?: PausedSpan[] } = {},
  ) => {
    const pauses = opts.pauses ?? [];
    const { due, paused } = computeDue({
      start: startOn,
      length,
      unit: opts.unit ?? 'days',
      settings: ctx.settings,
      calendar: ctx.calendar,
      pauses,
      asOf: ctx.today,
    });
    const status = endedOn !== null ? 'ended' : paused ? 'paused' : 'running';
    const late =
      kind === 'obligation' &&
      (endedOn !== null ? compareDates(endedOn, due) > 0 : !paused && compareDates(ctx.today, due) > 0);
    out.push({ name, kind, article, startOn, due, status, endedOn, late });
  };

  const routeEnd = p.routedOn ?? (p.status === 'declined' || p.status === 'diverted' || p.status === 'merged' ? lastDecisionDay(p) : null);
  add('route', 'obligation', 'Art. 22', p.routeStartOn, ROUTE_DAYS, routeEnd);

  if (p.routedOn !== null && p.currentUnit !== null && p.routingMode !== null) {
    const noticeEnd =
      p.receiptNotifiedOn ??
      p.acceptedOn ??
      (p.status === 'declined' || p.status === 'diverted' || p.status === 'merged' ? lastDecisionDay(p) : null);
    add('receiptNotice', 'obligation', 'Art. 23', p.routedOn, RECEIPT_NOTICE_DAYS, noticeEnd);
    // A lead unit named by a joint conference cannot object: its window closed with the decision.
    const conferenceEnd = boundByConference(p) ? (p.jointConference?.decidedOn ?? null) : null;
    const objectionEnd =
      p.objection?.raisedOn ??
      conferenceEnd ??
      (p.status === 'awaitingAcceptance'
        ? lapsedWindowEnd(p.routedOn, OBJECTION_WORKING_DAYS, ctx, 'workingDays')
        : (noticeEnd ?? p.routedOn));
    add('objection', 'window', 'Art. 23', p.routedOn, OBJECTION_WORKING_DAYS, objectionEnd, { unit: 'workingDays' });
  }

  if (p.acceptedOn !== null) {
    const length = (p.assignedLimitDays ?? HANDLING_DAYS) + p.extensionDays;
    const end = p.reply?.issuedOn ?? (p.status === 'diverted' || p.status === 'merged' ? lastDecisionDay(p) : null);
    add('handling', 'obligation', 'Art. 33', p.acceptedOn, length, end, { pauses: pausesOf(p, 'handling') });
  }

  // The reply deadline a joint conference gave the lead unit: a fixed day, decided as the office's assignment
  // (交办, Art. 22); it ends with the written reply, or when the petition ends without one.
  const jc = p.jointConference;
  if (jc?.decidedOn && jc.replyDueOn) {
    const endedOn = p.reply?.issuedOn ?? p.endedOn;
    const late = endedOn !== null ? compareDates(endedOn, jc.replyDueOn) > 0 : compareDates(ctx.today, jc.replyDueOn) > 0;
    out.push({
      name: 'jointConference',
      kind: 'obligation',
      article: 'Art. 22',
      startOn: jc.decidedOn,
      due: jc.replyDueOn,
      status: endedOn !== null ? 'ended' : 'running',
      endedOn,
      late,
    });
  }

  if (p.reply !== null) {
    const end = p.review?.requestedOn ?? null;
    const windowEnd = end ?? lapsedWindowEnd(p.reply.deliveredOn, REVIEW_REQUEST_DAYS, ctx);
    add('reviewRequest', 'window', 'Art. 35', p.reply.deliveredOn, REVIEW_REQUEST_DAYS, windowEnd);
  }

  if (p.review !== null) {
    add('review', 'obligation', 'Art. 35', p.review.requestedOn, REVIEW_DAYS, p.review.decidedOn, {
      pauses: pausesOf(p, 'review'),
    });
    if (p.review.deliveredOn !== null) {
      const end = p.reReview?.requestedOn ?? lapsedWindowEnd(p.review.deliveredOn, REVIEW_REQUEST_DAYS, ctx);
      add('reReviewRequest', 'window', 'Art. 36', p.review.deliveredOn, REVIEW_REQUEST_DAYS, end);
    }
  }

  if (p.reReview !== null) {
    add('reReview', 'obligation', 'Art. 36', p.reReview.requestedOn, REVIEW_DAYS, p.reReview.decidedOn, {
      pauses: pausesOf(p, 'reReview'),
    });
  }

  for (const s of p.supervisions) {
    // A notice to a unit the petition has since been found to accuse (corrected to an accusation) cannot be answered
    // by it, which may no longer see the petition: its clock is not kept running against it.
    if (s.answeredOn === null && isAccusedUnit(s.unitId ?? null, p)) continue;
    add(`supervision:${s.id}`, 'obligation', 'Art. 40', s.issuedOn, s.answerDays, s.answeredOn);
  }
  return out;
}

/** A petitioner's window that closed unused ends on its due day (so it no longer shows as running). */
function lapsedWindowEnd(
  start: IsoDate,
  days: number,
  ctx: ClockContext,
  unit: 'days' | 'workingDays' = 'days',
): IsoDate | null {
  const { due } = computeDue({ start, length: days, unit, settings: ctx.settings, calendar: ctx.calendar });
  return compareDates(ctx.today, due) > 0 ? due : null;
}

function lastDecisionDay(p: PetitionState): IsoDate {
  return p.endedOn ?? p.registeredOn;
}

/** The running (or paused) clocks as `{name: due}`: what the API calls `deadlines`. */
export function openDeadlines(p: PetitionState, ctx: ClockContext): Record<string, IsoDate> {
  const out: Record<string, IsoDate> = {};
  for (const c of petitionClocks(p, ctx)) if (c.status !== 'ended') out[c.name] = c.due;
  return out;
}

/**
 * The earliest running obligation of the unit that holds the petition: stored on the petition row so "overdue" and
 * "due before" are indexed, and what the holder's lists, the late units and the overdue counts read. A supervision
 * notice to another unit (an office supervised for not routing the petition, which has routed it since) is that
 * unit's to answer by its own day, in its notices tab: it makes neither the holder nor the petition late.
 */
export function nextDue(p: PetitionState, ctx: ClockContext): IsoDate | null {
  const holder = p.currentUnit?.id ?? null;
  const others = new Set(p.supervisions.filter((s) => (s.unitId ?? holder) !== holder).map((s) => `supervision:${s.id}`));
  let min: IsoDate | null = null;
  for (const c of petitionClocks(p, ctx)) {
    if (c.kind !== 'obligation' || c.status !== 'running' || others.has(c.name)) continue;
    if (min === null || compareDates(c.due, min) < 0) min = c.due;
  }
  return min;
}

export { addDays };

/**
 * The reasons a notice may give on the petition now: 未按规定转送、交办 only while it waits to be forwarded or
 * assigned (registered, with the office that registered it); the others always.
 */
export function supervisionReasonsFor(p: Pick<PetitionState, 'status'>): SupervisionReason[] {
  return supervisionReasons.filter((r) => r !== 'unrouted' || p.status === 'registered');
}

/**
 * The reason a notice about a lapsed deadline gives unless the office chooses another: the routing deadline
 * (Art. 22) is the registering office's duty to forward or assign (未按规定转送、交办), while it still waits; any
 * other is lateness.
 */
export function supervisionReasonFor(clock: string, p: Pick<PetitionState, 'status'>): SupervisionReason {
  return clock === 'route' && supervisionReasonsFor(p).includes('unrouted') ? 'unrouted' : 'late';
}
