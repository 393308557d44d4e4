import type Decimal from "decimal.js";
import { Dec } from "./decimal";
import type { Profile } from "./profiles";
import { stripSpace, toHalfWidth } from "./text";
import type { QualitativeLevel } from "./types";

/** Negations of achievement only; 无误, 无事故, 未产生浪费, 未发生, 不断 are not failures. */
const FAILED = [
  "未完成",
  "未达到",
  "未达成",
  "未实现",
  "未支付",
  "未按时",
  "没有完成",
  "不达标",
  "不合格",
  "较差",
  "差距较大",
];
// 偶有 / 个别 (now and then late, a few missing) read as partial: see docs/decisions.md
const PARTIAL = ["基本", "部分", "大部分", "有待", "一般", "偶有", "个别"];
const ACHIEVED = [
  "达成",
  "达到",
  "完成",
  "实现",
  "符合",
  "满足",
  "按时",
  "及时",
  "提升",
  "良好",
  "较好",
  "较高",
  "比较",
  "显著",
  "长期坚持",
  "正常",
  "有效",
  "是",
  "安全无误",
  "很强",
  "较强",
  "增强",
];

export const LEVEL_NAMES: Readonly<Record<QualitativeLevel, string>> = {
  achieved: "达成预期指标",
  partial: "部分达成并具有一定效果",
  failed: "未达成且效果较差",
};

/**
 * Judge an actual written in words into a level: a failure phrase wins over a partial word, a
 * partial word over an achieved word. Null when no listed word is there: the add-in never
 * invents a level.
 */
export function judgeWords(text: string): { level: QualitativeLevel; word: string } | null {
  const s = stripSpace(toHalfWidth(text));
  const failed = FAILED.find((w) => s.includes(w));
  if (failed) return { level: "failed", word: failed };
  const partial = PARTIAL.find((w) => s.includes(w));
  if (partial) return { level: "partial", word: partial };
  const achieved = ACHIEVED.find((w) => s.includes(w));
  if (achieved) return { level: "achieved", word: achieved };
  return null;
}

/** A numeric actual judged by its ratio in the target's direction (按评判等级赋分). */
export function levelOfRatio(ratio: Decimal, profile: Profile): QualitativeLevel {
  if (ratio.greaterThanOrEqualTo(1)) return "achieved";
  if (ratio.greaterThanOrEqualTo(profile.bands.partial.min)) return "partial";
  return "failed";
}

const bandCache = new WeakMap<Profile, Record<QualitativeLevel, { min: Decimal; max: Decimal }>>();

export function band(level: QualitativeLevel, profile: Profile): { min: Decimal; max: Decimal } {
  let bands = bandCache.get(profile);
  if (!bands) {
    const parse = (b: { min: string; max: string }): { min: Decimal; max: Decimal } => ({
      min: new Dec(b.min),
      max: new Dec(b.max),
    });
    bands = {
      achieved: parse(profile.bands.achieved),
      partial: parse(profile.bands.partial),
      failed: parse(profile.bands.failed),
    };
    bandCache.set(profile, bands);
  }
  return bands[level];
}

/** Top of the band for 达成, the middle for the others (written only without a typed score). */
export function defaultShare(level: QualitativeLevel, profile: Profile): Decimal {
  const { min, max } = band(level, profile);
  return level === "achieved" ? max : min.plus(max).dividedBy(2);
}

/** Whether a typed score lies inside the judged band (both ends included). */
export function inBand(
  score: Decimal,
  weight: Decimal,
  level: QualitativeLevel,
  profile: Profile
): boolean {
  const { min, max } = band(level, profile);
  return (
    score.greaterThanOrEqualTo(weight.times(min)) && score.lessThanOrEqualTo(weight.times(max))
  );
}
