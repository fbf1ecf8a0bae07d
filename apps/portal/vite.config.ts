import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * The resident portal: its own small bundle, served by the server at /portal. No staff code, no UI kit.
 *
 * Until `npm install` links this workspace's own dependencies, React is borrowed from the copy installed for
 * the staff app (apps/web); once the workspace has its own, the alias falls away.
 */
function locate(name: string): string | undefined {
  for (const from of [import.meta.url, new URL('../web/package.json', import.meta.url).href]) {
    try {
      return dirname(createRequire(from).resolve(`${name}/package.json`));
    } catch {
      // try the next place
    }
  }
  return undefined;
}

function ownCopy(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const alias: Record<string, string> = {};
for (const name of ['react', 'react-dom']) {
  const dir = locate(name);
  if (dir && !ownCopy(name)) alias[name] = dir;
}

async function reactPlugin(): Promise<unknown[]> {
  // Fast Refresh in `vite` dev; the build needs no plugin (JSX is compiled by Vite's own transformer).
  const name = '@vitejs/plugin-react';
  try {
    const mod = (await import(name)) as { default: () => unknown };
    return [mod.default()];
  } catch {
    return [];
  }
}

export default {
  base: '/portal/',
  plugins: await reactPlugin(),
  resolve: { alias, dedupe: ['react', 'react-dom'] },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Chrome 80 / Safari 14: the WebViews of older cheap phones. (es2019 lowering miscompiles React's hooks here.)
    target: ['es2020', 'chrome80', 'safari14'],
    cssCodeSplit: false,
    // One small script for the whole portal; a cheap phone should fetch it in one go.
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
};
