import { useEffect, useState } from 'react';
import { api, type Jurisdiction, type Unit } from './api';

// The unit and jurisdiction directories change rarely: fetched once per page load, shared by every picker.
let units: Promise<Unit[]> | null = null;
let places: Promise<Jurisdiction[]> | null = null;

export function refreshDirectory() {
  units = null;
  places = null;
}

function useLoaded<T>(load: () => Promise<T>, fallback: T): [T, boolean] {
  const [value, setValue] = useState<T>(fallback);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    load()
      .then((v) => live && setValue(v))
      .catch(() => undefined)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  return [value, loading];
}

export function useUnits(): [Unit[], boolean] {
  return useLoaded(() => {
    units ??= api.units().catch((e: unknown) => {
      units = null;
      throw e;
    });
    return units;
  }, []);
}

export function useJurisdictions(): [Jurisdiction[], boolean] {
  return useLoaded(() => {
    places ??= api.jurisdictions().catch((e: unknown) => {
      places = null;
      throw e;
    });
    return places;
  }, []);
}

export interface PlaceNode {
  value: string;
  title: string;
  children?: PlaceNode[];
}

/** The flat jurisdiction list as a tree for TreeSelect, with full-path titles for search. */
export function placeTree(list: Jurisdiction[]): PlaceNode[] {
  const byParent = new Map<string | null, Jurisdiction[]>();
  const codes = new Set(list.map((j) => j.code));
  for (const j of list) {
    const p = j.parentCode && codes.has(j.parentCode) ? j.parentCode : null;
    byParent.set(p, [...(byParent.get(p) ?? []), j]);
  }
  const build = (parent: string | null): PlaceNode[] =>
    (byParent.get(parent) ?? []).map((j) => {
      const children = build(j.code);
      return children.length ? { value: j.code, title: j.name, children } : { value: j.code, title: j.name };
    });
  return build(null);
}

export function placeName(list: Jurisdiction[], code: string): string {
  const byCode = new Map(list.map((j) => [j.code, j]));
  const names: string[] = [];
  let cur = byCode.get(code);
  while (cur) {
    names.unshift(cur.name);
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return names.length ? names.join(' / ') : code;
}
