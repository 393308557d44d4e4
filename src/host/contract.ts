/**
 * The gateway's contract with the task pane: the interface it calls, its options, settings and the
 * report it gets back. No host here: the task pane imports only this file of src/host, and each
 * host implements it (src/host/excel/gateway.ts over Office.js, src/host/wps/gateway.ts over WPS's
 * object model).
 */
import type { EngineOptions, ProfileSpec } from "../engine";
import type { PlanOptions } from "../form/plan";
import type { ReportModel } from "../report";
import type { NotesMode, RunReport } from "./runReport";

export type {
  FormRun,
  IndicatorRun,
  NotesMode,
  PromptRow,
  RunAction,
  RunReport,
  SheetRun,
  SummaryRun,
} from "./runReport";

export interface ScoringOptions extends PlanOptions {
  /** `auto` (the default) infers the profile from the forms; or a profile id. */
  readonly profile?: ProfileSpec;
  readonly overrides?: EngineOptions["overrides"];
}

/** What 生成自评报告 wrote into the workbook (issue 13), and the model for the .docx. */
export interface ReportSheetRun {
  readonly ok: boolean;
  /** In Chinese: why nothing (or not everything) was written. */
  readonly error: string | null;
  /** The sheet written, or null. */
  readonly sheet: string | null;
  readonly forms: number;
  readonly syncs: number;
  /** The report, for the .docx the task pane offers. */
  readonly model: ReportModel | null;
}

/** What the 规则 panel keeps per workbook (the document's settings). */
export interface Settings {
  readonly profile: ProfileSpec;
  /** Write the prompt text into an empty 偏差原因 cell (off by default, domain §8). */
  readonly promptTextInReasonCells: boolean;
  /** 自动评分: re-score a form a while after a person edits it. */
  readonly autoScore: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  profile: "auto",
  promptTextInReasonCells: false,
  autoScore: false,
};

export interface Progress {
  readonly stage: "read" | "score" | "write" | "done";
  readonly message: string;
}

export interface Capabilities {
  /** Office.js is there and the Excel has ExcelApi 1.4. */
  readonly supported: boolean;
  readonly reason: string | null;
  readonly merges: boolean;
  readonly notes: NotesMode;
  readonly cellProperties: boolean;
  readonly events: boolean;
  readonly triggerSource: boolean;
}

export interface ScoringGateway {
  /** 评分当前表: the active sheet (the other tabs count as evidence for `auto`). */
  scoreActiveSheet(options?: ScoringOptions): Promise<RunReport>;
  /**
   * 自动评分's re-score of the sheet a person edited: one read and one write while it remembers
   * the workbook (from the moment it is turned on), the four round trips of any action otherwise.
   */
  rescoreSheet(sheet: string, options?: ScoringOptions): Promise<RunReport>;
  /** 批量评分: every tab, then the 评分汇总 sheet with a chart of the grade distribution. */
  scoreAllSheets(options?: ScoringOptions, onProgress?: (p: Progress) => void): Promise<RunReport>;
  /** 撤销本次评分: every cell the add-in still owns back exactly as it was; the summary sheet removed. */
  undo(): Promise<RunReport>;
  /**
   * 清除标记 (issue 21): the add-in's notes and fills off every sheet, the person's own back; the
   * corrected values, totals and grades stay, and 撤销 can still take the scoring back.
   */
  clearMarks?(): Promise<RunReport>;
  /** 生成自评报告 (issue 13): the 自评报告 sheet, and the model for the .docx. */
  writeReport?(options?: ScoringOptions): Promise<ReportSheetRun>;
  /** Activates the sheet and selects the cell (a click on a result row). */
  selectCell(sheet: string, address: string): Promise<void>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /**
   * Calls `listener(sheet)` once a person's edits inside a form have paused for `debounceMs`; the
   * add-in's own writes, edits outside the forms and edits of a sheet without a form (as last
   * read) never call it. Starting reads the workbook once, so that re-scores can remember it.
   * Resolves to the function that stops listening, or null when this Excel has no change events
   * (ExcelApi 1.9).
   */
  onSheetChanged(
    listener: (sheet: string) => void,
    options?: { readonly debounceMs?: number }
  ): Promise<(() => Promise<void>) | null>;
  capabilities(): Capabilities;
}
