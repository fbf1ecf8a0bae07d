import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The staff workbench. `npm start` builds it when dist/ is missing or older than the sources (scripts/ensure-build.ts);
// `npm run dev -w @qiao/web` serves it with hot reload against a server on :3000.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
