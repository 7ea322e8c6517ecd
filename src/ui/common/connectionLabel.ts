import { atTime } from './format.ts';

export interface LabelledConnection {
  name: string;
  /** ConnectionStatus API value (CONN-2). */
  status: string;
  /** The status as Salesforce labels it. */
  statusLabel: string;
  /** Virtual time the connection took its status. */
  since: number;
}

/**
 * A connection as every list names it: an Active one by its name alone, any other with its
 * status and since when ("Globex Corp · Inactive since t = 40.0 s"), so connections to the same
 * partner are told apart.
 */
export function connectionLabel(c: LabelledConnection): string {
  if (c.status === 'Accepted') return c.name;
  return `${c.name} · ${c.statusLabel} since ${atTime(c.since)}`;
}
