import { validatePhone } from './validate';

/** A petitioner's personal data as stored; each field is masked when present. */
export interface PetitionerPersonalData {
  name?: string | null;
  phone?: string | null;
  idCard?: string | null;
  address?: string | null;
  email?: string | null;
}

const HAN = /\p{Script=Han}/u;

/**
 * 王小明 → 王**, 李四 → 李*: the first character, then one * for each remaining character (names with Chinese
 * characters). Other names (Latin, …) keep the first letter and one * whatever their length: John Smith → J*.
 * A one-character name is fully masked (*).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const first = chars[0];
  if (first === undefined) return '';
  if (chars.length === 1) return '*';
  return HAN.test(name) ? first + '*'.repeat(chars.length - 1) : `${first}*`;
}

/**
 * 13812341234 → 138****1234 (first 3, last 4). A landline keeps its area code and last 2 digits:
 * 0571-87654321 → 0571-******21; an extension is masked entirely. Anything that is not a valid number keeps
 * only its last 2 characters.
 */
export function maskPhone(phone: string): string {
  const parsed = validatePhone(phone);
  if (!parsed.ok) return keepLast(phone.trim(), 2);
  if (parsed.kind === 'mobile') return `${parsed.value.slice(0, 3)}****${parsed.value.slice(7)}`;
  const [area = '', local = '', extension] = parsed.value.split('-');
  const masked = `${area}-${'*'.repeat(local.length - 2)}${local.slice(-2)}`;
  return extension === undefined ? masked : `${masked}-${'*'.repeat(extension.length)}`;
}

/** 11010119900307663X → 1101**********663X (first 4, last 4). Eight characters or fewer are fully masked. */
export function maskIdCard(idCard: string): string {
  const chars = Array.from(idCard.trim().toUpperCase());
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

/**
 * 浙江省杭州市西湖区文三路478号 → 浙江省杭州市****: the first 6 characters, then ****. An address of 6 characters
 * or fewer keeps only its first half, so a short address is never shown whole.
 */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length === 0) return '';
  const keep = chars.length > 6 ? 6 : Math.floor(chars.length / 2);
  return `${chars.slice(0, keep).join('')}****`;
}

/**
 * wang.xiaoming@example.cn → w***@example.cn: the first character of the local part, ***, then the domain.
 * Anything without a local part and a domain is fully masked.
 */
export function maskEmail(email: string): string {
  const e = email.trim();
  const at = e.lastIndexOf('@');
  const first = Array.from(e)[0];
  if (at < 1 || at === e.length - 1 || first === undefined) return '*'.repeat(Array.from(e).length);
  return `${first}***${e.slice(at)}`;
}

/**
 * Masks each present field. Only the five personal-data fields are returned; a field that is absent stays
 * absent and a null stays null.
 */
export function maskPetitioner(p: PetitionerPersonalData): PetitionerPersonalData {
  const out: PetitionerPersonalData = {};
  if (p.name !== undefined) out.name = p.name === null ? null : maskName(p.name);
  if (p.phone !== undefined) out.phone = p.phone === null ? null : maskPhone(p.phone);
  if (p.idCard !== undefined) out.idCard = p.idCard === null ? null : maskIdCard(p.idCard);
  if (p.address !== undefined) out.address = p.address === null ? null : maskAddress(p.address);
  if (p.email !== undefined) out.email = p.email === null ? null : maskEmail(p.email);
  return out;
}

function keepLast(s: string, n: number): string {
  const chars = Array.from(s);
  if (chars.length <= n * 2) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - n) + chars.slice(-n).join('');
}

/** The people whose identity a petition's own words may carry: its petitioners, as stored (decrypted). */
export interface PersonInText {
  name: string;
  phone?: string | null;
  idCard?: string | null;
  email?: string | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Numbers that are someone's whatever the petition says: an ID card number, a bank card or account (12–19 digits,
// not an amount or a measure), a mobile number, an email address. Each is masked as the petitioner box masks it.
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const ACCOUNT = /(?<![0-9A-Za-z*])\d{12,19}(?![0-9A-Za-z*])(?!\s*(?:元|块|万|亿|平方|亩|米|吨|公里|千克|斤|个|人|户|名|套|间|天|年))/g;
const MOBILE = /(?<![0-9A-Za-z*])1[3-9]\d{9}(?![0-9A-Za-z*])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * A petition's title, content or demands as staff read it without revealing the petitioners: each petitioner's
 * name, phone, ID number and email, wherever the words give them (本人刘志强，电话15412349584), masked as the
 * petitioner box masks them, and so is any ID card, bank card or mobile number and email address. What the
 * matter is about (amounts, dates, places, the units and officials it names) is left as written. Revealing the
 * petitioners, which is audited, shows the words whole.
 */
export function maskPersonalText(text: string, people: readonly PersonInText[]): string {
  let s = text;
  for (const p of people) {
    for (const [value, mask] of [
      [p.idCard, maskIdCard],
      [p.phone, maskPhone],
      [p.email, maskEmail],
    ] as const) {
      const v = value?.trim();
      if (v && v.length >= 5) s = s.replace(new RegExp(escapeRegExp(v), 'gi'), mask(v));
    }
  }
  // Longest first, so a full name goes before a shorter one it holds.
  const names = [...new Set(people.map((p) => p.name.replace(/\s+/g, '')).filter((n) => Array.from(n).length >= 2))].sort((a, b) => b.length - a.length);
  for (const n of names) s = s.replaceAll(n, maskName(n));
  return s
    .replace(ID_CARD, (m) => maskIdCard(m))
    .replace(ACCOUNT, (m) => `${'*'.repeat(m.length - 4)}${m.slice(-4)}`)
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(EMAIL, (m) => maskEmail(m));
}
