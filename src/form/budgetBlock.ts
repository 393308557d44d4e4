import { stripSpace, toHalfWidth } from "../engine/text";
import type { BudgetRow, Cell } from "../engine/types";
import { opensLabelledBudget, readLabelledBudget } from "./budgetLabels";
import type { SheetView } from "./sheetView";
import {
  BUDGET_BLOCK_LABEL,
  BUDGET_HEADERS,
  GOALS,
  IN_ROW_BUDGET,
  TABLE_START,
  fieldLookup,
  matcher,
  type BudgetField,
} from "./vocabulary";

/** Recognition of the budget block (项目资金（万元）…) above the indicator table (domain §1). */
export interface BudgetHeader {
  readonly row: number;
  readonly cols: Partial<Record<BudgetField, number>>;
  readonly labelCol: number;
  readonly headerTexts: string[];
  /** Amounts as row labels with the amount beside them (转移支付预算数(A) | 208). */
  readonly labelled?: boolean;
}

const budgetFields = fieldLookup(BUDGET_HEADERS);
const isGoals = matcher(GOALS);
const isBlockLabel = matcher(BUDGET_BLOCK_LABEL);
const isTableStart = matcher(TABLE_START);
const compact = (s: string): string => stripSpace(toHalfWidth(s));
const IN_ROW_ANNUAL = new Set(IN_ROW_BUDGET.annual.map(compact));
const IN_ROW_EXECUTED = new Set(IN_ROW_BUDGET.executed.map(compact));
const IN_ROW_LABELS = new Set(IN_ROW_BUDGET.rows.map(compact));
const IN_ROW_PREFIXES = IN_ROW_BUDGET.rowPrefixes.map(compact);

export function findBudgetHeader(v: SheetView, from: number, to: number): BudgetHeader | null {
  for (let row = from; row <= to; row++) {
    const cols: Partial<Record<BudgetField, number>> = {};
    const texts: string[] = [];
    let inRow = false;
    for (let col = v.left; col <= v.right; col++) {
      const t = v.norm(row, col);
      if (t === "") continue;
      texts.push(v.text(row, col));
      if (IN_ROW_ANNUAL.has(compact(v.text(row, col)))) inRow = true;
      for (const field of budgetFields(t)) if (cols[field] === undefined) cols[field] = col;
    }
    if (inRow) return { row, cols: {}, labelCol: v.left, headerTexts: texts };
    if (opensLabelledBudget(v, row))
      return { row, cols: {}, labelCol: v.left, headerTexts: texts, labelled: true };
    const found = [cols.annual, cols.executed, cols.rate].filter((c) => c !== undefined).length;
    // a block labelled as one (项目资金（万元）) with one amount column read: its other header was
    // not understood, and the block is reported, never dropped (domain §9)
    const lead = v.firstNonEmpty(row);
    const labelled = found === 1 && lead !== null && isBlockLabel(v.norm(row, lead));
    if (found >= 2 || labelled) {
      const firstValue = Math.min(...(Object.values(cols) as number[]));
      let labelCol = v.left;
      for (let col = v.left; col < firstValue; col++)
        if (!v.isEmpty(row, col)) {
          labelCol = col;
          break;
        }
      return { row, cols, labelCol, headerTexts: texts };
    }
  }
  return null;
}

export function readBudgetRows(v: SheetView, h: BudgetHeader, stop: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const valueCols = Object.values(h.cols) as number[];
  if (h.labelled) return readLabelledBudget(v, h.row, stop);
  if (valueCols.length === 0) return readInRowBudget(v, h, stop);
  const firstValue = Math.min(...valueCols);
  const headerMerge = v.merge(h.row, h.labelCol);
  for (let row = h.row + 1; row <= stop && rows.length < 10; row++) {
    if (v.rowIsEmpty(row)) break;
    const lead = v.firstNonEmpty(row);
    if (lead !== null && (isGoals(v.norm(row, lead)) || isTableStart(v.norm(row, lead)))) break;
    // the row label: the text left of the values that is not the block's own (merged) header cell
    let label: { row: number; col: number } | null = null;
    for (let col = firstValue - 1; col >= v.left; col--) {
      const m = v.merge(row, col);
      if (headerMerge && m && m.top === headerMerge.top && m.left === headerMerge.left) continue;
      if (!v.isEmpty(row, col)) {
        label = { row, col };
        break;
      }
    }
    // a row shifted into the label column still counts (Renhe's 其他资金)
    if (!label && lead !== null && lead < firstValue) label = { row, col: lead };
    if (!label) break;
    if (isGoals(v.norm(label.row, label.col))) break;
    const get = (f: BudgetField): Cell | undefined =>
      h.cols[f] === undefined ? undefined : v.cell(row, h.cols[f] as number);
    rows.push({
      label: v.cell(label.row, label.col),
      initial: get("initial"),
      annual: get("annual"),
      executed: get("executed"),
      weight: get("weight"),
      rate: get("rate"),
      score: get("score"),
    });
  }
  return rows;
}

/** Renhe 2022: 预算数： 100 执行数： 16 written inside the rows. */
function readInRowBudget(v: SheetView, h: BudgetHeader, stop: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (let row = h.row; row <= stop && rows.length < 6; row++) {
    if (v.rowIsEmpty(row)) break;
    const lead = v.firstNonEmpty(row);
    if (lead !== null && isGoals(v.norm(row, lead))) break;
    const labels: number[] = [];
    for (let col = v.left; col <= v.right; col++) {
      const raw = compact(v.text(row, col));
      if (
        IN_ROW_ANNUAL.has(raw) ||
        IN_ROW_EXECUTED.has(raw) ||
        IN_ROW_LABELS.has(raw) ||
        IN_ROW_PREFIXES.some((p) => raw.startsWith(p))
      )
        labels.push(col);
    }
    if (labels.length === 0) break;
    const rightOf = (col: number): Cell | undefined => {
      const next = labels.find((c) => c > col) ?? v.right + 1;
      for (let c = col + 1; c < next; c++) if (!v.isEmpty(row, c)) return v.cell(row, c);
      return v.cell(row, col + 1);
    };
    const label = v.cell(row, labels[0]);
    const annual = rightOf(labels[0]);
    const executed = labels[1] !== undefined ? rightOf(labels[1]) : undefined;
    rows.push({ label, annual, executed });
  }
  return rows;
}
