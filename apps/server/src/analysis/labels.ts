// Names shown to clerks: domains (core's table) and cluster kinds in Chinese and English.

import { domainNames, nameOf, type Message } from '@qiao/core';
import { respondentLabel } from '@qiao/core/text';

export function domainName(domain: string): Message {
  return nameOf(domainNames, domain);
}

export type ClusterKind = 'respondent' | 'placeDomain' | 'repeat';
export const CLUSTER_KINDS: readonly ClusterKind[] = ['respondent', 'placeDomain', 'repeat'];

/** How a cluster is named on the hotspot page and in alerts: a label on its own, so it starts with a capital. */
export function clusterLabel(kind: string, key: string, names: { jurisdictions?: Map<string, string>; trackingCodes?: Map<string, string> } = {}): Message {
  switch (kind) {
    case 'respondent':
      return { zh: `被反映对象“${respondentLabel(key)}”`, en: `Respondent “${respondentLabel(key)}”` };
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
