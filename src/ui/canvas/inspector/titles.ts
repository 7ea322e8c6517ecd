import type { S2S } from '../../../engine/api.ts';
import type { InspectorTarget } from './target.ts';
import { tokenText } from '../tokenText.ts';

export function orgName(s2s: S2S, id: string): string {
  return s2s.orgs().find((o) => o.id === id)?.name ?? id;
}

/** A record's name as a list view shows it. */
export function recordName(s2s: S2S, org: string, id: string | null): string {
  if (!id) return 'not accepted yet';
  const r = s2s.record(org, id)?.record;
  const f = r?.fields ?? {};
  const name = f.Name ?? ([f.FirstName, f.LastName].filter(Boolean).join(' ') || f.Subject);
  return name ? String(name) : id;
}

export function inspectorTitle(s2s: S2S, t: InspectorTarget): string {
  switch (t.kind) {
    case 'org':
      return `Org ${orgName(s2s, t.org)}`;
    case 'link':
      return `Connection ${orgName(s2s, t.from)} → ${orgName(s2s, t.to)}`;
    case 'messages':
      return `${t.ids.length} messages at one place`;
    case 'message': {
      const m = s2s.inFlight().find((x) => x.id === t.id);
      return m ? `Message #${t.id}: ${tokenText(m.body)}` : `Message #${t.id}`;
    }
    case 'share': {
      const p = s2s.recordConnections(t.org).find((x) => x.Id === t.pnrcId);
      return p
        ? `Shared ${p.object} ${recordName(s2s, t.org, p.LocalRecordId)} in ${orgName(s2s, t.org)}`
        : 'Shared record';
    }
  }
}
