/**
 * Build the staff workbench (apps/web) and the resident portal (apps/portal) when their dist is missing or older
 * than their sources, so `npm start` serves current apps without rebuilding on every start.
 * Run with `tsx apps/web/scripts/ensure-build.ts [--force]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from '../../../scripts/newest';

const apps = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const force = process.argv.includes('--force');

for (const name of ['web', 'portal']) {
  const app = join(apps, name);
  const built = join(app, 'dist', 'index.html');
  // Both apps import @qiao/contracts (and through it @qiao/core): a change there can change the bundle.
  const sources = [
    ...['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((p) => join(app, p)),
    join(apps, '..', 'packages', 'contracts', 'src'),
    join(apps, '..', 'packages', 'core', 'src'),
  ];
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (!force && builtAt > Math.max(...sources.map(newest))) {
    process.stdout.write(`apps/${name} is up to date (apps/${name}/dist)\n`);
    continue;
  }
  process.stdout.write(builtAt ? `apps/${name} sources changed: rebuilding …\n` : `building apps/${name} …\n`);
  const vite = [join(app, 'node_modules/vite/bin/vite.js'), join(apps, '../node_modules/vite/bin/vite.js')].find((p) => existsSync(p));
  if (!vite) throw new Error('vite is not installed: run npm install');
  const res = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
  if (res.status !== 0) {
    process.stderr.write(`apps/${name}: build failed\n`);
    process.exit(res.status ?? 1);
  }
}
