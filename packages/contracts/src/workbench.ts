import { z } from 'zod';

/**
 * Response shapes of the staff workbench's endpoints (/api/workbench/*), the clock settings the admin page shows
 * (/api/admin/settings/clocks) and a leader's own cases (/api/owners/me). /api/workbench/petitions answers a
 * `PetitionList`, like /api/petitions.
 */

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** The to-do tabs, in no particular order (each role gets its own selection and order). */
export const workbenchTabKeys = [
  'toRoute',
  'objections',
  'toReceive',
  'handling',
  'coHandling',
  'reviews',
  'supervised',
  'overdue',
  'dueSoon',
  'recent',
  'lateUnits',
  'all',
] as const;
export const WorkbenchTabKey = z.enum(workbenchTabKeys);
export const WorkbenchSort = z.enum(['due', 'received']);

export const WorkbenchContext = z.object({
  today: IsoDay.describe('Today in China by the server clock: every deadline badge counts from it'),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    unitId: z.string().nullable(),
    jurisdictionCode: z.string(),
    atPetitionOffice: z.boolean(),
  }),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  jurisdiction: z.object({ code: z.string(), name: z.string() }).nullable(),
  tabs: z.array(z.object({ key: WorkbenchTabKey, sort: WorkbenchSort })).describe("The role's to-do tabs, in order"),
});

export const WorkbenchCounts = z.object({
  today: IsoDay,
  counts: z
    .partialRecord(WorkbenchTabKey, z.number().int())
    .describe('Petitions in each of my tabs (lateUnits: how many units are late)'),
  capped: z
    .array(WorkbenchTabKey)
    .describe('Tabs whose count stopped at the cap (10,000): there are at least that many'),
});

export const LateUnit = z.object({
  unitId: z.string(),
  name: z.string(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  open: z.number().int(),
});
export const LateUnits = z.array(LateUnit);

export const RespondentSuggestion = z.object({ name: z.string(), unitId: z.string().nullable(), count: z.number().int() });
export const RespondentSuggestions = z.array(RespondentSuggestion);

export const ClockSettingsView = z.object({
  dayCounting: z.enum(['calendar', 'working']),
  years: z.array(z.number().int()).describe('Years the holiday calendar knows'),
  provisionalYears: z.array(z.number().int()).describe('Years whose holidays are not yet officially announced'),
});

/** A case a leader owns (包案), with the petition's status and running deadlines. */
export const OwnedCase = z.object({
  petitionId: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  status: z.string(),
  ownership: z.enum(['active', 'resolved']),
  targetOn: z.string().nullable(),
  stepsDone: z.number().int(),
  steps: z.number().int(),
  deadlines: z.record(z.string(), z.string()),
});
export const OwnedCases = z.array(OwnedCase);
