// Normalisation of petition text, the first step of every text feature: the same account written in
// traditional or simplified characters, with full-width or half-width digits and punctuation, with or without
// a phone number, gives the same normalised string (and so the same tokens, shingles and signature).

import * as OpenCC from 'opencc-js';

// Taiwan variants first (著 -> 着, 裏 -> 里), then Hong Kong variants (衞 -> 卫); both are no-ops on
// simplified text.
const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Placeholders put in place of digits that identify a person, not a matter. */
export const PLACEHOLDER = { phone: 'TEL', idNumber: 'IDNO' } as const;

// The characters either converter changes when they stand alone: a text without any of them is already
// simplified and skips the (phrase-aware, slower) conversion. Built once, on first use.
let convertible: RegExp | undefined;

function convertibleChars(): RegExp {
  if (convertible !== undefined) return convertible;
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const tw = fromTw(joined).split('\n');
  const hk = fromHk(joined).split('\n');
  const set = new Set<number>();
  chars.forEach((ch, i) => {
    if (tw[i] !== ch || hk[i] !== ch) set.add(ch.charCodeAt(0));
  });
  // Characters that only change inside phrases cannot be found this way; the ones a petition uses are here.
  for (const ch of '著乾於餘衝鬱瞭隻裏裡麼'.split('')) set.add(ch.charCodeAt(0));
  // 么 is simplified (什么, 怎么); the Taiwan table turns it into 幺 only when it stands alone. Counting it
  // would send every simplified text that asks 为什么 through the (slow) conversion, which leaves it unchanged.
  set.delete('么'.charCodeAt(0));
  // One character class of ranges: a regular expression finds the first such character fastest.
  const codes = [...set].sort((x, y) => x - y);
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let cls = '';
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === (codes[j] as number) + 1) j++;
    cls += i === j ? hex(codes[i] as number) : `${hex(codes[i] as number)}-${hex(codes[j] as number)}`;
    i = j + 1;
  }
  convertible = new RegExp(`[${cls}]`);
  return convertible;
}

/** Traditional (Taiwan or Hong Kong usage) → simplified Chinese. Idempotent on simplified text. */
export function toSimplified(text: string): string {
  const convertible = convertibleChars();
  if (!convertible.test(text)) return text;
  // Taiwan usage first; the Hong Kong pass only when something it would change is left.
  const tw = fromTw(text);
  return convertible.test(tw) ? fromHk(tw) : tw;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (Ａ１，：) → half-width; the ideographic space → a space. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Capital (financial) numerals, as written on IOUs and in letters: 叁萬捌仟 -> 三万八千 (after simplification).
const CAPITAL_DIGITS: Readonly<Record<string, string>> = {
  零: '零', 〇: '零', 壹: '一', 贰: '二', 貳: '二', 弍: '二', 叁: '三', 參: '三', 弎: '三', 肆: '四', 伍: '五',
  陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千', 萬: '万', 億: '亿',
};

const CAPITAL_CHARS = Object.keys(CAPITAL_DIGITS).join('');
const CAPITAL = new RegExp(`[${CAPITAL_CHARS}]`);
const CAPITAL_ALL = new RegExp(`[${CAPITAL_CHARS}]`, 'g');

// Punctuation classes, unified to one mark each.
const SENTENCE_END = /[。．!！?？;；…]+/g;
const PAUSE = /[,，、]+/g;
const COLON = /[:：]+/g;
const DROPPED = /["'“”‘’「」『』《》〈〉【】[\]()（）{}<>·•—\-_~～*#/\\|]+/g;
const SPACES = /\s+/g;
const HAN = '\\u3400-\\u9fff';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}，。：])\\s+|\\s+(?=[${HAN}，。：])`, 'g');

// Personal numbers. Masked forms (139****2015, 3301**********1234) count too.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15}|\d{4,6}[*xX]{6,12}\d{2,4}[\dXx]?)(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}[- ]?\d{4}|[*xX]{4}\d{0,4})(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;

export interface NormaliseOptions {
  /** Replace phone and ID numbers with placeholders (default true). Amounts, counts and dates are kept. */
  maskPersonalNumbers?: boolean;
}

/**
 * The canonical form of a petition text: simplified characters, half-width ASCII, one mark per punctuation
 * class (。for sentence ends, ，for pauses, ：for colons; quotes and brackets dropped), no spaces between
 * Chinese characters, capital numerals as ordinary ones, phone and ID numbers replaced by `TEL` / `IDNO`.
 */
export function normalise(text: string, options: NormaliseOptions = {}): string {
  let s = toHalfWidth(text.normalize('NFC'));
  s = toSimplified(s);
  if (CAPITAL.test(s)) s = s.replace(CAPITAL_ALL, (ch) => CAPITAL_DIGITS[ch] ?? ch);
  if (options.maskPersonalNumbers ?? true) {
    s = s.replace(ID_NUMBER, ` ${PLACEHOLDER.idNumber} `);
    s = s.replace(MOBILE, ` ${PLACEHOLDER.phone} `);
    s = s.replace(LANDLINE, ` ${PLACEHOLDER.phone} `);
  }
  s = s
    .replace(DROPPED, ' ')
    .replace(SENTENCE_END, '。')
    .replace(PAUSE, '，')
    .replace(COLON, '：')
    .replace(SPACES, ' ')
    .replace(SPACE_BETWEEN_HAN, '')
    .replace(/[，。：]*。[，。：]*/g, '。')
    .replace(/，[，：]+/g, '，')
    .trim();
  return s;
}
