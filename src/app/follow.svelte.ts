import type { S2S } from '../engine/api.ts';

/** The record a person follows: where they picked it. */
export interface FollowedRecord {
  org: string;
  recordId: string;
  /** What to call it on screen (the record's name). */
  name: string;
}

/** One org's copy of a followed record: its record Id, or null while it waits to be accepted. */
export interface RecordCopy {
  org: string;
  recordId: string | null;
  shareKeys: string[];
}

export interface FollowedCopies {
  copies: RecordCopy[];
  /** Every share linking the copies: the messages about them carry one of these. */
  shareKeys: Set<string>;
}

/**
 * "Follow this record": the canvas (and the timeline) show only the followed record's messages
 * and mark its copies. A view choice, not a change to the sandbox, so not a command.
 */
export class FollowState {
  record = $state.raw<FollowedRecord | null>(null);
  private resolve: CopiesResolver | null = null;

  /** `resolve` finds the copies (`copiesOf` in followCopies.ts), loaded with the screen that starts following. */
  start(record: FollowedRecord, resolve: CopiesResolver) {
    this.resolve = resolve;
    this.record = record;
  }

  stop() {
    this.record = null;
  }

  /** The followed record's copies and shares as the sandbox is now; ask again after it changes. */
  copies(s2s: S2S): FollowedCopies | null {
    const r = this.record;
    return r && this.resolve ? this.resolve(s2s, r.org, r.recordId) : null;
  }
}

export type CopiesResolver = (s2s: S2S, org: string, recordId: string) => FollowedCopies;

export const follow = new FollowState();
