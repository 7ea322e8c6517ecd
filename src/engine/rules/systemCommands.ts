import type { Command } from '../commands/command.ts';
import { refuse, type Plan, type Refusal } from '../plan/plan.ts';
import type { Sandbox } from '../sandbox.ts';

/** Enough for a hub and its partners, few enough to draw and follow on one screen. */
export const MAX_ORGS = 5;

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * Commands that act on the sandbox itself rather than inside one org: creating orgs, the
 * network's settings, the clock. Returns null for an org's own commands.
 */
export function systemCommand(sb: Sandbox, cmd: Command): Plan | Refusal | null {
  const s = sb.state;
  switch (cmd.type) {
    case 'org.create': {
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(cmd.org))
        return refuse(
          'API',
          `Org id "${cmd.org}" must start with a letter and use letters, digits, - or _ (at most 40).`,
        );
      if (s.orgs[cmd.org]) return refuse('API', `An org with id "${cmd.org}" already exists.`);
      if (s.orgOrder.length >= MAX_ORGS)
        return refuse('API', `A sandbox holds at most ${MAX_ORGS} orgs.`);
      const name = cmd.name.trim();
      if (!name || name.length > 80) return refuse('API', 'Org name must be 1 to 80 characters.');
      const domain = (cmd.domain ?? `${cmd.org.toLowerCase()}.example.com`).toLowerCase();
      if (!DOMAIN.test(domain)) return refuse('API', `"${domain}" is not a mail domain.`);
      if (s.orgOrder.some((id) => s.orgs[id]!.domain === domain))
        return refuse('API', `Another org already receives mail for ${domain}.`);
      const org = sb.addOrg(cmd.org, name, domain);
      return {
        ops: [
          { op: 'createOrg', org },
          {
            op: 'log',
            entry: {
              kind: 'info',
              org: cmd.org,
              text: `org ${name} created (mail domain ${domain})`,
            },
          },
        ],
        id: cmd.org,
      };
    }
    case 'settings.set': {
      const next = { ...s.settings, ...cmd.settings, defaultLink: s.settings.defaultLink };
      if (!['arrival', 'lastWriterWins'].includes(next.conflictResolution))
        return refuse('SYNC-3', 'Conflict resolution is "arrival" or "lastWriterWins".');
      if (!(next.publicationDelayMs >= 0))
        return refuse('SYNC-9', 'The publication delay cannot be negative.');
      s.settings = next;
      return {
        ops: [
          {
            op: 'log',
            entry: { kind: 'info', text: `settings changed: ${JSON.stringify(cmd.settings)}` },
          },
        ],
      };
    }
    case 'link.set': {
      if (!s.orgs[cmd.from] || !s.orgs[cmd.to])
        return refuse('API', 'Both ends of a link must be orgs of this sandbox.');
      if (cmd.from === cmd.to) return refuse('API', 'A link joins two different orgs.');
      const l = cmd.link;
      for (const k of ['latencyMs', 'jitterMs'] as const)
        if (l[k] !== undefined && !(l[k]! >= 0 && l[k]! <= 3_600_000))
          return refuse('API', `${k} must be between 0 and 3,600,000 ms.`);
      for (const k of ['failRate', 'duplicateRate'] as const)
        if (l[k] !== undefined && !(l[k]! >= 0 && l[k]! < 1))
          return refuse('API', `${k} must be at least 0 and below 1.`);
      sb.network.setLink(cmd.from, cmd.to, l);
      if (cmd.both) sb.network.setLink(cmd.to, cmd.from, l);
      sb.releaseHeld();
      const dirs = cmd.both ? `${cmd.from} ⇄ ${cmd.to}` : `${cmd.from} → ${cmd.to}`;
      return {
        ops: [{ op: 'log', entry: { kind: 'info', text: `link ${dirs}: ${JSON.stringify(l)}` } }],
      };
    }
    case 'org.setOffline': {
      const org = s.orgs[cmd.org];
      if (!org) return refuse('API', `There is no org "${cmd.org}".`);
      org.offline = cmd.offline;
      sb.markOrgChanged(org.id);
      if (!cmd.offline) sb.releaseHeld();
      return {
        ops: [
          {
            op: 'log',
            entry: {
              kind: 'info',
              org: org.id,
              text: cmd.offline
                ? `${org.name} went offline (maintenance)`
                : `${org.name} is back online`,
            },
          },
        ],
      };
    }
    case 'clock.advance':
      if (!(cmd.ms >= 0)) return refuse('API', 'The clock only moves forward.');
      sb.advance(cmd.ms);
      return { ops: [] };
    case 'clock.step':
      sb.step();
      return { ops: [] };
    case 'clock.deliver': {
      const m = sb.network.take(cmd.messageId, cmd.duplicate);
      if (!m) {
        if (sb.network.isHeld(cmd.messageId))
          return refuse(
            'SYNC-4',
            `Message #${cmd.messageId} is held at its sender until the connection resumes and the partner is online.`,
          );
        return refuse('API', `No message #${cmd.messageId} is on the wire.`);
      }
      sb.deliverNow(m);
      return { ops: [] };
    }
    case 'clock.runUntilIdle':
      sb.runUntilIdle(cmd.maxEvents);
      return { ops: [] };
    default:
      return null;
  }
}
