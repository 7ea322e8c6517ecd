import type { Command } from '../commands/command.ts';
import {
  addCustomField,
  createCustomObject,
  deleteField,
  renameField,
  getField,
} from '../domain/index.ts';
import { fillFormula } from './formulaFields.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { OrgState, User } from '../state/org.ts';
import { isAdmin, requireAdmin, requireManageConnections, requireS2S } from './access.ts';

type AdminCommand = Extract<
  Command,
  {
    type:
      | 'user.create'
      | 'user.setActive'
      | 'role.create'
      | 'object.create'
      | 'field.create'
      | 'field.rename'
      | 'field.delete'
      | 'field.setHidden'
      | 'validationRule.add'
      | 'automation.add'
      | 's2s.enable'
      | 's2s.settings'
      | 'template.create';
  }
>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Setup commands: users, roles, schema, field security, automation, S2S settings (EN-*). */
export function orgAdmin(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: AdminCommand,
): Plan | Refusal {
  const b = new PlanBuilder(ctx);
  const info = (text: string, rule?: string) => b.log({ kind: 'info', org: org.id, text, rule });
  if (cmd.type !== 's2s.settings' && cmd.type !== 'template.create') {
    const notAdmin = requireAdmin(u, 'EN-1');
    if (notAdmin) return notAdmin;
  }
  switch (cmd.type) {
    case 's2s.enable': {
      if (org.s2s.enabled)
        return refuse(
          'EN-1',
          'Salesforce to Salesforce is already enabled; it cannot be disabled.',
        );
      const patch: Partial<OrgState> = {
        s2s: { ...org.s2s, enabled: true, enabledAt: ctx.now },
        waitingInvitations: [],
      };
      b.push({ op: 'patchOrg', org: org.id, patch });
      info('Salesforce to Salesforce enabled (irreversible)', 'EN-1');
      // EN-2: invitations that arrived while S2S was off become connections now.
      const connections = { ...org.connections };
      for (const w of org.waitingInvitations) {
        const id = b.newId(org, '0CN');
        connections[id] = newReceivedConnection(id, w.wire, w.from, w.inviterName, org, ctx.now);
        b.push({ op: 'putConnection', org: org.id, pnc: connections[id]! });
        b.notify(org, {
          to: adminOf(org),
          connectionId: id,
          kind: 'invitationReceived',
          text: `${w.inviterName} invites you to connect.`,
        });
      }
      return b.build();
    }
    case 's2s.settings': {
      const e = requireS2S(org) ?? requireManageConnections(u, 'manage templates');
      if (e) return e;
      if (cmd.fromAddress !== undefined && !EMAIL.test(cmd.fromAddress))
        return refuse('EN-3', `"${cmd.fromAddress}" is not a valid From address.`);
      const { type: _t, org: _o, as: _a, ...rest } = cmd;
      b.push({ op: 'patchOrg', org: org.id, patch: { s2s: { ...org.s2s, ...rest } } });
      info('Salesforce to Salesforce settings saved', 'EN-3');
      return b.build();
    }
    case 'template.create': {
      const e = requireS2S(org) ?? requireManageConnections(u, 'manage connection templates');
      if (e) return e;
      if (!cmd.name.trim()) return refuse('CONN-8', 'A connection template needs a name.');
      for (const [obj, fields] of Object.entries(cmd.objects)) {
        if (!org.schema[obj]) return refuse('CONN-8', `Template lists unknown object ${obj}.`);
        for (const f of fields)
          if (!getField(org.schema, obj, f))
            return refuse('CONN-8', `Template lists unknown field ${obj}.${f}.`);
      }
      const id = b.newId(org, '0CT');
      const templates = {
        ...org.s2s.templates,
        [id]: { Id: id, Name: cmd.name.trim(), objects: cmd.objects },
      };
      b.push({ op: 'patchOrg', org: org.id, patch: { s2s: { ...org.s2s, templates } } });
      info(`connection template ${cmd.name} created`, 'CONN-8');
      return b.build({ id });
    }
    case 'user.create': {
      const name = cmd.name.trim();
      if (!name || name.length > 121)
        return refuse('PERM-1', 'A user needs a name of 1 to 121 characters.');
      if (cmd.roleId && !org.roles[cmd.roleId])
        return refuse('SHR-1', `There is no role ${cmd.roleId}.`);
      const id = b.newId(org, '005');
      const alias =
        name
          .split(/\s+/)
          .map((p) => p[0]!.toLowerCase())
          .join('')
          .slice(0, 8) || 'user';
      const user: User = {
        Id: id,
        Name: name,
        Alias: alias,
        Email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@${org.domain}`,
        Profile: cmd.profile,
        ManageConnections: cmd.manageConnections ?? cmd.profile === 'System Administrator',
        UserRoleId: cmd.roleId ?? null,
        IsActive: true,
      };
      b.push({ op: 'patchOrg', org: org.id, patch: { users: { ...org.users, [id]: user } } });
      info(`user ${name} (${cmd.profile}) created`);
      return b.build({ id });
    }
    case 'user.setActive': {
      const target = org.users[cmd.userId];
      if (!target || target.system) return refuse('PERM-1', `There is no user ${cmd.userId}.`);
      b.push({
        op: 'patchOrg',
        org: org.id,
        patch: { users: { ...org.users, [target.Id]: { ...target, IsActive: cmd.active } } },
      });
      info(`user ${target.Name} ${cmd.active ? 'activated' : 'deactivated'}`);
      return b.build({ id: target.Id });
    }
    case 'role.create': {
      if (!cmd.name.trim()) return refuse('SHR-1', 'A role needs a name.');
      if (cmd.parentRoleId && !org.roles[cmd.parentRoleId])
        return refuse('SHR-1', `There is no role ${cmd.parentRoleId}.`);
      const id = b.newId(org, '00E');
      b.push({
        op: 'patchOrg',
        org: org.id,
        patch: {
          roles: {
            ...org.roles,
            [id]: { Id: id, Name: cmd.name.trim(), ParentRoleId: cmd.parentRoleId ?? null },
          },
        },
      });
      info(`role ${cmd.name} created`);
      return b.build({ id });
    }
    case 'object.create': {
      const prefixes = Object.values(org.schema).map((o) => o.keyPrefix);
      const made = createCustomObject(
        {
          apiName: cmd.apiName,
          label: cmd.label,
          pluralLabel: cmd.pluralLabel,
          fields: cmd.fields,
        },
        prefixes,
      );
      if (!made.ok) return refuse('PUB-1', made.reason);
      if (org.schema[cmd.apiName]) return refuse('PUB-1', `${cmd.apiName} already exists.`);
      b.push({
        op: 'patchOrg',
        org: org.id,
        patch: { schema: { ...org.schema, [cmd.apiName]: made.value } },
      });
      info(`custom object ${cmd.label} (${cmd.apiName}) deployed`);
      return b.build({ id: cmd.apiName });
    }
    case 'field.create': {
      const r = addCustomField(org.schema, cmd.object, cmd.field);
      if (!r.ok) return refuse('SUB-4', r.reason);
      b.push({ op: 'patchOrg', org: org.id, patch: { schema: r.value } });
      info(`field ${cmd.object}.${cmd.field.apiName} created`);
      fillFormula(b, org, u, r.value[cmd.object], cmd.field.apiName);
      return b.build();
    }
    case 'field.rename': {
      const r = renameField(org.schema, cmd.object, cmd.field, cmd.newApiName, cmd.newLabel);
      if (!r.ok) return refuse('SUB-4', r.reason);
      b.push({ op: 'patchOrg', org: org.id, patch: { schema: r.value } });
      b.push({
        op: 'renameFieldData',
        org: org.id,
        object: cmd.object,
        from: cmd.field,
        to: cmd.newApiName,
      });
      info(
        `field ${cmd.object}.${cmd.field} renamed to ${cmd.newApiName}; mappings to it are broken`,
        'SUB-4',
      );
      return b.build();
    }
    case 'field.delete': {
      const r = deleteField(org.schema, cmd.object, cmd.field);
      if (!r.ok) return refuse('SUB-4', r.reason);
      b.push({ op: 'patchOrg', org: org.id, patch: { schema: r.value } });
      info(`field ${cmd.object}.${cmd.field} deleted; mappings to it are broken`, 'SUB-4');
      return b.build();
    }
    case 'field.setHidden': {
      if (!getField(org.schema, cmd.object, cmd.field))
        return refuse('SHR-2', `There is no field ${cmd.object}.${cmd.field}.`);
      b.push({
        op: 'patchOrg',
        org: org.id,
        patch: {
          hiddenFields: { ...org.hiddenFields, [`${cmd.object}.${cmd.field}`]: cmd.hiddenFrom },
        },
      });
      info(
        `field-level security of ${cmd.object}.${cmd.field}: hidden from ${cmd.hiddenFrom.join(', ') || 'nobody'}`,
        'SHR-2',
      );
      return b.build();
    }
    case 'validationRule.add': {
      const r = cmd.rule;
      if (!getField(org.schema, r.object, r.field))
        return refuse('SYNC-5', `There is no field ${r.object}.${r.field}.`);
      if (!r.message.trim()) return refuse('SYNC-5', 'A validation rule needs an error message.');
      const id = b.newId(org, '03d');
      b.push({
        op: 'patchOrg',
        org: org.id,
        patch: { validationRules: [...org.validationRules, { ...r, Id: id }] },
      });
      info(`validation rule on ${r.object}.${r.field} added`);
      return b.build({ id });
    }
    case 'automation.add': {
      const a = cmd.automation;
      if (
        !getField(org.schema, a.object, a.whenField) ||
        !getField(org.schema, a.object, a.setField)
      )
        return refuse('SYNC-6', `Both fields of the field update must exist on ${a.object}.`);
      const id = b.newId(org, '04Y');
      b.push({
        op: 'patchOrg',
        org: org.id,
        patch: { automations: [...org.automations, { ...a, Id: id }] },
      });
      info(`field update on ${a.object}: when ${a.whenField} changes set ${a.setField}`);
      return b.build({ id });
    }
    default:
      return refuse('API', `Unknown command ${(cmd as { type: string }).type}.`);
  }
}

export function adminOf(org: OrgState): string {
  return (
    Object.values(org.users).find((u) => !u.system && u.IsActive && isAdmin(u))?.Id ??
    Object.keys(org.users)[0]!
  );
}

export function newReceivedConnection(
  id: string,
  wire: string,
  partnerOrg: string,
  partnerName: string,
  org: OrgState,
  now: number,
) {
  return {
    Id: id,
    ConnectionName: partnerName,
    ConnectionStatus: 'Received' as const,
    AccountId: null,
    ContactId: null,
    PrimaryContactId: adminOf(org),
    CreatedDate: now,
    ResponseDate: null,
    wire,
    partnerOrg,
    inviter: false,
    templateId: null,
    publications: {},
    partnerPublications: {},
    subscriptions: {},
    partnerSubscriptions: [],
    history: [{ at: now, text: `Invitation received from ${partnerName}` }],
    stats: {
      lastActivity: now,
      lastLagMs: null,
      totalLagMs: 0,
      appliedUpdates: 0,
      failedUpdates: 0,
    },
  };
}
