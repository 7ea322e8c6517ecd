import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  preprocess: vitePreprocess(),
  vitePlugin: {
    // Runes for our own components only; libraries keep the mode they were written in.
    dynamicCompileOptions: ({ filename }) =>
      filename.includes('/node_modules/') ? undefined : { runes: true },
  },
};
