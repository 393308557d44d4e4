import type Decimal from "decimal.js";
import { Dec, ONE } from "./decimal";
import { pct } from "./format";
import { deviationShare, negativeShare, positiveShare, type Share } from "./methods";
import type { Profile } from "./profiles";
import {
  compareDays,
  isDuration,
  normalizeValueText,
  readValue,
  type ValueReader,
  type Direction,
  type Quantity,
  type Reading,
} from "./quantity";
import { judgeWords, LEVEL_NAMES, levelOfRatio } from "./qualitative";
import { quote } from "./prompts";
import { comparableText, stripSpace } from "./text";
import { align, isAligned, pairQuantities, type Aligned } from "./units";
import { STATED_COMPLETION } from "./vocabulary";
import type { Method, PromptKind, QualitativeLevel } from "./types";

/** The budget figures an indicator may mirror (in 元), with their printing tolerance. */
export interface BudgetMirror {
  readonly annual: Decimal | null;
  readonly initial: Decimal | null;
  readonly executed: Decimal | null;
  /** Half a unit of the last printed decimal of the budget cells, in 元. */
  readonly tolerance: Decimal;
}

export interface IndicatorInput {
  readonly target: string;
  readonly actual: string;
  readonly rule: string;
  readonly name: string;
  readonly level1: string;
  readonly level2: string;
}

export interface PendingPrompt {
  readonly kind: PromptKind;
  readonly message: string;
  /** The prompt is about the target cell (else the actual). */
  readonly onTarget?: boolean;
  /**
   * The accountant judges this row: a score typed within the weight is kept without the prompt
   * (no level word found; a duration target against a date actual).
   */
  readonly unlessScored?: boolean;
}

/** What an indicator is, before any weight: its method, level or ratio, and how it was decided. */
export interface Evaluation {
  readonly method: Method;
  readonly why: string;
  readonly level: QualitativeLevel | null;
  /** The share of the weight for quantitative methods (qualitative shares depend on a typed score). */
  readonly share: Share | null;
  readonly met: boolean | null;
  readonly completion: Decimal | null;
  readonly budgetMirror: boolean;
  /** Same text, achieved (§2). */
  readonly sameText: boolean;
  readonly notes: readonly string[];
  readonly prompts: readonly PendingPrompt[];
  /** Amounts for a rate tolerance check (budget mirror). */
  readonly operands: {
    readonly a: Decimal;
    readonly b: Decimal;
    readonly aDigits: string;
    readonly bDigits: string;
  } | null;
}

const LOWER_IS_BETTER_NAME = /成本|费用|经费|支出|投诉|事故|差错|错误率|故障|发生率|下降率/;
const TIME_NAME = /速度|时长|时限|响应|办理|时间/;
const DEADLINE_WORDS = /按时|按期|如期|已完成|按进度完成|完成|及时/;

function manual(why: string, prompts: PendingPrompt[] = [], notes: string[] = []): Evaluation {
  return {
    method: "manual",
    why,
    level: null,
    share: null,
    met: null,
    completion: null,
    budgetMirror: false,
    sameText: false,
    notes,
    prompts,
    operands: null,
  };
}

function qualitative(
  level: QualitativeLevel,
  why: string,
  extra: Partial<Evaluation> = {}
): Evaluation {
  return {
    method: "qualitative",
    why,
    level,
    share: null,
    met: level === "achieved",
    completion: level === "achieved" ? ONE : null,
    budgetMirror: false,
    sameText: false,
    notes: [],
    prompts: [],
    operands: null,
    ...extra,
  };
}

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
function quantitativeMethod(
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
  if ((target.date || target.recurringDay !== null) && !t0) return deadline(target, actual, input);
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
  if (!t0) return judgeActualWords(input.actual, "目标值为文字描述");
  return manual("无法识别目标与实际", [
    { kind: "unparseable", message: `无法识别${quote(input.target)}与${quote(input.actual)}` },
  ]);
}

const MAY_STATE_COMPLETION = /达成|达到|完成/;

/** 达成预期目标80%, 完成率95%, 完成目标的80% → 0.8, 0.95, 0.8. */
function statedCompletion(actual: string): { ratio: Decimal; text: string } | null {
  if ((!actual.includes("%") && !actual.includes("％")) || !MAY_STATE_COMPLETION.test(actual))
    return null;
  const m = STATED_COMPLETION.exec(normalizeValueText(actual));
  const digits = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  if (!digits) return null;
  return { ratio: new Dec(digits).dividedBy(100), text: `${digits}%` };
}

function judgeActualWords(actualText: string, why: string): Evaluation {
  const judged = judgeWords(actualText);
  if (!judged) {
    return manual(`${why}；实际值${quote(actualText)}中没有可判断等级的词`, [
      {
        kind: "qualitative-judgement",
        message: `实际值${quote(actualText)}无法判断达成等级，请人工评分`,
        unlessScored: true,
      },
    ]);
  }
  return qualitative(
    judged.level,
    `${why}，定性指标：“${judged.word}”判为${LEVEL_NAMES[judged.level]}`
  );
}

function deadline(target: Reading, actual: Reading, input: IndicatorInput): Evaluation {
  const due = target.date;
  const why = "目标为期限";
  const missed = {
    kind: "deadline-missed" as const,
    message: `实际${quote(input.actual)}晚于期限${quote(input.target)}`,
  };
  if (target.recurringDay !== null && actual.recurringDay !== null) {
    if (!actual.recurringLate && actual.recurringDay <= target.recurringDay)
      return qualitative("achieved", `${why}，每月期限内完成`);
    // 偶有次月10日后: late now and then is partial where the words say so
    const judged = judgeWords(input.actual);
    const level = judged && judged.level !== "achieved" ? judged.level : "partial";
    return qualitative(
      level,
      `${why}，实际晚于每月期限${judged ? `，“${judged.word}”判为${LEVEL_NAMES[level]}` : ""}`,
      { prompts: [missed] }
    );
  }
  if (actual.date && due) {
    if (compareDays(actual.date, due) <= 0)
      return qualitative("achieved", `${why}，实际日期在期限之内`);
    // done, late: 部分达成 (domain §2)
    return qualitative("partial", `${why}，实际日期晚于期限，逾期完成`, { prompts: [missed] });
  }
  if (DEADLINE_WORDS.test(stripSpace(input.actual))) {
    const judged = judgeWords(input.actual);
    if (judged && judged.level !== "achieved")
      return qualitative(judged.level, `${why}，“${judged.word}”判为${LEVEL_NAMES[judged.level]}`);
    return qualitative("achieved", `${why}，实际${quote(input.actual)}按时完成`);
  }
  return judgeActualWords(input.actual, why);
}

function quantitative(
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
