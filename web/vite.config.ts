import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The UI is a static bundle served by the conference service; `npm run web:build` writes it to ./dist.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // The workspace packages' TypeScript sources (the `source` export condition), as the services run them.
  resolve: { conditions: ['source', 'module', 'browser', 'production'] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 400 },
});
