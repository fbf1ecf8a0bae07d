import { z } from 'zod';
import { IsoDate, Message, bilingual } from './message';
import {
  rateParts,
  type RateMeasure,
  categories,
  channels,
  declineReasons,
  supervisionReasons,
  divertChannels,
  domains,
  statuses,
  type JointConferenceCommandType,
  type MergeCommandType,
  type ProcessCommandType,
} from '@qiao/core';

// ---------- shared pieces ----------
export { IsoDate, Message, bilingual };
export const Id = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

export const ErrorBody = z.object({
  error: z.string().describe('A stable error code'),
  message: z.string().describe("What is wrong, in the client's language (Accept-Language)"),
  messages: Message,
  field: z.string().optional().describe('The first offending field, as a path like petitioners.0.phone'),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  currentVersion: z.number().int().optional().describe('With 409: the version the petition is at now'),
  status: z.string().optional().describe('With invalidState: the stage the petition is in'),
});

// ---------- auth ----------
export const LoginBody = z.object({ username: text(64), password: z.string().min(1).max(200) });
export const LoginOptions = z.object({
  demo: z.boolean().describe('The server was started with its demo data (`serve --demo`): the sign-in page names the demo accounts'),
});
export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    unitId: z.string().nullable(),
    jurisdictionCode: z.string(),
  }),
});

// ---------- petitions ----------
export const Channel = z.enum(channels);
export const Category = z.enum(categories);
export const Domain = z.enum(domains);
export const Status = z.enum(statuses);

export const PetitionerInput = z.object({
  name: text(60),
  phone: z.string().trim().max(40).optional(),
  idCard: z.string().trim().max(30).optional(),
  address: z.string().trim().max(200).optional(),
  email: z.string().trim().max(200).optional(),
});

export const PetitionIntake = z.object({
  channel: Channel,
  category: Category,
  litigationRelated: z.boolean().default(false),
  domain: Domain,
  title: text(100).describe('事由: a one-line summary'),
  content: text(20000).describe("The petitioner's account"),
  demands: z.string().trim().max(5000).optional(),
  respondent: z
    .object({ name: text(200), unitId: z.string().optional() })
    .optional()
    .describe('The unit, company or official the petition is about'),
  jurisdictionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'a GB/T 2260 code').describe('Where the matter is'),
  address: z.string().trim().max(300).optional().describe('The place of the matter (not the petitioner address)'),
  collective: z.boolean().default(false),
  headcount: z.number().int().min(1).max(100000).default(1),
  receivedOn: IsoDate.optional().describe('The day the letter, call or visit was received; default today'),
  repeatOf: Id.optional().describe('An earlier petition about the same matter'),
  petitioners: z.array(PetitionerInput).min(1).max(50),
});
export type PetitionIntake = z.infer<typeof PetitionIntake>;

export const Deadlines = z.record(z.string(), IsoDate).describe('{clockName: due date} of every running clock');

export const Clock = z.object({
  name: z.string(),
  kind: z.enum(['obligation', 'window']),
  article: z.string(),
  startOn: IsoDate,
  due: IsoDate,
  status: z.enum(['running', 'paused', 'ended']),
  endedOn: IsoDate.nullable(),
  late: z.boolean(),
});

export const PetitionCreated = z.object({
  id: Id,
  trackingCode: z.string(),
  trackingSecret: z.string().describe('Shown once: the resident follows the case with code + secret'),
  registeringUnitId: z
    .string()
    .describe("The office it is registered at and held by: the registrar's own, or the office above when an accusation accuses that one"),
  status: Status,
  version: z.number().int(),
  deadlines: Deadlines,
});

export const PetitionerView = z.object({
  position: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  idCard: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
});

export const UnitView = z.object({ id: z.string(), name: z.string() }).nullable();

export const PetitionListItem = z.object({
  id: Id,
  trackingCode: z.string(),
  title: z.string(),
  status: Status,
  channel: Channel,
  category: Category,
  domain: Domain,
  litigationRelated: z.boolean(),
  jurisdictionCode: z.string(),
  collective: z.boolean(),
  headcount: z.number().int(),
  currentUnit: UnitView,
  handlingUnit: UnitView.describe(
    'The unit that issued the written opinion, else the current unit (core handlingUnitId): the unit a scorecard counts it for',
  ),
  receivedOn: IsoDate,
  nextDueOn: IsoDate.nullable(),
  overdue: z.boolean(),
  noticeDueOn: IsoDate.nullable()
    .optional()
    .describe("Workbench tab 'supervised' only: the day the user's unit must answer its earliest open supervision notice on it (the tab's sort)"),
  petitioner: z.string().describe('The first petitioner, masked'),
  version: z.number().int(),
});

export const ListTotal = z.object({
  count: z.number().int(),
  capped: z.boolean().describe('true: at least this many (counting stops there)'),
});

export const PetitionList = z.object({
  items: z.array(PetitionListItem),
  nextCursor: z.string().nullable(),
  total: ListTotal.optional().describe('How many petitions match, when asked with count=true on the first page'),
});

/** A comma-separated query parameter: `status=accepted,replied`. */
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const PetitionListQuery = z.object({
  status: csv(statuses).optional(),
  unit: z.string().optional().describe('Petitions that unit must act on now'),
  handlingUnit: z
    .string()
    .optional()
    .describe('Petitions that unit handled: those it issued the written opinion on, and those it holds without one (the unit scorecard counts these)'),
  jurisdiction: z.string().optional().describe('Petitions about places within this jurisdiction'),
  jurisdictionOnly: z
    .enum(['true', 'false'])
    .optional()
    .describe("With jurisdiction, true: only petitions whose place is that jurisdiction itself (a city's own, 市本级), none within it"),
  measure: z
    .enum(Object.keys(rateParts) as [RateMeasure, ...RateMeasure[]])
    .optional()
    .describe('Petitions a cockpit rate counts (its denominator), as the dashboards count them'),
  part: z
    .enum(['met', 'missed'])
    .optional()
    .describe('With measure: those of them that meet the rate (its numerator) or miss it'),
  domain: csv(domains).optional(),
  category: csv(categories).optional(),
  channel: csv(channels).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: IsoDate.optional().describe('A running obligation is due on or before this day'),
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
  text: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const TimelineEntry = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: z.string(),
  on: IsoDate,
  actor: z.object({ userId: z.string().nullable(), name: z.string().nullable(), unit: UnitView }),
  summary: Message.describe('What happened, in plain words'),
  data: z.record(z.string(), z.unknown()),
});

export const AttachmentView = z.object({
  id: Id,
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export const PetitionDetail = PetitionListItem.extend({
  content: z.string().describe("The petitioners' names, phone, ID and card numbers and email in title, content and demands are masked; revealing the petitioners shows them whole"),
  personalDataMasked: z.boolean().describe('Whether the title, content or demands had personal data masked'),
  demands: z.string().nullable(),
  respondent: z.object({ name: z.string(), unitId: z.string().nullable() }).nullable(),
  accusedUnitIds: z
    .array(z.string())
    .describe('The units this accusation accuses, the respondent unit and any other its words accuse: none may receive it (Art. 30). Empty unless an accusation'),
  address: z.string().nullable(),
  registeringUnit: UnitView,
  repeatOf: Id.nullable(),
  petitioners: z.array(PetitionerView).describe('Masked; reveal with POST .../petitioners/reveal'),
  attachments: z.array(AttachmentView),
  deadlines: Deadlines,
  clocks: z.array(Clock),
  state: z.record(z.string(), z.unknown()).describe('The process state as the core sees it'),
  availableCommands: z.array(z.string()).describe('What this user may do now'),
  timeline: z.array(TimelineEntry),
});

const unitId = z.string().min(1);
const note = z.string().trim().max(5000).optional();
const required = (max = 5000) => text(max);

/** Each command's body. Every body carries expectedVersion: a stale one gets 409 and changes nothing. */
export const commandBodies = {
  assign: z.object({ unitId, limitDays: z.number().int().optional(), note }),
  forward: z.object({ unitId, note }),
  notifyReceipt: z.object({ note }),
  accept: z.object({ note }),
  decline: z.object({ reason: z.enum(declineReasons), note: required() }),
  object: z.object({ reason: required() }),
  decideObjection: z.object({ approve: z.boolean(), note }),
  divert: z.object({ to: z.enum(divertChannels), note: required() }),
  extend: z.object({ days: z.number().int(), reason: required() }),
  pause: z.object({ reason: z.enum(['hearing', 'awaitingMaterial', 'expertAssessment']), note }),
  resume: z.object({ note }),
  reply: z.object({
    outcome: z.enum(['support', 'explain', 'notSupport', 'mediated']),
    text: required(20000),
    deliveredOn: IsoDate.optional(),
  }),
  conclude: z.object({ resolved: z.boolean(), report: z.string().trim().max(20000).optional() }),
  requestReview: z.object({
    unitId: unitId.optional().describe('The level above; chosen from the unit tree when absent'),
    requestedOn: IsoDate.optional(),
    reason: required(),
  }),
  decideReview: z.object({ outcome: z.enum(['uphold', 'revise']), text: required(20000), deliveredOn: IsoDate.optional() }),
  requestReReview: z.object({ unitId: unitId.optional(), requestedOn: IsoDate.optional(), reason: required() }),
  decideReReview: z.object({
    outcome: z.enum(['uphold', 'revise']),
    text: required(20000),
    deliveredOn: IsoDate.optional(),
  }),
  supervise: z.object({
    reason: z.enum(supervisionReasons),
    note: required(),
    answerDays: z.number().int().optional(),
  }),
  answerSupervision: z.object({ supervisionId: Id, text: required(20000) }),
  rate: z.object({ rating: z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']), comment: note }),
  linkRepeat: z.object({ repeatOf: Id.describe('The earlier petition about the same matter'), note }),
  unlinkRepeat: z.object({ reason: required() }),
  reclassify: z.object({ domain: z.enum(domains), category: z.enum(categories), litigationRelated: z.boolean(), note }),
} satisfies Record<Exclude<ProcessCommandType, MergeCommandType | JointConferenceCommandType>, z.ZodObject>;

export const CommandResult = z.object({
  id: Id,
  status: Status,
  version: z.number().int(),
  deadlines: Deadlines,
  event: z.object({ seq: z.number().int(), type: z.string(), on: IsoDate }),
});

export const RevealBody = z.object({ reason: text(500).describe('Why you need the personal data (audited)') });
export const RevealResponse = z.object({
  petitioners: z.array(PetitionerView),
  words: z.object({ title: z.string(), content: z.string(), demands: z.string().nullable() }).describe('The title, content and demands whole'),
});

export const AuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  reason: z.string(),
  fields: z.array(z.string()),
});

// ---------- admin ----------
export const JurisdictionBody = z.object({
  code: z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'a GB/T 2260 code'),
  name: text(100),
  parentCode: z.string().nullable().optional(),
});
export const JurisdictionView = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.string(),
});

export const unitKinds = ['petitionOffice', 'department', 'townGovernment', 'discipline', 'government'] as const;
const unitFields = { name: text(100), jurisdictionCode: z.string(), kind: z.enum(unitKinds), domains: z.array(Domain) };
export const UnitBody = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes'),
  ...unitFields,
  domains: unitFields.domains.default([]),
});
// Built without UnitBody's default: zod 4 fills a missing key's default even under .partial(), so a patch that
// only deactivated or renamed a unit emptied its domains (and with them its subject routing).
export const UnitPatch = z.object(unitFields).partial().extend({ active: z.boolean().optional() });
export const UnitAdminView = UnitBody.extend({ active: z.boolean() });

export const roles = ['clerk', 'handler', 'unitHead', 'leader', 'supervisor', 'admin', 'proxyAgent'] as const;
/** Who keeps backlog ledgers (积案台账): the petition office and leaders. Others in the area may read them. */
export const ledgerKeepers = ['clerk', 'supervisor', 'leader'] as const;
export const keepsLedgers = (role: string): boolean => (ledgerKeepers as readonly string[]).includes(role);
export const UserBody = z.object({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{2,64}$/, 'letters, digits, . _ -'),
  displayName: text(60),
  password: z.string().min(8).max(200),
  role: z.enum(roles),
  unitId: z.string().nullable().optional(),
  jurisdictionCode: z.string(),
});
export const UserPatch = UserBody.omit({ username: true }).partial().extend({ active: z.boolean().optional() });
export const UserView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.string().nullable(),
  jurisdictionCode: z.string(),
  active: z.boolean(),
});
export * from './portal';
export * from './reception';
export * from './integrations';
export * from './workbench';
export * from './dashboards';
export * from './joint-conference';
export * from './analysis';
