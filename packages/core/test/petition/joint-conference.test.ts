import { describe, expect, it } from 'vitest';
import {
  availableCommands,
  boundByConference,
  coUnitIdsOf,
  conferencePending,
  nextDue,
  replay,
} from '../../src/petition/index';
import {
  attempt,
  clockCtx,
  clockOf,
  cmd,
  countyGov,
  countyOffice,
  historyOf,
  housingBureau,
  laborBureau,
  registered,
  run,
  toAccepted,
  toAwaiting,
} from './helpers';

/*
 * The joint conference (联席会议) on the main path's calendar: registered Mon 2026-03-02 at the county office,
 * referred Tue 03-03, decided Thu 03-05 with the labour bureau leading, the housing bureau and the county
 * government as co-units, and the lead unit's reply due Thu 04-30.
 */
const referred = run(registered(), [['2026-03-03', cmd.referToJointConference()]]);
const decided = run(referred, [
  ['2026-03-05', cmd.recordJointConferenceDecision(laborBureau, [housingBureau, countyGov], '2026-04-30')],
]);

describe('referral', () => {
  it('records the referral and changes neither the stage nor the unit holding it', () => {
    expect(referred).toMatchObject({
      status: 'registered',
      currentUnit: countyOffice,
      jointConference: {
        referredOn: '2026-03-03',
        decidedOn: null,
        leadUnit: null,
        coUnits: [],
        replyDueOn: null,
      },
    });
    expect(conferencePending(referred)).toBe(true);
    expect(coUnitIdsOf(referred)).toEqual([]);
  });

  it('the routing clock keeps running while the conference is pending', () => {
    expect(clockOf(referred, 'route', '2026-03-04')).toMatchObject({ status: 'running', due: '2026-03-17' });
  });

  it('while pending the office records the decision instead of routing it past the conference', () => {
    const listed = availableCommands(referred, clockCtx('2026-03-04'));
    expect(listed).toContain('recordJointConferenceDecision');
    expect(listed).not.toContain('referToJointConference');
    expect(listed).not.toContain('assign');
    expect(listed).not.toContain('forward');
  });
});

describe('decision', () => {
  it('routes a registered petition to the lead unit as an assignment (交办) with the co-units involved', () => {
    expect(decided).toMatchObject({
      status: 'awaitingAcceptance',
      currentUnit: laborBureau,
      routingMode: 'assign',
      routedOn: '2026-03-05',
      assignedLimitDays: null,
      involvedUnitIds: [countyOffice.id, laborBureau.id, housingBureau.id, countyGov.id],
      jointConference: {
        referredOn: '2026-03-03',
        decidedOn: '2026-03-05',
        leadUnit: laborBureau,
        coUnits: [housingBureau, countyGov],
        replyDueOn: '2026-04-30',
      },
    });
    expect(conferencePending(decided)).toBe(false);
    expect(coUnitIdsOf(decided)).toEqual([housingBureau.id, countyGov.id]);
    expect(boundByConference(decided)).toBe(true);
  });

  it('ends the routing clock on the decision day and starts the lead unit’s receipt notice', () => {
    expect(clockOf(decided, 'route', '2026-03-05')).toMatchObject({
      status: 'ended',
      endedOn: '2026-03-05',
      late: false,
    });
    expect(clockOf(decided, 'receiptNotice', '2026-03-05')).toMatchObject({
      status: 'running',
      due: '2026-03-20',
    });
  });

  it('closes the lead unit’s objection window: a conference decision is not objected to', () => {
    expect(clockOf(decided, 'objection', '2026-03-06')).toMatchObject({
      status: 'ended',
      endedOn: '2026-03-05',
    });
    expect(availableCommands(decided, clockCtx('2026-03-06'))).not.toContain('object');
  });

  it('settles an objection: the objecting unit may be confirmed as lead, and it cannot object again', () => {
    const objected = run(registered(), [...toAwaiting, ['2026-03-06', cmd.object()]]);
    const s = run(objected, [
      ['2026-03-09', cmd.referToJointConference()],
      ['2026-03-10', cmd.recordJointConferenceDecision(laborBureau, [housingBureau], '2026-04-10')],
    ]);
    expect(s).toMatchObject({
      status: 'awaitingAcceptance',
      currentUnit: laborBureau,
      routedOn: '2026-03-05',
    });
    expect(attempt(s, '2026-03-11', cmd.object()).ok).toBe(false);
  });

  it('settles an objection by sending the matter to another lead unit, as a new routing', () => {
    const objected = run(registered(), [...toAwaiting, ['2026-03-06', cmd.object()]]);
    const s = run(objected, [
      ['2026-03-09', cmd.referToJointConference()],
      ['2026-03-10', cmd.recordJointConferenceDecision(housingBureau, [laborBureau], '2026-04-10')],
    ]);
    expect(s).toMatchObject({
      status: 'awaitingAcceptance',
      currentUnit: housingBureau,
      routedOn: '2026-03-10',
      objection: null,
      receiptNotifiedOn: null,
    });
    expect(coUnitIdsOf(s)).toEqual([laborBureau.id]);
  });

  it('hands an accepted petition to a new lead unit without restarting its handling clock', () => {
    const accepted = run(registered(), toAccepted);
    const s = run(accepted, [
      ['2026-03-20', cmd.referToJointConference()],
      ['2026-03-23', cmd.recordJointConferenceDecision(housingBureau, [laborBureau], '2026-04-20')],
    ]);
    expect(s).toMatchObject({ status: 'accepted', currentUnit: housingBureau, acceptedOn: '2026-03-10' });
    expect(clockOf(s, 'handling', '2026-03-23').due).toBe(clockOf(accepted, 'handling', '2026-03-23').due);
  });

  it('the lead unit that already held it keeps its routing (receipt notice and all)', () => {
    const awaiting = run(registered(), [...toAwaiting, ['2026-03-06', cmd.notifyReceipt()]]);
    const s = run(awaiting, [
      ['2026-03-06', cmd.referToJointConference()],
      ['2026-03-09', cmd.recordJointConferenceDecision(laborBureau, [housingBureau], '2026-04-09')],
    ]);
    expect(s).toMatchObject({
      routedOn: '2026-03-05',
      receiptNotifiedOn: '2026-03-06',
      currentUnit: laborBureau,
    });
  });
});

describe('the reply deadline is a clock', () => {
  it('runs from the decision to the day set, and is the next obligation once the others are met', () => {
    expect(clockOf(decided, 'jointConference', '2026-03-05')).toEqual({
      name: 'jointConference',
      kind: 'obligation',
      article: 'Art. 22',
      startOn: '2026-03-05',
      due: '2026-04-30',
      status: 'running',
      endedOn: null,
      late: false,
    });
    const accepted = run(decided, [['2026-03-06', cmd.accept()]]);
    expect(nextDue(accepted, clockCtx('2026-03-06'))).toBe('2026-04-30');
  });

  it('is met by a reply on the due day', () => {
    const s = run(decided, [
      ['2026-03-06', cmd.accept()],
      ['2026-04-30', cmd.reply()],
    ]);
    expect(clockOf(s, 'jointConference', '2026-05-06')).toMatchObject({
      status: 'ended',
      endedOn: '2026-04-30',
      late: false,
    });
  });

  it('is late the day after, and stays late when the reply comes', () => {
    const accepted = run(decided, [['2026-03-06', cmd.accept()]]);
    expect(clockOf(accepted, 'jointConference', '2026-04-30').late).toBe(false);
    expect(clockOf(accepted, 'jointConference', '2026-05-01').late).toBe(true);
    const s = run(accepted, [['2026-05-04', cmd.reply()]]);
    expect(clockOf(s, 'jointConference', '2026-05-06')).toMatchObject({
      status: 'ended',
      endedOn: '2026-05-04',
      late: true,
    });
  });

  it('ends when the lead unit declines the matter', () => {
    const s = run(decided, [['2026-03-09', cmd.decline()]]);
    expect(clockOf(s, 'jointConference', '2026-03-10')).toMatchObject({
      status: 'ended',
      endedOn: '2026-03-09',
    });
  });

  it('a new referral replaces the decision: the old deadline is no longer running', () => {
    const again = run(decided, [['2026-03-06', cmd.referToJointConference()]]);
    expect(conferencePending(again)).toBe(true);
    expect(coUnitIdsOf(again)).toEqual([]);
    expect(again.jointConference?.referredOn).toBe('2026-03-06');
    expect(() => clockOf(again, 'jointConference', '2026-03-06')).toThrow(/no clock/);
  });
});

describe('co-units', () => {
  it('a co-unit opinion is history only: it changes nothing in the state but the version', () => {
    const s = run(decided, [['2026-03-06', cmd.addCoUnitOpinion()]]);
    expect({ ...s, version: decided.version }).toEqual(decided);
    expect(s.version).toBe(decided.version + 1);
    expect(historyOf(s).at(-1)).toMatchObject({
      type: 'coUnitOpinionAdded',
      on: '2026-03-06',
      data: { text: '该项目施工许可已核查，建议从工程款中优先支付工资' },
    });
  });

  it('opinions are possible while the lead unit receives and handles it, not after the reply', () => {
    const accepted = run(decided, [['2026-03-06', cmd.accept()]]);
    expect(availableCommands(decided, clockCtx('2026-03-06'))).toContain('addCoUnitOpinion');
    expect(availableCommands(accepted, clockCtx('2026-03-06'))).toContain('addCoUnitOpinion');
    const replied = run(accepted, [['2026-03-20', cmd.reply()]]);
    expect(availableCommands(replied, clockCtx('2026-03-21'))).not.toContain('addCoUnitOpinion');
  });
});

describe('replay', () => {
  it('rebuilds the same petition from its history', () => {
    const s = run(decided, [
      ['2026-03-06', cmd.addCoUnitOpinion()],
      ['2026-03-06', cmd.accept()],
      ['2026-03-12', cmd.supervise('s1')],
    ]);
    expect(replay(historyOf(s))).toEqual(s);
    expect(s.supervisions[0]?.unitId).toBe(laborBureau.id);
  });
});
