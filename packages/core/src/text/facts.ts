// Concrete facts of a petition that tell one matter from another better than its wording: sums of money,
// dates, building and room numbers, and head counts. Two retellings of one matter share few words but often
// the same 38600元 or 2024年1月9日; two petitions about one estate's different buildings do not share a
// building number. Numbers written in Chinese (三万八千六百元, 叁萬捌仟陆佰元) are read as numbers.
//
// Facts are short strings (`a:38600`, `d:2024-01-09`, `m:01-09`, `b:5`, `u:1203`, `n:37`) so they can be
// stored in a text array and compared as sets.

const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** A number written in Chinese numerals (一百二十, 三万八千六百, 十一, 二〇二四) or null. */
export function chineseNumber(s: string): number | null {
  if (s === '') return null;
  // Digit by digit (二〇二四).
  if ([...s].every((c) => c in DIGIT) && s.length > 1) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGIT) {
      digit = DIGIT[c] as number;
    } else if (c in SMALL_UNIT) {
      section += (digit ?? 1) * (SMALL_UNIT[c] as number);
      digit = null;
    } else if (c in BIG_UNIT) {
      total = (total + section + (digit ?? 0)) * (BIG_UNIT[c] as number);
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

const NUM = '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿]+)';

/** A number as written: Arabic digits (with a decimal point) or Chinese numerals. */
function readNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  return chineseNumber(s);
}

// Money: 38600元, 4.6万元, 三万八千六百元, 5万块, 一百二十多万元 (多 makes it approximate: left out).
const MONEY = new RegExp(`${NUM}(万|千)?(?:余|多)?(元|块钱|块)`, 'g');
// Dates: 2024年1月9日, 1月15日, 2023年6月 (a day or a month of a year).
const FULL_DATE = /(\d{4}|[二〇零一三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?/g;
const MONTH_DAY = /(?<![年\d])(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]/g;
// Buildings and rooms: 5栋, 3号楼, 2幢, 1单元, 1203室, 5栋1203.
const BUILDING = new RegExp(`${NUM}(?:号)?(?:栋|幢|号楼|座)`, 'g');
const BUILDING_RANGE = new RegExp(`${NUM}(?:号)?(?:至|到|-|~)${NUM}(?:号)?(?:栋|幢|号楼|座)`, 'g');
const ROOM = /(?:栋|幢|楼|单元)(\d{3,4})(?:室|号)?|(\d{3,4})(?:室)/g;
// Head counts: 37名农民工, 42户, 十一个人, 38户居民.
const COUNT = new RegExp(`${NUM}(?:多)?(?:名|个(?![月小天年星钟多半])|户|位)(?:人|工人|农民工|居民|住户|业主|村民|家长|学生|职工|员工)?`, 'g');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The facts of a normalised text (see the file comment for their form). Sorted, without repeats. */
export function extractFacts(normalised: string): string[] {
  const out = new Set<string>();
  for (const m of normalised.matchAll(MONEY)) {
    if (/[多余]/.test(m[0])) continue;
    let n = readNumber(m[1] as string);
    if (n === null) continue;
    if (m[2] === '万') n *= 10_000;
    else if (m[2] === '千') n *= 1000;
    n = Math.round(n);
    // Small sums (a 5元 fee, 2块) are common to many matters.
    if (n >= 100) out.add(`a:${n}`);
  }
  const dayTaken = new Set<number>();
  for (const m of normalised.matchAll(FULL_DATE)) {
    const y = readNumber(m[1] as string);
    const mo = readNumber(m[2] as string);
    if (y === null || mo === null || mo < 1 || mo > 12 || y < 1950 || y > 2100) continue;
    if (m[3] !== undefined) {
      const d = readNumber(m[3]);
      if (d === null || d < 1 || d > 31) continue;
      out.add(`d:${y}-${pad(mo)}-${pad(d)}`);
      out.add(`m:${pad(mo)}-${pad(d)}`);
      dayTaken.add(m.index ?? -1);
    } else out.add(`d:${y}-${pad(mo)}`);
  }
  for (const m of normalised.matchAll(MONTH_DAY)) {
    const mo = readNumber(m[1] as string);
    const d = readNumber(m[2] as string);
    if (mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    out.add(`m:${pad(mo)}-${pad(d)}`);
  }
  for (const m of normalised.matchAll(BUILDING_RANGE)) {
    const from = readNumber(m[1] as string);
    const to = readNumber(m[2] as string);
    if (from !== null && to !== null && from > 0 && to >= from && to - from <= 50) for (let n = from; n <= to; n++) out.add(`b:${n}`);
  }
  for (const m of normalised.matchAll(BUILDING)) {
    const n = readNumber(m[1] as string);
    if (n !== null && n > 0 && n < 1000) out.add(`b:${n}`);
  }
  for (const m of normalised.matchAll(ROOM)) {
    const n = m[1] ?? m[2];
    if (n !== undefined) out.add(`u:${Number(n)}`);
  }
  for (const m of normalised.matchAll(COUNT)) {
    const n = readNumber(m[1] as string);
    // 一个, 两个 say nothing; counts of three and more people do.
    if (n !== null && n >= 3 && n < 100_000 && Number.isInteger(n)) out.add(`n:${n}`);
  }
  return [...out].sort();
}

/** A fact as a clerk reads it (38600元, 2024年1月9日, 5栋, 1203室, 37人). */
export function factLabel(fact: string): { zh: string; en: string } {
  const v = fact.slice(2);
  switch (fact[0]) {
    case 'a':
      return { zh: `${v}元`, en: `¥${v}` };
    case 'd': {
      const [y, m, d] = v.split('-');
      return d === undefined
        ? { zh: `${y}年${Number(m)}月`, en: `${y}-${m}` }
        : { zh: `${y}年${Number(m)}月${Number(d)}日`, en: v };
    }
    case 'm': {
      const [m, d] = v.split('-');
      return { zh: `${Number(m)}月${Number(d)}日`, en: `${m}-${d}` };
    }
    case 'b':
      return { zh: `${v}栋`, en: `building ${v}` };
    case 'u':
      return { zh: `${v}室`, en: `room ${v}` };
    case 'n':
      return { zh: `${v}人/户`, en: `${v} people/households` };
    default:
      return { zh: fact, en: fact };
  }
}
