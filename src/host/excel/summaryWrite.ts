/**
 * 批量评分's 评分汇总 sheet: the add-in's earlier summary replaced, then the one layout both hosts
 * render (src/form/layout/summaryLayout.ts, drawn by summarySheet.ts).
 */
import type { WorkbookOutcome } from "../../form/pipeline";
import { STATE_SHEET } from "../../form/state";
import { summaryLayout } from "../../form/layout/summaryLayout";
import type { SummaryRun } from "./report";
import { OP_BYTES, type Io, type SheetInfo, type Writer } from "./session";
import { supportsApi } from "./capabilities";
import { layoutFormulas, renderSummaryFormats } from "./summarySheet";

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
  // the one 评分汇总 layout both hosts render (summarySheet.ts)
  const layout = summaryLayout(s, outcome.summarySheet);
  const apis = { v17: supportsApi("1.7"), v19: supportsApi("1.9") };
  await writer.rows(ws, 1, layoutFormulas(layout, apis.v17), true);
  const chart = await renderSummaryFormats(ws, layout, apis, (b, q, p) => writer.add(b, q, p));
  await writer.add(OP_BYTES, () => ws.activate());
  return {
    sheet: outcome.summarySheet,
    forms: s.forms,
    average: s.average === null ? null : s.average.toString(),
    weightedAverage: s.weightedAverage === null ? null : s.weightedAverage.toString(),
    bandSentence: s.bandSentence,
    chart,
  };
}
