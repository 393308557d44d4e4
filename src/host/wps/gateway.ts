/**
 * The WPS gateway: the pane's contract (src/host/contract.ts) over WPS Spreadsheets' synchronous
 * object model (a WPS 加载项). The pure pipeline of src/form does the rest. Its pieces:
 *
 *   api.ts        the WPS members used, typed from wps-jsapi; the `wps` global
 *   read.ts       sheets listed; a used range as a Grid (regions.ts: formats, fills, merges by like regions)
 *   book.ts       the sheets an action reads, the state sheet first
 *   scoring.ts    评分当前表 / 批量评分: pipeline, then the writes with events off
 *   write.ts      a plan's edits as whole-range writes, notes as comments
 *   ownSheets.ts  the very hidden ledger sheet, 评分汇总 and its chart
 *   undo.ts       撤销本次评分
 *   autoScore.ts  自动评分 through SheetChange
 *   settings.ts   the 规则 panel's settings, per workbook
 *
 * Every call into WPS is synchronous; an action's calls grow with the sheets and with the regions
 * of like cells on them, never cell by cell. `syncs` in a report is 0: WPS has no round trips.
 */
import { STATE_SHEET } from "../../form/state";
import type { Capabilities, Progress, ScoringGateway, ScoringOptions, Settings } from "../contract";
import { failedReport, type RunAction, type RunReport } from "../runReport";
import { wpsGlobal, type WpsGlobal, type WpsWorkbook } from "./api";
import { listenForEdits, RecentWrites, type AutoState } from "./autoScore";
import { scoreNow, type WriteMode } from "./scoring";
import { loadSettings, saveSettings } from "./settings";
import { undoNow } from "./undo";

export function createWpsGateway(): ScoringGateway {
  return new WpsGateway();
}

/** What this WPS can do: the object model is there and a workbook is open. */
export function wpsCapabilities(): Capabilities {
  const wps = wpsGlobal();
  const reason = wps ? null : "请在 WPS 表格中打开此加载项（未找到 WPS 的 JS 接口）";
  return {
    supported: wps !== null,
    reason,
    merges: true,
    notes: "notes",
    cellProperties: false,
    events: true,
    triggerSource: false,
  };
}

class WpsGateway implements ScoringGateway {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly recent = new RecentWrites();
  private readonly auto: AutoState = { forms: new Map(), ownSheets: new Set([STATE_SHEET]) };

  capabilities(): Capabilities {
    return wpsCapabilities();
  }

  /** One action at a time, each after the ones before it, and an error as a report. */
  private run<T>(
    fallback: (message: string) => T,
    fn: (wps: WpsGlobal, book: WpsWorkbook) => T
  ): Promise<T> {
    const next = this.chain.then(() => {
      const wps = wpsGlobal();
      if (!wps) return fallback(wpsCapabilities().reason as string);
      const book = wps.EtApplication().ActiveWorkbook;
      if (!book) return fallback("没有打开的工作簿");
      return fn(wps, book);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private score(
    action: RunAction,
    mode: WriteMode,
    options: ScoringOptions,
    onProgress?: (p: Progress) => void
  ): Promise<RunReport> {
    return this.run(
      (m) => failedReport(action, m),
      (wps, book) => {
        const scored = scoreNow(
          wps.EtApplication(),
          book,
          action,
          mode,
          options,
          (s, a) => this.recent.add(s, a),
          onProgress
        );
        if (scored.outcome) {
          for (const s of scored.outcome.sheets)
            if (mode.kind === "all" || s.sheet === scored.report.sheets[0]?.sheet)
              this.auto.forms.set(
                s.sheet,
                s.forms.map((f) => f.form)
              );
          if (mode.kind === "all")
            this.auto.ownSheets = new Set([STATE_SHEET, scored.outcome.summarySheet]);
        }
        return scored.report;
      }
    );
  }

  scoreActiveSheet(options: ScoringOptions = {}): Promise<RunReport> {
    return this.score("score-active", { kind: "active" }, options);
  }

  rescoreSheet(sheet: string, options: ScoringOptions = {}): Promise<RunReport> {
    return this.score("score-sheet", { kind: "sheet", name: sheet }, options);
  }

  scoreAllSheets(
    options: ScoringOptions = {},
    onProgress?: (p: Progress) => void
  ): Promise<RunReport> {
    return this.score("score-all", { kind: "all" }, options, onProgress);
  }

  undo(): Promise<RunReport> {
    return this.run(
      (m) => failedReport("undo", m),
      (wps, book) => {
        const report = undoNow(wps.EtApplication(), book, (s, a) => this.recent.add(s, a));
        this.auto.ownSheets = new Set([STATE_SHEET]);
        return report;
      }
    );
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.run(
      (m) => {
        throw new Error(m);
      },
      (_wps, book) => {
        const ws = book.Worksheets.Item(sheet);
        ws.Activate();
        ws.Range(address).Select();
      }
    );
  }

  loadSettings(): Promise<Settings> {
    return Promise.resolve(loadSettings());
  }

  saveSettings(settings: Settings): Promise<void> {
    saveSettings(settings);
    return Promise.resolve();
  }

  onSheetChanged(
    listener: (sheet: string) => void,
    options: { readonly debounceMs?: number } = {}
  ): Promise<(() => Promise<void>) | null> {
    return this.run(
      () => null,
      (wps, book) => {
        const stop = listenForEdits(
          wps,
          book,
          this.auto,
          this.recent,
          listener,
          options.debounceMs ?? 1500
        );
        return async () => stop();
      }
    );
  }
}
