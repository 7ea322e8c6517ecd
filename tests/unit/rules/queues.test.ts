import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands/command.ts';
import type { AssignmentRuleEntry } from '../../../src/engine/state/org.ts';
import {
  ACME,
  GLOBEX,
  addUser,
  connectedOrgs,
  create,
  forward,
  ok,
  refused,
  update,
  type Connected,
} from './fixtures.ts';

/** Acme shares Leads and Cases with Globex; Globex accepts them by hand. */
function leadsAndCases(): Connected {
  return connectedOrgs({
    autoAccept: false,
    publish: {
      acme: {
        Account: ['Name'],
        Lead: ['Company', 'Email', 'LeadSource', 'Rating'],
        Case: ['Subject', 'Priority', 'Origin'],
      },
    },
    subscribe: { globex: { Account: {}, Lead: {}, Case: {} } },
  });
}

const lead = (c: Connected, values: Record<string, string> = {}) =>
  create(c.s, ACME, c.A, 'Lead', {
    LastName: 'Lane',
    Company: 'Lane Co',
    Status: 'Open - Not Contacted',
    ...values,
  });

const waiting = (c: Connected) => c.s.inbox(GLOBEX)[0]!.Id;

/** Accept for the record waiting in Globex's list, with the owner options given. */
const accepting = (
  c: Connected,
  options: { ownerId?: string; useAssignmentRules?: boolean },
): Command => ({ type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: waiting(c), ...options });

const leadRule = (c: Connected, name: string, entries: AssignmentRuleEntry[]): Command => ({
  type: 'assignmentRule.set',
  org: GLOBEX,
  as: c.G,
  object: 'Lead',
  name,
  entries,
});

function queue(c: Connected, name: string, objects: string[], members: string[]) {
  return ok(c.s, { type: 'queue.create', org: GLOBEX, as: c.G, name, objects, members });
}

describe('queues and assignment rules on accept (REC-2)', () => {
  it('REC-2: a received Lead can be accepted into a queue; its members reach it, others do not (PERM-2)', () => {
    const c = leadsAndCases();
    const { s } = c;
    const member = addUser(s, GLOBEX, c.G, 'Mia Member');
    const outsider = addUser(s, GLOBEX, c.G, 'Olly Outsider');
    const q = queue(c, 'Inbound Leads', ['Lead'], [member]);
    forward(c, [lead(c)]);
    const id = ok(s, accepting(c, { ownerId: q }));
    expect(s.record(GLOBEX, id)!.record.OwnerId).toBe(q);
    expect(s.log({ kind: 'state', org: GLOBEX }).at(-1)!.text).toMatch(
      /owned by queue Inbound Leads/,
    );
    update(s, GLOBEX, member, id, { Rating: 'Hot' });
    refused(
      s,
      { type: 'record.update', org: GLOBEX, as: outsider, id, values: { Rating: 'Cold' } },
      'PERM-2',
    );
  });

  it("REC-2: a user above a queue member in the role hierarchy reaches the queue's records", () => {
    const c = leadsAndCases();
    const { s } = c;
    const boss = ok(s, { type: 'role.create', org: GLOBEX, as: c.G, name: 'Sales Manager' });
    const rep = ok(s, {
      type: 'role.create',
      org: GLOBEX,
      as: c.G,
      name: 'Rep',
      parentRoleId: boss,
    });
    const manager = addUser(s, GLOBEX, c.G, 'Max Manager', { roleId: boss });
    const member = addUser(s, GLOBEX, c.G, 'Rae Rep', { roleId: rep });
    const q = queue(c, 'Leads', ['Lead'], [member]);
    forward(c, [lead(c)]);
    const id = ok(s, accepting(c, { ownerId: q }));
    update(s, GLOBEX, manager, id, { Rating: 'Warm' });
    expect(s.record(GLOBEX, id)!.record.fields.Rating).toBe('Warm');
  });

  it('REC-2: a queue can own only the objects it takes, and never Accounts', () => {
    const c = leadsAndCases();
    const { s } = c;
    const q = queue(c, 'Cases only', ['Case'], []);
    forward(c, [lead(c)]);
    refused(s, accepting(c, { ownerId: q }), 'REC-2', /does not take Lead records/);
    refused(
      s,
      { type: 'queue.create', org: GLOBEX, as: c.G, name: 'Accounts', objects: ['Account'] },
      'REC-2',
      /cannot own Account records/,
    );
  });

  it('REC-2: only an administrator creates queues, with active members and a unique name', () => {
    const c = leadsAndCases();
    const { s } = c;
    const rep = addUser(s, GLOBEX, c.G, 'Rita Rep');
    refused(
      s,
      { type: 'queue.create', org: GLOBEX, as: rep, name: 'Mine', objects: ['Lead'] },
      'REC-2',
      /not a System Administrator/,
    );
    ok(s, { type: 'user.setActive', org: GLOBEX, as: c.G, userId: rep, active: false });
    refused(
      s,
      { type: 'queue.create', org: GLOBEX, as: c.G, name: 'Q', objects: ['Lead'], members: [rep] },
      'REC-2',
      /not an active user/,
    );
    queue(c, 'Q', ['Lead'], []);
    refused(
      s,
      { type: 'queue.create', org: GLOBEX, as: c.G, name: 'Q', objects: ['Case'] },
      'REC-2',
      /already a queue called Q/,
    );
    expect(s.queues(GLOBEX).map((x) => x.Name)).toEqual(['Q']);
  });

  it('REC-2: for Leads, the first matching entry of the active assignment rule picks the owner', () => {
    const c = leadsAndCases();
    const { s } = c;
    const webRep = addUser(s, GLOBEX, c.G, 'Wendy Web');
    const hotQueue = queue(c, 'Hot Leads', ['Lead'], [webRep]);
    ok(
      s,
      leadRule(c, 'Standard', [
        { field: 'Rating', operator: 'equals', value: 'Hot', assignTo: hotQueue },
        { field: 'LeadSource', operator: 'equals', value: 'Web', assignTo: webRep },
      ]),
    );
    const accept = () => ok(s, accepting(c, { useAssignmentRules: true }));
    // Both entries hold: the first one wins.
    forward(c, [lead(c, { Rating: 'Hot', LeadSource: 'Web' })]);
    expect(s.record(GLOBEX, accept())!.record.OwnerId).toBe(hotQueue);
    expect(s.log({ kind: 'state', org: GLOBEX }).at(-1)!.text).toMatch(
      /owned by queue Hot Leads by assignment rule Standard, entry 1/,
    );
    forward(c, [lead(c, { Rating: 'Cold', LeadSource: 'Web' })]);
    expect(s.record(GLOBEX, accept())!.record.OwnerId).toBe(webRep);
    // No entry holds: the record stays with the user who accepts it.
    forward(c, [lead(c, { Rating: 'Cold', LeadSource: 'Phone Inquiry' })]);
    expect(s.record(GLOBEX, accept())!.record.OwnerId).toBe(c.G);
    expect(s.log({ kind: 'state', org: GLOBEX }).at(-1)!.text).toMatch(
      /no entry of assignment rule Standard matched/,
    );
  });

  it('REC-2: Case assignment rules work the same way; setting a rule replaces the active one', () => {
    const c = leadsAndCases();
    const { s } = c;
    const support = addUser(s, GLOBEX, c.G, 'Sam Support');
    const rule = (name: string, value: string) =>
      ok(s, {
        type: 'assignmentRule.set',
        org: GLOBEX,
        as: c.G,
        object: 'Case',
        name,
        entries: [{ field: 'Priority', operator: 'equals', value, assignTo: support }],
      });
    rule('Old', 'Low');
    rule('New', 'High');
    expect(s.assignmentRules(GLOBEX).map((r) => r.Name)).toEqual(['New']);
    const kase = create(s, ACME, c.A, 'Case', {
      Subject: 'Broken',
      Priority: 'High',
      Origin: 'Web',
      Status: 'New',
    });
    forward(c, [kase]);
    const id = ok(s, accepting(c, { useAssignmentRules: true }));
    expect(s.record(GLOBEX, id)!.record.OwnerId).toBe(support);
  });

  it('REC-2: assignment rules apply to Leads and Cases only, need an active rule, and exclude a chosen owner', () => {
    const c = leadsAndCases();
    const { s } = c;
    forward(c, [create(s, ACME, c.A, 'Account', { Name: 'Acc' })]);
    refused(
      s,
      accepting(c, { useAssignmentRules: true }),
      'REC-2',
      /Leads and Cases, not to Account/,
    );
    ok(s, { type: 'inbox.reject', org: GLOBEX, as: c.G, pnrcId: waiting(c) });
    forward(c, [lead(c)]);
    refused(
      s,
      accepting(c, { useAssignmentRules: true }),
      'REC-2',
      /no active Lead assignment rule/,
    );
    refused(s, accepting(c, { useAssignmentRules: true, ownerId: c.G }), 'REC-2', /not both/);
    refused(
      s,
      leadRule(c, 'Bad', [{ field: 'Nope', operator: 'equals', value: 'x', assignTo: c.G }]),
      'REC-2',
      /Entry 1: Lead has no field Nope/,
    );
    const caseQueue = queue(c, 'Cases', ['Case'], []);
    refused(
      s,
      leadRule(c, 'Bad', [{ field: 'Rating', operator: 'isBlank', assignTo: caseQueue }]),
      'REC-2',
      /Entry 1: Queue Cases does not take Lead records/,
    );
  });

  it('REC-2: an assignee deactivated after the rule was set is skipped, and the log says why', () => {
    const c = leadsAndCases();
    const { s } = c;
    const rep = addUser(s, GLOBEX, c.G, 'Gone Soon');
    ok(
      s,
      leadRule(c, 'All', [{ field: 'Company', operator: 'contains', value: 'Co', assignTo: rep }]),
    );
    ok(s, { type: 'user.setActive', org: GLOBEX, as: c.G, userId: rep, active: false });
    forward(c, [lead(c)]);
    const id = ok(s, accepting(c, { useAssignmentRules: true }));
    expect(s.record(GLOBEX, id)!.record.OwnerId).toBe(c.G);
    expect(s.log({ kind: 'state', org: GLOBEX }).at(-1)!.text).toMatch(
      /entry 1, cannot be used: .*not an active user/,
    );
  });

  it('SUB-5: a Case comment accepted with its queue-owned Case goes to the connection owner', () => {
    const c = connectedOrgs({
      autoAccept: false,
      publish: { acme: { Case: ['Subject'], CaseComment: ['CommentBody'] } },
      subscribe: { globex: { Case: {}, CaseComment: {} } },
    });
    const { s } = c;
    const q = queue(c, 'Support', ['Case'], []);
    const kase = create(s, ACME, c.A, 'Case', { Subject: 'Help', Status: 'New', Origin: 'Web' });
    create(s, ACME, c.A, 'CaseComment', { ParentId: kase, CommentBody: 'More detail' });
    forward(c, [kase], { relatedObjects: ['CaseComment'] });
    const pnrc = s.inbox(GLOBEX, 'Case')[0]!.Id;
    const id = ok(s, { type: 'inbox.accept', org: GLOBEX, as: c.G, pnrcId: pnrc, ownerId: q });
    expect(s.record(GLOBEX, id)!.record.OwnerId).toBe(q);
    const [comment] = s.records(GLOBEX, { object: 'CaseComment' });
    expect(comment).toMatchObject({ fields: { ParentId: id, CommentBody: 'More detail' } });
    expect(comment!.OwnerId).toBe(s.connections(GLOBEX)[0]!.PrimaryContactId);
  });

  it('REC-2: a record created by hand may be owned by a queue that takes its object', () => {
    const c = leadsAndCases();
    const { s } = c;
    const q = queue(c, 'Leads', ['Lead'], []);
    const id = ok(s, {
      type: 'record.create',
      org: GLOBEX,
      as: c.G,
      object: 'Lead',
      values: { LastName: 'Own', Company: 'Q', Status: 'Open - Not Contacted' },
      ownerId: q,
    });
    expect(s.record(GLOBEX, id)!.record.OwnerId).toBe(q);
    refused(
      s,
      {
        type: 'record.create',
        org: GLOBEX,
        as: c.G,
        object: 'Account',
        values: { Name: 'A' },
        ownerId: q,
      },
      'REC-2',
      /does not take Account records/,
    );
  });
});
