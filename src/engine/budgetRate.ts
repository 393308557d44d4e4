/** 预算执行率 = 全年执行数 ÷ 全年预算数 (domain §3): the printed rate checked, overspending and low execution. */
import type Decimal from "decimal.js";
import { lazyBounds, rateAgrees, readRate, type RateBounds } from "./agree";
import { Dec, ONE } from "./decimal";
import { n, pct } from "./format";
import type { Profile } from "./profiles";
import { promptAt, quote } from "./prompts";
import { cellText, stripSpace } from "./text";
import type { Amount } from "./budget";
import type { BudgetBlock, BudgetRow, Form, Prompt } from "./types";

export interface BudgetRate {
  readonly rate: Decimal;
  /** The rate as the explanation says it, with any unit conversion. */
  readonly words: string;
  /** The printed rate (null when none) and the rate kept (the printed one where it agrees). */
  readonly stated: Decimal | null;
  readonly value: Decimal;
  /** The printed rate where it agrees but differs from the computed one: a score may follow it. */
  readonly agreedPrinted: Decimal | null;
  /** A low rate explained by a written reason, quoted instead of a prompt. */
  readonly lowNote: string;
  readonly prompts: readonly Prompt[];
}

/** The rate computed from the amounts, the printed one checked, and what a low or high rate says. */
export function budgetRate(
  form: Form,
  row: BudgetRow,
  annual: Amount,
  executed: Amount,
  profile: Profile,
  reason: () => string
): BudgetRate {
  const sheet = form.sheet;
  const block = form.budget as BudgetBlock;
  const prompts: Prompt[] = [];
  const rate = executed.yuan.dividedBy(annual.yuan);
  const conversions = [annual.conversion, executed.conversion].filter((c): c is string => !!c);
  const words = `执行率 ${n(executed.shown)} ÷ ${n(annual.shown)} = ${pct(rate)}${conversions.length ? `（${conversions.join("；")}）` : ""}${block.note ? `（${block.note}）` : ""}`;
  const bounds = amountBounds(executed, annual);

  // the printed 执行率
  let stated: Decimal | null = null;
  let value: Decimal = rate;
  const printedRate =
    row.rate && stripSpace(cellText(row.rate.value)) !== ""
      ? readRate(row.rate.value, row.rate.numberFormat, rate, bounds)
      : null;
  if (row.rate && printedRate) {
    stated = printedRate.fraction;
    const agrees = rateAgrees(printedRate.fraction, printedRate.decimals, rate, bounds);
    value = agrees ? printedRate.fraction : rate;
    if (!agrees)
      prompts.push(
        promptAt(
          sheet,
          row.rate.address,
          "rate-mismatch",
          `执行率填写为 ${cellText(row.rate.value).trim()}，按 ${n(executed.shown)} ÷ ${n(annual.shown)} 应为 ${pct(rate)}`
        )
      );
  }
  const agreedPrinted =
    printedRate && value.equals(printedRate.fraction) && !value.equals(rate) ? value : null;

  let lowNote = "";
  const lowExecution = new Dec(profile.lowExecution);
  const isLow = rate.lessThan(lowExecution); // (consulted only below, where the rate is ≤ 100%)
  if (rate.greaterThan(ONE)) {
    const cell =
      row.rate?.address ?? row.executed?.address ?? row.annual?.address ?? block.header.address;
    prompts.push(
      promptAt(
        sheet,
        cell,
        "budget-overspent",
        `执行率 ${pct(rate)} 超过 100%，全年执行数大于全年预算数，请核实`
      )
    );
  } else if (isLow && reason()) {
    // a written reason is quoted in the explanation instead of a prompt (domain §3)
    lowNote = `执行率低于 ${pct(lowExecution)}，已说明原因：${quote(reason(), 60)}`;
  } else if (isLow) {
    const cell = row.rate?.address ?? row.executed?.address ?? block.header.address;
    prompts.push(
      promptAt(
        sheet,
        cell,
        "budget-low-execution",
        `预算执行率 ${pct(rate)} 低于 ${pct(lowExecution)}，请说明原因`
      )
    );
  }
  return { rate, words, stated, value, agreedPrinted, lowNote, prompts };
}

/** The rates the amounts allow within half a unit of their last printed decimal (§4). */
export function amountBounds(executed: Amount, annual: Amount): RateBounds {
  return lazyBounds(() => ({
    low: executed.yuan.minus(executed.tolerance).dividedBy(annual.yuan.plus(annual.tolerance)),
    high: executed.yuan.plus(executed.tolerance).dividedBy(annual.yuan.minus(annual.tolerance)),
  }));
}
