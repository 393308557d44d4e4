/**
 * The ledger sheet: the very hidden state sheet that holds what the add-in wrote (cell, hash, the
 * cell as it was), written first so that a write Excel stops half-way is still known as the
 * add-in's. Rows the same as stored are not written again.
 */
import type { CellScalar } from "../../engine/types";
import { STATE_SHEET, stateToRows, type WorkbookState } from "../../form/state";
import { excelInput } from "./cells";
import { rectAddress, type Rect } from "../../address";
import type { Io, SheetInfo, Writer } from "./session";

/** Writes the state sheet; resolves to the sheet where it added one (its id loaded once flushed). */
export async function writeState(
  io: Io,
  writer: Writer,
  state: WorkbookState,
  info: SheetInfo | null,
  usedRect: Rect | null,
  current?: readonly (readonly CellScalar[])[]
): Promise<Excel.Worksheet | null> {
  const rows = stateToRows(state);
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, i) => excelInput(r[i] ?? null)));
  let ws: Excel.Worksheet;
  // rows the same as stored are not written again: re-scoring one tab of many rewrites the
  // ledger from its first change on (that tab's entries, which the ledger keeps last)
  let from = 0;
  if (info) {
    ws = io.sheet(info);
    if (
      current &&
      usedRect &&
      usedRect.top === 1 &&
      usedRect.left === 1 &&
      usedRect.right <= width
    ) {
      from = firstDifferentRow(current, rows, width);
      if (from === rows.length && current.length === rows.length) return null;
      if (current.length > rows.length) {
        const rest = ws.getRange(
          rectAddress({
            top: rows.length + 1,
            left: 1,
            bottom: usedRect.bottom,
            right: usedRect.right,
          })
        );
        await writer.add(100, () => rest.clear());
      }
    } else if (usedRect) {
      const range = ws.getRange(rectAddress(usedRect));
      await writer.add(100, () => range.clear());
    }
  } else {
    const added = io.context.workbook.worksheets.add(STATE_SHEET);
    await writer.add(100, () => {
      added.visibility = "VeryHidden";
      added.load("id");
    });
    ws = added;
  }
  await writer.rows(ws, from + 1, cells.slice(from), false);
  return info ? null : ws;
}

/** The index of the first row of `rows` that `current` (the stored rows, every cell compared as text) does not hold as it is. */
function firstDifferentRow(
  current: readonly (readonly CellScalar[])[],
  rows: readonly (readonly CellScalar[])[],
  width: number
): number {
  const text = (v: CellScalar | undefined): string =>
    v === null || v === undefined ? "" : String(v);
  const same = (i: number): boolean =>
    i < current.length &&
    Array.from({ length: width }, (_, j) => j).every(
      (j) => text(current[i]?.[j]) === text(rows[i][j])
    );
  let i = 0;
  while (i < rows.length && same(i)) i++;
  return i;
}
