import { randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, like, lte, ne, notInArray, or, type SQL } from 'drizzle-orm';
import { isWithin, jurisdictionPrefix, nextDue, statusText, validatePhone, type PetitionStatus } from '@qiao/core';
import type { PetitionIntake } from '@qiao/contracts';
import type { Deps } from '../context';
import type { Tx } from '../db/open';
import { jurisdictions, open311Requests, outbox, petitions } from '../db/schema';
import { encrypt } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { PetitionRow } from '../petitions/repo';
import { registerAs } from '../petitions/register';
import { petitionOfficeFor, unitNames } from '../units/repo';
import { bad, chinaDateTime, endOfChinaDay, notFound311, Open311Error, parseW3DateTime, type Locale } from './format';
import type { ApiKeyRow } from './keys';
import { resolvePlace } from './location';
import { attributesOf, findService, SERVICE_NOTICE, services, type AttributeDef } from './services';

/** Open311 `closed`: the matter is concluded, finally decided, declined, diverted or merged. Everything else is `open`. */
export const CLOSED_STATUSES: PetitionStatus[] = ['concluded', 'closed', 'declined', 'diverted', 'merged'];
export const open311Status = (s: string) => (CLOSED_STATUSES.includes(s as PetitionStatus) ? 'closed' : 'open');

const MAX_DESCRIPTION = 4000;
export const ANONYMOUS = '匿名';

/** A submission as the form gives it: plain fields, and `attribute[code]` (or `attribute[code][]`) answers. */
export interface Submission {
  fields: Record<string, string>;
  attribute: Record<string, string | string[]>;
}

const chars = (s: string) => Array.from(s).length;

function checkAttributes(defs: AttributeDef[], given: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of Object.keys(given))
    if (!defs.some((d) => d.code === code))
      throw bad(`attribute[${code}]：该服务没有此属性`, `attribute[${code}]: this service has no such attribute`);
  for (const d of defs) {
    const raw = given[d.code];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
    const field = `attribute[${d.code}]`;
    if (Array.isArray(raw) && raw.length > 1 && d.datatype !== 'multivaluelist')
      throw bad(`${field}：只能有一个值`, `${field}: takes a single value`);
    if (!value) {
      if (d.required) throw bad(`${field}：必填（${d.description.zh}）`, `${field}: required (${d.description.en})`);
      continue;
    }
    if (d.code === 'category' && value === 'accusation')
      throw bad(
        `${field}：检举控告类事项不通过 Open311 受理，以保护检举人身份；请通过纪检监察机关（12388）或网上信访平台提出`,
        `${field}: accusations are not taken through Open311, to protect the accuser’s identity; use the discipline channel (12388) or the online petition portal`,
      );
    switch (d.datatype) {
      case 'number': {
        const ok = d.code === 'amount_owed' ? /^\d+(\.\d{1,2})?$/.test(value) : /^\d+$/.test(value);
        if (!ok || Number(value) > d.max)
          throw bad(`${field}：应为不超过 ${d.max} 的${d.datatypeDescription?.zh ?? '数字'}`, `${field}: must be ${d.datatypeDescription?.en ?? 'a number'} not above ${d.max}`);
        break;
      }
      case 'singlevaluelist':
        if (!d.values?.some((v) => v.key === value))
          throw bad(`${field}：应为 ${d.values?.map((v) => v.key).join('、')} 之一`, `${field}: must be one of ${d.values?.map((v) => v.key).join(', ')}`);
        break;
      case 'datetime':
        if (!parseW3DateTime(value)) throw bad(`${field}：应为带时区的 ISO 8601 时间`, `${field}: must be an ISO 8601 date-time with its zone`);
        break;
      default:
        if (chars(value) > d.max || (d.datatype === 'string' && /[\r\n]/.test(value)))
          throw bad(`${field}：不超过 ${d.max} 字且不换行`, `${field}: at most ${d.max} characters, on one line`);
    }
    out[d.code] = value;
  }
  return out;
}

/** "Family name + given name" as Chinese writes it; with Latin letters, given name first. */
function personName(first: string | undefined, last: string | undefined): string {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f && !l) return ANONYMOUS;
  return /[A-Za-z]/.test(f + l) ? [f, l].filter(Boolean).join(' ') : `${l}${f}`;
}

const newToken = () => randomBytes(15).toString('base64url');

/**
 * POST requests: a petition registered through `registerAs` (channel `online`, or `hotline` for a 12345
 * platform's key), contact details in the encrypted petitioner record, the Open311 link row and, when a phone
 * was given, the SMS with the tracking code and secret, all in the registration's one transaction.
 */
export async function submitRequest(deps: Deps, key: ApiKeyRow, sub: Submission, idempotencyKey: string | undefined) {
  const f = sub.fields;
  if (!f.service_code) throw bad('service_code：必填', 'service_code: required');
  const service = findService(f.service_code);
  if (!service) throw notFound311(`service_code：没有服务 ${f.service_code}`, `service_code: no service ${f.service_code}`);
  if (f.jurisdiction_id && !(await jurisdictionKnown(deps.db, f.jurisdiction_id)))
    throw notFound311(`jurisdiction_id：找不到 ${f.jurisdiction_id}`, `jurisdiction_id: ${f.jurisdiction_id} not found`);
  const description = f.description?.trim() ?? '';
  if (!description) throw bad('description：必填，请描述所反映的问题', 'description: required; describe the matter');
  if (chars(description) > MAX_DESCRIPTION)
    throw bad(`description：不超过 ${MAX_DESCRIPTION} 字`, `description: at most ${MAX_DESCRIPTION} characters`);
  const answers = checkAttributes(attributesOf(service), sub.attribute);

  const name = personName(f.first_name, f.last_name);
  if (chars(name) > 60) throw bad('first_name/last_name：姓名过长', 'first_name/last_name: the name is too long');
  const phone = f.phone?.trim() || undefined;
  if (phone && !validatePhone(phone).ok)
    throw bad('phone：电话号码格式不正确（手机 11 位，或带区号的固定电话）', 'phone: not a valid phone number (11-digit mobile, or landline with area code)');
  const email = f.email?.trim() || undefined;
  if (email && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    throw bad('email：邮箱地址格式不正确', 'email: not a valid email address');
  const mediaUrl = f.media_url?.trim() || undefined;
  if (mediaUrl && (mediaUrl.length > 1000 || !/^https?:\/\/\S+$/i.test(mediaUrl)))
    throw bad('media_url：应为 http(s) 网址', 'media_url: must be an http(s) URL');

  const place = await resolvePlace(
    deps.db,
    { lat: f.lat || undefined, long: f.long || undefined, address_string: f.address_string || undefined, address_id: f.address_id || undefined },
    // A jurisdiction_id inside the key's area narrows where an address_string is looked for.
    f.jurisdiction_id && isWithin(f.jurisdiction_id, key.jurisdictionCode) ? f.jurisdiction_id : key.jurisdictionCode,
  );
  const office = await petitionOfficeFor(deps.db, place.jurisdictionCode);
  if (!office) throw bad('address：该地区暂无信访工作机构受理网上信访', 'address: no petition office serves this place yet');

  const facts = attributesOf(service)
    .filter((a) => answers[a.code] !== undefined && !['title', 'category'].includes(a.code))
    .map((a) => {
      const v = answers[a.code]!;
      const shown = a.values?.find((x) => x.key === v)?.name.zh ?? v;
      return `${a.description.zh}：${shown}`;
    });
  if (mediaUrl) facts.push(`相关图片或材料链接（未下载）：${mediaUrl}`);
  const content = facts.length ? `${description}\n\n【Open311 补充信息】\n${facts.join('\n')}` : description;
  const firstLine = description.split(/\r?\n/)[0]!.trim();
  const title = answers.title ?? (chars(firstLine) > 30 ? `${Array.from(firstLine).slice(0, 30).join('')}…` : firstLine);
  const respondentName = answers.respondent ?? answers.employer ?? answers.source;

  const intake: PetitionIntake = {
    channel: key.channel as 'online' | 'hotline',
    category: (answers.category ?? 'claim') as 'claim' | 'suggestion',
    litigationRelated: service.code === 'legal' && answers.legal_channel === 'yes',
    domain: service.code,
    title,
    content,
    ...(respondentName ? { respondent: { name: respondentName } } : {}),
    jurisdictionCode: place.jurisdictionCode,
    address: place.address,
    collective: false,
    headcount: 1,
    // The contact goes into the protected petitioner record (encrypted, masked, every reveal audited).
    petitioners: [{ name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) }],
  };
  const token = newToken();
  const now = deps.now();
  const result = await registerAs(deps, intake, [], idempotencyKey, {
    office,
    actor: { userId: `open311:${key.id}`, unitId: null },
    channel: intake.channel,
    submittedByUserId: null,
    keyScope: `open311:${key.id}`,
    consentAt: now,
    mayLink: () => false,
    afterInsert: async (tx, p) => {
      await tx.insert(open311Requests).values({
        petitionId: p.id,
        jurisdictionCode: p.jurisdictionCode,
        keyId: key.id,
        token,
        serviceCode: service.code,
        lat: place.lat,
        long: place.long,
        addressString: f.address_string?.trim() || null,
        addressId: f.address_id?.trim() || null,
        mediaUrl: mediaUrl ?? null,
        attributes: answers,
        requestedAt: now,
      });
      if (!phone) return;
      // The resident can follow the case on the portal with the code and secret; the integrator never sees them.
      const body = `【青川信访】您通过第三方平台反映的事项已登记。编号 ${p.trackingCode}，查询码 ${p.secret}，请妥善保存，可在网上信访平台查询办理进展。`;
      await tx.insert(outbox).values({
        jurisdictionCode: p.jurisdictionCode,
        petitionId: p.id,
        channel: 'sms',
        recipient: encrypt(deps.keys.encryption, phone),
        template: 'open311Submitted',
        bodyEnc: encrypt(deps.keys.encryption, body),
        nextAttemptAt: now,
        createdAt: now,
      });
    },
  });
  const [link] = await deps.db.select().from(open311Requests).where(eq(open311Requests.petitionId, result.body.id));
  if (!link || link.keyId !== key.id)
    throw new AppError(409, 'idempotencyKeyReused', { zh: 'Idempotency-Key 已被使用', en: 'This Idempotency-Key was already used' });
  return { created: result.created, token: link.token, petitionId: result.body.id };
}

async function jurisdictionKnown(db: Tx, code: string) {
  if (!/^\d{6}(\d{3}){0,2}$/.test(code)) return false;
  const [row] = await db.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return row !== undefined;
}

type Link = typeof open311Requests.$inferSelect;

/**
 * One request as Open311 shows it. The legal state is in `status_notes`, the deadline in `expected_datetime`.
 * Personal data is never here; the description, exact place, coordinates and media only for the key that sent it.
 */
export async function requestView(deps: Deps, db: Tx, row: PetitionRow, link: Link | null, viewerKeyId: string | null, locale: Locale) {
  const own = link !== null && viewerKeyId !== null && link.keyId === viewerKeyId;
  const handling = row.state.currentUnit?.id;
  const names = await unitNames(db, [handling, row.state.registeringUnit.id]);
  const [place] = await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.code, row.jurisdictionCode));
  const service = findService(row.domain) ?? services[services.length - 1]!;
  const status = open311Status(row.state.status);
  const due = status === 'open' ? nextDue(row.state, deps.clockSettings.context(deps.now())) : null;
  return {
    service_request_id: row.id,
    status,
    status_notes: statusText(row.state.status)[locale],
    service_name: service.name[locale],
    service_code: service.code,
    description: own ? row.content : null,
    agency_responsible: (handling ? names.get(handling) : undefined) ?? names.get(row.state.registeringUnit.id) ?? null,
    service_notice: SERVICE_NOTICE[locale],
    requested_datetime: chinaDateTime(row.registeredAt),
    updated_datetime: chinaDateTime(row.updatedAt),
    expected_datetime: due ? endOfChinaDay(due) : null,
    address: own ? row.address : (place?.name ?? null),
    address_id: row.jurisdictionCode,
    zipcode: null,
    lat: own && link.lat !== null ? Number(link.lat) : null,
    long: own && link.long !== null ? Number(link.long) : null,
    media_url: own ? link.mediaUrl : null,
  };
}

export interface ListQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  page?: string;
  page_size?: string;
  jurisdiction_id?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = 86_400_000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** What a viewer may see: requests its key sent, and those in published jurisdictions; never an accusation. */
function visibility(viewerKeyId: string | null, published: string[]): SQL | null {
  const parts: SQL[] = published.map((code) => like(petitions.jurisdictionCode, `${jurisdictionPrefix(code)}%`));
  if (viewerKeyId) parts.push(eq(open311Requests.keyId, viewerKeyId));
  if (parts.length === 0) return null;
  return and(ne(petitions.category, 'accusation'), or(...parts))!;
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function positiveInt(value: string | undefined, field: string, fallback: number, max: number) {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw bad(`${field}：应为 1 至 ${max} 的整数`, `${field}: must be a whole number from 1 to ${max}`);
  return Number(value);
}

export async function listRequests(deps: Deps, q: ListQuery, viewerKeyId: string | null, published: string[], locale: Locale) {
  const page = positiveInt(q.page, 'page', 1, 100_000);
  const pageSize = positiveInt(q.page_size, 'page_size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (q.jurisdiction_id && !(await jurisdictionKnown(deps.db, q.jurisdiction_id)))
    throw notFound311(`jurisdiction_id：找不到 ${q.jurisdiction_id}`, `jurisdiction_id: ${q.jurisdiction_id} not found`);
  const seen = visibility(viewerKeyId, published);
  if (!seen) return [];
  const conds: SQL[] = [seen];
  if (q.jurisdiction_id) conds.push(like(petitions.jurisdictionCode, `${jurisdictionPrefix(q.jurisdiction_id)}%`));

  const ids = list(q.service_request_id);
  if (ids.length > 0) {
    // The specification: service_request_id overrides all other arguments.
    const valid = ids.filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    conds.push(inArray(petitions.id, valid));
  } else {
    const codes = list(q.service_code);
    for (const c of codes) if (!findService(c)) throw bad(`service_code：没有服务 ${c}`, `service_code: no service ${c}`);
    if (codes.length) conds.push(inArray(petitions.domain, codes));
    const statuses = list(q.status);
    for (const s of statuses) if (s !== 'open' && s !== 'closed') throw bad('status：应为 open 或 closed', 'status: must be open or closed');
    if (statuses.length === 1) conds.push(statuses[0] === 'closed' ? inArray(petitions.status, CLOSED_STATUSES) : notInArray(petitions.status, CLOSED_STATUSES));
    const start = q.start_date ? parseW3DateTime(q.start_date) : null;
    const end = q.end_date ? parseW3DateTime(q.end_date) : null;
    if (q.start_date && !start) throw bad('start_date：应为带时区的 w3 时间，如 2026-01-01T00:00:00+08:00', 'start_date: must be a w3 date-time with its zone, e.g. 2026-01-01T00:00:00Z');
    if (q.end_date && !end) throw bad('end_date：应为带时区的 w3 时间，如 2026-01-31T23:59:59+08:00', 'end_date: must be a w3 date-time with its zone, e.g. 2026-01-31T23:59:59Z');
    const to = end ?? (start ? new Date(start.getTime() + 90 * DAY) : deps.now());
    const from = start ?? new Date(to.getTime() - 90 * DAY);
    if (from > to) throw bad('start_date 晚于 end_date', 'start_date is after end_date');
    if (to.getTime() - from.getTime() > 90 * DAY) throw bad('start_date 至 end_date 不得超过 90 天', 'start_date to end_date may not span more than 90 days');
    conds.push(gte(petitions.registeredAt, from), lte(petitions.registeredAt, to));
  }
  const rows = await deps.db
    .select({ p: petitions, r: open311Requests })
    .from(petitions)
    .leftJoin(open311Requests, eq(open311Requests.petitionId, petitions.id))
    .where(and(...conds))
    .orderBy(desc(petitions.registeredAt), desc(petitions.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const out = [];
  for (const { p, r } of rows) out.push(await requestView(deps, deps.db, p, r, viewerKeyId, locale));
  return out;
}

export async function getRequest(deps: Deps, id: string, viewerKeyId: string | null, published: string[], locale: Locale) {
  const missing = () => notFound311(`找不到服务请求 ${id}`, `No service request ${id}`);
  const seen = visibility(viewerKeyId, published);
  if (!UUID.test(id) || !seen) throw missing();
  const [hit] = await deps.db
    .select({ p: petitions, r: open311Requests })
    .from(petitions)
    .leftJoin(open311Requests, eq(open311Requests.petitionId, petitions.id))
    .where(and(eq(petitions.id, id), seen));
  if (!hit) throw missing();
  return requestView(deps, deps.db, hit.p, hit.r, viewerKeyId, locale);
}

/** GET tokens/{token}: the token is a capability (120 random bits); it answers with the request id only. */
export async function resolveToken(deps: Deps, token: string) {
  const [link] = await deps.db.select().from(open311Requests).where(eq(open311Requests.token, token));
  if (!link) throw notFound311(`找不到令牌 ${token}`, `No token ${token}`);
  return [{ service_request_id: link.petitionId, token: link.token }];
}

/** Turn the core's refusals and the registration's errors into the specification's codes. */
export function toOpen311Error(err: unknown): Open311Error | null {
  if (err instanceof Open311Error) return err;
  if (err instanceof AppError) {
    const status = err.statusCode === 404 ? 404 : err.statusCode === 403 ? 403 : err.statusCode === 429 ? 429 : 400;
    const field = typeof err.details?.field === 'string' ? err.details.field : undefined;
    const rename = (s: string) => (field?.startsWith('petitioners.0.') ? s.replace(field, field.slice('petitioners.0.'.length)) : s);
    return new Open311Error(status, [{ zh: rename(err.messages.zh), en: rename(err.messages.en) }], err.code);
  }
  return null;
}
