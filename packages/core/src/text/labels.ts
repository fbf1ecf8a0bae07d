// The label sets of the classifier, in the glossary's names.

import { categories, domains, type Category, type Domain } from '../petition/types';

export const DOMAINS = domains;
export type { Domain, Category };
export const CATEGORIES = categories;

export function isDomain(x: unknown): x is Domain {
  return typeof x === 'string' && (DOMAINS as readonly string[]).includes(x);
}

export function isCategory(x: unknown): x is Category {
  return typeof x === 'string' && (CATEGORIES as readonly string[]).includes(x);
}
