import { eq, sql } from 'drizzle-orm';
import type { Actor, Role } from '@qiao/core';
import type { Deps } from '../context';
import type { Db } from '../db/open';
import { units, users } from '../db/schema';
import { signToken, verifyPassword, verifyToken } from '../lib/crypto';
import { AppError } from '../lib/errors';

export interface SessionUser extends Actor {
  username: string;
  displayName: string;
  /** The jurisdiction of the user's unit (null: no unit, or one that does not exist), read with the user. */
  unitJurisdictionCode: string | null;
}

interface TokenPayload {
  sub: string;
  gen: number;
  exp: number;
}

const unauthorized = () =>
  new AppError(401, 'unauthorized', {
    zh: '未登录或登录已过期，请重新登录',
    en: 'Not signed in, or the session has expired: sign in again',
  });

const badLogin = () =>
  new AppError(401, 'badCredentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });

export async function login(deps: Deps, username: string, password: string) {
  const [user] = await deps.db.select().from(users).where(eq(users.username, username));
  // Verify against a dummy hash when the user is missing, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) throw badLogin();
  const exp = Math.floor(deps.now().getTime() / 1000) + deps.tokenTtlSeconds;
  const token = signToken(deps.keys.tokens, { sub: user.id, gen: user.tokenGeneration, exp } satisfies TokenPayload);
  return {
    token,
    expiresAt: new Date(exp * 1000).toISOString(),
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: user.unitId,
      jurisdictionCode: user.jurisdictionCode,
    },
  };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * The user and their unit by id: prepared once per database, since every authenticated request runs it (on
 * PostgreSQL a named statement, parsed once per connection).
 */
const userQueries = new WeakMap<Db, ReturnType<typeof prepareUserQuery>>();
const prepareUserQuery = (db: Db) =>
  db
    .select({ user: users, unitKind: units.kind, unitJurisdictionCode: units.jurisdictionCode })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('qiao_authenticate');
function userQuery(db: Db) {
  let q = userQueries.get(db);
  if (!q) userQueries.set(db, (q = prepareUserQuery(db)));
  return q;
}

/** The signed-in user behind a bearer token, or a 401. Deactivated users and old generations are refused. */
export async function authenticate(deps: Deps, authorization: string | undefined): Promise<SessionUser> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw unauthorized();
  const payload = verifyToken(deps.keys.tokens, token) as TokenPayload | null;
  if (!payload || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') throw unauthorized();
  if (payload.exp * 1000 <= deps.now().getTime()) throw unauthorized();
  const [row] = await userQuery(deps.db).execute({ id: payload.sub });
  if (!row || !row.user.active || row.user.tokenGeneration !== payload.gen) throw unauthorized();
  const u = row.user;
  return {
    userId: u.id,
    role: u.role as Role,
    unitId: u.unitId,
    jurisdictionCode: u.jurisdictionCode,
    atPetitionOffice: row.unitKind === 'petitionOffice',
    username: u.username,
    displayName: u.displayName,
    unitJurisdictionCode: row.unitJurisdictionCode,
  };
}
