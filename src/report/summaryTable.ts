/**
 * The 自评报告's summary table (issue 21): one row per project at the top of the report —
 * 项目、全年预算数、执行数、执行率、总分、等级 — every figure as the body gives it (amounts in the
 * form's unit with two decimals, the rate computed with two decimals, the total as the profile
 * rounded it). Pure.
 */
import { budgetScale, chooseBudgetRow } from "../engine/budget";
import { money, quotedRate, score } from "./format";
import type { SummaryRow } from "./model";
import { isUnitForm, projectName, type ScoredForm } from "./project";
import { PENDING_TOTAL } from "./words";

export function summaryRows(forms: readonly ScoredForm[]): SummaryRow[] {
  return forms
    .filter((s) => !isUnitForm(s))
    .map((s) => {
      const b = s.result.budget;
      const unit = s.form.budget ? budgetScale(s.form.budget).unit : "万元";
      return {
        project: projectName(s) || `${s.result.sheet}（${s.form.anchor}）`,
        annual: b?.annual ? `${money(b.annual)}${unit}` : "—",
        executed: b?.executed ? `${money(b.executed)}${unit}` : "—",
        rate: b?.rate
          ? quotedRate(s.form.budget ? chooseBudgetRow(s.form.budget)?.rate : undefined, b.rate)
          : "—",
        total: s.result.total !== null ? score(s.result.total) : PENDING_TOTAL,
        grade: s.result.total !== null && s.result.grade ? s.result.grade : "—",
      };
    });
}
