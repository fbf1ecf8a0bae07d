import type { PetitionStatus } from './types';

export interface Message {
  zh: string;
  en: string;
}

/** Why the process refuses a command. Each code has one message in Chinese and English. */
export const refusalMessages = {
  invalidState: {
    zh: '该信访事项当前所处环节不能进行此操作',
    en: 'This step is not possible while the petition is in its current stage',
  },
  accusedUnit: {
    zh: '检举控告类事项不得转送、交办给被检举控告的单位（《信访工作条例》第三十条）',
    en: 'An accusation may not be forwarded or assigned to the unit it accuses (Art. 30)',
  },
  dateTooOld: {
    zh: '收到日期不能早于两年前，请核对年份是否填错',
    en: 'The date received cannot be more than two years ago: check the year',
  },
  accusedRegistrar: {
    zh: '检举控告类事项不得由被检举控告的单位登记办理（《信访工作条例》第三十条），请向上一级信访工作机构提出',
    en: 'An accusation may not be registered at, and held by, the unit it accuses (Art. 30): bring it to the petition office above',
  },
  headcountInvalid: {
    zh: '人数不符：集体访（联名）至少 2 人，个人信访为 1 人',
    en: 'Headcount does not fit: a collective petition has at least 2 people, an individual one exactly 1',
  },
  dateInFuture: { zh: '日期不能晚于今天', en: 'The date cannot be later than today' },
  dateBeforeStart: {
    zh: '日期不能早于该环节的起始日期',
    en: 'The date cannot be earlier than the start of this step',
  },
  finalAfterReReview: {
    zh: '该事项已经复核终结，以同一事实和理由提出的信访事项不再受理（《信访工作条例》第三十六条）',
    en: 'This matter was finally decided on re-review; a petition on the same facts and reasons is not accepted again (Art. 36)',
  },
  sameMatterWithinLimits: {
    zh: '同一事项正在下级机关办理期限内，上级机关不予受理（《信访工作条例》第十九条）',
    en: 'The same matter is still within its time limits at a lower level; it is not accepted at a higher level (Art. 19)',
  },
  limitDaysInvalid: {
    zh: '交办办理期限须在 1 至 60 日之间',
    en: 'An assignment limit must be between 1 and 60 days',
  },
  sameUnit: {
    zh: '不能转送、交办给本单位',
    en: 'A petition cannot be forwarded or assigned to the unit that holds it',
  },
  objectionWindowClosed: {
    zh: '异议须在收到之日起 5 个工作日内提出，期限已过（《信访工作条例》第二十三条）',
    en: 'An objection must be raised within 5 working days of receipt; that window has closed (Art. 23)',
  },
  receiptAlreadyNotified: {
    zh: '已向信访人书面告知接收情况，无需重复告知',
    en: 'The petitioner was already told in writing that the matter was received',
  },
  objectionAlreadyDecided: {
    zh: '该单位的异议已经核实并作出决定，不能再次提出',
    en: "This unit's objection was already decided; it cannot object again",
  },
  litigationMustDivert: {
    zh: '涉法涉诉事项应导入诉讼、仲裁、行政复议等法定途径，不能作为信访事项受理（《信访工作条例》第三十一条）',
    en: 'A litigation-related matter must be diverted to litigation, arbitration or reconsideration, not accepted as a petition (Art. 31)',
  },
  extensionAlreadyUsed: {
    zh: '办理期限只能延长一次（《信访工作条例》第三十三条）',
    en: 'The handling limit can be extended only once (Art. 33)',
  },
  extensionTooLong: {
    zh: '延长期限须在 1 至 30 日之间（《信访工作条例》第三十三条）',
    en: 'An extension must be between 1 and 30 days (Art. 33)',
  },
  handlingDeadlinePassed: {
    zh: '办理期限已届满，不能再延期',
    en: 'The handling limit has already passed; it can no longer be extended',
  },
  alreadyPaused: { zh: '该期限已处于中止计算状态', en: 'This clock is already paused' },
  notPaused: { zh: '该期限未处于中止计算状态', en: 'This clock is not paused' },
  reportRequired: {
    zh: '交办事项办结时须报送办理结果',
    en: 'An assigned petition must report its result back when it is concluded',
  },
  reviewWindowClosed: {
    zh: '复查请求须自收到书面答复之日起 30 日内提出，期限已过（《信访工作条例》第三十五条）',
    en: 'A review must be requested within 30 days of receiving the written reply; that window has closed (Art. 35)',
  },
  reReviewWindowClosed: {
    zh: '复核请求须自收到复查意见之日起 30 日内提出，期限已过（《信访工作条例》第三十六条）',
    en: 'A re-review must be requested within 30 days of receiving the review opinion; that window has closed (Art. 36)',
  },
  reviewUnitInvalid: {
    zh: '复查、复核须由原办理机关的上一级机关进行，不能由原办理单位自己进行',
    en: 'A review or re-review is decided by the level above, not by the unit that decided before',
  },
  deliveryDateInvalid: {
    zh: '送达日期须在今天起 30 日之内',
    en: 'The delivery date must be between today and 30 days from now',
  },
  answerDaysInvalid: {
    zh: '督办答复期限须在 1 至 60 日之间',
    en: 'The supervision answer limit must be between 1 and 60 days',
  },
  notUnrouted: {
    zh: '督办理由“未按规定转送、交办”只适用于在登记机关等待转送、交办的信访事项；该事项已不在这一阶段，请选择其他理由',
    en: 'The reason "not forwarded or assigned as required" fits only a petition waiting with its registering office to be forwarded or assigned; this one no longer is: choose another reason',
  },
  supervisionNotFound: { zh: '找不到该督办事项', en: 'No such supervision notice on this petition' },
  supervisionDuplicate: { zh: '该督办编号已存在', en: 'A supervision notice with this id already exists' },
  supervisionAlreadyAnswered: { zh: '该督办已答复', en: 'This supervision notice has already been answered' },
  noOpenSupervision: { zh: '该信访事项没有待答复的督办', en: 'This petition has no supervision notice awaiting an answer' },
  alreadyRated: { zh: '已进行过满意度评价', en: 'The outcome has already been rated' },
  repeatLinkInvalid: {
    zh: '只能关联到另一件收到日期不晚于本件、且不是本件重复件的信访事项',
    en: 'A repeat links to another petition received no later than this one that is not itself a repeat of this one',
  },
  alreadyRepeat: {
    zh: '该信访事项已关联为重复信访，请先撤销原关联',
    en: 'This petition is already linked as a repeat; unlink it first',
  },
  notRepeat: { zh: '该信访事项未关联为重复信访', en: 'This petition is not linked as a repeat' },
  classificationUnchanged: {
    zh: '更正后的分类与原分类相同',
    en: 'The corrected classification is the same as the current one',
  },
  mergeInvalid: {
    zh: '合并须是另一件信访事项，且不能重复合并',
    en: 'A petition can be merged only with another petition, and only once',
  },
  mergedAccusation: {
    zh: '该集体信访事项合并了检举控告类事项，只能作为检举控告类事项办理，不得改为其他类别（《信访工作条例》第三十条）',
    en: 'Accusations were merged into this collective petition: it stays an accusation and cannot be reclassified (Art. 30)',
  },
  accusationMergeInvalid: {
    zh: '检举控告类事项只能并入检举控告同一单位的集体检举控告事项，不得由被检举控告的单位办理（《信访工作条例》第三十条）',
    en: 'An accusation can be merged only into a collective accusation against the same unit, so that the unit it accuses never handles it (Art. 30)',
  },
  representativesInvalid: {
    zh: '集体访推选的代表不得超过 5 人，且不能多于总人数（《信访工作条例》第二十条）',
    en: 'A collective petition sends at most 5 representatives, and no more than its headcount (Art. 20)',
  },
  textRequired: { zh: '请填写说明或理由', en: 'A text or reason is required' },
  jointConferencePending: {
    zh: '该信访事项已提交联席会议，请先登记会议决定',
    en: 'This petition was put to a joint conference; record its decision first',
  },
  jointConferenceNotReferred: {
    zh: '该信访事项未提交联席会议或会议已作出决定，不能登记会议决定',
    en: 'This petition is not awaiting a joint conference decision',
  },
  jointConferenceBinding: {
    zh: '联席会议已确定本单位为牵头单位，不能再提出异议',
    en: 'A joint conference made this unit the lead unit; it cannot object to the routing',
  },
  accusedUnitInConference: {
    zh: '检举控告类事项不得由被检举控告的单位牵头或协办（《信访工作条例》第三十条）',
    en: 'An accusation may not be led or co-handled by the unit it accuses (Art. 30)',
  },
  coUnitsInvalid: {
    zh: '协办单位不能包括牵头单位，不能重复，且不超过 10 个',
    en: 'Co-units must not include the lead unit, must not repeat, and are at most 10',
  },
  replyDueInvalid: {
    zh: '牵头单位答复期限须在明天至 60 日之内',
    en: 'The lead unit reply deadline must be between tomorrow and 60 days from now',
  },
  notCoUnit: {
    zh: '只有联席会议确定的协办单位可以提出协办意见',
    en: 'Only a co-unit named by the joint conference can add a co-handling opinion',
  },
} as const satisfies Record<string, Message>;

export type RefusalCode = keyof typeof refusalMessages;

export interface Refusal {
  code: RefusalCode;
  message: Message;
  /** For invalidState: the status the petition was in. */
  status?: PetitionStatus;
}

export function refuse(code: RefusalCode, status?: PetitionStatus): Refusal {
  return status === undefined
    ? { code, message: refusalMessages[code] }
    : { code, message: refusalMessages[code], status };
}
