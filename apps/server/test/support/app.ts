import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App } from '../../src/app';
import type { Deps } from '../../src/context';
import { openDatabase, type Database } from '../../src/db/open';
import { jurisdictions, units, users } from '../../src/db/schema';
import { deriveKeys, hashPassword } from '../../src/lib/crypto';
import { ClockSettingsStore } from '../../src/settings/clock-settings';
import { createScratchDatabase, engine, engineAvailable } from './env';

/** A clock the test moves: every service reads the time through it. */
export class FakeClock {
  constructor(public current = new Date('2026-03-02T02:00:00Z')) {}
  now = () => this.current;
  set(iso: string) {
    this.current = new Date(iso.length === 10 ? `${iso}T02:00:00Z` : iso);
  }
  advanceDays(n: number) {
    this.current = new Date(this.current.getTime() + n * 86_400_000);
  }
}

export interface TestContext {
  app: App;
  deps: Deps;
  clock: FakeClock;
  database: Database;
  /** A bearer token for a seeded user (password "secret-pass"). */
  token(username: string): Promise<string>;
}

export const available = await engineAvailable();
export const engineName = engine;

/**
 * A fresh database (PGlite in memory, or a scratch PostgreSQL database), the world of `seedWorld`, and the
 * app, for one test file. Registers its own beforeAll/afterAll.
 */
export function useTestApp(): TestContext {
  const ctx = {} as TestContext;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (!available) return;
    const made = await createTestContext(engine);
    Object.assign(ctx, made.ctx);
    cleanup = made.cleanup;
  });
  afterAll(async () => {
    await cleanup?.();
  });
  return ctx;
}

/** The same, without vitest hooks: a fresh database of the given engine with the seeded world and the app. */
export async function createTestContext(kind: 'pglite' | 'postgres') {
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase();
    url = scratch.url;
    drop = scratch.drop;
  }
  const database = await openDatabase({ url });
  const clock = new FakeClock();
  const clockSettings = new ClockSettingsStore(database.db, 'calendar');
  await clockSettings.load();
  const deps: Deps = {
    db: database.db,
    keys: deriveKeys(TEST_SECRET),
    now: clock.now,
    clockSettings,
    tokenTtlSeconds: 10 * 365 * 86_400, // the fake clock jumps months; sessions must outlive it
  };
  await seedWorld(deps);
  const app = await buildApp(deps);
  const tokens = new Map<string, string>();
  const ctx: TestContext = {
    app,
    deps,
    clock,
    database,
    token: async (username: string) => {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const token = res.json<{ token: string }>().token;
      tokens.set(username, token);
      return token;
    },
  };
  return {
    ctx,
    url,
    cleanup: async () => {
      await app.close();
      await database.close();
      await drop?.();
    },
  };
}

/** The instance secret of test databases (a child process given QIAO_SECRET_KEY=hex of it reads the same data). */
export const TEST_SECRET = Buffer.alloc(32, 7);

export const PASSWORD = 'secret-pass';

/**
 * A small world: the city 339900 with a district 339902 (town 339902001) and a county 339921 (town
 * 339921001). Units: petition offices of the city and the district, the city and district labour bureaus,
 * the city housing bureau, the district land bureau, the city discipline commission.
 */
export const world = {
  jurisdictions: [
    { code: '339900', name: '青川市', parentCode: null, level: 'city' },
    { code: '339902', name: '临江区', parentCode: '339900', level: 'county' },
    { code: '339902001', name: '石桥街道', parentCode: '339902', level: 'town' },
    { code: '339921', name: '云岭县', parentCode: '339900', level: 'county' },
    { code: '339921001', name: '松溪镇', parentCode: '339921', level: 'town' },
  ],
  units: [
    { id: 'city-office', name: '青川市信访局', jurisdictionCode: '339900', kind: 'petitionOffice', domains: [] },
    { id: 'district-office', name: '临江区信访局', jurisdictionCode: '339902', kind: 'petitionOffice', domains: [] },
    { id: 'county-office', name: '云岭县信访局', jurisdictionCode: '339921', kind: 'petitionOffice', domains: [] },
    { id: 'city-labor', name: '青川市人力资源和社会保障局', jurisdictionCode: '339900', kind: 'department', domains: ['labor', 'socialSecurity'] },
    { id: 'district-labor', name: '临江区人力资源和社会保障局', jurisdictionCode: '339902', kind: 'department', domains: ['labor', 'socialSecurity'] },
    { id: 'city-housing', name: '青川市住房和城乡建设局', jurisdictionCode: '339900', kind: 'department', domains: ['housing'] },
    { id: 'district-land', name: '临江区自然资源局', jurisdictionCode: '339902', kind: 'department', domains: ['land'] },
    { id: 'city-discipline', name: '青川市纪委监委', jurisdictionCode: '339900', kind: 'discipline', domains: [] },
  ],
  users: [
    { username: 'admin', role: 'admin', unitId: null, jurisdictionCode: '339900' },
    { username: 'clerk', role: 'clerk', unitId: 'city-office', jurisdictionCode: '339900' },
    { username: 'district-clerk', role: 'clerk', unitId: 'district-office', jurisdictionCode: '339902' },
    { username: 'county-clerk', role: 'clerk', unitId: 'county-office', jurisdictionCode: '339921' },
    { username: 'supervisor', role: 'supervisor', unitId: 'city-office', jurisdictionCode: '339900' },
    { username: 'leader', role: 'leader', unitId: null, jurisdictionCode: '339900' },
    { username: 'handler', role: 'handler', unitId: 'city-labor', jurisdictionCode: '339900' },
    { username: 'head', role: 'unitHead', unitId: 'city-labor', jurisdictionCode: '339900' },
    { username: 'district-handler', role: 'handler', unitId: 'district-labor', jurisdictionCode: '339902' },
    { username: 'district-head', role: 'unitHead', unitId: 'district-labor', jurisdictionCode: '339902' },
    { username: 'housing-handler', role: 'handler', unitId: 'city-housing', jurisdictionCode: '339900' },
    { username: 'land-handler', role: 'handler', unitId: 'district-land', jurisdictionCode: '339902' },
    { username: 'land-head', role: 'unitHead', unitId: 'district-land', jurisdictionCode: '339902' },
    { username: 'discipline-handler', role: 'handler', unitId: 'city-discipline', jurisdictionCode: '339900' },
    { username: 'agent', role: 'proxyAgent', unitId: null, jurisdictionCode: '339902001' },
    { username: 'agent2', role: 'proxyAgent', unitId: null, jurisdictionCode: '339902001' },
  ],
} as const;

async function seedWorld(deps: Deps) {
  await deps.db.insert(jurisdictions).values([...world.jurisdictions]);
  await deps.db.insert(units).values(world.units.map((u) => ({ ...u, domains: [...u.domains] })));
  const hash = await hashPassword(PASSWORD);
  await deps.db.insert(users).values(
    world.users.map((u) => ({ id: randomUUID(), ...u, displayName: `测试${u.username}`, passwordHash: hash })),
  );
}

/** A valid intake body; override what the test is about. */
export function intake(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'letter',
    category: 'claim',
    domain: 'labor',
    title: '反映某建筑公司拖欠工资',
    content: '我们在石桥街道某工地做工，老板拖欠三个月工资共计四万余元，多次讨要未果，请求帮助追讨。',
    demands: '请求督促公司尽快支付拖欠工资。',
    respondent: { name: '青川市宏达建筑劳务有限公司' },
    jurisdictionCode: '339902001',
    address: '石桥街道滨河路工地',
    petitioners: [{ name: '王小明', phone: '13812341234', idCard: '110101199003076632', address: '石桥街道幸福里5号' }],
    ...overrides,
  };
}
