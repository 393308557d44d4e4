import type { CellScalar } from "../../../engine/types";
import { parseRange } from "../../../form/grid";
import { isoCellDate, serialToIso } from "./formats";
import { shiftFormula } from "./formula";
import type { StyleIndex } from "./readStyles";
import { decodeEscapes, walk } from "./xml";

/** One <c> of a sheet as read: value, "=" + formula (or null), style index. */
export interface SheetCell {
  readonly row: number;
  readonly col: number;
  value: CellScalar;
  formula: string | null;
  readonly style: number;
}

export interface SheetCells {
  /** Every <c> element, values or not (an empty cell still has its style), by cellKey. */
  readonly cells: Map<number, SheetCell>;
  readonly merges: string[];
  readonly protected: boolean;
}

export function cellKey(row: number, col: number): number {
  return row * 16_384 + col;
}

interface Pending {
  row: number;
  col: number;
  type: string;
  style: number;
  f: string | null;
  fAttrs: Record<string, string> | null;
  v: string | null;
  inline: string | null;
}

/**
 * A worksheet part's cells, streamed. Values as the Grid contract says (design.md): shared and
 * inline strings as their text, booleans, errors as their text, numbers, dates (a number in a date
 * format, a t="d" cell) as ISO dates; a formula's cached result as its value ("" when none was
 * saved), a shared formula translated to its cell; the covered cells of a merge empty.
 */
export function readSheetCells(
  text: string,
  strings: readonly string[],
  styles: StyleIndex,
  date1904: boolean
): SheetCells {
  const cells = new Map<number, SheetCell>();
  const merges: string[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let isProtected = false;
  let row = 0;
  let col = 0;
  let cell: Pending | null = null;
  let mode: "f" | "v" | "t" | null = null;
  let inIs = false;
  let phonetic = 0;

  const finish = (c: Pending): void => {
    let formula: string | null = null;
    if (c.fAttrs) {
      const f = c.f ?? "";
      const si = c.fAttrs.si;
      if (c.fAttrs.t === "shared" && si !== undefined) {
        if (f.trim() !== "") shared.set(si, { formula: f, row: c.row, col: c.col });
        const master = shared.get(si);
        formula = master
          ? `=${shiftFormula(master.formula, c.row - master.row, c.col - master.col)}`
          : null;
      } else if (f !== "") formula = `=${f}`;
    }
    let value: CellScalar = "";
    try {
      value = cellValue(c, strings, styles, date1904);
    } catch {
      value = c.v ?? "";
    }
    cells.set(cellKey(c.row, c.col), { row: c.row, col: c.col, value, formula, style: c.style });
  };

  walk(text, {
    open(name, attrs) {
      switch (name) {
        case "row":
          row = attrs.r ? Number(attrs.r) || row + 1 : row + 1;
          col = 0;
          return;
        case "c": {
          const p = attrs.r ? position(attrs.r) : null;
          if (p) ({ row, col } = { row: p.row || row, col: p.col });
          else col++;
          cell = {
            row,
            col,
            type: attrs.t ?? "n",
            style: Number(attrs.s ?? "0") || 0,
            f: null,
            fAttrs: null,
            v: null,
            inline: null,
          };
          return;
        }
        case "f":
          if (cell) {
            cell.fAttrs = attrs;
            cell.f = "";
            mode = "f";
          }
          return;
        case "v":
          if (cell) {
            cell.v = "";
            mode = "v";
          }
          return;
        case "is":
          if (cell) {
            cell.inline = "";
            inIs = true;
          }
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (cell && inIs && phonetic === 0) mode = "t";
          return;
        case "mergeCell":
          if (attrs.ref) merges.push(attrs.ref);
          return;
        case "sheetProtection":
          isProtected = attrs.sheet === "1" || attrs.sheet === "true";
          return;
      }
    },
    text(t) {
      if (!cell || mode === null) return;
      if (mode === "f") cell.f += t;
      else if (mode === "v") cell.v += t;
      else cell.inline += t;
    },
    close(name) {
      if (name === "f" || name === "v" || name === "t") mode = null;
      else if (name === "is") inIs = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell) {
        finish(cell);
        cell = null;
      }
    },
  });
  blankCovered(cells, merges);
  return { cells, merges, protected: isProtected };
}

function cellValue(
  c: Pending,
  strings: readonly string[],
  styles: StyleIndex,
  date1904: boolean
): CellScalar {
  const v = c.v;
  switch (c.type) {
    case "s":
      return v === null || v.trim() === "" ? "" : (strings[Number(v)] ?? "");
    case "inlineStr":
      return c.inline !== null ? decodeEscapes(c.inline) : (v ?? "");
    case "str":
      return decodeEscapes(v ?? "");
    case "b":
      return v === null || v === "" ? "" : v.trim() === "1" || v.trim() === "true";
    case "e":
      return v ?? "";
    case "d":
      return v ? isoCellDate(v.trim()) : "";
    default: {
      if (v === null || v.trim() === "") return "";
      const n = Number(v);
      if (!Number.isFinite(n)) return "";
      return styles.look(c.style).date ? serialToIso(n, date1904) : n;
    }
  }
}

/** The covered cells of each merged area read as empty (as Office.js returns them). */
function blankCovered(cells: Map<number, SheetCell>, merges: readonly string[]): void {
  for (const ref of merges) {
    let r: ReturnType<typeof parseRange>;
    try {
      r = parseRange(ref);
    } catch {
      continue;
    }
    const blank = (c: SheetCell | undefined): void => {
      if (!c || c.row < r.top || c.row > r.bottom || c.col < r.left || c.col > r.right) return;
      if (c.row === r.top && c.col === r.left) return;
      c.value = "";
      c.formula = null;
    };
    const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area <= cells.size)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) blank(cells.get(cellKey(row, col)));
    else for (const c of cells.values()) blank(c);
  }
}

/** "B12" → row 12, column 2 (row 0 when the reference has no row); null when it is not a cell reference. */
function position(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) break; // "$"
  }
  if (col === 0 || col > 16_384) return null;
  const digits = ref.slice(i).replace(/\$/g, "");
  const row = digits === "" ? 0 : Number(digits);
  return Number.isInteger(row) && row >= 0 && row <= 1_048_576 ? { row, col } : null;
}
