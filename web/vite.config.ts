/**
 * Builds the web UI into `dist/web/`, which `concord serve` serves at `/`. In development
 * (`npx vite --config web/vite.config.ts`) requests to `/api` go to a running `concord serve`
 * (`CONCORD_API_URL`, default http://127.0.0.1:4321, where `concord serve` listens).
 *
 * @example
 * import { build } from 'vite';
 * await build({ configFile: 'web/vite.config.ts' });
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  // Hash routing keeps every page at `/`, so relative asset URLs work wherever the UI is mounted.
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env['CONCORD_API_URL'] ?? 'http://127.0.0.1:4321' },
  },
});
