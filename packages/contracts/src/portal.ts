import { z } from 'zod';
import { Message } from './message';
import { categories, domains } from '@qiao/core';

const text = (max: number) => z.string().trim().min(1).max(max);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What a resident submits from the portal, without an account. */
export const PortalIntake = z.object({
  category: z.enum(categories).describe('suggestion 建议意见, accusation 检举控告, claim 申诉求决'),
  domain: z.enum(domains).default('other'),
  title: text(100),
  content: text(20000),
  demands: z.string().trim().max(5000).optional(),
  jurisdictionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'a GB/T 2260 code'),
  address: z.string().trim().max(300).optional(),
  respondent: z.object({ name: text(200) }).optional(),
  contact: z.object({
    name: text(60),
    phone: z.string().trim().max(40).optional(),
    idCard: z.string().trim().max(30).optional(),
    address: z.string().trim().max(200).optional(),
  }),
  consent: z.literal(true, { error: 'consent to the privacy notice is required' }),
});
export type PortalIntake = z.infer<typeof PortalIntake>;

export const PortalSubmitted = z.object({
  trackingCode: z.string(),
  secret: z.string().describe('Shown once: keep it with the tracking code to follow the case'),
  texted: z
    .boolean()
    .describe('The code and secret are on their way by SMS to the phone given: only when an SMS gateway is configured'),
});

export const PortalDeadline = z.object({
  name: z.string(),
  label: Message,
  due: IsoDay,
  status: z.enum(['running', 'paused', 'ended']),
  late: z.boolean(),
});

export const PortalView = z.object({
  trackingCode: z.string(),
  title: z.string(),
  receivedOn: IsoDay,
  status: z.string(),
  statusText: Message.describe('Where the matter stands, in plain words'),
  handlingUnit: z.string().nullable(),
  deadlines: z.array(PortalDeadline).describe('The time limits the law gives the government, and your own windows'),
  timeline: z.array(z.object({ on: IsoDay, summary: Message, unit: z.string().nullable() })),
  reply: z
    .object({ outcome: z.string(), outcomeText: Message, text: z.string(), issuedOn: IsoDay, deliveredOn: IsoDay })
    .nullable(),
  review: z.object({ outcome: z.string().nullable(), text: z.string().nullable(), decidedOn: IsoDay.nullable() }).nullable(),
  reReview: z.object({ outcome: z.string().nullable(), text: z.string().nullable(), decidedOn: IsoDay.nullable() }).nullable(),
  rating: z.string().nullable(),
  canRate: z.boolean(),
  reviewWindow: z.object({ open: z.boolean(), closesOn: IsoDay }).nullable(),
  reReviewWindow: z.object({ open: z.boolean(), closesOn: IsoDay }).nullable(),
  mergedInto: z
    .object({
      statusText: Message,
      handlingUnit: z.string().nullable(),
      deadlines: z.array(PortalDeadline),
      reply: z.object({ outcomeText: Message, issuedOn: IsoDay }).nullable(),
    })
    .nullable()
    .optional()
    .describe('When this petition was merged into a collective one: how that one (which handles your matter) stands'),
});

export const PortalRateBody = z.object({
  rating: z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']),
  comment: z.string().trim().max(2000).optional(),
});
export const PortalAppealBody = z.object({ reason: text(5000) });
