import type { CellScalar } from "../../../engine/types";
import type { SheetLayout } from "../../../form/layout/sheetLayout";

/** What a caller hands the writer: new sheets and options (the package writer's public types). */
export type NewSheetCell =
  CellScalar | { text: string; link: string } | { formula: string; value: CellScalar };

export interface NewSheet {
  /** Excel-legal, ≤31 chars, unique. */
  name: string;
  /** Row-major cells; a link is an internal location like "'丰台报'!A1". */
  rows: NewSheetCell[][];
  /** Column widths in characters (the `width` of <col>, as ExcelJS's column.width). */
  columnWidths?: number[];
  /** 0-based row indexes rendered bold (headers). */
  boldRows?: number[];
  state?: "visible" | "hidden" | "veryHidden";
  /** A clustered column chart; categories/values are A1 ranges on this sheet like "A20:A23". */
  chart?: {
    title: string;
    categories: string;
    values: string;
    anchor: { fromCol: number; fromRow: number; toCol: number; toRow: number };
    /** Value axis steps (1: whole numbers). */
    majorUnit?: number;
  };
  /** The finished-document layout (styles, widths, heights, views, filter, page setup); rows are still `rows`. */
  layout?: SheetLayout;
}

export interface WritePackageOptions {
  /** Names of existing sheets to remove first, with the parts and defined names only they use. */
  readonly replaceSheets?: readonly string[];
  /**
   * The zip archive's comment, in place of the input's: the command's source mark
   * (src/cli/outputs.ts). It stands in the container, not in a part, so the parts the command
   * and the 网页版 write for one input stay byte-identical.
   */
  readonly archiveComment?: string;
}
