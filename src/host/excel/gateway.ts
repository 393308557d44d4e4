/**
 * The Office.js gateway: the only code of the add-in that knows Office.js. The task pane calls the
 * small interface below; everything from a Grid to a WritePlan is the pure pipeline of src/form.
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
 * 自动评分 re-scores the edited sheet in two: it remembers the workbook from the moment it is
 * turned on (the sheets, the forms on each, the cells each plan touches), so one read takes the
 * sheet, the state sheet and the fills and notes of the cells its plan may touch, and one writes.
 *
 * A payload that would pass Excel on the web's 5 MB limit is split (reading: only after Excel
 * refused it; writing: before it is sent). A write Excel refuses half-way is checked cell by cell
 * and the ledger is repaired, so that what was written can still be undone.
 *
 * Which sheets: every visible or hidden tab is scored (a very hidden one belongs to some program, not
 * to the person); the add-in's own state and summary sheets are read, never scored.
 *
 * Errors: what Excel refuses (a protected sheet, a sheet deleted meanwhile, a payload too large) is
 * reported in Chinese in the RunReport (report.ts documents it); a misuse of Office.js
 * (PropertyNotLoaded, ApiNotFound, a stale context) is thrown, so that it cannot hide in a message.
 *
 * Requirement sets: ExcelApi 1.4 at least (null objects, used range of values). 1.9 gives fills in
 * one call per block (getCellProperties) and tells "no fill" from white; 1.13 merged areas (else
 * none: recognition inherits empty level cells anyway); 1.18 notes, else 1.10 threaded comments,
 * else prompts only in 评分汇总 and the report; 1.9 change events for 自动评分, 1.14 tells the
 * add-in's own edits from a person's.
 */
import type { EngineOptions, ProfileSpec } from "../../engine";
import { isProfileId } from "../../engine/profiles";
import type { CellScalar, Form } from "../../engine/types";
import type { Grid } from "../../form/grid";
import { columnLetters, parseAddress, toAddress } from "../../form/grid";
import { scoreWorkbookGrids, type SheetOutcome, type WorkbookOutcome } from "../../form/pipeline";
import {
  cellState,
  hashFields,
  NOTE_MARK,
  personView,
  planRestore,
  stillOurs,
  type CellEdit,
  type CellField,
  type CellState,
  type LedgerEntry,
  type PlanOptions,
} from "../../form/plan";
import { formCells, formRows, recognizeSheet } from "../../form/recognize";
import { STATE_SHEET, stateFromGrid, stateToRows, type WorkbookState } from "../../form/state";
import { summaryLayout } from "../../form/layout/summaryLayout";
import { SUMMARY_SHEET } from "../../form/summary";
import {
  blocks,
  containsRect,
  excelInput,
  isDateFormat,
  isoFromSerial,
  jsonLength,
  localAddress,
  planFill,
  rectAddress,
  rectOf,
  serialFromIso,
  type Rect,
} from "./cells";
import {
  failedReport,
  scoringReport,
  type NotesMode,
  type RunAction,
  type RunReport,
  type SheetWrite,
  type SummaryRun,
} from "./report";
import { layoutFormulas, renderSummaryFormats } from "./summarySheet";

export type { RunReport } from "./report";

// ---------------------------------------------------------------------------------------------
// The interface the task pane uses
// ---------------------------------------------------------------------------------------------

export interface ScoringOptions extends PlanOptions {
  /** `auto` (the default) infers the profile from the forms; or a profile id. */
  readonly profile?: ProfileSpec;
  readonly overrides?: EngineOptions["overrides"];
}

/** What the 规则 panel keeps per workbook (Office document settings). */
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

export interface GatewayConfig {
  /** Bytes queued before a write sync is sent (below Excel on the web's 5 MB, with room for overhead). */
  readonly payloadBudget?: number;
  /** Estimated response bytes per read sync when a workbook had to be read in parts. */
  readonly readChunkBudget?: number;
  /** A used range larger than this many cells is read only in part, with a warning. */
  readonly maxSheetCells?: number;
}

const SETTINGS_KEY = "selfeval.settings";
/** What Office.js wraps around one queued action or object path in a request (bytes, estimated high). */
const OP_BYTES = 300;
const REQUIRED_API = "1.4";
/** 评分汇总, 评分汇总(2)…: the names the add-in gives its summary sheet (form/state.ts summarySheetName). */
const SUMMARY_NAME = new RegExp(
  `^${SUMMARY_SHEET.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\(\\d+\\))?$`
);

export function createExcelGateway(config: GatewayConfig = {}): ScoringGateway {
  return new ExcelGateway(config);
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

interface SheetInfo {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
  readonly protected: boolean;
}

interface SheetRead {
  readonly info: SheetInfo;
  readonly rect: Rect | null;
  readonly values: CellScalar[][];
  readonly formulas: (string | null)[][];
  readonly numberFormats: string[][];
  readonly merges: string[];
  /** Threaded comments on the sheet (only where they stand in for notes). */
  readonly comments: Excel.Comment[];
}

/**
 * What 自动评分 remembers of the workbook between re-scores, so that one re-score costs one read
 * and one write: the sheets as last listed, the forms on each (the other tabs' are the `auto`
 * profile's evidence, and say whether an edit falls inside a form), and the cells each sheet's
 * last plan touched (their fills and notes are read with the sheet). Refreshed by every action.
 */
interface AutoMemory {
  readonly sheets: Map<string, SheetInfo>;
  readonly forms: Map<string, readonly Form[]>;
  readonly touched: Map<string, ReadonlySet<string>>;
}

interface ExistingNote {
  readonly content: string;
  /** A note (1.18) or a comment (1.10) proxy of this request context. */
  readonly proxy: Excel.Note | Excel.Comment;
}

interface SheetDetails {
  /** Addresses whose fill and note are known. */
  readonly known: Set<string>;
  readonly fills: Map<string, string>;
  readonly notes: Map<string, ExistingNote>;
  /** Number formats of known cells outside the used range. */
  readonly formats: Map<string, string>;
  commentsLocated: boolean;
}

class ProgrammingError extends Error {}

/** Errors that mean the add-in used Office.js wrongly: they must reach the tests, never become a message. */
function isProgrammingError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return (
    e instanceof ProgrammingError ||
    e instanceof TypeError ||
    e instanceof ReferenceError ||
    code === "PropertyNotLoaded" ||
    code === "ValueNotLoaded" ||
    code === "InvalidObjectPath" ||
    code === "InvalidRequestContext" ||
    code === "ApiNotFound"
  );
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit" ||
    code === "OperationCellsExceedLimit"
  );
}

/** What a person reads when Excel refused something. */
function describeExcelError(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  const where = (e as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;
  switch (code) {
    case "AccessDenied":
      return "Excel 拒绝写入：工作表或单元格受保护（或工作簿为只读）";
    case "ItemNotFound":
      return "Excel 找不到要写入的工作表或单元格（评分期间可能已被删除或改名）";
    case "ItemAlreadyExists":
      return "已有同名的工作表";
    case "InvalidOperationInCellEditMode":
      return "Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后再试";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "一次传输的数据超过了 Excel 网页版 5 MB 的上限";
    default:
      return `Excel 报告错误 ${code ?? "未知"}${where ? `（${where}）` : ""}：${(e as Error)?.message ?? String(e)}`;
  }
}

/** One Excel.run: its request context, whose round trips are counted for the report (Office.js keeps no count). */
class Io {
  syncs = 0;
  readonly context: Excel.RequestContext;

  constructor(context: Excel.RequestContext) {
    this.context = context;
    const sync = context.sync.bind(context);
    context.sync = (<T>(passThrough?: T): Promise<T> => {
      this.syncs++;
      return sync(passThrough);
    }) as typeof context.sync;
  }

  sheet(info: SheetInfo): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(info.id);
  }
}

/** Queues writes, sending a sync before the queued request would pass the budget. */
class Writer {
  private bytes = 0;
  private queued = false;

  constructor(
    private readonly io: Io,
    private readonly budget: number
  ) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    const cost = bytes + OP_BYTES;
    if (this.queued && this.bytes + cost > this.budget) await this.flush();
    queue();
    this.bytes += cost;
    this.queued = true;
  }

  async flush(): Promise<void> {
    if (!this.queued) return;
    this.bytes = 0;
    this.queued = false;
    const context = this.io.context;
    await context.sync();
  }
}

interface WriteTally {
  cells: number;
  notes: number;
  fills: number;
}

type WriteMode = { kind: "all" } | { kind: "active" } | { kind: "sheet"; name: string };

class ExcelGateway implements ScoringGateway {
  private readonly payloadBudget: number;
  private readonly readChunkBudget: number;
  private readonly maxSheetCells: number;
  private chain: Promise<unknown> = Promise.resolve();
  /** Ranges the add-in wrote lately: change events over them are its own. */
  private recentWrites: { sheet: string; rect: Rect; until: number }[] = [];
  private ownSheets = new Set<string>([STATE_SHEET]);
  /** What 自动评分 remembers between re-scores; null while it is off. */
  private memory: AutoMemory | null = null;
  /** The 自动评分 listener the memory belongs to (a late stop of an earlier one leaves it alone). */
  private memoryOwner: symbol | null = null;

  constructor(config: GatewayConfig) {
    this.payloadBudget = config.payloadBudget ?? 3_500_000;
    this.readChunkBudget = config.readChunkBudget ?? 1_500_000;
    this.maxSheetCells = config.maxSheetCells ?? 250_000;
  }

  // ------------------------------------------------------------------------------------------
  // Capabilities
  // ------------------------------------------------------------------------------------------

  capabilities(): Capabilities {
    if (typeof Office === "undefined" || typeof Excel === "undefined")
      return {
        supported: false,
        reason: "没有在 Excel 中运行（找不到 Office.js）",
        merges: false,
        notes: "none",
        cellProperties: false,
        events: false,
        triggerSource: false,
      };
    const has = (v: string): boolean => Office.context.requirements.isSetSupported("ExcelApi", v);
    if (!has(REQUIRED_API))
      return {
        supported: false,
        reason: `此版本的 Excel 过旧：需要 ExcelApi ${REQUIRED_API} 或更高版本；请使用 Microsoft 365 版 Excel 或 Excel 网页版`,
        merges: false,
        notes: "none",
        cellProperties: false,
        events: false,
        triggerSource: false,
      };
    return {
      supported: true,
      reason: null,
      merges: has("1.13"),
      notes: has("1.18") ? "notes" : has("1.10") ? "comments" : "none",
      cellProperties: has("1.9"),
      events: has("1.9"),
      triggerSource: has("1.14"),
    };
  }

  private warningsFor(caps: Capabilities): string[] {
    const w: string[] = [];
    if (!caps.merges)
      w.push(
        "此版本的 Excel 不提供合并单元格信息（需要 ExcelApi 1.13），按空白一级/二级指标沿用上一行识别"
      );
    if (caps.notes === "comments")
      w.push("此版本的 Excel 不支持备注（需要 ExcelApi 1.18），提示写为批注");
    if (caps.notes === "none")
      w.push("此版本的 Excel 不支持备注和批注，提示只列在评分汇总表和结果列表中");
    return w;
  }

  /** One action at a time: a second click waits for the first (two runs must not interleave their reads and writes). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  // ------------------------------------------------------------------------------------------
  // Scoring
  // ------------------------------------------------------------------------------------------

  scoreActiveSheet(options: ScoringOptions = {}): Promise<RunReport> {
    return this.score("score-active", { kind: "active" }, options);
  }

  rescoreSheet(sheet: string, options: ScoringOptions = {}): Promise<RunReport> {
    const caps = this.capabilities();
    if (!caps.supported) return Promise.resolve(failedReport("score-sheet", caps.reason as string));
    return this.exclusive(async () => {
      const fast = await this.rescoreFromMemory(sheet, options, caps);
      if ("report" in fast) return fast.report;
      return this.scoreNow("score-sheet", { kind: "sheet", name: fast.sheet }, options, caps);
    });
  }

  /**
   * 自动评分's re-score in one read and one write: the sheet, the state sheet and the cells the
   * sheet's last plan touched in one sync, the other tabs' forms from memory, then the write. Says
   * which sheet to score the long way when memory does not cover it (自动评分 just turned on, the
   * state sheet not yet there or not yet seen, comments standing in for notes, which take a round
   * trip to locate, or a sheet renamed or deleted meanwhile); one more read where the new plan
   * touches a cell not read yet.
   */
  private async rescoreFromMemory(
    sheet: string,
    options: ScoringOptions,
    caps: Capabilities
  ): Promise<{ report: RunReport } | { sheet: string }> {
    const memory = this.memory;
    const info = memory?.sheets.get(sheet);
    if (!memory || !info || caps.notes === "comments" || sheet === STATE_SHEET) return { sheet };
    const stateInfo = memory.sheets.get(STATE_SHEET) ?? null;
    const predicted = [...(memory.touched.get(sheet) ?? [])];
    return Excel.run(async (context) => {
      const io = new Io(context);
      const warnings = this.warningsFor(caps);
      const ws = io.sheet(info);
      ws.load("name,visibility");
      ws.protection.load("protected");
      const readSheet = this.queueSheetRead(io, info, caps, caps.merges);
      const readState = stateInfo ? this.queueSheetRead(io, stateInfo, caps, false) : null;
      // no state sheet as far as memory knows: make sure, as the write would add one
      const stateAbsent = stateInfo
        ? null
        : context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
      stateAbsent?.load("id");
      const queued = queueCellDetails(ws, predicted, predicted, caps, null);
      try {
        await context.sync();
      } catch (e) {
        if (isProgrammingError(e)) throw e;
        this.memory = emptyMemory(); // a sheet gone, or more merged areas than Excel lists
        return { sheet };
      }
      if (ws.name !== sheet || (stateAbsent && !stateAbsent.isNullObject)) {
        this.memory = emptyMemory();
        return { sheet: ws.name };
      }
      const current: SheetInfo = {
        ...info,
        visibility: ws.visibility,
        protected: ws.protection.protected,
      };
      const read = readSheet(current);
      const reads = readState ? [read, readState()] : [read];
      const details = new Map<string, SheetDetails>();
      if (predicted.length) {
        const det = newDetails();
        queued(det, (a) => !read.rect || !containsRect(read.rect, rectOf(a)));
        details.set(sheet, det);
      }
      const previous = stateFromGrid(reads[1] && gridOf(reads[1]));
      const evidenceForms = [...memory.forms]
        .filter(([name]) => name !== sheet)
        .flatMap(([, forms]) => forms);
      const written = await this.scoreAndWrite(io, caps, warnings, {
        action: "score-sheet",
        target: sheet,
        sheets: [...memory.sheets.values()],
        reads,
        previous,
        details,
        options: { ...options, evidenceForms },
        progress: () => undefined,
      });
      const outcome = written.outcome;
      if (outcome && this.memory === memory) {
        for (const x of written.sheets) memory.sheets.set(x.name, x);
        memory.sheets.set(sheet, current);
        const scored = outcome.sheets.find((x) => x.sheet === sheet);
        const forms = scored ? scored.forms.map((f) => f.form) : [];
        memory.forms.set(sheet, forms);
        memory.touched.set(
          sheet,
          predictTouched(touchedCells(outcome, previous.ledger).get(sheet), forms)
        );
      }
      return { report: written.report };
    });
  }

  /** Refreshes 自动评分's memory (while it is on) from what an action read and planned. */
  private remember(
    sheets: readonly SheetInfo[],
    reads: readonly SheetRead[],
    ledger: readonly LedgerEntry[],
    outcome: WorkbookOutcome | null
  ): void {
    if (!this.memory) return;
    const scored = new Map(
      (outcome?.sheets ?? []).map((s) => [s.sheet, s.forms.map((f) => f.form)])
    );
    const forms = new Map<string, readonly Form[]>();
    for (const r of reads)
      if (r.info.name !== STATE_SHEET)
        forms.set(
          r.info.name,
          scored.get(r.info.name) ?? recognizeSheet(personView(gridOf(r), ledger).grid).forms
        );
    const planned = outcome ? touchedCells(outcome, ledger) : new Map<string, Set<string>>();
    const touched = new Map<string, ReadonlySet<string>>();
    for (const [name, f] of forms) touched.set(name, predictTouched(planned.get(name), f));
    this.memory = { sheets: new Map(sheets.map((s) => [s.name, s])), forms, touched };
  }

  scoreAllSheets(
    options: ScoringOptions = {},
    onProgress?: (p: Progress) => void
  ): Promise<RunReport> {
    return this.score("score-all", { kind: "all" }, options, onProgress);
  }

  private score(
    action: RunAction,
    mode: WriteMode,
    options: ScoringOptions,
    onProgress?: (p: Progress) => void
  ): Promise<RunReport> {
    const caps = this.capabilities();
    if (!caps.supported) return Promise.resolve(failedReport(action, caps.reason as string));
    return this.exclusive(() => this.scoreNow(action, mode, options, caps, onProgress));
  }

  /** The four round trips of the header comment, for one sheet, the active one or every one. */
  private scoreNow(
    action: RunAction,
    mode: WriteMode,
    options: ScoringOptions,
    caps: Capabilities,
    onProgress?: (p: Progress) => void
  ): Promise<RunReport> {
    const progress = (stage: Progress["stage"], message: string): void =>
      onProgress?.({ stage, message });
    return Excel.run(async (context) => {
      const io = new Io(context);
      const warnings = this.warningsFor(caps);
      progress("read", "正在读取工作表…");
      const book = await this.readWorkbook(io, caps, warnings, mode.kind === "active");
      const target =
        mode.kind === "active" ? book.active : mode.kind === "sheet" ? mode.name : null;
      if (mode.kind !== "all") {
        const only = book.sheets.find((s) => s.name === target);
        if (!only)
          return failedReport(action, `找不到工作表“${target ?? ""}”`, { syncs: io.syncs });
        if (only.name === STATE_SHEET)
          return failedReport(action, "这是加载项保存评分记录的工作表，不是自评表", {
            syncs: io.syncs,
          });
      }
      progress("score", `正在评分（${book.reads.length} 个工作表）…`);
      const { report, outcome, sheets } = await this.scoreAndWrite(io, caps, warnings, {
        action,
        target,
        sheets: book.sheets,
        reads: book.reads,
        previous: book.previous,
        details: new Map(),
        options,
        progress,
      });
      if (outcome) this.remember(sheets, book.reads, book.previous.ledger, outcome);
      return report;
    });
  }

  /**
   * The workbook as 评分 needs it: the list of sheets, then every sheet a person can see or unhide
   * and the state sheet; the add-in's last 评分汇总 only by name.
   */
  private async readWorkbook(
    io: Io,
    caps: Capabilities,
    warnings: string[],
    wantActive: boolean
  ): Promise<{
    sheets: SheetInfo[];
    active: string | null;
    reads: SheetRead[];
    previous: WorkbookState;
  }> {
    const listing = await this.discover(io, wantActive);
    const toRead = listing.sheets.filter(
      (s) => s.visibility !== "VeryHidden" || s.name === STATE_SHEET
    );
    // the add-in's last 评分汇总 is not read (only its name matters); a person's sheet of that name is, once known
    const hasState = listing.sheets.some((s) => s.name === STATE_SHEET);
    const summaryLike = (s: SheetInfo): boolean => hasState && SUMMARY_NAME.test(s.name);
    const reads = await this.readSheets(
      io,
      toRead.filter((s) => !summaryLike(s)),
      caps,
      warnings
    );
    const stateRead = reads.find((r) => r.info.name === STATE_SHEET);
    const previous = stateFromGrid(stateRead && gridOf(stateRead));
    const persons = toRead.filter((s) => summaryLike(s) && s.name !== previous.summarySheet);
    const extra = persons.length ? await this.readSheets(io, persons, caps, warnings) : [];
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

  /**
   * From the sheets read to the report: plan, read the fills and notes of the cells the plan
   * touches that are not known yet (a round trip only if some are missing), plan again, write.
   */
  private async scoreAndWrite(
    io: Io,
    caps: Capabilities,
    warnings: string[],
    run: {
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
  ): Promise<{
    report: RunReport;
    outcome: WorkbookOutcome | null;
    /** The sheets as listed before, with the state sheet where the write added it. */
    sheets: readonly SheetInfo[];
  }> {
    const { action, target, reads, previous, details } = run;
    if (target && previous.summarySheet === target)
      return {
        report: failedReport(
          action,
          `“${target}”是评分汇总表，不是自评表；请切换到要评分的工作表`,
          { syncs: io.syncs }
        ),
        outcome: null,
        sheets: run.sheets,
      };
    const scoreOptions = { ...run.options, ...(target ? { only: target } : {}) };
    const byName = new Map(reads.map((r) => [r.info.name, r]));
    const scoreNow = (): WorkbookOutcome =>
      scoreWorkbookGrids(
        reads.map((r) => gridOf(r, details.get(r.info.name))),
        scoreOptions
      );
    let outcome = scoreNow();
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
      await this.readDetails(io, byName, details, missing, caps);
      outcome = scoreNow();
    }
    outcome = adaptNotes(outcome, caps.notes, details);

    run.progress("write", "正在写入评分结果…");
    const writeAll = target === null;
    const existing = new Set(run.sheets.map((s) => s.name));
    const state: WorkbookState = writeAll
      ? outcome.state
      : {
          ledger: outcome.state.ledger,
          summarySheet:
            previous.summarySheet && existing.has(previous.summarySheet)
              ? previous.summarySheet
              : null,
        };
    const result = await this.writeOutcome(
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
    if (writeAll) this.ownSheets = new Set([STATE_SHEET, outcome.summarySheet]);
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

  // ------------------------------------------------------------------------------------------
  // Reading
  // ------------------------------------------------------------------------------------------

  private async discover(
    io: Io,
    wantActive: boolean
  ): Promise<{ sheets: SheetInfo[]; active: string | null }> {
    const context = io.context;
    const sheets = io.context.workbook.worksheets;
    sheets.load("items/name,items/id,items/visibility,items/protection/protected");
    const active = wantActive ? sheets.getActiveWorksheet() : null;
    active?.load("name");
    await context.sync();
    return {
      sheets: sheets.items.map((s) => ({
        name: s.name,
        id: s.id,
        visibility: s.visibility,
        protected: s.protection.protected,
      })),
      active: active ? active.name : null,
    };
  }

  /** Every sheet in one sync; in parts only when Excel refused the size of that. */
  private async readSheets(
    io: Io,
    infos: readonly SheetInfo[],
    caps: Capabilities,
    warnings: string[]
  ): Promise<SheetRead[]> {
    try {
      return await this.readAtOnce(io, infos, caps, caps.merges);
    } catch (e) {
      if (isPayloadError(e)) return this.readInParts(io, infos, caps, caps.merges, warnings);
      if (!caps.merges || isProgrammingError(e)) throw e;
      // e.g. more than 512 merged areas on a sheet: read without merges
      warnings.push(`合并单元格区域未能读取（${describeExcelError(e)}），按未合并处理`);
      try {
        return await this.readAtOnce(io, infos, caps, false);
      } catch (e2) {
        if (isPayloadError(e2)) return this.readInParts(io, infos, caps, false, warnings);
        throw e2;
      }
    }
  }

  /**
   * Merged areas (ExcelApi 1.13) of the used range of values (getUsedRange, not its OrNullObject
   * twin: an empty sheet gives A1 rather than a null object to call a method on), and threaded
   * comments where they stand in for notes.
   */
  private queueExtras(
    io: Io,
    info: SheetInfo,
    caps: Capabilities,
    withMerges: boolean
  ): () => { merges: string[]; comments: Excel.Comment[] } {
    const ws = io.sheet(info);
    const merges = withMerges ? ws.getUsedRange(true).getMergedAreasOrNullObject() : null;
    merges?.load("areas/items/address");
    const comments = caps.notes === "comments" ? ws.comments : null;
    comments?.load("items/id,items/content");
    return () => ({
      merges:
        merges && !merges.isNullObject
          ? merges.areas.items.map((a) => localAddress(a.address))
          : [],
      comments: comments ? comments.items : [],
    });
  }

  private async readAtOnce(
    io: Io,
    infos: readonly SheetInfo[],
    caps: Capabilities,
    withMerges: boolean
  ): Promise<SheetRead[]> {
    const pending = infos.map((info) => this.queueSheetRead(io, info, caps, withMerges));
    await io.context.sync();
    return pending.map((collect) => collect());
  }

  /**
   * Queues the read of one sheet's used range of values (the state sheet: values only; any other:
   * formulas, number formats and the extras too); after the sync, the function returned gives the
   * SheetRead, under `info` as given or as loaded meanwhile.
   */
  private queueSheetRead(
    io: Io,
    info: SheetInfo,
    caps: Capabilities,
    withMerges: boolean
  ): (as?: SheetInfo) => SheetRead {
    const isState = info.name === STATE_SHEET;
    const used = io.sheet(info).getUsedRangeOrNullObject(true);
    if (isState) used.load("address,values");
    else used.load("address,values,formulas,numberFormat");
    const extras = isState ? null : this.queueExtras(io, info, caps, withMerges);
    return (as = info) => usedRead(as, used, isState, extras ? extras() : null);
  }

  /** The workbook read in several syncs: shapes first, then blocks of rows packed under the budget. */
  private async readInParts(
    io: Io,
    infos: readonly SheetInfo[],
    caps: Capabilities,
    withMerges: boolean,
    warnings: string[]
  ): Promise<SheetRead[]> {
    const context = io.context;
    const shapes = infos.map((info) => {
      const used = io.sheet(info).getUsedRangeOrNullObject(true);
      used.load("address");
      return { info, used };
    });
    await context.sync();
    const BYTES_PER_CELL = 60;
    interface Piece {
      readonly info: SheetInfo;
      readonly rect: Rect;
      readonly first: boolean;
    }
    const pieces: Piece[] = [];
    const sheetRects = new Map<string, Rect | null>();
    for (const { info, used } of shapes) {
      if (used.isNullObject) {
        sheetRects.set(info.name, null);
        continue;
      }
      let rect = rectOf(localAddress(used.address));
      const width = rect.right - rect.left + 1;
      const maxRows = Math.max(1, Math.floor(this.maxSheetCells / width));
      if (rect.bottom - rect.top + 1 > maxRows) {
        warnings.push(
          `工作表“${info.name}”的使用区域 ${rectAddress(rect)} 过大，只读取了第 ${rect.top}–${rect.top + maxRows - 1} 行`
        );
        rect = { ...rect, bottom: rect.top + maxRows - 1 };
      }
      sheetRects.set(info.name, rect);
      const rowsPerPiece = Math.max(1, Math.floor(this.readChunkBudget / (width * BYTES_PER_CELL)));
      for (let top = rect.top; top <= rect.bottom; top += rowsPerPiece)
        pieces.push({
          info,
          rect: { ...rect, top, bottom: Math.min(rect.bottom, top + rowsPerPiece - 1) },
          first: top === rect.top,
        });
    }
    const parts = new Map<
      string,
      { values: CellScalar[][]; formulas: (string | null)[][]; formats: string[][] }
    >();
    const extras = new Map<string, { merges: string[]; comments: Excel.Comment[] }>();
    for (const info of infos) parts.set(info.name, { values: [], formulas: [], formats: [] });
    const readGroup = async (group: Piece[], depth: number): Promise<void> => {
      const queued = group.map((p) => {
        const isState = p.info.name === STATE_SHEET;
        const range = io.sheet(p.info).getRange(rectAddress(p.rect));
        if (isState) range.load("values");
        else range.load("values,formulas,numberFormat");
        const more = p.first && !isState ? this.queueExtras(io, p.info, caps, withMerges) : null;
        return { p, range, more, isState };
      });
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadError(e) || depth > 8) throw e;
        // the estimate was short: halve the group, or the block of rows
        if (group.length > 1) {
          const half = Math.ceil(group.length / 2);
          await readGroup(group.slice(0, half), depth + 1);
          await readGroup(group.slice(half), depth + 1);
          return;
        }
        const p = group[0];
        if (p.rect.top === p.rect.bottom) throw e;
        const mid = Math.floor((p.rect.top + p.rect.bottom) / 2);
        await readGroup([{ ...p, rect: { ...p.rect, bottom: mid } }], depth + 1);
        await readGroup([{ ...p, rect: { ...p.rect, top: mid + 1 }, first: false }], depth + 1);
        return;
      }
      for (const q of queued) {
        const part = parts.get(q.p.info.name) as {
          values: CellScalar[][];
          formulas: (string | null)[][];
          formats: string[][];
        };
        part.values.push(...(q.range.values as CellScalar[][]));
        if (!q.isState) {
          part.formulas.push(...(q.range.formulas as (string | null)[][]));
          part.formats.push(...q.range.numberFormat);
        }
        if (q.more) extras.set(q.p.info.name, q.more());
      }
    };
    let group: Piece[] = [];
    let bytes = 0;
    for (const p of pieces) {
      const cost =
        (p.rect.bottom - p.rect.top + 1) * (p.rect.right - p.rect.left + 1) * BYTES_PER_CELL;
      if (group.length && bytes + cost > this.readChunkBudget) {
        await readGroup(group, 0);
        group = [];
        bytes = 0;
      }
      group.push(p);
      bytes += cost;
    }
    if (group.length) await readGroup(group, 0);
    return infos.map((info) => {
      const rect = sheetRects.get(info.name) ?? null;
      const more = extras.get(info.name) ?? { merges: [], comments: [] };
      if (!rect) return emptyRead(info, more.merges, more.comments);
      const part = parts.get(info.name) as {
        values: CellScalar[][];
        formulas: (string | null)[][];
        formats: string[][];
      };
      const isState = info.name === STATE_SHEET;
      return toRead(
        info,
        rect,
        part.values,
        isState ? null : part.formulas,
        isState ? null : part.formats,
        more.merges,
        more.comments
      );
    });
  }

  /**
   * Fills and notes of the cells a plan may touch (and their formats outside the used range), in
   * one sync; in more only where the request would pass the payload budget (a thousand tabs).
   */
  private async readDetails(
    io: Io,
    reads: ReadonlyMap<string, SheetRead>,
    details: Map<string, SheetDetails>,
    wanted: ReadonlyMap<string, string[]>,
    caps: Capabilities
  ): Promise<void> {
    const context = io.context;
    let collect: (() => void)[] = [];
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (collect.length === 0) return;
      await context.sync();
      for (const c of collect) c();
      collect = [];
      bytes = 0;
    };
    for (const [sheet, addresses] of wanted) {
      const read = reads.get(sheet);
      if (!read) continue;
      let d = details.get(sheet);
      if (!d) details.set(sheet, (d = newDetails()));
      const locate = caps.notes === "comments" && !d.commentsLocated;
      const cost =
        OP_BYTES *
        (2 +
          addresses.length * (caps.notes === "notes" ? 2 : 1) +
          (locate ? read.comments.length : 0));
      if (collect.length && bytes + cost > this.payloadBudget) await flush();
      bytes += cost;
      const outside = addresses.filter((a) => !read.rect || !containsRect(read.rect, rectOf(a)));
      const queued = queueCellDetails(
        io.sheet(read.info),
        addresses,
        outside,
        caps,
        locate ? read.comments : null
      );
      const det = d;
      collect.push(() => queued(det));
    }
    await flush();
  }

  // ------------------------------------------------------------------------------------------
  // Writing
  // ------------------------------------------------------------------------------------------

  private async writeOutcome(
    io: Io,
    caps: Capabilities,
    sheets: readonly SheetInfo[],
    reads: ReadonlyMap<string, SheetRead>,
    details: ReadonlyMap<string, SheetDetails>,
    outcome: WorkbookOutcome,
    state: WorkbookState,
    previous: WorkbookState,
    withSummary: boolean
  ): Promise<{
    writes: Map<string, SheetWrite>;
    tally: WriteTally;
    summary: SummaryRun | null;
    notWritten: string[];
    error: string | null;
    /** The state sheet, where this write added it. */
    stateSheet?: SheetInfo | null;
  }> {
    const writer = new Writer(io, this.payloadBudget);
    const tally: WriteTally = { cells: 0, notes: 0, fills: 0 };
    const writes = new Map<string, SheetWrite>();
    const infoByName = new Map(sheets.map((s) => [s.name, s]));
    const stateRead = reads.get(STATE_SHEET);
    let summary: SummaryRun | null = null;
    const edited = outcome.sheets.filter((s) => s.plan.edits.length > 0);
    try {
      // the ledger first: if Excel stops half-way, what was written is still known as the add-in's
      const added = await this.writeState(
        io,
        writer,
        state,
        stateRead?.info ?? null,
        stateRead?.rect ?? null,
        stateRead?.values
      );
      for (const s of edited) {
        const read = reads.get(s.sheet) as SheetRead;
        const n = await this.writeEdits(
          io,
          writer,
          caps,
          read,
          gridOf(read, details.get(s.sheet)),
          details.get(s.sheet),
          s.plan.edits
        );
        tally.cells += n.cells;
        tally.notes += n.notes;
        tally.fills += n.fills;
        writes.set(s.sheet, { edits: s.plan.edits.length, notWritten: [], failed: false });
      }
      if (withSummary) summary = await this.writeSummary(io, writer, outcome, infoByName);
      await writer.flush();
      const stateSheet = added
        ? { name: STATE_SHEET, id: added.id, visibility: "VeryHidden", protected: false }
        : null;
      return { writes, tally, summary, notWritten: [], error: null, stateSheet };
    } catch (e) {
      if (isProgrammingError(e)) throw e;
      const reason = describeExcelError(e);
      const repaired = await this.repairAfterFailedWrite(
        io,
        caps,
        infoByName,
        edited,
        previous,
        state,
        reason
      );
      return {
        writes: repaired.writes,
        tally,
        summary: null,
        notWritten: repaired.notWritten,
        error: `写入未完成：${reason}。${repaired.summary}`,
      };
    }
  }

  private async writeState(
    io: Io,
    writer: Writer,
    state: WorkbookState,
    info: SheetInfo | null,
    usedRect: Rect | null,
    current?: readonly (readonly CellScalar[])[]
  ): Promise<Excel.Worksheet | null> {
    const rows = stateToRows(state);
    const width = Math.max(...rows.map((r) => r.length));
    const cells = rows.map((r) =>
      Array.from({ length: width }, (_, i) => excelInput(r[i] ?? null))
    );
    let ws: Excel.Worksheet;
    // rows the same as stored are not written again: re-scoring one tab of many rewrites the
    // ledger from its first change on (that tab's entries, which the ledger keeps last)
    let from = 0;
    if (info) {
      ws = io.sheet(info);
      if (
        current &&
        usedRect &&
        usedRect.top === 1 &&
        usedRect.left === 1 &&
        usedRect.right <= width
      ) {
        from = firstDifferentRow(current, rows, width);
        if (from === rows.length && current.length === rows.length) return null;
        if (current.length > rows.length) {
          const rest = ws.getRange(
            rectAddress({
              top: rows.length + 1,
              left: 1,
              bottom: usedRect.bottom,
              right: usedRect.right,
            })
          );
          await writer.add(100, () => rest.clear());
        }
      } else if (usedRect) {
        const range = ws.getRange(rectAddress(usedRect));
        await writer.add(100, () => range.clear());
      }
    } else {
      const added = io.context.workbook.worksheets.add(STATE_SHEET);
      await writer.add(100, () => {
        added.visibility = "VeryHidden";
        added.load("id");
      });
      ws = added;
    }
    await this.writeRows(writer, ws, from + 1, cells.slice(from), false);
    return info ? null : ws;
  }

  /** Rows written as blocks under the budget (a large ledger or summary goes in several ranges). */
  private async writeRows(
    writer: Writer,
    ws: Excel.Worksheet,
    firstRow: number,
    cells: (string | number | boolean)[][],
    formulas: boolean
  ): Promise<void> {
    if (cells.length === 0) return;
    const width = cells[0].length;
    let start = 0;
    while (start < cells.length) {
      let end = start;
      let bytes = 0;
      while (
        end < cells.length &&
        (end === start || bytes + jsonLength(cells[end]) < this.payloadBudget / 2)
      )
        bytes += jsonLength(cells[end++]);
      const slice = cells.slice(start, end);
      const address = `A${firstRow + start}:${columnLetters(width)}${firstRow + end - 1}`;
      await writer.add(bytes, () => {
        const range = ws.getRange(address);
        if (formulas) range.formulas = slice;
        else range.values = slice;
      });
      start = end;
    }
  }

  private async writeEdits(
    io: Io,
    writer: Writer,
    caps: Capabilities,
    read: SheetRead,
    grid: Grid,
    details: SheetDetails | undefined,
    edits: readonly CellEdit[]
  ): Promise<WriteTally> {
    const ws = io.sheet(read.info);
    const values = new Map<string, { input: string | number | boolean; formula: boolean }>();
    const formats = new Map<string, string>();
    const fills = new Map<string, string | null>();
    const notes: { address: string; note: string | null }[] = [];
    // a cell that already holds what the plan sets is left alone (re-scoring an unchanged form writes nothing)
    for (const e of edits.filter((x) => !matches(cellState(grid, x.address), x.set))) {
      const set = e.set;
      if ("value" in set || "formula" in set) {
        if (set.formula) values.set(e.address, { input: set.formula, formula: true });
        else {
          const format =
            "numberFormat" in set ? set.numberFormat : cellState(grid, e.address).numberFormat;
          values.set(e.address, { input: valueInput(set.value ?? null, format), formula: false });
        }
      }
      if ("numberFormat" in set) formats.set(e.address, set.numberFormat ?? "General");
      if ("fill" in set) fills.set(e.address, set.fill ?? null);
      if ("note" in set) notes.push({ address: e.address, note: set.note ?? null });
    }
    const remember = (rect: Rect): void => {
      this.recentWrites.push({ sheet: read.info.name, rect, until: Date.now() + 5000 });
    };
    for (const b of blocks(values)) {
      const anyFormula = b.cells.some((line) => line.some((c) => c.formula));
      const inputs = b.cells.map((line) => line.map((c) => c.input));
      remember(b.rect);
      await writer.add(jsonLength(inputs), () => {
        const range = ws.getRange(rectAddress(b.rect));
        if (anyFormula) range.formulas = inputs;
        else range.values = inputs;
      });
    }
    for (const b of blocks(formats)) {
      remember(b.rect);
      await writer.add(jsonLength(b.cells), () => {
        ws.getRange(rectAddress(b.rect)).numberFormat = b.cells;
      });
    }
    for (const b of blocks(fills, (x, y) => x === y)) {
      const color = b.cells[0][0];
      remember(b.rect);
      await writer.add(40, () => {
        const fill = ws.getRange(rectAddress(b.rect)).format.fill;
        if (color) fill.color = `#${color}`;
        else fill.clear();
      });
    }
    for (const { address, note } of notes) {
      const existing = details?.notes.get(address);
      remember(rectOf(address));
      await writer.add(jsonLength(note ?? "") + 60, () => {
        if (caps.notes === "notes") {
          const proxy = existing?.proxy as Excel.Note | undefined;
          if (note === null) proxy?.delete();
          else if (proxy) proxy.content = note;
          else ws.notes.add(address, note);
        } else if (caps.notes === "comments") {
          const proxy = existing?.proxy as Excel.Comment | undefined;
          if (note === null) proxy?.delete();
          else if (proxy) proxy.content = note;
          else ws.comments.add(ws.getRange(address), note, "Plain");
        }
      });
    }
    this.recentWrites = this.recentWrites.filter((w) => w.until > Date.now());
    return {
      cells: values.size + [...formats.keys()].filter((a) => !values.has(a)).length,
      notes: notes.length,
      fills: fills.size,
    };
  }

  private async writeSummary(
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
    await this.writeRows(writer, ws, 1, layoutFormulas(layout), true);
    const chart = await renderSummaryFormats(ws, layout, (b, q) => writer.add(b, q));
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

  /**
   * Excel stopped a write half-way. Read the cells back, tell what was and was not written, and
   * keep in the ledger exactly what the add-in now owns (what it wrote, or still owned before), so
   * that 撤销 and the next scoring stay right.
   */
  private async repairAfterFailedWrite(
    io: Io,
    caps: Capabilities,
    sheets: ReadonlyMap<string, SheetInfo>,
    edited: readonly SheetOutcome[],
    previous: WorkbookState,
    planned: WorkbookState,
    reason: string
  ): Promise<{ writes: Map<string, SheetWrite>; notWritten: string[]; summary: string }> {
    const context = io.context;
    const writes = new Map<string, SheetWrite>();
    const notWritten: string[] = [];
    const requests = edited
      .map((s) => ({ info: sheets.get(s.sheet), addresses: s.plan.edits.map((e) => e.address) }))
      .filter((r): r is { info: SheetInfo; addresses: string[] } => !!r.info);
    let now: Map<string, { grid: Grid; notes: Map<string, ExistingNote> }>;
    try {
      now = await this.readCellGrids(io, caps, requests);
    } catch (e) {
      if (isProgrammingError(e)) throw e;
      for (const s of edited)
        writes.set(s.sheet, {
          edits: 0,
          notWritten: [`工作表“${s.sheet}”的写入结果无法核对`],
          failed: true,
        });
      return { writes, notWritten, summary: "无法核对哪些单元格已写入，请撤销本次评分后重试" };
    }
    const previousByCell = new Map(previous.ledger.map((e) => [`${e.sheet}!${e.address}`, e]));
    const plannedByCell = new Map(planned.ledger.map((e) => [`${e.sheet}!${e.address}`, e]));
    const editedNames = new Set(edited.map((s) => s.sheet));
    const ledger: LedgerEntry[] = planned.ledger.filter((e) => !editedNames.has(e.sheet));
    let done = 0;
    let missed = 0;
    for (const s of edited) {
      const grid = now.get(s.sheet);
      const missing: string[] = [];
      for (const e of s.plan.edits) {
        const key = `${s.sheet}!${e.address}`;
        const state = grid ? cellState(grid.grid, e.address) : null;
        const entry = plannedByCell.get(key);
        const written = state !== null && (entry ? stillOurs(entry, state) : matches(state, e.set));
        if (written) done++;
        else {
          missed++;
          missing.push(e.address);
        }
        if (entry && written) ledger.push(entry);
        else {
          const old = previousByCell.get(key);
          if (old && state && stillOurs(old, state)) ledger.push(old);
        }
      }
      const note = missing.length
        ? [
            `工作表“${s.sheet}”有 ${missing.length} 处未能写入（${reason}）：${missing.slice(0, 20).join("、")}${missing.length > 20 ? "…" : ""}`,
          ]
        : [];
      notWritten.push(...note);
      writes.set(s.sheet, {
        edits: s.plan.edits.length - missing.length,
        notWritten: [],
        failed: missing.length > 0,
      });
    }
    // keep the ledger right (one more sync); the summary sheet is left for the next 批量评分
    try {
      const listing = await this.discover(io, false);
      const stateInfo = listing.sheets.find((x) => x.name === STATE_SHEET) ?? null;
      let rect: Rect | null = null;
      if (stateInfo) {
        const used = io.sheet(stateInfo).getUsedRangeOrNullObject(true);
        used.load("address");
        await context.sync();
        rect = used.isNullObject ? null : rectOf(localAddress(used.address));
      }
      const writer = new Writer(io, this.payloadBudget);
      await this.writeState(
        io,
        writer,
        { ledger, summarySheet: previous.summarySheet },
        stateInfo,
        rect
      );
      await writer.flush();
    } catch (e) {
      if (isProgrammingError(e)) throw e;
      notWritten.push(`评分记录未能保存（${describeExcelError(e)}），撤销可能不完整`);
    }
    return {
      writes,
      notWritten,
      summary: `已写入 ${done} 处，未写入 ${missed} 处；已写入的可以用“撤销本次评分”恢复`,
    };
  }

  /** The current state of given cells, as sparse grids (values of their bounding box, their fills and notes), and their notes' proxies. */
  private async readCellGrids(
    io: Io,
    caps: Capabilities,
    requests: readonly { info: SheetInfo; addresses: string[] }[],
    /** Threaded comments already loaded in an earlier sync of this context, by sheet name. */
    preloaded?: ReadonlyMap<string, Excel.CommentCollection>
  ): Promise<Map<string, { grid: Grid; notes: Map<string, ExistingNote> }>> {
    const context = io.context;
    let comments: { info: SheetInfo; col: Excel.CommentCollection }[] = [];
    if (preloaded)
      comments = requests.map((r) => ({
        info: r.info,
        col: preloaded.get(r.info.name) as Excel.CommentCollection,
      }));
    else if (caps.notes === "comments" && requests.length) {
      comments = requests.map((r) => {
        const col = io.sheet(r.info).comments;
        col.load("items/id,items/content");
        return { info: r.info, col };
      });
      await context.sync();
    }
    const queued = requests.map((r) => {
      const ws = io.sheet(r.info);
      const rects = r.addresses.map((a) => rectOf(a));
      const box: Rect = {
        top: Math.min(...rects.map((x) => x.top)),
        left: Math.min(...rects.map((x) => x.left)),
        bottom: Math.max(...rects.map((x) => x.bottom)),
        right: Math.max(...rects.map((x) => x.right)),
      };
      const range = ws.getRange(rectAddress(box));
      range.load("values,formulas,numberFormat");
      const fills = queueFills(ws, r.addresses, caps);
      const notes =
        caps.notes === "notes"
          ? queueNotes(ws, r.addresses)
          : caps.notes === "comments"
            ? queueCommentLocations(comments.find((c) => c.info === r.info)?.col?.items ?? [])
            : null;
      return { info: r.info, box, range, fills, notes };
    });
    if (queued.length) await context.sync();
    const out = new Map<string, { grid: Grid; notes: Map<string, ExistingNote> }>();
    for (const { info, box, range, fills, notes } of queued) {
      const read = toRead(info, box, range.values, range.formulas, range.numberFormat, [], []);
      const found = notes ? notes() : new Map<string, ExistingNote>();
      const grid: Grid = {
        ...gridOf(read),
        fills: Object.fromEntries(fills()),
        notes: Object.fromEntries([...found].map(([a, n]) => [a, n.content])),
      };
      out.set(info.name, { grid, notes: found });
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Undo
  // ------------------------------------------------------------------------------------------

  undo(): Promise<RunReport> {
    const caps = this.capabilities();
    if (!caps.supported) return Promise.resolve(failedReport("undo", caps.reason as string));
    return this.exclusive(() =>
      Excel.run(async (context) => {
        const io = new Io(context);
        const warnings = this.warningsFor(caps).filter((w) => !w.includes("合并单元格"));
        const listing = await this.discover(io, false);
        const stateInfo = listing.sheets.find((s) => s.name === STATE_SHEET);
        if (!stateInfo)
          return failedReport("undo", "没有可撤销的评分（工作簿中没有评分记录）", {
            syncs: io.syncs,
            notes: caps.notes,
          });
        const used = io.sheet(stateInfo).getUsedRangeOrNullObject(true);
        used.load("address,values");
        // threaded comments (where they stand in for notes) in the same round trip
        const comments =
          caps.notes === "comments"
            ? new Map(
                listing.sheets
                  .filter((s) => s.visibility !== "VeryHidden")
                  .map((s) => {
                    const col = io.sheet(s).comments;
                    col.load("items/id,items/content");
                    return [s.name, col] as const;
                  })
              )
            : undefined;
        await context.sync();
        const stateRead = used.isNullObject
          ? emptyRead(stateInfo, [], [])
          : toRead(stateInfo, rectOf(localAddress(used.address)), used.values, null, null, [], []);
        const state = stateFromGrid(gridOf(stateRead));
        const byName = new Map(listing.sheets.map((s) => [s.name, s]));
        const bySheet = new Map<string, LedgerEntry[]>();
        for (const e of state.ledger) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
        if (bySheet.size === 0 && !(state.summarySheet && byName.has(state.summarySheet)))
          return failedReport("undo", "没有可撤销的评分", { syncs: io.syncs, notes: caps.notes });

        const keep: LedgerEntry[] = [];
        const notWritten: string[] = [];
        const requests: { info: SheetInfo; addresses: string[] }[] = [];
        for (const [sheet, entries] of bySheet) {
          const info = byName.get(sheet);
          if (!info) {
            notWritten.push(`工作表“${sheet}”已不存在，其评分记录已清除`);
            continue;
          }
          if (info.protected) {
            notWritten.push(`工作表“${sheet}”受保护，无法撤销评分；请撤销保护后再试`);
            keep.push(...entries);
            continue;
          }
          requests.push({ info, addresses: entries.map((e) => e.address) });
        }
        const grids = await this.readCellGrids(io, caps, requests, comments);
        const plans = requests.map((r) => {
          const read = grids.get(r.info.name) as { grid: Grid; notes: Map<string, ExistingNote> };
          const grid = read.grid;
          const entries = bySheet.get(r.info.name) as LedgerEntry[];
          const plan = planRestore(grid, entries);
          const edits = plan.edits
            .map((e) => adaptRestoreEdit(e, caps.notes, notWritten))
            .filter((e): e is CellEdit => e !== null);
          return { info: r.info, grid, notes: read.notes, plan: { ...plan, edits } };
        });

        const writer = new Writer(io, this.payloadBudget);
        const tally: WriteTally = { cells: 0, notes: 0, fills: 0 };
        const sheetsOut = [];
        let error: string | null = null;
        try {
          await this.writeState(
            io,
            writer,
            { ledger: keep, summarySheet: null },
            stateInfo,
            stateRead.rect
          );
          for (const p of plans) {
            const read = toRead(p.info, null, [], null, null, [], []);
            const det: SheetDetails = {
              known: new Set(),
              fills: new Map(),
              notes: p.notes,
              formats: new Map(),
              commentsLocated: true,
            };
            const n = await this.writeEdits(io, writer, caps, read, p.grid, det, p.plan.edits);
            tally.cells += n.cells;
            tally.notes += n.notes;
            tally.fills += n.fills;
            sheetsOut.push({
              sheet: p.info.name,
              status: "restored" as const,
              message: null,
              forms: [],
              edits: p.plan.edits.length,
              notWritten: p.plan.skipped,
            });
          }
          const summary = state.summarySheet ? byName.get(state.summarySheet) : undefined;
          if (summary) await writer.add(60, () => io.sheet(summary).delete());
          await writer.flush();
        } catch (e) {
          if (isProgrammingError(e)) throw e;
          error = `撤销未完成：${describeExcelError(e)}`;
        }
        this.ownSheets = new Set([STATE_SHEET]);
        return {
          ...failedReport("undo", error ?? ""),
          ok: error === null,
          error,
          sheets: sheetsOut,
          notWritten: [...notWritten, ...sheetsOut.flatMap((s) => s.notWritten)],
          written: tally,
          notes: caps.notes,
          warnings,
          syncs: io.syncs,
        };
      })
    );
  }

  // ------------------------------------------------------------------------------------------
  // Selection, settings, events
  // ------------------------------------------------------------------------------------------

  selectCell(sheet: string, address: string): Promise<void> {
    return this.exclusive(() =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      })
    );
  }

  async loadSettings(): Promise<Settings> {
    if (typeof Office === "undefined") return DEFAULT_SETTINGS;
    const raw = Office.context.document.settings.get(SETTINGS_KEY) as Partial<Settings> | null;
    if (!raw || typeof raw !== "object") return DEFAULT_SETTINGS;
    const profile =
      raw.profile === "auto" || (typeof raw.profile === "string" && isProfileId(raw.profile))
        ? raw.profile
        : DEFAULT_SETTINGS.profile;
    return {
      profile,
      promptTextInReasonCells: raw.promptTextInReasonCells === true,
      autoScore: raw.autoScore === true,
    };
  }

  saveSettings(settings: Settings): Promise<void> {
    const doc = Office.context.document;
    doc.settings.set(SETTINGS_KEY, {
      profile: settings.profile,
      promptTextInReasonCells: settings.promptTextInReasonCells,
      autoScore: settings.autoScore,
    });
    return new Promise((resolve, reject) => {
      doc.settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Failed)
          reject(new Error(`规则未能保存到工作簿：${result.error?.message ?? ""}`));
        else resolve();
      });
    });
  }

  async onSheetChanged(
    listener: (sheet: string) => void,
    options: { readonly debounceMs?: number } = {}
  ): Promise<(() => Promise<void>) | null> {
    const caps = this.capabilities();
    if (!caps.supported || !caps.events) return null;
    const debounceMs = options.debounceMs ?? 1500;
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    let stopped = false;
    const fire = (sheet: string): void => {
      const t = timers.get(sheet);
      if (t) clearTimeout(t);
      timers.set(
        sheet,
        setTimeout(() => {
          timers.delete(sheet);
          if (!stopped) listener(sheet);
        }, debounceMs)
      );
    };
    const nameOf = async (id: string): Promise<string | null> => {
      for (const info of this.memory?.sheets.values() ?? []) if (info.id === id) return info.name;
      try {
        return await Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(id);
          ws.load("name");
          await context.sync();
          return ws.name;
        });
      } catch (e) {
        if (isProgrammingError(e)) throw e;
        return null; // the sheet is gone already (a summary the add-in replaced)
      }
    };
    const handle = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (stopped || event.triggerSource === "ThisLocalAddin") return;
      const name = await nameOf(event.worksheetId);
      if (name === null || this.ownSheets.has(name) || this.isOwnWrite(name, event.address)) return;
      // a sheet seen without a form, or an edit outside its forms, cannot change a score
      const forms = this.memory?.forms.get(name);
      if (forms && !insideForms(forms, event.address)) return;
      fire(name);
    };
    const owner = Symbol("autoScore");
    const registration = await this.exclusive(() =>
      Excel.run(async (context) => {
        const io = new Io(context);
        const result = context.workbook.worksheets.onChanged.add(handle);
        // what re-scores will need: the sheets, their forms, the cells each plan touches
        const book = await this.readWorkbook(io, caps, [], false);
        const outcome = scoreWorkbookGrids(book.reads.map((r) => gridOf(r)));
        this.memory = emptyMemory();
        this.memoryOwner = owner;
        this.remember(book.sheets, book.reads, book.previous.ledger, outcome);
        return result;
      })
    );
    return async () => {
      stopped = true;
      if (this.memoryOwner === owner) this.memory = this.memoryOwner = null;
      for (const t of timers.values()) clearTimeout(t);
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  }

  /** A change event over cells the add-in has just written (on an Excel that cannot say whose edit it was). */
  private isOwnWrite(sheet: string, address: string): boolean {
    const now = Date.now();
    this.recentWrites = this.recentWrites.filter((w) => w.until > now);
    let rect: Rect;
    try {
      rect = rectOf(localAddress(address));
    } catch {
      return false;
    }
    return this.recentWrites.some((w) => w.sheet === sheet && containsRect(w.rect, rect));
  }
}

// ---------------------------------------------------------------------------------------------
// Pure helpers of the flow
// ---------------------------------------------------------------------------------------------

function emptyRead(info: SheetInfo, merges: string[], comments: Excel.Comment[]): SheetRead {
  return { info, rect: null, values: [], formulas: [], numberFormats: [], merges, comments };
}

/** What Excel returned for a range, as the Grid contract has it (dates as ISO text, formulas only where there is one). */
/** A used range loaded by queueSheetRead, once synced, as a SheetRead (values only for the state sheet). */
function usedRead(
  info: SheetInfo,
  used: Excel.Range,
  valuesOnly: boolean,
  more: { merges: string[]; comments: Excel.Comment[] } | null
): SheetRead {
  const merges = more?.merges ?? [];
  const comments = more?.comments ?? [];
  if (used.isNullObject) return emptyRead(info, merges, comments);
  return toRead(
    info,
    rectOf(localAddress(used.address)),
    used.values,
    valuesOnly ? null : used.formulas,
    valuesOnly ? null : used.numberFormat,
    merges,
    comments
  );
}

function toRead(
  info: SheetInfo,
  rect: Rect | null,
  values: unknown[][],
  formulas: unknown[][] | null,
  formats: string[][] | null,
  merges: string[],
  comments: Excel.Comment[]
): SheetRead {
  const outValues: CellScalar[][] = values.map((line, i) =>
    line.map((v, j) => {
      const f = formats?.[i]?.[j];
      if (typeof v === "number" && isDateFormat(f)) return isoFromSerial(v);
      return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : "";
    })
  );
  const outFormulas = values.map((line, i) =>
    line.map((v, j) => {
      const f = formulas?.[i]?.[j];
      return typeof f === "string" && f.startsWith("=") && f !== v ? f : null;
    })
  );
  return {
    info,
    rect,
    values: outValues,
    formulas: outFormulas,
    numberFormats: formats ?? values.map((l) => l.map(() => "General")),
    merges,
    comments,
  };
}

/** The Grid of a read sheet, with the fills, notes and outside formats read for the cells a plan may touch. */
function gridOf(read: SheetRead, details?: SheetDetails): Grid {
  const origin = read.rect ? toAddress(read.rect.top, read.rect.left) : "A1";
  let numberFormats: (string | null)[][] = read.numberFormats;
  if (details?.formats.size && read.rect) {
    numberFormats = read.numberFormats.map((l) => l.slice());
    const o = parseAddress(origin);
    for (const [a, f] of details.formats) {
      const p = parseAddress(a);
      const r = p.row - o.row;
      const c = p.col - o.col;
      if (r < 0 || c < 0) continue;
      while (numberFormats.length <= r) numberFormats.push([]);
      numberFormats[r][c] = f;
    }
  }
  return {
    sheet: read.info.name,
    origin,
    values: read.values,
    formulas: read.formulas,
    numberFormats,
    merges: read.merges,
    protected: read.info.protected,
    notes: details ? Object.fromEntries([...details.notes].map(([a, n]) => [a, n.content])) : {},
    fills: details ? Object.fromEntries(details.fills) : {},
  };
}

/** Every cell a plan touches or the ledger holds, per sheet. */
function touchedCells(
  outcome: WorkbookOutcome,
  ledger: readonly LedgerEntry[]
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (sheet: string, a: string): void => {
    let s = out.get(sheet);
    if (!s) out.set(sheet, (s = new Set()));
    s.add(a);
  };
  const scored = new Set(outcome.sheets.map((s) => s.sheet));
  for (const s of outcome.sheets) {
    for (const e of s.plan.edits) add(s.sheet, e.address);
    for (const e of s.plan.ledger) add(s.sheet, e.address);
  }
  for (const e of ledger) if (scored.has(e.sheet)) add(e.sheet, e.address);
  return out;
}

function emptyMemory(): AutoMemory {
  return { sheets: new Map(), forms: new Map(), touched: new Map() };
}

/** Whether a change at `address` (A1, a range, or whole rows/columns) may fall inside one of the forms. */
function insideForms(forms: readonly Form[], address: string): boolean {
  let rect: Rect;
  try {
    rect = rectOf(localAddress(address));
  } catch {
    return true; // "5:7" or "C:D": whole rows or columns, taken as inside
  }
  return forms.some((f) => {
    const rows = formRows(f);
    return rect.top <= rows.bottom && rect.bottom >= rows.top;
  });
}

/**
 * The cells the next plan of a sheet may touch, read with the sheet on a re-score: what the last
 * plan touched and every cell of its forms (a new prompt goes to one of those).
 */
function predictTouched(
  planned: ReadonlySet<string> | undefined,
  forms: readonly Form[]
): ReadonlySet<string> {
  return new Set([...(planned ?? []), ...forms.flatMap(formCells)]);
}

function newDetails(): SheetDetails {
  return {
    known: new Set(),
    fills: new Map(),
    notes: new Map(),
    formats: new Map(),
    commentsLocated: false,
  };
}

/**
 * Queues the fills and notes of `addresses` (and the number formats of `formatsOf`, the ones
 * outside the used range); the function returned, after the sync, records them as known.
 */
function queueCellDetails(
  ws: Excel.Worksheet,
  addresses: readonly string[],
  formatsOf: readonly string[],
  caps: Capabilities,
  /** Threaded comments to locate (1.10, where notes are not available), once per sheet. */
  comments: readonly Excel.Comment[] | null
): (det: SheetDetails, keepFormat?: (address: string) => boolean) => void {
  const fills = queueFills(ws, addresses, caps);
  const formats = blocks(new Map(formatsOf.map((a) => [a, true]))).map((b) => {
    const r = ws.getRange(rectAddress(b.rect));
    r.load("numberFormat");
    return { b, r };
  });
  let notes: (() => Map<string, ExistingNote>) | null = null;
  if (caps.notes === "notes") notes = queueNotes(ws, addresses);
  else if (comments) notes = queueCommentLocations(comments);
  return (det, keepFormat = () => true) => {
    for (const [a, f] of fills()) det.fills.set(a, f);
    for (const { b, r } of formats)
      r.numberFormat.forEach((line, i) =>
        line.forEach((f, j) => {
          const a = toAddress(b.rect.top + i, b.rect.left + j);
          if (keepFormat(a)) det.formats.set(a, f);
        })
      );
    if (notes) for (const [a, n] of notes()) det.notes.set(a, n);
    if (comments) det.commentsLocated = true;
    for (const a of addresses) det.known.add(a);
  };
}

function queueFills(
  ws: Excel.Worksheet,
  addresses: readonly string[],
  caps: Capabilities
): () => Map<string, string> {
  if (caps.cellProperties) {
    const parts = blocks(new Map(addresses.map((a) => [a, true]))).map((b) => ({
      b,
      props: ws
        .getRange(rectAddress(b.rect))
        .getCellProperties({ format: { fill: { color: true, pattern: true } } }),
    }));
    return () => {
      const out = new Map<string, string>();
      for (const { b, props } of parts)
        props.value.forEach((line, i) =>
          line.forEach((p, j) => {
            const f = planFill(p.format?.fill?.color, p.format?.fill?.pattern ?? "None");
            if (f) out.set(toAddress(b.rect.top + i, b.rect.left + j), f);
          })
        );
      return out;
    };
  }
  const parts = addresses.map((a) => {
    const fill = ws.getRange(a).format.fill;
    fill.load("color");
    return { a, fill };
  });
  return () => {
    const out = new Map<string, string>();
    for (const { a, fill } of parts) {
      const f = planFill(fill.color, undefined);
      if (f) out.set(a, f);
    }
    return out;
  };
}

function queueNotes(
  ws: Excel.Worksheet,
  addresses: readonly string[]
): () => Map<string, ExistingNote> {
  const parts = addresses.map((a) => {
    const note = ws.notes.getItemOrNullObject(a);
    note.load("content");
    return { a, note };
  });
  return () =>
    new Map(
      parts
        .filter((p) => !p.note.isNullObject)
        .map((p) => [p.a, { content: p.note.content, proxy: p.note }])
    );
}

function queueCommentLocations(
  comments: readonly Excel.Comment[]
): () => Map<string, ExistingNote> {
  const parts = comments.map((c) => {
    const where = c.getLocation();
    where.load("address");
    return { c, where };
  });
  return () =>
    new Map(
      parts.map((p) => [
        localAddress(p.where.address).split(":")[0],
        { content: p.c.content, proxy: p.c },
      ])
    );
}

/** A value as written to Excel: an ISO date back to its serial number in a date-formatted cell. */
function valueInput(
  value: CellScalar,
  format: string | null | undefined
): string | number | boolean {
  if (typeof value === "string" && isDateFormat(format)) {
    const serial = serialFromIso(value);
    if (serial !== null) return serial;
  }
  return excelInput(value);
}

/** The state sheet already holds these rows (its values as read; every cell compared as text). */
/** The index of the first row of `rows` that `current` (the stored rows) does not hold as it is. */
function firstDifferentRow(
  current: readonly (readonly CellScalar[])[],
  rows: readonly (readonly CellScalar[])[],
  width: number
): number {
  const text = (v: CellScalar | undefined): string =>
    v === null || v === undefined ? "" : String(v);
  const same = (i: number): boolean =>
    i < current.length &&
    Array.from({ length: width }, (_, j) => j).every(
      (j) => text(current[i]?.[j]) === text(rows[i][j])
    );
  let i = 0;
  while (i < rows.length && same(i)) i++;
  return i;
}

function matches(state: CellState, set: Partial<CellState>): boolean {
  return (Object.keys(set) as CellField[]).every((f) => (state[f] ?? null) === (set[f] ?? null));
}

/**
 * Where notes cannot be written as the plan says: without notes and comments (an older Excel) the
 * prompts stay out of the cells; with threaded comments a person's comment is never rewritten.
 * The ledger entries follow, so that the hash describes what is really written.
 */
function adaptNotes(
  outcome: WorkbookOutcome,
  mode: NotesMode,
  details: ReadonlyMap<string, SheetDetails>
): WorkbookOutcome {
  if (mode === "notes") return outcome;
  const changed = new Map<string, { fields: CellField[]; set: Partial<CellState> } | null>();
  const sheets = outcome.sheets.map((s) => {
    const skipped: string[] = [];
    const edits: CellEdit[] = [];
    for (const e of s.plan.edits) {
      if (!("note" in e.set)) {
        edits.push(e);
        continue;
      }
      const note = e.set.note ?? null;
      const someoneElses =
        mode === "comments" &&
        note !== null &&
        !note.startsWith(NOTE_MARK) &&
        details.get(s.sheet)?.notes.has(e.address);
      const strip = mode === "none" || someoneElses;
      if (!strip) {
        edits.push(e);
        continue;
      }
      if (someoneElses)
        skipped.push(`${s.sheet}!${e.address} 已有他人的批注，评分说明未写入批注（见结果列表）`);
      const { note: _dropped, ...set } = e.set;
      void _dropped;
      const fields = Object.keys(set) as CellField[];
      changed.set(`${s.sheet}!${e.address}`, fields.length ? { fields, set } : null);
      if (fields.length) edits.push({ ...e, set });
    }
    const ledger = s.plan.ledger.flatMap((entry) => {
      const c = changed.get(`${entry.sheet}!${entry.address}`);
      if (c === undefined) return [entry];
      if (c === null) return [];
      return [
        { ...entry, fields: c.fields, hash: hashFields({ ...entry.before, ...c.set }, c.fields) },
      ];
    });
    return { ...s, plan: { ...s.plan, edits, ledger, skipped: [...s.plan.skipped, ...skipped] } };
  });
  const ledger = outcome.state.ledger.flatMap((entry) => {
    const c = changed.get(`${entry.sheet}!${entry.address}`);
    if (c === undefined) return [entry];
    if (c === null) return [];
    return [
      { ...entry, fields: c.fields, hash: hashFields({ ...entry.before, ...c.set }, c.fields) },
    ];
  });
  return { ...outcome, sheets, state: { ...outcome.state, ledger } };
}

/** A restore edit where notes cannot be written (an older Excel than the one that scored). */
function adaptRestoreEdit(e: CellEdit, mode: NotesMode, notWritten: string[]): CellEdit | null {
  if (mode !== "none" || !("note" in e.set)) return e;
  notWritten.push(`${e.sheet}!${e.address} 的备注无法恢复：此版本的 Excel 不支持备注`);
  const { note: _dropped, ...set } = e.set;
  void _dropped;
  return Object.keys(set).length ? { ...e, set } : null;
}
