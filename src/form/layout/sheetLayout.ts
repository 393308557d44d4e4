import type { CellScalar } from "../../engine/types";

/**
 * A new sheet as a finished document, as data both hosts render the same way (pure): cells with
 * their values, links and styles, column widths (characters), row heights (points), frozen rows,
 * the auto-filter, page setup, repeated rows, footer, and a chart.
 */
export interface CellStyle {
  readonly bold?: boolean;
  /** A thin border on every side. */
  readonly border?: boolean;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  /** Excel number format code: "0.00", "0.00%", "#,##0.00". */
  readonly numberFormat?: string;
  /** Solid fill, RRGGBB. */
  readonly fill?: string;
  /** Blue, underlined: a link. */
  readonly link?: boolean;
}

export interface LayoutCell {
  readonly value: CellScalar;
  /** An internal location, "'丰台报'!A1": the cell links there. */
  readonly link?: string;
  readonly style?: CellStyle;
}

export interface ChartSpec {
  readonly title: string;
  /** A1 ranges on this sheet with the sheet name: "'评分汇总'!$A$20:$A$23". */
  readonly categories: string;
  readonly values: string;
  /** 0-based cell corners: from (col, row) to (col, row), the "to" cell not covered. */
  readonly anchor: {
    readonly fromCol: number;
    readonly fromRow: number;
    readonly toCol: number;
    readonly toRow: number;
  };
  /** The value axis steps (1: whole numbers of forms). */
  readonly majorUnit: number;
}

export interface PageSetup {
  readonly paper: "A4";
  readonly orientation: "landscape" | "portrait";
  /** Fit to this many pages wide; 0 = as many as needed. */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  /** 1-based rows repeated at the top of every printed page. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  /** Excel header/footer codes ("&C第 &P 页，共 &N 页"). */
  readonly footer: string;
}

export interface SheetLayout {
  readonly name: string;
  /** Row-major, from A1; null: an empty cell. */
  readonly rows: readonly (readonly (LayoutCell | null)[])[];
  /** Column widths in characters (the `width` of <col>). */
  readonly widths: readonly number[];
  /** Heights in points of the rows whose wrapped text needs more than one line (0-based row). */
  readonly rowHeights: ReadonlyMap<number, number>;
  /** Rows frozen at the top (1: the header row). */
  readonly freezeRows: number;
  /** The auto-filter range ("A1:I12"), or null. */
  readonly autoFilter: string | null;
  readonly page: PageSetup;
  readonly chart: ChartSpec | null;
}

/** Width in characters of a text as a spreadsheet shows it: CJK and full-width count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  );
}

/** Lines a text takes in a column `width` characters wide (wrapped; explicit line breaks kept). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 2);
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/**
 * Pixels of a column whose stored `width` is `chars` at 100% zoom with the default 11-point font
 * (7 px a character, the padding included in the stored width: 9.140625 → 64 px).
 */
export function columnPixels(chars: number): number {
  return Math.round(chars * 7);
}

/** Points of a column `chars` wide (Office.js sets widths in points: 0.75 pt a pixel). */
export function columnPoints(chars: number): number {
  return columnPixels(chars) * 0.75;
}

/** Points a row of `lines` lines of 11-point text takes (CJK fonts are a little taller). */
export function linesHeight(lines: number): number {
  return Math.ceil(lines * 14.5 + 3);
}
