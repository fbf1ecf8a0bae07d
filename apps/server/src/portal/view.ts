import { petitionClocks, statusText, type Message, type PetitionState } from '@qiao/core';
import type { Deps } from '../context';
import { loadEvents, loadPetition, type PetitionRow } from '../petitions/repo';
import { summarise } from '../petitions/presenter';
import { unitNames } from '../units/repo';

/** The clocks a resident sees: the government's obligations and their own windows, never internal ones. */
const clockLabels: Record<string, Message> = {
  route: { zh: '信访部门登记转送（15 日内）', en: 'Petition office routes it (within 15 days)' },
  receiptNotice: { zh: '办理单位书面告知受理情况（15 日内）', en: 'The unit tells you in writing it has the matter (within 15 days)' },
  handling: { zh: '办理并出具处理意见（60 日内，可延长 30 日）', en: 'Handled and answered in writing (60 days, extendable by 30)' },
  reviewRequest: { zh: '您可请求复查（收到意见后 30 日内）', en: 'You may ask for a review (within 30 days of the reply)' },
  review: { zh: '作出复查意见（30 日内）', en: 'The review is decided (within 30 days)' },
  reReviewRequest: { zh: '您可请求复核（收到复查意见后 30 日内）', en: 'You may ask for a re-review (within 30 days of the review)' },
  reReview: { zh: '作出复核意见（30 日内）', en: 'The re-review is decided (within 30 days)' },
};

export const outcomeText: Record<string, Message> = {
  support: { zh: '予以支持', en: 'Supported' },
  explain: { zh: '解释说明', en: 'Explained' },
  notSupport: { zh: '不予支持', en: 'Not supported' },
  mediated: { zh: '调解达成协议', en: 'Settled by mediation' },
  uphold: { zh: '维持', en: 'Upheld' },
  revise: { zh: '变更', en: 'Revised' },
};

/** Everything a resident may see of their own petition: no staff names, no internal notes, no other petition. */
export async function portalView(deps: Deps, row: PetitionRow) {
  const state: PetitionState = row.state;
  const ctx = deps.clockSettings.context(deps.now());
  const events = await loadEvents(deps.db, row.id);
  const names = await unitNames(deps.db, [
    state.currentUnit?.id,
    state.registeringUnit.id,
    ...state.involvedUnitIds,
    ...events.map((e) => e.actorUnitId),
  ]);
  const clocks = petitionClocks(state, ctx);
  const window = (name: string) => {
    const c = clocks.find((x) => x.name === name);
    return c ? { open: c.status === 'running', closesOn: c.due } : null;
  };
  const textOf = (type: string) => {
    const e = [...events].reverse().find((x) => x.type === type);
    const text = (e?.event.data as { text?: unknown } | undefined)?.text;
    return typeof text === 'string' ? text : null;
  };
  const replyText = textOf('replied');
  return {
    trackingCode: row.trackingCode,
    title: row.title,
    receivedOn: row.receivedOn,
    status: state.status,
    statusText: statusText(state.status),
    handlingUnit: state.currentUnit ? (names.get(state.currentUnit.id) ?? null) : null,
    deadlines: clocks
      .filter((c) => clockLabels[c.name])
      .map((c) => ({ name: c.name, label: clockLabels[c.name]!, due: c.due, status: c.status, late: c.late })),
    // The office's internal bookkeeping (repeat links, corrections, merging others in) is not a step of the
    // resident's process, and it would name other petitions.
    timeline: events.filter((e) => !INTERNAL_EVENTS.has(e.type)).map((e) => ({
      on: e.event.on,
      summary: summarise(e.event, names),
      unit: e.actorUnitId ? (names.get(e.actorUnitId) ?? null) : null,
    })),
    reply:
      state.reply && replyText !== null
        ? {
            outcome: state.reply.outcome,
            outcomeText: outcomeText[state.reply.outcome]!,
            text: replyText,
            issuedOn: state.reply.issuedOn,
            deliveredOn: state.reply.deliveredOn,
          }
        : null,
    review: state.review
      ? { outcome: state.review.outcome, text: textOf('reviewDecided'), decidedOn: state.review.decidedOn }
      : null,
    reReview: state.reReview
      ? { outcome: state.reReview.outcome, text: textOf('reReviewDecided'), decidedOn: state.reReview.decidedOn }
      : null,
    rating: state.rating,
    canRate: state.reply !== null && state.rating === null && !['declined', 'diverted'].includes(state.status),
    reviewWindow: window('reviewRequest'),
    reReviewWindow: window('reReviewRequest'),
    mergedInto: state.mergedInto ? await collectiveProgress(deps, state.mergedInto) : null,
  };
}

const INTERNAL_EVENTS = new Set(['repeatLinked', 'repeatUnlinked', 'reclassified', 'mergedIn']);

/** How the collective petition a resident's petition was merged into stands: no number, no names, no text. */
async function collectiveProgress(deps: Deps, id: string) {
  const row = await loadPetition(deps.db, id);
  if (!row) return null;
  const state: PetitionState = row.state;
  const names = await unitNames(deps.db, [state.currentUnit?.id]);
  const clocks = petitionClocks(state, deps.clockSettings.context(deps.now()));
  return {
    statusText: statusText(state.status),
    handlingUnit: state.currentUnit ? (names.get(state.currentUnit.id) ?? null) : null,
    deadlines: clocks
      .filter((c) => clockLabels[c.name] && c.kind === 'obligation')
      .map((c) => ({ name: c.name, label: clockLabels[c.name]!, due: c.due, status: c.status, late: c.late })),
    reply: state.reply ? { outcomeText: outcomeText[state.reply.outcome]!, issuedOn: state.reply.issuedOn } : null,
  };
}
