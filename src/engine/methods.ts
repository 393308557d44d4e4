import type Decimal from "decimal.js";
import { Dec, ONE, ZERO } from "./decimal";
import { n, pct } from "./format";
import type { Profile } from "./profiles";

/**
 * The quantitative scoring rules (domain §3) as pure functions of target A and actual B.
 * Each returns the share of the weight earned and the words that explain it; the caller
 * multiplies by the weight and rounds once.
 */
export interface Share {
  /** Fraction of the weight earned, 0..1. */
  readonly share: Decimal;
  /** B ÷ A (positive, deviation) or A ÷ B (negative); null where undefined (A = 0). */
  readonly ratio: Decimal | null;
  /** 完成率 as written or checked. */
  readonly completion: Decimal;
  readonly met: boolean;
  /** (B − A) ÷ A where B > A on a positive or deviation indicator. */
  readonly overshoot: Decimal | null;
  /** Words before "weight × share": "11 ÷ 16 = 68.75%". */
  readonly words: string;
}

const TWO_AND_HALF = new Dec("2.5");

function overshootDeduction(
  overshoot: Decimal,
  profile: Profile
): { deduct: Decimal; words: string } | null {
  for (const tier of profile.overshootDeductions) {
    const from = new Dec(tier.from);
    if (overshoot.lessThan(from)) continue;
    if (tier.to !== null && overshoot.greaterThanOrEqualTo(tier.to)) continue;
    const range = tier.to === null ? `≥ ${pct(from)}` : `${pct(from)}–${pct(new Dec(tier.to))}`;
    return {
      deduct: new Dec(tier.deduct),
      words: `超出目标 ${pct(overshoot)}（${range}），扣分值的 ${pct(new Dec(tier.deduct))}`,
    };
  }
  return null;
}

/** Target A and actual B as printed, for the words of an explanation. */
export interface Operands {
  readonly a: Decimal;
  readonly b: Decimal;
  readonly aText: string;
  readonly bText: string;
}

/**
 * 正向: ratio = B ÷ A; share = min(ratio, 1). A target of exactly 0 (=0, 0起, bare 0): full
 * when B = 0, else 0; ≥0 is always full.
 */
export function positiveShare(op: Operands, atLeastSign: boolean, profile: Profile): Share {
  const { a, b } = op;
  const label = `${op.bText} ÷ ${op.aText}`;
  if (a.isZero()) {
    const met = atLeastSign || b.isZero();
    const words = atLeastSign ? `目标 ≥0，视为完成` : `目标为 0，实际 ${n(b)}`;
    return {
      share: met ? ONE : ZERO,
      ratio: null,
      completion: met ? ONE : ZERO,
      met,
      overshoot: null,
      words,
    };
  }
  const ratio = b.dividedBy(a);
  const overshoot = b.greaterThan(a) ? b.minus(a).dividedBy(a) : null;
  const capped = Dec.min(ratio, ONE);
  let words = `${label} = ${pct(ratio)}`;
  if (ratio.greaterThan(ONE)) words += "，封顶 100%";
  let share = capped;
  if (overshoot) {
    const d = overshootDeduction(overshoot, profile);
    if (d) {
      share = ONE.minus(d.deduct);
      words += `；${d.words}`;
    }
  }
  return {
    share,
    ratio,
    completion: capped,
    met: ratio.greaterThanOrEqualTo(ONE),
    overshoot,
    words,
  };
}

/**
 * 反向: ratio = A ÷ B. "ratio" profiles (Hubei, Beijing: 权重*A/B) take min(ratio, 1); "linear"
 * (national) is full when B ≤ A, 1 − (B − A) ÷ A when A < B < 2A, 0 from B ≥ 2A. B = 0 is full
 * everywhere; a target of exactly 0 is full only when B = 0.
 */
export function negativeShare(op: Operands, profile: Profile): Share {
  const { a, b } = op;
  if (b.isZero()) {
    return {
      share: ONE,
      ratio: null,
      completion: ONE,
      met: true,
      overshoot: null,
      words: `实际为 0，反向指标得满分`,
    };
  }
  if (a.isZero()) {
    return {
      share: ZERO,
      ratio: ZERO,
      completion: ZERO,
      met: false,
      overshoot: null,
      words: `目标为 0，实际 ${n(b)}，不得分`,
    };
  }
  const ratio = a.dividedBy(b);
  const capped = Dec.min(ratio, ONE);
  const met = b.lessThanOrEqualTo(a);
  if (profile.negativeMethod === "ratio") {
    const words = `${op.aText} ÷ ${op.bText} = ${pct(ratio)}${ratio.greaterThan(ONE) ? "，封顶 100%" : ""}`;
    return { share: capped, ratio, completion: capped, met, overshoot: null, words };
  }
  if (met) {
    return {
      share: ONE,
      ratio,
      completion: capped,
      met,
      overshoot: null,
      words: `实际 ${op.bText} 未超过目标 ${op.aText}`,
    };
  }
  const excess = b.minus(a).dividedBy(a);
  const share = Dec.max(ZERO, ONE.minus(excess));
  return {
    share,
    ratio,
    completion: capped,
    met,
    overshoot: null,
    words: `超出目标 (${op.bText} − ${op.aText}) ÷ ${op.aText} = ${pct(excess)}，1 − ${pct(excess)}${excess.greaterThanOrEqualTo(ONE) ? "（超出一倍及以上为 0）" : ""}`,
  };
}

/**
 * 偏差法 (xinjiang 按照完成比例赋分): ratio = B ÷ A from the cells; under 1:
 * max(0, 1 − 2.5 × (1 − ratio)); over 1: max(0, 1 − (ratio − 1)). An at-most target with
 * B = 0 scores full, 完成率 100%.
 */
export function deviationShare(op: Operands, atMost: boolean): Share {
  const { a, b } = op;
  const label = `${op.bText} ÷ ${op.aText}`;
  if (atMost && b.isZero()) {
    return {
      share: ONE,
      ratio: ZERO,
      completion: ONE,
      met: true,
      overshoot: null,
      words: `上限目标，实际为 0，完成率 100%`,
    };
  }
  if (a.isZero()) {
    const met = b.isZero();
    return {
      share: met ? ONE : ZERO,
      ratio: null,
      completion: met ? ONE : ZERO,
      met,
      overshoot: null,
      words: `目标为 0，实际 ${n(b)}`,
    };
  }
  const ratio = b.dividedBy(a);
  if (ratio.equals(ONE))
    return {
      share: ONE,
      ratio,
      completion: ONE,
      met: true,
      overshoot: null,
      words: `${label} = 100%`,
    };
  if (ratio.lessThan(ONE)) {
    const gap = ONE.minus(ratio);
    const share = Dec.max(ZERO, ONE.minus(TWO_AND_HALF.times(gap)));
    return {
      share,
      ratio,
      completion: ratio,
      met: false,
      overshoot: null,
      words: `${label} = ${pct(ratio)}，1 − 2.5 × ${pct(gap)} = ${pct(share)}`,
    };
  }
  const over = ratio.minus(ONE);
  const share = Dec.max(ZERO, ONE.minus(over));
  return {
    share,
    ratio,
    completion: ratio,
    met: false,
    overshoot: atMost ? null : over,
    words: `${label} = ${pct(ratio)}，1 − ${pct(over)} = ${pct(share)}`,
  };
}

/**
 * The share of the weight a printed rate gives under a method, for §4's "a score that follows
 * from the row's printed rate, where that rate agrees": null where the share is not a function
 * of the rate alone (national linear negative, an overshoot deduction).
 */
export function shareFromRate(
  method: "capped" | "positive" | "negative" | "deviation",
  rate: Decimal,
  profile: Profile
): Decimal | null {
  if (method === "deviation") {
    if (rate.lessThan(ONE)) return Dec.max(ZERO, ONE.minus(TWO_AND_HALF.times(ONE.minus(rate))));
    return Dec.max(ZERO, ONE.minus(rate.minus(ONE)));
  }
  if (method === "negative" && profile.negativeMethod !== "ratio") return null;
  return Dec.min(rate, ONE);
}
