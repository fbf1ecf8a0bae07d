// The /api/analysis shapes live in @qiao/contracts (shared with the staff app); the error answers are the server's.

import { ErrorBody } from '@qiao/contracts';

export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
