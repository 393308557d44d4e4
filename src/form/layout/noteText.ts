import type Decimal from "decimal.js";
import type { Printed } from "../../engine/agree";
import { Dec, plain } from "../../engine/decimal";

/**
 * The sentences of the add-in's notes that are about the cell itself (pure): why a printed number
 * the rules compute a little differently is kept. §4: it agrees when it equals the computed value
 * truncated or rounded to its own decimals, or differs by less than 0.01.
 */
const CHINESE_DIGITS = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九"];

function places(n: number): string {
  return `${CHINESE_DIGITS[n] ?? String(n)}位小数`;
}

/** Why a printed number agrees with the computed (rounded) value shown beside it. */
export function agreementReason(printed: Printed, computed: Decimal): string {
  const dp = printed.decimals;
  const unit = new Dec(10).pow(-dp);
  if (
    dp >= 2 &&
    printed.value.lessThan(computed) &&
    computed.minus(printed.value).lessThanOrEqualTo(unit)
  )
    return `截断到${places(dp)}`;
  if (dp >= 2 && computed.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).equals(printed.value))
    return `四舍五入到${places(dp)}`;
  return "相差不到 0.01";
}

/** "填写 9.84 与计算值 9.85 相符（截断到两位小数），保留" */
export function keptSentence(printed: Printed, computed: Decimal): string {
  return `填写 ${printed.text.trim()} 与计算值 ${plain(computed)} 相符（${agreementReason(printed, computed)}），保留`;
}

/** Lines of a note with every repeated line left out (the first kept). */
export function distinctLines(lines: readonly string[]): string[] {
  return [...new Set(lines)];
}
