/**
 * The document behind the fake Excel: sheets of cells (value, formula, number format, fill, bold),
 * merged areas, notes, threaded comments, charts, the add-in's document settings. Plain data; the
 * proxies in api.ts read and change it only while a `context.sync()` runs.
 */
import {
  toAddress as cellAddress,
  columnNumber as colNumber,
  MAX_COLS,
  readRange as parseLocal,
  type Rect,
} from "../src/address";

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

/** A DocumentModel as JSON-safe data (Maps as entry lists). */
export interface DocumentData {
  readonly nextId: number;
  readonly savedSettings: Record<string, unknown>;
  readonly activeSheetId: string | null;
  readonly sheets: readonly {
    readonly id: string;
    readonly name: string;
    readonly visibility: Visibility;
    readonly protected: boolean;
    readonly cells: [number, CellModel][];
    readonly merges: Rect[];
    readonly notes: [string, NoteModel][];
    readonly comments: [string, CommentModel][];
    readonly charts: ChartModel[];
    readonly columnWidths: [number, number][];
  }[];
}

export class DocumentModel {
  sheets: SheetModel[] = [];
  /** The add-in's document settings as saved in the file (Office.context.document.settings.saveAsync). */
  savedSettings: Record<string, unknown> = {};
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  addSheet(name: string, position = this.sheets.length): SheetModel {
    const sheet = new SheetModel(this.newId("SHEET"), name);
    this.sheets.splice(position, 0, sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  byName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  byKey(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.byName(key);
  }

  /** A copy of a sheet (of this or another document) under a new name, at the end. */
  importSheet(src: SheetModel, name: string): SheetModel {
    const s = this.addSheet(name);
    s.visibility = src.visibility;
    s.protected_ = src.protected_;
    for (const [k, c] of src.cells) s.cells.set(k, { ...c });
    s.merges = src.merges.map((m) => ({ ...m }));
    for (const [a, n] of src.notes) s.notes.set(a, { ...n });
    for (const [a, c] of src.comments) s.comments.set(a, { ...c, id: this.newId("COMMENT") });
    for (const [k, w] of src.columnWidths) s.columnWidths.set(k, w);
    return s;
  }

  /** The document as plain JSON data (what the workbench's server sends to its page). */
  toData(): DocumentData {
    return {
      nextId: this.nextId,
      savedSettings: this.savedSettings,
      activeSheetId: this.activeSheetId,
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        protected: s.protected_,
        cells: [...s.cells],
        merges: s.merges,
        notes: [...s.notes],
        comments: [...s.comments],
        charts: s.charts,
        columnWidths: [...s.columnWidths],
      })),
    };
  }

  static fromData(data: DocumentData): DocumentModel {
    const doc = new DocumentModel();
    doc.nextId = data.nextId;
    doc.savedSettings = data.savedSettings;
    doc.activeSheetId = data.activeSheetId;
    for (const d of data.sheets) {
      const s = new SheetModel(d.id, d.name, d.visibility, d.protected);
      for (const [k, c] of d.cells) s.cells.set(k, c);
      s.merges = d.merges;
      for (const [a, n] of d.notes) s.notes.set(a, n);
      for (const [a, c] of d.comments) s.comments.set(a, c);
      s.charts = d.charts;
      for (const [k, w] of d.columnWidths) s.columnWidths.set(k, w);
      doc.sheets.push(s);
    }
    return doc;
  }

  /** A deep copy: what reopening the saved workbook gives (settings as saved, not as set). */
  clone(): DocumentModel {
    const doc = new DocumentModel();
    doc.nextId = this.nextId;
    doc.savedSettings = JSON.parse(JSON.stringify(this.savedSettings)) as Record<string, unknown>;
    doc.activeSheetId = this.activeSheetId;
    for (const s of this.sheets) {
      const t = new SheetModel(s.id, s.name, s.visibility, s.protected_);
      for (const [k, c] of s.cells) t.cells.set(k, { ...c });
      t.merges = s.merges.map((m) => ({ ...m }));
      for (const [a, n] of s.notes) t.notes.set(a, { ...n });
      for (const [a, c] of s.comments) t.comments.set(a, { ...c });
      t.charts = s.charts.map((c) => ({ ...c, position: c.position && { ...c.position } }));
      for (const [k, w] of s.columnWidths) t.columnWidths.set(k, w);
      doc.sheets.push(t);
    }
    return doc;
  }
}

// ---------------------------------------------------------------------------------------------
// What Excel does with a value written through range.values / range.formulas (typing semantics):
// a leading ' keeps text, "=…" is a formula, text that reads as a number, percentage, date or
// boolean becomes one. The fake does the same so that a host that writes "98.75%" or "00012345"
// as plain strings sees them change, as it would in Excel.
// ---------------------------------------------------------------------------------------------

export interface Coerced {
  value: Scalar;
  formula: string | null;
  quotePrefix: boolean;
  /** A number format Excel applies along with the value (a typed percentage or date). */
  numberFormat?: string;
}

const FULL_WIDTH = /[\uff10-\uff19\uff0b\uff0d\uff0e\uff05]/g;

function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Days since 1899-12-30, Excel's serial date. */
export function serialDate(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function coerceInput(input: Scalar, evaluate: (formula: string) => Scalar): Coerced {
  if (typeof input !== "string") return { value: input, formula: null, quotePrefix: false };
  if (input === "") return { value: "", formula: null, quotePrefix: false };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, quotePrefix: true };
  const t = halfWidth(input.trim());
  if (input.startsWith("=")) return { value: evaluate(input), formula: input, quotePrefix: false };
  if (/^(true|false)$/i.test(t))
    return { value: t.toLowerCase() === "true", formula: null, quotePrefix: false };
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?(%?)$/.exec(t);
  if (num && (num[2] !== undefined || num[3] !== undefined)) {
    const n = Number(
      `${num[1]}${(num[2] ?? "0").replace(/,/g, "")}${num[3] ?? ""}${num[4] !== undefined ? `e${num[4]}` : ""}`
    );
    if (Number.isFinite(n)) {
      if (num[5]) {
        const decimals = num[3] ? num[3].length - 1 : 0;
        return {
          value: n / 100,
          formula: null,
          quotePrefix: false,
          numberFormat: decimals ? `0.${"0".repeat(decimals)}%` : "0%",
        };
      }
      return { value: n, formula: null, quotePrefix: false };
    }
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
      return {
        value: serialDate(y, m, d),
        formula: null,
        quotePrefix: false,
        numberFormat: "yyyy/m/d",
      };
  }
  if (input.startsWith("+") || input.startsWith("-")) {
    // Excel reads a leading + or - as the start of a formula (Range.values documentation)
    return { value: "#NAME?", formula: `=${input}`, quotePrefix: false };
  }
  return { value: input, formula: null, quotePrefix: false };
}

/** The fake calculates one function, the one a summary sheet uses for its links. */
export function evaluateFormula(formula: string): Scalar {
  const link = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(
    formula.trim()
  );
  if (link) return link[2].replace(/""/g, '"');
  const text = /^="((?:[^"]|"")*)"$/.exec(formula.trim());
  if (text) return text[1].replace(/""/g, '"');
  const num = /^=([+-]?\d+(?:\.\d+)?)$/.exec(formula.trim());
  if (num) return Number(num[1]);
  // anything else keeps no cached value: the fake does not calculate
  return "";
}

/** The text Excel would display for a value in a format (the common formats only). */
export function displayText(value: Scalar, format: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const pct = /^0(?:\.(0+))?%$/.exec(format);
  if (pct) return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^0(?:\.(0+))?$/.exec(format);
  if (fixed) return value.toFixed(fixed[1]?.length ?? 0);
  if (/y/.test(format) && /d/.test(format)) {
    const d = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  }
  return String(value);
}

/** A local cell address to row/col, or null. */
export function cellPosition(local: string): { row: number; col: number } | null {
  const r = parseLocal(local);
  return r && r.top === r.bottom && r.left === r.right ? { row: r.top, col: r.left } : null;
}

export function normalizeLocal(local: string): string | null {
  const p = cellPosition(local);
  return p ? cellAddress(p.row, p.col) : null;
}

export { colNumber };
