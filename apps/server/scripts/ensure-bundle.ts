/**
 * Bundle the server (apps/server/src/cli.ts with @qiao/core and @qiao/contracts) into one ES module,
 * apps/server/dist/server/cli.mjs, when it is missing or older than its sources, so `npm start` runs plain
 * JavaScript: transpiling some 300 TypeScript modules at every start took most of the start-up time.
 * Packages from node_modules stay outside the bundle (native and WASM ones load files next to themselves).
 * Run with `tsx apps/server/scripts/ensure-bundle.ts [--force]`.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { newest } from '../../../scripts/newest';

const server = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(server, '..', '..');
// The bundle sits two folders below apps/server, like the sources (src/<folder>/x.ts), so the paths the
// code builds from import.meta.url (migrations, the web apps' dist, the shipped model) resolve the same.
export const bundle = join(server, 'dist', 'server', 'cli.mjs');
const sources = [
  join(server, 'src'),
  join(server, 'drizzle'),
  join(server, 'package.json'),
  join(root, 'packages', 'core', 'src'),
  join(root, 'packages', 'core', 'package.json'),
  join(root, 'packages', 'contracts', 'src'),
  join(root, 'packages', 'contracts', 'package.json'),
  join(root, 'package-lock.json'),
  fileURLToPath(import.meta.url),
];

export async function ensureBundle(force = false): Promise<void> {
  const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (!force && builtAt > Math.max(...sources.map(newest))) return;
  process.stdout.write(builtAt ? 'server sources changed: rebundling apps/server …\n' : 'bundling the server (apps/server) …\n');
  await build({
    entryPoints: [join(server, 'src', 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // CommonJS packages inside the bundle call require(); give the ES module one.
    banner: { js: "import { createRequire as __qiaoRequire } from 'node:module'; const require = __qiaoRequire(import.meta.url);" },
    plugins: [
      {
        name: 'node-modules-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@qiao/') ? undefined : { path: a.path, external: true }));
        },
      },
    ],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await ensureBundle(process.argv.includes('--force'));
