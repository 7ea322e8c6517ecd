import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { BUILDERS } from '../../../src/presets/builders.ts';
import { PRESET_ORDER, presetFile, presetList } from '../../../src/presets/catalog.ts';
import type { PresetFile } from '../../../src/presets/presetFile.ts';

/** A preset as the app opens it, then played until nothing is in flight. */
function played(name: string) {
  const p = presetFile(name)!;
  const s = S2S.fromScenario(p.scenario);
  const atLoad = s.inFlight().length;
  s.runUntilIdle();
  const report = s.check();
  const kinds = report.findings.map((f) => f.kind);
  return { p, s, atLoad, report, kinds };
}

const field = (s: S2S, org: string, object: string, name: string, f: string) =>
  s.records(org, { object }).find((r) => r.fields.Name === name || r.fields.Subject === name)
    ?.fields[f];

describe('the classroom presets as files', () => {
  it('every file in src/presets is listed, in the documented scenario format, with what to watch', () => {
    const files = readdirSync('src/presets').filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([...PRESET_ORDER].sort());
    for (const info of presetList()) {
      const raw = JSON.parse(readFileSync(`src/presets/${info.name}.json`, 'utf8')) as PresetFile;
      expect(raw.scenario.format).toBe(1);
      expect(typeof raw.scenario.seed).toBe('number');
      expect(raw.scenario.commands.length).toBeGreaterThan(5);
      expect(raw.title.length).toBeGreaterThan(10);
      expect(raw.watch.split('. ').length).toBeGreaterThanOrEqual(2);
      expect(raw.facts.length).toBeGreaterThan(0);
    }
  });

  it('the shipped files are exactly what the builders make (regenerate with tools/writePresets.ts)', () => {
    for (const [name, build] of Object.entries(BUILDERS))
      expect(JSON.parse(JSON.stringify(build()))).toEqual(presetFile(name));
  });

  it('each preset starts with something on the wire, so pressing play shows it move', () => {
    for (const name of PRESET_ORDER) expect(played(name).atLoad, name).toBeGreaterThan(0);
  });

  it('each story is paced for a class: its messages take seconds to cross at 1×', () => {
    for (const name of PRESET_ORDER) {
      const s = S2S.fromScenario(presetFile(name)!.scenario);
      for (const link of Object.values(s.links())) expect(link.latencyMs, name).toBe(3000);
      // Held on a paused link, a message leaves (and is timed) when the link resumes.
      const flights = s
        .inFlight()
        .filter((m) => !m.held)
        .map((m) => m.dueAt - m.sentAt);
      if (name === 'paused-edits') expect(flights, name).toEqual([]);
      else expect(flights.length, name).toBeGreaterThan(0);
      if (!flights.length) continue;
      // The links' jitter spreads them; a reordering link (5 s of jitter) may deliver sooner.
      const median = [...flights].sort((a, b) => a - b)[Math.floor(flights.length / 2)]!;
      expect(median, name).toBeGreaterThanOrEqual(2500);
    }
  });
});

describe('what each preset says to watch is what happens', () => {
  it('REC-2, SUB-5: partner Leads wait in "Leads from Connections" with Auto-Accept off', () => {
    const { s, kinds } = played('partner-leads');
    expect(s.inbox('partner', 'Lead')).toHaveLength(3);
    expect(s.records('partner', { object: 'Lead' })).toHaveLength(0);
    expect(kinds).toEqual([]);
    // Accepting one makes it a Lead there, and the maker stays master (SYNC-1).
    const first = s.inbox('partner', 'Lead')[0]!;
    const as = s.orgs()[1]!.adminId;
    expect(s.dispatch({ type: 'inbox.accept', org: 'partner', as, pnrcId: first.Id }).ok).toBe(
      true,
    );
    s.runUntilIdle();
    expect(s.records('partner', { object: 'Lead' })).toHaveLength(1);
  });

  it('SYNC-2, SYNC-6: both Case edits cross and each lands once, no echo, the copies agree', () => {
    const { s, kinds, report } = played('regional-cases');
    for (const org of ['emea', 'hq']) {
      const c = s.records(org, { object: 'Case' })[0]!.fields;
      expect([c.Priority, c.Status]).toEqual(['High', 'Working']);
    }
    expect(kinds).toEqual([]);
    expect(report.shares.every((x) => x.agree)).toBe(true);
    expect(s.log({ kind: 'apply' })).toHaveLength(2);
  });

  it('FWD-1, SUB-5: the Account arrives with its Contacts and Opportunity, related to it', () => {
    const { s, kinds } = played('acquisition-accounts');
    const acc = s
      .records('tailspin', { object: 'Account' })
      .find((r) => r.fields.Name === 'Blue Yonder Airlines')!;
    const contacts = s
      .records('tailspin', { object: 'Contact' })
      .filter((r) => r.fields.AccountId === acc.Id);
    expect(contacts.map((c) => c.fields.LastName).sort()).toEqual(['Ito', 'Patel']);
    const opps = s.records('tailspin', { object: 'Opportunity' });
    expect(opps.map((o) => [o.fields.Name, o.fields.AccountId])).toEqual([
      ['Fleet renewal', acc.Id],
    ]);
    expect(s.inbox('tailspin')).toHaveLength(0);
    expect(kinds).toEqual([]);
  });

  it('SYNC-3: concurrent edits cross on the wire and never converge (two lost updates)', () => {
    const { s, kinds } = played('concurrent-edits');
    expect(field(s, 'acme', 'Account', 'Initech', 'Phone')).toBe('555-2222');
    expect(field(s, 'globex', 'Account', 'Initech', 'Phone')).toBe('555-1111');
    expect(kinds.filter((k) => k === 'lost update')).toHaveLength(2);
    expect(kinds).toContain('non-convergence');
  });

  it('SYNC-4: edits on a paused connection are held in order, then all arrive on resume', () => {
    const { s, report, kinds } = played('paused-edits');
    expect(report.quiet).toBe(false);
    expect(s.inFlight().every((m) => m.held)).toBe(true);
    expect(field(s, 'globex', 'Account', 'Initech', 'Phone')).toBe('555-0100');
    expect(kinds).toEqual(['stale read']);
    s.dispatch({
      type: 'link.set',
      from: 'acme',
      to: 'globex',
      both: true,
      link: { paused: false },
    });
    s.runUntilIdle();
    const copy = s
      .records('globex', { object: 'Account' })
      .find((r) => r.fields.Name === 'Initech')!;
    const phones = s
      .record('globex', copy.Id)!
      .history.filter((h) => h.field === 'Phone')
      .map((h) => h.newValue);
    expect(phones.slice(-3)).toEqual(['555-0201', '555-0202', '555-0203']);
    expect(s.check().findings).toEqual([]);
  });

  it("SYNC-1: on a one-way share the master's change overwrites the subscriber's local edit", () => {
    const { s, kinds, report } = played('master-overwrites');
    expect(field(s, 'globex', 'Account', 'Initech', 'Phone')).toBe('555-0300');
    expect(kinds).toEqual(['lost update']);
    expect(report.shares[0]!.agree).toBe(true);
    // Globex's edit never went anywhere: it publishes nothing.
    expect(s.log({ org: 'globex', kind: 'send' }).some((e) => /RecordUpdated/.test(e.text))).toBe(
      false,
    );
  });

  it('REC-4, REC-1: stopping sharing mid-update keeps both copies, Inactive with a Stop Date', () => {
    const { s, kinds } = played('stop-in-flight');
    expect(field(s, 'globex', 'Account', 'Initech', 'Phone')).toBe('555-0400');
    for (const org of ['acme', 'globex']) {
      const p = s
        .recordConnections(org)
        .find((x) => x.object === 'Account' && x.Status === 'Inactive');
      expect(p?.EndDate, org).toBeTruthy();
      expect(field(s, org, 'Account', 'Initech', 'Name')).toBe('Initech');
    }
    expect(kinds).toEqual([]);
    // After the stop, edits no longer flow.
    const id = s
      .records('acme', { object: 'Account' })
      .find((r) => r.fields.Name === 'Initech')!.Id;
    s.dispatch({
      type: 'record.update',
      org: 'acme',
      as: s.orgs()[0]!.adminId,
      id,
      values: { Phone: '555-0499' },
    });
    s.runUntilIdle();
    expect(field(s, 'globex', 'Account', 'Initech', 'Phone')).toBe('555-0400');
  });

  it('SUB-4, SYNC-5: a renamed field breaks the mapping and the update fails with a reason', () => {
    const { s, kinds } = played('renamed-field');
    expect(s.brokenMappings('globex').length).toBeGreaterThan(0);
    const [failure] = s.failures('globex');
    expect(failure!.reason).toMatch(/mapping broken/i);
    expect(kinds).toEqual(['failed apply']);
    expect(s.notifications('globex').some((n) => /failed/.test(JSON.stringify(n)))).toBe(true);
  });

  it('SYNC-4, SUB-5: a child delivered before its parent is a causal violation, accepted with its parent', () => {
    const { s, kinds } = played('child-before-parent');
    expect(kinds).toEqual(['causal violation']);
    const acc = s
      .records('globex', { object: 'Account' })
      .find((r) => r.fields.Name === 'Umbrella')!;
    const contact = s
      .records('globex', { object: 'Contact' })
      .find((r) => r.fields.LastName === 'Wesker');
    expect(contact?.fields.AccountId).toBe(acc.Id);
  });

  it("SYNC-5: the receiver's validation rule refuses the update; the sender's copy is unchanged", () => {
    const { s, kinds } = played('validation-refused');
    expect(s.failures('globex')[0]!.reason).toMatch(/Billing City is required/);
    expect(field(s, 'globex', 'Account', 'Initech', 'BillingCity')).toBe('Austin');
    expect(field(s, 'acme', 'Account', 'Initech', 'BillingCity')).toBeNull();
    expect(kinds.sort()).toEqual(['failed apply', 'non-convergence']);
  });

  it('SYNC-3, SYNC-4: without in-order delivery and de-duplication the checker names every anomaly', () => {
    const { s, kinds } = played('no-guarantees');
    expect(kinds).toContain('duplicate write');
    expect(kinds).toContain('monotonic-writes violation');
    expect(kinds).toContain('non-convergence');
    expect(field(s, 'acme', 'Account', 'Initech', 'Phone')).toBe('555-0508');
    expect(field(s, 'globex', 'Account', 'Initech', 'Phone')).not.toBe('555-0508');
  });
});
