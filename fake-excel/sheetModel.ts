/**
 * A sheet of the fake Excel's document: its cells (value, formula, number format, fill, bold, look),
 * merged areas, notes, threaded comments, charts, column widths and what format.ts writes. Plain
 * data with the sparse cell store's few operations; documentModel.ts holds the sheets together.
 */
import { MAX_COLS, type Rect } from "../src/address";

export type Scalar = string | number | boolean;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface CellModel {
  /** "" for an empty cell; a formula's cached result. */
  value: Scalar;
  /** "=…" or null. */
  formula: string | null;
  numberFormat: string;
  /** "#RRGGBB" of a solid fill, or null for none. */
  fill: string | null;
  bold: boolean;
  /** The cell was written as '… (text that would otherwise be read as a number, a date, a formula). */
  quotePrefix: boolean;
  /** Borders, font and alignment other than Excel's defaults (cellLook.ts); replaced whole, never changed in place. */
  look?: CellLook;
}

/** A border line as Office.js gives it. */
export interface BorderLine {
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

/** What a cell looks like beyond its value, format and fill: only what differs from Excel's defaults. */
export interface CellLook {
  /** By side: top, bottom, left, right, diagonalDown, diagonalUp. */
  readonly borders?: Readonly<Record<string, BorderLine>>;
  readonly font?: Readonly<Record<string, string | number | boolean>>;
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
  readonly wrapText?: boolean;
}

export function emptyCell(): CellModel {
  return {
    value: "",
    formula: null,
    numberFormat: "General",
    fill: null,
    bold: false,
    quotePrefix: false,
  };
}

function isBare(c: CellModel): boolean {
  return (
    c.value === "" &&
    c.formula === null &&
    c.numberFormat === "General" &&
    c.fill === null &&
    !c.bold &&
    !c.look
  );
}

export interface NoteModel {
  content: string;
  author: string;
}

export interface CommentModel {
  readonly id: string;
  content: string;
  readonly author: string;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  readonly type: string;
  /** The source data's address, qualified ("评分汇总!A12:B16"). */
  readonly source: string;
  readonly seriesBy: string;
  title: string | null;
  position: { from: string; to: string | null } | null;
  /** The value axis' step, where one was set. */
  majorUnit?: number;
}

/** What fake-excel/format.ts writes: kept as written, for tests to read. */
export interface SheetLook {
  readonly borders: { rect: Rect; side: string; style: string }[];
  freezeRows: number;
  /** The auto-filter's range ("A1:I12"), or null. */
  autoFilter: string | null;
  /** Links by local cell address. */
  readonly hyperlinks: Map<string, { documentReference?: string; address?: string }>;
  /** Range.copyFrom(…, "Formats"): source and destination, local addresses. */
  readonly formatCopies: { from: string; to: string }[];
  /** Font colours and underlines set on ranges. */
  readonly fonts: { rect: Rect; color?: string; underline?: string }[];
}

export class SheetModel {
  readonly cells = new Map<number, CellModel>();
  merges: Rect[] = [];
  /** Notes by local address ("H6"). */
  readonly notes = new Map<string, NoteModel>();
  /** Threaded comments by local address. */
  readonly comments = new Map<string, CommentModel>();
  charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points (the 自评报告 sheet sets them). */
  readonly rowHeights = new Map<number, number>();
  /** Ranges whose text wraps, and their alignments, as written. */
  readonly formats: { rect: Rect; wrapText?: boolean; vertical?: string; horizontal?: string }[] =
    [];
  /** Page setup (ExcelApi 1.9): orientation, paper size, fit to pages. */
  readonly pageLayout: Record<string, unknown> = {};
  /** Borders, frozen rows, auto-filter, links and format copies, as written (format.ts). */
  readonly look: SheetLook = {
    borders: [],
    freezeRows: 0,
    autoFilter: null,
    hyperlinks: new Map(),
    formatCopies: [],
    fonts: [],
  };

  constructor(
    readonly id: string,
    public name: string,
    public visibility: Visibility = "Visible",
    public protected_: boolean = false
  ) {}

  static key(row: number, col: number): number {
    return (row - 1) * MAX_COLS + (col - 1);
  }

  get(row: number, col: number): CellModel | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }

  /** The cell to change (created empty); `tidy` drops it again when it is back to nothing. */
  ensure(row: number, col: number): CellModel {
    const k = SheetModel.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = emptyCell();
      this.cells.set(k, c);
    }
    return c;
  }

  tidy(row: number, col: number): void {
    const k = SheetModel.key(row, col);
    const c = this.cells.get(k);
    if (c && isBare(c)) this.cells.delete(k);
  }

  /** The used range: every cell with a value or formula (valuesOnly), or also with formatting. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, c] of this.cells) {
      if (valuesOnly ? c.value === "" && c.formula === null : isBare(c)) continue;
      const row = Math.floor(k / MAX_COLS) + 1;
      const col = (k % MAX_COLS) + 1;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** Every cell that exists inside a rectangle, with its position (sparse iteration). */
  *cellsIn(r: Rect): Generator<{ row: number; col: number; cell: CellModel }> {
    const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area <= this.cells.size * 4) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const cell = this.get(row, col);
          if (cell) yield { row, col, cell };
        }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const row = Math.floor(k / MAX_COLS) + 1;
      const col = (k % MAX_COLS) + 1;
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)
        yield { row, col, cell };
    }
  }
}
