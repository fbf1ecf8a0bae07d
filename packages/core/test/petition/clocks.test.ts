import { describe, expect, it } from 'vitest';
import { compareDates } from '../../src/clocks/index';
import {
  nextDue,
  openDeadlines,
  petitionClocks,
  supervisionReasonFor,
  supervisionReasonsFor,
  type ClockState,
  type PetitionState,
} from '../../src/petition/index';
import {
  clockCtx,
  clockOf,
  cmd,
  registered,
  run,
  toAccepted,
  toAwaiting,
  toClosed,
  toConcluded,
  workingDays,
  laborBureau,
  type ProcessCommand,
  type Step,
} from './helpers';

/*
 * Every due date below was worked out by hand on the official 2025/2026 calendars (holidays.ts):
 *   2025 National Day: Oct 1–8 off; Sun Sep 28 and Sat Oct 11 are working days.
 *   2026 Spring Festival: Feb 15–23 off; Sat Feb 14 and Sat Feb 28 are working days.
 *   2026 Qingming: Apr 4–6 off. Labour Day: May 1–5 off; Sat May 9 is a working day. Dragon Boat: Jun 19–21 off.
 * The start day is never counted; a due date on a weekend or holiday rolls to the next working day.
 */

type Expect = Pick<ClockState, 'due'> & Partial<ClockState>;
const base = registered(); // received and registered Mon 2026-03-02

describe('route: registered + 15 days (Art. 22)', () => {
  it.each<[string, PetitionState, string, Expect]>([
    // Mar 2 + 15 = Tue Mar 17
    [
      'plain',
      base,
      '2026-03-03',
      { due: '2026-03-17', status: 'running', late: false, startOn: '2026-03-02' },
    ],
    ['on its due day', base, '2026-03-17', { due: '2026-03-17', status: 'running', late: false }],
    ['running past its due', base, '2026-03-18', { due: '2026-03-17', status: 'running', late: true }],
    // Sun Feb 1 + 15 = Mon Feb 16, Spring Festival (Feb 15–23 off) → Tue Feb 24
    [
      'across Spring Festival 2026',
      registered({ receivedOn: '2026-02-01', on: '2026-02-02' }),
      '2026-02-02',
      { due: '2026-02-24' },
    ],
    // Mon Sep 22 + 15 = Tue Oct 7, National Day (Oct 1–8 off) → Thu Oct 9
    [
      'across National Day 2025',
      registered({ receivedOn: '2025-09-22' }),
      '2025-09-22',
      { due: '2025-10-09' },
    ],
    // Fri Mar 6 + 15 = Sat Mar 21 → Mon Mar 23
    ['ending on a Saturday', registered({ receivedOn: '2026-03-06' }), '2026-03-06', { due: '2026-03-23' }],
    // counted from receipt, not from registration: received Mar 2, registered Mar 4 → still Mar 17
    [
      'registered two days after receipt',
      registered({ receivedOn: '2026-03-02', on: '2026-03-04' }),
      '2026-03-04',
      { due: '2026-03-17' },
    ],
    // met by routing: ended on the routing day
    [
      'met by assigning on day 3',
      run(base, toAwaiting),
      '2026-03-06',
      { due: '2026-03-17', status: 'ended', endedOn: '2026-03-05', late: false },
    ],
    [
      'met on its due day',
      run(base, [['2026-03-17', cmd.forward()]]),
      '2026-03-18',
      { due: '2026-03-17', status: 'ended', late: false },
    ],
    [
      'met the day after its due',
      run(base, [['2026-03-18', cmd.forward()]]),
      '2026-03-18',
      { due: '2026-03-17', status: 'ended', endedOn: '2026-03-18', late: true },
    ],
    [
      'met by the unit accepting it itself',
      run(base, [['2026-03-04', cmd.accept()]]),
      '2026-03-04',
      { due: '2026-03-17', status: 'ended', endedOn: '2026-03-04' },
    ],
    [
      'met by declining at the office',
      run(base, [['2026-03-04', cmd.decline()]]),
      '2026-03-05',
      { status: 'ended', endedOn: '2026-03-04', due: '2026-03-17' },
    ],
    [
      'met by diverting at the office',
      run(base, [['2026-03-19', cmd.divert()]]),
      '2026-03-20',
      { status: 'ended', endedOn: '2026-03-19', due: '2026-03-17', late: true },
    ],
    // objection approved on Tue Mar 10: the office must re-route within 15 days again, Mar 10 + 15 = Wed Mar 25
    [
      'restarted by an approved objection',
      run(base, [...toAwaiting, ['2026-03-09', cmd.object()], ['2026-03-10', cmd.decideObjection(true)]]),
      '2026-03-11',
      { due: '2026-03-25', startOn: '2026-03-10', status: 'running' },
    ],
  ])('%s', (_, state, today, expected) => {
    expect(clockOf(state, 'route', today)).toMatchObject({
      kind: 'obligation',
      article: 'Art. 22',
      ...expected,
    });
  });
});

describe('receiptNotice: routed + 15 days (Art. 23)', () => {
  const routedOn = (receivedOn: string, on: string, extra: Step[] = []) =>
    run(registered({ receivedOn }), [[on, cmd.assign()], ...extra]);
  it.each<[string, PetitionState, string, Expect]>([
    // Thu Mar 5 + 15 = Fri Mar 20
    [
      'plain',
      run(base, toAwaiting),
      '2026-03-06',
      { due: '2026-03-20', startOn: '2026-03-05', status: 'running', late: false },
    ],
    // Fri Feb 13 + 15 = Sat Feb 28, an adjusted working day: stays
    [
      'ending on the adjusted working Saturday after Spring Festival',
      routedOn('2026-02-12', '2026-02-13'),
      '2026-02-13',
      { due: '2026-02-28' },
    ],
    // Fri Sep 26 + 15 = Sat Oct 11, an adjusted working day: stays
    [
      'ending on the adjusted working Saturday after National Day',
      routedOn('2025-09-25', '2025-09-26'),
      '2025-09-26',
      { due: '2025-10-11' },
    ],
    // Tue Sep 16 + 15 = Wed Oct 1 (National Day, Oct 1–8 off) → Thu Oct 9
    [
      'ending on National Day 2025',
      routedOn('2025-09-15', '2025-09-16'),
      '2025-09-16',
      { due: '2025-10-09' },
    ],
    [
      'met by the written receipt notice, before acceptance',
      run(base, [...toAwaiting, ['2026-03-09', cmd.notifyReceipt()]]),
      '2026-03-10',
      { due: '2026-03-20', status: 'ended', endedOn: '2026-03-09', late: false },
    ],
    [
      'the notice, not the later acceptance, is what meets it',
      run(base, [...toAwaiting, ['2026-03-09', cmd.notifyReceipt()], ['2026-03-25', cmd.accept()]]),
      '2026-03-26',
      { due: '2026-03-20', status: 'ended', endedOn: '2026-03-09', late: false },
    ],
    [
      'met by accepting',
      run(base, toAccepted),
      '2026-03-11',
      { due: '2026-03-20', status: 'ended', endedOn: '2026-03-10', late: false },
    ],
    [
      'met late (accepted Mon Mar 23)',
      run(base, [...toAwaiting, ['2026-03-23', cmd.accept()]]),
      '2026-03-24',
      { due: '2026-03-20', status: 'ended', endedOn: '2026-03-23', late: true },
    ],
    [
      'met by declining at the unit',
      run(base, [...toAwaiting, ['2026-03-09', cmd.decline()]]),
      '2026-03-10',
      { status: 'ended', endedOn: '2026-03-09', due: '2026-03-20' },
    ],
    [
      'running past its due',
      run(base, toAwaiting),
      '2026-03-23',
      { due: '2026-03-20', status: 'running', late: true },
    ],
    // a re-routing after an approved objection starts it again: Wed Mar 11 + 15 = Thu Mar 26
    [
      'restarted by re-routing',
      run(base, [
        ...toAwaiting,
        ['2026-03-09', cmd.object()],
        ['2026-03-10', cmd.decideObjection(true)],
        ['2026-03-11', cmd.forward()],
      ]),
      '2026-03-12',
      { due: '2026-03-26', startOn: '2026-03-11', status: 'running' },
    ],
  ])('%s', (_, state, today, expected) => {
    expect(clockOf(state, 'receiptNotice', today)).toMatchObject({
      kind: 'obligation',
      article: 'Art. 23',
      ...expected,
    });
  });

  it('does not exist before routing', () => {
    expect(petitionClocks(base, clockCtx('2026-03-03')).map((c) => c.name)).toEqual(['route']);
  });
});

describe('objection: routed + 5 working days (Art. 23)', () => {
  const awaiting = run(base, toAwaiting);
  const springFestival = run(registered({ receivedOn: '2026-02-12' }), [['2026-02-13', cmd.assign()]]);
  const nationalDay = run(registered({ receivedOn: '2025-09-25' }), [['2025-09-26', cmd.assign()]]);
  it.each<[string, PetitionState, string, Expect]>([
    // Thu Mar 5: Fri 6 = 1, Mon 9 = 2, Tue 10 = 3, Wed 11 = 4, Thu 12 = 5
    ['plain, open', awaiting, '2026-03-06', { due: '2026-03-12', status: 'running', endedOn: null }],
    ['on its last day', awaiting, '2026-03-12', { due: '2026-03-12', status: 'running' }],
    [
      'lapsed: ends on its due day',
      awaiting,
      '2026-03-13',
      { due: '2026-03-12', status: 'ended', endedOn: '2026-03-12' },
    ],
    // Fri Feb 13: Sat 14 (workday) = 1; Feb 15–23 off; Tue 24 = 2, Wed 25 = 3, Thu 26 = 4, Fri 27 = 5
    ['across Spring Festival 2026', springFestival, '2026-02-14', { due: '2026-02-27', status: 'running' }],
    // Fri Sep 26: Sun 28 (workday) = 1, Mon 29 = 2, Tue 30 = 3; Oct 1–8 off; Thu Oct 9 = 4, Fri Oct 10 = 5
    ['across National Day 2025', nationalDay, '2025-09-29', { due: '2025-10-10', status: 'running' }],
    [
      'used: ends on the day the objection is raised',
      run(awaiting, [['2026-03-09', cmd.object()]]),
      '2026-03-20',
      { due: '2026-03-12', status: 'ended', endedOn: '2026-03-09' },
    ],
    [
      'ends when the unit accepts',
      run(base, toAccepted),
      '2026-03-11',
      { due: '2026-03-12', status: 'ended', endedOn: '2026-03-10' },
    ],
    // objection approved Tue Mar 10, then the office accepts the matter itself on Wed Mar 11: a new routing whose
    // window (Mar 11 → Wed Mar 18) ends on that acceptance — not on the earlier objection of Mar 9 (bug, fixed)
    [
      'after an approved objection, the office accepting itself',
      run(awaiting, [
        ['2026-03-09', cmd.object()],
        ['2026-03-10', cmd.decideObjection(true)],
        ['2026-03-11', cmd.accept()],
      ]),
      '2026-03-12',
      { due: '2026-03-18', status: 'ended', endedOn: '2026-03-11' },
    ],
    // a window is the unit's right, never "late"
    ['never late', awaiting, '2026-04-01', { due: '2026-03-12', late: false }],
  ])('%s', (_, state, today, expected) => {
    expect(clockOf(state, 'objection', today)).toMatchObject({
      kind: 'window',
      article: 'Art. 23',
      startOn: state.routedOn,
      ...expected,
    });
  });

  it('the working-day setting does not change it (it is always working days)', () => {
    expect(clockOf(awaiting, 'objection', '2026-03-06', workingDays).due).toBe('2026-03-12');
  });
});

describe('handling: accepted + 60 days (+ extension, + paused days) (Art. 33)', () => {
  const accepted = run(base, toAccepted); // Tue Mar 10
  const path = (limitSteps: Step[]) => run(base, limitSteps);
  it.each<[string, PetitionState, string, Expect]>([
    // Mar 10 + 60: Mar 11–31 = 21, Apr = 30 (51), May 1–9 = 9 (60) → Sat May 9, an adjusted working day: stays
    [
      '60 days',
      accepted,
      '2026-03-11',
      { due: '2026-05-09', startOn: '2026-03-10', status: 'running', late: false },
    ],
    ['running past its due', accepted, '2026-05-11', { due: '2026-05-09', status: 'running', late: true }],
    // + 30: May 9 + 30 = Mon Jun 8
    [
      'extended by 30',
      run(accepted, [['2026-04-30', cmd.extend(30)]]),
      '2026-05-11',
      { due: '2026-06-08', late: false },
    ],
    // + 10: May 9 + 10 = Tue May 19
    ['extended by 10', run(accepted, [['2026-04-30', cmd.extend(10)]]), '2026-05-11', { due: '2026-05-19' }],
    // paused Fri Mar 20, resumed Mon Mar 30: Mar 20–29 = 10 days not counted → May 9 + 10 = Tue May 19
    [
      'paused 10 days',
      run(accepted, [
        ['2026-03-20', cmd.pause('awaitingMaterial')],
        ['2026-03-30', cmd.resume()],
      ]),
      '2026-03-31',
      { due: '2026-05-19', status: 'running' },
    ],
    // paused Mar 20 and still paused on Wed Mar 25: Mar 20–25 = 6 days so far → May 9 + 6 = Fri May 15
    [
      'paused, still open',
      run(accepted, [['2026-03-20', cmd.pause('expertAssessment')]]),
      '2026-03-25',
      { due: '2026-05-15', status: 'paused', late: false },
    ],
    // an open pause is never late even past the original due: Mar 20 → May 11 is 53 days → May 9 + 53 = Wed Jul 1
    [
      'paused past the original due',
      run(accepted, [['2026-03-20', cmd.pause()]]),
      '2026-05-11',
      { due: '2026-07-01', status: 'paused', late: false },
    ],
    // paused Mar 20 → Mar 31 (11 days) and extended 30: 60 + 30 + 11 = 101 days → May 9 + 41 = Fri Jun 19,
    // Dragon Boat (Jun 19–21 off) → Mon Jun 22
    [
      'paused 11 days and extended 30, ending on Dragon Boat',
      run(accepted, [
        ['2026-03-20', cmd.pause()],
        ['2026-03-31', cmd.resume()],
        ['2026-04-30', cmd.extend(30)],
      ]),
      '2026-05-01',
      { due: '2026-06-22' },
    ],
    // assign limit 20 replaces 60: Mar 10 + 20 = Mon Mar 30
    [
      'assigned with a 20-day limit',
      path([
        ['2026-03-05', cmd.assign(undefined, 20)],
        ['2026-03-10', cmd.accept()],
      ]),
      '2026-03-11',
      { due: '2026-03-30' },
    ],
    // limit 20 + extension 10 = 30 days: Mar 10 + 30 = Thu Apr 9
    [
      'assigned 20 days, extended 10',
      path([
        ['2026-03-05', cmd.assign(undefined, 20)],
        ['2026-03-10', cmd.accept()],
        ['2026-03-20', cmd.extend(10)],
      ]),
      '2026-03-21',
      { due: '2026-04-09' },
    ],
    // limit 25: Mar 10 + 25 = Sat Apr 4, Qingming (Apr 4–6 off) → Tue Apr 7
    [
      'assigned with a 25-day limit, ending on Qingming',
      path([
        ['2026-03-05', cmd.assign(undefined, 25)],
        ['2026-03-10', cmd.accept()],
      ]),
      '2026-03-11',
      { due: '2026-04-07' },
    ],
    // a forwarded petition has no limit of its own
    [
      'forwarded: 60 days',
      path([
        ['2026-03-05', cmd.forward()],
        ['2026-03-10', cmd.accept()],
      ]),
      '2026-03-11',
      { due: '2026-05-09' },
    ],
    [
      'met by the reply on its due day',
      run(accepted, [['2026-05-09', cmd.reply('2026-05-11')]]),
      '2026-05-11',
      { due: '2026-05-09', status: 'ended', endedOn: '2026-05-09', late: false },
    ],
    [
      'met late',
      run(accepted, [['2026-05-11', cmd.reply()]]),
      '2026-05-12',
      { due: '2026-05-09', status: 'ended', endedOn: '2026-05-11', late: true },
    ],
    [
      'ended by diverting',
      run(accepted, [['2026-03-20', cmd.divert()]]),
      '2026-03-21',
      { status: 'ended', endedOn: '2026-03-20', due: '2026-05-09' },
    ],
  ])('%s', (_, state, today, expected) => {
    expect(clockOf(state, 'handling', today)).toMatchObject({
      kind: 'obligation',
      article: 'Art. 33',
      ...expected,
    });
  });

  /*
   * With working-day counting: 60 working days after Tue Mar 10:
   *   Mar 11–13 = 3, Mar 16–20 = 8, 23–27 = 13, Mar 30–31 = 15, Apr 1–3 = 18, (Apr 4–6 Qingming off),
   *   Apr 7–10 = 22, 13–17 = 27, 20–24 = 32, 27–30 = 36, (May 1–5 off), May 6–8 = 39, Sat May 9 (workday) = 40,
   *   May 11–15 = 45, 18–22 = 50, 25–29 = 55, Jun 1–5 = 60 → Fri Jun 5.
   */
  it('the working-day setting changes the handling due (May 9 → Jun 5)', () => {
    expect(clockOf(accepted, 'handling', '2026-03-11').due).toBe('2026-05-09');
    expect(clockOf(accepted, 'handling', '2026-03-11', workingDays).due).toBe('2026-06-05');
  });

  // and the route clock too: Mon Mar 2 + 15 working days: Mar 3–6 = 4, 9–13 = 9, 16–20 = 14, Mon Mar 23 = 15
  it('the working-day setting changes the route due (Mar 17 → Mar 23)', () => {
    expect(clockOf(base, 'route', '2026-03-03', workingDays).due).toBe('2026-03-23');
  });

  it('extending on the due day is judged with the working-day setting too', () => {
    // On Mon May 11 the calendar-day due (May 9) has passed but the working-day due (Jun 5) has not.
    expect(() => run(accepted, [['2026-05-11', cmd.extend(30)]])).toThrow(/handlingDeadlinePassed/);
    expect(run(accepted, [['2026-05-11', cmd.extend(30)]], workingDays).extensionDays).toBe(30);
  });
});

describe('review and re-review (Arts. 35, 36)', () => {
  const concluded = run(base, toConcluded); // reply delivered Fri May 22
  const underReview = run(base, toClosed.slice(0, 6)); // requested Wed Jun 10
  const reviewed = run(base, toClosed.slice(0, 7)); // decided and delivered Mon Jul 6
  const underReReview = run(base, toClosed.slice(0, 8)); // requested Mon Jul 20
  const repliedOn = (on: string, deliveredOn?: string) =>
    run(base, [...toAccepted, [on, cmd.reply(deliveredOn)]]);

  it.each<[string, string, PetitionState, string, Expect]>([
    // delivered Fri May 22 + 30 = Sun Jun 21 → Mon Jun 22
    [
      'reviewRequest',
      'window open',
      concluded,
      '2026-06-01',
      { due: '2026-06-22', startOn: '2026-05-22', status: 'running' },
    ],
    ['reviewRequest', 'on its last day', concluded, '2026-06-22', { due: '2026-06-22', status: 'running' }],
    [
      'reviewRequest',
      'lapsed: ends on its due day',
      concluded,
      '2026-06-23',
      { due: '2026-06-22', status: 'ended', endedOn: '2026-06-22' },
    ],
    [
      'reviewRequest',
      'used',
      underReview,
      '2026-06-11',
      { due: '2026-06-22', status: 'ended', endedOn: '2026-06-10' },
    ],
    // issued Thu Apr 16, delivered Mon Apr 20: counted from delivery, Apr 20 + 30 = Wed May 20
    [
      'reviewRequest',
      'counted from delivery, not issue',
      repliedOn('2026-04-16', '2026-04-20'),
      '2026-04-21',
      { due: '2026-05-20', startOn: '2026-04-20' },
    ],
    // delivered Wed Apr 1 + 30 = Fri May 1, Labour Day (May 1–5 off) → Wed May 6
    ['reviewRequest', 'ending on Labour Day', repliedOn('2026-04-01'), '2026-04-02', { due: '2026-05-06' }],
    ['reviewRequest', 'a window is never late', concluded, '2026-07-01', { late: false, due: '2026-06-22' }],
    // requested Wed Jun 10 + 30 = Fri Jul 10
    [
      'review',
      'decision due',
      underReview,
      '2026-06-11',
      { due: '2026-07-10', startOn: '2026-06-10', status: 'running', kind: 'obligation' },
    ],
    ['review', 'running past its due', underReview, '2026-07-13', { due: '2026-07-10', late: true }],
    [
      'review',
      'met',
      reviewed,
      '2026-07-07',
      { due: '2026-07-10', status: 'ended', endedOn: '2026-07-06', late: false },
    ],
    // hearing Mon Jun 15 → Thu Jun 25: Jun 15–24 = 10 days not counted → Jul 10 + 10 = Mon Jul 20
    [
      'review',
      'with a 10-day hearing',
      run(underReview, [
        ['2026-06-15', cmd.pause('hearing')],
        ['2026-06-25', cmd.resume()],
      ]),
      '2026-06-26',
      { due: '2026-07-20', status: 'running' },
    ],
    // a decision on Jul 17 after that hearing is on time (it would be late without the pause)
    [
      'review',
      'met after a hearing',
      run(underReview, [
        ['2026-06-15', cmd.pause('hearing')],
        ['2026-06-25', cmd.resume()],
        ['2026-07-17', cmd.decideReview()],
      ]),
      '2026-07-20',
      { due: '2026-07-20', status: 'ended', late: false },
    ],
    [
      'review',
      'met late without a hearing',
      run(underReview, [['2026-07-17', cmd.decideReview()]]),
      '2026-07-20',
      { due: '2026-07-10', status: 'ended', late: true },
    ],
    // a request dated Mon Jun 22 (in the window) and recorded Thu Jun 25: Jun 22 + 30 = Wed Jul 22
    [
      'review',
      'counted from the request date',
      run(concluded, [['2026-06-25', cmd.requestReview(undefined, '2026-06-22')]]),
      '2026-06-25',
      { due: '2026-07-22', startOn: '2026-06-22' },
    ],
    // review delivered Mon Jul 6 + 30 = Wed Aug 5
    [
      'reReviewRequest',
      'window open',
      reviewed,
      '2026-07-07',
      { due: '2026-08-05', startOn: '2026-07-06', status: 'running', kind: 'window' },
    ],
    [
      'reReviewRequest',
      'lapsed',
      reviewed,
      '2026-08-06',
      { due: '2026-08-05', status: 'ended', endedOn: '2026-08-05' },
    ],
    [
      'reReviewRequest',
      'used',
      underReReview,
      '2026-07-21',
      { due: '2026-08-05', status: 'ended', endedOn: '2026-07-20' },
    ],
    // requested Mon Jul 20 + 30 = Wed Aug 19
    [
      'reReview',
      'decision due',
      underReReview,
      '2026-07-21',
      { due: '2026-08-19', startOn: '2026-07-20', status: 'running' },
    ],
    // hearing from Mon Jul 27, still open on Mon Aug 3: Jul 27–Aug 3 = 8 days → Aug 19 + 8 = Thu Aug 27
    [
      'reReview',
      'hearing in progress',
      run(underReReview, [['2026-07-27', cmd.pause('hearing')]]),
      '2026-08-03',
      { due: '2026-08-27', status: 'paused', late: false },
    ],
    // hearing Jul 27 → Aug 10: 14 days → Aug 19 + 14 = Wed Sep 2; decided Aug 20: on time
    [
      'reReview',
      'decided after a 14-day hearing',
      run(underReReview, [
        ['2026-07-27', cmd.pause('hearing')],
        ['2026-08-10', cmd.resume()],
        ['2026-08-20', cmd.decideReReview()],
      ]),
      '2026-08-21',
      { due: '2026-09-02', status: 'ended', endedOn: '2026-08-20', late: false },
    ],
    [
      'reReview',
      'decided late without a hearing',
      run(underReReview, [['2026-08-20', cmd.decideReReview()]]),
      '2026-08-21',
      { due: '2026-08-19', status: 'ended', late: true },
    ],
  ])('%s: %s', (name, _, state, today, expected) => {
    expect(clockOf(state, name, today)).toMatchObject(expected);
  });

  it('a pause of the review clock does not move the re-review clock, and vice versa', () => {
    const s = run(underReview, [
      ['2026-06-15', cmd.pause('hearing')],
      ['2026-06-25', cmd.resume()],
      ['2026-07-06', cmd.decideReview()],
      ['2026-07-20', cmd.requestReReview()],
    ]);
    expect(clockOf(s, 'reReview', '2026-07-21').due).toBe('2026-08-19');
    expect(clockOf(s, 'handling', '2026-07-21').due).toBe('2026-06-08');
  });
});

describe('supervision: issued + answerDays, default 30 (Art. 40)', () => {
  const accepted = run(base, toAccepted);
  it.each<[string, Step[], string, Expect]>([
    // Thu Mar 12 + 30 = Sat Apr 11 → Mon Apr 13
    [
      'default 30 days',
      [['2026-03-12', cmd.supervise('s1')]],
      '2026-03-13',
      { due: '2026-04-13', status: 'running', late: false },
    ],
    // Thu Mar 12 + 10 = Sun Mar 22 → Mon Mar 23
    ['10 days', [['2026-03-12', cmd.supervise('s1', 10)]], '2026-03-13', { due: '2026-03-23' }],
    // Fri Mar 20 + 15 = Sat Apr 4, Qingming (Apr 4–6 off) → Tue Apr 7
    [
      '15 days ending on Qingming',
      [['2026-03-20', cmd.supervise('s1', 15)]],
      '2026-03-21',
      { due: '2026-04-07' },
    ],
    [
      'answered in time',
      [
        ['2026-03-12', cmd.supervise('s1', 10)],
        ['2026-03-23', cmd.answerSupervision('s1')],
      ],
      '2026-03-24',
      { due: '2026-03-23', status: 'ended', endedOn: '2026-03-23', late: false },
    ],
    [
      'answered late',
      [
        ['2026-03-12', cmd.supervise('s1', 10)],
        ['2026-03-24', cmd.answerSupervision('s1')],
      ],
      '2026-03-24',
      { due: '2026-03-23', status: 'ended', late: true },
    ],
    [
      'unanswered past its due',
      [['2026-03-12', cmd.supervise('s1', 10)]],
      '2026-03-24',
      { due: '2026-03-23', status: 'running', late: true },
    ],
    // a pause of the handling clock does not pause a supervision
    [
      'not paused by a handling pause',
      [
        ['2026-03-12', cmd.supervise('s1', 10)],
        ['2026-03-13', cmd.pause()],
      ],
      '2026-03-16',
      { due: '2026-03-23', status: 'running' },
    ],
  ])('%s', (_, steps, today, expected) => {
    expect(clockOf(run(accepted, steps), 'supervision:s1', today)).toMatchObject({
      kind: 'obligation',
      article: 'Art. 40',
      ...expected,
    });
  });

  it('does not run against a unit the petition has since been found to accuse', () => {
    // The county office was supervised for not routing it, routed it, then the petition was corrected to an
    // accusation whose words accuse that office: it may no longer see the petition, so cannot answer.
    const s = run(registered(), [
      ['2026-03-03', cmd.supervise('s1')],
      ['2026-03-04', cmd.assign(laborBureau)],
      ['2026-03-05', { ...cmd.reclassify('labor', 'accusation'), respondentUnitIds: ['county-office'] } as ProcessCommand],
    ]);
    expect(petitionClocks(s, clockCtx('2026-05-01')).map((c) => c.name)).not.toContain('supervision:s1');
    // A claim keeps it running.
    const claim = run(registered(), [['2026-03-03', cmd.supervise('s1')], ['2026-03-04', cmd.assign(laborBureau)]]);
    expect(clockOf(claim, 'supervision:s1', '2026-05-01')).toMatchObject({ status: 'running', late: true });
  });

  it('still runs after the petition is closed, until answered', () => {
    const s = run(base, [
      ...toClosed.slice(0, 8),
      ['2026-08-03', cmd.supervise('s1')],
      ['2026-08-10', cmd.decideReReview()],
    ]);
    // Mon Aug 3 + 30 = Wed Sep 2
    expect(clockOf(s, 'supervision:s1', '2026-08-11')).toMatchObject({
      due: '2026-09-02',
      status: 'running',
    });
    expect(openDeadlines(s, clockCtx('2026-08-11'))).toEqual({ 'supervision:s1': '2026-09-02' });
  });
});

describe('all clocks of the main path', () => {
  it('a closed petition has had every clock, in process order, all ended', () => {
    const closed = run(base, toClosed);
    expect(petitionClocks(closed, clockCtx('2026-08-11'))).toEqual([
      {
        name: 'route',
        kind: 'obligation',
        article: 'Art. 22',
        startOn: '2026-03-02',
        due: '2026-03-17',
        status: 'ended',
        endedOn: '2026-03-05',
        late: false,
      },
      {
        name: 'receiptNotice',
        kind: 'obligation',
        article: 'Art. 23',
        startOn: '2026-03-05',
        due: '2026-03-20',
        status: 'ended',
        endedOn: '2026-03-10',
        late: false,
      },
      {
        name: 'objection',
        kind: 'window',
        article: 'Art. 23',
        startOn: '2026-03-05',
        due: '2026-03-12',
        status: 'ended',
        endedOn: '2026-03-10',
        late: false,
      },
      {
        name: 'handling',
        kind: 'obligation',
        article: 'Art. 33',
        startOn: '2026-03-10',
        due: '2026-06-08',
        status: 'ended',
        endedOn: '2026-05-20',
        late: false,
      },
      {
        name: 'reviewRequest',
        kind: 'window',
        article: 'Art. 35',
        startOn: '2026-05-22',
        due: '2026-06-22',
        status: 'ended',
        endedOn: '2026-06-10',
        late: false,
      },
      {
        name: 'review',
        kind: 'obligation',
        article: 'Art. 35',
        startOn: '2026-06-10',
        due: '2026-07-10',
        status: 'ended',
        endedOn: '2026-07-06',
        late: false,
      },
      {
        name: 'reReviewRequest',
        kind: 'window',
        article: 'Art. 36',
        startOn: '2026-07-06',
        due: '2026-08-05',
        status: 'ended',
        endedOn: '2026-07-20',
        late: false,
      },
      {
        name: 'reReview',
        kind: 'obligation',
        article: 'Art. 36',
        startOn: '2026-07-20',
        due: '2026-08-19',
        status: 'ended',
        endedOn: '2026-08-10',
        late: false,
      },
    ]);
    expect(openDeadlines(closed, clockCtx('2026-08-11'))).toEqual({});
    expect(nextDue(closed, clockCtx('2026-08-11'))).toBeNull();
  });
});

describe('openDeadlines and nextDue', () => {
  const awaiting = run(base, toAwaiting);
  const accepted = run(base, toAccepted);
  const pausedAccepted = run(accepted, [['2026-03-20', cmd.pause()]]);
  it.each<[string, PetitionState, string, Record<string, string>, string | null]>([
    ['registered', base, '2026-03-03', { route: '2026-03-17' }, '2026-03-17'],
    // the objection window (Mar 12) is listed but is not an obligation, so nextDue is the receipt notice
    [
      'awaiting acceptance',
      awaiting,
      '2026-03-06',
      { receiptNotice: '2026-03-20', objection: '2026-03-12' },
      '2026-03-20',
    ],
    [
      'awaiting acceptance, objection window lapsed',
      awaiting,
      '2026-03-13',
      { receiptNotice: '2026-03-20' },
      '2026-03-20',
    ],
    // a supervision issued Fri Mar 6 with 10 days: Mar 16 (Mon) comes first
    [
      'awaiting acceptance, supervised',
      run(awaiting, [['2026-03-06', cmd.supervise('s1', 10)]]),
      '2026-03-06',
      { receiptNotice: '2026-03-20', objection: '2026-03-12', 'supervision:s1': '2026-03-16' },
      '2026-03-16',
    ],
    // a late obligation is still the next due (overdue is "due before today")
    [
      'awaiting acceptance, notice overdue',
      awaiting,
      '2026-03-25',
      { receiptNotice: '2026-03-20' },
      '2026-03-20',
    ],
    ['accepted', accepted, '2026-03-11', { handling: '2026-05-09' }, '2026-05-09'],
    // paused: listed (its due moves each day: Mar 20–25 = 6 days → May 15), but not the next due
    ['accepted, paused', pausedAccepted, '2026-03-25', { handling: '2026-05-15' }, null],
    [
      'accepted, paused, supervised',
      run(pausedAccepted, [['2026-03-23', cmd.supervise('s1')]]),
      '2026-03-25',
      // Mon Mar 23 + 30 = Wed Apr 22
      { handling: '2026-05-15', 'supervision:s1': '2026-04-22' },
      '2026-04-22',
    ],
    // a notice to the office, which has routed the petition since: the office's to answer, not the holder's deadline
    [
      'routed after a notice to its registering office',
      run(base, [['2026-03-03', cmd.supervise('s1', 5)], ...toAwaiting]),
      '2026-03-06',
      { receiptNotice: '2026-03-20', objection: '2026-03-12', 'supervision:s1': '2026-03-09' },
      '2026-03-20',
    ],
    // … and one to the holder, the next due again
    [
      'routed, then the holder supervised',
      run(base, [['2026-03-03', cmd.supervise('s1', 5)], ...toAwaiting, ['2026-03-06', cmd.supervise('s2', 5)]]),
      '2026-03-06',
      { receiptNotice: '2026-03-20', objection: '2026-03-12', 'supervision:s1': '2026-03-09', 'supervision:s2': '2026-03-11' },
      '2026-03-11',
    ],
    // concluded: only the petitioner's review window is open, and it is not an obligation
    ['concluded', run(base, toConcluded), '2026-05-26', { reviewRequest: '2026-06-22' }, null],
    ['concluded, window lapsed', run(base, toConcluded), '2026-06-23', {}, null],
    ['declined at the unit', run(awaiting, [['2026-03-09', cmd.decline()]]), '2026-03-10', {}, null],
    ['diverted while paused', run(pausedAccepted, [['2026-03-23', cmd.divert()]]), '2026-03-25', {}, null],
  ])('%s', (_, state, today, deadlines, next) => {
    expect(openDeadlines(state, clockCtx(today))).toEqual(deadlines);
    expect(nextDue(state, clockCtx(today))).toBe(next);
  });
});

describe('clock invariants over many petitions and days', () => {
  const paths: Step[][] = [
    [],
    toAwaiting,
    [...toAwaiting, ['2026-03-09', cmd.object()]],
    [...toAwaiting, ['2026-03-09', cmd.object()], ['2026-03-10', cmd.decideObjection(true)]],
    [
      ...toAwaiting,
      ['2026-03-09', cmd.object()],
      ['2026-03-10', cmd.decideObjection(true)],
      ['2026-03-11', cmd.forward()],
    ],
    [...toAwaiting, ['2026-03-09', cmd.object()], ['2026-03-10', cmd.decideObjection(false)]],
    // the office accepts the matter itself after the unit's objection was approved
    [
      ...toAwaiting,
      ['2026-03-09', cmd.object()],
      ['2026-03-10', cmd.decideObjection(true)],
      ['2026-03-11', cmd.accept()],
    ],
    [...toAwaiting, ['2026-03-09', cmd.decline()]],
    [...toAccepted, ['2026-03-20', cmd.pause()]],
    [...toAccepted, ['2026-03-20', cmd.pause()], ['2026-03-23', cmd.divert()]],
    ...toClosed.map((_, i) => toClosed.slice(0, i + 1)),
  ];
  const days = ['2026-03-12', '2026-03-31', '2026-06-01', '2026-09-30'];
  const cases = paths.flatMap((steps) =>
    days.map(
      (today) =>
        [steps.map(([on, c]) => `${on} ${c.type}`).join(', ') || 'registered', today, steps] as const,
    ),
  );

  it.each(cases)('[%s] on %s', (_, today, steps) => {
    const s = run(
      base,
      steps.filter(([on]) => compareDates(on, today) <= 0),
    );
    for (const c of petitionClocks(s, clockCtx(today))) {
      expect(compareDates(c.due, c.startOn), `${c.name} due before start`).toBeGreaterThan(0);
      expect(c.status === 'ended', `${c.name} status vs endedOn`).toBe(c.endedOn !== null);
      if (c.endedOn !== null) {
        expect(compareDates(c.endedOn, c.startOn), `${c.name} ends before it starts`).toBeGreaterThanOrEqual(
          0,
        );
        expect(compareDates(c.endedOn, today), `${c.name} ends in the future`).toBeLessThanOrEqual(0);
      }
      if (c.kind === 'window') expect(c.late).toBe(false);
    }
  });
});

describe('the reason a notice about a lapsed deadline gives', () => {
  it('is 未按规定转送、交办 for the routing deadline while the petition waits to be routed, lateness otherwise', () => {
    expect(supervisionReasonFor('route', { status: 'registered' })).toBe('unrouted');
    // The office accepted it itself, past the routing deadline: it no longer waits to be routed.
    expect(supervisionReasonFor('route', { status: 'accepted' })).toBe('late');
    for (const clock of ['receiptNotice', 'handling', 'review', 'reReview', 'jointConference'])
      expect(supervisionReasonFor(clock, { status: 'registered' })).toBe('late');
    expect(supervisionReasonsFor({ status: 'registered' })).toContain('unrouted');
    expect(supervisionReasonsFor({ status: 'awaitingAcceptance' })).toEqual(['late', 'evasive', 'improper']);
  });
});
