import type { Plugin } from 'vite';

/**
 * Lets the browser fetch the chunks the app opens at once (`start`: engine and storage) while
 * it still parses the entry, instead of only once the shell has mounted and asks for them:
 * a `<link rel="modulepreload">` for each named chunk and the chunks it imports.
 */
export function preloadChunks(names: string[]): Plugin {
  return {
    name: 's2s-preload-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const files = new Set<string>();
        const add = (fileName: string) => {
          const c = bundle[fileName];
          if (!c || c.type !== 'chunk' || files.has(fileName)) return;
          files.add(fileName);
          for (const f of c.imports) add(f);
        };
        for (const c of Object.values(bundle))
          if (c.type === 'chunk' && !c.isEntry && names.includes(c.name)) add(c.fileName);
        // The entry's own imports are preloaded by Vite already.
        for (const c of Object.values(bundle))
          if (c.type === 'chunk' && c.isEntry)
            for (const f of [c.fileName, ...c.imports]) files.delete(f);
        return [...files].map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
