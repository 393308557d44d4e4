/**
 * Where the add-in's own 总分 / 等级 rows go under a form that has no 总分 row (issue 21), pure:
 * never in an indicator's row. The rows the table still holds below its last scored indicator
 * (an empty 经济效益指标 placeholder row, a row inside the table's merged first columns) are
 * passed; the two rows taken are free across the form's columns, but for a 总分 or 等级 label the
 * template printed there (then that label's column is the label's, not the indicator name's).
 */
import { parseAddress, parseRange, toAddress } from "../../address";
import type { Form } from "../../engine/types";
import { cellText, stripSpace } from "../../engine/text";
import type { Grid } from "../grid";
import { formColumns, freeCell } from "./gradePlace";

export interface TotalRows {
  /** The 总分 row; the 等级 row is the one under it. */
  readonly row: number;
  readonly totalLabel: number;
  readonly gradeLabel: number;
  readonly valueCol: number;
}

/** How far below the last scored indicator the table's own empty rows may go. */
const MAX_TABLE_ROWS = 20;

export function totalRows(grid: Grid, form: Form): TotalRows | null {
  const last = form.indicators[form.indicators.length - 1];
  if (!last) return null;
  const name = parseAddress(last.name.address);
  const scoreCell = form.indicators.find((r) => r.score)?.score;
  const valueCol = scoreCell ? parseAddress(scoreCell.address).col : name.col + 1;
  const { left, right } = formColumns(grid, form);
  const merges = grid.merges.flatMap((m) => {
    try {
      return [parseRange(m)];
    } catch {
      return [];
    }
  });
  // the table's vertical merges (绩效指标, 效益指标…) that reach the last indicator's row
  const tableBottom = Math.max(
    name.row,
    ...merges
      .filter(
        (m) => m.top <= name.row && m.bottom >= name.row && m.left <= right && m.right >= left
      )
      .map((m) => m.bottom)
  );
  for (let row = name.row + 1; row <= tableBottom + MAX_TABLE_ROWS; row++) {
    const total = labelled(grid, row, left, right, "总分", name.col, valueCol);
    const grade = labelled(grid, row + 1, left, right, "等级", name.col, valueCol);
    if (row > tableBottom && total !== null && grade !== null)
      return { row, totalLabel: total, gradeLabel: grade, valueCol };
    // a row of the table (inside its merges, or an indicator row with no score): passed over;
    // anything else below the table (notes, signatures) ends the search
    if (row > tableBottom && !emptyIndicatorRow(grid, row, left, right, levelCols(form)))
      return null;
  }
  return null;
}

/**
 * The label's column when the row is free across the form's columns but for a printed label
 * `word` (its column), or free entirely (the indicator name's column); null when it is not.
 */
function labelled(
  grid: Grid,
  row: number,
  left: number,
  right: number,
  word: string,
  nameCol: number,
  valueCol: number
): number | null {
  let label: number | null = null;
  for (let c = left; c <= right; c++) {
    const address = toAddress(row, c);
    if (freeCell(grid, address)) continue;
    if (
      label === null &&
      c !== valueCol &&
      stripSpace(text(grid, address)).replace(/[:：]$/, "") === word
    )
      label = c;
    else return null;
  }
  return label ?? nameCol;
}

/** The columns of the 一级 / 二级指标 labels. */
function levelCols(form: Form): Set<number> {
  const cols = new Set<number>();
  for (const r of form.indicators)
    for (const c of [r.level1, r.level2]) if (c?.address) cols.add(parseAddress(c.address).col);
  return cols;
}

/**
 * A row of the indicator table that names no indicator and has no score: nothing in it but a
 * 一级 / 二级指标 label (the template's empty 经济效益指标 row).
 */
function emptyIndicatorRow(
  grid: Grid,
  row: number,
  left: number,
  right: number,
  levels: ReadonlySet<number>
): boolean {
  let labels = 0;
  for (let c = left; c <= right; c++) {
    const address = toAddress(row, c);
    if (freeCell(grid, address) || stripSpace(text(grid, address)) === "") continue;
    if (!levels.has(c)) return false;
    labels++;
  }
  return labels > 0;
}

function text(grid: Grid, address: string): string {
  const p = parseAddress(address);
  const o = parseAddress(grid.origin || "A1");
  return cellText(grid.values[p.row - o.row]?.[p.col - o.col] ?? null);
}
