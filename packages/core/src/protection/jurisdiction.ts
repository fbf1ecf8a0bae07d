/**
 * GB/T 2260 administrative division codes, extended to towns (9 digits) and villages (12 digits) as in the
 * statistical division codes: province `330000`, city `330100`, county `330102`, town `330102001`,
 * village `330102001001`.
 */
export type JurisdictionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

const PROVINCE = /^[1-8][1-9]$/;

/**
 * True for a well-formed code: a 6-digit code whose province pair is 11-89 (no trailing zero) and that has no
 * county pair without a city pair; a 9-digit town under a city or county (not directly under a province);
 * a 12-digit village under a valid town. Town and village parts are never `000`.
 */
export function isValidJurisdictionCode(code: string): boolean {
  if (typeof code !== 'string' || !/^\d+$/.test(code)) return false;
  switch (code.length) {
    case 6: {
      const province = code.slice(0, 2);
      const city = code.slice(2, 4);
      const county = code.slice(4, 6);
      if (!PROVINCE.test(province)) return false;
      return !(city === '00' && county !== '00');
    }
    case 9:
      return (
        isValidJurisdictionCode(code.slice(0, 6)) && code.slice(2, 4) !== '00' && code.slice(6) !== '000'
      );
    case 12:
      return isValidJurisdictionCode(code.slice(0, 9)) && code.slice(9) !== '000';
    default:
      return false;
  }
}

function assertValid(code: string): void {
  if (!isValidJurisdictionCode(code)) throw new RangeError(`Not a GB/T 2260 jurisdiction code: "${code}"`);
}

/** The level of a valid code. Throws a RangeError for an invalid one. */
export function jurisdictionLevel(code: string): JurisdictionLevel {
  assertValid(code);
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'town';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * The prefix every code in the subtree starts with: trailing `00` pairs of a 6-digit code are dropped
 * (330000 → 33, 330100 → 3301, 330102 → 330102); 9- and 12-digit codes stay whole. Throws for an invalid code.
 */
export function jurisdictionPrefix(code: string): string {
  switch (jurisdictionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
    case 'town':
    case 'village':
      return code;
  }
}

/** True when `code` is `ancestorCode` or lies in its subtree. False (never throws) if either code is invalid. */
export function isWithin(code: string, ancestorCode: string): boolean {
  if (!isValidJurisdictionCode(code) || !isValidJurisdictionCode(ancestorCode)) return false;
  return code.startsWith(jurisdictionPrefix(ancestorCode));
}

/**
 * The level above: village → town → county → city → province → null. A town's parent is its first six
 * digits (a county, or a city without counties such as 441900). Throws for an invalid code.
 */
export function parentJurisdiction(code: string): string | null {
  switch (jurisdictionLevel(code)) {
    case 'village':
      return code.slice(0, 9);
    case 'town':
      return code.slice(0, 6);
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'province':
      return null;
  }
}
