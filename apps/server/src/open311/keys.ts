import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { API_KEY_SCOPES } from '@qiao/contracts';
import type { Deps } from '../context';
import type { Tx } from '../db/open';
import { open311ApiKeys, open311KeyUses, settings } from '../db/schema';
import { sha256 } from '../lib/crypto';

export const SCOPES = API_KEY_SCOPES;
export type Scope = (typeof SCOPES)[number];
export type ApiKeyRow = typeof open311ApiKeys.$inferSelect;

/** A new key: 256 random bits, recognisable by its prefix. Only its sha256 is stored. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `qiao_${randomBytes(32).toString('base64url')}`;
  return { key, hash: sha256(key), prefix: key.slice(0, 12) };
}

export async function createApiKey(
  deps: Deps,
  input: { name: string; scopes: Scope[]; channel: 'online' | 'hotline'; jurisdictionCode: string; rateLimitPerMinute: number },
  createdBy: string,
) {
  const { key, hash, prefix } = newApiKey();
  const [row] = await deps.db
    .insert(open311ApiKeys)
    .values({ id: randomUUID(), ...input, scopes: [...new Set(input.scopes)], keyHash: hash, keyPrefix: prefix, createdBy, createdAt: deps.now() })
    .returning();
  return { row: row!, key };
}

export async function findKeyByHash(db: Tx, hash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(open311ApiKeys).where(eq(open311ApiKeys.keyHash, hash));
  return row;
}

export const hasScope = (key: ApiKeyRow, scope: Scope) => key.scopes.includes(scope);

export interface KeyUse {
  keyId: string | null;
  method: string;
  route: string;
  statusCode: number;
  petitionId?: string | null;
  outcome: string;
  ip?: string | null;
}

/** Record one use of a key (or one attempt with a key that is not valid). */
export async function auditKeyUse(deps: Deps, use: KeyUse) {
  const at = deps.now();
  await deps.db.insert(open311KeyUses).values({ ...use, petitionId: use.petitionId ?? null, ip: use.ip ?? null, at });
  if (use.keyId) await deps.db.update(open311ApiKeys).set({ lastUsedAt: at }).where(eq(open311ApiKeys.id, use.keyId));
}

const PUBLISHED = 'open311.publishedJurisdictions';

/** Jurisdictions whose requests anyone may list through Open311 (without descriptions or personal data). */
export async function publishedJurisdictions(db: Tx): Promise<string[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, PUBLISHED));
  const codes = (row?.value as { codes?: unknown } | undefined)?.codes;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
}

export async function setPublishedJurisdictions(deps: Deps, codes: string[]) {
  const value = { codes: [...new Set(codes)].sort() };
  await deps.db
    .insert(settings)
    .values({ key: PUBLISHED, value, updatedAt: deps.now() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: deps.now() } });
  return value.codes;
}
