import type { Command } from '../commands/command.ts';
import {
  autoMapFields,
  canAutoAccept,
  canPublish,
  canSubscribeInto,
  checkMapping,
  defaultPublishedFields,
  type FieldDef,
  type ObjectDef,
} from '../domain/index.ts';
import { fieldOf } from '../org/fieldIndex.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { PartnerNetworkConnection, Subscription } from '../state/connection.ts';
import type { Message } from '../state/network.ts';
import type { ConnectionTemplate, OrgState, User } from '../state/org.ts';
import { fieldHidden, requireManageConnections, requireS2S } from './access.ts';
import { withHistory } from './connectionHistory.ts';

type PublishCommand = Extract<
  Command,
  {
    type:
      | 'connection.publish'
      | 'connection.unpublish'
      | 'connection.subscribe'
      | 'connection.unsubscribe'
      | 'connection.applyTemplate';
  }
>;

function fieldDefs(org: OrgState, object: string, names: string[]): FieldDef[] {
  const obj = org.schema[object];
  return names.map((n) => fieldOf(obj, n)).filter((f): f is FieldDef => !!f);
}

/** Sends a publication change; it reaches the subscriber after the publication cache delay (SYNC-9). */
function sendPublication(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  objects: Record<string, FieldDef[]>,
  unpublished: string[],
) {
  b.send(
    org,
    pnc,
    { kind: 'PublicationChanged', objects, unpublished },
    b.ctx.settings.publicationDelayMs,
  );
}

/** PUB-1 / PUB-2: whether this user may publish one field; the Publish screen asks the same. */
export function publishFieldCheck(
  org: OrgState,
  u: User,
  obj: ObjectDef,
  f: FieldDef,
): Refusal | null {
  const can = canPublish(f);
  if (!can.ok) return refuse('PUB-2', can.reason);
  if (fieldHidden(org, u, obj.apiName, f.apiName))
    return refuse('PUB-1', `${u.Name} cannot edit ${obj.label}.${f.label}, so cannot publish it.`);
  return null;
}

/** PUB-1 / PUB-2 / PUB-3: which fields of an object this user may publish, defaults included. */
function publishable(
  org: OrgState,
  u: User,
  object: string,
  requested?: string[],
): { ok: true; fields: string[] } | Refusal {
  const obj = org.schema[object];
  if (!obj) return refuse('PUB-1', `${org.name} has no object ${object}.`);
  if (!obj.s2sSupported)
    return refuse('PUB-1', `${obj.label} cannot be published through Salesforce to Salesforce.`);
  const fields = [...new Set([...defaultPublishedFields(obj), ...(requested ?? [])])];
  for (const name of fields) {
    const f = fieldOf(obj, name);
    if (!f) return refuse('PUB-1', `${obj.label} has no field ${name}.`);
    const why = publishFieldCheck(org, u, obj, f);
    if (why) return why;
  }
  return { ok: true, fields };
}

export function templatePublicationChange(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  t: ConnectionTemplate,
): PartnerNetworkConnection {
  const publications: Record<string, string[]> = {};
  const changed: Record<string, FieldDef[]> = {};
  for (const [object, fields] of Object.entries(t.objects)) {
    const obj = org.schema[object];
    if (!obj) continue;
    const list = [...new Set([...defaultPublishedFields(obj), ...fields])].filter(
      (f) => fieldOf(obj, f) && canPublish(fieldOf(obj, f)!).ok,
    );
    publications[object] = list;
    const before = pnc.publications[object];
    if (!before || before.join() !== list.join()) changed[object] = fieldDefs(org, object, list);
  }
  const unpublished = Object.keys(pnc.publications).filter((o) => !(o in publications));
  if (Object.keys(changed).length || unpublished.length)
    sendPublication(b, org, pnc, changed, unpublished);
  b.log({
    kind: 'info',
    org: org.id,
    conn: pnc.Id,
    rule: 'CONN-8',
    text: `template ${t.Name} applied: publishes ${Object.keys(publications).join(', ') || 'nothing'}`,
  });
  return withHistory(pnc, b.ctx.now, `Template ${t.Name} applied`, { publications });
}

export function publishCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: PublishCommand,
): Plan | Refusal {
  const e = requireS2S(org) ?? requireManageConnections(u, 'publish and subscribe');
  if (e) return e;
  const pnc = org.connections[cmd.connectionId];
  if (!pnc) return refuse('CONN-5', `There is no connection ${cmd.connectionId}.`);
  if (pnc.ConnectionStatus !== 'Accepted')
    return refuse(
      'CONN-5',
      `Publish and subscribe need an active connection; ${pnc.ConnectionName} is ${pnc.ConnectionStatus}.`,
    );
  const b = new PlanBuilder(ctx);
  const now = ctx.now;
  const put = (next: PartnerNetworkConnection) =>
    b.push({ op: 'putConnection', org: org.id, pnc: next });
  switch (cmd.type) {
    case 'connection.publish': {
      const p = publishable(org, u, cmd.object, cmd.fields);
      if ('refused' in p) return p;
      const before = pnc.publications[cmd.object] ?? [];
      const removed = before.filter((f) => !p.fields.includes(f));
      put(
        withHistory(
          pnc,
          now,
          `Published ${cmd.object}: ${p.fields.join(', ')}${removed.length ? ` (unpublished ${removed.join(', ')})` : ''}`,
          { publications: { ...pnc.publications, [cmd.object]: p.fields } },
        ),
      );
      sendPublication(b, org, pnc, { [cmd.object]: fieldDefs(org, cmd.object, p.fields) }, []);
      b.log({
        kind: 'info',
        org: org.id,
        conn: pnc.Id,
        rule: 'PUB-1',
        text: `${u.Name} published ${cmd.object} (${p.fields.join(', ')}) to ${pnc.ConnectionName}`,
      });
      return b.build({ id: pnc.Id });
    }
    case 'connection.unpublish': {
      if (!pnc.publications[cmd.object])
        return refuse('PUB-4', `${cmd.object} is not published on ${pnc.ConnectionName}.`);
      const publications = { ...pnc.publications };
      delete publications[cmd.object];
      put(withHistory(pnc, now, `Unpublished ${cmd.object}`, { publications }));
      sendPublication(b, org, pnc, {}, [cmd.object]);
      b.log({
        kind: 'info',
        org: org.id,
        conn: pnc.Id,
        rule: 'PUB-4',
        text: `${u.Name} unpublished ${cmd.object} from ${pnc.ConnectionName}`,
      });
      return b.build({ id: pnc.Id });
    }
    case 'connection.applyTemplate': {
      const t = org.s2s.templates[cmd.templateId];
      if (!t) return refuse('CONN-8', `There is no connection template ${cmd.templateId}.`);
      put(templatePublicationChange(b, org, pnc, t));
      return b.build({ id: pnc.Id });
    }
    case 'connection.subscribe':
      return subscribe(b, org, pnc, cmd);
    case 'connection.unsubscribe': {
      if (!pnc.subscriptions[cmd.partnerObject])
        return refuse('SUB-1', `${org.name} does not subscribe to ${cmd.partnerObject}.`);
      const subscriptions = { ...pnc.subscriptions };
      delete subscriptions[cmd.partnerObject];
      put(withHistory(pnc, now, `Unsubscribed from ${cmd.partnerObject}`, { subscriptions }));
      b.send(org, pnc, { kind: 'SubscriptionChanged', objects: Object.keys(subscriptions) });
      b.log({
        kind: 'info',
        org: org.id,
        conn: pnc.Id,
        rule: 'SUB-1',
        text: `${u.Name} unsubscribed from ${cmd.partnerObject}`,
      });
      return b.build({ id: pnc.Id });
    }
  }
}

function subscribe(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  cmd: Extract<Command, { type: 'connection.subscribe' }>,
): Plan | Refusal {
  const published = pnc.partnerPublications[cmd.partnerObject];
  if (!published)
    return refuse(
      'SUB-1',
      `${pnc.ConnectionName} does not publish ${cmd.partnerObject}; you can subscribe only to what the partner publishes.`,
    );
  const localObject = cmd.localObject ?? cmd.partnerObject;
  const local = org.schema[localObject];
  if (!local) return refuse('SUB-1', `${org.name} has no object ${localObject}.`);
  const target = canSubscribeInto(cmd.partnerObject, local);
  if (!target.ok) return refuse('SUB-1', target.reason);
  const hand: Record<string, string | null> = {};
  for (const [pf, lf] of Object.entries(cmd.mapping ?? {})) {
    const source = published.find((f) => f.apiName === pf);
    if (!source)
      return refuse('SUB-1', `${pnc.ConnectionName} does not publish ${cmd.partnerObject}.${pf}.`);
    if (lf !== null) {
      const target = fieldOf(local, lf);
      if (!target) return refuse('SUB-3', `${local.label} has no field ${lf}.`);
      const ok = checkMapping(source, target);
      if (!ok.ok)
        return refuse('SUB-3', `${cmd.partnerObject}.${pf} → ${localObject}.${lf}: ${ok.reason}`);
    }
    hand[pf] = lf;
  }
  const previous = pnc.subscriptions[cmd.partnerObject]?.mapping ?? {};
  const mapping = autoMapFields(published, local.fields, { ...previous, ...hand });
  const autoAccept = cmd.autoAccept ?? pnc.subscriptions[cmd.partnerObject]?.autoAccept ?? false;
  const accepting = canAutoAccept(local);
  if (autoAccept && !accepting.ok) return refuse('SUB-5', accepting.reason);
  const sub: Subscription = { localObject, mapping, autoAccept };
  const subscriptions = { ...pnc.subscriptions, [cmd.partnerObject]: sub };
  const mapped = Object.entries(mapping)
    .map(([p, l]) => `${p}→${l ?? '--None--'}`)
    .join(', ');
  b.push({
    op: 'putConnection',
    org: org.id,
    pnc: withHistory(
      pnc,
      b.ctx.now,
      `Subscribed to ${cmd.partnerObject} as ${localObject}${autoAccept ? ' (auto-accept)' : ''}: ${mapped}`,
      { subscriptions },
    ),
  });
  b.send(org, pnc, { kind: 'SubscriptionChanged', objects: Object.keys(subscriptions) });
  b.log({
    kind: 'info',
    org: org.id,
    conn: pnc.Id,
    rule: 'SUB-1',
    text: `subscribed to ${cmd.partnerObject} as ${localObject}: ${mapped}`,
  });
  return b.build({ id: pnc.Id });
}

/** Publication and subscription news from the partner. */
export function publicationInbound(
  ctx: RuleContext,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  m: Message,
): Plan {
  const b = new PlanBuilder(ctx);
  const body = m.body;
  const now = ctx.now;
  if (body.kind === 'SubscriptionChanged') {
    b.push({
      op: 'putConnection',
      org: org.id,
      pnc: withHistory(
        pnc,
        now,
        `${pnc.ConnectionName} now subscribes to ${body.objects.join(', ') || 'nothing'}`,
        { partnerSubscriptions: body.objects },
      ),
    });
    return b
      .log({
        kind: 'info',
        org: org.id,
        conn: pnc.Id,
        rule: 'SUB-1',
        text: `${pnc.ConnectionName} subscribes to ${body.objects.join(', ') || 'nothing'}`,
      })
      .build();
  }
  if (body.kind !== 'PublicationChanged') return b.build();
  const partnerPublications = { ...pnc.partnerPublications, ...body.objects };
  const subscriptions = { ...pnc.subscriptions };
  const notes: string[] = [];
  for (const o of body.unpublished) {
    delete partnerPublications[o];
    if (subscriptions[o]) {
      delete subscriptions[o];
      notes.push(`${o} unpublished: subscription removed`);
    } else notes.push(`${o} unpublished`);
  }
  for (const [o, defs] of Object.entries(body.objects)) {
    const sub = subscriptions[o];
    notes.push(`${o} published: ${defs.map((d) => d.apiName).join(', ')}`);
    if (!sub) continue;
    // A field removed from publication stops flowing; values already copied stay (PUB-4).
    const names = new Set(defs.map((d) => d.apiName));
    const mapping = Object.fromEntries(Object.entries(sub.mapping).filter(([p]) => names.has(p)));
    for (const n of names) if (!(n in mapping)) mapping[n] = null;
    subscriptions[o] = { ...sub, mapping };
  }
  b.push({
    op: 'putConnection',
    org: org.id,
    pnc: withHistory(
      pnc,
      now,
      `Publication update from ${pnc.ConnectionName}: ${notes.join('; ')}`,
      {
        partnerPublications,
        subscriptions,
      },
    ),
  });
  b.notify(org, {
    to: pnc.PrimaryContactId,
    connectionId: pnc.Id,
    kind: 'publicationChanged',
    text: `${org.s2s.updateConnectionTemplate.replace('{partner}', pnc.ConnectionName)} ${notes.join('; ')}`,
  });
  if (body.unpublished.some((o) => pnc.subscriptions[o]))
    b.send(org, pnc, { kind: 'SubscriptionChanged', objects: Object.keys(subscriptions) });
  return b
    .log({
      kind: 'info',
      org: org.id,
      conn: pnc.Id,
      rule: body.unpublished.length ? 'PUB-4' : 'SYNC-9',
      text: `publication update from ${pnc.ConnectionName}: ${notes.join('; ')}`,
    })
    .build();
}
