/**
 * Reading what WPS gives only as "one value, or null where the cells differ" (NumberFormat,
 * Interior.Color, MergeCells — as VBA documents them) without asking cell by cell: the range is
 * asked whole, and only a range that answers null is halved across its longer side and asked
 * again (so the empty rows under a form go in a few calls). The calls grow with the number of
 * regions of like cells (and the logarithm of the sheet's size), not with the number of cells.
 */
import type { Rect } from "../../address";

/** Calls `uniform(rect, value)` for rectangles that cover `rect`, each of cells that agree. */
export function readRegions<T>(
  rect: Rect,
  ask: (r: Rect) => T | null,
  uniform: (r: Rect, value: T) => void
): void {
  const stack: Rect[] = [rect];
  while (stack.length) {
    const r = stack.pop() as Rect;
    const v = ask(r);
    if (v !== null && v !== undefined) {
      uniform(r, v);
      continue;
    }
    const cols = r.right - r.left + 1;
    const rows = r.bottom - r.top + 1;
    if (cols === 1 && rows === 1) continue; // a single cell that gives nothing: nothing to record
    if (cols > 1 && cols >= rows) {
      const mid = r.left + Math.floor(cols / 2) - 1;
      stack.push({ ...r, left: mid + 1 }, { ...r, right: mid });
    } else {
      const mid = r.top + Math.floor(rows / 2) - 1;
      stack.push({ ...r, top: mid + 1 }, { ...r, bottom: mid });
    }
  }
}
