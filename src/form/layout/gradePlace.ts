import type { Form } from "../../engine/types";
import { type Grid } from "../grid";
import { parseAddress, parseRange, toAddress } from "../../address";
import { formCells } from "../recognize";

/**
 * Where the grade goes inside the printed form (issue 14), pure: the template's 等级 cell; else free
 * cells of the total row right of the total (of its merged area, issue 11) and within the form's
 * columns (two: a 等级 label and the grade; one: "等级：优" in it); else the total's own display
 * (a number format 0.00"（优）" keeps the cell a number); never outside the form's columns.
 */
export type GradePlace =
  | { readonly kind: "template"; readonly address: string }
  | { readonly kind: "labelled"; readonly label: string; readonly address: string }
  | { readonly kind: "single"; readonly address: string }
  | { readonly kind: "format"; readonly address: string }
  | { readonly kind: "none" };

/** The columns a form is printed across: its cells, and the merged areas in its rows. */
export function formColumns(grid: Grid, form: Form): { left: number; right: number } {
  const cells = [form.anchor, ...formCells(form)].map(parseAddress);
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  let left = Math.min(...cells.map((c) => c.col));
  let right = Math.max(...cells.map((c) => c.col));
  for (const r of mergedAreas(grid)) {
    if (r.bottom < top || r.top > bottom) continue;
    left = Math.min(left, r.left);
    right = Math.max(right, r.right);
  }
  return { left, right };
}

/** The grid's merged areas that are ranges (a host may hand over anything). */
function mergedAreas(grid: Grid): ReturnType<typeof parseRange>[] {
  const out: ReturnType<typeof parseRange>[] = [];
  for (const m of grid.merges) {
    try {
      out.push(parseRange(m));
    } catch {
      // not a range: no merged area
    }
  }
  return out;
}

/** An empty cell with no formula that shows on its own (not hidden inside a merged area). */
export function freeCell(grid: Grid, address: string): boolean {
  const p = parseAddress(address);
  const o = parseAddress(grid.origin || "A1");
  const value = grid.values[p.row - o.row]?.[p.col - o.col];
  const formula = grid.formulas?.[p.row - o.row]?.[p.col - o.col];
  if (formula || (value !== null && value !== undefined && String(value).trim() !== ""))
    return false;
  return !mergedAreas(grid).some((r) => {
    const inside = p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
    return inside && (p.row !== r.top || p.col !== r.left || r.right > r.left);
  });
}

export function gradePlace(grid: Grid, form: Form, totalAddress: string): GradePlace {
  if (form.grade) return { kind: "template", address: form.grade.address };
  const t = parseAddress(totalAddress);
  const { right } = formColumns(grid, form);
  // a total merged across the row (总分 | B20:G20, issue 11): the free cells start right of the area
  const area = mergedAreas(grid).find((r) => r.top === t.row && r.left === t.col);
  const free: number[] = [];
  for (let c = (area?.right ?? t.col) + 1; c <= right && free.length < 2; c++) {
    if (!freeCell(grid, toAddress(t.row, c))) break;
    free.push(c);
  }
  if (free.length === 2)
    return {
      kind: "labelled",
      label: toAddress(t.row, free[0]),
      address: toAddress(t.row, free[1]),
    };
  if (free.length === 1) return { kind: "single", address: toAddress(t.row, free[0]) };
  return { kind: "format", address: totalAddress };
}

/** The total's display with its grade: 96.36 shows "96.36（优）" and stays a number. */
export function gradeFormat(grade: string, decimals = 2): string {
  return `${decimals > 0 ? `0.${"0".repeat(decimals)}` : "0"}"（${grade}）"`;
}
