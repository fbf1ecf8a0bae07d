import { and, eq, inArray } from 'drizzle-orm';
import { isAccusedUnit, petitionClocks, type PetitionEvent, type PetitionState } from '@qiao/core';
import type { Deps } from '../context';
import { outbox, users } from '../db/schema';
import { encrypt } from '../lib/crypto';
import type { PetitionRow, Tx } from '../petitions/repo';
import { noticeBody, type NoticeText } from './text';

/** The answers a proxy agent passes on to the resident, and the resident's window that each one opens. */
const ANSWERS = {
  replied: { what: '处理意见', whatEn: 'written opinion', window: 'reviewRequest', next: '请求复查', nextEn: 'ask for a review', rate: true },
  reviewDecided: { what: '复查意见', whatEn: 'review decision', window: 'reReviewRequest', next: '请求复核', nextEn: 'ask for a re-review', rate: false },
  reReviewDecided: { what: '复核意见', whatEn: 're-review decision', window: null, next: null, nextEn: null, rate: false },
} as const;

/**
 * What a proxy agent is told when an answer to a petition they submitted arrives: pass it on, and until when
 * the resident may rate it or ask the level above to look again (the window the core's clocks give).
 */
export function answerArrivedText(row: { trackingCode: string; title: string }, type: keyof typeof ANSWERS, windowClosesOn: string | null): NoticeText {
  const a = ANSWERS[type];
  const zh = [
    `您代理的信访件 ${row.trackingCode}（${row.title}）已出具${a.what}，请及时告知信访人。`,
    a.rate ? '信访人可对办理结果进行满意度评价（满意、基本满意、不满意）。' : '',
    a.next && windowClosesOn ? `如不服，可于 ${windowClosesOn} 前${a.next}。` : a.next ? '' : '复核意见为最终意见。',
  ];
  const en = [
    `The ${a.whatEn} on petition ${row.trackingCode} (${row.title}), which you submitted as proxy, has been issued: please tell the petitioner.`,
    a.rate ? ' The petitioner may rate the outcome (satisfied, basically satisfied or dissatisfied).' : '',
    a.nextEn && windowClosesOn ? ` If they disagree, they may ${a.nextEn} until ${windowClosesOn}.` : a.nextEn ? '' : ' The re-review decision is final.',
  ];
  return { zh: zh.join(''), en: en.join('') };
}

/**
 * Notifications caused by a step of the process, queued in the same transaction as the step, so a step is
 * never committed without its notices nor a notice sent for a step that rolled back.
 */
export async function queueForEvent(tx: Tx, deps: Deps, row: PetitionRow, state: PetitionState, event: PetitionEvent) {
  // A proxy agent follows the petitions they submitted: tell them when the answer arrives, and until when the
  // resident may ask for a review (and rate the answer).
  if (row.submittedByUserId && (event.type === 'replied' || event.type === 'reviewDecided' || event.type === 'reReviewDecided')) {
    const window = ANSWERS[event.type].window;
    const clock = window ? petitionClocks(state, deps.clockSettings.context(deps.now())).find((c) => c.name === window) : undefined;
    await tx.insert(outbox).values({
      jurisdictionCode: state.jurisdictionCode,
      petitionId: state.id,
      channel: 'inApp',
      recipient: row.submittedByUserId,
      template: 'answerArrived',
      bodyEnc: encrypt(deps.keys.encryption, noticeBody(answerArrivedText(row, event.type, clock && clock.status !== 'ended' ? clock.due : null))),
      nextAttemptAt: deps.now(),
      createdAt: deps.now(),
    });
  }
  // The unit a supervision notice is issued to hears of it at once (a lower office, supervised for not routing a
  // petition, has no other sign of it than a changed due date). Never a unit the petition accuses: the core does
  // not issue one to it.
  if (event.type === 'supervised') {
    const notice = state.supervisions.find((s) => s.id === event.data.supervisionId);
    const unitId = notice?.unitId;
    if (!notice || !unitId || isAccusedUnit(unitId, state)) return;
    const staff = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.unitId, unitId), eq(users.active, true), inArray(users.role, ['clerk', 'handler', 'unitHead'])));
    const due = petitionClocks(state, deps.clockSettings.context(deps.now())).find((c) => c.name === `supervision:${notice.id}`)?.due;
    const text = {
      zh: `信访件 ${row.trackingCode}（${row.title}）收到督办通知${due ? `，请于 ${due} 前书面答复` : ''}。`,
      en: `Petition ${row.trackingCode} (${row.title}) has a supervision notice for your unit${due ? `: answer it in writing by ${due}` : ''}.`,
    };
    if (staff.length)
      await tx.insert(outbox).values(
        staff.map((u) => ({
          jurisdictionCode: state.jurisdictionCode,
          petitionId: state.id,
          channel: 'inApp',
          recipient: u.id,
          template: 'supervised',
          bodyEnc: encrypt(deps.keys.encryption, noticeBody(text)),
          nextAttemptAt: deps.now(),
          createdAt: deps.now(),
        })),
      );
  }
}
