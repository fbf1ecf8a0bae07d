import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, nameOf, openDeadlines, SUPERVISION_ANSWER_DAYS, supervisionReasonNames, type PetitionState } from '@qiao/core';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { badRequest, forbidden } from '../lib/errors';
import { loadEvents, scopeOf, type PetitionRow } from '../petitions/repo';
import { revealedPetitioners } from '../petitions/petitioners';
import { auditRead } from '../petitions/personal';
import { visiblePetition } from '../petitions/read';
import { unitNames } from '../units/repo';
import { chineseDate, renderDocx, type OfficialDocument } from './docx';

export const documentKinds = ['receiptNotice', 'declineNotice', 'opinion', 'reviewOpinion', 'reReviewOpinion', 'supervisionNotice'] as const;
export type DocumentKind = (typeof documentKinds)[number];

const titles: Record<DocumentKind, string> = {
  receiptNotice: '信访事项受理告知书',
  declineNotice: '信访事项不予受理告知书',
  opinion: '信访事项处理意见书',
  reviewOpinion: '信访事项复查意见书',
  reReviewOpinion: '信访事项复核意见书',
  supervisionNotice: '信访事项督办通知',
};
const numberTags: Record<DocumentKind, string> = {
  receiptNotice: '受告',
  declineNotice: '不受告',
  opinion: '处意',
  reviewOpinion: '复查',
  reReviewOpinion: '复核',
  supervisionNotice: '督',
};
/** The event that makes each document issuable. */
const basis: Record<DocumentKind, string> = {
  receiptNotice: 'accepted',
  declineNotice: 'declined',
  opinion: 'replied',
  reviewOpinion: 'reviewDecided',
  reReviewOpinion: 'reReviewDecided',
  supervisionNotice: 'supervised',
};
const outcome: Record<string, string> = {
  support: '予以支持',
  explain: '作出解释说明',
  notSupport: '不予支持',
  mediated: '经调解达成协议',
  uphold: '维持原处理意见',
  revise: '变更原处理意见',
};

/**
 * Build one official document from the petition and its history. Documents addressed to the petitioner carry
 * their name (an audited read of personal data); the supervision notice goes to a unit and carries none.
 */
async function buildDocument(
  deps: Deps,
  actor: SessionUser,
  row: PetitionRow,
  kind: DocumentKind,
  supervisionId?: string,
): Promise<OfficialDocument> {
  const state: PetitionState = row.state;
  const events = await loadEvents(deps.db, row.id);
  // A petition may hold several supervision notices (the office that sat on it, then the unit it went to): each
  // is printed by its id; without one, the latest.
  const event = [...events]
    .reverse()
    .find((e) => e.type === basis[kind] && (supervisionId === undefined || (e.event.data as { supervisionId?: string }).supervisionId === supervisionId));
  if (!event && supervisionId !== undefined)
    throw badRequest(
      'unknownSupervision',
      { zh: `supervisionId：该信访事项没有编号为 ${supervisionId} 的督办通知`, en: `supervisionId: this petition has no supervision notice ${supervisionId}` },
      { field: 'supervisionId' },
    );
  if (!event)
    throw badRequest('documentNotReady', {
      zh: `该信访事项尚未进入可出具“${titles[kind]}”的环节`,
      en: `This petition has not reached the step that issues this document (${kind})`,
    });
  const data = event.event.data as Record<string, unknown>;
  // A supervision notice goes to the unit it was issued to, which may no longer hold the petition (a lower office
  // supervised for not routing it, which has routed it since).
  const noticeUnit = kind === 'supervisionNotice' ? (state.supervisions.find((s) => s.id === data.supervisionId)?.unitId ?? state.currentUnit?.id) : undefined;
  const names = await unitNames(deps.db, [event.actorUnitId, state.currentUnit?.id, state.registeringUnit.id, noticeUnit]);
  const issuer = names.get(event.actorUnitId ?? '') ?? names.get(state.registeringUnit.id) ?? '';
  const year = event.event.on.slice(0, 4);
  const sequence = kind === 'supervisionNotice' ? noticeSequence(state, data.supervisionId) : '';
  const number = `${issuer.replace(/(人民政府|委员会)$/, '').slice(0, 6)}${numberTags[kind]}〔${year}〕${row.trackingCode.slice(0, 4)}${row.trackingCode.slice(5, 9)}${sequence}号`;
  const matter = `您于${chineseDate(row.receivedOn)}反映的“${row.title}”（信访件编号 ${row.trackingCode}）`;

  let addressee: string;
  if (kind === 'supervisionNotice') {
    addressee = `${names.get(noticeUnit ?? '') ?? noticeUnit ?? ''}：`;
  } else {
    const people = await revealedPetitioners(deps.db, deps.keys, row.id);
    await auditRead(deps.db, row, actor, 'document', titles[kind], ['name'], deps.now());
    addressee = `${people.map((p) => p.name).join('、') || '信访人'}：`;
  }
  const text = typeof data.text === 'string' ? data.text : '';
  const note = typeof data.note === 'string' ? data.note : '';
  const ctx = deps.clockSettings.context(deps.now());
  const body: string[] = (() => {
    switch (kind) {
      case 'receiptNotice': {
        const handling = openDeadlines(state, ctx).handling;
        return [
          `${matter}，本机关已于${chineseDate(event.event.on)}依法受理。`,
          `根据《信访工作条例》第三十三条，本机关将自受理之日起60日内办结${handling ? `（即于${chineseDate(handling)}前）` : ''}，并书面答复您；情况复杂的，经批准可以适当延长办理期限，但延长期限不超过30日，届时将告知您延期理由。`,
          '特此告知。',
        ];
      }
      case 'declineNotice':
        return [`${matter}，经审查，不予受理。理由如下：`, note, '特此告知。'];
      case 'opinion':
        return [
          `${matter}，本机关已依法受理并进行了调查核实。现提出处理意见如下：`,
          text,
          `处理结果：${outcome[String(data.outcome)] ?? ''}。`,
          '如对本处理意见不服，可以自收到本意见书之日起30日内向原办理机关的上一级机关请求复查（《信访工作条例》第三十五条）。',
        ];
      case 'reviewOpinion':
        return [
          `${matter}，您对处理意见不服请求复查。经复查，意见如下：`,
          text,
          `复查结果：${outcome[String(data.outcome)] ?? ''}。`,
          '如对本复查意见不服，可以自收到之日起30日内向复查机关的上一级机关请求复核（《信访工作条例》第三十六条）。',
        ];
      case 'reReviewOpinion':
        return [
          `${matter}，您对复查意见不服请求复核。经复核，意见如下：`,
          text,
          `复核结果：${outcome[String(data.outcome)] ?? ''}。`,
          '本复核意见为终结意见。信访人对复核意见不服，仍以同一事实和理由提出信访事项的，不再受理（《信访工作条例》第三十六条）。',
        ];
      case 'supervisionNotice': {
        const days = typeof data.answerDays === 'number' ? data.answerDays : SUPERVISION_ANSWER_DAYS;
        return [
          // By the notice as issued (its reason, its unit), never by where the petition stands now, so a reprint
          // reads as the notice did.
          data.reason === 'unrouted'
            ? `信访件编号 ${row.trackingCode}“${row.title}”一事，由你单位登记，尚未按规定转送、交办。`
            : noticeUnit === state.registeringUnit.id
              ? `信访件编号 ${row.trackingCode}“${row.title}”一事，由你单位登记。`
              : `信访件编号 ${row.trackingCode}“${row.title}”一事，由你单位办理。`,
          ...(typeof data.reason === 'string' ? [`督办事由：${nameOf(supervisionReasonNames, data.reason).zh}。`] : []),
          note,
          `请于收到本通知之日起${days}日内将办理情况书面报告本机关（《信访工作条例》第四十条）。`,
        ];
      }
    }
  })();
  return { title: titles[kind], number, addressee, body, issuer, date: chineseDate(event.event.on) };
}

/** A petition's second and later supervision notices are numbered apart: 督〔2026〕C7GPSG8S-2号, and its file -2. */
function noticeSequence(state: PetitionState, supervisionId: unknown): string {
  const index = state.supervisions.findIndex((s) => s.id === supervisionId);
  return index > 0 ? `-${index + 1}` : '';
}

/** Official documents as .docx (GB/T 9704 layout), generated from the petition's record. */
export const documentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/:id/print',
      {
        schema: {
          tags: ['documents'],
          summary: "The printed petition page's head: the time of printing by the server clock (not the browser's), and China's date",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ printedAt: z.string().describe('ISO timestamp, server clock'), today: z.string() }) },
        },
      },
      async (req) => {
        await visiblePetition(deps.db, await req.user(), req.params.id);
        const now = deps.now();
        return { printedAt: now.toISOString(), today: deps.clockSettings.context(now).today };
      },
    );
    app.get(
      '/:id/documents/:kind',
      {
        schema: {
          tags: ['documents'],
          summary: 'Official document as .docx: receiptNotice, declineNotice, opinion, reviewOpinion, reReviewOpinion, supervisionNotice',
          params: z.object({ id: z.uuid(), kind: z.enum(documentKinds) }),
          querystring: z.object({
            supervisionId: z.string().min(1).max(100).optional().describe('supervisionNotice: which notice (default the latest)'),
          }),
        },
      },
      async (req, reply) => {
        const actor = await req.user();
        const row = await visiblePetition(deps.db, actor, req.params.id);
        const kind = req.params.kind;
        const { supervisionId } = req.query;
        if (supervisionId !== undefined && kind !== 'supervisionNotice')
          throw badRequest(
            'supervisionIdNotApplicable',
            { zh: 'supervisionId：只有督办通知按通知编号出具', en: 'supervisionId: only a supervision notice is chosen by its id' },
            { field: 'supervisionId' },
          );
        // A document addressed to the petitioner names them: only those who may see personal data issue it.
        if (kind !== 'supervisionNotice') {
          const p = can(actor, 'revealPersonalData', scopeOf(row));
          if (!p.allowed) throw forbidden(p.message);
        }
        const buffer = await renderDocx(await buildDocument(deps, actor, row, kind, supervisionId));
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${titles[kind]}-${row.trackingCode}${noticeSequence(row.state, supervisionId)}.docx`)}`)
          .send(buffer);
      },
    );
  };
