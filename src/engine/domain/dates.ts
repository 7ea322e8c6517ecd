// Dates travel as 'YYYY-MM-DD' and datetimes as ISO 8601 strings, so they sort and compare as
// text and survive JSON untouched. Salesforce accepts years 1700 to 4000.
export const MIN_YEAR = 1700;
export const MAX_YEAR = 4000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(?:Z|[+-](\d{2}):(\d{2}))$/;

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC keeps it free of local time zones.
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

export type DateCheck = 'ok' | 'format' | 'range';

export function checkDate(value: string): DateCheck {
  const m = DATE.exec(value);
  if (!m) return 'format';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(y, mo, d)) return 'format';
  return y < MIN_YEAR || y > MAX_YEAR ? 'range' : 'ok';
}

export function checkDateTime(value: string): DateCheck {
  const m = DATE_TIME.exec(value);
  if (!m) return 'format';
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return 'format';
  if (m[7] !== undefined && (Number(m[7]) > 14 || Number(m[8]) > 59)) return 'format';
  return y < MIN_YEAR || y > MAX_YEAR ? 'range' : 'ok';
}
