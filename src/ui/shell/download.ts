import type { SandboxSession } from '../../app/session.svelte.ts';

function fileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'sandbox'}.s2s.json`;
}

/** Downloads the open sandbox as an export file (a Blob behind a temporary link). */
export async function downloadExport(session: SandboxSession) {
  const { name, text } = await session.exportText();
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
