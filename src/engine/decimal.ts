import Decimal from "decimal.js";

/**
 * The one Decimal constructor of the engine. Money, rates and scores never pass through
 * JavaScript floating point: a number handed over by a host is converted through its
 * shortest round-trip decimal string, which is exactly what Excel displays for it.
 */
// 28 significant digits: amounts to 10¹² 元 with 6 decimals and every ratio between them, with room to spare.
export const Dec = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

export function dec(value: string | number | Decimal): Decimal {
  return new Dec(value);
}

/** Number of decimals as printed ("9.80" → 2, "10" → 0). */
export function printedDecimals(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1].length : 0;
}

/**
 * Plain digits as written ("20", "9.80") as a Decimal. Whole numbers of up to 7 digits go
 * through decimal.js's small-integer path (exact: below 2⁵³, and the digits are the value).
 */
export function digitsDecimal(digits: string): Decimal {
  return digits.length <= 7 && !digits.includes(".") ? new Dec(Number(digits)) : new Dec(digits);
}

/** A number as an accountant writes it: no trailing zeros, no exponent. */
export function plain(value: Decimal): string {
  // decimal.js keeps no trailing zeros, so toFixed() is already plain; the check is cheap insurance
  const s = value.toFixed();
  return s.endsWith("0") && s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}
