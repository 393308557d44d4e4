import { type Grid } from "./grid";
import { parseAddress, toAddress } from "../address";
import type { WritePlan } from "./plan";

/**
 * Apply a plan to a grid, as a host does to a sheet: the reference semantics the ExcelJS and
 * Office.js hosts are tested against. The used range grows to take cells written outside it.
 */
export function applyPlanToGrid(grid: Grid, plan: WritePlan): Grid {
  const origin = parseAddress(grid.origin || "A1");
  let top = origin.row;
  let left = origin.col;
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  let bottom = origin.row + grid.values.length - 1;
  let right = origin.col + width - 1;
  for (const e of plan.edits) {
    const p = parseAddress(e.address);
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const at = <T>(src: readonly (readonly T[])[] | undefined, empty: T): T[][] =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const v = src?.[r + top - origin.row]?.[c + left - origin.col];
        return v === undefined ? empty : v;
      })
    );
  const values = at(grid.values, null as Grid["values"][number][number]);
  const formulas = at(grid.formulas, null as string | null);
  const numberFormats = at(grid.numberFormats, null as string | null);
  const notes: Record<string, string> = { ...(grid.notes ?? {}) };
  const fills: Record<string, string> = { ...(grid.fills ?? {}) };
  const looks: Record<string, string> | undefined = grid.looks ? { ...grid.looks } : undefined;
  for (const e of plan.edits) {
    const p = parseAddress(e.address);
    const r = p.row - top;
    const c = p.col - left;
    if ("value" in e.set) {
      values[r][c] = e.set.value ?? null;
      formulas[r][c] = "formula" in e.set ? (e.set.formula ?? null) : null;
    }
    if ("numberFormat" in e.set) numberFormats[r][c] = e.set.numberFormat ?? null;
    if ("note" in e.set) {
      if (e.set.note) notes[e.address] = e.set.note;
      else delete notes[e.address];
    }
    if ("fill" in e.set) {
      if (e.set.fill) fills[e.address] = e.set.fill;
      else delete fills[e.address];
    }
    // a style copy takes the other cell's look; 撤销 sets the look the ledger kept
    const look = "look" in e.set ? e.set.look : e.style ? grid.looks?.[e.style.like] : undefined;
    if (looks && (e.style || "look" in e.set)) {
      if (look) looks[e.address] = look;
      else delete looks[e.address];
    }
  }
  return {
    ...grid,
    origin: toAddress(top, left),
    values,
    formulas,
    numberFormats,
    notes,
    fills,
    ...(looks ? { looks } : {}),
  };
}
