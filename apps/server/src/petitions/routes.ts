import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditRow,
  CommandResult,
  commandBodies,
  jointConferenceCommandBodies,
  jointConferenceSummaries,
  ErrorBody,
  Id,
  PetitionCreated,
  PetitionDetail,
  PetitionIntake,
  PetitionList,
  PetitionListQuery,
  RevealBody,
  RevealResponse,
} from '@qiao/contracts';
import type { Deps } from '../context';
import { badRequest } from '../lib/errors';
import { checkedUploads, readMultipartIntake, type IncomingFile } from './attachments';
import { runCommand } from './command';
import { downloadAttachment, listAudit, revealPetitioners } from './personal';
import { getPetition, listPetitions } from './read';
import { registerPetition } from './register';

declare module 'fastify' {
  interface FastifyRequest {
    uploads?: IncomingFile[];
  }
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 415: ErrorBody, 422: ErrorBody };
const idParams = z.object({ id: Id });

const commandSummaries: Record<keyof typeof commandBodies, string> = {
  assign: '交办 Assign to a unit that must report the result back',
  forward: '转送 Forward to the unit with authority',
  notifyReceipt: '告知 Tell the petitioner in writing the matter was received and how it will be handled (15 days)',
  accept: '受理 Accept (written notice to the petitioner)',
  decline: '不予受理 Decline, with the reason',
  object: '异议 Object within 5 working days: outside this unit’s remit',
  decideObjection: 'Approve (re-route) or reject a unit’s objection',
  divert: '导入法定途径 Divert to litigation, arbitration, reconsideration…',
  extend: '延期 Extend the handling limit once, at most 30 days (unit head)',
  pause: '中止计算 Pause a clock (hearing, awaiting material)',
  resume: 'Resume a paused clock',
  reply: '答复 Issue the written opinion: support / explain / not support / mediated',
  conclude: '办结 Conclude (assigned petitions report their result)',
  requestReview: '复查请求 Record a review request (within 30 days of the reply)',
  decideReview: '复查意见 Decide the review',
  requestReReview: '复核请求 Record a re-review request (within 30 days of the review)',
  decideReReview: '复核意见 Decide the re-review (final)',
  supervise: '督办 Issue a supervision notice',
  answerSupervision: 'Answer a supervision notice in writing',
  rate: '满意度测评 Record the petitioner’s rating',
  linkRepeat: '重复信访 Link as a repeat of an earlier petition about the same matter (petition office)',
  unlinkRepeat: 'Undo a repeat link, with the reason (petition office)',
  reclassify: '更正分类 Correct domain, category and litigation-relatedness (kept to retrain the classifier)',
};

export const petitionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '',
      {
        schema: {
          tags: ['petitions'],
          summary: 'Register a petition (any channel)',
          description:
            'JSON body, or multipart/form-data with a `petition` field holding the same JSON and up to 20 files ' +
            '(20 MB each; type judged by content). Send `Idempotency-Key` so a retry returns the same petition ' +
            '(200) instead of a second one (201).',
          headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
          body: PetitionIntake.extend({
            residentConsent: z
              .boolean()
              .default(false)
              .describe('Proxy agents: the resident consented to this submission and to the processing of their data'),
          }),
          response: { 200: PetitionCreated, 201: PetitionCreated, ...errors },
        },
        preValidation: (req) =>
          readMultipartIntake(req, () => {
            throw badRequest(
              'missingField',
              { zh: 'petition：缺少信访事项内容（multipart 字段 petition，JSON 格式）', en: 'petition: the multipart field "petition" (JSON) is missing' },
              { field: 'petition' },
            );
          }),
      },
      async (req, reply) => {
        const user = await req.user();
        const files = await checkedUploads(req);
        const { residentConsent, ...input } = req.body;
        const result = await registerPetition(deps, user, input, files, req.headers['idempotency-key'], residentConsent);
        return reply.code(result.created ? 201 : 200).send(result.body);
      },
    );

    app.get(
      '',
      {
        schema: {
          tags: ['petitions'],
          summary: 'List the petitions you may see, newest first (cursor paging)',
          querystring: PetitionListQuery,
          response: { 200: PetitionList, ...errors },
        },
        // Accept the kebab-case spellings too (due-before, received-from, received-to).
        preValidation: async (req) => {
          const q = req.query as Record<string, unknown>;
          for (const key of Object.keys(q))
            if (key.includes('-')) q[key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] ??= q[key];
        },
      },
      async (req) => listPetitions(deps, await req.user(), req.query),
    );

    app.get(
      '/:id',
      {
        schema: {
          tags: ['petitions'],
          summary: 'One petition: state, deadlines, clocks, masked petitioners, timeline, allowed actions',
          params: idParams,
          response: { 200: PetitionDetail, ...errors },
        },
      },
      async (req) => getPetition(deps, await req.user(), req.params.id),
    );

    const bodies = { ...commandBodies, ...jointConferenceCommandBodies };
    const summaries = { ...commandSummaries, ...jointConferenceSummaries };
    for (const command of Object.keys(bodies) as (keyof typeof bodies)[]) {
      app.post(
        `/:id/${command}`,
        {
          schema: {
            tags: ['process'],
            summary: summaries[command],
            params: idParams,
            body: bodies[command].extend({
              expectedVersion: z.number().int().min(1).describe('The version you saw; 409 if it changed'),
            }),
            response: { 200: CommandResult, ...errors },
          },
        },
        async (req) => {
          const { expectedVersion, ...body } = req.body as { expectedVersion: number } & Record<string, unknown>;
          return runCommand(deps, await req.user(), req.params.id, command, body as never, expectedVersion);
        },
      );
    }

    app.post(
      '/:id/petitioners/reveal',
      {
        schema: {
          tags: ['personal data'],
          summary: 'Reveal the petitioners’ personal data, with a reason (audited)',
          params: idParams,
          body: RevealBody,
          response: { 200: RevealResponse, ...errors },
        },
      },
      async (req) => revealPetitioners(deps, await req.user(), req.params.id, req.body.reason),
    );

    app.get(
      '/:id/audit',
      {
        schema: {
          tags: ['personal data'],
          summary: 'Who read this petition’s personal data, when and why (admins)',
          params: idParams,
          response: { 200: z.array(AuditRow), ...errors },
        },
      },
      async (req) => listAudit(deps, await req.user(), req.params.id),
    );

    app.get(
      '/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['petitions'],
          summary: 'Download an attachment (audited)',
          params: z.object({ id: Id, attachmentId: Id }),
        },
      },
      async (req, reply) => {
        const file = await downloadAttachment(deps, await req.user(), req.params.id, req.params.attachmentId);
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .send(file.content);
      },
    );
  };
