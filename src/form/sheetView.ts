import { cellText, normalizeHeader } from "../engine/text";
import type { Cell, CellScalar } from "../engine/types";
import { type Grid } from "./grid";
import { parseAddress, parseRange, toAddress } from "../address";
import { PLACEHOLDER_CHARS } from "../engine/vocabulary";

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A sheet's grid by absolute row and column, with its merges and normalised texts (cached). */
export class SheetView {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly norms = new Map<number, string>();
  private readonly mergeOf = new Map<number, Area>();

  constructor(readonly grid: Grid) {
    const origin = safeOrigin(grid.origin);
    this.top = origin.row;
    this.left = origin.col;
    this.bottom = origin.row + grid.values.length - 1;
    let width = 0;
    for (const r of grid.values) if (r.length > width) width = r.length;
    this.right = origin.col + width - 1;
    for (const m of grid.merges) {
      let r: Area;
      try {
        r = parseRange(m);
      } catch {
        continue; // a malformed merge is ignored: the cells still read as they are
      }
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100000) continue;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) this.mergeOf.set(this.key(row, col), r);
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  raw(row: number, col: number): CellScalar {
    const v = this.grid.values[row - this.top]?.[col - this.left];
    return v === undefined ? null : v;
  }

  text(row: number, col: number): string {
    return cellText(this.raw(row, col)).trim();
  }

  norm(row: number, col: number): string {
    const k = this.key(row, col);
    let n = this.norms.get(k);
    if (n === undefined) {
      n = normalizeHeader(this.text(row, col));
      this.norms.set(k, n);
    }
    return n;
  }

  isEmpty(row: number, col: number): boolean {
    const t = this.norm(row, col);
    return t === "" || PLACEHOLDER_CHARS.test(t);
  }

  merge(row: number, col: number): Area | undefined {
    return this.mergeOf.get(this.key(row, col));
  }

  /** The cell at (row, col) as the engine sees it: address, value, formula and number format. */
  cell(row: number, col: number): Cell {
    const r = row - this.top;
    const c = col - this.left;
    const formula = this.grid.formulas?.[r]?.[c];
    const numberFormat = this.grid.numberFormats?.[r]?.[c];
    const value = this.raw(row, col);
    return {
      address: toAddress(row, col),
      value: value === "" ? null : value,
      ...(formula ? { formula } : {}),
      ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}),
    };
  }

  rowIsEmpty(row: number): boolean {
    for (let col = this.left; col <= this.right; col++) if (!this.isEmpty(row, col)) return false;
    return true;
  }

  firstNonEmpty(row: number): number | null {
    for (let col = this.left; col <= this.right; col++) if (!this.isEmpty(row, col)) return col;
    return null;
  }

  /** The next cell to the right holding something, past the merge the label stands in. */
  valueRightOf(row: number, col: number, limit = 6): { row: number; col: number } | null {
    const m = this.merge(row, col);
    const start = (m ? m.right : col) + 1;
    for (let c = start; c <= Math.min(this.right, start + limit); c++) {
      if (!this.isEmpty(row, c)) return { row, col: c };
    }
    return null;
  }

  /** The first cell in rows from..to holding a label (text) the matcher accepts. */
  findLabelled(
    from: number,
    to: number,
    label: (norm: string) => boolean
  ): { row: number; col: number } | null {
    for (let row = from; row <= to; row++)
      for (let col = this.left; col <= this.right; col++)
        if (typeof this.raw(row, col) === "string" && label(this.norm(row, col)))
          return { row, col };
    return null;
  }
}

/** A grid whose origin is not an address starts at A1 (a host that hands over "" means A1). */
function safeOrigin(origin: string): { row: number; col: number } {
  if (!origin) return { row: 1, col: 1 };
  try {
    return parseAddress(origin);
  } catch {
    return { row: 1, col: 1 };
  }
}
