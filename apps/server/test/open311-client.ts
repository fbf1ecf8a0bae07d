/**
 * A GeoReport v2 client written from the published specification only (wiki.open311.org/GeoReport_v2 and
 * /Service_Discovery, plus the page/page_size extension): it knows the spec's URLs, parameters and fields,
 * nothing of the server behind them. It speaks plain HTTP (fetch) with form-encoded POSTs and reads both
 * formats; XML is turned into the same structure as JSON by the spec's Spark convention.
 */
export type Format = 'json' | 'xml';
export type Doc = string | null | Doc[] | { [field: string]: Doc };

export interface Answer<T = unknown> {
  status: number;
  contentType: string;
  headers: Headers;
  raw: string;
  /** The parsed body: JSON as sent, XML converted to the JSON structure (values stay strings). */
  body: T;
}

export interface GeoReportError {
  code: number | string;
  description: string;
}

/** The list elements of GeoReport v2 and Service Discovery, and the element each item of them is. */
const LISTS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** A small XML reader for schemaless documents: declaration, comments, elements, text, entities, CDATA. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const skipMisc = () => {
    for (;;) {
      while (i < xml.length && /\s/.test(xml[i]!)) i++;
      if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2;
      else if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
      else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') throw new Error(`XML: expected an element at ${i}`);
    const m = /^<([A-Za-z_][\w.-]*)(\s[^>]*?)?(\/?)>/.exec(xml.slice(i));
    if (!m) throw new Error(`XML: bad tag at ${i}`);
    i += m[0].length;
    const el: XmlElement = { name: m[1]!, children: [], text: '' };
    if (m[3] === '/') return el;
    for (;;) {
      if (xml.startsWith('</', i)) {
        const close = `</${el.name}>`;
        if (!xml.startsWith(close, i)) throw new Error(`XML: expected ${close} at ${i}`);
        i += close.length;
        return el;
      }
      if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
      else if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i);
        el.text += xml.slice(i + 9, end);
        i = end + 3;
      } else if (xml[i] === '<') el.children.push(element());
      else {
        const next = xml.indexOf('<', i);
        if (next < 0) throw new Error('XML: unexpected end');
        el.text += decodeEntities(xml.slice(i, next));
        i = next;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== xml.length) throw new Error('XML: content after the root element');
  return root;
}

/** The Spark convention: list elements become arrays, elements with children objects, leaves strings (empty → null). */
export function sparkJson(el: XmlElement): Doc {
  if (LISTS[el.name] !== undefined) return el.children.map(sparkJson);
  if (el.children.length > 0) return Object.fromEntries(el.children.map((c) => [c.name, sparkJson(c)]));
  return el.text === '' ? null : el.text;
}

export class GeoReportClient {
  constructor(
    /** The endpoint URL, as Service Discovery gives it (no trailing slash). */
    readonly endpoint: string,
    readonly apiKey?: string,
  ) {}

  private async answer<T>(res: Response, format: Format): Promise<Answer<T>> {
    const raw = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    let body: unknown = raw;
    if (format === 'json') body = JSON.parse(raw);
    else {
      const root = parseXml(raw);
      body = sparkJson(root);
    }
    return { status: res.status, contentType, headers: res.headers, raw, body: body as T };
  }

  private async get<T>(path: string, format: Format, params: Record<string, string | undefined> = {}): Promise<Answer<T>> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
    const query = q.toString();
    const res = await fetch(`${this.endpoint}/${path}.${format}${query ? `?${query}` : ''}`);
    return this.answer<T>(res, format);
  }

  /** Service Discovery: discovery.[format]. */
  discovery(format: Format = 'xml') {
    return this.get<{ changeset: string; contact: string; key_service: string; endpoints: Record<string, Doc>[] }>('discovery', format);
  }

  /** GET Service List: services.[format]. */
  services(format: Format = 'xml', params: { jurisdiction_id?: string; locale?: string } = {}) {
    return this.get<Record<string, Doc>[]>('services', format, params);
  }

  /** GET Service Definition: services/[service_code].[format]. */
  serviceDefinition(serviceCode: string, format: Format = 'xml', params: { locale?: string } = {}) {
    return this.get<{ service_code: string; attributes: Record<string, Doc>[] }>(`services/${encodeURIComponent(serviceCode)}`, format, params);
  }

  /**
   * POST Service Request: requests.[format], application/x-www-form-urlencoded, with api_key. Attributes go as
   * attribute[code]=value, and attribute[code][]=value for each value of a multivaluelist.
   */
  async submit(fields: Record<string, string | undefined>, attributes: Record<string, string | string[]> = {}, format: Format = 'xml', apiKey = this.apiKey) {
    const form = new URLSearchParams();
    if (apiKey !== undefined) form.set('api_key', apiKey);
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
    for (const [code, v] of Object.entries(attributes)) {
      if (Array.isArray(v)) for (const one of v) form.append(`attribute[${code}][]`, one);
      else form.set(`attribute[${code}]`, v);
    }
    const res = await fetch(`${this.endpoint}/requests.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: form.toString(),
    });
    return this.answer<Record<string, Doc>[]>(res, format);
  }

  /** GET service_request_id from a token: tokens/[token].[format]. */
  token(token: string, format: Format = 'xml') {
    return this.get<Record<string, Doc>[]>(`tokens/${encodeURIComponent(token)}`, format);
  }

  /** GET Service Requests: requests.[format] with the spec's filters and the page/page_size extension. */
  requests(
    format: Format = 'xml',
    params: {
      service_request_id?: string;
      service_code?: string;
      start_date?: string;
      end_date?: string;
      status?: string;
      page?: string;
      page_size?: string;
      locale?: string;
      api_key?: string;
    } = {},
  ) {
    return this.get<Record<string, Doc>[]>('requests', format, { api_key: this.apiKey, ...params });
  }

  /** GET Service Request: requests/[service_request_id].[format]. */
  request(id: string, format: Format = 'xml', params: { locale?: string; api_key?: string } = {}) {
    return this.get<Record<string, Doc>[]>(`requests/${encodeURIComponent(id)}`, format, { api_key: this.apiKey, ...params });
  }

  /** Fetch any path under the endpoint (for error cases the spec names, e.g. an unknown resource). */
  async raw(path: string, format: Format) {
    const res = await fetch(`${this.endpoint}/${path}`);
    return this.answer<GeoReportError[]>(res, format);
  }
}

/** The same document with every leaf as a string (null stays null): compares a JSON answer with an XML one. */
export function asStrings(doc: unknown): Doc {
  if (doc === null || doc === undefined) return null;
  if (Array.isArray(doc)) return doc.map(asStrings);
  if (typeof doc === 'object') return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, asStrings(v)]));
  return text(doc);
}

/** A leaf of an answer as text (JSON numbers and booleans included). */
export function text(doc: unknown): string {
  if (doc === null || doc === undefined) return '';
  if (typeof doc === 'string') return doc;
  if (typeof doc === 'number' || typeof doc === 'boolean') return String(doc);
  return JSON.stringify(doc);
}
