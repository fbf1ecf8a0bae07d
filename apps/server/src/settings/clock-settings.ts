import {
  chinaDate,
  createCalendar,
  mergeHolidayData,
  officialHolidays,
  parseHolidayData,
  type Calendar,
  type ClockContext,
  type ClockSettings,
  type DayCounting,
  type HolidayData,
} from '@qiao/core';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

const HOLIDAYS_KEY = 'holidays';
const COUNTING_KEY = 'dayCounting';

/**
 * The calendar and counting mode every clock uses: shipped holidays merged with imported ones, and the day
 * counting setting. Loaded at start and after an admin changes them, so a request never reads them twice.
 */
export class ClockSettingsStore {
  private calendar: Calendar = createCalendar(officialHolidays);
  private clockSettings: ClockSettings;
  private imported: HolidayData = { years: {} };

  constructor(
    private readonly db: Db,
    defaultCounting: DayCounting,
  ) {
    this.clockSettings = { dayCounting: defaultCounting };
  }

  async load(): Promise<void> {
    const rows = await this.db.select().from(settings);
    for (const row of rows) {
      if (row.key === HOLIDAYS_KEY) this.imported = parseHolidayData(row.value);
      if (row.key === COUNTING_KEY && (row.value === 'calendar' || row.value === 'working'))
        this.clockSettings = { dayCounting: row.value };
    }
    this.calendar = createCalendar(mergeHolidayData(officialHolidays, this.imported));
  }

  get(): { calendar: Calendar; settings: ClockSettings } {
    return { calendar: this.calendar, settings: this.clockSettings };
  }

  context(now: Date): ClockContext {
    return { calendar: this.calendar, settings: this.clockSettings, today: chinaDate(now) };
  }

  holidays(): HolidayData {
    return mergeHolidayData(officialHolidays, this.imported);
  }

  /** Import a year's (or several years') official arrangement; validated before anything is saved. */
  async importHolidays(json: unknown): Promise<number[]> {
    const data = parseHolidayData(json);
    const merged = mergeHolidayData(this.imported, data);
    await this.save(HOLIDAYS_KEY, merged);
    await this.load();
    return Object.keys(data.years).map(Number);
  }

  async setDayCounting(mode: DayCounting): Promise<void> {
    await this.save(COUNTING_KEY, mode);
    await this.load();
  }

  private async save(key: string, value: unknown) {
    const now = new Date();
    await this.db
      .insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
  }
}
