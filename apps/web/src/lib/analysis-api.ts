import type { z } from 'zod';
import type {
  MergeResult as MergeResultSchema,
  SimilarPetition as SimilarPetitionSchema,
  SimilarResponse,
  SuggestBody as SuggestBodySchema,
  SuggestResponse as SuggestResponseSchema,
} from '@qiao/contracts';
import { request, type Category, type Domain } from './api';

// Issue 6 at intake: suggestions for the text being typed (POST /api/analysis/suggest). On the petition page: petitions about the same matter (GET /api/analysis/petitions/:id/similar), linking
// one as a repeat or undoing it, correcting the classification (the petition's command API), and merging single
// petitions into a collective one (POST /api/analysis/petitions/:id/merge). Shapes from @qiao/contracts.

export type SimilarPetition = z.infer<typeof SimilarPetitionSchema>;
export type MergeResult = z.infer<typeof MergeResultSchema>;
export type SuggestResponse = z.infer<typeof SuggestResponseSchema>;
export type UnitSuggestion = NonNullable<SuggestResponse['routing']['territorial']>;
export type SuggestBody = z.input<typeof SuggestBodySchema>;

interface CommandDone {
  id: string;
  status: string;
  version: number;
}

export const analysisApi = {
  suggest: (body: SuggestBody) => request<SuggestResponse>('POST', '/analysis/suggest', { body }),
  similar: (id: string, limit = 10) =>
    request<z.infer<typeof SimilarResponse>>('GET', `/analysis/petitions/${id}/similar`, { query: { limit } }),
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
