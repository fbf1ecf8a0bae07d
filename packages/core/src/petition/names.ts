// What domains, channels and categories are called on screen, in exports and in the server's messages: one table,
// so the cockpit's chart, its .xlsx, a hotspot's label and a petition's history name a domain the same way.
// Chinese as in GLOSSARY.md; English as the workbench shows it (a label on its own, so it starts with a capital).
// The resident portal words its own, for residents.
import type { Message } from './refusals';
import type { Category, Channel, Domain, SupervisionReason } from './types';

export const domainNames: Readonly<Record<Domain, Message>> = {
  housing: { zh: '房地产', en: 'Housing' },
  labor: { zh: '劳动保障（欠薪）', en: 'Labour & wages' },
  land: { zh: '征地拆迁补偿', en: 'Land & demolition' },
  legal: { zh: '涉法涉诉', en: 'Law & courts' },
  education: { zh: '教育', en: 'Education' },
  health: { zh: '医疗卫生', en: 'Health' },
  propertyManagement: { zh: '物业', en: 'Property management' },
  environment: { zh: '生态环境', en: 'Environment' },
  urbanConstruction: { zh: '城建', en: 'Urban construction' },
  socialSecurity: { zh: '社保民政', en: 'Social security' },
  agriculture: { zh: '农业农村', en: 'Agriculture' },
  other: { zh: '其他', en: 'Other' },
};

export const channelNames: Readonly<Record<Channel, Message>> = {
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
  online: { zh: '网上信访', en: 'Online' },
  hotline: { zh: '电话', en: 'Hotline' },
  proxy: { zh: '代理', en: 'Proxy agent' },
  transfer: { zh: '上级转交', en: 'Transfer' },
};

export const categoryNames: Readonly<Record<Category, Message>> = {
  suggestion: { zh: '建议意见类', en: 'Suggestion' },
  accusation: { zh: '检举控告类', en: 'Accusation' },
  claim: { zh: '申诉求决类', en: 'Claim' },
};

/** Why a supervision notice was issued, as the notice and the history say it. */
export const supervisionReasonNames: Readonly<Record<SupervisionReason, Message>> = {
  late: { zh: '逾期未办理', en: 'Overdue' },
  unrouted: { zh: '未按规定转送、交办', en: 'Not forwarded or assigned as required' },
  evasive: { zh: '推诿敷衍', en: 'Evasive' },
  improper: { zh: '办理不当', en: 'Improper handling' },
};

/** A table's name for a key, or the key itself when it names nothing known (an older or foreign value). */
export function nameOf(table: Readonly<Record<string, Message>>, key: string): Message {
  return table[key] ?? { zh: key, en: key };
}
