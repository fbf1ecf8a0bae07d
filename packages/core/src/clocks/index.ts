export type { Calendar, ClockSettings, DayCounting, HolidayData, IsoDate, Pause, PauseReason } from './types';
export {
  addDays,
  assertIsoDate,
  chinaDate,
  compareDates,
  daysBetween,
  endOfChinaDay,
  fromDayNumber,
  isIsoDate,
  maxDate,
  minDate,
  startOfChinaDay,
  toDayNumber,
  weekday,
} from './date';
export { createCalendar, HolidayDataError, mergeHolidayData, parseHolidayData } from './calendar';
export { officialHolidays } from './holidays';
export { computeDue, daysLeft, isOverdue } from './deadline';
export type { DueInput, DueResult } from './deadline';
