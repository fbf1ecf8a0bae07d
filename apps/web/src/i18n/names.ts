import type { Message } from '@qiao/core';

/** One language's names from one of core's tables (domains, channels, categories), as an i18next resource. */
export function namesIn<K extends string>(table: Readonly<Record<K, Message>>, lang: keyof Message): Record<K, string> {
  return Object.fromEntries(Object.entries<Message>(table).map(([k, m]) => [k, m[lang]])) as Record<K, string>;
}
