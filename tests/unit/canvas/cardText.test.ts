import { describe, expect, it } from 'vitest';
import { cardText, groupText } from '../../../src/ui/canvas/cardText.ts';
import { messageFacts, type MessageFacts } from '../../../src/engine/queries/messageFacts.ts';
import { SHARE_READS } from '../../../src/engine/queries/shareReads.ts';
import { sharedAccount } from '../engine/sharedAccount.ts';

const facts = (f: Partial<MessageFacts> & Pick<MessageFacts, 'kind'>): MessageFacts => ({
  record: null,
  objects: [],
  changes: [],
  ...f,
});

describe('the words on a message card', () => {
  it('an update names its record, each field and the value it carries', () => {
    expect(
      cardText(
        facts({
          kind: 'RecordUpdated',
          record: 'Initech',
          changes: [{ label: 'Account Phone', value: '555-0199' }],
        }),
      ),
    ).toBe('Update · Initech · Account Phone → 555-0199');
    expect(
      cardText(
        facts({
          kind: 'RecordUpdated',
          record: 'Initech',
          changes: [
            { label: 'Website', value: '' },
            { label: 'Description', value: 'A very long description of the company' },
          ],
        }),
        true,
      ),
    ).toBe('Update · Initech · Website → (blank), Description → A very long description… (held)');
  });

  it('forwards, decisions and the end of sharing read as a person says them', () => {
    expect(
      cardText(facts({ kind: 'RecordForwarded', record: 'Initech', objects: ['Account'] })),
    ).toBe('Forward · 1 Account · Initech');
    expect(cardText(facts({ kind: 'RecordAccepted', record: 'Initech' }))).toBe('Accept · Initech');
    expect(cardText(facts({ kind: 'SharingStopped', record: 'Initech' }))).toBe(
      'Stop sharing · Initech',
    );
    expect(cardText(facts({ kind: 'Decision', accepted: false }))).toBe('Decline invitation');
    expect(cardText(facts({ kind: 'PublicationChanged', objects: ['Account', 'Contact'] }))).toBe(
      'Publish · Account, Contact',
    );
  });

  it('a forward with its children gathers into one card counting each object', () => {
    const sent = [
      facts({ kind: 'RecordForwarded', objects: ['Account'] }),
      facts({ kind: 'RecordForwarded', objects: ['Contact'] }),
      facts({ kind: 'RecordForwarded', objects: ['Contact'] }),
      facts({ kind: 'RecordForwarded', objects: ['Opportunity'] }),
      facts({ kind: 'RecordForwarded', objects: ['Opportunity'] }),
    ];
    expect(groupText(sent)).toBe('Forward · 1 Account, 2 Contacts, 2 Opportunities');
    expect(
      groupText([
        facts({ kind: 'RecordUpdated' }),
        facts({ kind: 'RecordAccepted' }),
        facts({ kind: 'RecordUpdated' }),
      ]),
    ).toBe('3 messages · 2 Updates, 1 Accept');
  });

  it('SYNC-3: an update on the wire is read from the sandbox with the sender’s labels', () => {
    const { s, A, id } = sharedAccount(31, ['Name', 'Phone']);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '555-0199' } }]);
    const [m] = s.inFlight().filter((x) => x.body.kind === 'RecordUpdated');
    expect(cardText(messageFacts(s.sandbox.state, m!, SHARE_READS))).toBe(
      'Update · Acme · Account Phone → 555-0199',
    );
    s.runUntilIdle();
    const p = s.recordConnections('a')[0]!;
    s.run([{ type: 'sharing.stop', org: 'a', as: A, pnrcId: p.Id }]);
    const [stop] = s.inFlight().filter((x) => x.body.kind === 'SharingStopped');
    expect(cardText(messageFacts(s.sandbox.state, stop!, SHARE_READS))).toBe('Stop sharing · Acme');
  });
});
