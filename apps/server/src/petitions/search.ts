// The lists' text search: a substring of the title, the content or the respondent's name, or a tracking code.
// Narrowed by the bigram index first (migration 0006: every two adjacent characters of the text, GIN-indexed),
// then checked with LIKE, so the answer is exactly what LIKE alone gives, without reading every petition.

import { eq, or, sql, type SQL } from 'drizzle-orm';
import { petitions } from '../db/schema';
import { normaliseTrackingCode } from '../lib/crypto';

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

/** Petitions whose title, content or respondent contains `text`, or whose tracking code it is (as typed or read out). */
export function textSearchSql(text: string): SQL {
  const like = containing(text);
  const contains = or(
    sql`${petitions.title} like ${like}`,
    sql`${petitions.content} like ${like}`,
    sql`${petitions.respondentName} like ${like}`,
  )!;
  // A one-character query has no bigram: LIKE alone answers it (every visible petition read).
  const grams = bigramsOf(text);
  return or(grams ? sql`(${grams} and ${contains})` : contains, eq(petitions.trackingCode, normaliseTrackingCode(text)))!;
}
