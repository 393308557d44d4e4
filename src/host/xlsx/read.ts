import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { CellScalar } from "../../engine/types";
import { toAddress, type Grid } from "../../form/grid";

/**
 * The ExcelJS host's reading side: every worksheet of an .xlsx file as a Grid (design.md), the way
 * the Office.js host hands one over, so that recognition sees the same thing from both hosts.
 *
 * - The grid is the used range: the smallest rectangle holding every cell with a value; origin
 *   is its top-left cell. A sheet without values gives `values: []` (origin "A1").
 * - Values: strings, numbers, booleans as stored; rich text as its text; a formula as its cached
 *   result (ExcelJS never calculates: a formula Excel never saved a result for reads ""), with
 *   "=" + the formula in `formulas`; an error (#REF!, #DIV/0!) as its text; a date as its ISO
 *   date ("2024-03-31", with the time when it has one); a hyperlink as its text; "" for an empty
 *   cell and for the covered cells of a merged area (as Office.js returns them).
 * - Number formats from each cell's style ("General" where none); merges as absolute A1 ranges.
 * - A cell ExcelJS cannot make sense of reads as its displayed text, or "": reading never throws
 *   for a cell. A file that is not a readable .xlsx rejects with a Chinese message naming it.
 */
export interface WorkbookGrids {
  /** The file's name as given (a Buffer without a name is "工作簿"). */
  readonly file: string;
  /** One grid per worksheet, in workbook order (chart sheets are not worksheets and are absent). */
  readonly grids: Grid[];
  /** Every worksheet's name and visibility, aligned with `grids`. */
  readonly sheets: { readonly name: string; readonly state: "visible" | "hidden" | "veryHidden" }[];
  /** The loaded workbook, for a host that goes on to apply a plan and save a copy. */
  readonly workbook: ExcelJS.Workbook;
  /** What could not be read whole, in Chinese, naming the sheet (a used range too large to hand over). */
  readonly warnings: string[];
}

export interface ReadOptions {
  /** The name to use in messages when the input is a Buffer. */
  readonly name?: string;
}

export async function readWorkbookGrids(
  input: Buffer | string,
  options: ReadOptions = {}
): Promise<WorkbookGrids> {
  const file = typeof input === "string" ? input : (options.name ?? "工作簿");
  const shown = path.basename(file);
  let data: Buffer;
  if (typeof input === "string") {
    try {
      data = await fs.promises.readFile(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === "ENOENT"
          ? "文件不存在"
          : code === "EISDIR"
            ? "这是一个文件夹"
            : code === "EACCES"
              ? "没有读取权限"
              : `读取失败（${code ?? "未知错误"}）`;
      throw new Error(`无法读取 ${shown}：${why}`);
    }
  } else {
    data = input;
  }
  const notWorkbook = signatureProblem(data);
  if (notWorkbook) throw new Error(`无法读取 ${shown}：${notWorkbook}`);

  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types its parameter with an older Buffer than @types/node 20 has
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    // ExcelJS's own words ("Corrupted zip?") stay on `cause`, for a log, not in the message
    throw Object.assign(new Error(`无法读取 ${shown}：不是有效的 Excel 工作簿，文件可能已损坏`), {
      cause: e,
    });
  }
  if (workbook.worksheets.length === 0)
    throw new Error(`无法读取 ${shown}：不是有效的 Excel 工作簿（没有工作表）`);

  const warnings: string[] = [];
  const grids = workbook.worksheets.map((ws) => worksheetGrid(ws, warnings));
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, state: sheetState(ws) }));
  return { file, grids, sheets, workbook, warnings };
}

/** A reason the bytes cannot be an .xlsx (a zip), or null. */
function signatureProblem(data: Buffer): string | null {
  if (data.length === 0) return "文件是空的";
  // Compound File (OLE): an .xls of Excel 97–2003, or an .xlsx saved with an opening password
  if (
    data.length >= 8 &&
    data.readUInt32BE(0) === 0xd0cf11e0 &&
    data.readUInt32BE(4) === 0xa1b11ae1
  )
    return "这是旧版 .xls 文件或设置了打开密码的工作簿，请在 Excel 中另存为不加密的 .xlsx";
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b)
    return "不是有效的 Excel 工作簿（.xlsx）";
  return null;
}

function sheetState(ws: ExcelJS.Worksheet): "visible" | "hidden" | "veryHidden" {
  return ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
}

interface ReadCell {
  value: CellScalar;
  formula: string | null;
  numberFormat: string;
}

/** One worksheet as a Grid. */
/**
 * At most this many cells a grid: a stray value in XFD1048576 must not make a rectangle of
 * billions; the rows past it are left out, with a warning (a self-evaluation form has < 200 rows).
 */
export const MAX_GRID_CELLS = 4_000_000;

export function worksheetGrid(ws: ExcelJS.Worksheet, warnings: string[] = []): Grid {
  const cells = new Map<string, ReadCell>();
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const read = readCell(cell);
      // a covered cell of a merge, or a string of length 0: not part of the used range
      if (read.value === "" && read.formula === null) return;
      cells.set(`${r},${c}`, read);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  const merges = mergedRanges(ws);
  const protectedSheet = isProtected(ws);
  const { notes, fills } = notesAndFills(ws);
  if (bottom === 0)
    return {
      sheet: ws.name,
      origin: "A1",
      values: [],
      formulas: [],
      numberFormats: [],
      merges,
      protected: protectedSheet,
      notes,
      fills,
    };

  const width = right - left + 1;
  const lastRow = Math.min(bottom, top + Math.max(1, Math.floor(MAX_GRID_CELLS / width)) - 1);
  if (lastRow < bottom)
    warnings.push(
      `工作表“${ws.name}”的使用区域 ${toAddress(top, left)}:${toAddress(bottom, right)} 过大，只读取了第 ${top}–${lastRow} 行`
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
      const cell = cells.get(`${r},${c}`) ?? emptyCell(ws.findCell(r, c));
      v.push(cell.value);
      f.push(cell.formula);
      n.push(cell.numberFormat);
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return {
    sheet: ws.name,
    origin: toAddress(top, left),
    values,
    formulas,
    numberFormats,
    merges,
    protected: protectedSheet,
    notes,
    fills,
  };
}

/**
 * Notes (comments) and solid fills by address: the backup of a touched cell must hold them, and
 * a person's own note is kept under the add-in's lines.
 */
function notesAndFills(ws: ExcelJS.Worksheet): {
  notes: Record<string, string>;
  fills: Record<string, string>;
} {
  const notes: Record<string, string> = {};
  const fills: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      try {
        const note = cell.note as string | { texts?: { text?: string }[] } | undefined;
        const text =
          typeof note === "string" ? note : note?.texts?.map((t) => t.text ?? "").join("");
        if (text) notes[cell.address] = text;
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const argb =
          fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
        if (argb) fills[cell.address] = argb.slice(-6).toUpperCase();
      } catch {
        // a note or style ExcelJS cannot resolve is left out
      }
    });
  });
  return { notes, fills };
}

function numberFormatOf(cell: ExcelJS.Cell): string {
  try {
    return cell.numFmt || "General";
  } catch {
    return "General"; // a style ExcelJS could not resolve
  }
}

function emptyCell(cell: ExcelJS.Cell | undefined): ReadCell {
  return { value: "", formula: null, numberFormat: cell ? numberFormatOf(cell) : "General" };
}

function readCell(cell: ExcelJS.Cell): ReadCell {
  const numberFormat = numberFormatOf(cell);
  try {
    if (cell.type === ExcelJS.ValueType.Merge) return { value: "", formula: null, numberFormat };
    const raw = cell.value as unknown;
    if (cell.type === ExcelJS.ValueType.Formula || isFormulaValue(raw)) {
      const formula = cell.formula;
      return {
        value: scalar((raw as { result?: unknown }).result),
        formula: formula ? `=${formula}` : null,
        numberFormat,
      };
    }
    return { value: scalar(raw), formula: null, numberFormat };
  } catch {
    let text = "";
    try {
      text = cell.text ?? "";
    } catch {
      // nothing readable
    }
    return { value: text, formula: null, numberFormat };
  }
}

function isFormulaValue(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && ("formula" in raw || "sharedFormula" in raw);
}

/** A cell value (or a formula's cached result) as a CellScalar. */
function scalar(raw: unknown): CellScalar {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : "";
  if (typeof raw === "boolean") return raw;
  if (raw instanceof Date) return isoDate(raw);
  if (typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    if (typeof o.error === "string") return o.error; // { error: "#REF!" }
    if (Array.isArray(o.richText)) return richText(o.richText);
    if ("text" in o) return scalar(o.text); // a hyperlink: { text, hyperlink }; its text may be rich
    if ("result" in o) return scalar(o.result);
  }
  return String(raw);
}

function richText(runs: unknown[]): string {
  return runs
    .map((run) =>
      typeof run === "object" &&
      run !== null &&
      typeof (run as { text?: unknown }).text === "string"
        ? (run as { text: string }).text
        : ""
    )
    .join("");
}

/**
 * ExcelJS reads a date serial as a Date at that wall-clock time in UTC (a workbook has no time
 * zone), so the UTC fields are the cell's date and time.
 */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString(); // 2024-03-31T00:00:00.000Z
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** Merged areas as A1 ranges; ExcelJS keeps them in worksheet._merges (its model lists them too). */
function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string } | undefined> })
    ._merges;
  if (internal) {
    return Object.values(internal)
      .map((m) => m?.range)
      .filter((r): r is string => typeof r === "string" && r.length > 0);
  }
  try {
    return [...((ws.model as { merges?: string[] }).merges ?? [])];
  } catch {
    return [];
  }
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
    .sheetProtection;
  return !!protection && protection.sheet === true;
}
