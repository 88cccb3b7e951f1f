import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app runs under a strict CSP (default-src 'self'): everything must come from our own
// files, so nothing is inlined as a data: URL and no remote resources are referenced.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    assetsInlineLimit: 0,
    emptyOutDir: true,
  },
  server: { port: 5173, strictPort: true },
  clearScreen: false,
});
