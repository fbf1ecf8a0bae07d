import { describe, expect, it } from 'vitest';
import { validateIdCard, validatePhone } from '../../src/protection/index';

/**
 * An independent GB 11643 / ISO 7064 MOD 11-2 check character: weight of position i (from the left, 0-based)
 * is 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 written X. Deliberately not the implementation's table.
 */
function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}
const withCheck = (first17: string): string => first17 + checkChar(first17);

// Fictional numbers; the literal check characters were worked out by hand and agree with checkChar.
const VALID = [
  '110101199003076632',
  '330102198502140021',
  '33010219850214003X',
  '330106200002291232', // 29 February of a leap year
  '110101190001010014', // the earliest accepted year
  '441900199912314567',
];

describe('validateIdCard', () => {
  it('the independent check routine agrees with the literals', () => {
    for (const id of VALID) expect(withCheck(id.slice(0, 17))).toBe(id);
  });

  it.each(VALID)('accepts %s', (id) => {
    expect(validateIdCard(id)).toEqual({ ok: true, value: id });
  });

  it('accepts a lowercase x and surrounding spaces, normalising them', () => {
    expect(validateIdCard(' 33010219850214003x ')).toEqual({ ok: true, value: '33010219850214003X' });
  });

  it.each([
    ['', 'format'],
    ['11010119900307663', 'format'], // 17 characters
    ['1101011990030766321', 'format'], // 19 characters
    ['110101900307663', 'format'], // legacy 15-digit
    ['11010119900307663Y', 'format'],
    ['X10101199003076632', 'format'],
    ['1101011990-0307663', 'format'],
    [withCheck('11010119000229003'), 'birthDate'], // 1900 was not a leap year
    [withCheck('11010120230230004'), 'birthDate'],
    [withCheck('11010118991231005'), 'birthDate'], // before 1900
    [withCheck('11010119901301006'), 'birthDate'], // month 13
    [withCheck('11010119900100007'), 'birthDate'], // day 0
    [withCheck('11010119900431008'), 'birthDate'], // 31 April
    ['110101199003076633', 'checksum'],
    ['11010119900307663X', 'checksum'], // the masking example is not a valid number
    ['330102198502140020', 'checksum'],
  ])('refuses %j: %s', (id, reason) => {
    expect(validateIdCard(id)).toEqual({ ok: false, reason });
  });

  it('accepts the leap day of 2000 and refuses it in 2100', () => {
    expect(validateIdCard(withCheck('11010120000229002')).ok).toBe(true);
    expect(validateIdCard(withCheck('11010121000229002'))).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('refuses every wrong check character and accepts the right one', () => {
    const first17 = '33010219850214002';
    for (const c of '0123456789X') {
      expect(validateIdCard(first17 + c).ok).toBe(c === checkChar(first17));
    }
  });
});

describe('validatePhone', () => {
  it.each([
    ['13812341234', '13812341234', 'mobile'],
    ['19912345678', '19912345678', 'mobile'],
    ['138 1234 1234', '13812341234', 'mobile'],
    ['138-1234-1234', '13812341234', 'mobile'],
    ['+86 138 1234 1234', '13812341234', 'mobile'],
    ['+86-13812341234', '13812341234', 'mobile'],
    ['008613812341234', '13812341234', 'mobile'],
    ['010-62345678', '010-62345678', 'landline'],
    ['01062345678', '010-62345678', 'landline'],
    ['021 6123 4567', '021-61234567', 'landline'],
    ['0571-87654321', '0571-87654321', 'landline'],
    ['057187654321', '0571-87654321', 'landline'],
    ['0571-8765432', '0571-8765432', 'landline'],
    ['(0571)87654321', '0571-87654321', 'landline'],
    ['0571-87654321-123', '0571-87654321-123', 'landline'],
    ['0571-87654321转123', '0571-87654321-123', 'landline'],
    ['0571 87654321 ext. 88', '0571-87654321-88', 'landline'],
    ['+86 571 87654321', '0571-87654321', 'landline'],
    ['0086-10-62345678', '010-62345678', 'landline'],
  ])('%j → %s (%s)', (input, value, kind) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    '',
    'abc',
    '12812341234', // no mobile prefix 12
    '1381234123', // 10 digits
    '138123412345', // 12 digits
    '13812341234-12', // a mobile has no extension
    '0571-123456', // 6-digit local number
    '0571-12345678', // a local number never starts with 1
    '0571-876543210', // 9-digit local number
    '0571-87654321-1234567', // extension too long
    '0571-87654321转12转3',
    '110',
    '+1 415 555 0100',
  ])('refuses %j', (input) => {
    expect(validatePhone(input)).toEqual({ ok: false, reason: 'format' });
  });
});
