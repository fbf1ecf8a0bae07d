// Request and response shapes of /api/analysis: the server validates with them (and OpenAPI shows them), the
// staff app infers its types from them.

import { z } from 'zod';
import { categories, domains } from '@qiao/core';
import { Message } from './message';

export const SuggestBody = z.object({
  text: z.string().trim().min(1).max(20000).describe('The petition text as received (simplified or traditional)'),
  title: z.string().max(200).optional(),
  demands: z.string().max(5000).optional().describe("The petitioner's demands: the units they name are read as the registration reads them"),
  respondent: z
    .union([z.string().max(200), z.object({ name: z.string().max(200).optional(), unitId: z.string().max(100).optional() })])
    .optional()
    .describe('The respondent as the clerk registered it: a name, or {name, unitId}'),
  address: z.string().max(500).optional(),
  jurisdictionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/).optional().describe('Where the matter is (default: your own jurisdiction)'),
  domain: z.enum(domains).optional().describe('The domain the clerk chose, if any (routing uses it instead of the suggestion)'),
  category: z.enum(categories).optional(),
  petitioners: z
    .array(z.object({ phone: z.string().max(40).optional(), idCard: z.string().max(40).optional() }))
    .max(50)
    .optional()
    .describe('Compared by keyed hash only; never stored or shown'),
  limit: z.number().int().min(1).max(50).optional(),
});

const Reason = z.object({ kind: z.string(), message: Message });
export const SimilarPetition = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  title: z.string(),
  status: z.string(),
  domain: z.string(),
  category: z.string(),
  receivedOn: z.string(),
  repeatOf: z.string().nullable(),
  score: z.number(),
  textSimilarity: z.number(),
  sameMatter: z.boolean().describe('At or above the duplicate threshold; below it: possibly related'),
  reasons: z.array(Reason),
});

const UnitSuggestion = z.object({ unitId: z.string(), unitName: z.string(), jurisdictionCode: z.string(), reason: Message });
export const RoutingSuggestion = z.object({
  territorial: UnitSuggestion.nullable().describe('属地: the town government or county office over the place'),
  subject: UnitSuggestion.nullable().describe('属事: the unit for the domain (routing rules)'),
  excluded: z.array(z.object({ unitId: z.string(), unitName: z.string(), reason: Message })).describe('Units never suggested: the petition accuses them'),
});

const Answer = z.object({
  value: z.union([z.string(), z.boolean()]),
  confidence: z.number(),
  reasons: z.array(Message).describe('The words that drove this answer, in both languages, most telling first'),
});
export const SuggestResponse = z.object({
  classification: z.object({
    domain: z.enum(domains),
    domainName: Message,
    category: z.enum(categories),
    litigationRelated: z.boolean(),
    confidence: z.number(),
    words: z
      .array(Message)
      .describe('The words that drove the domain, most telling first: the petition’s own words, or a kind of words with those found (含劳动用工用语：工资 / Labour words: 工资); each word once'),
    detail: z.object({ domain: Answer, category: Answer, litigationRelated: Answer }),
  }),
  entities: z.object({ respondents: z.array(z.string()), places: z.array(z.string()) }),
  similar: z.array(SimilarPetition),
  routing: RoutingSuggestion,
});

export const SimilarResponse = z.object({ petitionId: z.uuid(), similar: z.array(SimilarPetition) });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const HotspotQuery = z.object({
  days: z.coerce.number().int().min(1).max(730).default(90).describe('The last N days; ignored when `from` or `to` is given'),
  minSize: z.coerce.number().int().min(2).max(1000).default(3),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  kind: z.enum(['respondent', 'placeDomain', 'repeat']).optional(),
  from: Month.optional().describe('First month (YYYY-MM) of the period, as the dashboard; default January of `to`’s year'),
  to: Month.optional().describe('Last month (YYYY-MM); default the current month; the period ends today at the latest'),
  jurisdiction: z
    .string()
    .regex(/^\d{2,12}$/, 'a GB/T 2260 code')
    .optional()
    .describe('Only petitions about places within this jurisdiction (always within what you may see)'),
});
export const HotspotResponse = z.object({
  since: z.string(),
  until: z.string(),
  clusters: z.array(
    z.object({
      kind: z.string(),
      key: z.string(),
      label: Message,
      count: z.number().int(),
      domains: z.array(z.object({ domain: z.string(), count: z.number().int() })),
      trend: z.array(z.object({ week: z.string().describe('Monday of the week'), count: z.number().int() })),
      petitions: z.array(
        z.object({ id: z.uuid(), trackingCode: z.string(), title: z.string(), status: z.string(), domain: z.string(), receivedOn: z.string(), repeatOf: z.string().nullable() }),
      ),
    }),
  ),
});

export const AlertQuery = z.object({
  days: z.coerce.number().int().min(1).max(730).default(90),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AlertView = z.object({
  id: z.uuid(),
  kind: z.string(),
  key: z.string(),
  label: Message,
  windowStart: z.string(),
  windowEnd: z.string(),
  size: z.number().int(),
  domain: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  reason: Message,
  createdAt: z.string(),
  petitions: z.array(z.object({ id: z.uuid(), trackingCode: z.string(), title: z.string(), receivedOn: z.string(), status: z.string() })),
});

export const AlertRuleBody = z.object({
  size: z.number().int().min(2).max(1000).describe('Raise an alert when a cluster has this many petitions ...'),
  days: z.number().int().min(1).max(365).describe('... within this many days'),
});

export const RoutingRuleView = z.object({
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  domain: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  source: z.enum(['rule', 'default']).describe('rule: set by an admin; default: from the units’ fields'),
});
export const RoutingRuleBody = z.object({
  jurisdictionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/),
  domain: z.enum(domains),
  unitId: z.string().max(100).nullable().describe('null: no subject unit at this level (look further up)'),
});
export const RoutingRuleKey = z.object({ jurisdictionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/), domain: z.enum(domains) });

export const MergeBody = z.object({
  petitionIds: z.array(z.uuid()).min(1).max(50).describe('The single petitions about the same matter to merge into this one'),
  headcount: z.number().int().min(2).max(100000).optional().describe('How many people the collective petition speaks for (default: the headcounts added up)'),
  representatives: z.number().int().min(1).max(5).describe('How many representatives it sends (at most 5, Art. 20)'),
  note: z.string().trim().max(5000).optional(),
  expectedVersion: z.number().int().min(1).describe('The version of this petition you saw; 409 if it changed'),
});
export const MergeResult = z.object({
  id: z.uuid(),
  status: z.string(),
  version: z.number().int(),
  headcount: z.number().int(),
  representatives: z.number().int(),
  merged: z.array(z.object({ id: z.uuid(), trackingCode: z.string() })),
  deadlines: z.record(z.string(), z.string()),
});
