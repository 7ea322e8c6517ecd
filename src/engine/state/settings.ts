/**
 * Sandbox-wide settings. Each one models a rule S2S-FACTS.md marks [sandbox choice] or
 * configurable; the defaults are the documented ones.
 */
export interface SandboxSettings {
  /** SYNC-3: 'arrival' (Salesforce: the later arrival wins) or 'lastWriterWins' by edit time. */
  conflictResolution: 'arrival' | 'lastWriterWins';
  /** SYNC-6: changes applied by the Connection User are not sent back where they came from. */
  suppressEcho: boolean;
  /** SYNC-6: whether automation's field updates caused by an inbound change are sent back. */
  sendAutomationChangesBack: boolean;
  /** SYNC-9: delay before a publication change reaches the subscriber (publication cache). */
  publicationDelayMs: number;
  /** REC-4: stopping sharing also deletes the partner's copy (Help documents keeping it). */
  deletePartnerCopyOnStop: boolean;
  /** Link settings a new connection's channels start with. */
  defaultLink: LinkSettings;
}

/** One direction of the network path between two orgs. */
export interface LinkSettings {
  latencyMs: number;
  /** Uniform jitter in [0, jitterMs) added to each message's latency. */
  jitterMs: number;
  paused: boolean;
  /** Chance that a delivery attempt fails; failed attempts are retried with backoff. */
  failRate: number;
  /** Chance that a delivered message is delivered a second time. */
  duplicateRate: number;
  /** Fault: jitter may let a later message overtake an earlier one on the wire. */
  reorder: boolean;
  /** Guarantee: the receiver applies a channel's messages in the order they were sent. */
  inOrder: boolean;
  /** Guarantee: a message delivered twice is applied once. */
  dedupe: boolean;
}

export const DEFAULT_LINK: LinkSettings = {
  latencyMs: 1000,
  jitterMs: 400,
  paused: false,
  failRate: 0,
  duplicateRate: 0,
  reorder: false,
  inOrder: true,
  dedupe: true,
};

export const DEFAULT_SETTINGS: SandboxSettings = {
  conflictResolution: 'arrival',
  suppressEcho: true,
  sendAutomationChangesBack: false,
  publicationDelayMs: 5000,
  deletePartnerCopyOnStop: false,
  defaultLink: DEFAULT_LINK,
};
