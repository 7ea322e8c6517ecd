import { test } from 'vitest';
import { openSandbox, waitForApp } from './browser.ts';

/**
 * `it` with `app`: the app open in a fresh browser profile with its two orgs ready, once per
 * test file, closed after the file's last test.
 */
// eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern.
export const it = test.extend('app', { scope: 'file' }, async ({}, { onCleanup }) => {
  const s = await openSandbox();
  onCleanup(() => s.close());
  await waitForApp(s.page);
  return s;
});
