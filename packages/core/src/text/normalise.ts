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
let convertible: Set<string> | undefined;

function convertibleChars(): Set<string> {
  if (convertible !== undefined) return convertible;
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const tw = fromTw(joined).split('\n');
  const hk = fromHk(joined).split('\n');
  const set = new Set<string>();
  chars.forEach((ch, i) => {
    if (tw[i] !== ch || hk[i] !== ch) set.add(ch);
  });
  // Characters that only change inside phrases cannot be found this way; the ones a petition uses are here.
  for (const ch of '著乾於餘衝鬱瞭隻裏裡麼'.split('')) set.add(ch);
  convertible = set;
  return set;
}

/** Traditional (Taiwan or Hong Kong usage) → simplified Chinese. Idempotent on simplified text. */
export function toSimplified(text: string): string {
  const set = convertibleChars();
  let needed = false;
  for (const ch of text) {
    if (set.has(ch)) {
      needed = true;
      break;
    }
  }
  return needed ? fromHk(fromTw(text)) : text;
}

/** Full-width ASCII (Ａ１，：) → half-width; the ideographic space → a space. */
export function toHalfWidth(text: string): string {
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
  let capital = '';
  for (const ch of s) capital += CAPITAL_DIGITS[ch] ?? ch;
  s = capital;
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
