import { describe, it, expect } from 'vitest';
import {
  computeDue,
  createCalendar,
  daysLeft,
  isOverdue,
  officialHolidays,
  type ClockSettings,
  type Pause,
} from '../../src/clocks';

const calendar = createCalendar(officialHolidays);
const calendarDays: ClockSettings = { dayCounting: 'calendar' };
const workingDays: ClockSettings = { dayCounting: 'working' };

describe('computeDue, calendar days', () => {
  it.each([
    // 15 days (Art. 22/23): day 1 = Mar 3, day 15 = Mar 17 (Tuesday)
    ['15 days, plain', '2026-03-02', 15, '2026-03-17'],
    // 60 days (Art. 32): Jun 2–30 is 29 days, Jul 1–31 is 31 more → Jul 31 (Friday)
    ['60 days, plain', '2026-06-01', 60, '2026-07-31'],
    // 30 days (Art. 35): Apr 15 (Wed) + 30 = May 15 (Friday)
    ['30 days, plain', '2026-04-15', 30, '2026-05-15'],
    // 60 days from Mar 2 end on May 1, 劳动节 (May 1–5 off) → Wednesday May 6
    ['60 days ending on 劳动节', '2026-03-02', 60, '2026-05-06'],
    // Feb 1 + 15 = Feb 16, inside Spring Festival (Feb 15–23) → Tuesday Feb 24
    ['15 days ending in 春节 2026', '2026-02-01', 15, '2026-02-24'],
    // Sep 16 + 15 = Oct 1, National Day 2025 (Oct 1–8) → Thursday Oct 9
    ['15 days ending on 国庆 2025', '2025-09-16', 15, '2025-10-09'],
    // Mar 6 + 15 = Mar 21, a Saturday → Monday Mar 23
    ['ending on a Saturday', '2026-03-06', 15, '2026-03-23'],
    // Mar 7 + 15 = Mar 22, a Sunday → Monday Mar 23
    ['ending on a Sunday', '2026-03-07', 15, '2026-03-23'],
    // Jan 30 + 15 = Feb 14, a Saturday that is an adjusted workday: stays
    ['ending on adjusted Saturday 2026-02-14', '2026-01-30', 15, '2026-02-14'],
    // Sep 26 + 15 = Oct 11, a Saturday that is an adjusted workday: stays
    ['ending on adjusted Saturday 2025-10-11', '2025-09-26', 15, '2025-10-11'],
    // Dec 17 + 15 = Jan 1 2027 (provisional 元旦, Friday), then Jan 2–3 weekend → Monday Jan 4
    ['ending on 元旦 2027 (provisional)', '2026-12-17', 15, '2027-01-04'],
    // a start on a holiday changes nothing: Feb 17 + 15 = Mar 4 (Wednesday)
    ['starting on a holiday', '2026-02-17', 15, '2026-03-04'],
    // length 0: the start day itself, rolled forward (Mar 7 is a Saturday)
    ['length 0', '2026-03-07', 0, '2026-03-09'],
  ])('%s: %s + %i days → %s', (_name, start, length, due) => {
    expect(computeDue({ start, length, unit: 'days', settings: calendarDays, calendar })).toEqual({
      due,
      paused: false,
    });
  });

  it('years without holiday data only roll over weekends', () => {
    const bare = createCalendar({ years: {} });
    // 2030-01-01 (Tue) + 15 = Jan 16 (Wednesday)
    expect(
      computeDue({ start: '2030-01-01', length: 15, unit: 'days', settings: calendarDays, calendar: bare }),
    ).toEqual({
      due: '2030-01-16',
      paused: false,
    });
    // 2026-02-01 + 15 = Feb 16: a Monday, working without data
    expect(
      computeDue({ start: '2026-02-01', length: 15, unit: 'days', settings: calendarDays, calendar: bare })
        .due,
    ).toBe('2026-02-16');
  });
});

describe('computeDue, working days', () => {
  it.each<[string, string, number, 'days' | 'workingDays', ClockSettings, string]>([
    // 5 working days (Art. 23 objection) from Thu Feb 12 2026: Feb 13 (1), Sat Feb 14 adjusted (2),
    // Feb 15–23 off, Feb 24 (3), Feb 25 (4), Feb 26 (5)
    ['5 working days over 春节 2026', '2026-02-12', 5, 'workingDays', calendarDays, '2026-02-26'],
    // from Fri Sep 26 2025: Sat 27 off, Sun 28 adjusted (1), Sep 29 (2), Sep 30 (3), Oct 1–8 off, Oct 9 (4), Oct 10 (5)
    ['5 working days over 国庆 2025', '2025-09-26', 5, 'workingDays', calendarDays, '2025-10-10'],
    // from Fri Mar 6 2026: Mar 9–13 → Friday Mar 13
    ['5 working days, plain week', '2026-03-06', 5, 'workingDays', calendarDays, '2026-03-13'],
    // from Sat Mar 7: Mar 9–13
    ['5 working days from a Saturday', '2026-03-07', 5, 'workingDays', calendarDays, '2026-03-13'],
    // unit 'days' under the working-day setting: from Mon Mar 2, 15 working days: Mar 3–6 (4), 9–13 (9),
    // 16–20 (14), Mar 23 (15)
    ['15 days counted as working days', '2026-03-02', 15, 'days', workingDays, '2026-03-23'],
    // from Tue Mar 31 2026: Apr 1 (1), 2 (2), 3 (3), Apr 4–6 清明 off, Apr 7 (4), Apr 8 (5)
    ['5 days counted as working days over 清明 2026', '2026-03-31', 5, 'days', workingDays, '2026-04-08'],
    // unit 'workingDays' ignores the setting: same as above
    ['workingDays under the working setting', '2026-03-31', 5, 'workingDays', workingDays, '2026-04-08'],
  ])('%s', (_name, start, length, unit, settings, due) => {
    expect(computeDue({ start, length, unit, settings, calendar })).toEqual({ due, paused: false });
  });
});

describe('computeDue with pauses', () => {
  const base = { start: '2026-03-02', length: 15, unit: 'days' as const, settings: calendarDays, calendar };
  // Without pauses: Mar 17 (Tuesday).

  it.each<[string, Pause[], string]>([
    // Mar 5, 6, 7 not counted: Mar 3 (1), 4 (2), 8 (3) … Mar 20 (15), a Friday
    ['closed pause of 3 days', [{ from: '2026-03-05', to: '2026-03-08', reason: 'hearing' }], '2026-03-20'],
    // begun before the start: only Mar 3 falls inside [Feb 25, Mar 4): Mar 4 (1) … Mar 18 (15)
    [
      'pause begun before the start',
      [{ from: '2026-02-25', to: '2026-03-04', reason: 'awaitingMaterial' }],
      '2026-03-18',
    ],
    // an empty pause changes nothing
    ['empty pause (to = from)', [{ from: '2026-03-05', to: '2026-03-05', reason: 'hearing' }], '2026-03-17'],
    // a pause after the period ends changes nothing
    ['pause after the due date', [{ from: '2026-03-18', to: '2026-03-25', reason: 'hearing' }], '2026-03-17'],
    // Mar 5–7 and Mar 12–13 not counted: Mar 3, 4, 8, 9, 10, 11 (6), 14 (7) … Mar 22 (15), a Sunday → Mar 23
    [
      'two pauses, then a Sunday',
      [
        { from: '2026-03-05', to: '2026-03-08', reason: 'hearing' },
        { from: '2026-03-12', to: '2026-03-14', reason: 'expertAssessment' },
      ],
      '2026-03-23',
    ],
  ])('%s → %s', (_name, pauses, due) => {
    expect(computeDue({ ...base, pauses })).toEqual({ due, paused: false });
  });

  it.each([
    // open since Mar 5, as of Mar 10: Mar 5–10 (6 days) not counted; Mar 3 (1), 4 (2), 11 (3) … Mar 23 (15), a Monday
    ['2026-03-10', '2026-03-23'],
    // as of Mar 12: Mar 5–12 (8 days) not counted; Mar 13 (3) … Mar 25 (15), a Wednesday
    ['2026-03-12', '2026-03-25'],
    // as of Mar 5 (the day it opened): only Mar 5 not counted → Mar 18
    ['2026-03-05', '2026-03-18'],
  ])('open pause from 2026-03-05 as of %s → %s, paused', (asOf, due) => {
    const pauses: Pause[] = [{ from: '2026-03-05', reason: 'awaitingMaterial' }];
    expect(computeDue({ ...base, pauses, asOf })).toEqual({ due, paused: true });
  });

  it('an open pause that starts after asOf does not stop the clock yet', () => {
    const pauses: Pause[] = [{ from: '2026-03-20', reason: 'hearing' }];
    expect(computeDue({ ...base, pauses, asOf: '2026-03-10' })).toEqual({ due: '2026-03-17', paused: false });
  });

  it('pauses also stop working-day clocks', () => {
    // 5 working days from Fri Mar 6, paused [Mar 10, Mar 12): Mar 9 (1), 12 (2), 13 (3), 16 (4), 17 (5)
    const pauses: Pause[] = [{ from: '2026-03-10', to: '2026-03-12', reason: 'hearing' }];
    expect(
      computeDue({
        start: '2026-03-06',
        length: 5,
        unit: 'workingDays',
        settings: calendarDays,
        calendar,
        pauses,
      }),
    ).toEqual({ due: '2026-03-17', paused: false });
  });

  it('requires asOf when a pause is open', () => {
    expect(() => computeDue({ ...base, pauses: [{ from: '2026-03-05', reason: 'hearing' }] })).toThrow(
      /asOf is required/,
    );
  });

  it('rejects a pause ending before it starts', () => {
    expect(() =>
      computeDue({ ...base, pauses: [{ from: '2026-03-05', to: '2026-03-04', reason: 'hearing' }] }),
    ).toThrow(/pauses\[0\] ends/);
  });
});

describe('computeDue input checks', () => {
  const base = { start: '2026-03-02', length: 15, unit: 'days' as const, settings: calendarDays, calendar };
  it.each([
    ['bad start', { start: '2026-02-30' }, /start/],
    ['negative length', { length: -1 }, /length/],
    ['fractional length', { length: 1.5 }, /length/],
    ['bad asOf', { asOf: '2026-3-1' }, /asOf/],
    [
      'bad pause date',
      { pauses: [{ from: '2026-13-01', to: '2026-03-05', reason: 'hearing' as const }] },
      /pauses\[0\]\.from/,
    ],
  ])('rejects %s', (_name, patch, message) => {
    expect(() => computeDue({ ...base, ...patch })).toThrow(message);
  });
});

describe('isOverdue and daysLeft', () => {
  it.each([
    ['2026-03-17', '2026-03-10', false, 7],
    ['2026-03-17', '2026-03-17', false, 0], // the due day itself is on time
    ['2026-03-17', '2026-03-18', true, -1],
    ['2026-03-02', '2026-02-27', false, 3], // Feb 2026 has 28 days
    ['2026-01-04', '2025-12-31', false, 4],
    ['2025-12-31', '2026-01-04', true, -4],
  ])('due %s, today %s: overdue %s, %i days left', (due, today, overdue, left) => {
    expect(isOverdue(due, today)).toBe(overdue);
    expect(daysLeft(due, today)).toBe(left);
  });
});
