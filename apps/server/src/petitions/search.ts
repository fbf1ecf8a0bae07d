// The lists' text search: words (split on white space), each a substring of the title, the content or the
// respondent's name, or the start of a tracking code (a whole one included).
// Narrowed by the bigram index first (migration 0006: every two adjacent characters of the text, GIN-indexed),
// then checked with LIKE, so the answer is exactly what LIKE alone gives, without reading every petition.

import { and, or, sql, type SQL } from 'drizzle-orm';
import { petitions } from '../db/schema';
import { trackingCodePrefix } from '../lib/crypto';

/** A LIKE pattern for a substring, its wildcards escaped. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/**
 * Petitions whose text (title, content, respondent) holds every bigram of `text`: what the index can tell, true
 * for every petition that contains it; null for a query without two non-space characters in a row.
 */
export function bigramsOf(text: string): SQL | null {
  return /\S\S/.test(text) ? sql`search_grams @> qiao_bigrams(${text})` : null;
}

/** At most this many words of a query are searched for (the rest are left out): a pasted sentence still narrows. */
export const MAX_SEARCH_TERMS = 5;

/** The words of a query, split on white space, each once, the first MAX_SEARCH_TERMS of them. */
export function searchTerms(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))].slice(0, MAX_SEARCH_TERMS);
}

/**
 * Petitions whose title, content or respondent contains every word of `text` (远航塑料 拖欠: both, in any field and
 * order), or whose tracking code starts with the text read as a code (trackingCodePrefix: a group or more, as typed
 * or read out from a slip, 7k3m q9 finds 7K3M-Q9XA-2BCD; a whole code finds its petition).
 */
export function textSearchSql(text: string): SQL {
  const terms = searchTerms(text);
  const containsAll = and(
    ...terms.map((term) => {
      const like = containing(term);
      return or(
        sql`${petitions.title} like ${like}`,
        sql`${petitions.content} like ${like}`,
        sql`${petitions.respondentName} like ${like}`,
      )!;
    }),
  );
  // Narrowed by the index to the petitions holding every bigram of every word: the words' bigrams are those of the
  // words joined by a space (a bigram with white space is none). A query of one-character words has no bigram:
  // LIKE alone answers it (every visible petition read).
  const grams = bigramsOf(terms.join(' '));
  const byWords = containsAll && grams ? sql`(${grams} and ${containsAll})` : containsAll;
  // Served by petitions_tracking_code_idx, whose text_pattern_ops serve LIKE 'prefix%' under any collation (and
  // equality, for the code's other look-ups). The prefix is code characters and dashes only: nothing to escape.
  const prefix = trackingCodePrefix(text);
  const byCode = prefix === null ? undefined : sql`${petitions.trackingCode} like ${prefix + '%'}`;
  return or(byWords, byCode) ?? sql`false`;
}
