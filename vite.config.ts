import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundleBudget } from './tools/bundleBudget.ts';
import { preloadChunks } from './tools/preloadStart.ts';

// base './' keeps asset URLs relative, so dist/ works from any sub-path of any static host.
// The budget counts what a first visit fetches in Chromium until the network is idle.
export default defineConfig({
  base: './',
  plugins: [svelte(), preloadChunks(['start']), bundleBudget(200)],
  build: { target: 'es2022', sourcemap: false },
  // Dexie's package entry wraps its ES5 UMD build; its ES2018 module build is the same Dexie in
  // fewer bytes, and every import of 'dexie' resolves to it, so only one copy is ever loaded.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
