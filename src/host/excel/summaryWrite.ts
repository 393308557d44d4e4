/**
 * 批量评分's 评分汇总 sheet: the add-in's earlier summary replaced, the rows the pipeline laid out
 * (links to each form as HYPERLINK formulas), bold headings, column widths and the chart of the
 * grade distribution.
 */
import type { WorkbookOutcome } from "../../form/pipeline";
import { STATE_SHEET } from "../../form/state";
import { columnLetters, excelInput } from "./cells";
import type { SummaryRun } from "./report";
import { OP_BYTES, type Io, type SheetInfo, type Writer } from "./session";

export async function writeSummary(
  io: Io,
  writer: Writer,
  outcome: WorkbookOutcome,
  sheets: ReadonlyMap<string, SheetInfo>
): Promise<SummaryRun> {
  const s = outcome.summary;
  const worksheets = io.context.workbook.worksheets;
  for (const name of outcome.replaceSheets) {
    const info = sheets.get(name);
    if (name !== STATE_SHEET && info) await writer.add(60, () => io.sheet(info).delete());
  }
  const ws = worksheets.add(outcome.summarySheet);
  const width = Math.max(...s.rows.map((r) => r.length));
  const cells = s.rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const c = r[i] ?? null;
      if (c !== null && typeof c === "object")
        return `=HYPERLINK("#${c.link.replace(/"/g, '""')}","${c.text.replace(/"/g, '""')}")`;
      return excelInput(c);
    })
  );
  await writer.rows(ws, 1, cells, true);
  for (const row of s.headingRows)
    await writer.add(60, () => {
      ws.getRange(`A${row + 1}:${columnLetters(width)}${row + 1}`).format.font.bold = true;
    });
  const widths = [150, 260, 70, 110, 110, 70, 60, 50, 60];
  await writer.add(widths.length * OP_BYTES, () => {
    widths.forEach((w, i) => {
      ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = w;
    });
  });
  // the grade counts stand under their heading row: 等级 | 表数, then 优 良 中 差
  const heading = s.gradeRange.firstRow; // 1-based row of the heading = 0-based index of the first grade
  const dataRange = `A${heading}:B${heading + 4}`;
  await writer.add(4 * OP_BYTES, () => {
    const chart = ws.charts.add("ColumnClustered", ws.getRange(dataRange), "Columns");
    chart.title.text = "等级分布";
    chart.setPosition(`D${heading}`, `I${heading + 15}`);
    ws.activate();
  });
  return {
    sheet: outcome.summarySheet,
    forms: s.forms,
    average: s.average === null ? null : s.average.toString(),
    weightedAverage: s.weightedAverage === null ? null : s.weightedAverage.toString(),
    bandSentence: s.bandSentence,
    chart: true,
  };
}
