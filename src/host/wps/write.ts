/**
 * A plan's edits written to one WPS sheet with whole-range writes: values and formulas as
 * rectangles of cells (one Value2 or Formula write each), number formats and fills as
 * rectangles of one format or colour (one write each), notes as WPS comments (one call a
 * comment: WPS has no bulk comment write). A cell that already holds what the plan sets is left
 * alone, so that re-scoring an unchanged form writes nothing. The same blocks as the Office.js
 * host (src/host/cells.ts).
 */
import type { Grid } from "../../form/grid";
import { cellState, type CellEdit } from "../../form/plan";
import { rectAddress } from "../../address";
import { blocks, matches, valueInput } from "../cells";
import { bgrFromHex } from "./colors";
import { XL, type WpsSheet } from "./api";

export interface Tally {
  cells: number;
  notes: number;
  fills: number;
}

/** Writes `edits` (of one sheet) over `grid` (the sheet as read); `wrote` hears every range written. */
export function writeEdits(
  ws: WpsSheet,
  grid: Grid,
  edits: readonly CellEdit[],
  wrote: (address: string) => void
): Tally {
  const values = new Map<string, { input: string | number | boolean; formula: boolean }>();
  const formats = new Map<string, string>();
  const fills = new Map<string, string | null>();
  const notes: { address: string; note: string | null }[] = [];
  for (const e of edits.filter((x) => !matches(cellState(grid, x.address), x.set))) {
    const set = e.set;
    if ("value" in set || "formula" in set) {
      if (set.formula) values.set(e.address, { input: set.formula, formula: true });
      else {
        const format =
          "numberFormat" in set ? set.numberFormat : cellState(grid, e.address).numberFormat;
        values.set(e.address, { input: valueInput(set.value ?? null, format), formula: false });
      }
    }
    if ("numberFormat" in set) formats.set(e.address, set.numberFormat ?? "General");
    if ("fill" in set) fills.set(e.address, set.fill ?? null);
    if ("note" in set) notes.push({ address: e.address, note: set.note ?? null });
  }
  for (const b of blocks(values)) {
    const address = rectAddress(b.rect);
    const inputs = b.cells.map((line) => line.map((c) => c.input));
    const single = b.rect.top === b.rect.bottom && b.rect.left === b.rect.right;
    wrote(address);
    const range = ws.Range(address);
    if (b.cells.some((line) => line.some((c) => c.formula)))
      range.Formula = single ? (inputs[0][0] as string) : inputs;
    else range.Value2 = single ? inputs[0][0] : inputs;
  }
  // number formats after the values, as the Office.js host writes them
  for (const b of blocks(formats, (x, y) => x === y)) {
    wrote(rectAddress(b.rect));
    ws.Range(rectAddress(b.rect)).NumberFormat = b.cells[0][0];
  }
  for (const b of blocks(fills, (x, y) => x === y)) {
    const color = b.cells[0][0];
    wrote(rectAddress(b.rect));
    const interior = ws.Range(rectAddress(b.rect)).Interior;
    if (color) interior.Color = bgrFromHex(color);
    else interior.ColorIndex = XL.colorIndexNone;
  }
  const had = grid.notes ?? {};
  for (const { address, note } of notes) {
    wrote(address);
    const range = ws.Range(address);
    if (address in had) {
      const comment = range.Comment;
      if (note === null) comment?.Delete();
      else if (comment) comment.Text(note);
      else range.AddComment(note);
    } else if (note !== null) range.AddComment(note);
  }
  return {
    cells: new Set([...values.keys(), ...formats.keys()]).size,
    notes: notes.length,
    fills: fills.size,
  };
}
