import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  RECORD_SHARE_EVENTS,
  RECORD_SHARE_STATES,
  isRecordShareFinal,
  recordShareMachine,
  recordShareStatus,
  recordShareTable,
  type RecordShareEvent,
  type RecordShareState,
} from '../../../src/engine/machines/index.ts';

/** Steps the XState machine (pure API) and the table side by side; returns the final state. */
function run(events: readonly RecordShareEvent[]): RecordShareState {
  let [snapshot] = initialTransition(recordShareMachine);
  let state: RecordShareState = recordShareTable.initial;
  for (const type of events) {
    [snapshot] = transition(recordShareMachine, snapshot, { type });
    state = recordShareTable.next(state, type) ?? state;
    expect(snapshot.value).toBe(state);
  }
  return state;
}

const next = (state: RecordShareState, event: RecordShareEvent) =>
  recordShareTable.next(state, event);

const LIVE = ['accepted', 'synced', 'updating', 'failed'] as const;
const FINAL = ['stopped', 'deleted', 'converted', 'rejected'] as const;

describe('record share lifecycle (PartnerNetworkRecordConnection)', () => {
  it('REC-1: a forwarded record is Pending until the partner accepts, then Sent / Received', () => {
    expect(recordShareTable.initial).toBe('pending');
    expect(recordShareStatus('pending', 'sender')).toEqual({
      api: 'Pending',
      label: 'Pending (sent)',
    });
    expect(recordShareStatus('pending', 'receiver')).toEqual({ api: 'Pending', label: 'Pending' });
    expect(run(['ACCEPT'])).toBe('accepted');
    expect(run(['ACCEPT', 'UPDATE_APPLIED'])).toBe('synced');
    for (const state of LIVE) {
      expect(recordShareStatus(state, 'sender')).toEqual({ api: 'Sent', label: 'Active (sent)' });
      expect(recordShareStatus(state, 'receiver')).toEqual({
        api: 'Received',
        label: 'Active (received)',
      });
    }
  });

  it('REC-1: Inactive, Inactive (deleted), Inactive (converted) on both sides', () => {
    const labels = {
      stopped: 'Inactive',
      deleted: 'Inactive (deleted)',
      converted: 'Inactive (converted)',
      rejected: 'Inactive',
    } as const;
    for (const state of FINAL) {
      for (const side of ['sender', 'receiver'] as const) {
        expect(recordShareStatus(state, side)).toEqual({ api: 'Inactive', label: labels[state] });
      }
    }
  });

  it('REC-2: the receiver can reject a pending record; a decision after acceptance is ignored', () => {
    expect(run(['REJECT'])).toBe('rejected');
    for (const state of LIVE) {
      expect(next(state, 'ACCEPT')).toBeUndefined();
      expect(next(state, 'REJECT')).toBeUndefined();
    }
  });

  it('REC-4: Stop Sharing from either side ends the share; updates after it are ignored', () => {
    expect(run(['STOP_SHARING'])).toBe('stopped');
    for (const state of LIVE) expect(next(state, 'STOP_SHARING')).toBe('stopped');
    expect(run(['ACCEPT', 'UPDATE_APPLIED', 'STOP_SHARING', 'SEND_UPDATE', 'RECEIVE_UPDATE'])).toBe(
      'stopped',
    );
    for (const type of [
      'SEND_UPDATE',
      'RECEIVE_UPDATE',
      'UPDATE_APPLIED',
      'UPDATE_FAILED',
    ] as const) {
      expect(next('stopped', type)).toBeUndefined();
    }
  });

  it('REC-5: the partner deleting its copy ends the share as Inactive (deleted)', () => {
    expect(run(['PARTNER_DELETED'])).toBe('deleted');
    for (const state of LIVE) expect(next(state, 'PARTNER_DELETED')).toBe('deleted');
    expect(next('deleted', 'RECEIVE_UPDATE')).toBeUndefined();
  });

  it('REC-5: the partner converting a shared Lead ends the share as Inactive (converted)', () => {
    expect(run(['ACCEPT', 'PARTNER_CONVERTED'])).toBe('converted');
    for (const state of LIVE) expect(next(state, 'PARTNER_CONVERTED')).toBe('converted');
    // Status changes made by the conversion are not applied afterwards.
    expect(next('converted', 'RECEIVE_UPDATE')).toBeUndefined();
  });

  it('SYNC-5: a failed update shows failed; a later update can succeed and return to synced', () => {
    expect(run(['ACCEPT', 'UPDATE_APPLIED', 'RECEIVE_UPDATE', 'UPDATE_FAILED'])).toBe('failed');
    expect(
      run([
        'ACCEPT',
        'UPDATE_APPLIED',
        'SEND_UPDATE',
        'UPDATE_FAILED',
        'SEND_UPDATE',
        'UPDATE_APPLIED',
      ]),
    ).toBe('synced');
    expect(next('failed', 'UPDATE_APPLIED')).toBe('synced');
    expect(next('failed', 'RECEIVE_UPDATE')).toBe('updating');
  });

  it('SYNC-5: nothing flows before acceptance: update events on a pending record are ignored', () => {
    for (const type of [
      'SEND_UPDATE',
      'RECEIVE_UPDATE',
      'UPDATE_APPLIED',
      'UPDATE_FAILED',
    ] as const) {
      expect(next('pending', type)).toBeUndefined();
    }
  });

  it('CONN-6: deactivation removes pending records and stops accepted ones', () => {
    expect(run(['CONNECTION_DEACTIVATED'])).toBe('rejected');
    for (const state of LIVE) expect(next(state, 'CONNECTION_DEACTIVATED')).toBe('stopped');
  });

  it('REC-6: an ended share is final: no event leaves stopped, deleted, converted or rejected', () => {
    for (const state of RECORD_SHARE_STATES) {
      expect(isRecordShareFinal(state)).toBe((FINAL as readonly string[]).includes(state));
    }
    for (const state of FINAL) {
      const snapshot = recordShareMachine.resolveState({ value: state });
      expect(snapshot.status).toBe('done');
      for (const type of RECORD_SHARE_EVENTS) {
        expect(next(state, type)).toBeUndefined();
        expect(snapshot.can({ type })).toBe(false);
      }
    }
  });
});
