import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

/**
 * Keys derived from the one instance secret (QIAO_SECRET_KEY): field encryption, keyed hashes for matching
 * personal data without revealing it, and token signing each get their own key.
 */
export interface Keys {
  encryption: Buffer;
  matching: Buffer;
  tokens: Buffer;
}

export function deriveKeys(secret: Buffer): Keys {
  if (secret.length < 32) throw new Error('QIAO_SECRET_KEY must be at least 32 bytes (64 hex characters)');
  const derive = (label: string) => createHmac('sha256', secret).update(`qiao:${label}`).digest();
  return { encryption: derive('encryption'), matching: derive('matching'), tokens: derive('tokens') };
}

/** Parse QIAO_SECRET_KEY: 64+ hex characters or 44+ base64 characters. */
export function parseSecret(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64,}$/.test(t)) return Buffer.from(t, 'hex');
  const b = Buffer.from(t, 'base64');
  if (b.length >= 32) return b;
  throw new Error('QIAO_SECRET_KEY must be 32 random bytes, as 64 hex or 44 base64 characters');
}

export function newSecret(): Buffer {
  return randomBytes(32);
}

/** AES-256-GCM; the output is `v1.<iv>.<tag>.<ciphertext>` in base64url, so a key change can be versioned. */
export function encrypt(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decrypt(key: Buffer, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || iv === undefined || tag === undefined || body === undefined)
    throw new Error('unknown ciphertext format');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
}

/** A keyed hash: equal inputs match, but nobody without the key can test a guessed phone or ID number. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

const SCRYPT = { N: 16384, r: 8, p: 1 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(expected, actual);
}

/** Signed bearer tokens: `<payload>.<hmac>`, both base64url; the payload carries the expiry. */
export function signToken(key: Buffer, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

export function verifyToken(key: Buffer, token: string): unknown {
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

// Crockford's base32 without I, L, O, U: nothing to misread on a phone or a paper receipt.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomChars(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Code characters as typed or read out: case, spaces, underscores and dashes dropped, O read as 0, I and L as 1. */
function readCodeCharacters(text: string): string {
  return text.trim().toUpperCase().replace(/[\s_-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Code characters as codes are stored: in groups of four joined by dashes (7K3MQ9 is 7K3M-Q9). */
function inGroups(chars: string): string {
  return (chars.match(/.{1,4}/g) ?? []).join('-');
}

const CODE_CHARACTERS = new RegExp(`^[${ALPHABET}]+$`);

/**
 * A tracking code as typed or read out: case, spaces, underscores and the dashes between groups do not matter,
 * and the letters Crockford's base32 leaves out are read as the digits they look like (O as 0, I and L as 1).
 * Anything that is not twelve characters comes back trimmed and upper-cased, to match nothing.
 */
export function normaliseTrackingCode(code: string): string {
  const read = readCodeCharacters(code);
  return read.length === 12 ? inGroups(read) : code.trim().toUpperCase();
}

/**
 * The start of a tracking code as typed or read out, read as normaliseTrackingCode reads a whole one, in the
 * stored form ('7k3m q9', '7K3-MQ9' and '7K3M-Q9' are all 7K3M-Q9): what a code search looks for codes starting
 * with. Null unless it is at least one group (four characters), at most a whole code, and code characters only.
 */
export function trackingCodePrefix(text: string): string | null {
  const read = readCodeCharacters(text);
  return read.length >= 4 && read.length <= 12 && CODE_CHARACTERS.test(read) ? inGroups(read) : null;
}

/** The public number of a petition: random (60 bits), not sequential, in groups of four. */
export function newTrackingCode(): string {
  const c = randomChars(12);
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
}

/** The secret a resident uses with the tracking code (80 bits). */
export function newTrackingSecret(): string {
  return randomChars(16);
}

/**
 * Whether a secret a resident typed matches a stored sha256. Case and spaces around it do not matter; the hashes
 * are compared in constant time, and a missing hash is compared against a dummy so timing says nothing either.
 */
export function secretMatches(given: string | undefined, storedHash: string | undefined): boolean {
  const a = Buffer.from(sha256(given?.trim().toUpperCase() ?? ''), 'hex');
  const b = Buffer.from(storedHash ?? sha256('no such record'), 'hex');
  return storedHash !== undefined && timingSafeEqual(a, b);
}
