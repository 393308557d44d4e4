/**
 * Seed layouts (seedGrids.ts) written into ExcelJS workbooks that look like the real forms when
 * opened in Excel: merges, column widths, wrapped text, thin borders over the form body, bold
 * headers, a large title, row heights estimated from the text, A4 landscape fitted to the width.
 * Used by scripts/make-samples.ts and by the xlsx host tests.
 */
import ExcelJS from "exceljs";
import { parseRange, toAddress } from "../../src/address";
import {
  loadSeedTables,
  seedWorkbookSheets,
  tableId,
  type CellKind,
  type LayoutOptions,
  type SeedLayout,
} from "./seedGrids";
import { textWidth } from "../../src/form/layout/sheetLayout";

const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function styleFor(
  kind: CellKind | null,
  bordered: boolean,
  numFmt: string,
  centred: boolean
): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: FONT,
      size: kind === "title" ? 16 : 10,
      bold: kind === "title" || kind === "header",
    },
    alignment: { vertical: "middle", wrapText: true, horizontal: "left" },
  };
  if (kind === "header" || kind === "number" || kind === "title" || (kind === "caption" && centred))
    style.alignment = { ...style.alignment, horizontal: "center" };
  if (kind === "label") style.alignment = { ...style.alignment, horizontal: "center" };
  if (kind === "note") style.alignment = { vertical: "top", wrapText: true, horizontal: "left" };
  if (bordered) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (numFmt !== "General") style.numFmt = numFmt;
  return style;
}

/** Row heights (points) so that wrapped text shows: Excel does not fit merged cells by itself. */
function rowHeights(layout: SeedLayout): number[] {
  const width = (c1: number, c2: number): number =>
    layout.columnWidths.slice(c1 - 1, c2).reduce((a, b) => a + b, 0);
  const spans = new Map<string, { right: number; rows: number }>();
  for (const m of layout.merges) {
    const r = parseRange(m);
    spans.set(`${r.top},${r.left}`, { right: r.right, rows: r.bottom - r.top + 1 });
  }
  return layout.rows.map((row, i) => {
    let lines = 1;
    row.forEach((value, j) => {
      if (value === "" || value === null) return;
      const span = spans.get(`${i + 1},${j + 1}`) ?? { right: j + 1, rows: 1 };
      const chars = Math.max(4, width(j + 1, span.right) * 1.1 - 1);
      const text = String(value);
      const needed = text
        .split("\n")
        .reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l) / chars)), 0);
      lines = Math.max(lines, Math.ceil(needed / span.rows));
    });
    const kind = row.map((_, j) => layout.kinds[i][j]).find((k) => k !== null);
    const line = kind === "title" ? 24 : 13.5;
    return Math.min(409, Math.max(line + 2, lines * line + 3));
  });
}

/** Writes one laid-out sheet into a worksheet. */
export function writeLayout(ws: ExcelJS.Worksheet, layout: SeedLayout): void {
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // merge first: ExcelJS gives a merged cell the master's style when merging, the styles below win
  for (const m of layout.merges) ws.mergeCells(m);
  const inBorder = layout.bordered.map(parseRange);
  const bordered = (r: number, c: number): boolean =>
    inBorder.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
  const mergedCaption = new Set(layout.merges.map((m) => m.split(":")[0]));
  const heights = rowHeights(layout);
  layout.rows.forEach((row, i) => {
    const r = i + 1;
    row.forEach((value, j) => {
      const c = j + 1;
      const kind = layout.kinds[i][j];
      const numFmt = layout.numberFormats[i][j];
      const border = bordered(r, c);
      if (kind === null && !border && numFmt === "General") return;
      const cell = ws.getCell(r, c);
      if (value !== "" && value !== null) cell.value = value;
      const text = typeof value === "string" ? value : "";
      const centred = mergedCaption.has(toAddress(r, c)) && !/^[\s\u3000]/.test(text);
      cell.style = styleFor(kind, border, numFmt, centred);
    });
    ws.getRow(r).height = heights[i];
  });
  // the other cells of a merged area take its first cell's style, so that borders draw all round
  for (const m of layout.merges) {
    const { top, left, bottom, right } = parseRange(m);
    const masterStyle = JSON.stringify(ws.getCell(top, left).style);
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++)
        if (r !== top || c !== left)
          ws.getCell(r, c).style = JSON.parse(masterStyle) as ExcelJS.Style;
  }
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

/** The workbook of one seed document: its sheets as seedWorkbookSheets lays them out. */
export function buildSampleWorkbook(
  seedFile: string,
  options: LayoutOptions = {}
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "selfeval make-samples";
  // a fixed date keeps the files identical from run to run
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const { sheet, layout } of seedWorkbookSheets(seedFile, options))
    writeLayout(wb.addWorksheet(sheet), layout);
  return wb;
}

/** samples/000-renhe-2023.xlsx: seed number, region of its template, year. */
export function sampleFileName(seedFile: string): string {
  const tables = loadSeedTables(seedFile);
  return `${seedFile.slice(0, 3)}-${tables[0].layout.split("-")[0]}-${tables[0].year ?? ""}.xlsx`;
}

/** What a sample holds, for samples/README.md: per sheet, its forms with project and layout. */
export function sampleContents(
  seedFile: string
): { sheet: string; forms: { id: string; layout: string; project: string; rows: string }[] }[] {
  const tables = new Map(loadSeedTables(seedFile).map((t) => [tableId(t), t]));
  return seedWorkbookSheets(seedFile).map(({ sheet, layout }) => ({
    sheet,
    forms: layout.forms.map((f) => {
      const t = tables.get(f.id)!;
      return {
        id: f.id,
        layout: t.layout,
        project: (t.project ?? t.title_line).trim(),
        rows: `${f.top}–${f.bottom}`,
      };
    }),
  }));
}
