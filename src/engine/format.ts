import Decimal from "decimal.js";
import { plain } from "./decimal";

/** A fraction as a percentage for explanations: 0.6875 → "68.75%", 1 → "100%". */
export function pct(fraction: Decimal, decimals = 2): string {
  const shown = fraction.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  // 683.93 ÷ 683.92 is not "100%": show as many decimals as it takes to see the difference
  if (shown.equals(100) && !fraction.equals(1) && decimals < 6) return pct(fraction, decimals + 2);
  return `${plain(shown)}%`;
}

/** A score rounded once, as the profile says. */
export function roundScore(value: Decimal, decimals: number): Decimal {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

export function n(value: Decimal): string {
  return plain(value);
}
