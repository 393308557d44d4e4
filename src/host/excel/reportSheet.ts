/**
 * 生成自评报告 in Excel (issue 13): read every tab, score it, build the report and write it into
 * the add-in's own sheet 自评报告 (one wide merged, wrapped cell a paragraph, A4 portrait), replacing
 * the one it wrote last; the sheet's name is recorded in the state sheet, so 撤销 removes it.
 *
 * Three round trips for a workbook of ordinary size: list the sheets; read them the way 评分 does
 * (scoring.ts readWorkbook: in parts only where Excel refuses the size); write the sheet and the
 * state's first row through the gateway's write queue (session.ts Writer), which splits the write
 * under the payload budget like every other write (a 200-tab report passes Excel on the web's
 * 5 MB in several). The .docx is built
 * from the same model in the task pane (src/report/docx.ts), not here.
 */
import type { ProfileSpec, EngineOptions } from "../../engine";
import { scoreWorkbookGrids } from "../../form/pipeline";
import { STATE_SHEET, stateToRows, summarySheetName } from "../../form/state";
import { buildReport, scoredForms, type ReportModel } from "../../report";
import { REPORT_SHEET, reportSheetLayout } from "../../report/sheet";
import { rectAddress } from "../../address";
import { warningsFor } from "./capabilities";
import type { Capabilities, ReportSheetRun } from "./contract";
import { readWorkbook } from "./scoring";
import { jsonLength } from "./cells";
import { Io, OP_BYTES, Writer, type GatewaySession } from "./session";
import { gridOf } from "./sheetRead";
import { runExcel } from "./run";

export type { ReportSheetRun } from "./contract";

export interface ReportSheetOptions {
  readonly profile?: ProfileSpec;
  readonly overrides?: EngineOptions["overrides"];
}

const PLACEHOLDER_FILL = "#FFF2CC";
const has = (v: string): boolean => Office.context.requirements.isSetSupported("ExcelApi", v);

/** Queues the report's rows and their look through the writer (it syncs before the budget is passed). */
async function writeLayout(ws: Excel.Worksheet, model: ReportModel, writer: Writer): Promise<void> {
  const layout = reportSheetLayout(model);
  const n = layout.rows.length;
  const right = layout.columns;
  await writer.rows(
    ws,
    1,
    layout.rows.map((r) => [r.text, ...Array<string>(right - 1).fill("")]),
    false
  );
  // four actions on four object paths (two getRange, their formats), and so for each row below
  await writer.add(
    3 * OP_BYTES,
    () => {
      const all = ws.getRange(rectAddress({ top: 1, left: 1, bottom: n, right }));
      all.merge(true);
      all.format.wrapText = true;
      all.format.verticalAlignment = "Top";
      ws.getRange(rectAddress({ top: 1, left: 1, bottom: 1, right })).format.columnWidth =
        layout.columnWidth;
    },
    4
  );
  for (const [i, r] of layout.rows.entries())
    await writer.add(
      3 * OP_BYTES,
      () => {
        const line = ws.getRange(rectAddress({ top: i + 1, left: 1, bottom: i + 1, right }));
        line.format.rowHeight = r.height;
        if (r.kind === "title" || r.kind === "heading") line.format.font.bold = true;
        if (r.kind === "title") line.format.horizontalAlignment = "Center";
        if (r.placeholder) line.format.fill.color = PLACEHOLDER_FILL;
      },
      4
    );
  if (has("1.9"))
    await writer.add(OP_BYTES, () => {
      ws.pageLayout.orientation = Excel.PageOrientation.portrait;
      ws.pageLayout.paperSize = Excel.PaperType.a4;
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    });
}

export function writeReportSheet(
  session: GatewaySession,
  caps: Capabilities,
  options: ReportSheetOptions = {}
): Promise<ReportSheetRun> {
  return runExcel(async (context) => {
    const io = new Io(context);
    // the same read as 评分: the add-in's sheets skipped, read in parts where Excel refuses the size
    const book = await readWorkbook(session, io, caps, warningsFor(caps), false);
    const grids = book.reads.map((r) => gridOf(r));
    const previous = book.previous;
    const outcome = scoreWorkbookGrids(grids, options);
    const forms = scoredForms(outcome.sheets, grids);
    if (forms.length === 0)
      return {
        ok: false,
        error: "工作簿中没有找到项目支出绩效自评表，未生成自评报告",
        sheet: null,
        forms: 0,
        syncs: io.syncs,
        model: null,
      };
    const model = buildReport(forms);
    const sheets = context.workbook.worksheets;
    const names = book.sheets.map((s) => s.name);
    const ours =
      previous.reportSheet && names.includes(previous.reportSheet) ? previous.reportSheet : null;
    const name = summarySheetName(names, ours, REPORT_SHEET);
    const writer = new Writer(io, session.payloadBudget);
    const first = stateToRows({
      ledger: [],
      summarySheet: previous.summarySheet,
      reportSheet: name,
    })[0];
    try {
      if (ours) await writer.add(OP_BYTES, () => sheets.getItem(ours).delete());
      const ws = sheets.add(name);
      // the sheet recorded first: a write refused part-way leaves a sheet the next run replaces and 撤销 removes
      await writer.add(OP_BYTES + jsonLength(first), () => {
        const state = names.includes(STATE_SHEET)
          ? sheets.getItem(STATE_SHEET)
          : sheets.add(STATE_SHEET);
        state.getRange("A1:D1").values = [first.map((v) => v ?? "")];
        if (!names.includes(STATE_SHEET)) state.visibility = Excel.SheetVisibility.veryHidden;
      });
      await writeLayout(ws, model, writer);
      await writer.add(OP_BYTES, () => ws.activate(), 0);
      await writer.flush();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        error: `写入自评报告失败：${why}`,
        sheet: null,
        forms: forms.length,
        syncs: io.syncs,
        model,
      };
    }
    return { ok: true, error: null, sheet: name, forms: forms.length, syncs: io.syncs, model };
  });
}
