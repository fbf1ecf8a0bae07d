// Names shown to clerks: domains and cluster kinds in Chinese and English.

import type { Message } from '@qiao/core';

export const DOMAIN_NAMES: Record<string, Message> = {
  housing: { zh: '房地产', en: 'housing' },
  labor: { zh: '劳动保障（欠薪）', en: 'labour and wages' },
  land: { zh: '征地拆迁补偿', en: 'land acquisition and compensation' },
  legal: { zh: '涉法涉诉', en: 'litigation-related' },
  education: { zh: '教育', en: 'education' },
  health: { zh: '医疗卫生', en: 'health' },
  propertyManagement: { zh: '物业', en: 'property management' },
  environment: { zh: '生态环境', en: 'environment' },
  urbanConstruction: { zh: '城建', en: 'urban construction' },
  socialSecurity: { zh: '社保民政', en: 'social security and civil affairs' },
  agriculture: { zh: '农业农村', en: 'agriculture and rural affairs' },
  other: { zh: '其他', en: 'other' },
};

export function domainName(domain: string): Message {
  return DOMAIN_NAMES[domain] ?? { zh: domain, en: domain };
}

export type ClusterKind = 'respondent' | 'placeDomain' | 'repeat';
export const CLUSTER_KINDS: readonly ClusterKind[] = ['respondent', 'placeDomain', 'repeat'];

/** How a cluster is named on the hotspot page and in alerts: a label on its own, so it starts with a capital. */
export function clusterLabel(kind: string, key: string, names: { jurisdictions?: Map<string, string>; trackingCodes?: Map<string, string> } = {}): Message {
  switch (kind) {
    case 'respondent':
      return { zh: `被反映对象“${key}”`, en: `Respondent “${key}”` };
    case 'placeDomain': {
      const [place = key, domain = 'other'] = key.split('|');
      const where = place.startsWith('j:') ? (names.jurisdictions?.get(place.slice(2)) ?? place.slice(2)) : place;
      const d = domainName(domain);
      return { zh: `${where}·${d.zh}`, en: `${where} · ${d.en}` };
    }
    case 'repeat': {
      const code = names.trackingCodes?.get(key) ?? key.slice(0, 8);
      return { zh: `重复信访链（首件 ${code}）`, en: `Repeat chain (first petition ${code})` };
    }
    default:
      return { zh: key, en: key };
  }
}
