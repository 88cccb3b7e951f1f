import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Unit tests of the pure helpers in src/lib, in Node (no browser). The Svelte plugin compiles
// the .svelte.ts modules (runes) that some helpers import, such as the i18n state.
export default defineConfig({
  plugins: [svelte()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
