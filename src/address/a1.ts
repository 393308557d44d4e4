/**
 * A1 addresses as Excel writes and reads them — "B8", "$B$8", "B8:C12", "A:C", "3:5",
 * "Sheet1!A1", "'《丰台报》相关费用'!B2:I28", "'O''Brien'!A1" — and back. Pure, imports nothing:
 * every layer (engine, form, both hosts, the fake Excel) reads and writes addresses here.
 */
import { MAX_COLS, MAX_ROWS, type Rect } from "./rect";

/** 1-based row and column of a cell. */
export interface Position {
  readonly row: number;
  readonly col: number;
}

/** 1 → "A", 27 → "AA", 16384 → "XFD". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLS) throw new RangeError(`不是列号：${col}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" → 1, "aa" → 27, "XFD" → 16384. */
export function columnNumber(letters: string): number {
  const n = /^[A-Za-z]{1,3}$/.test(letters) ? columnValue(letters) : 0;
  if (n < 1 || n > MAX_COLS) throw new RangeError(`不是列标：${letters}`);
  return n;
}

/** (8, 2) → "B8". */
export function toAddress(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new RangeError(`不是行号：${row}`);
  return `${columnLetters(col)}${row}`;
}

/** "B8" or "$B$8" → { row: 8, col: 2 }; anything else throws. */
export function parseAddress(address: string): Position {
  const part = readPart(address);
  if (!part || part.row === null || part.col === null)
    throw new Error(`不是单元格地址：${address}`);
  return { row: part.row, col: part.col };
}

/**
 * "B8" or "$B$8" → { row: 8, col: 2 } without a regular expression or a string made, for the
 * loops over every <c r="…"> of a sheet; null for anything parseAddress would refuse.
 */
export function cellPosition(ref: string): Position | null {
  const n = ref.length;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // "$"
  const lettersFrom = i;
  let col = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  const letters = i - lettersFrom;
  if (ref.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + c - 48;
    else return null;
  }
  const digits = i - digitsFrom;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7) return null;
  if (col > MAX_COLS || row < 1 || row > MAX_ROWS) return null;
  return { row, col };
}

/**
 * A range ("B8:C12", "$A$1", "A:C", "3:5"), sheet-qualified or not, as its rectangle; a single
 * cell is its own range. Throws on anything else.
 */
export function parseRange(range: string): Rect {
  const rect = readRange(splitSheet(range).local);
  if (!rect) throw new Error(`不是单元格区域：${range}`);
  return rect;
}

/** A local range ("A1", "A1:B2", "A:C", "3:5") as a rectangle, or null when it is not one. */
export function readRange(local: string): Rect | null {
  const [a, b, extra] = local.split(":");
  if (extra !== undefined) return null;
  const p = readPart(a);
  const q = b === undefined ? p : readPart(b);
  if (!p || !q) return null;
  if ((p.row === null) !== (q.row === null) || (p.col === null) !== (q.col === null)) return null;
  if (b === undefined && (p.row === null || p.col === null)) return null;
  const top = p.row === null ? 1 : Math.min(p.row, q.row as number);
  const bottom = p.row === null ? MAX_ROWS : Math.max(p.row, q.row as number);
  const left = p.col === null ? 1 : Math.min(p.col, q.col as number);
  const right = p.col === null ? MAX_COLS : Math.max(p.col, q.col as number);
  return { top, left, bottom, right };
}

/** A rectangle as "B8:C12", or "B8" for one cell. */
export function rectAddress(r: Rect): string {
  const a = toAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toAddress(r.bottom, r.right)}`;
}

/** Splits "'a''b'!A1:B2" into the sheet name ("a'b") and the local part ("A1:B2"). */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] !== "'") break;
        name += "'";
        i += 2;
        continue;
      }
      name += a[i++];
    }
    if (a[i + 1] !== "!") return { sheet: null, local: a };
    return { sheet: name, local: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf("!");
  return bang < 0
    ? { sheet: null, local: a }
    : { sheet: a.slice(0, bang), local: a.slice(bang + 1) };
}

/** The local part of an address without its $ signs ("'《丰台报》'!$B$2:I28" → "B2:I28"). */
export function localAddress(address: string): string {
  return splitSheet(address).local.replace(/\$/g, "");
}

/** Excel quotes a sheet name in an address unless it is letters, digits and underscores (or CJK). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "'《丰台报》'!B2:I28": a rectangle named with its sheet. */
export function qualified(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

/** One side of a range: "$B$8", "B", "8"; null when it is none of them or off the sheet. */
function readPart(part: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(part.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row !== null && (row < 1 || row > MAX_ROWS)) return null;
  const col = m[1] ? columnValue(m[1]) : null;
  if (col !== null && col > MAX_COLS) return null;
  return { col, row };
}

/** Letters read base 26 (A = 1), unchecked. */
function columnValue(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
