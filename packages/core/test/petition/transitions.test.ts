import { describe, expect, it } from 'vitest';
import {
  allowedIn,
  availableCommands,
  eventNames,
  statuses,
  terminalStatuses,
  type DivertChannel,
  type PetitionState,
  type PetitionStatus,
  type ProcessCommandType,
} from '../../src/petition/index';
import {
  attempt,
  clockCtx,
  cmd,
  countyGov,
  countyOffice,
  housingBureau,
  laborBureau,
  registered,
  run,
  toAccepted,
  toAwaiting,
  toClosed,
  type ProcessCommand,
  type Step,
} from './helpers';

/* ------------------------------------------------------------------------------------------------------------ *
 * The state machine as the law describes it, written out by hand (independently of `allowedIn`): for each status,
 * the commands it allows and the status each one leads to.
 * ------------------------------------------------------------------------------------------------------------ */
/** The petition office's bookkeeping (issue 6): repeat links and classification corrections, in every stage but `merged`. */
const keep = (s: PetitionStatus) => ({ linkRepeat: s, unlinkRepeat: s, reclassify: s });
/** The joint conference (issue 5): referred before the reply; its decision sends the matter to the lead unit. */
const conference = (s: PetitionStatus, decided: PetitionStatus) => ({
  referToJointConference: s,
  recordJointConferenceDecision: decided,
});

const machine: Record<PetitionStatus, Partial<Record<ProcessCommandType, PetitionStatus>>> = {
  registered: {
    ...keep('registered'), mergeInto: 'merged', mergeIn: 'registered',
    ...conference('registered', 'awaitingAcceptance'),
    assign: 'awaitingAcceptance',
    forward: 'awaitingAcceptance',
    accept: 'accepted', // a unit accepts what was put to it directly
    decline: 'declined',
    divert: 'diverted',
    // The office above supervises a lower office that sits on it (Art. 40); that office answers.
    supervise: 'registered',
    answerSupervision: 'registered',
  },
  awaitingAcceptance: {
    ...keep('awaitingAcceptance'), mergeInto: 'merged', mergeIn: 'awaitingAcceptance',
    ...conference('awaitingAcceptance', 'awaitingAcceptance'), // the lead unit is the one holding it
    addCoUnitOpinion: 'awaitingAcceptance',
    notifyReceipt: 'awaitingAcceptance',
    accept: 'accepted',
    decline: 'declined',
    object: 'objected',
    divert: 'diverted',
    supervise: 'awaitingAcceptance',
    answerSupervision: 'awaitingAcceptance',
  },
  objected: {
    ...keep('objected'), mergeInto: 'merged', mergeIn: 'objected',
    ...conference('objected', 'awaitingAcceptance'), // the conference settles the objection
    decideObjection: 'registered', // approved: back to the office to be re-routed (rejection: see below)
    supervise: 'objected',
    answerSupervision: 'objected',
  },
  accepted: {
    ...keep('accepted'), mergeInto: 'merged', mergeIn: 'accepted',
    ...conference('accepted', 'accepted'), // the lead unit takes over the handling
    addCoUnitOpinion: 'accepted',
    divert: 'diverted',
    extend: 'accepted',
    pause: 'accepted',
    resume: 'accepted',
    reply: 'replied',
    supervise: 'accepted',
    answerSupervision: 'accepted',
  },
  replied: {
    ...keep('replied'),
    conclude: 'concluded',
    requestReview: 'underReview',
    supervise: 'replied',
    answerSupervision: 'replied',
    rate: 'replied',
  },
  concluded: { ...keep('concluded'), requestReview: 'underReview', answerSupervision: 'concluded', rate: 'concluded' },
  underReview: {
    ...keep('underReview'),
    pause: 'underReview',
    resume: 'underReview',
    decideReview: 'reviewed',
    supervise: 'underReview',
    answerSupervision: 'underReview',
    rate: 'underReview',
  },
  reviewed: { ...keep('reviewed'), requestReReview: 'underReReview', answerSupervision: 'reviewed', rate: 'reviewed' },
  underReReview: {
    ...keep('underReReview'),
    pause: 'underReReview',
    resume: 'underReReview',
    decideReReview: 'closed',
    supervise: 'underReReview',
    answerSupervision: 'underReReview',
    rate: 'underReReview',
  },
  closed: { ...keep('closed'), answerSupervision: 'closed', rate: 'closed' },
  declined: { ...keep('declined'), answerSupervision: 'declined' },
  diverted: { ...keep('diverted'), answerSupervision: 'diverted' },
  // A notice issued before the merge is still answered (its clock would run for ever otherwise).
  merged: { answerSupervision: 'merged' },
};

const processCommands = (Object.keys(eventNames) as (keyof typeof eventNames)[]).filter(
  (c): c is ProcessCommandType => c !== 'register',
);

/*
 * One real petition in each status, built through decide + evolve. Every one carries an unanswered supervision
 * notice `s0` (issued while it was awaiting acceptance; `registered`'s by the office above, for routing), so
 * answerSupervision can be tried everywhere. `today` is the day the table's commands are tried on.
 */
const viaAwaiting: Step[] = [...toAwaiting, ['2026-03-06', cmd.supervise('s0')]];
const viaAccepted: Step[] = [...viaAwaiting, ['2026-03-10', cmd.accept()]];
const viaReplied: Step[] = [...viaAccepted, ['2026-04-20', cmd.reply()]];
const viaConcluded: Step[] = [...viaReplied, ['2026-04-22', cmd.conclude()]];
const viaUnderReview: Step[] = [...viaConcluded, ['2026-04-27', cmd.requestReview()]];
const viaReviewed: Step[] = [...viaUnderReview, ['2026-04-29', cmd.decideReview()]];
const viaUnderReReview: Step[] = [...viaReviewed, ['2026-05-06', cmd.requestReReview()]];
const fixtureSteps: Record<PetitionStatus, { steps: Step[]; today: string }> = {
  registered: { steps: [['2026-03-03', cmd.supervise('s0')]], today: '2026-03-03' },
  awaitingAcceptance: { steps: viaAwaiting, today: '2026-03-06' },
  objected: { steps: [...viaAwaiting, ['2026-03-09', cmd.object()]], today: '2026-03-09' },
  accepted: { steps: viaAccepted, today: '2026-03-11' },
  replied: { steps: viaReplied, today: '2026-04-21' },
  concluded: { steps: viaConcluded, today: '2026-04-23' },
  underReview: { steps: viaUnderReview, today: '2026-04-28' },
  reviewed: { steps: viaReviewed, today: '2026-04-30' },
  underReReview: { steps: viaUnderReReview, today: '2026-05-07' },
  closed: { steps: [...viaUnderReReview, ['2026-05-08', cmd.decideReReview()]], today: '2026-05-11' },
  declined: { steps: [...viaAwaiting, ['2026-03-09', cmd.decline()]], today: '2026-03-10' },
  diverted: { steps: [...viaAwaiting, ['2026-03-09', cmd.divert()]], today: '2026-03-10' },
  merged: { steps: [...viaAwaiting, ['2026-03-09', cmd.mergeInto()]], today: '2026-03-10' },
};
const fixtures = Object.fromEntries(
  statuses.map((s) => [s, run(registered(), fixtureSteps[s].steps)]),
) as Record<PetitionStatus, PetitionState>;

/** One command of each type that is valid whenever its type is allowed (on the fixtures above). */
const sample: Record<ProcessCommandType, ProcessCommand> = {
  assign: cmd.assign(laborBureau),
  forward: cmd.forward(laborBureau),
  notifyReceipt: cmd.notifyReceipt(),
  accept: cmd.accept(),
  decline: cmd.decline(),
  object: cmd.object(),
  decideObjection: cmd.decideObjection(true),
  divert: cmd.divert(),
  extend: cmd.extend(10),
  pause: cmd.pause(),
  resume: cmd.resume(),
  reply: cmd.reply(),
  conclude: cmd.conclude(),
  requestReview: cmd.requestReview(countyGov),
  decideReview: cmd.decideReview(),
  requestReReview: cmd.requestReReview(),
  decideReReview: cmd.decideReReview(),
  supervise: cmd.supervise('s9'),
  answerSupervision: cmd.answerSupervision('s0'),
  rate: cmd.rate(),
  linkRepeat: cmd.linkRepeat(),
  unlinkRepeat: cmd.unlinkRepeat(),
  reclassify: cmd.reclassify(),
  mergeInto: cmd.mergeInto(),
  mergeIn: cmd.mergeIn(),
  referToJointConference: cmd.referToJointConference(),
  recordJointConferenceDecision: cmd.recordJointConferenceDecision(),
  addCoUnitOpinion: cmd.addCoUnitOpinion(),
};

/** What a command needs first on the same day, where its stage allows it (each prerequisite is allowed there too). */
const prerequisites: Partial<Record<ProcessCommandType, ProcessCommand[]>> = {
  resume: [cmd.pause()],
  unlinkRepeat: [cmd.linkRepeat()],
  recordJointConferenceDecision: [cmd.referToJointConference()],
  addCoUnitOpinion: [cmd.referToJointConference(), cmd.recordJointConferenceDecision()],
};

describe('fixtures', () => {
  it.each(statuses)('a real petition can be brought to %s', (status) => {
    expect(fixtures[status].status).toBe(status);
  });

  it('every process command has a row in allowedIn and a sample', () => {
    expect(Object.keys(allowedIn).sort()).toEqual([...processCommands].sort());
    expect(Object.keys(sample).sort()).toEqual([...processCommands].sort());
  });
});

describe('transition table: every status × every process command', () => {
  const rows = statuses.flatMap((status) =>
    processCommands.map((command) => [status, command, machine[status][command] ?? null] as const),
  );

  it.each(rows)('%s × %s → %s', (status, command, to) => {
    const allowed = to !== null;
    // 1. the declared table
    expect(allowedIn[command].includes(status)).toBe(allowed);
    // 2. decide on a real petition in that status
    const { today } = fixtureSteps[status];
    // Some commands need an earlier step first (a pause before resume, …): see `prerequisites`.
    const first = allowed ? (prerequisites[command] ?? []) : [];
    const before = run(fixtures[status], first.map((c) => [today, c] as const));
    const d = attempt(before, today, sample[command]);
    if (!allowed) {
      expect(d).toEqual({
        ok: false,
        refusal: expect.objectContaining({ code: 'invalidState', status }),
      });
      return;
    }
    expect(d.ok ? 'ok' : d.refusal.code).toBe('ok');
    // 3. the status it leads to
    expect(run(before, [[today, sample[command]]]).status).toBe(to);
  });

  it.each(statuses)('availableCommands(%s) lists the allowed commands that apply (resume needs a pause)', (status) => {
    const { today } = fixtureSteps[status];
    const listed = availableCommands(fixtures[status], clockCtx(today)).sort();
    const needsFirst = (c: string) => c in prerequisites;
    expect(listed).toEqual(Object.keys(machine[status]).filter((c) => !needsFirst(c)).sort());
    for (const [command, first] of Object.entries(prerequisites)) {
      if (!allowedIn[command as ProcessCommandType].includes(status)) continue;
      const prepared = run(fixtures[status], first.map((c) => [today, c] as const));
      expect(availableCommands(prepared, clockCtx(today)), command).toContain(command);
    }
    if (allowedIn.unlinkRepeat.includes(status)) {
      const linked = availableCommands(run(fixtures[status], [[today, cmd.linkRepeat()]]), clockCtx(today));
      expect(linked).toContain('unlinkRepeat');
      expect(linked).not.toContain('linkRepeat');
    }
  });

  it.each(terminalStatuses)('%s is terminal: nothing moves it any more', (status) => {
    const moves = Object.values(machine[status]).filter((to) => to !== status);
    expect(moves).toEqual([]);
  });

  it('a process command on no petition at all is refused', () => {
    expect(attempt(null, '2026-03-02', cmd.accept())).toMatchObject({
      ok: false,
      refusal: { code: 'invalidState' },
    });
  });
});

describe('happy paths', () => {
  it('register → assign → accept → extend → reply → conclude → review → re-review → closed', () => {
    const seen: PetitionStatus[] = [];
    let s = registered();
    seen.push(s.status);
    for (const step of toClosed) {
      s = run(s, [step]);
      seen.push(s.status);
    }
    expect(seen).toEqual([
      'registered',
      'awaitingAcceptance',
      'accepted',
      'accepted', // extended
      'replied',
      'concluded',
      'underReview',
      'reviewed',
      'underReReview',
      'closed',
    ]);
    expect(s).toMatchObject({
      routingMode: 'assign',
      routedOn: '2026-03-05',
      acceptedOn: '2026-03-10',
      extensionDays: 30,
      reply: { outcome: 'support', issuedOn: '2026-05-20', deliveredOn: '2026-05-22' },
      concludedOn: '2026-05-25',
      resolved: true,
      review: { unit: countyGov, requestedOn: '2026-06-10', decidedOn: '2026-07-06', outcome: 'uphold' },
      reReview: { requestedOn: '2026-07-20', decidedOn: '2026-08-10', deliveredOn: '2026-08-10' },
      endedOn: '2026-08-10',
    });
  });

  it('forward path: forward → accept → reply → conclude without a report', () => {
    const s = run(registered(), [
      ['2026-03-03', cmd.forward(housingBureau)],
      ['2026-03-04', cmd.accept()],
      ['2026-03-20', cmd.reply()],
      ['2026-03-23', cmd.conclude(null)],
    ]);
    expect(s).toMatchObject({
      status: 'concluded',
      routingMode: 'forward',
      currentUnit: housingBureau,
      assignedLimitDays: null,
    });
  });

  it('a unit accepts directly what it registered (no routing step)', () => {
    const s = run(registered({ office: laborBureau }), [['2026-03-04', cmd.accept()]]);
    expect(s).toMatchObject({
      status: 'accepted',
      currentUnit: laborBureau,
      routingMode: 'forward',
      routedOn: '2026-03-04',
      acceptedOn: '2026-03-04',
      involvedUnitIds: [laborBureau.id],
    });
  });

  it('objection approved: back to the office, then re-routed to the right unit', () => {
    const objected = run(registered(), [
      ['2026-03-05', cmd.assign(laborBureau, 20)],
      ['2026-03-09', cmd.object('属住建部门职责')],
    ]);
    expect(objected.objection).toEqual({ raisedOn: '2026-03-09', reason: '属住建部门职责' });
    const back = run(objected, [['2026-03-10', cmd.decideObjection(true)]]);
    expect(back).toMatchObject({
      status: 'registered',
      currentUnit: countyOffice,
      routingMode: null,
      routedOn: null,
      assignedLimitDays: null,
      routeStartOn: '2026-03-10',
    });
    const rerouted = run(back, [['2026-03-11', cmd.forward(housingBureau)]]);
    expect(rerouted).toMatchObject({
      status: 'awaitingAcceptance',
      currentUnit: housingBureau,
      routingMode: 'forward',
      routedOn: '2026-03-11',
      objection: null,
    });
  });

  it('objection approved, then the office accepts the matter itself: the old objection is cleared', () => {
    const s = run(registered(), [
      ['2026-03-05', cmd.assign(laborBureau)],
      ['2026-03-09', cmd.object()],
      ['2026-03-10', cmd.decideObjection(true)],
      ['2026-03-11', cmd.accept()],
    ]);
    expect(s).toMatchObject({
      status: 'accepted',
      currentUnit: countyOffice,
      routingMode: 'forward',
      routedOn: '2026-03-11',
      objection: null,
    });
  });

  it('objection rejected: the unit keeps the petition and must decide on it', () => {
    const s = run(registered(), [
      ['2026-03-05', cmd.assign(laborBureau, 20)],
      ['2026-03-09', cmd.object()],
      ['2026-03-10', cmd.decideObjection(false)],
    ]);
    expect(s).toMatchObject({
      status: 'awaitingAcceptance',
      currentUnit: laborBureau,
      routingMode: 'assign',
      assignedLimitDays: 20,
      routedOn: '2026-03-05',
    });
    expect(run(s, [['2026-03-11', cmd.accept()]]).status).toBe('accepted');
  });

  it.each([
    ['at the office (registered)', [] as Step[], '2026-03-03'],
    ['at the unit (awaitingAcceptance)', toAwaiting, '2026-03-06'],
  ])('decline %s', (_, steps, on) => {
    const s = run(run(registered(), steps), [[on, cmd.decline('notPetitionMatter', '不属于信访事项')]]);
    expect(s).toMatchObject({ status: 'declined', declineReason: 'notPetitionMatter', endedOn: on });
  });

  it.each<[PetitionStatus, Step[], DivertChannel]>([
    ['registered', [], 'litigation'],
    ['awaitingAcceptance', toAwaiting, 'arbitration'],
    ['accepted', toAccepted, 'reconsideration'],
  ])('divert from %s', (from, steps, to) => {
    const before = run(registered(), steps);
    expect(before.status).toBe(from);
    const s = run(before, [['2026-03-12', cmd.divert(to)]]);
    expect(s).toMatchObject({ status: 'diverted', divertedTo: to, endedOn: '2026-03-12' });
  });

  it.each([
    ['handling', toAccepted, 'accepted'],
    ['review', toClosed.slice(0, 6), 'underReview'],
    ['reReview', toClosed.slice(0, 8), 'underReReview'],
  ] as const)('pause and resume the %s clock', (clock, steps, status) => {
    const before = run(registered(), steps);
    expect(before.status).toBe(status);
    const lastDay = steps.at(-1)?.[0] ?? '';
    const paused = run(before, [[lastDay, cmd.pause('hearing')]]);
    expect(paused.status).toBe(status);
    expect(paused.pauses).toEqual([{ clock, from: lastDay, reason: 'hearing' }]);
    const resumed = run(paused, [[lastDay, cmd.resume()]]);
    expect(resumed.status).toBe(status);
    expect(resumed.pauses).toEqual([{ clock, from: lastDay, to: lastDay, reason: 'hearing' }]);
  });

  it.each([
    ['reply', toAccepted, cmd.reply(), 'handling'],
    ['divert', toAccepted, cmd.divert(), 'handling'],
    ['decideReview', toClosed.slice(0, 6), cmd.decideReview(), 'review'],
    ['decideReReview', toClosed.slice(0, 8), cmd.decideReReview(), 'reReview'],
  ] as const)('%s closes an open pause', (_, steps, command, clock) => {
    const s = run(registered(), [
      ...steps,
      ['2026-08-12', cmd.pause('expertAssessment')],
      ['2026-08-14', command],
    ]);
    expect(s.pauses).toEqual([{ clock, from: '2026-08-12', to: '2026-08-14', reason: 'expertAssessment' }]);
  });

  it('supervise, then answer the supervision (each notice names the unit that held the petition)', () => {
    const s = run(registered(), [
      ...toAccepted,
      ['2026-03-12', cmd.supervise('s1')],
      ['2026-03-13', cmd.supervise('s2', 10)],
      ['2026-03-16', cmd.answerSupervision('s2')],
    ]);
    expect(s.supervisions).toEqual([
      { id: 's1', reason: 'late', issuedOn: '2026-03-12', answerDays: 30, answeredOn: null, unitId: laborBureau.id },
      { id: 's2', reason: 'late', issuedOn: '2026-03-13', answerDays: 10, answeredOn: '2026-03-16', unitId: laborBureau.id },
    ]);
  });

  it('rate once', () => {
    const s = run(registered(), [...toClosed.slice(0, 5), ['2026-05-26', cmd.rate('basicallySatisfied')]]);
    expect(s.rating).toBe('basicallySatisfied');
    expect(s.status).toBe('concluded');
  });
});
