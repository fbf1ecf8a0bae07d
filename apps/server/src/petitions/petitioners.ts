import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import {
  maskAddress,
  maskEmail,
  maskIdCard,
  maskName,
  maskPhone,
  validateIdCard,
  validatePhone,
} from '@qiao/core';
import type { PetitionIntake } from '@qiao/contracts';
import type { Keys } from '../lib/crypto';
import { decrypt, encrypt, keyedHash } from '../lib/crypto';
import { badRequest } from '../lib/errors';
import { petitioners } from '../db/schema';
import type { Tx } from './repo';

type Input = PetitionIntake['petitioners'][number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Check phone and ID numbers and emails; 400 naming the field (e.g. petitioners.1.idCard) when one is wrong. */
export function normalisePetitioners(list: Input[]): Input[] {
  return list.map((p, i) => {
    const out: Input = { name: p.name };
    if (p.phone) {
      const v = validatePhone(p.phone);
      if (!v.ok)
        throw badRequest(
          'invalidPhone',
          {
            zh: `petitioners.${i}.phone：电话号码格式不正确（手机 11 位，或带区号的固定电话）`,
            en: `petitioners.${i}.phone: not a valid phone number (11-digit mobile, or landline with area code)`,
          },
          { field: `petitioners.${i}.phone` },
        );
      out.phone = v.value;
    }
    if (p.idCard) {
      const v = validateIdCard(p.idCard);
      if (!v.ok) {
        const why = {
          format: ['应为 18 位（17 位数字加校验位）', 'must be 18 characters: 17 digits and a check character'],
          birthDate: ['出生日期无效', 'the birth date in it is not a real date'],
          checksum: ['有误（最后一位校验位与前 17 位对不上），请逐位核对', 'has a mistake (its last, check character does not match the others): check each digit'],
        }[v.reason];
        throw badRequest(
          'invalidIdCard',
          {
            zh: `petitioners.${i}.idCard：身份证号码${why[0]}`,
            en: `petitioners.${i}.idCard: ID card number ${why[1]}`,
          },
          { field: `petitioners.${i}.idCard` },
        );
      }
      out.idCard = v.value;
    }
    if (p.address) out.address = p.address;
    if (p.email) {
      if (!EMAIL.test(p.email))
        throw badRequest(
          'invalidEmail',
          { zh: `petitioners.${i}.email：邮箱地址格式不正确`, en: `petitioners.${i}.email: not a valid email address` },
          { field: `petitioners.${i}.email` },
        );
      out.email = p.email;
    }
    return out;
  });
}

export interface PersonalData {
  name: string;
  phone?: string | null;
  idCard?: string | null;
  address?: string | null;
  email?: string | null;
}

/** The stored form of a petition's petitioners: each field encrypted, a masked copy, keyed hashes to match. */
export function petitionerRows(keys: Keys, petition: { id: string; jurisdictionCode: string }, list: PersonalData[]) {
  const enc = (v: string | null | undefined) => (v ? encrypt(keys.encryption, v) : null);
  return list.map((p, position) => ({
    id: randomUUID(),
    petitionId: petition.id,
    jurisdictionCode: petition.jurisdictionCode,
    position,
    nameEnc: encrypt(keys.encryption, p.name),
    phoneEnc: enc(p.phone),
    idCardEnc: enc(p.idCard),
    addressEnc: enc(p.address),
    emailEnc: enc(p.email),
    nameMasked: maskName(p.name),
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
    idCardMasked: p.idCard ? maskIdCard(p.idCard) : null,
    addressMasked: p.address ? maskAddress(p.address) : null,
    emailMasked: p.email ? maskEmail(p.email) : null,
    phoneHash: p.phone ? keyedHash(keys.matching, p.phone) : null,
    idCardHash: p.idCard ? keyedHash(keys.matching, p.idCard) : null,
  }));
}

export async function insertPetitioners(tx: Tx, keys: Keys, petition: { id: string; jurisdictionCode: string }, list: PersonalData[]) {
  if (list.length === 0) return;
  await tx.insert(petitioners).values(petitionerRows(keys, petition, list));
}

export async function maskedPetitioners(tx: Tx, petitionId: string) {
  const rows = await tx
    .select()
    .from(petitioners)
    .where(eq(petitioners.petitionId, petitionId))
    .orderBy(asc(petitioners.position));
  return rows.map((r) => ({
    position: r.position,
    name: r.nameMasked,
    phone: r.phoneMasked,
    idCard: r.idCardMasked,
    address: r.addressMasked,
    email: r.emailMasked,
  }));
}

/** Decrypt a petition's petitioners. Callers write the audit row in the same transaction. */
export async function revealedPetitioners(tx: Tx, keys: Keys, petitionId: string) {
  const rows = await tx
    .select()
    .from(petitioners)
    .where(eq(petitioners.petitionId, petitionId))
    .orderBy(asc(petitioners.position));
  const dec = (v: string | null) => (v ? decrypt(keys.encryption, v) : null);
  return rows.map((r) => ({
    position: r.position,
    name: decrypt(keys.encryption, r.nameEnc),
    phone: dec(r.phoneEnc),
    idCard: dec(r.idCardEnc),
    address: dec(r.addressEnc),
    email: dec(r.emailEnc),
  }));
}
