import { describe, expect, it } from 'vitest';
import { decide, eventNames, evolve, replay, type PetitionState } from '../../src/petition/index';
import {
  calendar,
  calendarDays,
  cityGov,
  clerk,
  cmd,
  countyGov,
  countyOffice,
  historyOf,
  housingBureau,
  laborBureau,
  registerCommand,
  registered,
  run,
  toAwaiting,
  toClosed,
  type ProcessCommand,
  type Step,
} from './helpers';

const objectedAndRerouted: Step[] = [
  ...toAwaiting,
  ['2026-03-09', cmd.object()],
  ['2026-03-10', cmd.decideObjection(true)],
  ['2026-03-11', cmd.forward(housingBureau)],
  ['2026-03-12', cmd.accept()],
];
const paths: [string, Step[]][] = [
  ['main path to closed', toClosed],
  ['objection approved and re-routed', objectedAndRerouted],
  [
    'paused, supervised, diverted',
    [
      ...toClosed.slice(0, 2),
      ['2026-03-12', cmd.supervise('s1')],
      ['2026-03-16', cmd.pause()],
      ['2026-03-18', cmd.answerSupervision('s1')],
      ['2026-03-20', cmd.divert()],
    ],
  ],
  ['declined at the unit', [...toAwaiting, ['2026-03-09', cmd.decline()]]],
];

describe('replay', () => {
  it.each(paths)('%s: replaying the history gives the state folded step by step', (_, steps) => {
    let s = registered();
    const states: PetitionState[] = [s];
    for (const step of steps) {
      s = run(s, [step]);
      states.push(s);
    }
    const events = historyOf(s);
    expect(events).toHaveLength(steps.length + 1);
    states.forEach((state, k) => {
      expect(replay(events.slice(0, k + 1))).toEqual(state);
    });
  });

  it.each(paths)('%s: version increments by one per event', (_, steps) => {
    let s = registered();
    expect(s.version).toBe(1);
    for (const step of steps) {
      const next = run(s, [step]);
      expect(next.version).toBe(s.version + 1);
      s = next;
    }
    expect(s.version).toBe(historyOf(s).length);
  });

  it('an empty history is no petition', () => {
    expect(replay([])).toBeNull();
  });

  it('an event before registration is an error', () => {
    const [, assigned] = historyOf(run(registered(), toAwaiting));
    expect(assigned).toBeDefined();
    if (assigned) expect(() => evolve(null, assigned)).toThrow(/before registration/);
  });

  it('evolve never changes the state it is given', () => {
    const s = run(registered(), toClosed.slice(0, 1));
    const frozen = structuredClone(s);
    run(s, [['2026-03-10', cmd.accept()]]);
    expect(s).toEqual(frozen);
  });
});

describe('events', () => {
  it('carry the past-tense type, the instant, the China date, the actor and the payload', () => {
    const events = historyOf(run(registered(), toClosed));
    expect(events.map((e) => e.type)).toEqual([
      'registered',
      'assigned',
      'accepted',
      'extended',
      'replied',
      'concluded',
      'reviewRequested',
      'reviewDecided',
      'reReviewRequested',
      'reReviewDecided',
    ]);
    const [, assigned] = events;
    expect(assigned).toEqual({
      type: eventNames.assign,
      at: '2026-03-05T02:00:00.000Z',
      on: '2026-03-05',
      by: clerk,
      data: { unit: laborBureau },
    });
  });

  it.each([
    // 00:00 in China is 16:00 UTC the day before
    ['2026-03-01T16:00:00Z', '2026-03-02'],
    ['2026-03-02T15:59:59Z', '2026-03-02'],
    ['2026-03-02T16:00:00Z', '2026-03-03'],
  ])('an event at %s is dated %s in China', (now, on) => {
    const d = decide(null, registerCommand({ receivedOn: '2026-03-02' }), {
      now: new Date(now),
      calendar,
      settings: calendarDays,
      actor: clerk,
    });
    expect(d.ok && d.event.on).toBe(on);
    expect(d.ok && evolve(null, d.event).registeredOn).toBe(on);
  });
});

describe('units', () => {
  it('a reclassification that reads again the units a petition is against adds them; one that does not keeps them', () => {
    const claim = registered({ category: 'claim', respondentUnitId: laborBureau.id });
    expect(claim.respondentUnitIds).toEqual([laborBureau.id]);
    const read = run(claim, [['2026-03-03', { ...cmd.reclassify('labor', 'accusation'), respondentUnitIds: [housingBureau.id] } as ProcessCommand]]);
    expect(read.respondentUnitIds).toEqual([laborBureau.id, housingBureau.id]);
    expect(run(read, [['2026-03-04', cmd.reclassify('housing', 'accusation')]]).respondentUnitIds).toEqual([laborBureau.id, housingBureau.id]);
  });

  it('currentUnit follows routing and review; involvedUnitIds accumulates', () => {
    let s = registered();
    const trail = [[s.currentUnit?.id, s.involvedUnitIds]];
    for (const step of toClosed) {
      s = run(s, [step]);
      trail.push([s.currentUnit?.id, s.involvedUnitIds]);
    }
    const office = countyOffice.id;
    const labor = laborBureau.id;
    expect(trail).toEqual([
      [office, [office]], // registered
      [labor, [office, labor]], // assigned
      [labor, [office, labor]], // accepted
      [labor, [office, labor]], // extended
      [labor, [office, labor]], // replied
      [labor, [office, labor]], // concluded
      [countyGov.id, [office, labor, countyGov.id]], // review requested
      [countyGov.id, [office, labor, countyGov.id]], // review decided
      [cityGov.id, [office, labor, countyGov.id, cityGov.id]], // re-review requested
      [cityGov.id, [office, labor, countyGov.id, cityGov.id]], // closed
    ]);
  });

  it('an approved objection sends it back to the office; the unit that objected stays involved', () => {
    const s = run(registered(), objectedAndRerouted.slice(0, 3));
    expect(s.currentUnit).toEqual(countyOffice);
    expect(s.involvedUnitIds).toEqual([countyOffice.id, laborBureau.id]);
    const rerouted = run(s, objectedAndRerouted.slice(3));
    expect(rerouted.currentUnit).toEqual(housingBureau);
    expect(rerouted.involvedUnitIds).toEqual([countyOffice.id, laborBureau.id, housingBureau.id]);
  });

  it('routing again to a unit already involved does not list it twice', () => {
    const s = run(registered(), [
      ...toAwaiting,
      ['2026-03-09', cmd.object()],
      ['2026-03-10', cmd.decideObjection(true)],
      ['2026-03-11', cmd.assign(laborBureau)],
    ]);
    expect(s.involvedUnitIds).toEqual([countyOffice.id, laborBureau.id]);
  });

  it('a unit that registers and accepts a matter itself is the only unit involved', () => {
    const s = run(registered({ office: housingBureau }), [['2026-03-02', cmd.accept()]]);
    expect(s.currentUnit).toEqual(housingBureau);
    expect(s.involvedUnitIds).toEqual([housingBureau.id]);
  });
});
