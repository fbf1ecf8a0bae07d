import { z } from 'zod';
import { supervisionReasons, type JointConferenceCommandType } from '@qiao/core';
import { IsoDate } from './message';

/*
 * The joint conference (联席会议) commands and the per-unit supervision record (督办记录). The commands run through
 * the same route as every process command (POST /api/petitions/{id}/{command}, with expectedVersion).
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const unitId = z.string().min(1);

export const jointConferenceCommandBodies = {
  referToJointConference: z.object({
    reason: text(5000).describe(
      'Why the matter needs the units together (several units involved, responsibility disputed…)',
    ),
  }),
  recordJointConferenceDecision: z.object({
    leadUnitId: unitId.describe('牵头单位: handles the matter and replies'),
    coUnitIds: z
      .array(unitId)
      .max(10)
      .default([])
      .describe('协办单位: see it and add opinions; never reply or conclude'),
    replyDueOn: IsoDate.describe('The day the lead unit must reply by (tomorrow to 60 days ahead)'),
    summary: text(5000).describe('What the conference decided (the conclusion of its minutes)'),
  }),
  addCoUnitOpinion: z.object({
    text: text(20000).describe("A co-unit's findings or opinion for the lead unit"),
  }),
} satisfies Record<JointConferenceCommandType, z.ZodObject>;

export const jointConferenceSummaries: Record<JointConferenceCommandType, string> = {
  referToJointConference: '联席会议 Put a multi-unit petition to a joint conference (petition office)',
  recordJointConferenceDecision:
    '联席会议决定 Record the decision: lead unit, co-units, reply deadline (routes the petition)',
  addCoUnitOpinion: '协办意见 A co-unit adds its opinion (co-units only)',
};

/** One supervision notice (督办) issued to a unit, with its written answer and whether it came late. */
export const SupervisionRecordItem = z.object({
  supervisionId: z.string(),
  petition: z.object({ id: z.string(), trackingCode: z.string(), title: z.string() }),
  reason: z.enum(supervisionReasons),
  note: z.string().nullable().describe('What the notice said'),
  issuedOn: IsoDate,
  dueOn: IsoDate.describe('The day the written answer was due'),
  answeredOn: IsoDate.nullable(),
  answer: z.string().nullable().describe('The unit’s written answer'),
  status: z.enum(['answered', 'open']),
  late: z.boolean().describe('Answered after the due day, or still unanswered past it'),
});

export const SupervisionRecord = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  today: IsoDate,
  summary: z.object({
    issued: z.number().int(),
    answered: z.number().int(),
    answeredLate: z.number().int(),
    open: z.number().int(),
    openLate: z.number().int(),
  }),
  notices: z.array(SupervisionRecordItem).describe('Newest first'),
});
export type SupervisionRecord = z.infer<typeof SupervisionRecord>;
