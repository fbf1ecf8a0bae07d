import { currentLang, type Message } from './i18n';

/** An answer the server refused, or a network failure (status 0). The message is in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Message,
    readonly field?: string,
  ) {
    super(messages.en);
  }
}

const networkFailure = () =>
  new ApiError(0, 'network', {
    zh: '网络连接失败，请检查网络后重试',
    en: 'Could not reach the server; check your connection and try again',
  });

interface Options {
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

async function send(method: string, path: string, opts: Options = {}): Promise<Response> {
  const headers: Record<string, string> = {
    'accept-language': currentLang() === 'en' ? 'en' : 'zh-CN',
    ...opts.headers,
  };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  let res: Response;
  try {
    res = await fetch(`/api/portal${path}`, {
      method,
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw networkFailure();
  }
  if (res.ok) return res;
  let err: { error?: string; message?: string; messages?: Message; field?: string } = {};
  try {
    err = (await res.json()) as typeof err;
  } catch {
    // not JSON: fall through to a generic message
  }
  const messages = err.messages ?? {
    zh: `请求失败（${res.status}），请稍后重试`,
    en: err.message ?? `The request failed (${res.status}); please try again later`,
  };
  throw new ApiError(res.status, err.error ?? 'httpError', withoutField(messages, err.field), err.field);
}

/**
 * The server starts a message about one field with its path (`petitioners.0.idCard：…`), for API clients; a
 * resident reads it beside the field, or above the form, without it.
 */
function withoutField(m: Message, field: string | undefined): Message {
  if (!field) return m;
  const strip = (s: string) => {
    for (const sep of ['：', ': ']) if (s.startsWith(field + sep)) return s.slice(field.length + sep.length);
    return s;
  };
  return { zh: strip(m.zh), en: strip(m.en) };
}

async function json<T>(method: string, path: string, opts?: Options): Promise<T> {
  const res = await send(method, path, opts);
  return (await res.json()) as T;
}

// ----- shapes (see packages/contracts/src/portal.ts) -----

export type Category = 'suggestion' | 'accusation' | 'claim';
export const categories: Category[] = ['claim', 'suggestion', 'accusation'];
export const domains = [
  'housing',
  'labor',
  'land',
  'propertyManagement',
  'environment',
  'urbanConstruction',
  'socialSecurity',
  'agriculture',
  'education',
  'health',
  'legal',
  'other',
] as const;
export type Domain = (typeof domains)[number];
export type Rating = 'satisfied' | 'basicallySatisfied' | 'dissatisfied';
export const ratings: Rating[] = ['satisfied', 'basicallySatisfied', 'dissatisfied'];

export interface Intake {
  category: Category;
  domain: Domain;
  title: string;
  content: string;
  demands?: string;
  jurisdictionCode: string;
  address?: string;
  respondent?: { name: string };
  contact: { name: string; phone?: string; idCard?: string; address?: string };
  consent: true;
}

export interface Submitted {
  trackingCode: string;
  secret: string;
  /** An SMS with both is on its way (the server has a gateway and was given a phone). */
  texted: boolean;
}

export interface Jurisdiction {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
}

interface Window {
  open: boolean;
  closesOn: string;
}
interface Decision {
  outcome: string | null;
  text: string | null;
  decidedOn: string | null;
}

export interface PortalView {
  trackingCode: string;
  title: string;
  receivedOn: string;
  status: string;
  statusText: Message;
  handlingUnit: string | null;
  deadlines: {
    name: string;
    label: Message;
    due: string;
    status: 'running' | 'paused' | 'ended';
    late: boolean;
  }[];
  timeline: { on: string; summary: Message; unit: string | null }[];
  reply: {
    outcome: string;
    outcomeText: Message;
    text: string;
    issuedOn: string;
    deliveredOn: string;
  } | null;
  review: Decision | null;
  reReview: Decision | null;
  rating: string | null;
  canRate: boolean;
  reviewWindow: Window | null;
  reReviewWindow: Window | null;
  /** When this petition was merged into a collective one: how that one stands (no number, names or text). */
  mergedInto?: {
    statusText: Message;
    handlingUnit: string | null;
    deadlines: PortalView['deadlines'];
    reply: { outcomeText: Message; issuedOn: string } | null;
  } | null;
}

export interface ReceptionDay {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  leaderName: string;
  leaderTitle: string;
  place: string;
  topics: string[];
  capacity: number;
  remaining: number;
}

export interface BookingBody {
  trackingCode?: string;
  secret?: string;
  name: string;
  phone: string;
  summary?: string;
}

export interface Booked {
  bookingCode: string;
  cancelSecret: string;
  date: string;
  startTime: string;
  place: string;
  slot: number;
}

// ----- calls -----

/** A random key for one form: a retried submission (lost answer, double tap) is recorded once. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function submitPetition(body: Intake, files: File[], idempotencyKey: string): Promise<Submitted> {
  const headers = { 'idempotency-key': idempotencyKey };
  if (files.length === 0) return json('POST', '/petitions', { json: body, headers });
  const form = new FormData();
  form.append('petition', JSON.stringify(body));
  for (const f of files) form.append('attachments', f, f.name);
  return json('POST', '/petitions', { form, headers });
}

export const loadJurisdictions = () => json<Jurisdiction[]>('GET', '/jurisdictions');

const secretHeader = (secret: string) => ({ 'x-tracking-secret': secret });
const codePath = (code: string) => `/petitions/${encodeURIComponent(code)}`;

export const track = (code: string, secret: string) =>
  json<PortalView>('GET', codePath(code), { headers: secretHeader(secret) });

export const rate = (code: string, secret: string, rating: Rating, comment: string) =>
  json<PortalView>('POST', `${codePath(code)}/rate`, {
    headers: secretHeader(secret),
    json: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
  });

export const appeal = (
  code: string,
  secret: string,
  kind: 'requestReview' | 'requestReReview',
  reason: string,
) =>
  json<PortalView>('POST', `${codePath(code)}/${kind}`, {
    headers: secretHeader(secret),
    json: { reason: reason.trim() },
  });

/** Fetch the written reply (the secret travels in a header, so a plain link will not do) and save it. */
export async function downloadReply(code: string, secret: string): Promise<void> {
  const res = await send('GET', `${codePath(code)}/reply`, { headers: secretHeader(secret) });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const filename = star ? decodeURIComponent(star) : `reply-${code}.txt`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const loadReceptionDays = () => json<ReceptionDay[]>('GET', '/reception-days');

export const bookReception = (dayId: string, body: BookingBody) =>
  json<Booked>('POST', `/reception-days/${encodeURIComponent(dayId)}/bookings`, { json: body });

export async function cancelBooking(bookingCode: string, cancelSecret: string): Promise<void> {
  await send('DELETE', `/bookings/${encodeURIComponent(bookingCode.trim())}`, {
    headers: { 'x-booking-secret': cancelSecret.trim() },
  });
}

// ----- public figures (see PublicStats in packages/contracts/src/dashboards.ts) -----

/** A count; `value` is null and `suppressed` true when fewer than `minimumCell` petitions are behind it. */
export interface StatCell {
  value: number | null;
  suppressed: boolean;
}

/** A rate (0–1); withheld when its denominator, numerator or remainder is under `minimumCell`. */
export interface RateCell {
  value: number | null;
  denominator: number | null;
  suppressed: boolean;
}

export interface PublicStats {
  period: { from: string; to: string };
  asOf: string;
  minimumCell: number;
  received: StatCell;
  monthly: { month: string; received: StatCell }[];
  domains: { domain: string; received: StatCell }[];
  counties: {
    code: string;
    name: string;
    received: StatCell;
    onTimeRate: RateCell;
    satisfactionRate: RateCell;
  }[];
}

/** The public figures of a period of months (YYYY-MM); without one, the twelve months up to this one. */
export function loadStats(period: { from: string; to: string } | null): Promise<PublicStats> {
  const query = period ? `?${new URLSearchParams(period).toString()}` : '';
  return json<PublicStats>('GET', `/stats${query}`);
}
