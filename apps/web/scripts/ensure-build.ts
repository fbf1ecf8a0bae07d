/**
 * Build the web app when apps/web/dist is missing or older than its sources, so `npm start` serves a current
 * workbench without rebuilding on every start. Run with `tsx apps/web/scripts/ensure-build.ts [--force]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(web, 'dist', 'index.html');
const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((p) => join(web, p));

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const force = process.argv.includes('--force');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newest));
if (!force && builtAt > changedAt) {
  process.stdout.write('web app is up to date (apps/web/dist)\n');
} else {
  process.stdout.write(builtAt ? 'web sources changed: rebuilding apps/web …\n' : 'building the web app (apps/web) …\n');
  const vite = [join(web, 'node_modules/vite/bin/vite.js'), join(web, '../../node_modules/vite/bin/vite.js')].find((p) => existsSync(p));
  if (!vite) throw new Error('vite is not installed: run npm install');
  const res = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  if (res.status !== 0) {
    process.stderr.write('web build failed; the API would still start without it\n');
    process.exit(res.status ?? 1);
  }
}
