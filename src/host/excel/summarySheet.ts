import { columnLetters, toAddress } from "../../address";
import { columnPoints, type SheetLayout } from "../../form/layout/sheetLayout";
import { excelInput } from "./cells";
import { renderCellLook, renderLinks, renderSheetLook, type LookApis } from "./summaryLook";
import { OP_BYTES } from "./session";

/**
 * The 评分汇总 layout (src/form/layout/summaryLayout.ts) rendered through Office.js, the same
 * layout the command writes into the package: values (links as hyperlinks from ExcelApi 1.7, as
 * HYPERLINK formulas below it), number formats, bold headings, the colour key's fills, column
 * widths (the layout's characters in points), borders, wrap, row heights, frozen row, filter and
 * page setup (summaryLook.ts), and the chart where the layout puts it, titled, with whole-number
 * axis steps, or none.
 * `add(bytes, queue)` queues writes under the caller's payload budget.
 */
/** `paths`: the object paths the write is reached through (session.ts Writer.add; one by default). */
export type QueueWrite = (bytes: number, queue: () => void, paths?: number) => Promise<void>;

/**
 * The cells as Excel formulas/values, row by row, as wide as the widest row; a link's cell holds
 * its text where `hyperlinks` will be set on it, else a HYPERLINK formula.
 */
export function layoutFormulas(
  layout: SheetLayout,
  hyperlinks = false
): (string | number | boolean)[][] {
  const width = Math.max(1, ...layout.rows.map((r) => r.length));
  return layout.rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const c = r[i] ?? null;
      if (c === null) return "";
      if (c.link && hyperlinks) return excelInput(String(c.value ?? ""));
      if (c.link)
        return `=HYPERLINK("#${c.link.replace(/"/g, '""')}","${String(c.value ?? "").replace(/"/g, '""')}")`;
      return excelInput(c.value);
    })
  );
}

/** Number formats row by row ("General" where the layout has none). */
export function layoutNumberFormats(layout: SheetLayout): string[][] {
  const width = Math.max(1, ...layout.rows.map((r) => r.length));
  return layout.rows.map((r) =>
    Array.from({ length: width }, (_, i) => r[i]?.style?.numberFormat ?? "General")
  );
}

/** Formats, widths and the chart of a summary whose values are already written. */
export async function renderSummaryFormats(
  ws: Excel.Worksheet,
  layout: SheetLayout,
  apis: LookApis,
  add: QueueWrite
): Promise<boolean> {
  const width = Math.max(1, ...layout.rows.map((r) => r.length));
  const formats = layoutNumberFormats(layout);
  if (formats.some((r) => r.some((f) => f !== "General")))
    await add(JSON.stringify(formats).length, () => {
      ws.getRange(`A1:${columnLetters(width)}${formats.length}`).numberFormat = formats;
    });
  const bold: string[] = [];
  const fills: [string, string][] = [];
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.style?.bold) bold.push(toAddress(r + 1, c + 1));
      if (cell?.style?.fill) fills.push([toAddress(r + 1, c + 1), cell.style.fill]);
    })
  );
  // an action a cell (OP_BYTES) on three object paths (getRange, format, font or fill)
  const styled = bold.length + fills.length;
  await add(
    bold.length * 40 + fills.length * 60 + styled * OP_BYTES,
    () => {
      for (const a of bold) ws.getRange(a).format.font.bold = true;
      for (const [a, color] of fills) ws.getRange(a).format.fill.color = `#${color}`;
    },
    styled * 3
  );
  await add(
    layout.widths.length * (60 + OP_BYTES),
    () => {
      layout.widths.forEach((w, i) => {
        const col = columnLetters(i + 1);
        ws.getRange(`${col}:${col}`).format.columnWidth = columnPoints(w);
      });
    },
    layout.widths.length * 2
  );
  await renderCellLook(ws, layout, add);
  if (apis.v17) await renderLinks(ws, layout, add);
  await renderSheetLook(ws, layout, apis, add);
  const chart = layout.chart;
  if (!chart) return false;
  const a = chart.anchor;
  // the data: the grade counts' heading and its four rows (categories in A, values in B)
  const first = Number(/\$(\d+):/.exec(chart.categories)?.[1] ?? "0");
  const data = `A${first - 1}:B${first + 3}`;
  await add(400, () => {
    const c = ws.charts.add("ColumnClustered", ws.getRange(data), "Columns");
    c.title.text = chart.title;
    c.axes.valueAxis.majorUnit = chart.majorUnit;
    c.setPosition(toAddress(a.fromRow + 1, a.fromCol + 1), toAddress(a.toRow, a.toCol));
  });
  return true;
}
