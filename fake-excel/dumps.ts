/**
 * Plain dumps of a sheet of the fake's document for assertions: one cell, every cell that holds
 * anything, and the sheet as a Grid (the truth a host's reading is compared with). FakeExcel's
 * cell, dump and grid (fake.ts) are these, by sheet name.
 */
import type { Grid } from "../src/form/grid";
import {
  toAddress as cellAddress,
  MAX_COLS,
  readRange as parseLocal,
  rectAddress,
  type Rect,
} from "../src/address";
import { isDateFormat, isoFromSerial, type CellModel, type Scalar, type SheetModel } from "./model";

export interface CellDump {
  readonly value: Scalar | null;
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly note: string | null;
  readonly comment: string | null;
  /** "FFC7CE" (no #), or null for no fill. */
  readonly fill: string | null;
}

/** One cell: its value (null when empty), formula, number format, note, comment and fill. */
export function cellDump(s: SheetModel, address: string): CellDump {
  const p = parseLocal(address) as Rect;
  const c: CellModel | undefined = s.get(p.top, p.left);
  const local = cellAddress(p.top, p.left);
  return {
    value: c && c.value !== "" ? c.value : null,
    formula: c?.formula ?? null,
    numberFormat: c?.numberFormat ?? "General",
    note: s.notes.get(local)?.content ?? null,
    comment: s.comments.get(local)?.content ?? null,
    fill: c?.fill ? c.fill.slice(1) : null,
  };
}

/** Every cell of a sheet that holds anything (value, format, fill, note, comment), by address. */
export function sheetDump(s: SheetModel): Record<string, CellDump> {
  const addresses = new Set<string>([...s.notes.keys(), ...s.comments.keys()]);
  for (const k of s.cells.keys())
    addresses.add(cellAddress(Math.floor(k / MAX_COLS) + 1, (k % MAX_COLS) + 1));
  const out: Record<string, CellDump> = {};
  for (const a of [...addresses].sort()) out[a] = cellDump(s, a);
  return out;
}

/**
 * The sheet as a Grid, straight from the document: the used range of values, formulas where a
 * cell has one, number formats, merges, every note (or comment) and fill. A number in a date
 * format reads as its ISO date, as the hosts do.
 */
export function sheetGrid(s: SheetModel): Grid {
  const rect = s.usedRect(true);
  const notes: Record<string, string> = {};
  for (const [a, n] of s.comments) notes[a] = n.content;
  for (const [a, n] of s.notes) notes[a] = n.content;
  const fills: Record<string, string> = {};
  for (const [k, c] of s.cells)
    if (c.fill)
      fills[cellAddress(Math.floor(k / MAX_COLS) + 1, (k % MAX_COLS) + 1)] = c.fill.slice(1);
  const merges = s.merges.map(rectAddress);
  if (!rect)
    return {
      sheet: s.name,
      origin: "A1",
      values: [],
      formulas: [],
      numberFormats: [],
      merges,
      protected: s.protected_,
      notes,
      fills,
    };
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const v: Scalar[] = [];
    const f: (string | null)[] = [];
    const n: string[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = s.get(r, c);
      const format = cell?.numberFormat ?? "General";
      const value = cell?.value ?? "";
      v.push(typeof value === "number" && isDateFormat(format) ? isoFromSerial(value) : value);
      f.push(cell?.formula ?? null);
      n.push(format);
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return {
    sheet: s.name,
    origin: cellAddress(rect.top, rect.left),
    values,
    formulas,
    numberFormats,
    merges,
    protected: s.protected_,
    notes,
    fills,
  };
}
