/**
 * The XML of GeoReport v2: schemaless, no namespace, no attributes, UTF-8. JSON and XML are one structure
 * (the spec's "Spark convention"): a JSON array is an element holding one child element per item, named by
 * the list (services → service, service_requests → request, …); a JSON object is an element holding one child
 * per field; null is an empty element.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [field: string]: XmlValue };

/** The item element of each list the specification has. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all (controls other than tab, newline, return; lone surrogates; U+FFFE/F).
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: XmlValue, indent: string): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined) return `${indent}<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM[name];
    if (!item) throw new Error(`no item element for the list ${name}`);
    if (value.length === 0) return `${indent}<${name}/>`;
    return `${indent}<${name}>\n${value.map((v) => element(item, v, indent + '  ')).join('\n')}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value);
    if (fields.length === 0) return `${indent}<${name}/>`;
    return `${indent}<${name}>\n${fields.map(([k, v]) => element(k, v, indent + '  ')).join('\n')}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: the declaration with its encoding, then the root element. */
export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`;
}
