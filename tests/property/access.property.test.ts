import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../src/engine/api.ts';
import { accessTo, type Access } from '../../src/engine/rules/access.ts';
import { recordOf } from '../../src/engine/org/recordCopies.ts';
import type { Command } from '../../src/engine/commands/command.ts';
import { RUNS } from './world.ts';

const RANK: Record<Access, number> = { none: 0, read: 1, edit: 2 };

/** One org: a Sales role above Reps, a Media role beside them, a user in each, six Accounts. */
function org() {
  const s = S2S.create({ seed: 3 });
  s.run([{ type: 'org.create', org: 'o', name: 'Org' }]);
  const admin = s.orgs()[0]!.adminId;
  const id = (cmd: Command) => {
    const r = s.dispatch(cmd);
    if (!r.ok) throw new Error(r.reason);
    return r.id!;
  };
  const sales = id({ type: 'role.create', org: 'o', as: admin, name: 'Sales' });
  const reps = id({ type: 'role.create', org: 'o', as: admin, name: 'Reps', parentRoleId: sales });
  const media = id({ type: 'role.create', org: 'o', as: admin, name: 'Media' });
  const roles = [sales, reps, media];
  const users = roles.map((roleId, i) =>
    id({
      type: 'user.create',
      org: 'o',
      as: admin,
      name: `User ${i}`,
      profile: 'Standard User',
      roleId,
    }),
  );
  const names = ['Alpha', 'Media One', 'Beta', '', 'Media Two', 'Gamma'];
  const records = names.map((Name, i) =>
    id({
      type: 'record.create',
      org: 'o',
      as: admin,
      object: 'Account',
      values: { Name: Name || 'Blank', Phone: i % 2 ? '555' : null },
      ownerId: users[i % users.length],
    }),
  );
  return { s, admin, roles, users, records };
}

const group = fc.record({ role: fc.nat(2), includeSubordinates: fc.boolean() });
const ruleArb = fc.record({
  accessLevel: fc.constantFrom('Read' as const, 'Edit' as const),
  sharedWith: group,
  basis: fc.oneof(
    fc.record({ kind: fc.constant('owners' as const), owners: group }),
    fc.record({
      kind: fc.constant('criteria' as const),
      field: fc.constantFrom('Name', 'Phone'),
      operator: fc.constantFrom('equals' as const, 'contains' as const, 'isBlank' as const),
      value: fc.constantFrom('Media', 'Alpha', '555'),
    }),
  ),
});

describe('access properties', () => {
  it(
    'SHR-1: adding a sharing rule never takes access away from anyone',
    () => {
      fc.assert(
        fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 5 }), (rules) => {
          const w = org();
          const levels = () => {
            const o = w.s.sandbox.state.orgs.o!;
            return w.users.flatMap((u) =>
              w.records.map((r) => RANK[accessTo(o, o.users[u]!, recordOf(o, r)!)]),
            );
          };
          let before = levels();
          for (const [i, r] of rules.entries()) {
            const res = w.s.dispatch({
              type: 'sharingRule.add',
              org: 'o',
              as: w.admin,
              object: 'Account',
              name: `Rule ${i}`,
              accessLevel: r.accessLevel,
              sharedWith: {
                roleId: w.roles[r.sharedWith.role]!,
                includeSubordinates: r.sharedWith.includeSubordinates,
              },
              ...(r.basis.kind === 'owners'
                ? {
                    owners: {
                      roleId: w.roles[r.basis.owners.role]!,
                      includeSubordinates: r.basis.owners.includeSubordinates,
                    },
                  }
                : {
                    criteria: {
                      field: r.basis.field,
                      operator: r.basis.operator,
                      value: r.basis.value,
                    },
                  }),
            });
            expect(res.ok).toBe(true);
            const after = levels();
            after.forEach((level, k) => expect(level).toBeGreaterThanOrEqual(before[k]!));
            before = after;
          }
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 10)) },
      );
    },
    30_000 + RUNS * 20,
  );
});
