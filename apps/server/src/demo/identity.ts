// Fictional identity numbers and phone numbers.
//
// ID numbers follow GB 11643-1999 (18 characters, ISO 7064 MOD 11-2 check character) with a region code of
// the invented city (3399xx), which no real person has. Phone numbers have the mainland mobile shape
// 1[3-9]xxxxxxxxx but use the 154 segment, which has never been allocated to a carrier: a demo that sends a
// text message or a one-time code can never reach a real person.

import type { Rng } from './random';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/**
 * A fictional resident ID number: region code, birth date (from the age on the reference date), sequence
 * (odd for men, even for women) and check character.
 */
export function makeIdCard(
  rng: Rng,
  regionCode: string,
  age: number,
  male: boolean,
  referenceDate: string,
): string {
  const refYear = Number(referenceDate.slice(0, 4));
  const year = refYear - age - (rng.chance(0.4) ? 1 : 0);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  let seq = rng.int(1, 999);
  if ((seq % 2 === 1) !== male) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${regionCode}${year}${pad2(month)}${pad2(day)}${String(seq).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

/** A mobile number in the never-allocated 154 segment. */
export function makePhone(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(rng.int(0, 9));
  return `154${rest}`;
}

/** 15412345678 -> 154****5678, as clerks write numbers into transcripts. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
