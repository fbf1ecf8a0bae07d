/** A calendar date in China (Asia/Shanghai, UTC+8, no DST), `YYYY-MM-DD`. Deadlines are whole days. */
export type IsoDate = string;

/** How the law's "N days" are counted. The regulations don't say; calendar days is the default. */
export type DayCounting = 'calendar' | 'working';

export interface ClockSettings {
  dayCounting: DayCounting;
}

export interface Calendar {
  /** True on a working day: Monday–Friday unless an official holiday, plus adjusted working Saturdays/Sundays. */
  isWorkingDay(date: IsoDate): boolean;
  /** True on an official public holiday (not on an ordinary weekend). */
  isHoliday(date: IsoDate): boolean;
  /** The years the calendar has official data for (published arrangements; provisional years excluded). */
  years(): number[];
  /**
   * The years whose data is provisional (statutory days only, pending the State Council's arrangement): the app
   * should say that deadlines in these years may move once the official arrangement is imported.
   */
  provisionalYears(): number[];
}

/** China's published holiday arrangements, in the shape of `../shared/data/holidays-cn.json`. */
export interface HolidayData {
  years: Record<string, { holidays: IsoDate[]; workdays: IsoDate[]; provisional?: boolean }>;
}

/** A span of days that does not count towards a clock (a hearing; waiting for the petitioner's material). */
export interface Pause {
  from: IsoDate;
  /** The day the clock runs again; absent while the pause is open. Days in [from, to) are not counted. */
  to?: IsoDate;
  reason: PauseReason;
}

export type PauseReason = 'hearing' | 'awaitingMaterial' | 'expertAssessment';
