import type { RateMeasure } from '@qiao/core';
import type { z } from 'zod';
import type {
  AuditRow,
  ClockSettingsView,
  CommandResult,
  commandBodies,
  ErrorBody,
  JurisdictionView,
  LateUnit as LateUnitSchema,
  LoginResponse,
  OwnedCase as OwnedCaseSchema,
  PetitionCreated,
  PetitionDetail,
  PetitionIntake,
  PetitionList,
  PetitionListItem,
  ReceptionDayView,
  RespondentSuggestion,
  RevealResponse,
  UnitAdminView,
  UnitBody,
  UnitPatch,
  UserBody,
  UserPatch,
  UserView,
  WorkbenchContext as WorkbenchContextSchema,
  WorkbenchCounts,
  WorkbenchTabKey,
} from '@qiao/contracts';
import { currentLang } from '../i18n';

// ---------- types, from the shared contracts ----------
export type Login = z.infer<typeof LoginResponse>;
export type Detail = z.infer<typeof PetitionDetail>;
export type ListItem = z.infer<typeof PetitionListItem>;
export type List = z.infer<typeof PetitionList>;
export type Intake = z.input<typeof PetitionIntake>;
export type Created = z.infer<typeof PetitionCreated>;
export type Unit = z.infer<typeof UnitAdminView>;
export type Jurisdiction = z.infer<typeof JurisdictionView>;
export type User = z.infer<typeof UserView>;
export type ErrorResponse = z.infer<typeof ErrorBody>;
export type CommandName = keyof typeof commandBodies;
export type CommandBody<C extends CommandName> = z.input<(typeof commandBodies)[C]>;
export type Clock = Detail['clocks'][number];
export type Status = ListItem['status'];
export type Channel = ListItem['channel'];
export type Category = ListItem['category'];
export type Domain = ListItem['domain'];
export type Audit = z.infer<typeof AuditRow>;
export type Revealed = z.infer<typeof RevealResponse>;
export type UnitInput = z.input<typeof UnitBody>;
export type UnitChange = z.input<typeof UnitPatch>;
export type UserInput = z.input<typeof UserBody>;
export type UserChange = z.input<typeof UserPatch>;

// The workbench endpoints (apps/server/src/workbench), from packages/contracts/src/workbench.ts.
export type TabKey = z.infer<typeof WorkbenchTabKey>;
export type WorkbenchContext = z.infer<typeof WorkbenchContextSchema>;
export type Counts = z.infer<typeof WorkbenchCounts>;
export type LateUnit = z.infer<typeof LateUnitSchema>;
export type Respondent = z.infer<typeof RespondentSuggestion>;
export type ClockSettings = z.infer<typeof ClockSettingsView>;

// ---------- session ----------
const SESSION = 'qiao.session';

export function loadSession(): Login | null {
  try {
    const raw = localStorage.getItem(SESSION);
    if (!raw) return null;
    // No expiry check against this computer's clock: the server answers 401 when the session has ended.
    return JSON.parse(raw) as Login;
  } catch {
    return null;
  }
}

export function saveSession(s: Login | null) {
  if (s) localStorage.setItem(SESSION, JSON.stringify(s));
  else localStorage.removeItem(SESSION);
}

/** Called on any 401: the app goes to the sign-in page (set by the auth provider). */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}

// ---------- errors ----------
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse,
  ) {
    super(withoutField(body.message, body.field));
  }
  get code() {
    return this.body.error;
  }
  get field() {
    return this.body.field;
  }
}

/**
 * The server starts a message about one field with its path (`petitioners.0.idCard：…`), which tells an API client
 * where; a user sees the message at the field itself (or at the top of the form), so without the path.
 */
function withoutField(message: string, field: string | undefined): string {
  if (!field) return message;
  for (const sep of ['：', ': ']) if (message.startsWith(field + sep)) return message.slice(field.length + sep.length);
  return message;
}

export function errorMessage(e: unknown, fallback: string): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return fallback;
}

// ---------- transport ----------
export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

function qs(query?: Query) {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A case a leader owns (包案), from GET /api/owners/me. */
export type OwnedCase = z.infer<typeof OwnedCaseSchema>;
export type ReceptionDay = z.infer<typeof ReceptionDayView>;

/** One call to the server's /api: session, language, errors in the user's language. Feature modules build on it. */
export async function request<T>(method: string, path: string, opts: { query?: Query; body?: unknown; form?: FormData; headers?: Record<string, string>; raw?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = {
    'accept-language': currentLang() === 'en' ? 'en' : 'zh-CN',
    ...opts.headers,
  };
  const session = loadSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}${qs(opts.query)}`, { method, headers, body });
  } catch {
    const lang = currentLang();
    const messages = { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server: check the connection and retry' };
    throw new ApiError(0, { error: 'network', message: messages[lang], messages });
  }
  if (res.status === 401 && !path.startsWith('/auth/')) {
    saveSession(null);
    onUnauthorized();
  }
  if (!res.ok) {
    let err: ErrorResponse;
    try {
      err = (await res.json()) as ErrorResponse;
    } catch {
      const messages = { zh: `服务器错误（${res.status}）`, en: `Server error (${res.status})` };
      err = { error: 'http', message: messages[currentLang()], messages };
    }
    throw new ApiError(res.status, err);
  }
  if (opts.raw) return (await res.blob()) as T;
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export interface ListFilters {
  status?: string[];
  domain?: string[];
  category?: string[];
  channel?: string[];
  unit?: string;
  /** The unit that replied, else the one holding it: how the cockpit's unit figures count (core handlingUnitId). */
  handlingUnit?: string;
  /** The petitions a cockpit rate counts; with part, those that meet it or miss it. */
  measure?: RateMeasure;
  part?: 'met' | 'missed';
  jurisdiction?: string;
  /** With jurisdiction: its own petitions only (a city's, 市本级), none within it. */
  jurisdictionOnly?: 'true';
  overdue?: 'true' | 'false';
  receivedFrom?: string;
  receivedTo?: string;
  text?: string;
}

// ---------- the API ----------
export const api = {
  login: (username: string, password: string) => request<Login>('POST', '/auth/login', { body: { username, password } }),
  loginOptions: () => request<{ demo: boolean }>('GET', '/auth/options'),

  context: () => request<WorkbenchContext>('GET', '/workbench/context'),
  ownedCases: () => request<OwnedCase[]>('GET', '/owners/me'),
  receptionDays: () => request<ReceptionDay[]>('GET', '/reception-days'),
  counts: () => request<Counts>('GET', '/workbench/counts'),
  /** One page of a to-do tab; its total comes from `inboxCount`. */
  inbox: (tab: TabKey, filters: ListFilters, page: { cursor?: string | null; limit: number; sort?: 'due' | 'received' }) =>
    request<List>('GET', '/workbench/petitions', {
      query: { tab, ...filters, cursor: page.cursor, limit: page.limit, sort: page.sort },
    }),
  /** A filtered list's total alone: exact for a cockpit drill-down, else counted up to 1,000 (LIST_COUNT_CAP). */
  inboxCount: (tab: TabKey, filters: ListFilters) =>
    request<NonNullable<List['total']>>('GET', '/workbench/petitions/count', { query: { tab, ...filters } }),
  lateUnits: () => request<LateUnit[]>('GET', '/workbench/late-units'),
  respondents: (q: string) => request<Respondent[]>('GET', '/workbench/respondents', { query: { q, limit: 10 } }),

  petitions: (filters: ListFilters & { cursor?: string | null; limit?: number }) => request<List>('GET', '/petitions', { query: { ...filters } }),
  petition: (id: string) => request<Detail>('GET', `/petitions/${id}`),
  command: <C extends CommandName>(id: string, command: C, body: CommandBody<C>, expectedVersion: number) =>
    request<z.infer<typeof CommandResult>>('POST', `/petitions/${id}/${command}`, { body: { ...body, expectedVersion } }),
  /** `residentConsent`: a proxy agent confirms the resident agreed to the submission (required for agents). */
  register: (intake: Intake & { residentConsent?: boolean }, files: File[], idempotencyKey: string) => {
    const headers = { 'idempotency-key': idempotencyKey };
    if (files.length === 0) return request<Created>('POST', '/petitions', { body: intake, headers });
    const form = new FormData();
    form.append('petition', JSON.stringify(intake));
    for (const f of files) form.append('files', f, f.name);
    return request<Created>('POST', '/petitions', { form, headers });
  },
  reveal: (id: string, reason: string) => request<Revealed>('POST', `/petitions/${id}/petitioners/reveal`, { body: { reason } }),
  attachment: (id: string, attachmentId: string) => request<Blob>('GET', `/petitions/${id}/attachments/${attachmentId}`, { raw: true }),

  units: () => request<Unit[]>('GET', '/admin/units'),
  jurisdictions: () => request<Jurisdiction[]>('GET', '/admin/jurisdictions'),
  addJurisdiction: (body: { code: string; name: string; parentCode?: string | null }) => request<Jurisdiction>('POST', '/admin/jurisdictions', { body }),
  renameJurisdiction: (code: string, name: string) => request<Jurisdiction>('PATCH', `/admin/jurisdictions/${code}`, { body: { name } }),
  addUnit: (body: UnitInput) => request<Unit>('POST', '/admin/units', { body }),
  changeUnit: (id: string, body: UnitChange) => request<Unit>('PATCH', `/admin/units/${id}`, { body }),
  users: () => request<User[]>('GET', '/admin/users'),
  addUser: (body: UserInput) => request<User>('POST', '/admin/users', { body }),
  changeUser: (id: string, body: UserChange) => request<User>('PATCH', `/admin/users/${id}`, { body }),
  clockSettings: () => request<ClockSettings>('GET', '/admin/settings/clocks'),
  setDayCounting: (dayCounting: 'calendar' | 'working') => request<ClockSettings>('PUT', '/admin/settings/clocks', { body: { dayCounting } }),
  holidays: () => request<unknown>('GET', '/admin/settings/holidays'),
  importHolidays: (data: unknown) => request<{ imported: number[] }>('POST', '/admin/settings/holidays', { body: data }),
};
