/**
 * A sheet of WPS as a Grid (src/form/grid.ts): the used range's Value2 and Formula in one call
 * each (2-D arrays), number formats, fills and merged areas by regions of like cells
 * (regions.ts), and the comments (WPS's notes) from the sheet's Comments collection. The list of
 * sheets with their name, visibility and protection.
 */
import type { CellScalar } from "../../engine/types";
import type { Grid } from "../../form/grid";
import { localAddress, parseRange, rectAddress, toAddress, type Rect } from "../../address";
import { isDateFormat, isoFromSerial } from "../cells";
import { hexFromBgr } from "./colors";
import { XL, type Cell, type WpsRange, type WpsSheet, type WpsWorkbook } from "./api";
import { readRegions } from "./regions";

export interface WpsSheetInfo {
  readonly name: string;
  readonly visibility: "Visible" | "Hidden" | "VeryHidden";
  readonly protected: boolean;
}

export interface WpsRead {
  readonly info: WpsSheetInfo;
  readonly rect: Rect | null;
  readonly grid: Grid;
}

/** Every sheet, in workbook order, and the active one. */
export function listSheets(book: WpsWorkbook): { sheets: WpsSheetInfo[]; active: string } {
  const all = book.Worksheets;
  const sheets: WpsSheetInfo[] = [];
  for (let i = 1, n = all.Count; i <= n; i++) {
    const ws = all.Item(i);
    const visible = ws.Visible;
    sheets.push({
      name: ws.Name,
      visibility:
        visible === XL.sheetVeryHidden
          ? "VeryHidden"
          : visible === XL.sheetVisible
            ? "Visible"
            : "Hidden",
      protected: !!ws.ProtectContents,
    });
  }
  return { sheets, active: book.ActiveSheet.Name };
}

/** A rectangle's cells as rows, whatever WPS gave (one value for one cell). */
function rows<T>(got: T | T[][], rect: Rect): T[][] {
  if (Array.isArray(got)) return got;
  return rect.top === rect.bottom && rect.left === rect.right ? [[got]] : [];
}

function scalar(v: Cell): CellScalar {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : "";
}

/** The used range of a sheet as a Grid; `valuesOnly` for the state sheet (values are all it holds). */
export function readSheet(ws: WpsSheet, info: WpsSheetInfo, valuesOnly = false): WpsRead {
  const used = ws.UsedRange;
  const rect = parseRange(localAddress(used.Address(false, false)));
  const height = rect.bottom - rect.top + 1;
  const width = rect.right - rect.left + 1;
  const raw = rows<Cell>(used.Value2, rect);
  const formats: string[][] = Array.from({ length: height }, () =>
    Array<string>(width).fill("General")
  );
  const formulas: (string | null)[][] = Array.from({ length: height }, () =>
    Array<string | null>(width).fill(null)
  );
  const merges: string[] = [];
  const fills: Record<string, string> = {};
  const range = (r: Rect): WpsRange => ws.Range(rectAddress(r));
  if (!valuesOnly) {
    const f = rows<unknown>(used.Formula as unknown, rect);
    f.forEach((line, i) =>
      line.forEach((x, j) => {
        // a text cell that reads "=…" (formatted as text) is its value, not a formula
        if (typeof x === "string" && x.startsWith("=") && x !== raw[i]?.[j]) formulas[i][j] = x;
      })
    );
    readRegions(
      rect,
      (r) => range(r).NumberFormat,
      (r, format) => {
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++)
            formats[row - rect.top][col - rect.left] = format;
      }
    );
    readRegions(
      rect,
      (r) => range(r).Interior.Color,
      (r, color) => {
        if (color === XL.noFillColor) return;
        const hex = hexFromBgr(color);
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) fills[toAddress(row, col)] = hex;
      }
    );
    merges.push(...mergedAreas(ws, rect));
  }
  const values: CellScalar[][] = Array.from({ length: height }, (_, i) =>
    Array.from({ length: width }, (_, j) => {
      const v = scalar(raw[i]?.[j]);
      return typeof v === "number" && isDateFormat(formats[i][j]) ? isoFromSerial(v) : v;
    })
  );
  const empty = height === 1 && width === 1 && values[0][0] === "" && !formulas[0][0];
  return {
    info,
    rect: empty ? null : rect,
    grid: {
      sheet: info.name,
      origin: toAddress(rect.top, rect.left),
      values,
      formulas,
      numberFormats: formats,
      merges,
      protected: info.protected,
      notes: valuesOnly ? {} : readComments(ws),
      fills,
    },
  };
}

/** Merged areas: regions wholly merged are walked by MergeArea, one call per area. */
function mergedAreas(ws: WpsSheet, rect: Rect): string[] {
  const found: Rect[] = [];
  const covered = (row: number, col: number): boolean =>
    found.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  readRegions(
    rect,
    (r) => ws.Range(rectAddress(r)).MergeCells,
    (r, merged) => {
      if (!merged) return;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          if (covered(row, col)) continue;
          const area = ws.Range(toAddress(row, col)).MergeArea;
          found.push(parseRange(localAddress(area.Address(false, false))));
        }
    }
  );
  return found.map(rectAddress);
}

/** The sheet's comments (WPS's notes, Excel's legacy comments) by address: three calls a comment. */
export function readComments(ws: WpsSheet): Record<string, string> {
  const out: Record<string, string> = {};
  const all = ws.Comments;
  for (let i = 1, n = all.Count; i <= n; i++) {
    const c = all.Item(i);
    out[localAddress(c.Parent.Address(false, false))] = c.Text();
  }
  return out;
}

/**
 * The grid with "General" as the number format of `addresses` that lie below or right of its
 * used range: WPS's UsedRange takes in every formatted cell, so a cell outside it has none
 * (the Office.js host reads such a cell's format; here it is known without a call).
 */
export function withOutsideFormats(grid: Grid, addresses: Iterable<string>): Grid {
  const o = parseRange(grid.origin);
  const formats = (grid.numberFormats ?? []).map((l) => l.slice());
  let changed = false;
  for (const a of addresses) {
    const p = parseRange(a);
    const r = p.top - o.top;
    const c = p.left - o.left;
    if (r < 0 || c < 0) continue;
    const inside = r < grid.values.length && c < (grid.values[r]?.length ?? 0);
    if (inside || formats[r]?.[c]) continue;
    while (formats.length <= r) formats.push([]);
    formats[r][c] = "General";
    changed = true;
  }
  return changed ? { ...grid, numberFormats: formats } : grid;
}
