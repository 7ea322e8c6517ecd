import type { S2S } from '../../../engine/api.ts';
import type { AnomalyKind } from '../../../engine/checker/findings.ts';
import type { Target, Tour, TourStep } from './tour.ts';

const RUN: Target = { role: 'button', name: /^Run until idle/ };
const CANVAS: Target = { role: 'region', name: /^Flow canvas/ };
const tab = (within: string, name: string): Target => ({ within, role: 'tab', name });
const found = (s: S2S, kind: AnomalyKind) => s.check().findings.some((f) => f.kind === kind);
const initech = (s: S2S, org: string) =>
  s.records(org, { object: 'Account' }).find((r) => r.fields.Name === 'Initech')?.fields;

/** The first step of every edge-case tour: the clock is paused and slowed, the learner plays. */
function onTheWire(text: string): TourStep {
  return {
    target: [RUN, CANVAS],
    title: 'Watch it cross',
    text: `${text} The clock is paused and slowed down: press Play, or Run until idle to deliver everything on the wire.`,
    drive: ({ clock }) => {
      clock.pause();
      clock.setSpeed(0.5);
    },
    check: (s) => s.inFlight().every((m) => m.held),
    waiting: 'Waiting for the messages on the wire to arrive.',
  };
}

/** A short walkthrough per edge-case preset: watch it happen, then read what the engine says. */
export const EDGE_TOURS: Tour[] = [
  {
    name: 'paused-edits',
    title: 'Edits while the connection is paused',
    summary: 'Held updates, a stale copy, then everything arrives in order.',
    start: { preset: 'paused-edits' },
    steps: [
      {
        target: [tab('Globex workspace', 'Accounts'), CANVAS],
        title: 'Three edits are held',
        text: 'The link between Acme and Globex is paused, not deactivated: Acme’s three edits of Initech’s Phone wait in order at the sender. Globex still shows 555-0100, a stale read. Nothing is lost while the link is paused.',
      },
      {
        target: [
          { role: 'checkbox', name: 'Paused Acme → Globex' },
          { role: 'tab', name: 'Network' },
        ],
        title: 'Resume the connection',
        text: 'Resume delivery and the queue drains in the order the edits were made. In the Network panel, untick Paused for Acme → Globex.',
        check: (s) => !s.inFlight().some((m) => m.held),
        waiting: 'Waiting for the link to be resumed.',
      },
      {
        target: [RUN, tab('Globex workspace', 'Accounts')],
        title: 'All three arrive, in order',
        text: 'The three updates are applied one after the other, so Globex’s field history shows 555-0201, 555-0202 and 555-0203 in that order. Play, or Run until idle, until the copies agree.',
        check: (s) => s.check().quiet && initech(s, 'globex')?.Phone === '555-0203',
        waiting: 'Waiting for the last update to reach Globex.',
      },
    ],
  },
  {
    name: 'master-overwrites',
    title: 'The master overwrites a local edit',
    summary: 'One-way share: Globex’s local change is lost to Acme’s next update.',
    start: { preset: 'master-overwrites' },
    steps: [
      onTheWire(
        'Only Acme publishes Account. Globex changed Initech’s Phone to 555-9999 locally; Acme’s change to 555-0300 is on its way.',
      ),
      {
        target: [tab('Globex workspace', 'Accounts')],
        title: 'The local edit is gone',
        text: 'Globex now shows 555-0300: on a one-way share the publishing org is the master, and its change overwrote the local edit without a warning. The checker reports it as a lost update.',
        check: (s) => found(s, 'lost update'),
      },
    ],
  },
  {
    name: 'stop-in-flight',
    title: 'Stop sharing while an update is in flight',
    summary: 'The update already sent still lands; after the stop nothing flows.',
    start: { preset: 'stop-in-flight' },
    steps: [
      onTheWire(
        'Acme changed Initech’s Phone and then stopped sharing it while the update was still travelling.',
      ),
      {
        target: [tab('Globex workspace', 'Accounts')],
        title: 'Both copies stay, sharing is Inactive',
        text: 'The update arrived first, because the stop travelled behind it on the same channel. Then both sides marked the sharing Inactive with a Stop Date, and each org kept its copy as a plain record.',
        check: (s) => s.recordConnections('globex').some((p) => p.Status === 'Inactive'),
      },
    ],
  },
  {
    name: 'renamed-field',
    title: 'A renamed field breaks a mapping',
    summary: 'The update fails with a reason in Health.',
    start: { preset: 'renamed-field' },
    steps: [
      onTheWire(
        'Globex renamed the field that Acme’s Region is mapped to; Acme’s update of Region is on its way.',
      ),
      {
        target: [tab('Globex workspace', 'Health')],
        title: 'The update failed, with a reason',
        text: 'Globex could not apply the update: its mapping points at a field that no longer exists. The failure is listed in Health and Connection History, the connection owner is notified, and the checker reports a failed apply.',
        check: (s) => found(s, 'failed apply') && s.brokenMappings('globex').length > 0,
      },
    ],
  },
  {
    name: 'child-before-parent',
    title: 'A child arrives before its parent',
    summary: 'A Contact overtakes its Account on a link without in-order delivery.',
    start: { preset: 'child-before-parent' },
    steps: [
      onTheWire(
        'Acme forwarded the Account Umbrella with its Contact, on a link that may reorder messages.',
      ),
      {
        target: [tab('Globex workspace', 'Contacts')],
        title: 'The child waited for its parent',
        text: 'The Contact arrived first and waited, since its parent was not there yet; when the Account arrived and was accepted, the Contact was accepted with it. The checker still names the causal violation.',
        check: (s) => found(s, 'causal violation'),
      },
    ],
  },
  {
    name: 'validation-refused',
    title: 'An update refused by a validation rule',
    summary: 'The receiver’s rule refuses the update; the sender is unchanged.',
    start: { preset: 'validation-refused' },
    steps: [
      onTheWire('Acme cleared Initech’s Billing City; Globex requires one.'),
      {
        target: [tab('Globex workspace', 'Health')],
        title: 'Refused by the receiver',
        text: 'Globex’s validation rule refused the update: it failed for that record, with the rule’s message in Health, and the connection owner was notified. Acme’s copy is unchanged, so the copies now differ.',
        check: (s) => s.failures('globex').length > 0 && found(s, 'failed apply'),
      },
    ],
  },
  {
    name: 'no-guarantees',
    title: 'Duplicates and reordering without the guarantees',
    summary: 'The checker names every anomaly a faulty link causes.',
    start: { preset: 'no-guarantees' },
    steps: [
      onTheWire(
        'Acme edited Phone eight times, over a link that duplicates messages and lets later ones overtake earlier ones.',
      ),
      {
        target: [{ role: 'tab', name: 'Consistency' }, CANVAS],
        title: 'What the checker finds',
        text: 'Globex applied some updates twice and some out of order, and ended on an older number. The Consistency panel names each anomaly: duplicate write, monotonic-writes violation and non-convergence.',
        check: (s) =>
          found(s, 'duplicate write') &&
          found(s, 'monotonic-writes violation') &&
          found(s, 'non-convergence'),
      },
    ],
  },
];
