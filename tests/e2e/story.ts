import type { Page } from 'playwright-core';

/**
 * Steps of the S2S story run inside the page through window.s2s (the scripting API),
 * with the play loop paused so the test decides when time moves.
 */
export async function connectAcmeAndGlobex(page: Page, accept = true): Promise<void> {
  await page.evaluate((accept) => {
    const s2s = window.s2s!;
    window.s2sApp!.pause();
    const [acme, globex] = s2s.orgs();
    const A = acme!.adminId;
    const G = globex!.adminId;
    s2s.run([
      { type: 's2s.enable', org: 'acme', as: A },
      { type: 's2s.enable', org: 'globex', as: G },
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: 'Globex Corp' },
      },
    ]);
    const acc = s2s.records('acme', { object: 'Account' })[0]!;
    const contact = s2s.run([
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Contact',
        values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: acc.Id },
      },
    ])[0] as { id: string };
    s2s.run([{ type: 'connection.invite', org: 'acme', as: A, contactId: contact.id }]);
    s2s.runUntilIdle();
    if (!accept) return;
    const gConn = s2s.connections('globex')[0]!;
    s2s.run([{ type: 'connection.accept', org: 'globex', as: G, connectionId: gConn.Id }]);
    s2s.runUntilIdle();
  }, accept);
}

/** Publishes and subscribes Account/Contact both ways, then forwards new accounts (in flight). */
export async function forwardAccounts(page: Page, count: number): Promise<void> {
  await page.evaluate((count) => {
    const s2s = window.s2s!;
    const [acme, globex] = s2s.orgs();
    const A = acme!.adminId;
    const G = globex!.adminId;
    const aConn = s2s.connections('acme')[0]!.Id;
    const gConn = s2s.connections('globex')[0]!.Id;
    s2s.run([
      {
        type: 'connection.publish',
        org: 'acme',
        as: A,
        connectionId: aConn,
        object: 'Account',
        fields: ['Name', 'Phone'],
      },
      {
        type: 'connection.publish',
        org: 'globex',
        as: G,
        connectionId: gConn,
        object: 'Account',
        fields: ['Name', 'Phone'],
      },
    ]);
    s2s.runUntilIdle();
    s2s.run([
      {
        type: 'connection.subscribe',
        org: 'globex',
        as: G,
        connectionId: gConn,
        partnerObject: 'Account',
        autoAccept: true,
      },
      {
        type: 'connection.subscribe',
        org: 'acme',
        as: A,
        connectionId: aConn,
        partnerObject: 'Account',
        autoAccept: true,
      },
    ]);
    s2s.runUntilIdle();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const r = s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: `Initech ${i}`, Phone: `555-01${i}` },
        },
      ])[0] as { id: string };
      ids.push(r.id);
    }
    s2s.run([
      { type: 'record.forward', org: 'acme', as: A, recordIds: ids, connectionIds: [aConn] },
    ]);
  }, count);
}

/** Orgs, connection statuses and records of the open sandbox, as comparable plain data. */
export function summary(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const s2s = window.s2s!;
    return s2s.orgs().map((o) => ({
      id: o.id,
      name: o.name,
      domain: o.domain,
      connections: s2s.connections(o.id).map((c) => [c.ConnectionName, c.ConnectionStatus]),
      records: s2s
        .records(o.id)
        .map((r) => JSON.stringify([r.Id, r.object, r.fields]))
        .sort(),
    }));
  });
}

/** One object a side publishes with its fields, and how the partner subscribes to it. */
export interface Share {
  from: 'acme' | 'globex';
  object: string;
  fields: string[];
  autoAccept?: boolean;
}

/** Publishes each object from its side and subscribes the partner to it, all delivered. */
export async function publishAndSubscribe(page: Page, shares: Share[]): Promise<void> {
  await page.evaluate((shares) => {
    const s2s = window.s2s!;
    const [acme, globex] = s2s.orgs();
    const admin = { acme: acme!.adminId, globex: globex!.adminId };
    const conn = (org: 'acme' | 'globex') => s2s.connections(org)[0]!.Id;
    const partner = (org: 'acme' | 'globex') => (org === 'acme' ? 'globex' : 'acme');
    s2s.run(
      shares.map((s) => ({
        type: 'connection.publish' as const,
        org: s.from,
        as: admin[s.from],
        connectionId: conn(s.from),
        object: s.object,
        fields: s.fields,
      })),
    );
    s2s.runUntilIdle();
    s2s.run(
      shares.map((s) => ({
        type: 'connection.subscribe' as const,
        org: partner(s.from),
        as: admin[partner(s.from)],
        connectionId: conn(partner(s.from)),
        partnerObject: s.object,
        autoAccept: s.autoAccept ?? false,
      })),
    );
    s2s.runUntilIdle();
  }, shares);
}
