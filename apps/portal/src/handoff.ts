/**
 * Secrets in memory only. After a submission the Track page opens with the new code and secret filled in, and
 * the Reception page can offer the code, without writing either to storage. A code and secret are saved on the
 * device only when the resident ticks "remember on this device".
 */
export interface Credentials {
  code: string;
  secret: string;
}

let inMemory: Credentials | null = null;
const STORAGE_KEY = 'qiao.portal.remembered';

export function setCurrent(c: Credentials | null) {
  inMemory = c;
}

export function remembered(): Credentials | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Credentials>;
    return typeof v.code === 'string' && typeof v.secret === 'string'
      ? { code: v.code, secret: v.secret }
      : null;
  } catch {
    return null;
  }
}

export function current(): Credentials | null {
  return inMemory ?? remembered();
}

export function remember(c: Credentials) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(c));
  } catch {
    // storage unavailable: nothing is kept
  }
}

export function forget() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to forget
  }
}
