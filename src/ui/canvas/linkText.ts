import type { LinkSettings } from '../../engine/state/settings.ts';

/** A duration in virtual time, short: "400 ms", "1 s", "2.5 s". */
export function duration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

export function latencyText(link: LinkSettings): string {
  return link.jitterMs > 0
    ? `${duration(link.latencyMs)} ±${duration(link.jitterMs)}`
    : duration(link.latencyMs);
}

const pct = (p: number) => `${Math.round(p * 100)} %`;

/** The faults turned on for one direction, in words; empty when the link behaves. */
export function faultsText(link: LinkSettings): string[] {
  const out: string[] = [];
  if (link.failRate > 0) out.push(`${pct(link.failRate)} attempts fail`);
  if (link.duplicateRate > 0) out.push(`${pct(link.duplicateRate)} duplicated`);
  if (link.reorder) out.push('reordering');
  if (!link.inOrder) out.push('in-order off');
  if (!link.dedupe) out.push('dedupe off');
  return out;
}
