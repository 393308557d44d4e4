import Decimal from "decimal.js";
import { Dec, digitsDecimal, printedDecimals } from "./decimal";
import { cellText, stripSpace, toHalfWidth } from "./text";
import type { CellScalar } from "./types";

const CENT = new Dec("0.01");
/** A bare printed rate above this is a percentage (98.75), at or below it may be a fraction. */
const FRACTION_LIMIT = new Dec("1.5");
const SIMPLE_NUMBER = /^\d+(\.\d+)?$/;

/** A printed number as typed: "99.79分" → 99.79, "9.80" keeps its 2 decimals; null when not a number. */
export interface Printed {
  readonly value: Decimal;
  readonly decimals: number;
  readonly text: string;
  readonly percent: boolean;
}

export function readPrinted(raw: CellScalar | undefined, numberFormat?: string): Printed | null {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw === "number") {
    // no weight, score, rate or total of these forms is negative: -5 is not read (the caller prompts)
    if (!Number.isFinite(raw) || raw < 0) return null;
    const text = cellText(raw);
    const isPercentFormat = !!numberFormat && numberFormat.includes("%");
    return {
      value: new Dec(text),
      decimals: printedDecimals(text),
      text,
      percent: isPercentFormat,
    };
  }
  if (typeof raw !== "string") return null;
  if (SIMPLE_NUMBER.test(raw)) {
    return { value: digitsDecimal(raw), decimals: printedDecimals(raw), text: raw, percent: false };
  }
  const s = stripSpace(toHalfWidth(raw))
    .replace(/%%+/g, "%")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  const m = /^[=＝]?(\d+(?:\.\d+)?)(%|分)?$/.exec(s);
  if (!m) return null;
  const pct = m[2] === "%";
  const v = digitsDecimal(m[1]);
  return {
    value: pct ? v.dividedBy(100) : v,
    decimals: printedDecimals(m[1]),
    text: raw,
    percent: pct,
  };
}

/**
 * §4: a printed score agrees with the computed (unrounded) one when it equals it rounded or
 * truncated to its own decimals (only when it has 2 or more), or differs by less than 0.01.
 */
export function scoreAgrees(printed: Printed, computed: Decimal): boolean {
  if (printed.value.equals(computed)) return true; // the common case, without a subtraction
  if (printed.value.minus(computed).abs().lessThan(CENT)) return true;
  if (printed.decimals >= 2) {
    const dp = printed.decimals;
    if (computed.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).equals(printed.value)) return true;
    if (computed.toDecimalPlaces(dp, Decimal.ROUND_DOWN).equals(printed.value)) return true;
  }
  return false;
}

/**
 * §4: a printed rate (a fraction, with `decimals` counted in percent units when printed with %)
 * agrees when it equals the computed rate rounded or truncated to its own decimals, or lies
 * within the rates obtained from amounts within half a unit of their last printed decimal.
 */
export function rateAgrees(
  printedFraction: Decimal,
  percentDecimals: number,
  computed: Decimal,
  bounds?: RateBounds
): boolean {
  // compared as fractions: a percentage's d decimals are the fraction's d + 2
  const places = percentDecimals + 2;
  if (computed.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).equals(printedFraction)) return true;
  if (computed.toDecimalPlaces(places, Decimal.ROUND_DOWN).equals(printedFraction)) return true;
  if (bounds) {
    const { low, high } = bounds();
    const lo = low.toDecimalPlaces(places, Decimal.ROUND_DOWN);
    const hi = high.toDecimalPlaces(places, Decimal.ROUND_UP);
    if (printedFraction.greaterThanOrEqualTo(lo) && printedFraction.lessThanOrEqualTo(hi))
      return true;
  }
  return false;
}

/**
 * The range a rate may take given the digits its amounts print, computed the first time a
 * printed rate needs it (two divisions most rates never need).
 */
export type RateBounds = () => { readonly low: Decimal; readonly high: Decimal };

export function lazyBounds(make: () => { low: Decimal; high: Decimal }): RateBounds {
  let bounds: { low: Decimal; high: Decimal } | undefined;
  return () => (bounds ??= make());
}

const HALF_UNITS = Array.from({ length: 16 }, (_, dp) => new Dec(`5e-${dp + 1}`));

/** Half a unit of the last printed decimal of an amount: "1.75" → 0.005. */
export function halfUnit(digits: string): Decimal {
  const dp = printedDecimals(digits);
  return HALF_UNITS[dp] ?? new Dec(10).pow(-dp).dividedBy(2);
}

/**
 * A printed rate cell read as a fraction. With % it is a percentage; a bare number above 1.5
 * is a percentage (98.75); a bare number up to 1.5 is tried as a fraction and as a
 * percentage, and the reading that agrees with the computed rate wins (0.75 for 74.81%).
 */
export function readRate(
  raw: CellScalar | undefined,
  numberFormat: string | undefined,
  computed: Decimal | null,
  bounds?: RateBounds
): {
  fraction: Decimal;
  decimals: number;
  convention: "percent-text" | "bare-percent" | "fraction";
} | null {
  const p = readPrinted(raw, numberFormat);
  if (!p) return null;
  if (p.percent && typeof raw !== "number")
    return { fraction: p.value, decimals: p.decimals, convention: "percent-text" };
  if (p.percent) {
    // a number formatted 0.00%: decimals of the percentage as displayed
    const fmt = /\.(0+)%/.exec(numberFormat ?? "");
    return { fraction: p.value, decimals: fmt ? fmt[1].length : 0, convention: "fraction" };
  }
  // the percentage reading is made only where it is needed (most rates agree as fractions)
  const percentReading = (): {
    fraction: Decimal;
    decimals: number;
    convention: "bare-percent";
  } => ({ fraction: p.value.dividedBy(100), decimals: p.decimals, convention: "bare-percent" });
  if (p.value.greaterThan(FRACTION_LIMIT)) return percentReading();
  const asFraction = {
    fraction: p.value,
    decimals: Math.max(0, p.decimals - 2),
    convention: "fraction" as const,
  };
  if (computed) {
    if (rateAgrees(asFraction.fraction, asFraction.decimals, computed, bounds)) return asFraction;
    const asPercent = percentReading();
    if (rateAgrees(asPercent.fraction, asPercent.decimals, computed, bounds)) return asPercent;
    // neither agrees: take the reading closer to the computed rate
    return asFraction.fraction
      .minus(computed)
      .abs()
      .lessThan(asPercent.fraction.minus(computed).abs())
      ? asFraction
      : asPercent;
  }
  return asFraction;
}
