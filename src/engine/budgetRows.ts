import { rateAgrees, readRate } from "./agree";
import { n, pct } from "./format";
import { promptAt } from "./prompts";
import { cellText, stripSpace } from "./text";
import type { BudgetRow, Form, Prompt } from "./types";
import type { Amount } from "./budget";
import { amountBounds } from "./budgetRate";

const isAmount = (x: Amount | { error: string } | null): x is Amount => !!x && !("error" in x);

/**
 * The printed 执行率 of the budget rows other than the one scored (其中 rows, 其他资金) is checked
 * like the scored row's (decisions 58): 1.8 of 1.8 printed 0 is a `rate-mismatch`. A row without
 * both amounts, or with a budget of 0 (0.00% for 0 of 0), says nothing.
 */
export function otherRowRates(
  form: Form,
  scored: BudgetRow,
  readAmount: (cell: BudgetRow["annual"]) => Amount | { error: string } | null
): Prompt[] {
  const sheet = form.sheet;
  const prompts: Prompt[] = [];
  for (const row of form.budget?.rows ?? []) {
    if (row === scored || !row.rate || row.rate.address === scored.rate?.address) continue;
    if (stripSpace(cellText(row.rate.value)) === "") continue;
    const annual = readAmount(row.annual);
    const executed = readAmount(row.executed);
    if (!isAmount(annual) || !isAmount(executed) || annual.yuan.isZero()) continue;
    const rate = executed.yuan.dividedBy(annual.yuan);
    const bounds = amountBounds(executed, annual);
    const printed = readRate(row.rate.value, row.rate.numberFormat, rate, bounds);
    if (!printed || rateAgrees(printed.fraction, printed.decimals, rate, bounds)) continue;
    prompts.push(
      promptAt(
        sheet,
        row.rate.address,
        "rate-mismatch",
        `${stripSpace(cellText(row.label.value))}执行率填写为 ${cellText(row.rate.value).trim()}，按 ${n(executed.shown)} ÷ ${n(annual.shown)} 应为 ${pct(rate)}`
      )
    );
  }
  return prompts;
}
