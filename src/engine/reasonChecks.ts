/**
 * `reason-inconsistent` (domain §4, issue 24): a reason or actual text that states a completion or
 * execution percentage, or the row's actual amount, differently from the row's or the budget's own
 * numbers; a reason that names another form's project of the workbook and not its own. The words
 * are data (reasonVocabulary.ts); a figure about something else (满意度95%, a target of 90%) is not
 * read as the row's result.
 */
import type Decimal from "decimal.js";
import { halfUnit } from "./agree";
import { Dec, digitsDecimal } from "./decimal";
import { n } from "./format";
import { promptAt, quote } from "./prompts";
import type { ValueReader } from "./quantity";
import { RATE_TOLERANCE, REASON_WORDS as W, PROJECT_NAME_MIN_LENGTH } from "./reasonVocabulary";
import { stripSpace, toHalfWidth } from "./text";
import type { BudgetResult, Cell, Form, IndicatorResult, Prompt } from "./types";
import { text, type RowState } from "./rowState";

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alt = (words: readonly string[]): string => words.map(escape).join("|");
const LINKS = `(?:${alt(W.links)})*`;
const NUMBER = "(\\d+(?:\\.\\d+)?)";
const ROW_RATE = new RegExp(`(${alt(W.rowCompletion)})${LINKS}${NUMBER}%`, "g");
const BUDGET_RATE = new RegExp(`(${alt(W.budgetExecution)})${LINKS}${NUMBER}%`, "g");
const AMOUNT = new RegExp(
  `(${alt(W.actualAmount)})(?:金额|资金)?${LINKS}${NUMBER}(${alt(W.moneyUnits)})`,
  "g"
);
const NEGATED = /(?:未|没|没有|尚未|不)$/;
export const MONEY_SCALE: Readonly<Record<string, Decimal>> = {
  亿元: new Dec(1e8),
  万元: new Dec(1e4),
  万: new Dec(1e4),
  元: new Dec(1),
};
const TOLERANCE = new Dec(RATE_TOLERANCE);

/** A figure stated in a text: the word before it, the number as printed, what follows. */
interface Stated {
  readonly word: string;
  readonly digits: string;
  readonly unit: string;
}

/** The text as matched: half-width, line breaks as clause ends, no whitespace. */
export function compactReason(raw: string): string {
  return stripSpace(toHalfWidth(raw).replace(/[\r\n]+/g, "。"));
}

/**
 * Every figure the pattern finds that states this row's (or the budget's) result: not negated
 * (未完成20%), not after a word that makes it a target, a plan, a part or another period in the
 * same clause, not followed by a bound (90%以上).
 */
export function statedFigures(
  compact: string,
  pattern: RegExp,
  notAfter: readonly string[] = []
): Stated[] {
  const out: Stated[] = [];
  for (const m of compact.matchAll(pattern)) {
    const start = m.index ?? 0;
    const before = compact.slice(0, start);
    const clauseStart = Math.max(...W.clauseEnd.map((c) => before.lastIndexOf(c)));
    const clause = before.slice(clauseStart + 1);
    if (NEGATED.test(clause) || [...notAfter, ...W.changeBefore].some((w) => clause.endsWith(w)))
      continue;
    if (W.otherSubject.some((w) => clause.includes(w))) continue;
    const after = compact.slice(start + m[0].length);
    if (W.boundAfter.some((w) => after.startsWith(w))) continue;
    out.push({ word: m[1], digits: m[2], unit: m[3] ?? "%" });
  }
  return out;
}

/** A stated percentage agrees when it lies within one percentage point of one of the values. */
export function statedRateAgrees(digits: string, values: readonly (Decimal | null)[]): boolean {
  const stated = digitsDecimal(digits).dividedBy(100);
  return values.some((v) => v !== null && stated.minus(v).abs().lessThanOrEqualTo(TOLERANCE));
}

/** A fraction as a percentage with 2 decimals, as the message prints it: 1 → "100.00%". */
export function pct2(fraction: Decimal): string {
  return `${fraction.times(100).toFixed(2)}%`;
}

export interface ReasonCheckInput {
  readonly form: Form;
  readonly states: readonly RowState[];
  readonly indicators: readonly IndicatorResult[];
  readonly budget: BudgetResult | null;
  readonly read: ValueReader;
  /** The project names of the workbook's other forms. */
  readonly otherProjects: readonly string[];
}

/** Every reason-inconsistent prompt of a form, one per cell at most, in row order. */
export function reasonInconsistent(x: ReasonCheckInput): Prompt[] {
  const prompts: Prompt[] = [];
  const sheet = x.form.sheet;
  x.states.forEach((s, i) => {
    const result = x.indicators[i];
    for (const [cell, what] of [
      [s.row.reason, "偏差原因"],
      [s.row.actual, "实际完成值"],
    ] as const) {
      if (!cell) continue;
      const message = rowMessage(x, s, result, cell, what);
      if (message) prompts.push(promptAt(sheet, cell.address, "reason-inconsistent", message));
    }
  });
  const formReason = x.form.formReason;
  if (formReason) {
    const compact = compactReason(text(formReason));
    const message = budgetMessage(compact, x.budget, "原因说明") ?? projectMessage(x, compact);
    if (message) prompts.push(promptAt(sheet, formReason.address, "reason-inconsistent", message));
  }
  return prompts;
}

/** The first contradiction a row's reason or actual text states, as a message; null when none. */
function rowMessage(
  x: ReasonCheckInput,
  s: RowState,
  result: IndicatorResult,
  cell: Cell,
  what: string
): string | null {
  const raw = text(cell);
  if (raw === "") return null;
  const compact = compactReason(raw);
  const ev = s.ev;
  const measured =
    ev.method === "positive" || ev.method === "negative" || ev.method === "deviation";
  if (measured && ev.completion) {
    // the row's own numbers: the 完成率 (capped), the raw ratio, the printed rate, and the target's
    // and actual's own percentages (完成90.28% against ≥90% is the actual, 维保完成率为98% the target)
    // (only where the target is a percentage: a figure in the actual is not the row's own otherwise)
    const percent = (c: Cell | undefined): Decimal[] =>
      x
        .read(text(c))
        .quantities.filter((q) => q.unit === "%")
        .map((q) => q.value);
    const targetPercent = percent(s.row.target);
    const own = targetPercent.length > 0 ? [...targetPercent, ...percent(s.row.actual)] : [];
    const values = [ev.completion, ev.share?.ratio ?? null, result.rateStated, ...own];
    for (const f of statedFigures(compact, ROW_RATE))
      if (!statedRateAgrees(f.digits, values))
        return `${what}写明完成率 ${f.digits}%，而本行目标与实际值计算为 ${pct2(ev.completion)}，请核对`;
  }
  const budget = budgetMessage(compact, x.budget, what);
  if (budget) return budget;
  if (what === "偏差原因") {
    const amount = amountMessage(x, s, compact);
    if (amount) return amount;
    return projectMessage(x, compact);
  }
  return null;
}

/** A stated execution rate against the budget block's. */
export function budgetMessage(
  compact: string,
  budget: BudgetResult | null,
  what: string
): string | null {
  if (!budget?.rate) return null;
  for (const f of statedFigures(compact, BUDGET_RATE))
    if (!statedRateAgrees(f.digits, [budget.rate, budget.rateStated]))
      return `${what}写明${f.word} ${f.digits}%，而预算执行率为 ${pct2(budget.rate)}（${n(budget.executed as Decimal)} ÷ ${n(budget.annual as Decimal)}），请核对`;
  return null;
}

/**
 * A stated actual amount (实际支出89.97万元) against the row's actual amount, each within half a
 * unit of its last printed decimal (89.97万元 for 89.974 agrees).
 */
function amountMessage(x: ReasonCheckInput, s: RowState, compact: string): string | null {
  const figures = statedFigures(compact, AMOUNT);
  if (figures.length === 0) return null;
  const actual = x.read(text(s.row.actual)).quantities.filter((q) => q.unit === "元");
  if (actual.length !== 1) return null;
  const a = actual[0];
  for (const f of figures) {
    const scale = MONEY_SCALE[f.unit];
    const stated = digitsDecimal(f.digits).times(scale);
    const slack = halfUnit(f.digits).times(scale).plus(halfUnit(a.digits).times(a.scale));
    if (stated.minus(a.value).abs().greaterThan(slack))
      return `偏差原因写明${f.word} ${f.digits}${f.unit}，而本行实际完成值为 ${text(s.row.actual)}，请核对`;
  }
  return null;
}

/** A reason that names another form's project of the workbook and not its own. */
function projectMessage(x: ReasonCheckInput, compact: string): string | null {
  const own = compactReason(text(x.form.project));
  // without its own name the form cannot say the reason is another project's
  if (own === "" || compact.includes(own)) return null;
  for (const other of x.otherProjects) {
    const name = compactReason(other);
    if (name.length < PROJECT_NAME_MIN_LENGTH || name === own) continue;
    if (own.includes(name) || name.includes(own)) continue;
    if (compact.includes(name))
      return `原因说明提到另一项目${quote(other)}，未提到本表项目${quote(text(x.form.project))}，可能是从其他项目的表复制，请核对`;
  }
  return null;
}
