// The label sets of the classifier, in the glossary's names.

export const DOMAINS = [
  'housing',
  'labor',
  'land',
  'legal',
  'education',
  'health',
  'propertyManagement',
  'environment',
  'urbanConstruction',
  'socialSecurity',
  'agriculture',
  'other',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const CATEGORIES = ['suggestion', 'accusation', 'claim'] as const;
export type Category = (typeof CATEGORIES)[number];

export function isDomain(x: unknown): x is Domain {
  return typeof x === 'string' && (DOMAINS as readonly string[]).includes(x);
}

export function isCategory(x: unknown): x is Category {
  return typeof x === 'string' && (CATEGORIES as readonly string[]).includes(x);
}
