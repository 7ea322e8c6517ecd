import type { S2S } from '../../../engine/api.ts';
import type { Target, Tour } from './tour.ts';

const ACME = 'Acme workspace';
const GLOBEX = 'Globex workspace';

const conn = (s: S2S, org: string) => s.connections(org)[0];
const enabled = (s: S2S, org: string) => !!s.orgs().find((o) => o.id === org)?.s2sEnabled;
const tab = (within: string, name: string): Target => ({ within, role: 'tab', name });
const button = (within: string, name: string | RegExp, onTab?: string): Target => ({
  within,
  role: 'button',
  name,
  tab: onTab,
});
/** A control on a connection's page: else the Connections list (to open it), else the tab. */
const onConnection = (within: string, name: string): Target[] => [
  button(within, name, 'Connections'),
  { within, tab: 'Connections', role: 'table', name: 'Connections' },
  tab(within, 'Connections'),
];
const RUN: Target = { role: 'button', name: /^Run until idle/ };

/**
 * The whole S2S setup, from two orgs with nothing set up to an Account syncing both ways
 * with a latency the learner chose. Every check is a query on the open sandbox.
 */
export const FULL_SETUP: Tour = {
  name: 'full-setup',
  title: 'From two empty orgs to a two-way sync',
  summary: 'Enable, invite, accept, publish, subscribe, forward, sync back, set a latency.',
  start: 'empty',
  steps: [
    {
      target: [button(ACME, 'Enable', 'Setup'), tab(ACME, 'Setup'), { within: ACME }],
      title: 'Enable Salesforce to Salesforce in Acme',
      text: 'S2S is off in a new org, and a user with Modify All Data turns it on in Salesforce to Salesforce Settings. Once enabled it can never be disabled. In Acme’s Setup, click Enable and confirm.',
      check: (s) => enabled(s, 'acme'),
      waiting: 'Waiting for S2S to be enabled in Acme.',
    },
    {
      target: [button(GLOBEX, 'Enable', 'Setup'), tab(GLOBEX, 'Setup'), { within: GLOBEX }],
      title: 'Enable it in Globex too',
      text: 'Both orgs need S2S: an invitation to an org without it cannot be accepted. With S2S on, an org gets a Connections tab and the Forward to Connection action. In Globex’s Setup, click Enable and confirm.',
      check: (s) => enabled(s, 'globex'),
      waiting: 'Waiting for S2S to be enabled in Globex.',
    },
    {
      target: [button(ACME, 'New', 'Accounts'), tab(ACME, 'Accounts')],
      title: 'An Account for the partner company',
      text: 'Before inviting, the inviter needs an Account for the partner company and a Contact under it: the invitation is mailed to that Contact. In Acme’s Accounts tab, click New and save an Account with Account Name Globex Corp.',
      check: (s) =>
        s.records('acme', { object: 'Account' }).some((r) => r.fields.Name === 'Globex Corp'),
      waiting: 'Waiting for an Account named Globex Corp in Acme.',
    },
    {
      target: [button(ACME, 'New', 'Contacts'), tab(ACME, 'Contacts')],
      title: 'A Contact with an email at the partner',
      text: 'The Contact’s email decides where the invitation goes: an address at globex.example.com reaches the Globex org. In Acme’s Contacts tab, click New and save a Contact with Last Name Lee, Email lee@globex.example.com and Account Name Globex Corp.',
      check: (s) =>
        s
          .records('acme', { object: 'Contact' })
          .some(
            (r) => /@globex\.example\.com$/.test(String(r.fields.Email)) && !!r.fields.AccountId,
          ),
      waiting: 'Waiting for a Contact under Globex Corp with an email at globex.example.com.',
    },
    {
      target: [button(ACME, 'New', 'Connections'), tab(ACME, 'Connections')],
      title: 'Invite Globex',
      text: 'A connection starts as an invitation from one org to a Contact at the other. In Acme’s Connections tab, click New, choose the Contact Lee, and click Save & Send Invite.',
      check: (s) => !!conn(s, 'acme'),
      waiting: 'Waiting for Acme to send an invitation.',
    },
    {
      target: [RUN],
      title: 'The invitation travels',
      text: 'Invitations cross the simulated network like everything else: Acme’s side is Pending until the invitation reaches Globex, which sees it as Invitation Received. Let the clock play, or click Run until idle to deliver everything on the wire.',
      check: (s) => conn(s, 'globex')?.ConnectionStatus === 'Received',
      waiting: 'Waiting for the invitation to reach Globex.',
    },
    {
      target: onConnection(GLOBEX, 'Accept'),
      title: 'Globex accepts',
      text: 'The invitee decides: Accept, Decline or Decide Later. Accepting makes the connection Accepted on both sides once the decision reaches Acme. In Globex’s Connections tab, open the connection, click Accept, then Accept in the dialog.',
      // Acme may publish only once the decision has reached it (CONN-5).
      check: (s) =>
        conn(s, 'globex')?.ConnectionStatus === 'Accepted' &&
        conn(s, 'acme')?.ConnectionStatus === 'Accepted',
      waiting: 'Waiting for Globex to accept the invitation and the decision to reach Acme.',
    },
    {
      target: onConnection(ACME, 'Publish'),
      title: 'Acme publishes Account',
      text: 'Nothing is shared at the moment of acceptance: each side chooses, per connection, which objects and fields it publishes. Open Acme’s connection, choose Account under Object to publish, and click Publish.',
      check: (s) => !!conn(s, 'acme')?.publications.Account,
      waiting: 'Waiting for Acme to publish Account.',
    },
    {
      target: onConnection(GLOBEX, 'Subscribe Account'),
      title: 'Globex subscribes, with Auto-Accept',
      text: 'The partner receives nothing until it subscribes and maps each published field to a field of its own. A publication change reaches the partner after a short delay (the publication cache). Open Globex’s connection, click Subscribe Account, then Auto-Map Fields, tick Auto-Accept, and Save.',
      // Acme can forward only once the subscription has reached it (FWD-2).
      check: (s) =>
        !!conn(s, 'globex')?.subscriptions.Account?.autoAccept &&
        !!conn(s, 'acme')?.partnerSubscriptions.includes('Account'),
      waiting: 'Waiting for Globex to subscribe to Account with Auto-Accept.',
    },
    {
      target: [button(ACME, 'Forward to Connection(s)', 'Accounts'), tab(ACME, 'Accounts')],
      title: 'Forward an Account',
      text: 'Records are shared one by one: a user forwards them to a connection. In Acme’s Accounts tab, click New and save an Account named Initech. On its page (or with it ticked in the list) click Forward to Connection(s), tick Globex Corp and Save.',
      check: (s) =>
        s.recordConnections('acme').some((p) => p.object === 'Account' && p.LocalRecordId !== null),
      waiting: 'Waiting for Acme to forward an Account.',
    },
    {
      target: [tab(GLOBEX, 'Accounts'), RUN],
      title: 'It arrives in Globex',
      text: 'With Auto-Accept on, the record is created in Globex as soon as it arrives, owned by the connection owner. Its header and External Sharing list say where it came from. Open Globex’s Accounts tab and watch it appear.',
      check: (s) => s.recordConnections('globex').some((p) => p.Status === 'Received'),
      waiting: 'Waiting for the Account to be accepted in Globex.',
    },
    {
      target: onConnection(GLOBEX, 'Publish'),
      title: 'Two-way: Globex publishes Account',
      text: 'So far Acme is the master: its changes overwrite Globex’s copy, and Globex’s edits go nowhere. For a two-way share both sides publish and subscribe. Open Globex’s connection, choose Account under Object to publish, and click Publish.',
      check: (s) => !!conn(s, 'globex')?.publications.Account,
      waiting: 'Waiting for Globex to publish Account.',
    },
    {
      target: onConnection(ACME, 'Subscribe Account'),
      title: 'Acme subscribes to Globex’s Account',
      text: 'Each side maps the other’s fields through its own subscription. Open Acme’s connection, click Subscribe Account when it appears, then Auto-Map Fields and Save.',
      check: (s) => !!conn(s, 'acme')?.subscriptions.Account,
      waiting: 'Waiting for Acme to subscribe to Account.',
    },
    {
      target: [
        { role: 'spinbutton', name: /latency/i },
        { role: 'tab', name: 'Network' },
        { role: 'region', name: /^Flow canvas/ },
      ],
      title: 'Set the latency',
      text: 'S2S is asynchronous: an update takes time to cross, and in practice about a minute. Set a latency for the link between Acme and Globex (the Network tab, under the canvas), for example 3000 ms, and watch the tokens slow down.',
      check: (s) => Object.values(s.links()).some((l) => l.latencyMs !== 1000),
      waiting: 'Waiting for a latency other than the default 1000 ms.',
    },
    {
      target: [
        button(GLOBEX, 'Edit', 'Accounts'),
        button(GLOBEX, 'Initech', 'Accounts'),
        tab(GLOBEX, 'Accounts'),
      ],
      title: 'Edit in Globex, watch it sync back',
      text: 'Now a change in either org flows to the other through that side’s mapping, and the Connection User applies it (it shows as Last Modified By). In Globex’s Accounts tab open Initech, click Edit, set Account Name to Initech Global and Save; watch it travel to Acme.',
      check: (s) => s.log({ org: 'acme', kind: 'apply' }).some((e) => /\bName\b/.test(e.text)),
      waiting: 'Waiting for a change from Globex to be applied in Acme.',
    },
  ],
};
