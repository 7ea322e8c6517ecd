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
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
