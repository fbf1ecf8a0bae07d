import type { Strings } from '../zh';

/** Labels of the texts written into a petition's history (办理经过): notes, reasons, the reply and the report. */
export const zh = {
  history: {
    note: '说明',
    reason: '理由',
    assignNote: '交办意见',
    forwardNote: '转送说明',
    acceptNote: '受理意见',
    declineNote: '不予受理说明',
    objectionReason: '异议理由',
    divertNote: '告知内容',
    extensionReason: '延期理由',
    replyText: '处理意见书正文',
    report: '办结报告',
    reviewReason: '请求理由',
    reviewText: '复查意见',
    reReviewText: '复核意见',
    supervisionNote: '督办意见',
    supervisionAnswer: '督办答复',
    ratingComment: '信访人意见',
    referralReason: '提请理由',
    conferenceSummary: '会议结论',
    coUnitOpinion: '协办意见',
  },
};

export const en: Strings<typeof zh> = {
  history: {
    note: 'Note',
    reason: 'Reason',
    assignNote: 'Instructions',
    forwardNote: 'Note',
    acceptNote: 'Note',
    declineNote: 'Explanation',
    objectionReason: 'Grounds',
    divertNote: 'What the petitioner was told',
    extensionReason: 'Reason',
    replyText: 'Text of the written opinion',
    report: 'Report',
    reviewReason: 'Grounds given',
    reviewText: 'Review opinion',
    reReviewText: 'Re-review opinion',
    supervisionNote: 'Instructions',
    supervisionAnswer: 'Answer',
    ratingComment: 'Petitioner’s comment',
    referralReason: 'Reason',
    conferenceSummary: 'Conclusion',
    coUnitOpinion: 'Opinion',
  },
};
