import { addDays, chinaDate, compareDates } from '../clocks/date';
import type { Calendar, ClockSettings, IsoDate } from '../clocks/types';
import { accusedUnitIds, isAccusedUnit, respondentUnitIdsOf } from '../protection/can';
import { isWithin } from '../protection/jurisdiction';
import { petitionClocks, supervisionReasonsFor, type ClockContext } from './clocks';
import { mergedAccusedUnitIds } from './evolve';
import { checkJointConference, coUnitIdsOf, jointConferenceBlock } from './joint-conference';
import { refuse, type Refusal } from './refusals';
import {
  eventNames,
  statuses,
  type ActorRef,
  type Command,
  type PetitionEvent,
  type PetitionState,
  type PetitionStatus,
  type RegisterInput,
  type UnitRef,
} from './types';

export interface DecideContext {
  now: Date;
  calendar: Calendar;
  settings: ClockSettings;
  actor: ActorRef;
}

export type Decision = { ok: true; event: PetitionEvent } | { ok: false; refusal: Refusal };

const ASSIGN_MAX_DAYS = 60;
const EXTENSION_MAX_DAYS = 30;
const DELIVERY_MAX_DAYS_AHEAD = 30;

const NOT_MERGED: readonly PetitionStatus[] = statuses.filter((s) => s !== 'merged');
const BEFORE_REPLY: readonly PetitionStatus[] = ['registered', 'awaitingAcceptance', 'objected', 'accepted'];
const MAX_REPRESENTATIVES = 5;
/**
 * How far back a date received may lie when a petition is registered: a letter found late is registered, but
 * 1900 or 2016 for 2026 is a slip of the keyboard that would start every clock long overdue.
 */
export const RECEIVED_MAX_DAYS_BACK = 730;

/** Which commands each stage allows: the state machine in one table. */
export const allowedIn: Record<Exclude<Command['type'], 'register'>, readonly PetitionStatus[]> = {
  assign: ['registered'],
  forward: ['registered'],
  notifyReceipt: ['awaitingAcceptance'],
  accept: ['registered', 'awaitingAcceptance'],
  decline: ['registered', 'awaitingAcceptance'],
  object: ['awaitingAcceptance'],
  decideObjection: ['objected'],
  divert: ['registered', 'awaitingAcceptance', 'accepted'],
  extend: ['accepted'],
  pause: ['accepted', 'underReview', 'underReReview'],
  resume: ['accepted', 'underReview', 'underReReview'],
  reply: ['accepted'],
  conclude: ['replied'],
  requestReview: ['replied', 'concluded'],
  decideReview: ['underReview'],
  requestReReview: ['reviewed'],
  decideReReview: ['underReReview'],
  // From registration: an office above supervises a lower office that sits on a petition it should have routed
  // (Art. 40: 未按规定转送、交办); `can` keeps a unit from supervising itself.
  supervise: ['registered', 'awaitingAcceptance', 'objected', 'accepted', 'replied', 'underReview', 'underReReview'],
  answerSupervision: [
    'registered',
    'awaitingAcceptance',
    'objected',
    'accepted',
    'replied',
    'concluded',
    'underReview',
    'reviewed',
    'underReReview',
    'closed',
    'declined',
    'diverted',
    // A notice on a petition merged since is still answered by the unit it went to: its clock runs until then.
    'merged',
  ],
  rate: ['replied', 'concluded', 'underReview', 'reviewed', 'underReReview', 'closed'],
  // Bookkeeping of the petition office (issue 6): repeat links and classification corrections at any stage
  // but once merged; merging only before the matter is answered.
  linkRepeat: NOT_MERGED,
  unlinkRepeat: NOT_MERGED,
  reclassify: NOT_MERGED,
  mergeInto: BEFORE_REPLY,
  mergeIn: BEFORE_REPLY,
  // The joint conference (联席会议) settles who handles a multi-unit matter before it is answered.
  referToJointConference: ['registered', 'awaitingAcceptance', 'objected', 'accepted'],
  recordJointConferenceDecision: ['registered', 'awaitingAcceptance', 'objected', 'accepted'],
  addCoUnitOpinion: ['awaitingAcceptance', 'accepted'],
};

type ProcessType = Exclude<Command['type'], 'register'>;

/** What reading a petition's notices needs of it. */
type Noticed = Pick<PetitionState, 'supervisions'>;

/**
 * The open supervision notices a unit may answer: those issued to it. A lower office supervised for not routing a
 * petition still answers its notice once it has routed it; the unit holding the petition then does not answer for
 * it. (Notices stored before they named their unit were given it from the history when the database was
 * migrated: apps/server petitions/refold.ts.)
 */
export function answerableSupervisions(p: Noticed, unitId: string | null): PetitionState['supervisions'] {
  if (unitId === null) return [];
  return p.supervisions.filter((s) => s.answeredOn === null && s.unitId === unitId);
}

/** The units with a notice to answer, sorted: a unit is among them exactly when `answerableSupervisions` lists one for it. */
export function supervisedUnitIdsOf(p: Noticed): string[] {
  const ids = p.supervisions.flatMap((s) => (s.answeredOn === null && s.unitId ? [s.unitId] : []));
  return [...new Set(ids)].sort();
}

/**
 * The commands the process allows for this petition now (before permissions): those its stage allows whose
 * preconditions on the petition itself hold today. Every command listed here is one `decide` accepts with some
 * valid body (resume only while a clock is paused, answerSupervision only with an open notice, …); a command
 * left out is refused by `decide` whatever its body says.
 */
export function availableCommands(p: PetitionState, ctx: ClockContext): ProcessType[] {
  return (Object.keys(allowedIn) as ProcessType[]).filter(
    (c) => allowedIn[c].includes(p.status) && blockedBy(p, c, ctx) === null,
  );
}

/**
 * Why a command cannot apply to this petition today whatever its body says (the stage aside), or null. The one
 * place these rules live: `decide` refuses with this code before it looks at the body, and `availableCommands`
 * leaves the command out.
 */
function blockedBy(state: PetitionState, type: ProcessType, ctx: ClockContext): Refusal['code'] | null {
  const due = (name: string) => petitionClocks(state, ctx).find((c) => c.name === name)?.due;
  const passed = (name: string) => {
    const d = due(name);
    return d !== undefined && compareDates(ctx.today, d) > 0;
  };
  const conference = jointConferenceBlock(state, type);
  if (conference) return conference;
  switch (type) {
    case 'notifyReceipt':
      return state.receiptNotifiedOn !== null ? 'receiptAlreadyNotified' : null;
    case 'accept':
      return state.litigationRelated ? 'litigationMustDivert' : null;
    case 'object':
      if (state.objection !== null) return 'objectionAlreadyDecided';
      return passed('objection') ? 'objectionWindowClosed' : null;
    case 'extend':
      if (state.extensionDays > 0) return 'extensionAlreadyUsed';
      return passed('handling') ? 'handlingDeadlinePassed' : null;
    case 'pause':
      return openPause(state) ? 'alreadyPaused' : null;
    case 'resume':
      return openPause(state) ? null : 'notPaused';
    case 'requestReview':
    case 'requestReReview': {
      // A request may be dated back to the day it arrived (within the window), never before the answer it
      // contests reached the petitioner: before that day no date fits.
      const isReview = type === 'requestReview';
      const windowDue = due(isReview ? 'reviewRequest' : 'reReviewRequest');
      const received = isReview ? state.reply?.deliveredOn : state.review?.deliveredOn;
      if (received != null && compareDates(received, ctx.today) > 0) return 'dateBeforeStart';
      const closed = windowDue === undefined || (received != null && compareDates(windowDue, received) < 0);
      return closed ? (isReview ? 'reviewWindowClosed' : 'reReviewWindowClosed') : null;
    }
    case 'answerSupervision':
      return state.supervisions.some((s) => s.answeredOn === null) ? null : 'noOpenSupervision';
    case 'rate':
      return state.rating !== null ? 'alreadyRated' : null;
    case 'linkRepeat':
      return state.repeatOf !== null ? 'alreadyRepeat' : null;
    case 'unlinkRepeat':
      return state.repeatOf === null ? 'notRepeat' : null;
    default:
      return null;
  }
}

/**
 * Decide one step of the legal process. Pure: the same state, command and context always give the same
 * answer. The returned event is what the adapter appends to the history and folds with `evolve`.
 */
export function decide(state: PetitionState | null, command: Command, ctx: DecideContext): Decision {
  const today = chinaDate(ctx.now);
  const clockCtx: ClockContext = { calendar: ctx.calendar, settings: ctx.settings, today };
  const ok = (): Decision => {
    const { type, ...data } = command;
    return {
      ok: true,
      event: { type: eventNames[type], at: ctx.now.toISOString(), on: today, by: ctx.actor, data } as PetitionEvent,
    };
  };
  const no = (code: Refusal['code'], status?: PetitionStatus): Decision => ({
    ok: false,
    refusal: refuse(code, status),
  });

  if (command.type === 'register') {
    if (state !== null) return no('invalidState', state.status);
    const why = checkRegistration(command.petition, command.registeringUnit, today);
    return why ? no(why) : ok();
  }
  if (state === null) return no('invalidState');
  if (!allowedIn[command.type].includes(state.status)) return no('invalidState', state.status);
  const blocked = blockedBy(state, command.type, clockCtx);
  if (blocked) return no(blocked);

  const due = (name: string) => petitionClocks(state, clockCtx).find((c) => c.name === name)?.due;

  switch (command.type) {
    case 'assign':
    case 'forward': {
      const why = checkRoutingTarget(state, command.unit);
      if (why) return no(why);
      if (
        command.type === 'assign' &&
        command.limitDays !== undefined &&
        !isWholeIn(command.limitDays, 1, ASSIGN_MAX_DAYS)
      )
        return no('limitDaysInvalid');
      return ok();
    }
    case 'notifyReceipt':
    case 'accept':
    case 'pause':
    case 'resume':
    case 'rate':
      return ok();
    case 'decline':
    case 'divert':
      return command.note.trim() === '' ? no('textRequired') : ok();
    case 'object':
      return command.reason.trim() === '' ? no('textRequired') : ok();
    case 'decideObjection':
      return ok();
    case 'extend':
      if (!isWholeIn(command.days, 1, EXTENSION_MAX_DAYS)) return no('extensionTooLong');
      return command.reason.trim() === '' ? no('textRequired') : ok();
    case 'reply': {
      if (command.text.trim() === '') return no('textRequired');
      return checkDelivery(command.deliveredOn, today) ?? ok();
    }
    case 'conclude':
      return state.routingMode === 'assign' && (command.report ?? '').trim() === '' ? no('reportRequired') : ok();
    case 'requestReview':
    case 'requestReReview': {
      const isReview = command.type === 'requestReview';
      const received = isReview ? state.reply?.deliveredOn : state.review?.deliveredOn;
      const windowDue = due(isReview ? 'reviewRequest' : 'reReviewRequest');
      const requestedOn = command.requestedOn ?? today;
      if (command.reason.trim() === '') return no('textRequired');
      if (compareDates(requestedOn, today) > 0) return no('dateInFuture');
      if (received != null && compareDates(requestedOn, received) < 0) return no('dateBeforeStart');
      if (windowDue === undefined || compareDates(requestedOn, windowDue) > 0)
        return no(isReview ? 'reviewWindowClosed' : 'reReviewWindowClosed');
      const earlierUnits = [state.currentUnit?.id, state.review?.unit.id, state.reply?.unitId].filter(
        (u): u is string => typeof u === 'string',
      );
      if (isAccusedUnit(command.unit.id, state)) return no('accusedUnit');
      return earlierUnits.includes(command.unit.id) ? no('reviewUnitInvalid') : ok();
    }
    case 'decideReview':
    case 'decideReReview':
      if (command.text.trim() === '') return no('textRequired');
      return checkDelivery(command.deliveredOn, today) ?? ok();
    case 'supervise': {
      if (state.supervisions.some((s) => s.id === command.supervisionId)) return no('supervisionDuplicate');
      // The notice goes to the unit holding the petition: never one the accusation accuses (an accusation registered
      // before such offices were kept from it may still be held by the office it accuses).
      if (isAccusedUnit(state.currentUnit?.id ?? null, state)) return no('accusedUnit');
      if (command.answerDays !== undefined && !isWholeIn(command.answerDays, 1, 60)) return no('answerDaysInvalid');
      if (!supervisionReasonsFor(state).includes(command.reason)) return no('notUnrouted');
      return command.note.trim() === '' ? no('textRequired') : ok();
    }
    case 'answerSupervision': {
      const s = state.supervisions.find((x) => x.id === command.supervisionId);
      if (!s) return no('supervisionNotFound');
      if (s.answeredOn !== null) return no('supervisionAlreadyAnswered');
      return command.text.trim() === '' ? no('textRequired') : ok();
    }
    case 'linkRepeat': {
      const e = command.earlier;
      const invalid = e.id === state.id || e.chain.includes(state.id) || compareDates(e.receivedOn, state.receivedOn) > 0;
      return invalid ? no('repeatLinkInvalid') : ok();
    }
    case 'unlinkRepeat':
      return command.reason.trim() === '' ? no('textRequired') : ok();
    case 'reclassify': {
      const same =
        command.domain === state.domain &&
        command.category === state.category &&
        command.litigationRelated === state.litigationRelated;
      if (same) return no('classificationUnchanged');
      // A collective holding merged accusations stays an accusation against their unit: reclassified, it could be
      // assigned to that unit, which would then handle the accusations merged into it (Art. 30).
      if ((state.mergedAccusedUnitIds ?? []).length > 0 && command.category !== 'accusation') return no('mergedAccusation');
      // An accusation is never with the unit it accuses (Art. 30): not as the unit holding it, nor as a co-unit
      // a joint conference named (co-units see the matter and add opinions). The office routes it away first.
      const accused = accusedUnitIds({ ...state, category: 'accusation', respondentUnitIds: [...respondentUnitIdsOf(state), ...(command.respondentUnitIds ?? [])] });
      const withAccused = [state.currentUnit?.id, ...coUnitIdsOf(state)].some((u) => u !== undefined && accused.includes(u));
      return command.category === 'accusation' && withAccused ? no('accusedUnit') : ok();
    }
    case 'mergeInto': {
      if (command.collective.id === state.id) return no('mergeInvalid');
      // An accusation is never handled by the unit it accuses (Art. 30). Merged, it would be handled as the
      // collective petition, by whichever unit holds that: it joins only a collective accusation against the
      // same unit(s) (every unit it accuses among them), which the rules above keep away from those units.
      const accused = accusedUnitIds(state);
      const against = accusedUnitIds(command.collective);
      return accused.some((u) => !against.includes(u)) ? no('accusationMergeInvalid') : ok();
    }
    case 'referToJointConference':
    case 'recordJointConferenceDecision':
    case 'addCoUnitOpinion': {
      const why = checkJointConference(state, command, today);
      return why ? no(why) : ok();
    }
    case 'mergeIn': {
      const ids = command.sources.map((x) => x.id);
      const earlier = state.mergedFrom ?? [];
      if (ids.length === 0 || new Set(ids).size !== ids.length || ids.some((id) => id === state.id || earlier.includes(id)))
        return no('mergeInvalid');
      const biggest = Math.max(state.headcount, ...command.sources.map((x) => x.headcount));
      if (!Number.isInteger(command.headcount) || command.headcount < 2 || command.headcount < biggest)
        return no('headcountInvalid');
      if (!isWholeIn(command.representatives, 1, Math.min(MAX_REPRESENTATIVES, command.headcount)))
        return no('representativesInvalid');
      // The same rule as mergeInto, seen from the collective: an accusation joins only an accusation against its unit.
      const against = accusedUnitIds(state);
      return command.sources.some((x) => mergedAccusedUnitIds(x).some((u) => !against.includes(u))) ? no('accusationMergeInvalid') : ok();
    }
  }
}

function checkRegistration(p: RegisterInput, office: UnitRef, today: IsoDate): Refusal['code'] | null {
  if (!Number.isInteger(p.headcount) || p.headcount < 1) return 'headcountInvalid';
  if (p.collective !== p.headcount >= 2) return 'headcountInvalid';
  if (compareDates(p.receivedOn, today) > 0) return 'dateInFuture';
  if (compareDates(p.receivedOn, addDays(today, -RECEIVED_MAX_DAYS_BACK)) < 0) return 'dateTooOld';
  // A registered petition is held by its registering unit: never the unit an accusation accuses.
  if (isAccusedUnit(office.id, p)) return 'accusedRegistrar';
  const earlier = p.repeatOf;
  if (earlier) {
    if (earlier.status === 'closed') return 'finalAfterReReview';
    const higherLevel =
      earlier.handlingJurisdictionCode !== office.jurisdictionCode &&
      isWithin(earlier.handlingJurisdictionCode, office.jurisdictionCode);
    if (earlier.withinLimits && higherLevel) return 'sameMatterWithinLimits';
  }
  return null;
}

function checkRoutingTarget(p: PetitionState, unit: UnitRef): Refusal['code'] | null {
  if (isAccusedUnit(unit.id, p)) return 'accusedUnit';
  if (p.currentUnit?.id === unit.id) return 'sameUnit';
  return null;
}

function checkDelivery(deliveredOn: IsoDate | undefined, today: IsoDate): Decision | null {
  if (deliveredOn === undefined) return null;
  if (compareDates(deliveredOn, today) < 0 || compareDates(deliveredOn, addDays(today, DELIVERY_MAX_DAYS_AHEAD)) > 0)
    return { ok: false, refusal: refuse('deliveryDateInvalid') };
  return null;
}

function openPause(p: PetitionState) {
  return p.pauses.find((s) => s.to === undefined);
}

function isWholeIn(n: number, min: number, max: number) {
  return Number.isInteger(n) && n >= min && n <= max;
}
