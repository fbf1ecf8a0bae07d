import { describe, expect, it } from 'vitest';
import {
  allScenarios,
  buildWorld,
  createRng,
  domains,
  generateCluster,
  generateDemoPetitions,
  generatePetitionFacts,
  generateRepeat,
  generateScenario,
} from '../../src/demo/index';
import type { PetitionFacts, Petitioner } from '../../src/demo/index';

const world = buildWorld();
const codes = new Map(world.jurisdictions.map((j) => [j.code, j]));
const unitIds = new Set(world.units.map((u) => u.id));

function generate(seed: string, n: number): PetitionFacts[] {
  const rng = createRng(seed);
  const out: PetitionFacts[] = [];
  for (let i = 0; i < n; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    out.push(generatePetitionFacts(rng, world, day));
  }
  return out;
}

// Independent GB 11643 check: weight of position i is 2^(17-i) mod 11, check value (12 - sum mod 11) mod 11.
function validIdCard(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  const expected = v === 10 ? 'X' : String(v);
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const realDate = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return id[17] === expected && realDate && y >= 1920 && y <= 2010;
}

const PHONE = /^1[3-9]\d{9}$/;

function checkPetitioners(f: PetitionFacts): void {
  expect(f.petitioners.length).toBeGreaterThanOrEqual(1);
  if (f.collective) {
    expect(f.headcount).toBeGreaterThanOrEqual(2);
    expect(f.petitioners.length).toBeLessThanOrEqual(5);
    expect(f.petitioners.length).toBeLessThanOrEqual(f.headcount);
  } else {
    expect(f.headcount).toBe(1);
    expect(f.petitioners).toHaveLength(1);
  }
  const names = f.petitioners.map((p: Petitioner) => p.name);
  expect(new Set(names).size).toBe(names.length);
  for (const p of f.petitioners) {
    expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    if (p.phone !== null) expect(p.phone).toMatch(PHONE);
    if (p.idCard !== null) {
      expect(validIdCard(p.idCard), p.idCard).toBe(true);
      expect(codes.get(p.idCard.slice(0, 6))?.level).toBe('county');
    }
  }
}

describe('generatePetitionFacts', () => {
  const sample = generate('petitions-test', 2000);

  it('is deterministic: the same seed gives the same petitions', () => {
    expect(generate('petitions-test', 150)).toEqual(sample.slice(0, 150));
    expect(generate('another-seed', 20)).not.toEqual(sample.slice(0, 20));
  });

  it('covers all 12 domains, labour most often, and every category and channel', () => {
    const byDomain = new Map<string, number>();
    for (const f of sample) byDomain.set(f.domain, (byDomain.get(f.domain) ?? 0) + 1);
    for (const d of domains) expect(byDomain.get(d) ?? 0, d).toBeGreaterThan(0);
    const labor = byDomain.get('labor') ?? 0;
    for (const [d, n] of byDomain) if (d !== 'labor') expect(labor, d).toBeGreaterThan(n);
    expect(new Set(sample.map((f) => f.category))).toEqual(new Set(['claim', 'accusation', 'suggestion']));
    expect(new Set(sample.map((f) => f.channel)).size).toBe(6);
    const litigation = sample.filter((f) => f.litigationRelated).length / sample.length;
    expect(litigation).toBeGreaterThan(0.04);
    expect(litigation).toBeLessThan(0.2);
    const collective = sample.filter((f) => f.collective).length / sample.length;
    expect(collective).toBeGreaterThan(0.04);
    expect(collective).toBeLessThan(0.25);
  });

  it('writes distinct texts of 80-400 characters and titles of at most 40', () => {
    expect(new Set(sample.map((f) => f.text)).size / sample.length).toBeGreaterThanOrEqual(0.95);
    for (const f of sample) {
      expect(f.text.length, f.text).toBeGreaterThanOrEqual(80);
      expect(f.text.length, f.text).toBeLessThanOrEqual(400);
      expect(f.title.length).toBeGreaterThan(4);
      expect(f.title.length, f.title).toBeLessThanOrEqual(40);
      expect(f.demands.length).toBeGreaterThan(4);
      expect(`${f.title}${f.text}${f.demands}`).not.toMatch(/undefined|null|NaN|\$\{|\[object/);
    }
    // A few residents write in traditional characters.
    const traditional = sample.filter((f) => /[們這來說個時]/.test(f.text)).length;
    expect(traditional).toBeGreaterThan(0);
    expect(traditional / sample.length).toBeLessThan(0.08);
  });

  it('gives petitioners valid fictional ID numbers and phones, at most 5 representatives', () => {
    for (const f of sample) checkPetitioners(f);
    expect(sample.some((f) => f.petitioners.some((p) => p.idCard !== null))).toBe(true);
  });

  it('places every matter in a town or village of the world and routes it to an existing unit', () => {
    for (const f of sample) {
      const j = codes.get(f.jurisdictionCode);
      expect(j?.level === 'town' || j?.level === 'village', f.jurisdictionCode).toBe(true);
      expect(unitIds.has(f.suggestedUnitId), f.suggestedUnitId).toBe(true);
      if (f.respondent?.unitId != null) expect(unitIds.has(f.respondent.unitId)).toBe(true);
      expect(f.address.length).toBeGreaterThan(2);
    }
  });

  it('never suggests the accused unit for an accusation; accused units and officials go to discipline', () => {
    const accusations = sample.filter((f) => f.category === 'accusation');
    expect(accusations.length).toBeGreaterThan(50);
    for (const f of accusations) {
      if (f.respondent?.unitId != null) {
        expect(f.suggestedUnitId).not.toBe(f.respondent.unitId);
        expect(f.suggestedUnitId).toBe('u-city-discipline');
      }
    }
    expect(
      accusations.some(
        (f) => f.suggestedUnitId === 'u-city-discipline' && /村/.test(f.respondent?.name ?? ''),
      ),
    ).toBe(true);
  });

  it('writes suggestions without a respondent and litigation-related claims as claims', () => {
    for (const f of sample) {
      if (f.category === 'suggestion') expect(f.respondent).toBeNull();
      if (f.litigationRelated) expect(f.category).toBe('claim');
    }
  });
});

describe('every scenario', () => {
  it('renders valid facts in every voice', () => {
    const rng = createRng('scenarios-test');
    for (const s of allScenarios()) {
      for (let k = 0; k < 40; k++) {
        const f = generateScenario(rng, world, '2025-10-08', s.id);
        expect(f.domain).toBe(s.domain);
        expect(f.category).toBe(s.category);
        expect(f.litigationRelated).toBe(s.litigationRelated ?? false);
        expect(f.text.length, `${s.id}: ${f.text}`).toBeGreaterThanOrEqual(80);
        expect(f.text.length, `${s.id}: ${f.text}`).toBeLessThanOrEqual(400);
        expect(f.title.length, f.title).toBeLessThanOrEqual(40);
        expect(`${f.title}${f.text}${f.demands}`, s.id).not.toMatch(/undefined|null|NaN|\$\{|其的|其们|该们/);
        if (f.category === 'accusation' && f.respondent?.unitId != null) {
          expect(f.suggestedUnitId).not.toBe(f.respondent.unitId);
        }
        // Transcripts (hotline, proxy, transfer) are in the third person.
        if (['hotline', 'proxy', 'transfer'].includes(f.channel))
          expect(f.text, `${s.id}: ${f.text}`).not.toMatch(/我/);
        checkPetitioners(f);
      }
    }
  });
});

describe('generateRepeat', () => {
  const rng = createRng('repeat-test');
  const earlier = generate('repeat-base', 300).filter((f) => f.category !== 'suggestion');

  it('retells the same matter in other words', () => {
    for (const e of earlier) {
      const r = generateRepeat(rng, e, '2025-12-20');
      expect(r.respondent).toEqual(e.respondent);
      expect(r.jurisdictionCode).toBe(e.jurisdictionCode);
      expect(r.address).toBe(e.address);
      expect(r.domain).toBe(e.domain);
      expect(r.category).toBe(e.category);
      expect(r.litigationRelated).toBe(e.litigationRelated);
      expect(r.suggestedUnitId).toBe(e.suggestedUnitId);
      expect(r.title).toMatch(/^再次/);
      expect(r.title.length).toBeLessThanOrEqual(40);
      expect(r.text).not.toBe(e.text);
      expect(r.text.length).toBeGreaterThanOrEqual(80);
      expect(r.text.length).toBeLessThanOrEqual(400);
      checkPetitioners(r);
      if (!e.collective) expect(r.collective).toBe(false);
      if (['hotline', 'proxy', 'transfer'].includes(r.channel)) expect(r.text).not.toMatch(/我/);
      expect(`${r.text}${r.demands}`).not.toMatch(/undefined|null|NaN|其的|再次再次/);
    }
  });

  it('brings back someone of the same matter most of the time', () => {
    let same = 0;
    for (const e of earlier) {
      const r = generateRepeat(rng, e, '2025-12-20');
      const before = new Set(e.petitioners.map((p) => p.name));
      if (r.petitioners.some((p) => before.has(p.name))) same++;
    }
    expect(same / earlier.length).toBeGreaterThan(0.6);
  });

  it('is deterministic', () => {
    const e = earlier[0] as PetitionFacts;
    expect(generateRepeat(createRng(5), e, '2025-12-01')).toEqual(
      generateRepeat(createRng(5), e, '2025-12-01'),
    );
  });
});

describe('generateCluster and generateDemoPetitions', () => {
  it('clusters several petitioners against one respondent', () => {
    const rng = createRng('cluster-test');
    for (let k = 0; k < 20; k++) {
      const facts = generateCluster(rng, world, ['2025-03-01', '2025-03-02', '2025-03-05', '2025-03-09']);
      expect(facts).toHaveLength(4);
      const first = facts[0] as PetitionFacts;
      for (const f of facts) {
        expect(f.respondent?.name).toBe(first.respondent?.name);
        expect(f.domain).toBe(first.domain);
        checkPetitioners(f);
      }
      expect(new Set(facts.map((f) => f.text)).size).toBe(4);
    }
  });

  it('builds a sorted timeline with ~15% repeats linked to earlier matters, and clusters', () => {
    const timeline = generateDemoPetitions(createRng('timeline-test'), world, {
      from: '2025-01-01',
      to: '2025-06-30',
      count: 1200,
    });
    expect(timeline).toHaveLength(1200);
    const byKey = new Map(timeline.map((p) => [p.key, p]));
    expect(byKey.size).toBe(1200);
    for (let i = 1; i < timeline.length; i++) {
      expect(
        (timeline[i - 1] as (typeof timeline)[number]).receivedOn <=
          (timeline[i] as (typeof timeline)[number]).receivedOn,
      ).toBe(true);
    }
    for (const p of timeline) {
      expect(p.receivedOn >= '2025-01-01' && p.receivedOn <= '2025-06-30').toBe(true);
      if (p.repeatOf === null) continue;
      const root = byKey.get(p.repeatOf);
      expect(root).toBeDefined();
      expect(root?.repeatOf).toBeNull();
      expect(root!.receivedOn < p.receivedOn).toBe(true);
      expect(p.facts.respondent).toEqual(root!.facts.respondent);
      expect(p.facts.jurisdictionCode).toBe(root!.facts.jurisdictionCode);
    }
    const repeats = timeline.filter((p) => p.repeatOf !== null).length / timeline.length;
    expect(repeats).toBeGreaterThan(0.1);
    expect(repeats).toBeLessThan(0.2);
    const clusters = new Map<string, string[]>();
    for (const p of timeline) {
      if (p.clusterKey === null || p.repeatOf !== null) continue;
      clusters.set(p.clusterKey, [...(clusters.get(p.clusterKey) ?? []), p.facts.respondent?.name ?? '']);
    }
    expect(clusters.size).toBeGreaterThan(5);
    for (const names of clusters.values()) {
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(new Set(names).size).toBe(1);
    }
    // Merges: 3-4 households' petitions about one compensation dispute, merged into the first after the last.
    const groups = new Map<string, typeof timeline>();
    for (const p of timeline) if (p.merge) groups.set(p.merge.into ?? p.key, [...(groups.get(p.merge.into ?? p.key) ?? []), p]);
    expect(groups.size).toBe(3);
    for (const [key, members] of groups) {
      expect(members.length).toBeGreaterThanOrEqual(3);
      expect(members[0]?.key).toBe(key);
      expect(members[0]?.merge?.into).toBeNull();
      expect(new Set(members.map((m) => m.facts.respondent?.name)).size).toBe(1);
      for (const m of members) {
        expect(m.facts.domain).toBe('land');
        expect(m.facts.collective).toBe(false);
        expect(m.repeatOf).toBeNull();
        expect(m.merge?.on).toBe(members[0]?.merge?.on);
        expect(m.merge!.on > m.receivedOn && m.merge!.on <= '2025-06-30').toBe(true);
      }
    }
    for (const p of timeline) if (p.repeatOf !== null) expect(byKey.get(p.repeatOf)?.merge).toBeUndefined();
    const again = generateDemoPetitions(createRng('timeline-test'), world, {
      from: '2025-01-01',
      to: '2025-06-30',
      count: 50,
    });
    expect(again).toEqual(
      generateDemoPetitions(createRng('timeline-test'), world, {
        from: '2025-01-01',
        to: '2025-06-30',
        count: 50,
      }),
    );
  });
});
