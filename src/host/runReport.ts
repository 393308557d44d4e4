import type { SheetOutcome } from "../form/pipeline";
import { formRun, promptRows, type FormRun, type PromptRow } from "../form/report";

/**
 * What one action of the add-in (评分当前表, 批量评分, 撤销本次评分, an automatic re-score) did, as
 * plain data the task pane shows and tests read. No Office.js here: the gateway fills it in.
 *
 * - `ok` is true when the action ran to its end and every edit it planned was written; a sheet
 *   that is not a form, a protected sheet or typed text left alone do not make it false (they are
 *   reported below), a failure to write does.
 * - `error` is the one Chinese sentence to show when the action stopped as a whole (an Excel too
 *   old, a write Excel refused); null otherwise.
 * - `sheets`: every sheet the action looked at, in workbook order, with its forms (every indicator
 *   with its score, its formula text and its cell, so a click can select it), or why it was not
 *   scored or written.
 * - `prompts`: every prompt of every form, in sheet order, with its cell (the 提示 list).
 * - `skipped`: the sheets that hold no form, and why.
 * - `notWritten`: what could not be written, each naming the sheet and cell (typed text, a formula,
 *   a protected sheet, a note Excel could not take, a failed write with what was and was not
 *   written).
 * - `written`: how many cells, notes and fills the action changed.
 * - `summary`: the 评分汇总 sheet 批量评分 wrote (its name, the counts and averages it shows).
 * - `notes`: where prompts went: Excel notes (ExcelApi 1.18), threaded comments (1.10), or only the
 *   summary sheet and this report ("none", an older Excel).
 * - `mergesRead`: whether merged areas were read (ExcelApi 1.13); without them recognition inherits
 *   empty 一级/二级指标 cells from above, so the scores are the same.
 * - `syncs`: how many round trips to Excel the action took (it does not grow with the number of tabs).
 * Every number is a decimal string as the engine computed it (as in the CLI's JSON).
 */
export interface RunReport {
  readonly action: RunAction;
  readonly ok: boolean;
  readonly error: string | null;
  readonly sheets: readonly SheetRun[];
  readonly prompts: readonly PromptRow[];
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
  readonly notWritten: readonly string[];
  readonly written: { readonly cells: number; readonly notes: number; readonly fills: number };
  readonly summary: SummaryRun | null;
  readonly notes: NotesMode;
  readonly mergesRead: boolean;
  readonly warnings: readonly string[];
  readonly syncs: number;
}

export type RunAction = "score-active" | "score-sheet" | "score-all" | "undo" | "clear-marks";
export type NotesMode = "notes" | "comments" | "none";

export interface SheetRun {
  readonly sheet: string;
  /**
   * scored: forms found and their edits written (or nothing needed writing);
   * not-a-form: no form on it (`message` says why); protected: scored, nothing written;
   * failed: some edits could not be written; restored: 撤销 put its cells back; cleared: 清除标记
   * took the add-in's notes and fills off it.
   */
  readonly status: "scored" | "not-a-form" | "protected" | "failed" | "restored" | "cleared";
  readonly message: string | null;
  readonly forms: readonly FormRun[];
  /** Cells changed on this sheet. */
  readonly edits: number;
  readonly notWritten: readonly string[];
}

export type { FormRun, IndicatorRun, PromptRow } from "../form/report";
export { formRun, promptRows };

export interface SummaryRun {
  readonly sheet: string;
  readonly forms: number;
  readonly average: string | null;
  readonly weightedAverage: string | null;
  readonly bandSentence: string;
  readonly chart: boolean;
}

export interface SheetWrite {
  readonly edits: number;
  readonly notWritten: readonly string[];
  readonly failed: boolean;
}

/** The report of a scoring run, from the pipeline's outcome and what the gateway wrote. */
export function scoringReport(input: {
  readonly action: RunAction;
  readonly sheets: readonly SheetOutcome[];
  readonly writes: ReadonlyMap<string, SheetWrite>;
  readonly written: RunReport["written"];
  readonly summary: SummaryRun | null;
  readonly notes: NotesMode;
  readonly mergesRead: boolean;
  readonly warnings: readonly string[];
  readonly notWritten: readonly string[];
  readonly error: string | null;
  readonly syncs: number;
}): RunReport {
  const sheets: SheetRun[] = input.sheets.map((s) => {
    const w = input.writes.get(s.sheet);
    const isProtected =
      s.forms.length > 0 &&
      s.plan.edits.length === 0 &&
      s.plan.skipped.some((m) => m.includes("受保护"));
    const notWritten = [...s.plan.skipped, ...(w?.notWritten ?? [])];
    return {
      sheet: s.sheet,
      status:
        s.forms.length === 0
          ? "not-a-form"
          : isProtected
            ? "protected"
            : w?.failed
              ? "failed"
              : "scored",
      message:
        s.skipped ??
        (isProtected ? (s.plan.skipped.find((m) => m.includes("受保护")) ?? null) : null),
      forms: s.forms.map((f) => formRun(f.result)),
      edits: w?.edits ?? 0,
      notWritten,
    };
  });
  const notWritten = [...sheets.flatMap((s) => s.notWritten), ...input.notWritten];
  const failed = sheets.some((s) => s.status === "failed") || input.error !== null;
  return {
    action: input.action,
    ok: !failed,
    error: input.error,
    sheets,
    prompts: input.sheets.flatMap((s) => s.forms.flatMap((f) => promptRows(f.result))),
    skipped: input.sheets
      .filter((s) => s.skipped)
      .map((s) => ({ sheet: s.sheet, reason: s.skipped as string })),
    notWritten,
    written: input.written,
    summary: input.summary,
    notes: input.notes,
    mergesRead: input.mergesRead,
    warnings: input.warnings,
    syncs: input.syncs,
  };
}

/** A report for an action that could not run at all (an Excel too old, nothing to undo, a failure before writing). */
export function failedReport(
  action: RunAction,
  error: string,
  extra: Partial<RunReport> = {}
): RunReport {
  return {
    action,
    ok: false,
    error,
    sheets: [],
    prompts: [],
    skipped: [],
    notWritten: [],
    written: { cells: 0, notes: 0, fills: 0 },
    summary: null,
    notes: "none",
    mergesRead: false,
    warnings: [],
    syncs: 0,
    ...extra,
  };
}

/** The report of 撤销本次评分 or 清除标记: the sheets done, what could not be, and why it stopped if it did. */
export function undoReport(input: {
  readonly action?: Extract<RunAction, "undo" | "clear-marks">;
  readonly sheets: readonly SheetRun[];
  readonly notWritten: readonly string[];
  readonly written: RunReport["written"];
  readonly notes: NotesMode;
  readonly warnings: readonly string[];
  readonly error: string | null;
  readonly syncs: number;
}): RunReport {
  return {
    action: input.action ?? "undo",
    ok: input.error === null,
    error: input.error,
    sheets: input.sheets,
    prompts: [],
    skipped: [],
    notWritten: [...input.notWritten, ...input.sheets.flatMap((s) => s.notWritten)],
    written: input.written,
    summary: null,
    notes: input.notes,
    mergesRead: false,
    warnings: input.warnings,
    syncs: input.syncs,
  };
}
