/**
 * Scoring: the four round trips of an action (list the sheets, read them, read the fills and notes
 * of the cells the plan touches, write), for the active sheet, one sheet or every one.
 *
 * Which sheets: every visible or hidden tab is scored (a very hidden one belongs to some program,
 * not to the person); the add-in's own state and summary sheets are read, never scored.
 */
import type { Form } from "../../engine/types";
import { scoreWorkbookGrids, type WorkbookOutcome } from "../../form/pipeline";
import { STATE_SHEET, stateFromGrid, type WorkbookState } from "../../form/state";
import { stateToWrite, SUMMARY_NAME } from "../actionRules";
import { remember } from "./autoMemory";
import { readDetails, touchedCells, type SheetDetails } from "./cellDetails";
import { styledCells } from "./cellLook";
import { warningsFor } from "./capabilities";
import type { Capabilities, Progress, ScoringOptions } from "./contract";
import { adaptNotes } from "./notesMode";
import { readSheets } from "./readSheets";
import { failedReport, scoringReport, type RunAction, type RunReport } from "./report";
import { Io, type GatewaySession, type SheetInfo, type SheetRead } from "./session";
import { discover, emptyRead, gridOf } from "./sheetRead";
import { writeOutcome } from "./writeOutcome";
import { runExcel } from "./run";

export type WriteMode = { kind: "all" } | { kind: "active" } | { kind: "sheet"; name: string };

/** The four round trips of the header comment, for one sheet, the active one or every one. */
export function scoreNow(
  session: GatewaySession,
  action: RunAction,
  mode: WriteMode,
  options: ScoringOptions,
  caps: Capabilities,
  onProgress?: (p: Progress) => void
): Promise<RunReport> {
  const progress = (stage: Progress["stage"], message: string): void =>
    onProgress?.({ stage, message });
  return runExcel(async (context) => {
    const io = new Io(context);
    const warnings = warningsFor(caps);
    progress("read", "正在读取工作表…");
    const book = await readWorkbook(session, io, caps, warnings, mode.kind === "active");
    const target = mode.kind === "active" ? book.active : mode.kind === "sheet" ? mode.name : null;
    if (mode.kind !== "all") {
      const only = book.sheets.find((s) => s.name === target);
      if (!only) return failedReport(action, `找不到工作表“${target ?? ""}”`, { syncs: io.syncs });
      if (only.name === STATE_SHEET)
        return failedReport(action, "这是加载项保存评分记录的工作表，不是自评表", {
          syncs: io.syncs,
        });
    }
    progress("score", `正在评分（${book.reads.length} 个工作表）…`);
    const { report, outcome, sheets } = await scoreAndWrite(session, io, caps, warnings, {
      action,
      target,
      sheets: book.sheets,
      reads: book.reads,
      previous: book.previous,
      details: new Map(),
      options,
      progress,
    });
    if (outcome) remember(session, sheets, book.reads, book.previous.ledger, outcome);
    return report;
  });
}

export interface Book {
  sheets: SheetInfo[];
  active: string | null;
  reads: SheetRead[];
  previous: WorkbookState;
}

/**
 * The workbook as 评分 needs it: the list of sheets, then every sheet a person can see or unhide
 * and the state sheet; the add-in's last 评分汇总 only by name.
 */
export async function readWorkbook(
  session: GatewaySession,
  io: Io,
  caps: Capabilities,
  warnings: string[],
  wantActive: boolean
): Promise<Book> {
  const listing = await discover(io, wantActive);
  const toRead = listing.sheets.filter(
    (s) => s.visibility !== "VeryHidden" || s.name === STATE_SHEET
  );
  // the add-in's last 评分汇总 is not read (only its name matters); a person's sheet of that name is, once known
  const hasState = listing.sheets.some((s) => s.name === STATE_SHEET);
  const summaryLike = (s: SheetInfo): boolean => hasState && SUMMARY_NAME.test(s.name);
  const reads = await readSheets(
    session,
    io,
    toRead.filter((s) => !summaryLike(s)),
    caps,
    warnings
  );
  const stateRead = reads.find((r) => r.info.name === STATE_SHEET);
  const previous = stateFromGrid(stateRead && gridOf(stateRead));
  const persons = toRead.filter((s) => summaryLike(s) && s.name !== previous.summarySheet);
  const extra = persons.length ? await readSheets(session, io, persons, caps, warnings) : [];
  const order = new Map(toRead.map((s, i) => [s.name, i]));
  return {
    sheets: listing.sheets,
    active: listing.active,
    previous,
    reads: [
      ...reads,
      ...extra,
      ...toRead
        .filter((s) => summaryLike(s) && s.name === previous.summarySheet)
        .map((s) => emptyRead(s, [], [])),
    ].sort((a, b) => (order.get(a.info.name) ?? 0) - (order.get(b.info.name) ?? 0)),
  };
}

export interface ScoreRun {
  readonly action: RunAction;
  /** The one sheet scored; null for every sheet (批量评分, which also writes 评分汇总). */
  readonly target: string | null;
  readonly sheets: readonly SheetInfo[];
  readonly reads: readonly SheetRead[];
  readonly previous: WorkbookState;
  readonly details: Map<string, SheetDetails>;
  readonly options: ScoringOptions & { readonly evidenceForms?: readonly Form[] };
  readonly progress: (stage: Progress["stage"], message: string) => void;
}

export interface Scored {
  report: RunReport;
  outcome: WorkbookOutcome | null;
  /** The sheets as listed before, with the state sheet where the write added it. */
  sheets: readonly SheetInfo[];
}

/**
 * From the sheets read to the report: plan, read the fills and notes of the cells the plan
 * touches that are not known yet (a round trip only if some are missing), plan again, write.
 */
export async function scoreAndWrite(
  session: GatewaySession,
  io: Io,
  caps: Capabilities,
  warnings: string[],
  run: ScoreRun
): Promise<Scored> {
  const { action, target, reads, previous, details } = run;
  if (target && previous.summarySheet === target)
    return {
      report: failedReport(action, `“${target}”是评分汇总表，不是自评表；请切换到要评分的工作表`, {
        syncs: io.syncs,
      }),
      outcome: null,
      sheets: run.sheets,
    };
  const scoreOptions = { ...run.options, ...(target ? { only: target } : {}) };
  const byName = new Map(reads.map((r) => [r.info.name, r]));
  const plan = (): WorkbookOutcome =>
    scoreWorkbookGrids(
      reads.map((r) => gridOf(r, details.get(r.info.name))),
      scoreOptions
    );
  let outcome = plan();
  // the cells a plan may touch: read their fills and notes, then plan again with them
  for (let round = 0; round < 3; round++) {
    const wanted = touchedCells(outcome, previous.ledger);
    const missing = new Map<string, string[]>();
    for (const [sheet, cells] of wanted) {
      const d = details.get(sheet);
      const list = [...cells].filter((a) => !d?.known.has(a));
      if (list.length || (caps.notes === "comments" && !d?.commentsLocated))
        missing.set(sheet, list);
    }
    if (missing.size === 0) break;
    await readDetails(session, io, byName, details, missing, caps, styledCells(outcome));
    outcome = plan();
  }
  outcome = adaptNotes(outcome, caps.notes, details);

  run.progress("write", "正在写入评分结果…");
  const writeAll = target === null;
  const existing = new Set(run.sheets.map((s) => s.name));
  const state: WorkbookState = stateToWrite(outcome, previous, existing, writeAll);
  const result = await writeOutcome(
    session,
    io,
    caps,
    run.sheets,
    byName,
    details,
    outcome,
    state,
    previous,
    writeAll
  );
  if (writeAll) session.ownSheets = new Set([STATE_SHEET, outcome.summarySheet]);
  run.progress("done", result.error ?? "评分完成");
  const shown = target ? outcome.sheets.filter((s) => s.sheet === target) : outcome.sheets;
  const report = scoringReport({
    action,
    sheets: shown,
    writes: result.writes,
    written: result.tally,
    summary: result.summary,
    notes: caps.notes,
    mergesRead: caps.merges && !warnings.some((w) => w.startsWith("合并单元格区域未能读取")),
    warnings,
    notWritten: result.notWritten,
    error: result.error,
    syncs: io.syncs,
  });
  return {
    report,
    outcome,
    sheets: result.stateSheet ? [...run.sheets, result.stateSheet] : run.sheets,
  };
}
