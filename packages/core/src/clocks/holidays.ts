import type { HolidayData } from './types';

/**
 * China's official holiday arrangements (国务院办公厅关于部分节假日安排的通知), shipped with the app.
 * `holidays`: official days off, including weekend days inside a holiday block; `workdays`: Saturdays and Sundays
 * that are official working days (调休上班). Newer arrangements are imported at run time (parseHolidayData +
 * mergeHolidayData), so this table only needs the current and the next year.
 *
 * 2025 and 2026 are copied exactly from shared/data/holidays-cn.json: the State Council General Office notices on
 * the arrangements for 2025 (国务院办公厅关于2025年部分节假日安排的通知, issued 2024-11-12) and 2026
 * (国务院办公厅关于2026年部分节假日安排的通知, issued 2025-11-04). Dates are grouped by month (hence prettier-ignore)
 * to make checking them against the notices easy.
 */
// prettier-ignore
export const officialHolidays: HolidayData = {
  years: {
    '2025': {
      holidays: [
        '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
        '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
        '2025-04-04', '2025-04-05', '2025-04-06',
        '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-31',
        '2025-06-01', '2025-06-02',
        '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07',
        '2025-10-08',
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    '2026': {
      holidays: [
        '2026-01-01', '2026-01-02', '2026-01-03',
        '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21',
        '2026-02-22', '2026-02-23',
        '2026-04-04', '2026-04-05', '2026-04-06',
        '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
        '2026-06-19', '2026-06-20', '2026-06-21',
        '2026-09-25', '2026-09-26', '2026-09-27',
        '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
      ],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
    /*
     * PROVISIONAL — must be replaced by the official arrangement (国务院办公厅关于2027年部分节假日安排的通知, expected
     * around November 2026) via the holiday import. That notice was not found when this table was written, so 2027
     * holds only the statutory holidays of the 全国年节及纪念日放假办法 as revised in 2024 (元旦 1 day, 春节 4, 清明 1,
     * 劳动节 2, 端午 1, 中秋 1, 国庆 3) and no adjusted workdays. The real arrangement is expected to add bridge days,
     * 补休 for statutory days falling on a weekend (Feb 6–7, May 1–2, Oct 2–3 2027) and 调休 working weekends.
     *   元旦 Jan 1 (Fri).
     *   春节: 正月初一 = Feb 6 (Sat), so 除夕 (the last day of the lunar year) = Feb 5 (Fri); 除夕–初三 = Feb 5–8.
     *   清明 (solar term, sun at 15°): Apr 5 (Mon).
     *   劳动节 May 1–2 (Sat–Sun).
     *   端午 (五月初五): the fifth lunar month begins with the new moon of Jun 5 (Beijing time) → Jun 9 (Wed).
     *   中秋 (八月十五): the eighth lunar month begins with the new moon of Sep 1 → Sep 15 (Wed).
     *   国庆 Oct 1–3 (Fri–Sun).
     */
    '2027': {
      holidays: [
        '2027-01-01',
        '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08',
        '2027-04-05',
        '2027-05-01', '2027-05-02',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01', '2027-10-02', '2027-10-03',
      ],
      workdays: [],
      provisional: true,
    },
  },
};
