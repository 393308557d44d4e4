import type { CellScalar } from "../engine/types";

/**
 * What a host hands over for one sheet (design.md): the used range's values, formulas and number
 * formats as parallel row-major arrays (the shape Office.js returns), the range's top-left address,
 * and the merged areas. Nothing else.
 */
export interface Grid {
  readonly sheet: string;
  /** A1 address of values[0][0], e.g. "A1" or "B3". */
  readonly origin: string;
  /** Cell values; "" or null for an empty cell. Numbers as the host returns them. */
  readonly values: readonly (readonly CellScalar[])[];
  /** Formulas ("=SUM(H5:H20)") where the host has them, aligned with values; null/"" for none. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Number formats ("0.00%", "General"), aligned with values. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /** Merged areas as A1 ranges ("B8:B12"), absolute on the sheet. */
  readonly merges: readonly string[];
  /** The sheet is protected: it can be read, not written. */
  readonly protected?: boolean;
  /** Notes (comments) by A1 address, where the host has them. */
  readonly notes?: Readonly<Record<string, string>>;
  /** Solid fill colours ("FFC7CE", no #) by A1 address, where the host has them. */
  readonly fills?: Readonly<Record<string, string>>;
  /**
   * A cell's own look by A1 address, opaque and host-specific (the .xlsx style index "s:5", the
   * add-in's cell properties as JSON), where the host has it: the ledger keeps it for 撤销 of a
   * style copy (CellEdit.style).
   */
  readonly looks?: Readonly<Record<string, string>>;
}

/** 1-based row and column of an A1 address. */
export interface Position {
  readonly row: number;
  readonly col: number;
}

export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function parseAddress(address: string): Position {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`不是单元格地址：${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function toAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "B8:C12" → its corners; a single cell "B8" is its own range. */
export function parseRange(range: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [a, b] = range.replace(/^.*!/, "").split(":");
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
