import type { Message } from './refusals';
import type { PetitionStatus } from './types';

const statusWords: Record<PetitionStatus, Message> = {
  registered: { zh: '已登记，信访部门正在确定办理单位', en: 'Registered; the petition office is deciding which unit will handle it' },
  awaitingAcceptance: { zh: '已转交办理单位，等待受理', en: 'Passed to the unit responsible; awaiting its acceptance' },
  objected: { zh: '正在重新确定办理单位', en: 'The unit responsible is being confirmed again' },
  accepted: { zh: '已受理，正在调查办理', en: 'Accepted and being investigated' },
  replied: { zh: '已出具书面处理意见', en: 'The written opinion has been issued' },
  concluded: { zh: '已办结', en: 'Concluded' },
  underReview: { zh: '复查中', en: 'Under review' },
  reviewed: { zh: '已出具复查意见', en: 'The review has been decided' },
  underReReview: { zh: '复核中', en: 'Under re-review' },
  closed: { zh: '已复核终结', en: 'Finally decided on re-review' },
  declined: { zh: '不予受理，理由已书面告知', en: 'Not accepted; the reasons were given in writing' },
  diverted: { zh: '已告知通过诉讼、仲裁、复议等法定途径解决', en: 'Directed to litigation, arbitration or another legal channel' },
  merged: { zh: '已并入集体信访事项合并办理', en: 'Merged into a collective petition and handled with it' },
};

/**
 * Where a petition stands, in plain words for the public (the resident portal, Open311 `status_notes`):
 * no staff names, no internal notes, only the stage of the legal process.
 */
export function statusText(status: PetitionStatus): Message {
  return statusWords[status];
}
