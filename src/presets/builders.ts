/**
 * How each classroom preset was made: a script over the engine API. The app never imports this
 * file; it ships the scenarios as data (`src/presets/<name>.json`, written by
 * `npx tsx tools/writePresets.ts`), and a unit test checks the files are still what these
 * builders make, so a change in the engine that alters a preset is noticed.
 */
import { S2S } from '../engine/api.ts';
import type { Command } from '../engine/commands/command.ts';
import type { FieldValue } from '../engine/domain/index.ts';
import * as f from '../engine/domain/fieldBuilders.ts';
import type { SandboxSettings } from '../engine/state/settings.ts';
import type { PresetFile, PresetInfo } from './presetFile.ts';

interface OrgSpec {
  id: string;
  name: string;
  domain: string;
}

interface SubSpec {
  mapping?: Record<string, string | null>;
  autoAccept?: boolean;
}

interface Setup {
  seed: number;
  settings?: Partial<Omit<SandboxSettings, 'defaultLink'>>;
  a: OrgSpec;
  b: OrgSpec;
  /** Runs after S2S is enabled and before the invitation (custom fields, rules…). */
  before?: (w: World) => void;
  publish: { a?: Record<string, string[]>; b?: Record<string, string[]> };
  subscribe: { a?: Record<string, SubSpec>; b?: Record<string, SubSpec> };
}

/** A sandbox with two orgs connected as `Setup` says, and short names for its ids. */
export class World {
  readonly s: S2S;
  A = '';
  B = '';
  aConn = '';
  bConn = '';

  constructor(readonly setup: Setup) {
    this.s = S2S.create({ seed: setup.seed, settings: setup.settings });
  }

  ok(cmd: Command): string {
    const r = this.s.dispatch(cmd);
    if (!r.ok) throw new Error(`${cmd.type} refused (${r.rule}): ${r.reason}`);
    return r.id ?? r.ids?.[0] ?? '';
  }

  create(side: 'a' | 'b', object: string, values: Record<string, FieldValue>): string {
    const org = this.setup[side].id;
    return this.ok({ type: 'record.create', org, as: this.as(side), object, values });
  }

  update(side: 'a' | 'b', id: string, values: Record<string, FieldValue>) {
    this.ok({ type: 'record.update', org: this.setup[side].id, as: this.as(side), id, values });
  }

  as(side: 'a' | 'b') {
    return side === 'a' ? this.A : this.B;
  }

  /** Forwards records from `side` on its connection and returns the new PNRC ids. */
  forward(side: 'a' | 'b', recordIds: string[], relatedObjects?: string[]) {
    const r = this.s.dispatch({
      type: 'record.forward',
      org: this.setup[side].id,
      as: this.as(side),
      recordIds,
      connectionIds: [side === 'a' ? this.aConn : this.bConn],
      relatedObjects,
    });
    if (!r.ok) throw new Error(`record.forward refused (${r.rule}): ${r.reason}`);
    return r.ids ?? [];
  }

  /** The other side's copy of a shared record. */
  copyOf(side: 'a' | 'b', recordId: string): string {
    const mine = this.s
      .recordConnections(this.setup[side].id)
      .find((p) => p.LocalRecordId === recordId);
    const other = side === 'a' ? 'b' : 'a';
    const theirs = this.s
      .recordConnections(this.setup[other].id)
      .find((p) => p.shareKey === mine?.shareKey);
    if (!theirs?.LocalRecordId) throw new Error(`no copy of ${recordId}`);
    return theirs.LocalRecordId;
  }

  link(link: Parameters<S2S['dispatch']>[0] & { type: 'link.set' }) {
    this.ok(link);
  }

  idle() {
    this.ok({ type: 'clock.runUntilIdle' });
  }

  /**
   * The pace of the story that follows: each message takes about `ms` to cross, both ways,
   * so a class watching at 1× sees it travel (the setup before it ran at once).
   */
  pace(ms = STORY_LATENCY_MS) {
    const { a, b } = this.setup;
    this.ok({ type: 'link.set', from: a.id, to: b.id, both: true, link: { latencyMs: ms } });
  }

  /** Both orgs, S2S on, the invitation accepted, publications and subscriptions made. */
  connect(): this {
    const { a, b } = this.setup;
    this.ok({ type: 'org.create', org: a.id, name: a.name, domain: a.domain });
    this.ok({ type: 'org.create', org: b.id, name: b.name, domain: b.domain });
    const [oa, ob] = this.s.orgs();
    this.A = oa!.adminId;
    this.B = ob!.adminId;
    this.ok({ type: 's2s.enable', org: a.id, as: this.A });
    this.ok({ type: 's2s.enable', org: b.id, as: this.B });
    this.setup.before?.(this);
    const company = b.name;
    const account = this.create('a', 'Account', { Name: company });
    const contact = this.create('a', 'Contact', {
      LastName: 'Lee',
      Email: `lee@${b.domain}`,
      AccountId: account,
    });
    this.aConn = this.ok({ type: 'connection.invite', org: a.id, as: this.A, contactId: contact });
    this.idle();
    this.bConn = this.s.connections(b.id)[0]!.Id;
    this.ok({ type: 'connection.accept', org: b.id, as: this.B, connectionId: this.bConn });
    this.idle();
    for (const side of ['a', 'b'] as const)
      for (const [object, fields] of Object.entries(this.setup.publish[side] ?? {}))
        this.ok({
          type: 'connection.publish',
          org: this.setup[side].id,
          as: this.as(side),
          connectionId: side === 'a' ? this.aConn : this.bConn,
          object,
          fields,
        });
    this.idle();
    for (const side of ['a', 'b'] as const)
      for (const [partnerObject, spec] of Object.entries(this.setup.subscribe[side] ?? {}))
        this.ok({
          type: 'connection.subscribe',
          org: this.setup[side].id,
          as: this.as(side),
          connectionId: side === 'a' ? this.aConn : this.bConn,
          partnerObject,
          mapping: spec.mapping,
          autoAccept: spec.autoAccept,
        });
    this.idle();
    return this;
  }
}

/** About three seconds a message: long enough to point at it and say what it carries. */
const STORY_LATENCY_MS = 3000;

const ACME: OrgSpec = { id: 'acme', name: 'Acme', domain: 'acme.example.com' };
const GLOBEX: OrgSpec = { id: 'globex', name: 'Globex', domain: 'globex.example.com' };
const ACCOUNT_FIELDS = ['Name', 'Phone', 'Industry', 'BillingCity'];

/** Acme and Globex sharing Accounts both ways, Auto-Accept on both sides. */
function twoWayAccounts(seed: number, extra: Partial<Setup> = {}): World {
  return new World({
    seed,
    a: ACME,
    b: GLOBEX,
    publish: { a: { Account: ACCOUNT_FIELDS }, b: { Account: ACCOUNT_FIELDS } },
    subscribe: { a: { Account: { autoAccept: true } }, b: { Account: { autoAccept: true } } },
    ...extra,
  }).connect();
}

/** An Account made in Acme, forwarded and accepted: [Acme's id, Globex's copy]. */
function sharedAccount(w: World, name = 'Initech'): [string, string] {
  const id = w.create('a', 'Account', { Name: name, Phone: '555-0100', BillingCity: 'Austin' });
  w.forward('a', [id]);
  w.idle();
  return [id, w.copyOf('a', id)];
}

/** Where each preset's action shows: the tab each org's workspace opens on. */
const TABS: Record<string, Record<string, string>> = {
  'partner-leads': { maker: 'Lead', partner: 'Lead' },
  'regional-cases': { emea: 'Case', hq: 'Case' },
  'acquisition-accounts': { fabrikam: 'Account', tailspin: 'Account' },
  'renamed-field': { acme: 'Account', globex: 'health' },
  'validation-refused': { acme: 'Account', globex: 'health' },
};

/** Walkthroughs that go with a preset (src/ui/classroom/tours). */
const TOURS: Record<string, string> = Object.fromEntries(
  [
    'concurrent-edits',
    'paused-edits',
    'master-overwrites',
    'stop-in-flight',
    'renamed-field',
    'child-before-parent',
    'validation-refused',
    'no-guarantees',
  ].map((n) => [n, n]),
);

function file(info: PresetInfo, w: World): PresetFile {
  const tabs = TABS[info.name] ?? { acme: 'Account', globex: 'Account' };
  const tour = TOURS[info.name];
  return { ...info, tabs, ...(tour ? { tour } : {}), scenario: w.s.scenario() };
}

export const BUILDERS: Record<string, () => PresetFile> = {
  'partner-leads': () => {
    const w = new World({
      seed: 101,
      a: { id: 'maker', name: 'Northwind Manufacturing', domain: 'northwind.example.com' },
      b: { id: 'partner', name: 'Contoso Channel Partner', domain: 'contoso.example.com' },
      publish: { a: { Lead: ['LastName', 'FirstName', 'Company', 'Email', 'Phone', 'Status'] } },
      subscribe: { b: { Lead: { autoAccept: false } } },
    }).connect();
    w.pace();
    const leads = [
      { FirstName: 'Ana', LastName: 'Silva', Company: 'Silva Tools' },
      { FirstName: 'Ben', LastName: 'Okafor', Company: 'Okafor Supplies' },
      { FirstName: 'Chloé', LastName: 'Martin', Company: 'Martin & Fils' },
    ].map((v) => w.create('a', 'Lead', { ...v, Status: 'Open - Not Contacted' }));
    w.forward('a', leads);
    return file(
      {
        name: 'partner-leads',
        title: 'Manufacturer → channel partner: Leads',
        summary: 'One-way Lead sharing with Auto-Accept off.',
        watch:
          'Northwind forwards three Leads to its channel partner. They travel across the connection and wait in Contoso’s “Leads from Connections” list, because Auto-Accept is off: nothing becomes a Lead there until someone accepts it and picks an owner. Once accepted, Northwind is the master: its edits overwrite the partner’s copy.',
        facts: ['REC-2', 'SUB-5', 'SYNC-1'],
      },
      w,
    );
  },

  'regional-cases': () => {
    const CASE_FIELDS = ['Subject', 'Status', 'Priority', 'Description'];
    const w = new World({
      seed: 102,
      a: { id: 'emea', name: 'EMEA Support', domain: 'emea.example.com' },
      b: { id: 'hq', name: 'Global HQ', domain: 'hq.example.com' },
      publish: { a: { Case: CASE_FIELDS }, b: { Case: CASE_FIELDS } },
      subscribe: { a: { Case: {} }, b: { Case: {} } },
    }).connect();
    const c = w.create('a', 'Case', {
      Subject: 'Pump P-200 leaking',
      Status: 'New',
      Priority: 'Medium',
    });
    const [pnrc] = w.forward('a', [c]);
    w.idle();
    const inboxId = w.s.inbox('hq', 'Case')[0]?.Id ?? pnrc!;
    w.ok({ type: 'inbox.accept', org: 'hq', as: w.B, pnrcId: inboxId });
    w.idle();
    const copy = w.copyOf('a', c);
    w.pace();
    w.update('b', copy, { Priority: 'High' });
    w.update('a', c, { Status: 'Working' });
    return file(
      {
        name: 'regional-cases',
        title: 'Regional org ↔ global HQ: Cases two-way',
        summary: 'Both orgs publish and subscribe Case; each side’s edit reaches the other.',
        watch:
          'A Case from EMEA Support is already shared with Global HQ. HQ raises its Priority while EMEA sets its Status to Working: two updates cross the connection in opposite directions. Each side applies the other’s change through its own mapping and does not send it back (no echo), so both copies end up with Priority High and Status Working.',
        facts: ['SYNC-2', 'SYNC-6'],
      },
      w,
    );
  },

  'acquisition-accounts': () => {
    const w = new World({
      seed: 103,
      a: { id: 'fabrikam', name: 'Fabrikam (acquired)', domain: 'fabrikam.example.com' },
      b: { id: 'tailspin', name: 'Tailspin Group', domain: 'tailspin.example.com' },
      publish: {
        a: {
          Account: ['Name', 'Phone', 'Industry'],
          Contact: ['LastName', 'FirstName', 'Email'],
          Opportunity: ['Name', 'StageName', 'CloseDate', 'Amount'],
        },
        b: { Account: ['Name', 'Phone', 'Industry'] },
      },
      subscribe: {
        a: { Account: { autoAccept: true } },
        b: { Account: { autoAccept: true }, Contact: {}, Opportunity: {} },
      },
    }).connect();
    const acc = w.create('a', 'Account', {
      Name: 'Blue Yonder Airlines',
      Industry: 'Transportation',
    });
    w.create('a', 'Contact', { FirstName: 'Maya', LastName: 'Ito', AccountId: acc });
    w.create('a', 'Contact', { FirstName: 'Raj', LastName: 'Patel', AccountId: acc });
    w.create('a', 'Opportunity', {
      Name: 'Fleet renewal',
      StageName: 'Prospecting',
      CloseDate: '2027-03-31',
      Amount: 250000,
      AccountId: acc,
    });
    w.pace();
    w.forward('a', [acc], ['Contact', 'Opportunity']);
    return file(
      {
        name: 'acquisition-accounts',
        title: 'Two divisions after an acquisition: Accounts with Contacts and Opportunities',
        summary: 'An Account forwarded with its children; they are accepted along with it.',
        watch:
          'Fabrikam forwards an Account together with its two Contacts and its Opportunity. Tailspin auto-accepts the Account; the children cannot be auto-accepted themselves, but they are accepted with their parent because their objects are subscribed and the parent is already accepted. In Tailspin they arrive related to the Account, just as in Fabrikam.',
        facts: ['FWD-1', 'SUB-5'],
      },
      w,
    );
  },

  'concurrent-edits': () => {
    const w = twoWayAccounts(104);
    const [a, b] = sharedAccount(w);
    w.pace();
    w.update('a', a, { Phone: '555-1111' });
    w.update('b', b, { Phone: '555-2222' });
    return file(
      {
        name: 'concurrent-edits',
        title: 'Edge case: concurrent edits on a two-way share',
        summary: 'Both orgs change the same field at the same moment.',
        watch:
          'Acme sets Initech’s Phone to 555-1111 while Globex sets it to 555-2222. The two updates cross on the wire; each org applies the other’s value when it arrives, and neither sends it back. Acme ends with 555-2222 and Globex with 555-1111 for good: the checker reports two lost updates and non-convergence. S2S has no conflict detection.',
        facts: ['SYNC-3', 'SYNC-6'],
      },
      w,
    );
  },

  'paused-edits': () => {
    const w = twoWayAccounts(105);
    const [a] = sharedAccount(w);
    w.pace();
    w.link({ type: 'link.set', from: 'acme', to: 'globex', both: true, link: { paused: true } });
    for (const phone of ['555-0201', '555-0202', '555-0203']) {
      w.update('a', a, { Phone: phone });
      w.ok({ type: 'clock.advance', ms: 800 });
    }
    return file(
      {
        name: 'paused-edits',
        title: 'Edge case: edits while the connection is paused',
        summary: 'Three edits wait on a paused connection, then arrive in order.',
        watch:
          'The connection between Acme and Globex is paused (not deactivated), and Acme edits Initech’s Phone three times. The updates are held in order; Globex shows the old number meanwhile, and the checker calls it a stale read. Resume the connection in the Network tab: all three arrive, in the order they were made, and nothing is lost.',
        facts: ['SYNC-4'],
      },
      w,
    );
  },

  'master-overwrites': () => {
    const w = new World({
      seed: 106,
      a: ACME,
      b: GLOBEX,
      publish: { a: { Account: ACCOUNT_FIELDS } },
      subscribe: { b: { Account: { autoAccept: true } } },
    }).connect();
    const [a, b] = sharedAccount(w);
    w.pace();
    w.update('b', b, { Phone: '555-9999' });
    w.ok({ type: 'clock.advance', ms: 3000 });
    w.update('a', a, { Phone: '555-0300' });
    return file(
      {
        name: 'master-overwrites',
        title: 'Edge case: the master overwrites a local edit on a one-way share',
        summary: 'Globex edits its copy; Acme’s next change wins.',
        watch:
          'Only Acme publishes Account, so Acme is the master. Globex changed its copy’s Phone to 555-9999; that edit goes nowhere, because Globex publishes nothing. Then Acme changes the Phone to 555-0300: when the update lands it overwrites Globex’s local edit, which is lost without warning: the checker reports a lost update.',
        facts: ['SYNC-1'],
      },
      w,
    );
  },

  'stop-in-flight': () => {
    const w = twoWayAccounts(107);
    const [a] = sharedAccount(w);
    w.pace();
    w.update('a', a, { Phone: '555-0400' });
    const pnrc = w.s.recordConnections('acme').find((p) => p.LocalRecordId === a)!;
    w.ok({ type: 'clock.advance', ms: 300 });
    w.ok({ type: 'sharing.stop', org: 'acme', as: w.A, pnrcId: pnrc.Id });
    return file(
      {
        name: 'stop-in-flight',
        title: 'Edge case: stop sharing while an update is in flight',
        summary: 'Acme stops sharing a record just after editing it.',
        watch:
          'Acme changes Initech’s Phone and, while that update is still on the wire, stops sharing the record. The sharing goes Inactive on both sides with a Stop Date, and each org keeps its copy as a plain record. The update that left first still arrives and is applied, because the stop travels behind it on the same channel; after that nothing flows, even if you edit either copy. Compare the External Sharing list on both copies.',
        facts: ['REC-4', 'REC-1'],
      },
      w,
    );
  },

  'renamed-field': () => {
    const w = twoWayAccounts(108, {
      before: (w) => {
        for (const side of ['a', 'b'] as const)
          w.ok({
            type: 'field.create',
            org: w.setup[side].id,
            as: w.as(side),
            object: 'Account',
            field: f.text('Region__c', 'Region', 40),
          });
      },
      publish: { a: { Account: [...ACCOUNT_FIELDS, 'Region__c'] } },
      subscribe: { b: { Account: { autoAccept: true, mapping: { Region__c: 'Region__c' } } } },
    });
    const [a] = sharedAccount(w);
    w.pace();
    w.ok({
      type: 'field.rename',
      org: 'globex',
      as: w.B,
      object: 'Account',
      field: 'Region__c',
      newApiName: 'Territory__c',
      newLabel: 'Territory',
    });
    w.update('a', a, { Region__c: 'EMEA' });
    return file(
      {
        name: 'renamed-field',
        title: 'Edge case: a renamed field breaks a mapping',
        summary: 'Globex renames the field Acme’s Region is mapped to.',
        watch:
          'Globex mapped Acme’s Region to its own Region field, then renamed that field to Territory. The mapping is now broken. Acme sets Initech’s Region to EMEA: when the update arrives Globex cannot apply it, so it fails with a reason in Health and Connection History, the connection owner is notified, and the checker reports a failed apply.',
        facts: ['SUB-4', 'SYNC-5'],
      },
      w,
    );
  },

  'child-before-parent': () => {
    // A seed where the Contact overtakes its Account on a link that may reorder.
    for (let seed = 109; ; seed++) {
      const w = twoWayAccounts(seed, {
        publish: {
          a: { Account: ACCOUNT_FIELDS, Contact: ['LastName', 'Email'] },
          b: { Account: ACCOUNT_FIELDS },
        },
        subscribe: {
          a: { Account: { autoAccept: true } },
          b: { Account: { autoAccept: true }, Contact: {} },
        },
      });
      w.pace();
      w.link({
        type: 'link.set',
        from: 'acme',
        to: 'globex',
        link: { reorder: true, inOrder: false, jitterMs: 5000 },
      });
      const acc = w.create('a', 'Account', { Name: 'Umbrella' });
      w.create('a', 'Contact', { LastName: 'Wesker', AccountId: acc });
      w.forward('a', [acc], ['Contact']);
      const probe = S2S.fromScenario(w.s.scenario());
      probe.runUntilIdle();
      if (!probe.check().findings.some((x) => x.kind === 'causal violation')) continue;
      return file(
        {
          name: 'child-before-parent',
          title: 'Edge case: a child arrives before its parent',
          summary: 'An Account and its Contact on a link that may reorder messages.',
          watch:
            'Acme forwards the Account Umbrella with its Contact Wesker, on a link whose in-order guarantee is turned off and whose jitter lets a later message overtake an earlier one. The Contact arrives first and waits in Globex’s “Contacts from Connections”, since its parent is not there yet. When the Account arrives and is auto-accepted, the Contact is accepted with it, under the right Account. The checker still reports the causal violation: a child was delivered before its parent.',
          facts: ['SUB-5', 'SYNC-4'],
        },
        w,
      );
    }
  },

  'validation-refused': () => {
    const w = twoWayAccounts(110, {
      before: (w) =>
        w.ok({
          type: 'validationRule.add',
          org: 'globex',
          as: w.B,
          rule: {
            object: 'Account',
            field: 'BillingCity',
            operator: 'isBlank',
            message: 'Billing City is required for every customer.',
          },
        }),
    });
    const [a] = sharedAccount(w);
    w.pace();
    w.update('a', a, { BillingCity: '' });
    return file(
      {
        name: 'validation-refused',
        title: 'Edge case: an update refused by the receiver’s validation rule',
        summary: 'Globex requires Billing City; Acme clears it.',
        watch:
          'Globex has a validation rule: an Account must have a Billing City. Acme clears Initech’s Billing City. When the update reaches Globex the rule refuses it: the update fails for that record, with the rule’s message in Health and Connection History, the connection owner is notified, and Acme’s copy is unchanged. The two copies now differ, and the checker reports a failed apply and non-convergence.',
        facts: ['SYNC-5'],
      },
      w,
    );
  },

  'no-guarantees': () => {
    const w = twoWayAccounts(111);
    const [a] = sharedAccount(w);
    w.pace();
    w.link({
      type: 'link.set',
      from: 'acme',
      to: 'globex',
      link: { reorder: true, inOrder: false, jitterMs: 5000, duplicateRate: 0.6, dedupe: false },
    });
    for (let i = 1; i <= 8; i++) {
      w.update('a', a, { Phone: `555-05${String(i).padStart(2, '0')}` });
      w.ok({ type: 'clock.advance', ms: 100 });
    }
    return file(
      {
        name: 'no-guarantees',
        title: 'Edge case: duplicates and reordering with the guarantees turned off',
        summary: 'Eight quick edits over a link without in-order delivery or de-duplication.',
        watch:
          'S2S delivers a connection’s updates in order and once. Here both guarantees are off: the link duplicates messages and its jitter lets later updates overtake earlier ones. Acme edits Phone eight times; Globex applies some twice and some out of order, and can end on an older number. The checker names each anomaly: duplicate write, monotonic-writes violation, non-convergence.',
        facts: ['SYNC-3', 'SYNC-4'],
      },
      w,
    );
  },
};
