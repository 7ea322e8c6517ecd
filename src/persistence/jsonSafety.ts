/**
 * A deep pass over parsed JSON for what a schema's shape checks do not catch: keys that
 * would reach an object's prototype when the engine copies fields by name, strings big
 * enough to stall the tab, and nesting deep enough to overflow the stack.
 */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface SafetyLimits {
  maxString: number;
  maxDepth: number;
}

export function pathText(path: readonly (string | number)[]): string {
  if (!path.length) return '(the file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** Returns a message naming the first problem's path, or null when the value is safe. */
export function findUnsafe(value: unknown, limits: SafetyLimits): string | null {
  const path: (string | number)[] = [];
  const visit = (v: unknown, depth: number): string | null => {
    if (depth > limits.maxDepth)
      return `${pathText(path)}: nested more than ${limits.maxDepth} levels deep.`;
    if (typeof v === 'string') {
      return v.length > limits.maxString
        ? `${pathText(path)}: a text of ${v.length} characters is longer than the ${limits.maxString} allowed.`
        : null;
    }
    if (typeof v === 'number')
      return Number.isFinite(v) ? null : `${pathText(path)}: ${v} is not a finite number.`;
    if (v === null || typeof v !== 'object') return null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const bad = visit(v[i], depth + 1);
        path.pop();
        if (bad) return bad;
      }
      return null;
    }
    for (const key of Object.keys(v)) {
      path.push(key);
      const bad = FORBIDDEN_KEYS.has(key)
        ? `${pathText(path)}: the key "${key}" is not allowed.`
        : key.length > limits.maxString
          ? `${pathText(path.slice(0, -1))}: a key is too long.`
          : visit((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
      if (bad) return bad;
    }
    return null;
  };
  return visit(value, 0);
}
