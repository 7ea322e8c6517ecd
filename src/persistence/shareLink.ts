import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Scenario } from '../engine/journal.ts';
import { validateScenario } from './validation.ts';

/** Longer hashes are refused unread: browsers and chat tools truncate them anyway. */
export const MAX_HASH_CHARS = 500_000;
const MAX_JSON_CHARS = 20_000_000;

/** A scenario (seed plus commands) as a URL-safe string for `#s=…`. */
export function encodeScenario(sc: Scenario): string {
  return compressToEncodedURIComponent(JSON.stringify(sc));
}

export type DecodedScenario = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** Accepts the bare payload, `#…` or `#s=…`; validates the whole scenario. */
export function decodeScenario(hash: string): DecodedScenario {
  const payload = hash.replace(/^#/, '').replace(/^s=/, '');
  if (!payload) return { ok: false, error: 'The link holds no scenario.' };
  if (payload.length > MAX_HASH_CHARS) return { ok: false, error: 'The link is too long.' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, error: 'The link is damaged (it does not decompress).' };
  if (json.length > MAX_JSON_CHARS)
    return { ok: false, error: 'The link unpacks to too much data.' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The link is damaged or cut short (its scenario is not JSON).' };
  }
  const r = validateScenario(data);
  return r.ok ? { ok: true, scenario: r.value } : { ok: false, error: r.error };
}
