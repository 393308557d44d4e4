/**
 * The add-in's own sheets in WPS: the very hidden state sheet with the ledger (src/form/state.ts),
 * written in one Value2 write, and 批量评分's 评分汇总 (src/form/layout/summaryLayout.ts, the layout
 * both hosts render): its cells in one Formula write, number formats, bold and fills by
 * rectangles, and the grade chart through ChartObjects.Add where the layout has one.
 */
import type { WorkbookState } from "../../form/state";
import { STATE_SHEET, stateToRows } from "../../form/state";
import type { WorkbookOutcome } from "../../form/pipeline";
import { summaryLayout } from "../../form/layout/summaryLayout";
import { leftPixels } from "../../form/layout/summaryLayout";
import type { SheetLayout } from "../../form/layout/sheetLayout";
import { columnLetters, rectAddress, toAddress, type Rect } from "../../address";
import { blocks, excelInput } from "../cells";
import type { SummaryRun } from "../runReport";
import { bgrFromHex } from "./colors";
import { XL, type WpsSheet, type WpsWorkbook } from "./api";

/** A new sheet at the end of the workbook, named. */
export function addSheetAtEnd(book: WpsWorkbook, name: string): WpsSheet {
  const all = book.Worksheets;
  const ws = all.Add(null, all.Item(all.Count));
  ws.Name = name;
  return ws;
}

/** Writes the ledger rows over what the state sheet held (`previous`: its used rectangle). */
export function writeState(
  book: WpsWorkbook,
  existing: WpsSheet | null,
  previous: Rect | null,
  state: WorkbookState
): void {
  const rows = stateToRows(state);
  const width = Math.max(...rows.map((r) => r.length), previous?.right ?? 0);
  const height = Math.max(rows.length, previous?.bottom ?? 0);
  const cells = Array.from({ length: height }, (_, i) =>
    Array.from({ length: width }, (_, j) => excelInput(rows[i]?.[j] ?? null))
  );
  let ws = existing;
  if (!ws) {
    const active = book.ActiveSheet;
    ws = addSheetAtEnd(book, STATE_SHEET);
    ws.Visible = XL.sheetVeryHidden;
    active.Activate();
  }
  ws.Range(`A1:${columnLetters(width)}${height}`).Value2 = cells;
}

/** The cells of a layout as formulas and values (links as HYPERLINK formulas), as wide as the widest row. */
function layoutCells(layout: SheetLayout): (string | number | boolean)[][] {
  const width = Math.max(1, ...layout.rows.map((r) => r.length));
  return layout.rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const c = r[i] ?? null;
      if (c === null) return "";
      if (c.link)
        return `=HYPERLINK("#${c.link.replace(/"/g, '""')}","${String(c.value ?? "").replace(/"/g, '""')}")`;
      return excelInput(c.value);
    })
  );
}

/** 评分汇总: the add-in's previous one deleted, the new one written at the end and activated. */
export function writeSummary(
  book: WpsWorkbook,
  outcome: WorkbookOutcome,
  deleteSheets: readonly WpsSheet[]
): SummaryRun {
  for (const ws of deleteSheets) ws.Delete();
  const s = outcome.summary;
  const layout = summaryLayout(s, outcome.summarySheet);
  const ws = addSheetAtEnd(book, outcome.summarySheet);
  const cells = layoutCells(layout);
  const width = cells[0]?.length ?? 1;
  if (cells.length) ws.Range(`A1:${columnLetters(width)}${cells.length}`).Formula = cells;
  const formats = new Map<string, string>();
  const bold = new Map<string, true>();
  const fills = new Map<string, string>();
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const a = toAddress(r + 1, c + 1);
      if (cell?.style?.numberFormat) formats.set(a, cell.style.numberFormat);
      if (cell?.style?.bold) bold.set(a, true);
      if (cell?.style?.fill) fills.set(a, cell.style.fill);
    })
  );
  for (const b of blocks(formats, (x, y) => x === y))
    ws.Range(rectAddress(b.rect)).NumberFormat = b.cells[0][0];
  for (const b of blocks(bold)) ws.Range(rectAddress(b.rect)).Font.Bold = true;
  for (const b of blocks(fills, (x, y) => x === y))
    ws.Range(rectAddress(b.rect)).Interior.Color = bgrFromHex(b.cells[0][0]);
  const chart = layout.chart ? drawChart(ws, layout) : false;
  ws.Activate();
  return {
    sheet: outcome.summarySheet,
    forms: s.forms,
    average: s.average === null ? null : s.average.toString(),
    weightedAverage: s.weightedAverage === null ? null : s.weightedAverage.toString(),
    bandSentence: s.bandSentence,
    chart,
  };
}

/** The grade chart where the layout places it: the grade counts' heading and four rows. */
function drawChart(ws: WpsSheet, layout: SheetLayout): boolean {
  const chart = layout.chart;
  if (!chart) return false;
  const first = Number(/\$(\d+):/.exec(chart.categories)?.[1] ?? "0");
  const a = chart.anchor;
  const rowPoints = 15; // WPS's default row height, in points
  const left = (leftPixels(layout, a.fromCol) * 3) / 4;
  const width = ((leftPixels(layout, a.toCol) - leftPixels(layout, a.fromCol)) * 3) / 4;
  const o = ws
    .ChartObjects()
    .Add(left, a.fromRow * rowPoints, width, (a.toRow - a.fromRow) * rowPoints);
  const c = o.Chart;
  c.SetSourceData(ws.Range(`A${first - 1}:B${first + 3}`));
  c.ChartType = XL.columnClustered;
  c.HasTitle = true;
  c.ChartTitle.Text = chart.title;
  return true;
}
