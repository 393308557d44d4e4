/**
 * A 预算执行率 / 资金执行率 row among the indicators is the budget's score (§9) where the budget block
 * prints no points of its own: 分值 × min(rate, 1) with the block's rate, its own printed rate (the
 * actual, or its 完成率 cell) checked against that rate. Where the block prints its 分值 / 得分 the
 * row stays an ordinary indicator.
 */
import type Decimal from "decimal.js";
import { readPrinted, rateAgrees, readRate, scoreAgrees } from "./agree";
import { Dec, ONE } from "./decimal";
import { n, pct, roundScore } from "./format";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import type { ScoredRow } from "./row";
import { withoutWeightMarks } from "./text";
import type { BudgetResult, Cell, Form, Prompt } from "./types";
import { BUDGET_RATE_ROW } from "./vocabulary";
import { text, type RowState } from "./rowState";

/** The rows as scored, with any budget-rate row scored from the block's rate. */
export function budgetRateRows(
  form: Form,
  profile: Profile,
  states: readonly RowState[],
  rows: readonly ScoredRow[],
  budget: BudgetResult | null,
  blockHasPoints: boolean
): ScoredRow[] {
  const rate = budget?.rate;
  if (!rate || blockHasPoints) return rows.slice();
  return rows.map((scored, i) => {
    const s = states[i];
    const r = scored.result;
    if (!BUDGET_RATE_ROW.test(withoutWeightMarks(text(s.row.name))) || r.weight === null)
      return scored;
    const prompts: Prompt[] = [];
    const share = Dec.min(rate, ONE);
    const exact = r.weight.times(share);
    const score = roundScore(exact, profile.decimals);
    const printed = s.row.score ? readPrinted(s.row.score.value) : null;
    let value = score;
    if (printed && s.row.score) {
      if (scoreAgrees(printed, exact)) value = printed.value;
      else
        prompts.push(
          promptAt(
            form.sheet,
            s.row.score.address,
            "score-mismatch",
            `得分填写为 ${text(s.row.score)}，按预算执行率应为 ${n(score)}（${n(r.weight)} × ${pct(share)}）`
          )
        );
    }
    const stated = printedRate(s.row.rate ?? s.row.actual, rate);
    if (stated && !stated.agrees && stated.cell)
      prompts.push(
        promptAt(
          form.sheet,
          stated.cell.address,
          "rate-mismatch",
          `预算执行率填写为 ${text(stated.cell)}，按预算表应为 ${pct(rate)}（${n(budget.executed as Decimal)} ÷ ${n(budget.annual as Decimal)}）`
        )
      );
    const explain = `本行为预算执行率，按预算表执行率计分：${n(r.weight)} × ${pct(share)} = ${n(score)}`;
    return {
      result: {
        ...r,
        method: "positive",
        ratio: rate,
        met: rate.greaterThanOrEqualTo(ONE),
        completionRate: share,
        score,
        value,
        explain,
      },
      prompts,
    };
  });
}

/** The rate a cell prints and whether it agrees with the block's; null when it prints none. */
function printedRate(
  cell: Cell | undefined,
  rate: Decimal
): { cell: Cell; agrees: boolean } | null {
  if (!cell) return null;
  const read = readRate(cell.value, cell.numberFormat, rate);
  if (!read) return null;
  return { cell, agrees: rateAgrees(read.fraction, read.decimals, rate) };
}
