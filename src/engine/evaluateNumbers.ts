/**
 * A numeric target against numeric actuals (domain §2, rules 3–6): the method (positive, negative,
 * deviation), pairs of quantities aligned in one unit, and the share of the weight they earn.
 */
import type Decimal from "decimal.js";
import { deviationShare, negativeShare, positiveShare, type Share } from "./methods";
import type { Profile } from "./profiles";
import { quote } from "./prompts";
import { isDuration, type Direction, type Quantity, type Reading } from "./quantity";
import { stripSpace } from "./text";
import { BAD_RATE_NAME, COVERAGE_RATE_NAME, LOWER_IS_BETTER_NAME } from "./vocabulary";
import { align, isAligned, pairQuantities, type Aligned } from "./units";
import {
  manual,
  type BudgetMirror,
  type Evaluation,
  type IndicatorInput,
  type PendingPrompt,
} from "./evaluation";

const TIME_NAME = /速度|时长|时限|响应|办理|时间/;

/** Rule 4: the target equals the form's 全年预算数 or 年初预算数, or the actual its 全年执行数. */
function mirrorsBudget(t: Quantity, b: Quantity | undefined, budget: BudgetMirror | null): boolean {
  if (!budget || t.direction !== "none") return false;
  if (t.unit !== "元" && t.unit !== "") return false;
  const close = (q: Quantity, v: Decimal | null): boolean => {
    if (!v) return false;
    // a bare number is read in the budget's unit (万元 where the header says so)
    const asMoney = q.unit === "元" ? q.value : null;
    const candidates = asMoney ? [asMoney] : [q.value.times(10000), q.value];
    return candidates.some((c) => c.minus(v).abs().lessThanOrEqualTo(budget.tolerance));
  };
  return close(t, budget.annual) || close(t, budget.initial) || (!!b && close(b, budget.executed));
}

function isLowerBetter(t: Quantity, input: IndicatorInput): string | null {
  const costGroup = /成本/.test(input.level2) || /成本/.test(input.level1);
  if (costGroup && (t.unit === "元" || t.unit === "")) return "成本指标的金额目标，越低越好";
  const name = stripSpace(input.name);
  if (/时效/.test(input.level2) && isDuration(t) && TIME_NAME.test(name))
    return `时效指标“${name}”以时长为目标，越短越好`;
  // a coverage or timeliness rate against a percentage is higher-is-better, unless a bad rate
  if (t.unit === "%" && COVERAGE_RATE_NAME.test(name) && !BAD_RATE_NAME.test(name)) return null;
  const word = LOWER_IS_BETTER_NAME.exec(name);
  if (word) return `名称含“${word[0]}”，越低越好`;
  return null;
}

/** The method a target implies on its own (rules 3–7), used for same-text rows too. */
function directionOf(t: Quantity, profile: Profile): Direction {
  return t.direction === "none" ? profile.equalTarget : t.direction;
}

interface Quant {
  readonly method: "positive" | "negative" | "deviation";
  readonly why: string;
  readonly mirror: boolean;
  readonly atMost: boolean;
}

/** Rules 3–6 for a numeric target. */
export function quantitativeMethod(
  t: Quantity,
  b: Quantity | undefined,
  input: IndicatorInput,
  profile: Profile,
  budget: BudgetMirror | null,
  proportional: boolean
): Quant {
  const atMost = t.direction === "atMost";
  if (proportional && profile.proportionalMethod === "deviation") {
    return { method: "deviation", why: "赋分规则为按照完成比例赋分", mirror: false, atMost };
  }
  if (t.direction === "atLeast")
    return { method: "positive", why: "目标值带“≥/不少于”等", mirror: false, atMost };
  if (t.direction === "atMost")
    return { method: "negative", why: "目标值带“≤/不超过”等", mirror: false, atMost };
  if (mirrorsBudget(t, b, budget))
    return { method: "positive", why: "与预算执行率一致（目标为预算数）", mirror: true, atMost };
  const lower = isLowerBetter(t, input);
  if (lower) return { method: "negative", why: lower, mirror: false, atMost: true };
  return {
    method: directionOf(t, profile) === "atMost" ? "negative" : "positive",
    why: proportional ? "赋分规则为按照完成比例赋分" : "目标与实际均为数值",
    mirror: false,
    atMost,
  };
}

function shareOf(q: Quant, al: Aligned, t: Quantity, profile: Profile): Share {
  const op = { a: al.a, b: al.b, aText: al.aText, bText: al.bText };
  if (q.method === "deviation") return deviationShare(op, q.atMost);
  if (q.method === "negative") return negativeShare(op, profile);
  return positiveShare(op, t.direction === "atLeast", profile);
}

/** Every pair of quantities compared; the pair with the lowest share decides the row. */
export function quantitative(
  target: Reading,
  actualQuantities: readonly Quantity[],
  input: IndicatorInput,
  profile: Profile,
  budget: BudgetMirror | null,
  proportional: boolean
): Evaluation {
  const pairing = pairQuantities(target.quantities, actualQuantities, profile);
  const pairs = pairing?.pairs;
  if (!pairing || !pairs) {
    return manual("目标与实际的多个数值无法一一对应", [
      {
        kind: "multi-value",
        message: `目标${quote(input.target)}与实际${quote(input.actual)}含多个数值，无法一一对应，请人工评分`,
      },
    ]);
  }
  const notes: string[] = [];
  const prompts: PendingPrompt[] = [];
  if (pairing.leftOut.length > 0)
    notes.push(
      `目标中的 ${pairing.leftOut.map((q) => `“${q.source}”`).join("、")} 实际未填报，未计入比较`
    );
  let worst: { share: Share; q: Quant; al: Aligned } | null = null;
  for (const { t, b } of pairs) {
    const al = align(t, b, profile);
    if (!isAligned(al)) {
      return manual(al.mismatch, [
        { kind: "unit-mismatch", message: `${al.mismatch}，请人工评分` },
      ]);
    }
    // an interchangeable measure word (篇=条) is explained, not prompted: the form is right
    if (al.note) notes.push(al.note);
    const q = quantitativeMethod(t, b, input, profile, budget, proportional);
    const share = shareOf(q, al, t, profile);
    if (!worst || share.share.lessThan(worst.share.share)) worst = { share, q, al };
  }
  if (!worst) return manual("没有可比较的数值");
  if (pairs.length > 1) notes.push(`共 ${pairs.length} 组数值，取完成比例最低的一组`);
  const { share, q, al } = worst;
  return {
    method: q.method,
    why: q.why,
    level: null,
    share,
    met: share.met,
    completion: share.completion,
    budgetMirror: q.mirror,
    sameText: false,
    notes,
    prompts,
    operands: { a: al.a, b: al.b, aDigits: pairs[0].t.digits, bDigits: pairs[0].b.digits },
  };
}
