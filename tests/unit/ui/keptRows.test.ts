import { describe, expect, it } from 'vitest';
import { keptRows } from '../../../src/ui/workspace/records/keptRows.ts';
import type { RecordListRow } from '../../../src/engine/queries/recordList.ts';

const row = (Id: string, fields: RecordListRow['fields'], sharing: string | null = null) => ({
  Id,
  name: `Name ${Id}`,
  fields,
  sharing,
});

describe('rows kept between two renders of a list page', () => {
  it('keeps the object of every unchanged row and takes the new one for a changed row', () => {
    const before = [row('1', { Phone: 'a' }), row('2', { Phone: 'b' }), row('3', { Phone: 'c' })];
    const now = [row('1', { Phone: 'a' }), row('2', { Phone: 'B' }), row('3', { Phone: 'c' })];
    const kept = keptRows(before, now);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(now[1]);
    expect(kept[2]).toBe(before[2]);
    expect(kept).toEqual(now);
  });

  it('takes a row anew when a field appears or goes, or its sharing or name changes', () => {
    const before = [row('1', { Phone: 'a' }), row('2', { Phone: 'b' }), row('3', {})];
    const now = [
      row('1', { Phone: 'a', Fax: 'f' }),
      row('2', { Phone: 'b' }, 'Shared with Globex'),
      { ...row('3', {}), name: 'Renamed' },
    ];
    const kept = keptRows(before, now);
    kept.forEach((r, i) => expect(r).toBe(now[i]));
    expect(keptRows([row('1', { Phone: 'a', Fax: 'f' })], [row('1', { Phone: 'a' })])[0]).toEqual(
      row('1', { Phone: 'a' }),
    );
  });

  it('follows the new page order and membership', () => {
    const before = [row('1', {}), row('2', {})];
    const now = [row('3', {}), row('1', {})];
    const kept = keptRows(before, now);
    expect(kept.map((r) => r.Id)).toEqual(['3', '1']);
    expect(kept[1]).toBe(before[0]);
  });
});
