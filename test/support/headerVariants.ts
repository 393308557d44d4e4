/**
 * Issue 24 (domain §9): header variants of a laid-out sheet. The indicator table's and the budget
 * block's header cells, found by the reader, are rewritten as templates never seen print them — with
 * bracketed annotations ((A), （B）, （万元）, (%), （分）), or with the §9 synonyms (标准分值, 实际值,
 * 未完成原因及拟采取的改进措施, 全年执行, 调整预算数), or one column renamed to a word no template
 * uses. Nothing an accountant reads changes, so the scores must not.
 */
import type { CellScalar } from "../../src/engine/types";
import type { Grid } from "../../src/form/grid";
import { findBudgetHeader, type BudgetHeader } from "../../src/form/budgetBlock";
import { findIndicatorHeaders, type IndicatorHeader } from "../../src/form/indicatorHeader";
import { SheetView } from "../../src/form/sheetView";
import type { BudgetField, IndicatorField } from "../../src/form/vocabulary";

export type Rewrite = (text: string) => string;
export type HeaderVariant = {
  readonly indicator?: Partial<Record<IndicatorField, Rewrite>>;
  readonly budget?: Partial<Record<BudgetField, Rewrite>>;
};

const bracketed = (t: string): boolean => /[（(]/.test(t);
/** Append an annotation unless the header has one already. */
const annotate =
  (note: string): Rewrite =>
  (t) =>
    bracketed(t) ? t : `${t}${note}`;
const to =
  (word: string): Rewrite =>
  () =>
    word;

/** Every header annotated the way other templates print them. */
export const ANNOTATED: HeaderVariant = {
  indicator: {
    target: annotate("（A）"),
    actual: annotate("(B)"),
    weight: annotate("（分）"),
    score: annotate("（分）"),
    rate: annotate("(%)"),
  },
  budget: { annual: annotate("（A）"), executed: annotate("（B）"), rate: annotate("(B/A)") },
};

/** §9's synonyms. */
export const SYNONYMS: HeaderVariant = {
  indicator: {
    actual: to("实际值"),
    weight: to("标准分值"),
    reason: to("未完成原因及拟采取的改进措施"),
  },
  budget: { annual: to("调整预算数"), executed: to("全年执行") },
};

/** The sheet with its header cells rewritten; the cells rewritten are listed. */
export function rewriteHeaders(
  grid: Grid,
  variant: HeaderVariant
): { grid: Grid; changed: string[] } {
  const v = new SheetView(grid);
  const values: CellScalar[][] = grid.values.map((r) => r.slice());
  const changed: string[] = [];
  const edit = (row: number, col: number, f: Rewrite | undefined): void => {
    if (!f) return;
    const r = row - v.top;
    const c = col - v.left;
    const old = values[r]?.[c];
    if (typeof old !== "string") return;
    const now = f(old);
    if (now !== old) {
      values[r][c] = now;
      changed.push(`${old}→${now}`);
    }
  };
  const headers: IndicatorHeader[] = findIndicatorHeaders(v);
  for (const h of headers)
    for (const [field, col] of Object.entries(h.cols) as [IndicatorField, number][])
      // a two-row header's parts (指标值, 完成值) stand on its lower row
      for (let row = h.row; row < h.dataRow; row++) edit(row, col, variant.indicator?.[field]);
  let from = v.top;
  for (const h of headers) {
    const b: BudgetHeader | null = findBudgetHeader(v, from, h.row - 1);
    if (b)
      for (const [field, col] of Object.entries(b.cols) as [BudgetField, number][])
        edit(b.row, col, variant.budget?.[field]);
    from = h.row + 1;
  }
  return { grid: { ...grid, values }, changed };
}
