import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, seriousViolations } from '../support';
import { buildApp, type App } from '../../apps/server/src/app';
import type { Deps } from '../../apps/server/src/context';
import { openDatabase, type Database } from '../../apps/server/src/db/open';
import { seedDemo } from '../../apps/server/src/demo/seed';
import { jurisdictions, receptionDays, units, users } from '../../apps/server/src/db/schema';
import { deriveKeys, hashPassword } from '../../apps/server/src/lib/crypto';
import { ClockSettingsStore } from '../../apps/server/src/settings/clock-settings';
import { PASSWORD, world, type TestContext } from '../../apps/server/test/support/app';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const portalDir = join(root, 'apps/portal');
export const portalDist = join(portalDir, 'dist');
export const screenshots = join(root, 'e2e/screenshots');

// ----- the browser -----

export { CHROMIUM, browserAvailable as chromiumAvailable } from '../support';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A cheap phone: 390×844, touch, zh-CN. */
export function phone(browser: Browser, baseURL: string, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    acceptDownloads: true,
  });
}

/** axe-core's serious and critical violations on the page as it is now (the harness's check), as readable lines. */
export async function axeViolations(page: Page) {
  return (await seriousViolations(page)).map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')}`,
  );
}

// ----- the portal build -----

/** Vite from the portal workspace once it is installed, else the copy installed for the staff app. */
function viteBin(): string {
  for (const from of [
    join(portalDir, 'package.json'),
    join(root, 'apps/web/package.json'),
    join(root, 'package.json'),
  ]) {
    try {
      return join(dirname(createRequire(from).resolve('vite/package.json')), 'bin/vite.js');
    } catch {
      // next
    }
  }
  throw new Error('vite is not installed: run npm install');
}

export function buildPortal() {
  // vitest sets NODE_ENV=test, which would give a development build of React.
  execFileSync(process.execPath, [viteBin(), 'build', '--logLevel', 'error'], {
    cwd: portalDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (!existsSync(join(portalDist, 'index.html')))
    throw new Error('the portal build wrote no dist/index.html');
}

// ----- the server -----

export interface Server {
  url: string;
  app: App;
  deps: Deps;
  database: Database;
  /** Staff calls for apps/server/test/support/http.ts. */
  staff: TestContext;
  /** Whether the app itself serves /portal (buildApp's portalRoot); otherwise the test serves the build. */
  servedByApp: boolean;
  close(): Promise<void>;
}

async function seed(deps: Deps) {
  await deps.db.insert(jurisdictions).values([...world.jurisdictions]);
  await deps.db.insert(units).values(world.units.map((u) => ({ ...u, domains: [...u.domains] })));
  const hash = await hashPassword(PASSWORD);
  await deps.db.insert(users).values(
    world.users.map((u) => ({
      id: randomUUID(),
      ...u,
      displayName: `测试${u.username}`,
      passwordHash: hash,
    })),
  );
}

/** A China date (UTC+8) `days` from now. */
export function chinaDay(days: number) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedReceptionDays(deps: Deps) {
  const leader = randomUUID();
  const rows = [
    {
      day: chinaDay(3),
      leaderName: '李明',
      leaderTitle: '副市长',
      place: '青川市民服务中心三楼接待室',
      topics: ['劳动保障', '物业管理'],
      capacity: 6,
    },
    {
      day: chinaDay(10),
      leaderName: '周红',
      leaderTitle: '临江区区长',
      place: '临江区信访局一楼接待大厅',
      topics: ['征地拆迁', '城建'],
      capacity: 1,
    },
  ];
  await deps.db.insert(receptionDays).values(
    rows.map((r) => ({
      id: randomUUID(),
      jurisdictionCode: '339900',
      leaderUserId: null,
      startTime: '09:00',
      endTime: '11:30',
      createdBy: leader,
      createdAt: new Date(),
      ...r,
    })),
  );
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * The real server on a fresh in-memory PGlite with the small test world, or with `demo` the demo city and that
 * many petitions over that many days up to today (for figures worth showing). /portal is served by the app when
 * buildApp takes `portalRoot`; until then by a tiny static handler in front of it (the API still goes through
 * the real app).
 */
export async function startServer(
  opts: { demo?: { petitions: number; days: number } } = {},
): Promise<Server> {
  const database = await openDatabase({});
  const clockSettings = new ClockSettingsStore(database.db, 'calendar');
  await clockSettings.load();
  const deps: Deps = {
    db: database.db,
    keys: deriveKeys(Buffer.alloc(32, 9)),
    now: () => new Date(),
    clockSettings,
    tokenTtlSeconds: 3600,
  };
  if (opts.demo) await seedDemo(deps, { petitions: opts.demo.petitions, days: opts.demo.days });
  else await seed(deps);
  const options = {
    portalLimits: { submissions: 100, lookups: 1000 },
    portalRoot: portalDist,
    webRoot: join(root, 'e2e/portal/no-staff-app'),
  } as Parameters<typeof buildApp>[1];
  const app = await buildApp(deps, options);
  const probe = await app.inject({ url: '/portal/track' });
  const servedByApp = probe.statusCode === 200 && probe.body.includes('portal-root');

  let url: string;
  let stop: () => Promise<void>;
  if (servedByApp) {
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    stop = () => app.close();
  } else {
    const server = http.createServer((req, res) => {
      void handle(app, req, res).catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stop = async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    };
  }

  const tokens = new Map<string, string>();
  const staff = {
    app,
    deps,
    database,
    token: async (username: string) => {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const token = res.json<{ token: string }>().token;
      tokens.set(username, token);
      return token;
    },
  } as unknown as TestContext;

  return {
    url,
    app,
    deps,
    database,
    staff,
    servedByApp,
    close: async () => {
      await stop();
      await database.close();
    },
  };
}

async function handle(app: App, req: http.IncomingMessage, res: http.ServerResponse) {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/portal' || path.startsWith('/portal/')) {
    const rel = normalize(path.slice('/portal'.length) || '/').replace(/^(\.\.[/\\])+/, '');
    let file = join(portalDist, rel);
    if (!file.startsWith(portalDist) || !existsSync(file) || statSync(file).isDirectory()) {
      if (extname(path)) {
        res.writeHead(404).end();
        return;
      }
      file = join(portalDist, 'index.html'); // client-side routes
    }
    res.writeHead(200, { 'content-type': mime[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const answer = await app.inject({
    method: req.method as 'GET',
    url: req.url ?? '/',
    headers: req.headers,
    payload: chunks.length ? Buffer.concat(chunks) : undefined,
    remoteAddress: req.socket.remoteAddress,
  });
  res.writeHead(answer.statusCode, answer.headers);
  res.end(answer.rawPayload);
}
