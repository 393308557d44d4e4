import type { CellScalar } from "../../engine/types";
import { toAddress } from "../../address";
import type { Grid } from "../../form/grid";
import { PackageParts } from "./package/parts";
import { readBook, type BookIndex, type BookSheet } from "./package/readBook";
import { readNotes } from "./package/readNotes";
import { cellKey, readSheetCells } from "./package/readSheet";
import { StyleIndex } from "./package/readStyles";
import { bookForWords, failureWords, packageProblem, signatureProblem } from "./refusal";

/**
 * The command's reading side: every worksheet of an .xlsx file as a Grid (design.md), the way
 * the Office.js host hands one over, so that recognition sees the same thing from both hosts. It
 * reads the package index the writer then writes into (package/parts.ts): one parse of the zip.
 *
 * - The grid is the used range: the smallest rectangle holding every cell with a value; origin
 *   is its top-left cell. A sheet without values gives `values: []` (origin "A1").
 * - Values: strings, numbers, booleans as stored; rich text as its text; a formula as its cached
 *   result (nothing is calculated: a formula Excel never saved a result for reads ""), with
 *   "=" + the formula in `formulas`; an error (#REF!, #DIV/0!) as its text; a date as its ISO
 *   date ("2024-03-31", with the time when it has one); a hyperlink as its text; "" for an empty
 *   cell and for the covered cells of a merged area (as Office.js returns them).
 * - Number formats from each cell's style ("General" where none); merges as A1 ranges; notes
 *   however their text is stored; solid fills; each cell's style index as its look ("s:5");
 *   protection; hidden state.
 * - Reading never throws for a cell. A file that is not a readable .xlsx rejects with a Chinese
 *   message naming it and saying what it is or what is damaged (refusal.ts): a part that is not
 *   well-formed fails the file, whatever the caller then does with it.
 * It reads bytes, in Node and in a browser alike (no Node built-in); readFile.ts reads a path.
 */
export interface WorkbookGrids {
  /** The file's name as given (bytes without a name are "工作簿"). */
  readonly file: string;
  /** One grid per worksheet, in workbook order (chart sheets are not worksheets and are absent). */
  readonly grids: Grid[];
  /** Every worksheet's name and visibility, aligned with `grids`. */
  readonly sheets: { readonly name: string; readonly state: "visible" | "hidden" | "veryHidden" }[];
  /** The package index read, for a host that goes on to write a scored copy into it. */
  readonly package: PackageParts;
  /** What could not be read whole, in Chinese, naming the sheet (a used range too large to hand over). */
  readonly warnings: string[];
}

export interface ReadOptions {
  /** The file's name, for messages ("工作簿" when not given). */
  readonly name?: string;
}

export async function readWorkbookGrids(
  data: Uint8Array,
  options: ReadOptions = {}
): Promise<WorkbookGrids> {
  const file = options.name ?? "工作簿";
  const shown = baseName(file);
  const notWorkbook = signatureProblem(data, file);
  if (notWorkbook) throw new Error(`无法读取 ${shown}：${notWorkbook}`);

  // every failure of the package said in the accountant's words, the parser's own kept on `cause`
  let book: BookIndex | null = null;
  const refuse = (e: unknown): never => {
    const why = failureWords(e, book ?? bookForWords(e));
    if (why === null) throw e;
    throw Object.assign(new Error(`无法读取 ${shown}：${why}`), { cause: e });
  };
  let parts: PackageParts;
  let styles: StyleIndex;
  try {
    parts = await PackageParts.open(data);
    const other = packageProblem(parts, null);
    if (other) throw new Error(`无法读取 ${shown}：${other}`);
    book = readBook(parts);
    const strict = packageProblem(parts, book);
    if (strict) throw new Error(`无法读取 ${shown}：${strict}`);
    styles = StyleIndex.read(parts, book.part);
  } catch (e) {
    return refuse(e);
  }
  if (book.sheets.length === 0)
    throw new Error(`无法读取 ${shown}：不是有效的 Excel 工作簿（没有工作表）`);

  const warnings: string[] = [];
  const grids: Grid[] = [];
  for (const sheet of book.sheets) {
    try {
      grids.push(sheetGrid(parts, book, styles, sheet, warnings));
    } catch (e) {
      refuse(e);
    }
  }
  const sheets = book.sheets.map((s) => ({ name: s.name, state: s.state }));
  return { file, grids, sheets, package: parts, warnings };
}

/** The last segment of a path, either separator. */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
}

/**
 * At most this many cells a grid: a stray value in XFD1048576 must not make a rectangle of
 * billions; the rows past it are left out, with a warning (a self-evaluation form has < 200 rows).
 */
export const MAX_GRID_CELLS = 4_000_000;

/**
 * At most this many rows of a sheet are read into cells (issue 23): a self-evaluation form has
 * fewer than 200 rows, a sheet of 200 stacked forms about 6,000; the rows below are kept in the
 * copy as they are, and a warning says where reading stopped and why.
 */
export const MAX_GRID_ROWS = 50_000;

/** A style index as a cell's look ("s:5"), one string per index. */
const LOOKS: string[] = [];
function lookText(style: number): string {
  return (LOOKS[style] ??= `s:${style}`);
}

/** One worksheet as a Grid. */
function sheetGrid(
  parts: PackageParts,
  book: BookIndex,
  styles: StyleIndex,
  sheet: BookSheet,
  warnings: string[]
): Grid {
  const read = readSheetCells(
    parts.readIndex(sheet.part),
    book.sharedStrings,
    styles,
    book.date1904,
    MAX_GRID_ROWS
  );
  if (read.lastRowBeyond > 0)
    warnings.push(
      `工作表“${sheet.name}”有 ${read.lastRowBeyond} 行，只读取了前 ${MAX_GRID_ROWS} 行：自评表不会有这么长，第 ${MAX_GRID_ROWS + 1}–${read.lastRowBeyond} 行没有读取，也没有评分（评分副本中原样保留）`
    );
  const notes = readNotes(parts, sheet.part);
  const fills: Record<string, string> = {};
  // each cell's own style index, for 撤销 of a style copy (absent: none, index 0)
  const looks: Record<string, string> = {};
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of read.cells.values()) {
    const fill = styles.look(c.style).fill;
    if (fill) fills[toAddress(c.row, c.col)] = fill;
    if (c.style) looks[toAddress(c.row, c.col)] = lookText(c.style);
    // a covered cell of a merge, or a string of length 0: not part of the used range
    if (c.value === "" && c.formula === null) continue;
    if (c.row < top) top = c.row;
    if (c.col < left) left = c.col;
    if (c.row > bottom) bottom = c.row;
    if (c.col > right) right = c.col;
  }
  const merges = read.merges;
  const isProtected = read.protected;
  if (bottom === 0)
    return {
      sheet: sheet.name,
      origin: "A1",
      values: [],
      formulas: [],
      numberFormats: [],
      merges,
      protected: isProtected,
      notes,
      fills,
      looks,
    };

  const width = right - left + 1;
  const lastRow = Math.min(bottom, top + Math.max(1, Math.floor(MAX_GRID_CELLS / width)) - 1);
  if (lastRow < bottom)
    warnings.push(
      `工作表“${sheet.name}”的使用区域 ${toAddress(top, left)}:${toAddress(bottom, right)} 过大，只读取了第 ${top}–${lastRow} 行`
    );
  const values: CellScalar[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= lastRow; r++) {
    const v: CellScalar[] = [];
    const f: (string | null)[] = [];
    const n: string[] = [];
    for (let c = left; c <= right; c++) {
      // an empty cell inside the range still has its own format (a text column's "@")
      const cell = read.cells.get(cellKey(r, c));
      v.push(cell ? cell.value : "");
      f.push(cell ? cell.formula : null);
      n.push(cell ? styles.look(cell.style).numberFormat : "General");
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return {
    sheet: sheet.name,
    origin: toAddress(top, left),
    values,
    formulas,
    numberFormats,
    merges,
    protected: isProtected,
    notes,
    fills,
    looks,
  };
}
