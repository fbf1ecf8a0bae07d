import type { Refusal } from '@qiao/core';
import { AppError } from '../lib/errors';

/** A refusal of the legal process: 422 with its code, so clients can tell rules from bad input. */
export function refusalError(refusal: Refusal): AppError {
  return new AppError(422, refusal.code, refusal.message, refusal.status ? { status: refusal.status } : undefined);
}
