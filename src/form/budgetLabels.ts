/**
 * Budget amounts printed as row labels with the amount beside them (domain §9): 转移支付预算数(A) | 208
 * and 执行数(B) | 109.8 on one line or on lines under each other, 执行率 | 52.8% and 得分 | 5.3 beside
 * them. The pairs become budget rows: one per line where every line names both amounts, else one row
 * made of the first of each.
 */
import { cellText, normalizeHeader, stripSpace } from "../engine/text";
import type { BudgetRow, Cell } from "../engine/types";
import type { SheetView } from "./sheetView";
import {
  BUDGET_HEADERS,
  BUDGET_LABEL_ENDINGS,
  GOALS,
  TABLE_START,
  fieldLookup,
  headerKey,
  matcher,
  remembered,
  type BudgetField,
} from "./vocabulary";

const budgetFields = fieldLookup(BUDGET_HEADERS);
const isGoals = matcher(GOALS);
const isTableStart = matcher(TABLE_START);
const endings = (Object.keys(BUDGET_LABEL_ENDINGS) as ("annual" | "executed")[]).flatMap((f) =>
  BUDGET_LABEL_ENDINGS[f].map((w) => [headerKey(normalizeHeader(w)), f] as const)
);

/** A printed amount or rate: digits with separators, a decimal, a %, or 万元/元 after them. */
const AMOUNT = /^-?[\d,，]+(\.\d+)?(%|万元|元|万)?$/;

/** The budget field a label names, null for none. */
export const labelField = remembered((norm: string): BudgetField | null => {
  const whole = budgetFields(norm);
  if (whole.length) return whole[0];
  const key = headerKey(norm);
  return endings.find(([e]) => e !== "" && key.endsWith(e))?.[1] ?? null;
});

interface Pair {
  readonly field: BudgetField;
  readonly row: number;
  readonly col: number;
  readonly label: Cell;
  readonly value: Cell;
}

/** The label | amount pairs of one line. */
export function labelPairs(v: SheetView, row: number): Pair[] {
  const pairs: Pair[] = [];
  for (let col = v.left; col < v.right; col++) {
    if (typeof v.raw(row, col) !== "string") continue;
    const field = labelField(v.norm(row, col));
    if (!field) continue;
    const right = (v.merge(row, col)?.right ?? col) + 1;
    let at = right;
    while (at <= Math.min(v.right, right + 2) && v.isEmpty(row, at)) at++;
    if (at > v.right || v.isEmpty(row, at)) continue;
    if (typeof v.raw(row, at) === "string" && !AMOUNT.test(v.norm(row, at))) continue;
    pairs.push({ field, row, col, label: v.cell(row, col), value: v.cell(row, at) });
    col = at;
  }
  return pairs;
}

/** A line that opens a labelled budget: an annual amount label with its amount beside it. */
export function opensLabelledBudget(v: SheetView, row: number): boolean {
  return labelPairs(v, row).some((p) => p.field === "annual");
}

/** The budget rows of a labelled block from its first line to `stop` (at most six lines). */
export function readLabelledBudget(v: SheetView, first: number, stop: number): BudgetRow[] {
  const lines: Pair[][] = [];
  for (let row = first; row <= Math.min(stop, first + 5); row++) {
    if (v.rowIsEmpty(row)) break;
    const lead = v.firstNonEmpty(row);
    if (lead !== null && (isGoals(v.norm(row, lead)) || isTableStart(v.norm(row, lead)))) break;
    const pairs = labelPairs(v, row);
    if (pairs.length === 0) break;
    lines.push(pairs);
  }
  const has = (ps: Pair[], f: BudgetField): boolean => ps.some((p) => p.field === f);
  const own = lines.every((ps) => has(ps, "annual") && has(ps, "executed"));
  const groups = own ? lines : [lines.flat()];
  return groups.map((ps) => {
    const get = (f: BudgetField): Cell | undefined => ps.find((p) => p.field === f)?.value;
    const annual = ps.find((p) => p.field === "annual") as Pair;
    return {
      label: lineLabel(v, annual) ?? annual.label,
      initial: get("initial"),
      annual: get("annual"),
      executed: get("executed"),
      weight: get("weight"),
      rate: get("rate"),
      score: get("score"),
    };
  });
}

/** The text that names a line (中央补助 | 预算数 | 100 …): the first cell left of its first label. */
function lineLabel(v: SheetView, first: Pair): Cell | undefined {
  for (let col = v.left; col < first.col; col++)
    if (stripSpace(cellText(v.raw(first.row, col))) !== "" && !labelField(v.norm(first.row, col)))
      return v.cell(first.row, col);
  return undefined;
}
