import { and, eq, inArray } from 'drizzle-orm';
import { isWithin, type UnitRef } from '@qiao/core';
import type { Tx as Db } from '../db/open';
import { jurisdictions, units } from '../db/schema';
import { badRequest } from '../lib/errors';

export type UnitRow = typeof units.$inferSelect;

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

/** A unit named in a request: 400 naming the field when it does not exist or is inactive. */
export async function requireUnit(db: Db, id: string, field: string): Promise<UnitRow> {
  const row = await findUnit(db, id);
  if (!row || !row.active)
    throw badRequest('unknownUnit', { zh: `${field}：找不到单位“${id}”`, en: `${field}: no active unit "${id}"` }, { field });
  return row;
}

export const unitRef = (u: Pick<UnitRow, 'id' | 'jurisdictionCode'>): UnitRef => ({
  id: u.id,
  jurisdictionCode: u.jurisdictionCode,
});

export async function unitNames(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Jurisdictions known to exist, per database. Jurisdictions are added and renamed, never deleted, so a code once
 * found stays valid; a code not found is asked again every time (it may have been added since).
 */
const knownJurisdictions = new WeakMap<object, Set<string>>();

export async function jurisdictionExists(db: Db, code: string): Promise<boolean> {
  const known = knownJurisdictions.get(db);
  if (known?.has(code)) return true;
  const [row] = await db.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.code, code));
  if (row === undefined) return false;
  if (known) known.add(code);
  else knownJurisdictions.set(db, new Set([code]));
  return true;
}

/**
 * The petition office closest above a place: where a proxy agent's or a portal submission is registered. `not`:
 * an office that may not take it (the one an accusation accuses), so the next one above does.
 */
export async function petitionOfficeFor(
  db: Db,
  jurisdictionCode: string,
  { not }: { not?: string | readonly string[] | null } = {},
): Promise<UnitRow | undefined> {
  const left = typeof not === 'string' ? [not] : (not ?? []);
  const offices = await db
    .select()
    .from(units)
    .where(and(eq(units.kind, 'petitionOffice'), eq(units.active, true)));
  return offices
    .filter((o) => isWithin(jurisdictionCode, o.jurisdictionCode) && !left.includes(o.id))
    .sort((a, b) => b.jurisdictionCode.length - a.jurisdictionCode.length || depth(b) - depth(a))[0];
}

function depth(u: UnitRow) {
  return u.jurisdictionCode.replace(/(00)+$/, '').length;
}

/**
 * The level above a unit, for review and re-review (Arts. 35, 36) when the request names none: a unit of the
 * same field in the parent jurisdiction, else the parent jurisdiction's petition office, else the petition
 * office of the unit's own government (which stands above its departments).
 */
export async function levelAbove(db: Db, unit: UnitRow, parentCode: string | null): Promise<UnitRow | undefined> {
  const all = await db.select().from(units).where(eq(units.active, true));
  if (parentCode) {
    const sameField = all.find(
      (u) => u.jurisdictionCode === parentCode && u.kind === unit.kind && u.domains.some((d) => unit.domains.includes(d)),
    );
    if (sameField) return sameField;
    const office = all.find((u) => u.jurisdictionCode === parentCode && u.kind === 'petitionOffice');
    if (office) return office;
  }
  return all.find((u) => u.jurisdictionCode === unit.jurisdictionCode && u.kind === 'petitionOffice' && u.id !== unit.id);
}
