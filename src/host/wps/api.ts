/**
 * The part of WPS Spreadsheets' JS object model (a WPS 加载项's `wps` global) this host uses,
 * typed from wps-jsapi: each member is taken from the published interface (`Et.EtRange["Value2"]`
 * …) where its type is right, and re-declared where wps-jsapi's generated typing is not what WPS
 * returns (its methods are typed `void` with the result as a trailing `RHS` parameter, and
 * Value2 as `number`). The only file of src/host/wps that names the global.
 */
/// <reference types="wps-jsapi" />

export type Cell = string | number | boolean | null | undefined;

export interface WpsRange {
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  readonly Row: Et.EtRange["Row"];
  readonly Column: Et.EtRange["Column"];
  /** One value for one cell, a 2-D array (rows of cells) for several. */
  Value2: Cell | Cell[][];
  Formula: string | string[][] | Cell[][];
  /** One format where every cell agrees, null where they differ (as in VBA). */
  NumberFormat: string | null;
  /** true / false, or null for a range partly merged. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: WpsRange;
  readonly Interior: { Color: number | null; ColorIndex: number };
  readonly Font: { Bold: boolean };
  readonly Comment: WpsComment | null;
  AddComment(Text?: string): WpsComment;
  Select(): void;
}

export interface WpsComment {
  Text(Text?: string): string;
  Delete(): void;
  readonly Parent: WpsRange;
}

export interface WpsSheet {
  Name: Et.EtWorksheet["Name"];
  readonly Index: Et.EtWorksheet["Index"];
  /** -1 visible, 0 hidden, 2 very hidden (XlSheetVisibility). */
  Visible: number;
  /** wps-jsapi types it as a number; WPS gives true or false (VBA: Boolean). */
  readonly ProtectContents: boolean;
  readonly UsedRange: WpsRange;
  Range(Cell1: string, Cell2?: string): WpsRange;
  readonly Comments: { readonly Count: number; Item(Index: number): WpsComment };
  ChartObjects(): { Add(Left: number, Top: number, Width: number, Height: number): WpsChartObject };
  Activate(): void;
  Delete(): void;
}

export interface WpsChartObject {
  readonly Chart: {
    SetSourceData(Source: WpsRange): void;
    ChartType: number;
    HasTitle: boolean;
    readonly ChartTitle: { Text: string };
  };
}

export interface WpsWorkbook {
  readonly Worksheets: {
    readonly Count: number;
    Item(Index: number | string): WpsSheet;
    Add(Before?: WpsSheet | null, After?: WpsSheet | null): WpsSheet;
  };
  readonly ActiveSheet: WpsSheet;
  readonly FullName: Et.EtWorkbook["FullName"];
}

export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  EnableEvents: Et.EtApplication["EnableEvents"];
  DisplayAlerts: boolean;
}

export interface WpsGlobal {
  EtApplication(): WpsApplication;
  ApiEvent: {
    AddApiEventListener(
      name: "SheetChange",
      callback: (sheet: WpsSheet, range: WpsRange) => void
    ): void;
    RemoveApiEventListener(name: "SheetChange", callback?: unknown): void;
  };
  PluginStorage?: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
}

/** XlSheetVisibility, XlColorIndex, XlChartType as the host writes them. */
export const XL = {
  sheetVisible: -1,
  sheetVeryHidden: 2,
  colorIndexNone: -4142,
  columnClustered: 51,
  noFillColor: 16777215,
} as const;

/** The `wps` global of the page WPS opened, or null (a plain browser, a test without the fake). */
export function wpsGlobal(): WpsGlobal | null {
  const g = (globalThis as unknown as { wps?: WpsGlobal }).wps;
  return g && typeof g.EtApplication === "function" ? g : null;
}
