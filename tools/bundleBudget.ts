import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface Chunkish {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  name?: string;
  viteMetadata?: { importedCss: Set<string> };
}

export interface BudgetReport {
  bytes: number;
  files: { fileName: string; gzip: number }[];
}

const gz = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;

/**
 * What a first visit downloads before the app can be used: the entry chunk, everything it
 * imports statically, the chunks the app imports as soon as it starts (`startup`, by chunk
 * name), and their CSS. Chunks loaded when a screen is first opened are not counted.
 */
export function initialBytes(bundle: Record<string, Chunkish>, startup: string[]): BudgetReport {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (c: Chunkish) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const f of c.imports ?? []) {
      const next = byFile.get(f);
      if (next) visit(next);
    }
  };
  for (const c of chunks) if (c.isEntry || (c.name && startup.includes(c.name))) visit(c);
  const css = new Set<string>();
  for (const f of seen) for (const c of byFile.get(f)?.viteMetadata?.importedCss ?? []) css.add(c);
  const files = [...seen, ...css].map((fileName) => {
    const item = bundle[fileName]!;
    return { fileName, gzip: gz(item.code ?? item.source ?? '') };
  });
  return { bytes: files.reduce((n, f) => n + f.gzip, 0), files };
}

/** Fails the build when the initial JS+CSS, gzipped, is over `limitKb`; prints it either way. */
export function bundleBudget(limitKb: number, startup: string[]): Plugin {
  return {
    name: 's2s-bundle-budget',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      // Only the browser build is what a visitor downloads (not the benchmarks' Node bundles).
      if (this.environment.name !== 'client') return;
      const r = initialBytes(bundle as unknown as Record<string, Chunkish>, startup);
      const kb = r.bytes / 1024;
      const lines = r.files
        .sort((a, b) => b.gzip - a.gzip)
        .map((f) => `    ${(f.gzip / 1024).toFixed(1).padStart(6)} KB  ${f.fileName}`);
      this.info(
        `initial JS+CSS: ${kb.toFixed(1)} KB gzip (budget ${limitKb} KB)\n${lines.join('\n')}`,
      );
      if (kb > limitKb)
        this.error(
          `The initial JS+CSS is ${kb.toFixed(1)} KB gzip, over the ${limitKb} KB budget: load rarely used parts on demand.`,
        );
    },
  };
}
