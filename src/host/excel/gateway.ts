/**
 * The Office.js gateway: src/host/excel is the only code of the add-in that knows Office.js. The
 * task pane calls the small interface of contract.ts; everything from a Grid to a WritePlan is the
 * pure pipeline of src/form. This file only ties the pieces together:
 *
 *   capabilities.ts   requirement sets → what this Excel can do, and the warnings that follow
 *   session.ts        the state between actions, the counted request context, the write queue
 *   sheetRead.ts      list the sheets, read used ranges, Excel's values as a Grid
 *   readSheets.ts     one sync, or in parts when Excel refuses the size
 *   cellDetails.ts    fills and notes of the cells a plan touches; cells read back as grids
 *   scoring.ts        the four round trips of 评分当前表 / 批量评分
 *   writeOutcome.ts   the write: ledger, edits (writeEdits.ts), 评分汇总 (summaryWrite.ts)
 *   ledgerSheet.ts    the very hidden state sheet
 *   repair.ts         a write Excel refused half-way, checked and the ledger mended
 *   notesMode.ts      prompts where notes cannot be written
 *   undo.ts           撤销本次评分 and 清除标记
 *   autoScore.ts      自动评分: the change listener and the two-round-trip re-score (autoMemory.ts)
 *   settings.ts       the 规则 panel's settings in the document
 *
 * Round trips (context.sync) per action, whatever the number of tabs:
 *
 *   1. list the worksheets (name, id, visibility, protection) and the active sheet;
 *   2. read every sheet the action needs: the used range of values (values, formulas, number
 *      formats), merged areas (ExcelApi 1.13), threaded comments where notes are not available,
 *      and the very hidden state sheet with the ledger of what the add-in wrote;
 *   3. read the fills and notes of only the cells a plan may touch (and the number format of such
 *      a cell outside the used range): the first plan says which cells those are;
 *   4. write every edit, the state sheet and, for 批量评分, the 评分汇总 sheet with its chart.
 *
 * A payload that would pass Excel on the web's 5 MB limit is split (reading: only after Excel
 * refused it; writing: before it is sent).
 */
import { listenForEdits, rescoreFromMemory } from "./autoScore";
import { capabilities } from "./capabilities";
import type {
  Capabilities,
  GatewayConfig,
  Progress,
  ScoringGateway,
  ScoringOptions,
  Settings,
} from "./contract";
import { failedReport, type RunAction, type RunReport } from "./report";
import { scoreNow, type WriteMode } from "./scoring";
import { GatewaySession } from "./session";
import { loadSettings, saveSettings } from "./settings";
import { writeReportSheet, type ReportSheetRun } from "./reportSheet";
import { clearMarksNow, undoNow } from "./undo";

export type {
  Capabilities,
  GatewayConfig,
  Progress,
  ScoringGateway,
  ScoringOptions,
  Settings,
} from "./contract";
import { runExcel } from "./run";
export { DEFAULT_SETTINGS } from "./contract";
export type { RunReport } from "./report";

export function createExcelGateway(config: GatewayConfig = {}): ScoringGateway {
  return new ExcelGateway(config);
}

class ExcelGateway implements ScoringGateway {
  private readonly session: GatewaySession;

  constructor(config: GatewayConfig) {
    this.session = new GatewaySession(config);
  }

  capabilities(): Capabilities {
    return capabilities();
  }

  scoreActiveSheet(options: ScoringOptions = {}): Promise<RunReport> {
    return this.score("score-active", { kind: "active" }, options);
  }

  scoreAllSheets(
    options: ScoringOptions = {},
    onProgress?: (p: Progress) => void
  ): Promise<RunReport> {
    return this.score("score-all", { kind: "all" }, options, onProgress);
  }

  rescoreSheet(sheet: string, options: ScoringOptions = {}): Promise<RunReport> {
    const caps = capabilities();
    if (!caps.supported) return Promise.resolve(failedReport("score-sheet", caps.reason as string));
    return this.session.exclusive(async () => {
      const fast = await rescoreFromMemory(this.session, sheet, options, caps);
      if ("report" in fast) return fast.report;
      const mode: WriteMode = { kind: "sheet", name: fast.sheet };
      return scoreNow(this.session, "score-sheet", mode, options, caps);
    });
  }

  writeReport(options: ScoringOptions = {}): Promise<ReportSheetRun> {
    const caps = capabilities();
    if (!caps.supported)
      return Promise.resolve({
        ok: false,
        error: caps.reason as string,
        sheet: null,
        forms: 0,
        syncs: 0,
        model: null,
      });
    return this.session.exclusive(() => writeReportSheet(this.session, caps, options));
  }

  undo(): Promise<RunReport> {
    const caps = capabilities();
    if (!caps.supported) return Promise.resolve(failedReport("undo", caps.reason as string));
    return this.session.exclusive(() => undoNow(this.session, caps));
  }

  clearMarks(): Promise<RunReport> {
    const caps = capabilities();
    if (!caps.supported) return Promise.resolve(failedReport("clear-marks", caps.reason as string));
    return this.session.exclusive(() => clearMarksNow(this.session, caps));
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.session.exclusive(() =>
      runExcel(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      })
    );
  }

  loadSettings(): Promise<Settings> {
    return loadSettings();
  }

  saveSettings(settings: Settings): Promise<void> {
    return saveSettings(settings);
  }

  async onSheetChanged(
    listener: (sheet: string) => void,
    options: { readonly debounceMs?: number } = {}
  ): Promise<(() => Promise<void>) | null> {
    return listenForEdits(this.session, capabilities(), listener, options);
  }

  private score(
    action: RunAction,
    mode: WriteMode,
    options: ScoringOptions,
    onProgress?: (p: Progress) => void
  ): Promise<RunReport> {
    const caps = capabilities();
    if (!caps.supported) return Promise.resolve(failedReport(action, caps.reason as string));
    return this.session.exclusive(() =>
      scoreNow(this.session, action, mode, options, caps, onProgress)
    );
  }
}
