import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/clocks/index';
import { allowedIn, answerableSupervisions, availableCommands, supervisedUnitIdsOf, type PetitionState, type ProcessCommandType } from '../../src/petition/index';
import {
  attempt,
  cityGov,
  clockCtx,
  cmd,
  countyGov,
  housingBureau,
  laborBureau,
  registered,
  run,
  toAccepted,
  toAwaiting,
  toClosed,
  toConcluded,
  toReplied,
  toReviewed,
  toUnderReReview,
  toUnderReview,
  type ProcessCommand,
} from './helpers';

/*
 * `availableCommands` and `decide` agree: a command is listed exactly when decide accepts it with some body.
 * "Some body" is searched among many candidates per command (every unit of the test world, every supervision id,
 * extension lengths, review requests dated back day by day), on real petitions in every stage and in the
 * situations that block a command although its stage allows it.
 */

const processTypes = Object.keys(allowedIn) as ProcessCommandType[];
const units = [laborBureau, housingBureau, countyGov, cityGov];

/** Days from `from` back to `back` days earlier. */
const daysBack = (from: string, back: number) => Array.from({ length: back + 1 }, (_, i) => addDays(from, -i));

/** Bodies to try for each command (every process command needs an entry: the agreement is checked for all). */
const candidates: Record<ProcessCommandType, (s: PetitionState, on: string) => ProcessCommand[]> = {
  assign: () => units.flatMap((u) => [cmd.assign(u), cmd.assign(u, 15)]),
  forward: () => units.map((u) => cmd.forward(u)),
  notifyReceipt: () => [cmd.notifyReceipt()],
  accept: () => [cmd.accept()],
  decline: () => [cmd.decline()],
  object: () => [cmd.object()],
  decideObjection: () => [cmd.decideObjection(true), cmd.decideObjection(false)],
  divert: () => [cmd.divert()],
  extend: () => [1, 10, 30].map((d) => cmd.extend(d)),
  pause: () => [cmd.pause('hearing'), cmd.pause('awaitingMaterial')],
  resume: () => [cmd.resume()],
  reply: (_, on) => [cmd.reply(), cmd.reply(on)],
  conclude: () => [cmd.conclude(), cmd.conclude(null)],
  requestReview: (_, on) => units.flatMap((u) => [cmd.requestReview(u), ...daysBack(on, 120).map((d) => cmd.requestReview(u, d))]),
  decideReview: (_, on) => [cmd.decideReview(), cmd.decideReview(on)],
  requestReReview: (_, on) =>
    units.flatMap((u) => [cmd.requestReReview(u), ...daysBack(on, 120).map((d) => cmd.requestReReview(u, d))]),
  decideReReview: (_, on) => [cmd.decideReReview(), cmd.decideReReview(on)],
  supervise: () => [cmd.supervise('fresh'), cmd.supervise('fresh', 10)],
  answerSupervision: (s) => [...s.supervisions.map((x) => cmd.answerSupervision(x.id)), cmd.answerSupervision('unknown')],
  rate: () => [cmd.rate(), cmd.rate('dissatisfied')],
  referToJointConference: () => [cmd.referToJointConference()],
  recordJointConferenceDecision: (_, on) => units.map((u) => cmd.recordJointConferenceDecision(u, [], addDays(on, 30))),
  addCoUnitOpinion: () => [cmd.addCoUnitOpinion()],
  linkRepeat: () => [cmd.linkRepeat('P-0', '2026-01-01')],
  unlinkRepeat: () => [cmd.unlinkRepeat()],
  reclassify: () => [cmd.reclassify('housing'), cmd.reclassify('labor', 'suggestion')],
  mergeInto: () => [cmd.mergeInto('P-9')],
  mergeIn: () => [cmd.mergeIn([{ id: 'P-8', headcount: 1 }], 2, 1)],
};

const accepted = run(registered(), toAccepted);
const awaiting = run(registered(), toAwaiting);
const supervised = run(accepted, [['2026-03-12', cmd.supervise('s1')]]);

/** [what, petition, the day of its last step] */
const situations: [string, PetitionState, string][] = [
  ['registered', registered(), '2026-03-02'],
  ['registered, litigation-related', registered({ litigationRelated: true }), '2026-03-02'],
  ['awaiting acceptance', awaiting, '2026-03-05'],
  ['awaiting acceptance, receipt notified', run(awaiting, [['2026-03-06', cmd.notifyReceipt()]]), '2026-03-06'],
  ['awaiting acceptance, objection rejected', run(awaiting, [['2026-03-09', cmd.object()], ['2026-03-10', cmd.decideObjection(false)]]), '2026-03-10'],
  ['objected', run(awaiting, [['2026-03-09', cmd.object()]]), '2026-03-09'],
  ['accepted', accepted, '2026-03-10'],
  ['accepted, paused', run(accepted, [['2026-03-20', cmd.pause()]]), '2026-03-20'],
  ['accepted, paused and resumed', run(accepted, [['2026-03-20', cmd.pause()], ['2026-03-25', cmd.resume()]]), '2026-03-25'],
  ['accepted, extended', run(accepted, [['2026-04-30', cmd.extend(30)]]), '2026-04-30'],
  ['accepted, supervised', supervised, '2026-03-12'],
  ['accepted, supervision answered', run(supervised, [['2026-03-13', cmd.answerSupervision('s1')]]), '2026-03-13'],
  ['replied', run(registered(), toReplied), '2026-05-20'],
  ['concluded', run(registered(), toConcluded), '2026-05-25'],
  ['concluded, rated', run(registered(), [...toConcluded, ['2026-05-26', cmd.rate()]]), '2026-05-26'],
  ['under review', run(registered(), toUnderReview), '2026-06-10'],
  ['under review, paused', run(registered(), [...toUnderReview, ['2026-06-12', cmd.pause()]]), '2026-06-12'],
  ['reviewed', run(registered(), toReviewed), '2026-07-06'],
  ['under re-review', run(registered(), toUnderReReview), '2026-07-20'],
  ['closed', run(registered(), toClosed), '2026-08-10'],
  ['declined', run(awaiting, [['2026-03-09', cmd.decline()]]), '2026-03-09'],
  ['linked as a repeat', run(registered(), [['2026-03-03', cmd.linkRepeat()]]), '2026-03-03'],
  ['merged into a collective petition', run(awaiting, [['2026-03-09', cmd.mergeInto()]]), '2026-03-09'],
  ['referred to a joint conference', run(registered(), [['2026-03-03', cmd.referToJointConference()]]), '2026-03-03'],
  [
    'joint conference decided',
    run(registered(), [['2026-03-03', cmd.referToJointConference()], ['2026-03-04', cmd.recordJointConferenceDecision()]]),
    '2026-03-04',
  ],
];
/** Each situation on its day and later, so windows and deadlines close. */
const later = [0, 3, 10, 40, 100];

const cases = situations.flatMap(([what, s, day]) => later.map((n) => [`${what}, on ${addDays(day, n)}`, s, addDays(day, n)] as const));

describe('availableCommands agrees with decide', () => {
  it.each(cases)('%s', (_, s, on) => {
    const listed = new Set(availableCommands(s, clockCtx(on)));
    for (const type of processTypes) {
      const bodies = candidates[type] as ((s: PetitionState, on: string) => ProcessCommand[]) | undefined;
      if (!bodies) throw new Error(`no candidate bodies for ${type}: add them to \`candidates\` in this file`);
      const accepted = bodies(s, on).some((c) => attempt(s, on, c).ok);
      expect(listed.has(type), `${type}: listed ${listed.has(type)}, accepted ${accepted}`).toBe(accepted);
    }
  });

  // The agreement above is only meaningful if commands the stage allows are left out somewhere.
  it.each<[ProcessCommandType, string]>([
    ['resume', 'accepted'],
    ['pause', 'accepted, paused'],
    ['answerSupervision', 'accepted'],
    ['answerSupervision', 'accepted, supervision answered'],
    ['notifyReceipt', 'awaiting acceptance, receipt notified'],
    ['accept', 'registered, litigation-related'],
    ['object', 'awaiting acceptance, objection rejected'],
    ['extend', 'accepted, extended'],
    ['rate', 'concluded, rated'],
    ['requestReview', 'replied'], // the reply reaches the petitioner two days later
    ['unlinkRepeat', 'registered'],
    ['linkRepeat', 'linked as a repeat'],
  ])('%s is not listed for a petition %s although its stage allows it', (type, what) => {
    const [, s, on] = situations.find(([w]) => w === what)!;
    expect(allowedIn[type]).toContain(s.status);
    expect(availableCommands(s, clockCtx(on))).not.toContain(type);
  });

  it.each<[ProcessCommandType, string, number]>([
    ['object', 'awaiting acceptance', 40],
    ['extend', 'accepted', 100],
  ])('%s leaves the list when its window has closed (%s, %i days on)', (type, what, days) => {
    const [, s, on] = situations.find(([w]) => w === what)!;
    expect(availableCommands(s, clockCtx(on))).toContain(type);
    expect(availableCommands(s, clockCtx(addDays(on, days)))).not.toContain(type);
  });

  it('a review request may be dated back, so it stays listed after the window, and only a date inside it is accepted', () => {
    const [, s, on] = situations.find(([w]) => w === 'concluded')!;
    const late = addDays(on, 100);
    expect(availableCommands(s, clockCtx(late))).toContain('requestReview');
    expect(attempt(s, late, cmd.requestReview(countyGov)).ok).toBe(false);
    expect(attempt(s, late, cmd.requestReview(countyGov, '2026-06-01')).ok).toBe(true);
  });

  it('resume is listed exactly while a clock is paused, pause exactly while none is', () => {
    const paused = run(accepted, [['2026-03-20', cmd.pause()]]);
    expect(availableCommands(paused, clockCtx('2026-03-20'))).toContain('resume');
    expect(availableCommands(paused, clockCtx('2026-03-20'))).not.toContain('pause');
    const resumed = run(paused, [['2026-03-21', cmd.resume()]]);
    expect(availableCommands(resumed, clockCtx('2026-03-21'))).toContain('pause');
    expect(availableCommands(resumed, clockCtx('2026-03-21'))).not.toContain('resume');
  });
});

describe('answerableSupervisions', () => {
  it('gives a unit the open notices issued to it, not those of another unit it holds the petition after', () => {
    // Supervised while the county office still held it (for routing), then assigned and supervised again.
    const s = run(registered(), [
      ['2026-03-03', cmd.supervise('to-office')],
      ['2026-03-04', cmd.assign(laborBureau)],
      ['2026-03-05', cmd.supervise('to-bureau')],
    ]);
    const ids = (unitId: string | null) => answerableSupervisions(s, unitId).map((x) => x.id);
    expect(ids('county-office')).toEqual(['to-office']);
    expect(ids(laborBureau.id)).toEqual(['to-bureau']);
    expect(ids(housingBureau.id)).toEqual([]);
    expect(ids(null)).toEqual([]);
    const answered = run(s, [['2026-03-06', cmd.answerSupervision('to-office')]]);
    expect(answerableSupervisions(answered, 'county-office')).toEqual([]);
  });

  it('names, sorted, exactly the units it gives a notice to answer (supervisedUnitIdsOf)', () => {
    const s = run(registered(), [
      ['2026-03-03', cmd.supervise('to-office')],
      ['2026-03-04', cmd.assign(laborBureau)],
      ['2026-03-05', cmd.supervise('to-bureau')],
    ]);
    expect(supervisedUnitIdsOf(s)).toEqual(['county-office', laborBureau.id].sort());
    expect(supervisedUnitIdsOf(run(s, [['2026-03-06', cmd.answerSupervision('to-office')]]))).toEqual([laborBureau.id]);
    // A notice that names no unit is nobody's (the server gives such stored notices their unit from the history
    // before serving: apps/server petitions/refold.ts), not the unit's that holds the petition now.
    const legacy = { ...s, supervisions: s.supervisions.map(({ unitId: _, ...n }) => n) };
    expect(supervisedUnitIdsOf(legacy)).toEqual([]);
    expect(answerableSupervisions(legacy, laborBureau.id)).toEqual([]);
  });
});
