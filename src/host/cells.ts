import type { CellScalar } from "../engine/types";
import type { CellField, CellState } from "../form/plan";
import { parseAddress, type Rect } from "../address";

/**
 * Pure helpers of the interactive hosts (Office.js and WPS): how a value must be written so that Excel keeps it as it
 * is, rectangles of cells to write in one range operation, Excel's dates and fills (addresses:
 * src/address).
 */

/**
 * What to put in `range.values` so that the cell ends up holding exactly `value`. Excel reads a
 * written string as typing: "98.75%" becomes 0.9875, "00012345" becomes 12345, "2024-03-31" a date,
 * "=…", "+…" and "-…" a formula, "TRUE" a boolean. A leading apostrophe keeps such a string text
 * (and is not part of the value read back). null clears the cell: in `range.values` a null means
 * "leave this cell as it is", so an empty cell is written as "".
 */
export function excelInput(value: CellScalar): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  return value !== "" && needsApostrophe(value) ? `'${value}` : value;
}

function needsApostrophe(s: string): boolean {
  const t = s.trimStart();
  if (t === "") return false;
  // digits (also full-width), signs, a decimal point, currency, a bracket (accounting negatives),
  // an apostrophe, @ and # (error literals), or a boolean word: Excel might convert any of them
  return /^[0-9０-９=+\-'@#.．,(（¥$￥＋－]/.test(t) || /^(true|false)$/i.test(t.trim());
}

/** The UTF-8 length of a string, for payload estimates (a browser has no Buffer). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonLength(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

export interface Block<T> {
  readonly rect: Rect;
  /** Row-major, rect-shaped. */
  readonly cells: T[][];
}

/**
 * Groups cells into rectangles to write with one range operation each: runs of adjacent cells in
 * a row, then runs of the same columns in adjacent rows (a score column H6:H20 is one block).
 * Every cell of a block is one of the given cells; `same` keeps only equal values together
 * (a fill colour), or any value may share a block (values written as an array).
 */
export function blocks<T>(
  cells: ReadonlyMap<string, T>,
  same: (a: T, b: T) => boolean = () => true
): Block<T>[] {
  const items = [...cells].map(([address, value]) => ({ ...parseAddress(address), value }));
  items.sort((a, b) => a.row - b.row || a.col - b.col);
  interface Run {
    row: number;
    left: number;
    right: number;
    values: T[];
  }
  const runs: Run[] = [];
  for (const it of items) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.row === it.row &&
      last.right + 1 === it.col &&
      same(last.values[0], it.value)
    ) {
      last.right = it.col;
      last.values.push(it.value);
    } else runs.push({ row: it.row, left: it.col, right: it.col, values: [it.value] });
  }
  const open = new Map<
    string,
    { top: number; bottom: number; left: number; right: number; cells: T[][] }
  >();
  const done: Block<T>[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const o = open.get(key);
    if (o && o.bottom + 1 === run.row && same(o.cells[0][0], run.values[0])) {
      o.bottom = run.row;
      o.cells.push(run.values);
    } else {
      if (o)
        done.push({
          rect: { top: o.top, left: o.left, bottom: o.bottom, right: o.right },
          cells: o.cells,
        });
      open.set(key, {
        top: run.row,
        bottom: run.row,
        left: run.left,
        right: run.right,
        cells: [run.values],
      });
    }
  }
  for (const o of open.values())
    done.push({
      rect: { top: o.top, left: o.left, bottom: o.bottom, right: o.right },
      cells: o.cells,
    });
  return done.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

/** A number format that shows a date (Excel hands the cell over as a serial number). */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return !/^General$/i.test(f) && /[yd]/i.test(f);
}

const EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial date as the ISO date the xlsx host hands over ("2024-03-31", with the time when it has one). */
export function isoFromSerial(serial: number): string {
  const iso = new Date(EPOCH + Math.round(serial * 86_400_000)).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** The serial number of an ISO date (or date and time), or null when the text is not one. */
export function serialFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return null;
  const t = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0)
  );
  return (t - EPOCH) / 86_400_000;
}

/** A fill as the plan writes it ("FFC7CE"), from what Excel reports ("#FFC7CE"; null or "None" pattern: no fill). */
export function planFill(
  color: string | null | undefined,
  pattern: string | null | undefined
): string | null {
  if (!color) return null;
  if (pattern === "None") return null;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) return null;
  const rgb = m[1].toUpperCase();
  // without the pattern (ExcelApi < 1.9) Excel's "no fill" reads as white: take white as none
  if (pattern === undefined && rgb === "FFFFFF") return null;
  return rgb;
}

/** Whether a cell already holds every field an edit sets (such an edit is not written again). */
export function matches(state: CellState, set: Partial<CellState>): boolean {
  return (Object.keys(set) as CellField[]).every((f) => (state[f] ?? null) === (set[f] ?? null));
}

/** A value as written to a host: an ISO date back to its serial number in a date-formatted cell. */
export function valueInput(
  value: CellScalar,
  format: string | null | undefined
): string | number | boolean {
  if (typeof value === "string" && isDateFormat(format)) {
    const serial = serialFromIso(value);
    if (serial !== null) return serial;
  }
  return excelInput(value);
}
