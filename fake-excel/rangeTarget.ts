/**
 * What a range proxy stands for (a rectangle of a worksheet) and the checks on writing to it: the
 * input's shape, Excel's limits on what one cell holds, protected sheets, the read cap.
 */
import { columnCount as cols, rowCount as rows, type Rect } from "../src/address";
import { accessDenied, FakeOfficeError } from "./errors";
import type { Scalar, SheetModel } from "./model";

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

export type Grid2D = (Scalar | null)[][];

export function shapeOf(input: unknown, r: Rect, label: string): Grid2D {
  const h = rows(r);
  const w = cols(r);
  if (!Array.isArray(input)) {
    // a single value is written to every cell of the range
    return Array.from({ length: h }, () => Array.from({ length: w }, () => input as Scalar | null));
  }
  const ok = input.length === h && input.every((row) => Array.isArray(row) && row.length === w);
  if (!ok)
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${label}: range ${h}×${w})`,
      label
    );
  return input as Grid2D;
}

/** Excel's limits on what one cell holds: 32,767 characters of text, 8,192 of a formula, 255 of a HYPERLINK location. */
export function checkLimits(v: unknown, label: string): void {
  if (typeof v !== "string") return;
  if (v.startsWith("=")) {
    if (v.length > 8192)
      throw new FakeOfficeError(
        "FormulaLengthExceedsLimit",
        "The formula is longer than 8,192 characters.",
        label
      );
    const link = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(v);
    if (link && link[1].replace(/""/g, '"').length > 255)
      throw new FakeOfficeError(
        "InvalidArgument",
        "A HYPERLINK location is longer than 255 characters.",
        label
      );
  } else if (v.length > 32767)
    throw new FakeOfficeError(
      "InvalidArgument",
      "A cell can hold at most 32,767 characters.",
      label
    );
}

/** Reading more than this many cells at once would not come back from Excel on the web anyway. */
export const READ_CELL_CAP = 2_000_000;

export function assertWritable(t: RangeTarget, label: string): void {
  if (t.sheet.protected_) throw accessDenied(t.sheet.name, label);
}

/**
 * Domain §8: in a merged area only the top-left cell holds a value. A value other than "" written
 * into one of its hidden cells is refused (InvalidArgument), stricter than desktop Excel, which is
 * reported to drop such a write silently: either way the value would be lost, so a gateway that
 * tries it must fail its tests.
 */
export function assertNotHiddenByMerge(
  t: RangeTarget,
  row: number,
  col: number,
  value: unknown,
  label: string
): void {
  if (value === "") return;
  const area = t.sheet.merges.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
  );
  if (area && (row !== area.top || col !== area.left))
    throw new FakeOfficeError(
      "InvalidArgument",
      `The cell is hidden by a merged area; only its top-left cell can hold a value. (${t.sheet.name})`,
      label
    );
}
