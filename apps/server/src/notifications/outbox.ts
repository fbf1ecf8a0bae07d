import type { PetitionEvent, PetitionState } from '@qiao/core';
import type { Deps } from '../context';
import { outbox } from '../db/schema';
import { encrypt } from '../lib/crypto';
import type { PetitionRow, Tx } from '../petitions/repo';

/**
 * Notifications caused by a step of the process, queued in the same transaction as the step, so a step is
 * never committed without its notices nor a notice sent for a step that rolled back.
 */
export async function queueForEvent(tx: Tx, deps: Deps, row: PetitionRow, state: PetitionState, event: PetitionEvent) {
  // A proxy agent follows the petitions they submitted: tell them when the answer arrives.
  if (row.submittedByUserId && (event.type === 'replied' || event.type === 'reviewDecided' || event.type === 'reReviewDecided')) {
    const what = event.type === 'replied' ? '处理意见' : event.type === 'reviewDecided' ? '复查意见' : '复核意见';
    await tx.insert(outbox).values({
      jurisdictionCode: state.jurisdictionCode,
      petitionId: state.id,
      channel: 'inApp',
      recipient: row.submittedByUserId,
      template: 'answerArrived',
      bodyEnc: encrypt(deps.keys.encryption, `您代理的信访件 ${row.trackingCode}（${row.title}）已出具${what}，请及时告知信访人。`),
      nextAttemptAt: deps.now(),
      createdAt: deps.now(),
    });
  }
}
