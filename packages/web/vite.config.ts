import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Run from the repository root (`npm run build:web`), so the web package's folder is set explicitly.
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    // `npm start` serves the API on :3000; the dev server forwards to it so cookies stay same-origin.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
