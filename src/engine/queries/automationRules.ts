import type { S2S } from '../api.ts';
import type { ForwardRule } from '../state/forwardRule.ts';

// What the automation rules screen lists and offers, read through the scripting API's own
// queries so it loads with the console, not with the first page (the bundle budget).

/** The rule in one line, as the screen shows it. */
export function describeRule(r: ForwardRule): string {
  const when = r.when === 'createdOrUpdated' ? 'created or updated' : r.when;
  const cond = !r.condition
    ? ''
    : r.condition.operator === 'isBlank'
      ? ` and ${r.condition.field} is blank`
      : ` and ${r.condition.field} ${r.condition.operator} "${r.condition.value ?? ''}"`;
  const related = r.relatedObjects.length ? ` with its ${r.relatedObjects.join(', ')}` : '';
  const article = /^[AEIOU]/i.test(r.object) ? 'an' : 'a';
  return `When ${article} ${r.object} is ${when}${cond}, forward it${related}.`;
}

/**
 * `automationRuleOptions(s, org, as)`: each rule in one line, the objects a rule may watch
 * (S2S-supported, PUB-1) with the fields `as` sees and the child objects a forward can send
 * along (FWD-1), and the Accepted connections to forward to.
 */
export function automationRuleOptions(s: S2S, org: string, as: string) {
  const connections = s.connections(org);
  const schema = s.schema(org);
  const objects = [];
  for (const def of Object.values(schema)) {
    if (!def.s2sSupported) continue;
    const layout = s.objectLayout(org, def.apiName, as);
    if (!layout) continue;
    objects.push({
      apiName: def.apiName,
      label: def.label,
      fields: layout.fields.map((f) => ({ apiName: f.apiName, label: f.label })),
      children: layout.children.map((c) => ({ apiName: c.apiName, label: c.pluralLabel })),
    });
  }
  return {
    rules: s.automationRules(org).map((r) => ({
      ...r,
      text: describeRule(r),
      connectionName:
        connections.find((c) => c.Id === r.connectionId)?.ConnectionName ?? r.connectionId,
    })),
    objects,
    connections: connections
      .filter((c) => c.ConnectionStatus === 'Accepted')
      .map((c) => ({ Id: c.Id, name: c.ConnectionName })),
  };
}
