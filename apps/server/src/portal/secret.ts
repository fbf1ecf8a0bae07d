import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../context';
import { petitions, trackingFailures } from '../db/schema';
import { normaliseTrackingCode, secretMatches } from '../lib/crypto';
import { AppError } from '../lib/errors';

export const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 30 * 60_000;

/** One answer for an unknown code and a wrong secret, so the portal never confirms that a code exists. */
const notFound = () =>
  new AppError(404, 'trackingNotFound', {
    zh: '信访件编号或查询码不正确，请核对后重试',
    en: 'The tracking code or the secret is wrong; check them and try again',
  });

/**
 * Open a petition with its tracking code and secret. Secrets are compared as fixed-length hashes in constant
 * time; after MAX_FAILURES wrong secrets within 15 minutes the code is locked for 30 minutes, whether or not it
 * exists, so locking reveals nothing either.
 */
export async function openWithSecret(deps: Deps, rawCode: string, secret: string | undefined) {
  const code = normaliseTrackingCode(rawCode);
  const now = deps.now();
  const [fail] = await deps.db.select().from(trackingFailures).where(eq(trackingFailures.trackingCode, code));
  if (fail?.lockedUntil && fail.lockedUntil > now) throw locked(fail.lockedUntil);

  const [row] = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code)
    ? await deps.db.select().from(petitions).where(eq(petitions.trackingCode, code))
    : [];
  if (secretMatches(secret, row?.trackingSecretHash)) {
    if (fail) await deps.db.delete(trackingFailures).where(eq(trackingFailures.trackingCode, code));
    return row!;
  }
  await recordFailure(deps, code, now);
  throw notFound();
}

async function recordFailure(deps: Deps, code: string, now: Date) {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  // One atomic upsert: concurrent wrong guesses all count.
  await deps.db
    .insert(trackingFailures)
    .values({ trackingCode: code, failures: 1, firstFailureAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: trackingFailures.trackingCode,
      set: {
        failures: sql`case when ${trackingFailures.firstFailureAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${trackingFailures.failures} + 1 end`,
        firstFailureAt: sql`case when ${trackingFailures.firstFailureAt} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${trackingFailures.firstFailureAt} end`,
        lockedUntil: sql`case when ${trackingFailures.firstFailureAt} >= ${windowStart.toISOString()}::timestamptz and ${trackingFailures.failures} + 1 >= ${MAX_FAILURES} then ${lockUntil.toISOString()}::timestamptz else null end`,
      },
    });
}

function locked(until: Date) {
  const hhmm = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }).format(until);
  return new AppError(
    429,
    'trackingLocked',
    {
      zh: `查询码错误次数过多，该编号已暂时锁定，请于 ${hhmm} 后再试`,
      en: `Too many wrong secrets: this tracking code is locked until ${hhmm} (China time)`,
    },
    { retryAfter: until.toISOString() },
  );
}
