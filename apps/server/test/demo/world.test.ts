import { describe, expect, it } from 'vitest';
import { buildWorld, CITY_CODE, createRng } from '../../src/demo/index';

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps int, pick, weighted, chance and shuffle within their contracts', () => {
    const rng = createRng('helpers');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(-2, 3);
      expect(Number.isInteger(n) && n >= -2 && n <= 3).toBe(true);
      seen.add(n);
    }
    expect(seen.size).toBe(6);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    const counts = { x: 0, y: 0 };
    for (let i = 0; i < 4000; i++)
      counts[
        rng.weighted([
          ['x', 3],
          ['y', 1],
        ] as const)
      ]++;
    expect(counts.x / 4000).toBeGreaterThan(0.7);
    expect(counts.x / 4000).toBeLessThan(0.8);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(() => rng.pick([])).toThrow();
  });
});

describe('buildWorld', () => {
  const world = buildWorld();
  const codes = new Set(world.jurisdictions.map((j) => j.code));

  it('is deterministic and hands out copies', () => {
    const again = buildWorld();
    expect(again).toEqual(world);
    again.units.pop();
    expect(buildWorld().units.length).toBe(world.units.length);
  });

  it('has the city, three county-level divisions, ~30 towns and villages under them', () => {
    expect(world.city).toMatchObject({ code: CITY_CODE, name: '青川市', level: 'city' });
    const counties = world.jurisdictions.filter((j) => j.level === 'county');
    expect(counties.map((c) => c.code).sort()).toEqual(['339902', '339921', '339981']);
    expect(counties.map((c) => c.kind).sort()).toEqual(['county', 'countyCity', 'district']);
    const towns = world.jurisdictions.filter((j) => j.level === 'town');
    expect(towns.length).toBeGreaterThanOrEqual(27);
    expect(towns.length).toBeLessThanOrEqual(36);
    for (const j of world.jurisdictions) {
      expect(j.code.startsWith('3399')).toBe(true);
      if (j.parentCode === null) continue;
      expect(codes.has(j.parentCode)).toBe(true);
      expect(j.code.startsWith(j.parentCode.slice(0, j.level === 'county' ? 4 : j.parentCode.length))).toBe(
        true,
      );
      const length = { city: 6, county: 6, town: 9, village: 12 }[j.level];
      expect(j.code).toMatch(new RegExp(`^\\d{${length}}$`));
    }
    for (const t of towns) {
      const kids = world.jurisdictions.filter((j) => j.parentCode === t.code);
      expect(kids.length).toBeGreaterThanOrEqual(2);
    }
    expect(codes.size).toBe(world.jurisdictions.length);
    expect(new Set(world.jurisdictions.map((j) => j.name)).size).toBe(world.jurisdictions.length);
  });

  it('has units with unique ids whose jurisdictions exist, and no police', () => {
    const ids = world.units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(world.units.length).toBeGreaterThanOrEqual(25);
    for (const u of world.units) {
      expect(codes.has(u.jurisdictionCode)).toBe(true);
      expect(u.name).not.toMatch(/公安|派出所|警/);
    }
    const byId = new Map(world.units.map((u) => [u.id, u]));
    expect(byId.get('u-city-office')).toMatchObject({ name: '青川市信访局', kind: 'petitionOffice' });
    expect(byId.get('u-city-discipline')).toMatchObject({ name: '青川市纪委监委', kind: 'discipline' });
    expect(byId.get('u-city-hrss')?.domains).toEqual(['labor', 'socialSecurity']);
    expect(byId.get('u-city-housing')?.domains).toEqual([
      'housing',
      'urbanConstruction',
      'propertyManagement',
    ]);
    expect(world.units.filter((u) => u.kind === 'petitionOffice')).toHaveLength(4);
    expect(world.units.filter((u) => u.kind === 'townGovernment').length).toBeGreaterThan(0);
    const handled = new Set(world.units.flatMap((u) => u.domains));
    for (const d of [
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
    ] as const) {
      expect(handled.has(d)).toBe(true);
    }
  });

  it('has users with unique usernames, the demo accounts, and staff for every unit', () => {
    const names = world.users.map((u) => u.username);
    expect(new Set(names).size).toBe(names.length);
    const unitIds = new Set(world.units.map((u) => u.id));
    for (const u of world.users) {
      expect(codes.has(u.jurisdictionCode)).toBe(true);
      if (u.unitId !== null) expect(unitIds.has(u.unitId)).toBe(true);
      expect(u.displayName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
    const user = (n: string) => world.users.find((u) => u.username === n);
    expect(user('admin')?.role).toBe('admin');
    expect(user('clerk')).toMatchObject({ role: 'clerk', unitId: 'u-city-office' });
    expect(user('handler')).toMatchObject({ role: 'handler', unitId: 'u-city-hrss' });
    expect(user('leader')).toMatchObject({ role: 'leader', unitId: null, jurisdictionCode: CITY_CODE });
    expect(user('supervisor')).toMatchObject({ role: 'supervisor', unitId: 'u-city-office' });
    const agent = user('agent');
    expect(agent?.role).toBe('proxyAgent');
    expect(world.jurisdictions.find((j) => j.code === agent?.jurisdictionCode)?.kind).toBe('community');
    for (const unit of world.units) {
      const staff = world.users.filter((u) => u.unitId === unit.id);
      if (unit.kind === 'petitionOffice') {
        expect(staff.some((u) => u.role === 'clerk')).toBe(true);
      } else {
        expect(staff.some((u) => u.role === 'handler')).toBe(true);
        expect(staff.some((u) => u.role === 'unitHead')).toBe(true);
      }
    }
  });
});
