import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import viteConfig from './vite.config.ts';

// One self-contained page for a laptop with no network: opened from disk (file://), where a
// browser refuses module scripts loaded from other files, so everything is inlined.
const FILE = 's2s-sandbox.html';

function renameTo(fileName: string): Plugin {
  return {
    name: 's2s-single-file-name',
    // Rolldown does not let a plugin re-key the bundle, so the page is renamed once written.
    writeBundle(options) {
      const dir = options.dir ?? 'dist-single';
      renameSync(join(dir, 'index.html'), join(dir, fileName));
    },
  };
}

// Everything is inlined here, so the budget of what a first visit loads applies to dist/ only,
// and there are no chunk files to preload.
const DIST_ONLY = ['s2s-bundle-budget', 's2s-preload-chunks'];
const withoutBudget = {
  ...viteConfig,
  plugins: (viteConfig.plugins ?? []).filter(
    (p) => !(p && typeof p === 'object' && 'name' in p && DIST_ONLY.includes(p.name)),
  ),
};

export default mergeConfig(
  withoutBudget,
  defineConfig({
    plugins: [viteSingleFile({ removeViteModuleLoader: true }), renameTo(FILE)],
    build: { outDir: 'dist-single', emptyOutDir: true },
  }),
);
