/** Form-level checks (domain §3–§4): weights, deviation reasons, the money reason, the printed parts. */
import Decimal from "decimal.js";
import { Dec, ZERO } from "./decimal";
import { n, pct } from "./format";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { LEVEL_NAMES } from "./qualitative";
import { stripSpace, withoutWeightMarks } from "./text";
import type { Form, FormResult, IndicatorResult, Prompt } from "./types";
import { MONEY_REASON_WORDS } from "./vocabulary";
import type { FormWeights } from "./formWeights";
import { isBlank, text, type RowState } from "./rowState";

/**
 * The weights add up (domain §3): budget and groups or indicators to 100, each group's rows to
 * its printed weight; the total of them all is returned with the prompts.
 */
export function checkWeights(
  form: Form,
  profile: Profile,
  weighing: FormWeights,
  budgetWeight: Decimal | null,
  states: readonly RowState[]
): { readonly weightTotal: Decimal; readonly prompts: readonly Prompt[] } {
  const { scoring, weights, issues } = weighing;
  if (!scoring) return { weightTotal: ZERO, prompts: [] };
  const prompts: Prompt[] = [];
  const sheet = form.sheet;
  const firstOf = (group: string): string => {
    const s = states.find((x) => x.group === group || stripSpace(text(x.row.level2)) === group);
    // a block's issue sits on the block cell that states its weight (年度绩效目标1（40分）)
    const block = states.find((x) => x.row.block && withoutWeightMarks(text(x.row.block)) === group)
      ?.row.block;
    return s?.row.level1.address ?? block?.address ?? form.anchor;
  };
  const indicatorSum = weighing.weightSum;
  // level-1 group weights printed in the headers (Hubei) add up with the budget to 100
  const groupWeights = new Map<string, Decimal>();
  for (const s of states) {
    if (s.level1Weight && s.level1 && !groupWeights.has(s.level1))
      groupWeights.set(s.level1, s.level1Weight);
  }
  const budget = budgetWeight ?? new Dec(profile.budgetWeight);
  const cell =
    form.total?.weight?.address ??
    form.indicatorHeader?.address ??
    form.indicators[0]?.level1.address ??
    form.anchor;
  const groupsSum = [...groupWeights.values()].reduce((s, x) => s.plus(x), ZERO);
  const all = (groupWeights.size > 0 ? groupsSum : indicatorSum).plus(budget);
  if (all.greaterThan(100)) {
    // no total and no grade: a total of 104.96 graded 优 would be nonsense (domain §3)
    const at100 = form.total?.score?.address ?? cell;
    const parts =
      groupWeights.size > 0
        ? `各一级指标（${[...groupWeights.entries()].map(([g, w]) => `${g}${n(w)}`).join("、")}）`
        : "各指标";
    prompts.push(
      promptAt(
        sheet,
        at100,
        "weight-sum",
        `预算执行 ${n(budget)} 分与${parts}分值合计 ${n(all)} 分，超过 100 分，不计算总分、不评等级，请先核实分值`
      )
    );
    return { weightTotal: all, prompts };
  }
  if (weights.some((w) => w.unreadable)) return { weightTotal: all, prompts }; // the weight cell's own prompt says it
  if (groupWeights.size > 0) {
    if (!groupsSum.plus(budget).equals(100)) {
      prompts.push(
        promptAt(
          sheet,
          cell,
          "weight-sum",
          `各一级指标分值（${[...groupWeights.entries()].map(([g, w]) => `${g}${n(w)}`).join("、")}）合计 ${n(groupsSum)} 分，加预算执行 ${n(budget)} 分为 ${n(groupsSum.plus(budget))} 分，应为 100 分`
        )
      );
      return { weightTotal: all, prompts }; // the group weights themselves are wrong: no second prompt per group
    }
  }
  for (const issue of issues) {
    const cell = firstOf(issue.group);
    const message = issue.implied
      ? `${issue.group}（${n(issue.stated)}分）内按填报得分推定的权重合计 ${n(issue.sum)} 分，与 ${n(issue.stated)} 分不符，请核实各指标分值`
      : `${issue.group}（${n(issue.stated)}分）内各指标分值合计 ${n(issue.sum)} 分，与 ${n(issue.stated)} 分不符`;
    prompts.push(promptAt(sheet, cell, "weight-sum", message));
  }
  if (!all.equals(100) && issues.length === 0) {
    prompts.push(
      promptAt(
        sheet,
        cell,
        "weight-sum",
        `预算执行 ${n(budget)} 分与各指标分值 ${n(indicatorSum)} 分合计 ${n(all)} 分，应为 100 分`
      )
    );
  }
  const left = states.filter((s) => s.satisfactionLeftOut);
  if (left.length > 0) {
    // rows and weights joined by index
    const leftWeight = states.reduce(
      (sum, x, i) => (x.satisfactionLeftOut ? sum.plus(weights[i].weight ?? ZERO) : sum),
      ZERO
    );
    const c = left[0].row.level1.address;
    prompts.push(
      promptAt(
        sheet,
        c,
        "weight-sum",
        `满意度指标未填报（${n(leftWeight)} 分），按备注4不计入；总分只含已评分的 ${n(all.minus(leftWeight))} 分，未折算`
      )
    );
  }
  return { weightTotal: all, prompts };
}

export const PERCENT_CENT = 4; // 100.00% at 2 decimals is a fraction at 4

/**
 * A deviation owes a reason only where it costs at least one cent of score (domain §4): a
 * weighted row whose score, as it stands in the sheet, is below its weight; on a form without weights, a 完成率
 * that is not 100.00% at 2 decimals (683.93 against ≤683.92万元 needs no reason).
 */
export function costsScore(s: RowState, r: IndicatorResult): boolean {
  // the score as it stands in the sheet: a printed score that agrees (§4) is kept
  const standing = r.value ?? r.score;
  if (r.weight !== null && standing !== null) return standing.lessThan(r.weight);
  if (s.ev.method === "qualitative" || r.weight !== null) return true;
  const rate = s.ev.completion;
  return rate === null || !rate.toDecimalPlaces(PERCENT_CENT, Decimal.ROUND_HALF_UP).equals(1);
}

export function reasonPrompts(
  form: Form,
  states: readonly RowState[],
  results: readonly IndicatorResult[]
): Prompt[] {
  const sheet = form.sheet;
  const unmet = states
    .map((s, i) => ({ s, r: results[i] }))
    .filter(({ s, r }) => s.ev.met === false && !s.satisfactionLeftOut && costsScore(s, r));
  if (unmet.length === 0) return [];
  const gap = (r: IndicatorResult, s: RowState): string => {
    if (s.ev.method === "qualitative") return `判为${LEVEL_NAMES[s.ev.level ?? "failed"]}`;
    const ratio = r.ratio ?? r.completionRate;
    return ratio
      ? `完成率 ${pct(ratio)}（${s.ev.share?.words.replace(/ = .*/, "") ?? ""}）`
      : "未完成";
  };
  if (form.formReason) {
    if (!isBlank(form.formReason)) return [];
    const cell = form.formReason.address;
    const list = unmet.map(({ s, r }) => `“${r.name}”${gap(r, s)}`).join("；");
    return [
      promptAt(
        sheet,
        cell,
        "deviation-reason-missing",
        (where) => `${list}，请在 ${where} 说明偏差原因及改进措施`
      ),
    ];
  }
  return unmet
    .filter(({ s }) => !s.row.reason || isBlank(s.row.reason))
    .map(({ s, r }) =>
      promptAt(
        sheet,
        s.row.reason?.address ?? s.row.actual?.address ?? s.row.name.address,
        "deviation-reason-missing",
        (where) => `“${r.name}”${gap(r, s)}，请在 ${where} 说明偏差原因及改进措施`
      )
    );
}

/**
 * A low execution rate beside indicators all fully met, with no reason written for the money
 * (domain §4): one of the two figures is likely wrong.
 */
export function executionInconsistent(
  form: Form,
  profile: Profile,
  budget: FormResult["budget"],
  states: readonly RowState[],
  reason: () => string
): Prompt[] {
  if (!budget?.rate || !budget.rate.lessThan(profile.inconsistentExecution) || reason()) return [];
  const others = states.filter((s) => !s.ev.budgetMirror && s.ev.met !== null);
  if (others.length === 0 || !others.every((s) => s.ev.met === true)) return [];
  const cell = budget.rateCell ?? form.budget?.header.address ?? form.anchor;
  return [
    promptAt(
      form.sheet,
      cell,
      "execution-inconsistent",
      `预算执行率仅 ${pct(budget.rate)}，而其余绩效指标均已全部完成，请核实执行数或指标完成值`
    ),
  ];
}

/** The sum of the scores printed in the sheet (budget and indicators); null when none is printed. */
export function printedPartsSum(
  budget: FormResult["budget"],
  indicators: readonly IndicatorResult[]
): Decimal | null {
  let sum: Decimal | null = budget?.stated ?? null;
  for (const r of indicators)
    if (r.stated !== null) sum = sum === null ? r.stated : sum.plus(r.stated);
  return sum;
}

/**
 * A reason written for the money (domain §3): the form-level reason cell, the budget-mirror
 * row's reason, or any reason cell that speaks of the money (资金, 预算, 支付 … as data).
 */
export function budgetReason(formReason: string, states: readonly RowState[]): string {
  if (formReason) return formReason;
  const reasons = states.map((s) => ({ s, t: text(s.row.reason) })).filter((x) => x.t !== "");
  const mirror = reasons.find((x) => x.s.ev.budgetMirror);
  if (mirror) return mirror.t;
  return reasons.find((x) => MONEY_REASON_WORDS.some((w) => x.t.includes(w)))?.t ?? "";
}
