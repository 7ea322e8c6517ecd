import {
  checkMapping,
  convertForTarget,
  storedAsIs,
  validateValue,
  type Check,
  type FieldDef,
  type FieldValue,
  type ObjectDef,
} from '../domain/index.ts';
import { fieldOf } from '../org/fieldIndex.ts';
import type { PartnerNetworkConnection, Subscription } from '../state/connection.ts';
import type { OrgState } from '../state/org.ts';

/** How one partner field lands here: its local field, and the SUB-3 verdict on the pair. */
interface FieldRoute {
  target: string;
  def: FieldDef;
  source: FieldDef | undefined;
  check: Check | undefined;
}

/** A partner field mapped to --None-- goes nowhere; a mapping to a deleted field is broken. */
type Route = FieldRoute | 'none' | 'broken';

interface Routes {
  obj: ObjectDef | undefined;
  sourceDefs: FieldDef[] | undefined;
  byField: Map<string, Route>;
}

// Per subscription, the route of each partner field, worked out on first use. Subscriptions,
// schemas and the partner's published definitions are replaced, never changed, so a route
// stays right while all three are the same objects.
const routesBySub = new WeakMap<Subscription, Routes>();

function routeOf(
  sub: Subscription,
  obj: ObjectDef | undefined,
  sourceDefs: FieldDef[] | undefined,
  f: string,
): Route {
  let routes = routesBySub.get(sub);
  if (!routes || routes.obj !== obj || routes.sourceDefs !== sourceDefs)
    routesBySub.set(sub, (routes = { obj, sourceDefs, byField: new Map() }));
  let route = routes.byField.get(f);
  if (route) return route;
  const target = sub.mapping[f];
  const def = target ? fieldOf(obj, target) : undefined;
  if (!target) route = 'none';
  else if (!def) route = 'broken';
  else {
    const source = sourceDefs?.find((d) => d.apiName === f);
    route = { target, def, source, check: source && checkMapping(source, def) };
  }
  routes.byField.set(f, route);
  return route;
}

/**
 * The fields a receiver writes for a partner's values, through its own subscription: mapped,
 * converted (SUB-3) and validated. A mapping to a field that is gone fails (SUB-4).
 */
export function mapInbound(
  org: OrgState,
  pnc: PartnerNetworkConnection,
  partnerObject: string,
  values: Record<string, FieldValue>,
): { ok: true; values: Record<string, FieldValue> } | { ok: false; reason: string; rule: string } {
  const sub = pnc.subscriptions[partnerObject];
  if (!sub)
    return {
      ok: false,
      rule: 'PUB-4',
      reason: `${org.name} no longer subscribes to ${partnerObject}.`,
    };
  const obj = org.schema[sub.localObject];
  const sourceDefs = pnc.partnerPublications[partnerObject];
  // Made only once a field is renamed, dropped or converted: most updates map names one to one.
  let out: Record<string, FieldValue> | null = null;
  for (const f in values) {
    const route = routeOf(sub, obj, sourceDefs, f);
    if (route === 'none') {
      out ??= copyUntil(values, f);
      continue;
    }
    if (route === 'broken')
      return {
        ok: false,
        rule: 'SUB-4',
        reason: `Field mapping broken: ${partnerObject}.${f} maps to ${sub.localObject}.${sub.mapping[f]}, which no longer exists.`,
      };
    const { target, def, source, check } = route;
    if (check && !check.ok)
      return { ok: false, rule: 'SYNC-5', reason: `${def.label}: ${check.reason}` };
    const raw = values[f]!;
    const converted = source ? convertForTarget(source, def, raw) : raw;
    let value = converted;
    if (!storedAsIs(def, converted)) {
      const v = validateValue(def, converted);
      if (!v.ok) return { ok: false, rule: 'SYNC-5', reason: v.reason };
      value = v.value;
    }
    if (out) out[target] = value;
    else if (target !== f || value !== raw) (out = copyUntil(values, f))[target] = value;
  }
  return { ok: true, values: out ?? values };
}

/** The entries of `values` before `key`, in order. */
function copyUntil(values: Record<string, FieldValue>, key: string): Record<string, FieldValue> {
  const o: Record<string, FieldValue> = {};
  for (const k in values) {
    if (k === key) break;
    o[k] = values[k]!;
  }
  return o;
}
