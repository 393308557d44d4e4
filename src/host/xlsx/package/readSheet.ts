import type { CellScalar } from "../../../engine/types";
import { cellPosition, parseRange } from "../../../address";
import { isoCellDate, serialToIso } from "./formats";
import { shiftFormula } from "./formula";
import type { StyleIndex } from "./readStyles";
import { decodeEscapes } from "./xml";
import type { XmlIndex } from "./xmlIndex";
import { attributeIn, decodeContent, decodeRefs } from "./xmlText";

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
  /** The last row holding a cell past `maxRow`, whose cells were not read (0: none). */
  readonly lastRowBeyond: number;
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
  fAttrs: { t?: string; si?: string } | null;
  v: string | null;
  inline: string | null;
}

/** An element's name without its prefix, when it is one the reader looks at ("" otherwise). */
function localName(ix: XmlIndex, id: number): string {
  const s = ix.source;
  const to = ix.nameEnd[id];
  let from = ix.start[id] + 1;
  for (let k = to - 1; k > from; k--)
    if (s.charCodeAt(k) === 58) {
      from = k + 1;
      break;
    }
  const n = to - from;
  if (n === 1) {
    const c = s.charCodeAt(from);
    return c === 99 ? "c" : c === 118 ? "v" : c === 102 ? "f" : c === 116 ? "t" : "";
  }
  if (n === 2 || n === 3 || n === 9 || n === 15) {
    const name = s.slice(from, to);
    return name in WANTED ? name : "";
  }
  return "";
}

/** The element is a rich-text run (<r>, whatever its prefix). */
function isRun(ix: XmlIndex, id: number): boolean {
  const s = ix.source;
  const end = ix.nameEnd[id];
  return (
    s.charCodeAt(end - 1) === 114 && (end - ix.start[id] === 2 || s.charCodeAt(end - 2) === 58)
  );
}

const WANTED: Record<string, true> = {
  is: true,
  row: true,
  mergeCell: true,
  sheetProtection: true,
};

/** A <c>'s r, t and s, read in one pass over its start tag (well-formed: quoted values). */
function cellAttrs(
  s: string,
  from: number,
  to: number
): { r: string | null; t: string | null; s: string | null } {
  const out: { r: string | null; t: string | null; s: string | null } = {
    r: null,
    t: null,
    s: null,
  };
  let j = from;
  while (j < to) {
    while (j < to && s.charCodeAt(j) <= 32) j++;
    const nameStart = j;
    while (j < to && s.charCodeAt(j) !== 61 && s.charCodeAt(j) > 32) j++;
    const nameEnd = j;
    while (j < to && s.charCodeAt(j) !== 34 && s.charCodeAt(j) !== 39) j++;
    if (j >= to) break;
    const close = s.indexOf(s[j], j + 1);
    if (close < 0 || close >= to) break;
    if (nameEnd - nameStart === 1) {
      const c = s.charCodeAt(nameStart);
      const raw = s.slice(j + 1, close);
      const value = raw.indexOf("&") < 0 ? raw : decodeRefs(raw);
      if (c === 114) out.r = value;
      else if (c === 116) out.t = value;
      else if (c === 115) out.s = value;
    }
    j = close + 1;
  }
  return out;
}

/**
 * A worksheet part's cells, read from its index (null: no part). Values as the Grid contract says (design.md): shared and
 * inline strings as their text, booleans, errors as their text, numbers, dates (a number in a date
 * format, a t="d" cell) as ISO dates; a formula's cached result as its value ("" when none was
 * saved), a shared formula translated to its cell; the covered cells of a merge empty. Cells
 * below `maxRow` are not made (a million-row sheet must not become a million-row map): the last
 * row that had one is said in `lastRowBeyond`.
 */
export function readSheetCells(
  ix: XmlIndex | null,
  strings: readonly string[],
  styles: StyleIndex,
  date1904: boolean,
  maxRow = Infinity
): SheetCells {
  const cells = new Map<number, SheetCell>();
  const merges: string[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let isProtected = false;
  let row = 0;
  let col = 0;
  let cell: Pending | null = null;
  let lastRowBeyond = 0;

  const finish = (c: Pending): void => {
    if (c.row > maxRow) {
      if (c.row > lastRowBeyond) lastRowBeyond = c.row;
      return;
    }
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

  if (ix) {
    // one pass over the part's index (the writer edits on the same index: one parse)
    const src = ix.source;
    const attr = (id: number, name: string): string | null =>
      attributeIn(src, ix.nameEnd[id], ix.attrEnd[id], name);
    const content = (id: number): string =>
      ix.close[id] < 0 ? "" : decodeContent(src.slice(ix.open[id], ix.close[id]), false);
    let cellId = -1;
    for (let id = 0; id < ix.count; id++) {
      switch (localName(ix, id)) {
        case "row": {
          const r = attr(id, "r");
          row = r ? Number(r) || row + 1 : row + 1;
          col = 0;
          break;
        }
        case "c": {
          if (cell) finish(cell);
          const a = cellAttrs(src, ix.nameEnd[id], ix.attrEnd[id]);
          const r = a.r;
          const p = r ? cellPosition(r) : null;
          if (p) ({ row, col } = p);
          else col++;
          cellId = id;
          cell = {
            row,
            col,
            type: a.t ?? "n",
            style: Number(a.s ?? "0") || 0,
            f: null,
            fAttrs: null,
            v: null,
            inline: null,
          };
          break;
        }
        case "f":
          if (cell && ix.parent[id] === cellId) {
            const t = attr(id, "t");
            const si = attr(id, "si");
            cell.fAttrs = { ...(t !== null ? { t } : {}), ...(si !== null ? { si } : {}) };
            cell.f = content(id);
          }
          break;
        case "v":
          if (cell && ix.parent[id] === cellId) cell.v = content(id);
          break;
        case "is":
          if (cell && ix.parent[id] === cellId) cell.inline = "";
          break;
        case "t": {
          // an inline string's text: <is><t> or <is><r><t>, phonetic runs (<rPh>) left out
          const p = ix.parent[id];
          const inIs =
            p >= 0 &&
            (ix.parent[p] === cellId
              ? localName(ix, p) === "is"
              : ix.parent[ix.parent[p]] === cellId && isRun(ix, p));
          if (cell && inIs && cell.inline !== null) cell.inline += content(id);
          break;
        }
        case "mergeCell": {
          const ref = attr(id, "ref");
          if (ref) merges.push(ref);
          break;
        }
        case "sheetProtection": {
          const sheet = attr(id, "sheet");
          isProtected = sheet === "1" || sheet === "true";
          break;
        }
      }
    }
    if (cell) finish(cell);
  }
  blankCovered(cells, merges);
  return { cells, merges, protected: isProtected, lastRowBeyond };
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
