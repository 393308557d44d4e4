/** One indicator evaluated (domain §2–§3): its method chosen in the order the rules give. */
import { ONE } from "./decimal";
import { pct } from "./format";
import { positiveShare, type Share } from "./methods";
import type { Profile } from "./profiles";
import { quote } from "./prompts";
import { isDuration, readValue, type ValueReader } from "./quantity";
import { LEVEL_NAMES, levelOfRatio } from "./qualitative";
import { comparableText, stripSpace } from "./text";
import {
  manual,
  qualitative,
  type BudgetMirror,
  type Evaluation,
  type IndicatorInput,
} from "./evaluation";
import { quantitative, quantitativeMethod } from "./evaluateNumbers";
import { deadline, judgeActualWords, percentDone, statedCompletion } from "./evaluateWords";

/**
 * Evaluate one indicator (domain §2–§3): read target and actual, choose the method in the
 * order the rules give, and compute its ratio or level. Weight-free, so that Hubei's implied
 * weights can be derived from which rows are fully met.
 */
export function evaluateIndicator(
  input: IndicatorInput,
  profile: Profile,
  budget: BudgetMirror | null,
  read: ValueReader = readValue
): Evaluation {
  const target = read(input.target);
  const actual = read(input.actual);
  if (target.status === "na" || actual.status === "na") return manual("目标值或实际值为“不适用”");
  if (actual.status === "error")
    return manual("实际值无法识别", [
      { kind: "unparseable", message: `${quote(input.actual)}不是数值` },
    ]);
  if (target.status === "error")
    return manual("目标值无法识别", [
      { kind: "unparseable", message: `目标值${quote(input.target)}不是数值`, onTarget: true },
    ]);
  if (actual.status === "empty")
    return manual("实际完成值未填写", [{ kind: "missing-value", message: "实际完成值未填写" }]);
  // a framework row (项目决策, 项目过程…) with no target and a sentence actual: the accountant scores it
  if (target.status === "empty" && input.framework && stripSpace(actual.words) !== "")
    return manual("框架指标的实际为文字说明、目标未填，按人工评分");
  if (target.status === "empty")
    return manual("目标值未填写", [
      { kind: "missing-value", message: "目标值未填写", onTarget: true },
    ]);

  const rule = stripSpace(input.rule);
  const proportionalRule = rule.includes("按照完成比例赋分") || rule.includes("按完成比例赋分");
  const gradedRule = rule.includes("按评判等级赋分");
  const t0 = target.quantities[0];

  // Same text, achieved: the method is what the target alone implies, ratio 1, full score.
  if (comparableText(input.target) === comparableText(input.actual)) {
    if (gradedRule || !t0) {
      return qualitative("achieved", "实际值与目标值相同，达成", {
        sameText: true,
        completion: ONE,
      });
    }
    const q = quantitativeMethod(t0, undefined, input, profile, budget, proportionalRule);
    const share: Share = {
      share: ONE,
      ratio: ONE,
      completion: ONE,
      met: true,
      overshoot: null,
      words: "实际值与目标值相同，完成率 100%",
    };
    return {
      method: q.method,
      why: q.why,
      level: null,
      share,
      met: true,
      completion: ONE,
      budgetMirror: q.mirror,
      sameText: true,
      notes: [],
      prompts: [],
      operands: null,
    };
  }

  const actualQuantities =
    actual.zero && t0
      ? [
          {
            ...t0,
            value: t0.value.times(0),
            digits: "0",
            source: input.actual.trim(),
            direction: "none" as const,
          },
        ]
      : actual.quantities;
  const bothNumbers = !!t0 && actualQuantities.length > 0;

  // An actual that states its own completion against a target that is not a percentage (§2).
  const stated = t0?.unit === "%" ? null : statedCompletion(input.actual);
  if (stated) {
    const share = positiveShare(
      { a: ONE, b: stated.ratio, aText: "100%", bText: stated.text },
      false,
      profile
    );
    const words = `实际写明完成比例 ${stated.text}`;
    if (gradedRule) {
      const level = levelOfRatio(stated.ratio, profile);
      return qualitative(level, `赋分规则为按评判等级赋分，${words}，判为${LEVEL_NAMES[level]}`);
    }
    return {
      method: "positive",
      why: `${words}，按该比例计分`,
      level: null,
      share: { ...share, words: `完成比例 ${stated.text}${share.words.replace(/^[^，；]*/, "")}` },
      met: share.met,
      completion: share.completion,
      budgetMirror: false,
      sameText: false,
      notes: [],
      prompts: [],
      operands: null,
    };
  }

  // 1. The form says so.
  if (gradedRule) {
    if (bothNumbers) {
      const ev = quantitative(target, actualQuantities, input, profile, budget, false);
      if (ev.method !== "manual" && ev.share?.ratio) {
        const ratio = ev.share.ratio; // in the target's direction: B ÷ A, or A ÷ B for at-most
        const level = levelOfRatio(ratio, profile);
        return qualitative(
          level,
          `赋分规则为按评判等级赋分，按完成比例 ${pct(ratio)} 判为${LEVEL_NAMES[level]}`,
          { notes: ev.notes }
        );
      }
    }
    return judgeActualWords(input.actual, "赋分规则为按评判等级赋分");
  }

  // Deadlines and dates.
  if ((target.date || target.recurringDay !== null) && !t0)
    return deadline(target, actual, input, profile);
  if (t0 && !bothNumbers) {
    if (actual.date && isDuration(t0))
      return manual("目标为时长、实际为日期，需人工判断", [
        {
          kind: "unit-mismatch",
          message: `目标${quote(input.target)}是时长，实际${quote(input.actual)}是日期，无法比较`,
          unlessScored: true,
        },
      ]);
    // 2. Words against a number target.
    return judgeActualWords(input.actual, "实际值为文字、目标为数值");
  }
  if (bothNumbers)
    return quantitative(target, actualQuantities, input, profile, budget, proportionalRule);
  // 7. The target is words.
  if (!t0)
    return (
      percentDone(actual, "目标值为文字描述", profile, input.name) ??
      judgeActualWords(input.actual, "目标值为文字描述")
    );
  return manual("无法识别目标与实际", [
    { kind: "unparseable", message: `无法识别${quote(input.target)}与${quote(input.actual)}` },
  ]);
}
