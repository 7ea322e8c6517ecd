import type { S2S } from '../../../engine/api.ts';
import type { Tour } from './tour.ts';

const phone = (s: S2S, org: string) =>
  s.records(org, { object: 'Account' }).find((r) => r.fields.Name === 'Initech')?.fields.Phone;

/** The concurrent-edits preset, step by step: the crossing, the checker, the repair. */
export const CONCURRENT_EDITS: Tour = {
  name: 'concurrent-edits',
  title: 'Concurrent edits on a two-way share',
  summary: 'Two edits cross on the wire; see why S2S cannot converge them, then repair it.',
  start: { preset: 'concurrent-edits' },
  steps: [
    {
      target: [{ role: 'region', name: /^Flow canvas/ }],
      title: 'Two edits on the wire',
      text: 'Acme and Globex share the Account Initech both ways. At the same moment Acme set its Phone to 555-1111 and Globex to 555-2222, and each update is now travelling to the other org. The clock is paused and slowed down so you can watch them cross: press Play or Run until idle.',
      drive: ({ clock }) => {
        clock.pause();
        clock.setSpeed(0.25);
      },
      check: (s) => s.inFlight().length === 0,
      waiting: 'Waiting for both updates to arrive.',
    },
    {
      target: [{ within: 'Acme workspace', role: 'tab', name: 'Accounts' }],
      title: 'The copies swapped values',
      text: 'Each org applied the other’s value when it arrived, and neither sent it back: S2S does not echo a change it received. So Acme now shows 555-2222 and Globex 555-1111. S2S has no conflict detection; per field, the later arrival wins.',
      check: (s) => phone(s, 'acme') === '555-2222' && phone(s, 'globex') === '555-1111',
    },
    {
      target: [{ role: 'button', name: /^Run until idle/ }],
      title: 'The checker names it',
      text: 'The network is quiet, yet the two copies differ and nothing will ever make them agree: the consistency checker reports two lost updates and non-convergence. Each finding cites the events that caused it.',
      check: (s) => s.check().findings.some((f) => f.kind === 'non-convergence'),
    },
    {
      target: [
        { within: 'Globex workspace', role: 'button', name: 'Initech', tab: 'Accounts' },
        { within: 'Globex workspace', role: 'tab', name: 'Accounts' },
      ],
      title: 'Repair it by hand',
      text: 'The only fix is a new edit on one side, made after the other’s update has arrived. Open Initech in Globex, click Edit, set Account Phone to 555-3333 and Save, then press Play or Run until idle: the change flows to Acme and the copies agree again.',
      check: (s) =>
        s.check().quiet &&
        phone(s, 'acme') === phone(s, 'globex') &&
        phone(s, 'acme') !== undefined,
      waiting: 'Waiting for both copies to show the same Phone.',
    },
  ],
};
