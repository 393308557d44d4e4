/**
 * `reason-inconsistent` on the 年度总体目标完成情况 text (domain §4, issue 24): a 全年预算数, 全年执行数
 * or 执行率 it states differently from the budget block (amounts each within half a unit of their
 * last printed decimal, rates within one percentage point).
 */
import type Decimal from "decimal.js";
import { halfUnit } from "./agree";
import type { Amount, BudgetReading } from "./budget";
import { budgetScale } from "./budget";
import { digitsDecimal } from "./decimal";
import { n } from "./format";
import { promptAt } from "./prompts";
import { budgetMessage, compactReason, MONEY_SCALE, statedFigures } from "./reasonChecks";
import { GOAL_REPORT, REASON_WORDS as W } from "./reasonVocabulary";
import type { BudgetResult, Form, Prompt } from "./types";
import { text } from "./rowState";

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const amountPattern = (words: readonly string[]): RegExp =>
  new RegExp(
    `(${words.map(escape).join("|")})(?:${W.links.map(escape).join("|")})*(\\d+(?:\\.\\d+)?)(${W.moneyUnits.map(escape).join("|")})`,
    "g"
  );
const ANNUAL = amountPattern(GOAL_REPORT.annual);
const EXECUTED = amountPattern(GOAL_REPORT.executed);

/** The goals' completion text against the budget block; one prompt at most, on that text. */
export function goalReportCheck(
  form: Form,
  reading: BudgetReading | null,
  budget: BudgetResult | null
): Prompt[] {
  const cell = form.goalReport;
  if (!cell || !form.budget || !reading) return [];
  const compact = compactReason(text(cell));
  if (compact === "") return [];
  const { unit } = budgetScale(form.budget);
  const message =
    amountMessage(compact, ANNUAL, reading.annual, unit, GOAL_REPORT.spentBefore) ??
    amountMessage(compact, EXECUTED, reading.executed, unit, []) ??
    budgetMessage(compact, budget, "年度总体目标完成情况");
  return message ? [promptAt(form.sheet, cell.address, "reason-inconsistent", message)] : [];
}

function amountMessage(
  compact: string,
  pattern: RegExp,
  amount: Amount | null,
  unit: string,
  notAfter: readonly string[]
): string | null {
  if (!amount) return null;
  for (const f of statedFigures(compact, pattern, notAfter)) {
    const scale: Decimal = MONEY_SCALE[f.unit];
    const stated = digitsDecimal(f.digits).times(scale);
    const slack = halfUnit(f.digits).times(scale).plus(amount.tolerance);
    if (stated.minus(amount.yuan).abs().greaterThan(slack))
      return `年度总体目标完成情况写明${f.word} ${f.digits}${f.unit}，而预算执行情况中为 ${n(amount.shown)}${unit}，请核对`;
  }
  return null;
}
