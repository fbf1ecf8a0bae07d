import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '@qiao/core';
import { toXml, type XmlValue } from './xml';

export type Format = 'json' | 'xml';
export type Locale = 'zh' | 'en';

/** `name.json` / `name.xml` → the name and the format; anything else is not a resource of this API. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

/**
 * An error in the specification's form: the HTTP status (404 for what does not exist, 403 for a missing or
 * wrong api_key, 400 for the rest, 429 when a key is over its rate) and a list of `{code, description}`.
 * `code` is the HTTP status, as in the specification's examples; the description names the field.
 */
export class Open311Error extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 429,
    readonly descriptions: Message[],
    readonly outcome = 'error',
  ) {
    super(descriptions.map((d) => d.en).join('; '));
  }
}

export const bad = (zh: string, en: string) => new Open311Error(400, [{ zh, en }]);
export const notFound311 = (zh: string, en: string) => new Open311Error(404, [{ zh, en }]);
export const forbidden311 = (zh: string, en: string, outcome = 'forbidden') => new Open311Error(403, [{ zh, en }], outcome);

/** The language of texts: `locale` (query or form field), else Accept-Language; zh-CN by default. */
export function localeOf(req: FastifyRequest): Locale {
  const q = req.query as Record<string, unknown> | undefined;
  const b = req.body as Record<string, unknown> | undefined;
  const given = typeof q?.locale === 'string' ? q.locale : typeof b?.locale === 'string' ? b.locale : undefined;
  if (given) return given.toLowerCase().startsWith('en') ? 'en' : 'zh';
  return req.lang === 'en' ? 'en' : 'zh';
}

/** The format asked for by the URL, for answers (errors included) sent before a route has parsed it. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}

/** Send a document in the asked format: JSON as the structure itself, XML with `root` as its root element. */
export function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  reply.code(status);
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
  return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
}

export function sendError(reply: FastifyReply, format: Format, err: Open311Error, locale: Locale) {
  const list = err.descriptions.map((d) => ({ code: err.statusCode, description: d[locale] }));
  return send(reply, format, 'errors', list, err.statusCode);
}

/** ISO 8601 in China time, with its offset: 2026-03-02T10:00:00+08:00. */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

/** The end of a China calendar day (a legal deadline is met if done that day). */
export function endOfChinaDay(day: string): string {
  return `${day}T23:59:59+08:00`;
}

/** Parse a w3 date-time that carries its zone (Z or ±HH:MM); null when it is not one. */
export function parseW3DateTime(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}
