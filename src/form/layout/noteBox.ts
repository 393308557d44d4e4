import { textWidth } from "./sheetLayout";

/**
 * A note's box sized to its text (issue 14), pure: its width from the longest line (9-point 宋体:
 * a CJK character about 9 pt, a Latin one about half), between 120 and 300 pt; its height from
 * the number of lines once wrapped to that width; both turned into a VML anchor with the sheet's
 * real row heights and column widths, starting one column right of the cell and a row above it,
 * as Excel places a note.
 */
export const NOTE_FONT_PT = 9;
const CHAR_PT = NOTE_FONT_PT / 2; // one width unit (a CJK character counts two)
const LINE_PT = 12;
const PADDING_PT = 8;
const MIN_WIDTH_PT = 120;
const MAX_WIDTH_PT = 300;

export interface NoteBox {
  readonly lines: number;
  readonly widthPt: number;
  readonly heightPt: number;
}

export function noteBox(text: string): NoteBox {
  const raw = text.split("\n");
  const longest = Math.max(1, ...raw.map(textWidth));
  const widthPt = Math.min(
    MAX_WIDTH_PT,
    Math.max(MIN_WIDTH_PT, longest * CHAR_PT + 2 * PADDING_PT)
  );
  const perLine = Math.max(1, Math.floor((widthPt - 2 * PADDING_PT) / CHAR_PT));
  const lines = raw.reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / perLine)), 0);
  return { lines, widthPt, heightPt: lines * LINE_PT + 2 * PADDING_PT };
}

/** The sheet's sizes a note is placed against (0-based row and column). */
export interface SheetMetrics {
  rowHeightPt(row0: number): number;
  columnWidthPx(col0: number): number;
}

/** Pixels at 96 dpi in a number of points. */
function px(pt: number): number {
  return Math.round((pt * 96) / 72);
}

/** Walk cells of size `size(i)` from `start` + `offset` px for `length` px: the end cell and offset. */
function walk(
  start: number,
  offset: number,
  length: number,
  size: (i: number) => number
): [number, number] {
  let i = start;
  let left = offset + length;
  for (let guard = 0; guard < 10_000; guard++) {
    const s = Math.max(1, size(i));
    if (left < s) return [i, Math.round(left)];
    left -= s;
    i++;
  }
  return [i, 0];
}

/**
 * VML <x:Anchor>: "LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset, BottomRow,
 * BottomOffset" (cells 0-based, offsets in pixels).
 */
export function noteAnchor(
  row0: number,
  col0: number,
  text: string,
  metrics: SheetMetrics
): string {
  const box = noteBox(text);
  const rowPx = (r: number): number => px(metrics.rowHeightPt(r));
  const left = col0 + 1;
  const top = Math.max(row0 - 1, 0);
  const [right, rightOff] = walk(left, 15, px(box.widthPt), metrics.columnWidthPx);
  const [bottom, bottomOff] = walk(top, 10, px(box.heightPt), rowPx);
  return `${left}, 15, ${top}, 10, ${right}, ${rightOff}, ${bottom}, ${bottomOff}`;
}
