import type Decimal from "decimal.js";
import { Dec, ONE } from "./decimal";
import { pct } from "./format";
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
  // §9: achievement words of forms never seen (已实现 and 已完成 are 实现 and 完成)
  "有利于",
  "全天候",
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
  if (ratio.greaterThanOrEqualTo(ONE)) return "achieved";
  if (ratio.greaterThanOrEqualTo(profile.bands.partial.min)) return "partial";
  return "failed";
}

/** A level's band read once per profile: its ends, its default share and how it is said. */
interface LevelBand {
  readonly min: Decimal;
  readonly max: Decimal;
  /** Top of the band for 达成, the middle for the others (written only without a typed score). */
  readonly share: Decimal;
  /** 达成，区间 100%–80% */
  readonly words: string;
}

const bandCache = new WeakMap<Profile, Record<QualitativeLevel, LevelBand>>();

function levelBand(level: QualitativeLevel, profile: Profile): LevelBand {
  let bands = bandCache.get(profile);
  if (!bands) {
    const read = (lv: QualitativeLevel): LevelBand => {
      const min = new Dec(profile.bands[lv].min);
      const max = new Dec(profile.bands[lv].max);
      const share = lv === "achieved" ? max : min.plus(max).dividedBy(2);
      return { min, max, share, words: `${LEVEL_NAMES[lv]}，区间 ${pct(max)}–${pct(min)}` };
    };
    bands = { achieved: read("achieved"), partial: read("partial"), failed: read("failed") };
    bandCache.set(profile, bands);
  }
  return bands[level];
}

export function band(level: QualitativeLevel, profile: Profile): { min: Decimal; max: Decimal } {
  return levelBand(level, profile);
}

/** The level and its band as an explanation says them: 达成，区间 100%–80%. */
export function bandWords(level: QualitativeLevel, profile: Profile): string {
  return levelBand(level, profile).words;
}

/** Top of the band for 达成, the middle for the others (written only without a typed score). */
export function defaultShare(level: QualitativeLevel, profile: Profile): Decimal {
  return levelBand(level, profile).share;
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
