import { request, type Category, type Domain } from './api';

// Issue 6 at intake: suggestions for the text being typed (POST /api/analysis/suggest). On the petition page: petitions about the same matter (GET /api/analysis/petitions/:id/similar), linking
// one as a repeat or undoing it, correcting the classification (the petition's command API), and merging single
// petitions into a collective one (POST /api/analysis/petitions/:id/merge). Shapes mirror
// apps/server/src/analysis/schemas.ts.

export interface SimilarReason {
  kind: string;
  message: { zh: string; en: string };
}
export interface SimilarPetition {
  id: string;
  trackingCode: string;
  title: string;
  status: string;
  domain: string;
  category: string;
  receivedOn: string;
  repeatOf: string | null;
  score: number;
  textSimilarity: number;
  sameMatter: boolean;
  reasons: SimilarReason[];
}
export interface MergeResult {
  id: string;
  status: string;
  version: number;
  headcount: number;
  representatives: number;
  merged: { id: string; trackingCode: string }[];
}
/** What the model says about a text, with the words that drove it (POST /api/analysis/suggest). */
interface SuggestAnswer {
  value: string | boolean;
  confidence: number;
  reasons: string[];
}
export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  jurisdictionCode: string;
  reason: { zh: string; en: string };
}
export interface SuggestResponse {
  classification: {
    domain: Domain;
    domainName: { zh: string; en: string };
    category: Category;
    litigationRelated: boolean;
    confidence: number;
    words: string[];
    detail: { domain: SuggestAnswer; category: SuggestAnswer; litigationRelated: SuggestAnswer };
  };
  entities: { respondents: string[]; places: string[] };
  similar: SimilarPetition[];
  routing: {
    territorial: UnitSuggestion | null;
    subject: UnitSuggestion | null;
    excluded: { unitId: string; unitName: string; reason: { zh: string; en: string } }[];
  };
}
export interface SuggestBody {
  text: string;
  title?: string;
  respondent?: { name?: string; unitId?: string };
  address?: string;
  jurisdictionCode?: string;
  domain?: Domain;
  category?: Category;
  /** Compared by keyed hash on the server only; never stored or shown. */
  petitioners?: { phone?: string; idCard?: string }[];
  limit?: number;
}

interface CommandDone {
  id: string;
  status: string;
  version: number;
}

export const analysisApi = {
  suggest: (body: SuggestBody) => request<SuggestResponse>('POST', '/analysis/suggest', { body }),
  similar: (id: string, limit = 10) =>
    request<{ petitionId: string; similar: SimilarPetition[] }>('GET', `/analysis/petitions/${id}/similar`, { query: { limit } }),
  linkRepeat: (id: string, repeatOf: string, expectedVersion: number, note?: string) =>
    request<CommandDone>('POST', `/petitions/${id}/linkRepeat`, { body: { repeatOf, expectedVersion, ...(note ? { note } : {}) } }),
  unlinkRepeat: (id: string, reason: string, expectedVersion: number) =>
    request<CommandDone>('POST', `/petitions/${id}/unlinkRepeat`, { body: { reason, expectedVersion } }),
  reclassify: (
    id: string,
    body: { domain: Domain; category: Category; litigationRelated: boolean; note?: string },
    expectedVersion: number,
  ) => request<CommandDone>('POST', `/petitions/${id}/reclassify`, { body: { ...body, expectedVersion } }),
  merge: (id: string, body: { petitionIds: string[]; headcount?: number; representatives: number; note?: string; expectedVersion: number }) =>
    request<MergeResult>('POST', `/analysis/petitions/${id}/merge`, { body }),
};
