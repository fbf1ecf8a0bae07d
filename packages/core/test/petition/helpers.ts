/**
 * Builders for the petition process tests: a petition is always made the way the app makes it, by `decide` then
 * `evolve`, never by writing a state object by hand. Every built state remembers the events that produced it
 * (`historyOf`), so replay can be checked against step-by-step folding.
 */
import { createCalendar, officialHolidays, type ClockSettings, type IsoDate } from '../../src/clocks/index';
import {
  decide,
  evolve,
  petitionClocks,
  type ActorRef,
  type Category,
  type ClockContext,
  type ClockState,
  type Command,
  type DecideContext,
  type Decision,
  type DeclineReason,
  type DivertChannel,
  type Domain,
  type PauseReason,
  type PetitionEvent,
  type PetitionState,
  type Rating,
  type RegisterInput,
  type UnitRef,
} from '../../src/petition/index';

export const calendar = createCalendar(officialHolidays);
export const calendarDays: ClockSettings = { dayCounting: 'calendar' };
export const workingDays: ClockSettings = { dayCounting: 'working' };
export const clerk: ActorRef = { userId: 'u-clerk', unitId: 'county-office' };

/*
 * The world: a city (330100) above a county (330102) above a town (330102001).
 * A matter handled by the county labour bureau is reviewed by the county government and re-reviewed by the city
 * government (the level above each time).
 */
export const cityOffice: UnitRef = { id: 'city-office', jurisdictionCode: '330100' };
export const countyOffice: UnitRef = { id: 'county-office', jurisdictionCode: '330102' };
export const townOffice: UnitRef = { id: 'town-office', jurisdictionCode: '330102001' };
export const laborBureau: UnitRef = { id: 'county-labor', jurisdictionCode: '330102' };
export const housingBureau: UnitRef = { id: 'county-housing', jurisdictionCode: '330102' };
export const countyGov: UnitRef = { id: 'county-gov', jurisdictionCode: '330102' };
export const cityGov: UnitRef = { id: 'city-gov', jurisdictionCode: '330100' };

/** 10:00 in China on `date` (02:00 UTC): the instant a step is taken. */
export function at(date: IsoDate): Date {
  return new Date(`${date}T02:00:00Z`);
}

export function ctxOn(date: IsoDate, settings: ClockSettings = calendarDays): DecideContext {
  return { now: at(date), calendar, settings, actor: clerk };
}

export function clockCtx(today: IsoDate, settings: ClockSettings = calendarDays): ClockContext {
  return { calendar, settings, today };
}

export type ProcessCommand = Exclude<Command, { type: 'register' }>;
/** One step: the China date it is taken on, and the command. */
export type Step = readonly [IsoDate, ProcessCommand];

const histories = new WeakMap<PetitionState, readonly PetitionEvent[]>();

/** The events that produced a state built by `registered`/`run`. */
export function historyOf(state: PetitionState): readonly PetitionEvent[] {
  const h = histories.get(state);
  if (!h) throw new Error('state was not built by registered()/run()');
  return h;
}

export interface RegisterOverrides extends Partial<RegisterInput> {
  /** The day the clerk registers it (default: receivedOn, default 2026-03-02, a Monday). */
  on?: IsoDate;
  office?: UnitRef;
  id?: string;
}

export function registerCommand(o: RegisterOverrides = {}): Extract<Command, { type: 'register' }> {
  const { on: _on, office = countyOffice, id = 'P-1', ...petition } = o;
  return {
    type: 'register',
    id,
    registeringUnit: office,
    petition: {
      channel: 'letter',
      category: 'claim',
      litigationRelated: false,
      domain: 'labor',
      jurisdictionCode: '330102',
      collective: false,
      headcount: 1,
      respondentUnitId: null,
      receivedOn: '2026-03-02',
      repeatOf: null,
      ...petition,
    },
  };
}

/** A registered petition, made by decide + evolve from a register command. Throws on refusal. */
export function registered(o: RegisterOverrides = {}): PetitionState {
  const command = registerCommand(o);
  const on = o.on ?? command.petition.receivedOn;
  const d = decide(null, command, ctxOn(on));
  if (!d.ok) throw new Error(`register on ${on} refused: ${d.refusal.code} (${d.refusal.message.en})`);
  const state = evolve(null, d.event);
  histories.set(state, [d.event]);
  return state;
}

/** Apply the steps in order at their China dates; throws (naming the step) on the first refusal. */
export function run(
  state: PetitionState,
  steps: readonly Step[],
  settings: ClockSettings = calendarDays,
): PetitionState {
  let s = state;
  let events = histories.get(state) ?? [];
  for (const [on, command] of steps) {
    const d = decide(s, command, ctxOn(on, settings));
    if (!d.ok) {
      throw new Error(
        `${command.type} on ${on} (status ${s.status}) refused: ${d.refusal.code} (${d.refusal.message.en})`,
      );
    }
    s = evolve(s, d.event);
    events = [...events, d.event];
    histories.set(s, events);
  }
  return s;
}

/** What decide answers for one command on `on` (no folding). */
export function attempt(
  state: PetitionState | null,
  on: IsoDate,
  command: Command,
  settings: ClockSettings = calendarDays,
): Decision {
  return decide(state, command, ctxOn(on, settings));
}

/** The refusal code of a decision, or 'ok'. */
export function outcome(d: Decision): string {
  return d.ok ? 'ok' : d.refusal.code;
}

export function clockOf(
  state: PetitionState,
  name: string,
  today: IsoDate,
  settings = calendarDays,
): ClockState {
  const c = petitionClocks(state, clockCtx(today, settings)).find((x) => x.name === name);
  if (!c) throw new Error(`no clock ${name} on ${today} (status ${state.status})`);
  return c;
}

/** Commands with sensible defaults, so a step reads like the process: `[date, cmd.accept()]`. */
export const cmd = {
  assign: (unit: UnitRef = laborBureau, limitDays?: number): ProcessCommand =>
    limitDays === undefined ? { type: 'assign', unit } : { type: 'assign', unit, limitDays },
  forward: (unit: UnitRef = laborBureau): ProcessCommand => ({ type: 'forward', unit }),
  notifyReceipt: (): ProcessCommand => ({ type: 'notifyReceipt' }),
  accept: (): ProcessCommand => ({ type: 'accept' }),
  decline: (reason: DeclineReason = 'outsideRemit', note = '不属于本单位职权范围'): ProcessCommand => ({
    type: 'decline',
    reason,
    note,
  }),
  object: (reason = '该事项属住建部门职责'): ProcessCommand => ({ type: 'object', reason }),
  decideObjection: (approve: boolean): ProcessCommand => ({ type: 'decideObjection', approve }),
  divert: (
    to: DivertChannel = 'arbitration',
    note = '请向劳动人事争议仲裁委员会申请仲裁',
  ): ProcessCommand => ({
    type: 'divert',
    to,
    note,
  }),
  extend: (days = 30, reason = '情况复杂，经负责人批准延期'): ProcessCommand => ({
    type: 'extend',
    days,
    reason,
  }),
  pause: (reason: PauseReason = 'hearing'): ProcessCommand => ({ type: 'pause', reason }),
  resume: (): ProcessCommand => ({ type: 'resume' }),
  reply: (deliveredOn?: IsoDate, text = '经调查核实，支持您的诉求'): ProcessCommand =>
    deliveredOn === undefined
      ? { type: 'reply', outcome: 'support', text }
      : { type: 'reply', outcome: 'support', text, deliveredOn },
  /** `null`: no report at all. */
  conclude: (report: string | null = '已办结，结果已报送'): ProcessCommand =>
    report === null ? { type: 'conclude', resolved: true } : { type: 'conclude', resolved: true, report },
  requestReview: (
    unit: UnitRef = countyGov,
    requestedOn?: IsoDate,
    reason = '对处理意见不服',
  ): ProcessCommand =>
    requestedOn === undefined
      ? { type: 'requestReview', unit, reason }
      : { type: 'requestReview', unit, reason, requestedOn },
  decideReview: (deliveredOn?: IsoDate, text = '复查维持原处理意见'): ProcessCommand =>
    deliveredOn === undefined
      ? { type: 'decideReview', outcome: 'uphold', text }
      : { type: 'decideReview', outcome: 'uphold', text, deliveredOn },
  requestReReview: (
    unit: UnitRef = cityGov,
    requestedOn?: IsoDate,
    reason = '对复查意见不服',
  ): ProcessCommand =>
    requestedOn === undefined
      ? { type: 'requestReReview', unit, reason }
      : { type: 'requestReReview', unit, reason, requestedOn },
  decideReReview: (deliveredOn?: IsoDate, text = '复核维持'): ProcessCommand =>
    deliveredOn === undefined
      ? { type: 'decideReReview', outcome: 'uphold', text }
      : { type: 'decideReReview', outcome: 'uphold', text, deliveredOn },
  supervise: (supervisionId = 's1', answerDays?: number, note = '请说明逾期原因'): ProcessCommand =>
    answerDays === undefined
      ? { type: 'supervise', supervisionId, reason: 'late', note }
      : { type: 'supervise', supervisionId, reason: 'late', note, answerDays },
  answerSupervision: (supervisionId = 's1', text = '已书面答复督办'): ProcessCommand => ({
    type: 'answerSupervision',
    supervisionId,
    text,
  }),
  rate: (rating: Rating = 'satisfied'): ProcessCommand => ({ type: 'rate', rating }),
  referToJointConference: (reason = '涉及劳动保障、住建等多个部门，需联席会议明确责任'): ProcessCommand => ({
    type: 'referToJointConference',
    reason,
  }),
  recordJointConferenceDecision: (
    leadUnit: UnitRef = laborBureau,
    coUnits: UnitRef[] = [housingBureau],
    replyDueOn: IsoDate = '2026-04-30',
    summary = '由劳动保障部门牵头核实欠薪，住建部门配合查处项目责任',
  ): ProcessCommand => ({ type: 'recordJointConferenceDecision', leadUnit, coUnits, replyDueOn, summary }),
  addCoUnitOpinion: (text = '该项目施工许可已核查，建议从工程款中优先支付工资'): ProcessCommand => ({
    type: 'addCoUnitOpinion',
    text,
  }),
  linkRepeat: (id = 'P-0', receivedOn: IsoDate = '2026-02-01', chain: string[] = []): ProcessCommand => ({
    type: 'linkRepeat',
    earlier: { id, trackingCode: `Q-${id}`, receivedOn, chain },
  }),
  unlinkRepeat: (reason = '经核实不是同一事项'): ProcessCommand => ({ type: 'unlinkRepeat', reason }),
  reclassify: (domain: Domain = 'housing', category: Category = 'claim', litigationRelated = false): ProcessCommand => ({
    type: 'reclassify',
    domain,
    category,
    litigationRelated,
  }),
  mergeInto: (id = 'P-9', collective: { category?: Category; respondentUnitId?: string | null; respondentUnitIds?: string[] } = {}): ProcessCommand => ({
    type: 'mergeInto',
    collective: {
      id,
      trackingCode: `Q-${id}`,
      category: collective.category ?? 'claim',
      respondentUnitId: collective.respondentUnitId ?? null,
      ...(collective.respondentUnitIds ? { respondentUnitIds: collective.respondentUnitIds } : {}),
    },
  }),
  mergeIn: (
    sources: { id: string; headcount: number; accusedUnitId?: string | null; accusedUnitIds?: string[] }[] = [{ id: 'P-2', headcount: 1 }],
    headcount = 2,
    representatives = 1,
  ): ProcessCommand => ({
    type: 'mergeIn',
    sources: sources.map((x) => ({ ...x, trackingCode: `Q-${x.id}` })),
    headcount,
    representatives,
  }),
};

/*
 * The main path, on the real 2026 calendar (every date below is a working day):
 *   Mon 03-02 received and registered at the county office
 *   Thu 03-05 assigned to the county labour bureau
 *   Tue 03-10 accepted                       handling due: 03-10 + 60 = 05-09 (an adjusted working Saturday)
 *   Thu 04-30 extended by 30 days            handling due: 03-10 + 90 = 06-08 (Monday)
 *   Wed 05-20 reply issued, delivered Fri 05-22
 *   Mon 05-25 concluded (result reported back: assigned)
 *   Wed 06-10 review requested from the county government     (window 05-22 + 30 = 06-21 Sun → 06-22 Mon)
 *   Mon 07-06 review decided and delivered                    (review due 06-10 + 30 = 07-10 Fri)
 *   Mon 07-20 re-review requested from the city government    (window 07-06 + 30 = 08-05 Wed)
 *   Mon 08-10 re-review decided → closed                      (re-review due 07-20 + 30 = 08-19 Wed)
 */
export const toAwaiting: Step[] = [['2026-03-05', cmd.assign()]];
export const toAccepted: Step[] = [...toAwaiting, ['2026-03-10', cmd.accept()]];
export const toReplied: Step[] = [
  ...toAccepted,
  ['2026-04-30', cmd.extend(30)],
  ['2026-05-20', cmd.reply('2026-05-22')],
];
export const toConcluded: Step[] = [...toReplied, ['2026-05-25', cmd.conclude()]];
export const toUnderReview: Step[] = [...toConcluded, ['2026-06-10', cmd.requestReview()]];
export const toReviewed: Step[] = [...toUnderReview, ['2026-07-06', cmd.decideReview()]];
export const toUnderReReview: Step[] = [...toReviewed, ['2026-07-20', cmd.requestReReview()]];
export const toClosed: Step[] = [...toUnderReReview, ['2026-08-10', cmd.decideReReview()]];
