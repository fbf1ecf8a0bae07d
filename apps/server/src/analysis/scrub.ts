// Petition texts from the database made fit to train the classifier on: the petitioners' own names, phone and
// ID numbers and email addresses taken out, and long digit runs (account and card numbers, unformatted phones,
// QQ numbers) masked, so a retrained model's features never hold a person's identity. The personal data is
// decrypted inside the server for this and never written anywhere.

import { inArray } from 'drizzle-orm';
import { toHalfWidth, toSimplified } from '@qiao/core/text';
import type { Db } from '../db/open';
import { petitioners } from '../db/schema';
import { decrypt, type Keys } from '../lib/crypto';

/** What stands in for a petitioner's name in a training text (a plain Chinese placeholder, not a name). */
export const NAME_PLACEHOLDER = '某某';
/** What stands in for a long run of digits. */
export const NUMBER_PLACEHOLDER = ' NUM ';

export interface PersonToScrub {
  name: string;
  phone?: string | null;
  idCard?: string | null;
  email?: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const canonical = (s: string) => toSimplified(toHalfWidth(s.normalize('NFC')));

/**
 * Seven or more digits, possibly split by spaces or dashes (a phone written 0571 8888 6666, a bank card, an ID
 * number with its check letter), unless an amount or a measure follows (1200000元, 3500000平方米): those say
 * what the matter is about and are nobody's identity.
 */
const DIGIT_RUN = /(?<![0-9A-Za-z])\d(?:[ -]?\d){6,}[Xx]?(?![0-9A-Za-z])(?!\s*(?:元|块|万|亿|平方|亩|米|吨|公里|千克|斤|个|人|户|名|套|间|天|年))/g;

/** The names a person is written by: the full name and, for names of three characters or more, the given name. */
function nameForms(name: string): string[] {
  const n = canonical(name).replace(/\s+/g, '');
  if (n.length < 2) return [];
  const forms = [n];
  if (n.length >= 3) forms.push(n.slice(-2));
  return forms;
}

/** A petition text without its petitioners' names, numbers and emails, and with long digit runs masked. */
export function scrubText(text: string, people: readonly PersonToScrub[]): string {
  let s = canonical(text);
  const literal: string[] = [];
  for (const p of people) {
    for (const x of [p.phone, p.idCard, p.email]) if (x && x.trim().length >= 5) literal.push(canonical(x.trim()));
  }
  for (const x of literal) s = s.replace(new RegExp(escape(x), 'gi'), ' ');
  // Longest first, so a full name goes before its given name.
  const names = [...new Set(people.flatMap((p) => nameForms(p.name)))].sort((a, b) => b.length - a.length);
  for (const n of names) s = s.replaceAll(n, NAME_PLACEHOLDER);
  return s.replace(DIGIT_RUN, NUMBER_PLACEHOLDER);
}

/** The petitioners of these petitions, decrypted (inside the server only), by petition. */
export async function petitionersOf(db: Db, keys: Keys, ids: readonly string[]): Promise<Map<string, PersonToScrub[]>> {
  const out = new Map<string, PersonToScrub[]>();
  const PAGE = 500;
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await db
      .select({ petitionId: petitioners.petitionId, name: petitioners.nameEnc, phone: petitioners.phoneEnc, idCard: petitioners.idCardEnc, email: petitioners.emailEnc })
      .from(petitioners)
      .where(inArray(petitioners.petitionId, ids.slice(i, i + PAGE)));
    for (const r of rows) {
      const open = (v: string | null) => (v ? decrypt(keys.encryption, v) : null);
      const list = out.get(r.petitionId) ?? [];
      list.push({ name: decrypt(keys.encryption, r.name), phone: open(r.phone), idCard: open(r.idCard), email: open(r.email) });
      out.set(r.petitionId, list);
    }
  }
  return out;
}
