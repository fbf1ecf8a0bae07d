export type IdCardValidation =
  { ok: true; value: string } | { ok: false; reason: 'format' | 'birthDate' | 'checksum' };

export type PhoneKind = 'mobile' | 'landline';
export type PhoneValidation = { ok: true; value: string; kind: PhoneKind } | { ok: false; reason: 'format' };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

/**
 * A resident identity card number (GB 11643-1999, 18 characters): 17 digits and a check character (0-9 or X;
 * a lowercase x is accepted and normalised to X). The birth date (characters 7-14) must be a real date with a
 * year from 1900. Surrounding whitespace is ignored. 15-digit legacy numbers are refused as 'format'.
 */
export function validateIdCard(s: string): IdCardValidation {
  const value = s.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  if (!isRealDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)))) {
    return { ok: false, reason: 'birthDate' };
  }
  let sum = 0;
  ID_WEIGHTS.forEach((weight, i) => {
    sum += Number(value[i]) * weight;
  });
  return ID_CHECK_CHARS[sum % 11] === value[17] ? { ok: true, value } : { ok: false, reason: 'checksum' };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** 0 + area code (010 and 02x have two digits after the 0, the rest three) + a 7-8 digit local number. */
const LANDLINE = /^(0(?:[12]\d|[3-9]\d{2}))([2-9]\d{6,7})$/;
const EXTENSION_MARK = /(?:转|分机|ext\.?|x|#|,)/i;

/**
 * A mainland phone number. Spaces, dashes, brackets and a leading +86/0086 are stripped. A mobile number is
 * returned as 11 digits (`13812341234`); a landline as `0571-87654321`, with an extension as
 * `0571-87654321-123` (marked by 转/分机/ext/x/#, or by a trailing dash group that does not fit the number).
 * A landline written internationally without its trunk 0 (`+86 571 8765 4321`) gets the 0 back.
 */
export function validatePhone(s: string): PhoneValidation {
  let text = s.trim().replace(/[\s()（）]/g, '');
  let international = false;
  const country = /^(?:\+86|0086)-?/.exec(text);
  if (country) {
    text = text.slice(country[0].length);
    international = true;
  }
  const [main = '', extension, ...rest] = text.split(EXTENSION_MARK);
  if (rest.length > 0) return { ok: false, reason: 'format' };
  if (extension !== undefined) {
    return /^\d{1,6}$/.test(extension)
      ? parseNumber(main, extension, international)
      : { ok: false, reason: 'format' };
  }
  const whole = parseNumber(main, undefined, international);
  if (whole.ok) return whole;
  // `0571-87654321-123`: the last dash group may be an extension.
  const lastDash = main.lastIndexOf('-');
  if (lastDash > 0 && /^\d{1,6}$/.test(main.slice(lastDash + 1))) {
    const withExtension = parseNumber(main.slice(0, lastDash), main.slice(lastDash + 1), international);
    if (withExtension.ok && withExtension.kind === 'landline') return withExtension;
  }
  return { ok: false, reason: 'format' };
}

function parseNumber(main: string, extension: string | undefined, international: boolean): PhoneValidation {
  const digits = main.replace(/-/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'format' };
  if (MOBILE.test(digits)) {
    return extension === undefined
      ? { ok: true, value: digits, kind: 'mobile' }
      : { ok: false, reason: 'format' };
  }
  const landline = LANDLINE.exec(international && !digits.startsWith('0') ? `0${digits}` : digits);
  if (!landline) return { ok: false, reason: 'format' };
  const value = `${landline[1]}-${landline[2]}${extension === undefined ? '' : `-${extension}`}`;
  return { ok: true, value, kind: 'landline' };
}
