import { compareDates, decide, statusText, type PetitionState } from '@qiao/core';
import type { Deps } from '../context';

export interface Message {
  zh: string;
  en: string;
}

/** Whether a drafted supervision notice can be issued now, and if not, why (in both languages). */
export type DraftApplicability =
  | { ok: true }
  | { ok: false; code: 'notSupervisable' | 'unitChanged' | 'alreadySupervised'; message: Message };

/** What a draft says: its own id (the notice's id once issued), the unit it addresses, the deadline it is about. */
export interface DraftRef {
  id: string;
  unitId: string;
  dueOn: string;
}

/**
 * The one rule for supervision drafts, used when the sweep drafts one, when the office lists them and when it
 * issues one: the core must accept `supervise` on the petition today (its stage and preconditions, asked of
 * `decide` itself, as `availableCommands` would answer), the petition must still be with the unit the draft
 * addresses (a notice goes to the unit holding the petition), and no notice may have been issued to that unit
 * since the deadline passed (it already answers for the lateness).
 */
export function draftApplicability(
  deps: Pick<Deps, 'now' | 'clockSettings'>,
  state: PetitionState,
  draft: DraftRef,
): DraftApplicability {
  // Asked with lateness, the reason every stage allows: which reason the notice gives is the office's choice
  // (the draft suggests one, supervisionReasonFor), and a reason the stage does not allow is refused on issuing.
  const decision = decide(
    state,
    { type: 'supervise', supervisionId: draft.id, reason: 'late', note: '督办' },
    { now: deps.now(), ...deps.clockSettings.get(), actor: { userId: 'sweep', unitId: null } },
  );
  if (!decision.ok) {
    if (decision.refusal.code === 'supervisionDuplicate')
      return {
        ok: false,
        code: 'alreadySupervised',
        message: { zh: '该督办通知已经发出', en: 'This supervision notice has already been issued' },
      };
    const stage = statusText(state.status);
    return {
      ok: false,
      code: 'notSupervisable',
      message:
        decision.refusal.code === 'invalidState'
          ? {
              zh: `该事项现为“${stage.zh}”，已不能发出督办通知`,
              en: `The petition now stands as "${stage.en}": a supervision notice can no longer be issued`,
            }
          : decision.refusal.message,
    };
  }
  if (state.currentUnit?.id !== draft.unitId)
    return {
      ok: false,
      code: 'unitChanged',
      message: {
        zh: '该事项已不在草稿所督办的单位办理',
        en: 'The petition is no longer with the unit this draft addresses',
      },
    };
  const since = state.supervisions.find(
    (s) => (s.unitId ?? draft.unitId) === draft.unitId && compareDates(s.issuedOn, draft.dueOn) > 0,
  );
  if (since)
    return {
      ok: false,
      code: 'alreadySupervised',
      message: {
        zh: `已于 ${since.issuedOn} 就此向该单位发出督办通知`,
        en: `A supervision notice was already issued to this unit on ${since.issuedOn}`,
      },
    };
  return { ok: true };
}
