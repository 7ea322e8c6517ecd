import type { Page } from 'playwright-core';

// Steps that put messages on the wire through window.s2s, with the clock left as it is.

/** Account published by Acme and auto-accepted by Globex, with `latencyMs` on the link. */
export async function arrange(page: Page, latencyMs: number) {
  await page.evaluate((latencyMs) => {
    const s2s = window.s2s!;
    const [acme, globex] = s2s.orgs();
    const aConn = s2s.connections('acme')[0]!.Id;
    const gConn = s2s.connections('globex')[0]!.Id;
    s2s.run([
      { type: 'link.set', from: 'acme', to: 'globex', both: true, link: { latencyMs } },
      {
        type: 'connection.publish',
        org: 'acme',
        as: acme!.adminId,
        connectionId: aConn,
        object: 'Account',
      },
    ]);
    s2s.runUntilIdle();
    s2s.run([
      {
        type: 'connection.subscribe',
        org: 'globex',
        as: globex!.adminId,
        connectionId: gConn,
        partnerObject: 'Account',
        autoAccept: true,
      },
    ]);
    s2s.runUntilIdle();
  }, latencyMs);
}

/** Forwards `n` new Accounts while the clock plays; returns the virtual time they left. */
export function forward(page: Page, n: number): Promise<number> {
  return page.evaluate((n) => {
    const s2s = window.s2s!;
    const A = s2s.orgs()[0]!.adminId;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = s2s.dispatch({
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: `Moving ${Date.now()} ${i}` },
      });
      if (r.ok) ids.push(r.id!);
    }
    s2s.dispatch({
      type: 'record.forward',
      org: 'acme',
      as: A,
      recordIds: ids,
      connectionIds: [s2s.connections('acme')[0]!.Id],
    });
    return s2s.now;
  }, n);
}
