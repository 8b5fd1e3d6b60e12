import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.SEAMLESS_API_URL ?? 'http://127.0.0.1:3000';

/** The browser app: built into web/dist, which `seamless serve` serves at `/`. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is ~800 kB minified; one chunk per page load is fine for an operator console.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/public': { target: apiTarget, changeOrigin: false },
    },
  },
});
