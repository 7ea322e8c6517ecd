// Precision and scale are about decimal digits, but a JS number prints in exponent form when it
// is very large or very small (1e21, 1e-7). Rebuild the plain decimal digits so both forms are
// judged alike.
export interface Digits {
  integer: number; // significant digits before the point (0 for 0.5)
  fraction: number; // digits after the point, trailing zeros dropped
}

export function digitsOf(n: number): Digits {
  const [mantissa = '0', exponent] = Math.abs(n).toString().split('e');
  const [intPart = '0', fracPart = ''] = mantissa.split('.');
  const all = intPart + fracPart;
  const point = intPart.length + (exponent === undefined ? 0 : Number(exponent));
  let whole: string;
  let frac: string;
  if (point <= 0) {
    whole = '';
    frac = '0'.repeat(-point) + all;
  } else if (point >= all.length) {
    whole = all + '0'.repeat(point - all.length);
    frac = '';
  } else {
    whole = all.slice(0, point);
    frac = all.slice(point);
  }
  return {
    integer: whole.replace(/^0+/, '').length,
    fraction: frac.replace(/0+$/, '').length,
  };
}
