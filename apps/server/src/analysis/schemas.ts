// The /api/analysis shapes live in @qiao/contracts (shared with the staff app); the error answers are the server's.

import { ErrorBody, IsoDate } from '@qiao/contracts';

export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export {
  AlertQuery,
  AlertRuleBody,
  AlertView,
  HotspotQuery,
  HotspotResponse,
  MergeBody,
  MergeResult,
  RoutingRuleBody,
  RoutingRuleKey,
  RoutingRuleView,
  RoutingSuggestion,
  SimilarPetition,
  SimilarResponse,
  SuggestBody,
  SuggestResponse,
} from '@qiao/contracts';
export { IsoDate };
