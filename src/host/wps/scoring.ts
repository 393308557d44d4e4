/**
 * 评分当前表 / 批量评分 / a re-score in WPS: read the workbook (book.ts), run the pipeline every
 * host runs (src/form/pipeline.ts), then write with WPS's events off (the add-in's own writes are
 * never a person's edit): the ledger first (a write stopped half-way is still known as the
 * add-in's), each sheet's edits (write.ts), and for 批量评分 the 评分汇总 sheet (ownSheets.ts).
 */
import type { Grid } from "../../form/grid";
import { scoreWorkbookGrids } from "../../form/pipeline";
import { STATE_SHEET, type WorkbookState } from "../../form/state";
import { stateToWrite, targetRefusal, touchedCells } from "../actionRules";
import type { Progress, ScoringOptions } from "../contract";
import {
  failedReport,
  scoringReport,
  type RunAction,
  type RunReport,
  type SheetWrite,
  type SummaryRun,
} from "../runReport";
import type { WpsApplication, WpsWorkbook } from "./api";
import { readBook, type Book } from "./book";
import { describeWpsError } from "./errors";
import { withOutsideFormats } from "./read";
import { writeState, writeSummary } from "./ownSheets";
import { writeEdits, type Tally } from "./write";

export type WriteMode = { kind: "all" } | { kind: "active" } | { kind: "sheet"; name: string };

export interface Scored {
  readonly report: RunReport;
  readonly book: Book | null;
  readonly outcome: ReturnType<typeof scoreWorkbookGrids> | null;
}

/** Runs `write` with WPS's events and alerts off, restoring them after. */
export function quietly<T>(app: WpsApplication, write: () => T): T {
  const events = app.EnableEvents;
  const alerts = app.DisplayAlerts;
  app.EnableEvents = false;
  app.DisplayAlerts = false;
  try {
    return write();
  } finally {
    app.EnableEvents = events;
    app.DisplayAlerts = alerts;
  }
}

export function scoreNow(
  app: WpsApplication,
  book: WpsWorkbook,
  action: RunAction,
  mode: WriteMode,
  options: ScoringOptions,
  wrote: (sheet: string, address: string) => void,
  onProgress?: (p: Progress) => void
): Scored {
  const progress = (stage: Progress["stage"], message: string): void =>
    onProgress?.({ stage, message });
  progress("read", "正在读取工作表…");
  const read = readBook(book);
  const target = mode.kind === "active" ? read.active : mode.kind === "sheet" ? mode.name : null;
  const fail = (message: string): Scored => ({
    report: failedReport(action, message),
    book: read,
    outcome: null,
  });
  if (target !== null) {
    const refusal = targetRefusal(
      target,
      read.sheets.some((s) => s.name === target),
      read.previous
    );
    if (refusal) return fail(refusal);
  }
  progress("score", `正在评分（${read.reads.length} 个工作表）…`);
  const planOptions = { ...options, ...(target ? { only: target } : {}) };
  let grids = read.reads.map((r) => r.grid);
  let outcome = scoreWorkbookGrids(grids, planOptions);
  // cells the plan touches outside a used range: their format is General, known without a call
  const touched = touchedCells(outcome, read.previous.ledger);
  const padded = grids.map((g) => withOutsideFormats(g, touched.get(g.sheet) ?? []));
  if (padded.some((g, i) => g !== grids[i])) {
    grids = padded;
    outcome = scoreWorkbookGrids(grids, planOptions);
  }
  progress("write", "正在写入评分结果…");
  const writeAll = target === null;
  const existing = new Set(read.sheets.map((s) => s.name));
  const state: WorkbookState = stateToWrite(outcome, read.previous, existing, writeAll);
  const tally: Tally = { cells: 0, notes: 0, fills: 0 };
  const writes = new Map<string, SheetWrite>();
  let summary: SummaryRun | null = null;
  let error: string | null = null;
  const byName = new Map(grids.map((g) => [g.sheet, g]));
  let current = "";
  try {
    quietly(app, () => {
      current = STATE_SHEET;
      writeState(
        book,
        read.stateRead ? book.Worksheets.Item(STATE_SHEET) : null,
        read.stateRead?.rect ?? null,
        state
      );
      for (const s of outcome.sheets.filter((x) => x.plan.edits.length > 0)) {
        current = s.sheet;
        const n = writeEdits(
          book.Worksheets.Item(s.sheet),
          byName.get(s.sheet) as Grid,
          s.plan.edits,
          (a) => wrote(s.sheet, a)
        );
        tally.cells += n.cells;
        tally.notes += n.notes;
        tally.fills += n.fills;
        writes.set(s.sheet, { edits: s.plan.edits.length, notWritten: [], failed: false });
      }
      if (writeAll) {
        current = outcome.summarySheet;
        const replace = outcome.replaceSheets
          .filter((n) => n !== STATE_SHEET)
          .map((n) => book.Worksheets.Item(n));
        summary = writeSummary(book, outcome, replace);
      }
    });
  } catch (e) {
    error = `写入未完成：工作表“${current}”：${describeWpsError(e)}。已写入的单元格记录在评分记录中，可用“撤销本次评分”恢复`;
    if (current && current !== STATE_SHEET)
      writes.set(current, {
        edits: 0,
        notWritten: [`工作表“${current}”未能全部写入`],
        failed: true,
      });
  }
  progress("done", error ?? "评分完成");
  const shown = target ? outcome.sheets.filter((s) => s.sheet === target) : outcome.sheets;
  const report = scoringReport({
    action,
    sheets: shown,
    writes,
    written: tally,
    summary,
    notes: "notes",
    mergesRead: true,
    warnings: [],
    notWritten: [],
    error,
    syncs: 0,
  });
  return { report, book: read, outcome };
}
