// Segmentation: jieba words (the dictionary of @node-rs/jieba, loaded once, on first use) with stopwords
// removed, and character n-grams of the Chinese runs (robust to words jieba does not know, such as new
// company or estate names, and to segmentation that differs between two tellings of one matter).

import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { STOPWORDS } from './stopwords';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN_RUN = /[\u3400-\u9fff]+/g;
const WORDLIKE = /^(?:[\u3400-\u9fff]{2,}|[A-Za-z][A-Za-z]+)$/;

/** Every jieba word of a text (HMM on for unknown words), punctuation and spaces included. */
export function cut(text: string): string[] {
  return segmenter().cut(text, true);
}

/**
 * The content words of a normalised text: jieba words of two or more characters (or Latin words), without
 * stopwords, digits, punctuation and the TEL / IDNO placeholders.
 */
export function tokens(normalised: string): string[] {
  const out: string[] = [];
  for (const w of cut(normalised)) {
    if (WORDLIKE.test(w) && !STOPWORDS.has(w)) out.push(w);
  }
  return out;
}

/** The runs of Chinese characters of a text (punctuation, digits and Latin letters split them). */
export function hanRuns(text: string): string[] {
  return text.match(HAN_RUN) ?? [];
}

/** Character n-grams inside each run of Chinese characters (they never cross punctuation). */
export function charNgrams(text: string, n: number): string[] {
  const out: string[] = [];
  // The runs are of BMP characters only (U+3400-U+9FFF), so string indices are characters.
  for (const run of hanRuns(text)) {
    for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n));
  }
  return out;
}
