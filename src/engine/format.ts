import Decimal from "decimal.js";
import { ONE, plain } from "./decimal";

/** A fraction as a percentage for explanations: 0.6875 → "68.75%", 1 → "100%". */
export function pct(fraction: Decimal, decimals = 2): string {
  // rounded as a fraction to decimals + 2 places: the same digits as the percentage rounded to
  // decimals, without a multiplication
  const rounded = roundHalfUp(fraction, decimals + 2);
  // 683.93 ÷ 683.92 is not "100%": show as many decimals as it takes to see the difference
  if (decimals < 6 && rounded.equals(ONE) && !fraction.equals(ONE))
    return pct(fraction, decimals + 2);
  return `${hundredfold(plain(rounded))}%`;
}

/** A plain decimal string times 100, by moving its point: "0.6875" → "68.75", "1.2" → "120". */
function hundredfold(digits: string): string {
  const point = digits.indexOf(".");
  const int = point < 0 ? digits : digits.slice(0, point);
  const frac = point < 0 ? "" : digits.slice(point + 1);
  const moved = frac.length >= 2 ? frac.slice(0, 2) : frac.padEnd(2, "0");
  const rest = frac.length > 2 ? `.${frac.slice(2)}` : "";
  if (int === "0") return moved[0] === "0" ? `${moved[1]}${rest}` : `${moved}${rest}`;
  if (int === "-0") return moved[0] === "0" ? `-${moved[1]}${rest}` : `-${moved}${rest}`;
  return `${int}${moved}${rest}`;
}

/** A score rounded once, as the profile says. */
export function roundScore(value: Decimal, decimals: number): Decimal {
  return roundHalfUp(value, decimals);
}

/** Rounded half up to `places` decimals; a value that has no more is itself (no new Decimal). */
function roundHalfUp(value: Decimal, places: number): Decimal {
  return value.decimalPlaces() <= places
    ? value
    : value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function n(value: Decimal): string {
  return plain(value);
}

/** Digits with thousands separators, sign and decimals kept: "-1234567.89" → "-1,234,567.89". */
export function groupThousands(fixed: string): string {
  const point = fixed.indexOf(".");
  const int = point < 0 ? fixed : fixed.slice(0, point);
  return `${int.replace(/\B(?=(\d{3})+$)/g, ",")}${point < 0 ? "" : fixed.slice(point)}`;
}
