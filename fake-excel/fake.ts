/**
 * A strict fake of the parts of the Excel JavaScript API the add-in uses, over a workbook loaded
 * from an .xlsx with ExcelJS. See api.ts for how the proxies behave; this module is the fake as a
 * whole: `Excel.run`, the sync counter and payload estimate, requirement sets, document settings,
 * change events, and plain dumps of the document for assertions.
 *
 *   const fake = await loadFakeExcel("samples/004-fengtai-2020.xlsx", { excelApi: "1.12" });
 *   const uninstall = installFakeExcel(fake);   // globals Excel, Office, OfficeExtension
 *   …
 *   fake.syncs; fake.cell("《丰台报》相关费用", "I6"); uninstall();
 *
 * Nothing here is installed by importing it: only `installFakeExcel` sets the globals.
 *
 * This module runs in Node (jest, the benchmark) and in a browser (the workbench): it imports
 * nothing of Node's. Loading from an .xlsx file is index.ts's job.
 */
import type { Grid } from "../src/form/grid";
import {
  toAddress as cellAddress,
  MAX_COLS,
  readRange as parseLocal,
  rectAddress,
  type Rect,
} from "../src/address";
import {
  FakeContext,
  type Action,
  type ChangeRecord,
  type FakeHost,
  type Handler,
  type SyncRecord,
} from "./api";
import { EXCEL_ERROR_CODES, FakeOfficeError, OFFICE_ERROR_CODES } from "./errors";
// the sheet-finishing APIs (borders, links, frozen panes, filters, print titles) join the proxies
import "./format";
// Range.setCellProperties (borders, font, alignment)
import "./cellLook";
import {
  DocumentModel,
  type CellModel,
  type ChartModel,
  type Scalar,
  type SheetModel,
} from "./model";

export { FakeOfficeError } from "./errors";

/** A round trip yields to the event loop as Excel's does (setImmediate in Node; a task in a browser). */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) =>
    typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)
  );
}
export type { SyncRecord } from "./api";

export interface FakeExcelOptions {
  /** The highest ExcelApi requirement set this Excel supports ("1.18" by default; "1.12" has no notes and no merged-area API). */
  readonly excelApi?: string;
  /** Bytes a single sync's request or response may carry (Excel on the web: 5 MB). */
  readonly payloadLimit?: number;
  /** Who notes and comments the add-in writes are by. */
  readonly author?: string;
}

export interface CellDump {
  readonly value: Scalar | null;
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly note: string | null;
  readonly comment: string | null;
  /** "FFC7CE" (no #), or null for no fill. */
  readonly fill: string | null;
}

function versionParts(v: string): number[] {
  return v.split(".").map((x) => Number(x) || 0);
}

export function compareVersions(a: string, b: string): number {
  const p = versionParts(a);
  const q = versionParts(b);
  for (let i = 0; i < Math.max(p.length, q.length); i++) {
    const d = (p[i] ?? 0) - (q[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class FakeExcel implements FakeHost {
  readonly payloadLimit: number;
  readonly excelApi: string;
  author: string;
  /** context.sync() calls so far (a failed sync counts: it was a round trip). */
  syncs = 0;
  readonly syncLog: SyncRecord[] = [];
  /** Every strict read that threw PropertyNotLoaded / ValueNotLoaded, even if the caller caught it. */
  readonly notLoadedReads: string[] = [];
  /** Errors that left a sync, by code. */
  readonly failedSyncs: string[] = [];
  handlers: Handler[] = [];
  /** Runs at the start of every sync with its 1-based number: a test's way to change the workbook between round trips. */
  beforeSync: ((n: number) => void) | null = null;
  /** Runs when a sync has ended, well or not (the workbench redraws its sheet view). */
  afterSync: ((record: SyncRecord) => void) | null = null;
  private handlerIds = 1;
  private settingsInMemory: Record<string, unknown>;
  private readonly openContexts = new Set<FakeContext>();

  constructor(
    readonly doc: DocumentModel,
    options: FakeExcelOptions = {}
  ) {
    this.excelApi = options.excelApi ?? "1.18";
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
    this.author = options.author ?? "绩效自评加载项";
    this.settingsInMemory = JSON.parse(JSON.stringify(doc.savedSettings)) as Record<
      string,
      unknown
    >;
  }

  supports(version: string): boolean {
    return compareVersions(this.excelApi, version) >= 0;
  }

  nextHandlerId(): number {
    return this.handlerIds++;
  }

  async sync(ctx: FakeContext): Promise<void> {
    ctx.check();
    const actions = ctx.pending.splice(0);
    this.syncs++;
    this.beforeSync?.(this.syncs);
    const request = 300 + actions.reduce((n, a) => n + a.request, 0);
    const record: SyncRecord = { request, response: 0, actions: actions.length, error: null };
    this.syncLog.push(record);
    try {
      await this.commitSync(actions, record);
    } finally {
      this.afterSync?.(record);
    }
  }

  private async commitSync(actions: readonly Action[], record: SyncRecord): Promise<void> {
    await nextTask();
    const fail = (e: FakeOfficeError): never => {
      record.error = e.code;
      this.failedSyncs.push(e.code);
      throw e;
    };
    if (record.request > this.payloadLimit)
      fail(
        new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size has exceeded the limit. (${record.request} bytes)`,
          "RequestContext.sync"
        )
      );
    const changes: ChangeRecord[] = [];
    const commits: (() => void)[] = [];
    let response = 200;
    for (const action of actions) {
      try {
        const r = action.run(changes);
        if (r) {
          response += r.response;
          if (r.commit) commits.push(r.commit);
        }
      } catch (e) {
        this.dispatch(changes);
        if (e instanceof FakeOfficeError) {
          if (!e.debugInfo.errorLocation) e.debugInfo.errorLocation = action.label;
          fail(e);
        }
        throw e;
      }
    }
    record.response = response;
    this.dispatch(changes);
    if (response > this.payloadLimit)
      fail(
        new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit. (${response} bytes)`,
          "RequestContext.sync"
        )
      );
    for (const c of commits) c();
  }

  /** Change events, delivered after the sync as Excel does (asynchronously). */
  private dispatch(changes: readonly ChangeRecord[], source: "Local" | "Remote" = "Local"): void {
    if (changes.length === 0 || this.handlers.length === 0) return;
    const handlers = [...this.handlers];
    for (const ch of changes) {
      const args: Record<string, unknown> = {
        type: "WorksheetChanged",
        worksheetId: ch.sheetId,
        address: rectAddress(ch.rect),
        source,
        changeType: "RangeEdited",
      };
      if (this.supports("1.14")) args.triggerSource = ch.byAddIn ? "ThisLocalAddin" : "Unknown";
      for (const h of handlers) {
        if (h.scope !== null && h.scope !== ch.sheetId) continue;
        setTimeout(() => void Promise.resolve(h.fn(args)).catch(() => undefined), 0);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // The globals
  // ------------------------------------------------------------------------------------------

  /** Excel.run(batch), or Excel.run(previousContextOrObject, batch) to go on with an earlier context (an event handler's). */
  run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T>;
  run<T>(
    previous: FakeContext | { context: FakeContext },
    batch: (context: FakeContext) => Promise<T>
  ): Promise<T>;
  async run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as
      ((context: FakeContext) => Promise<T>) | undefined;
    if (typeof batch !== "function")
      throw new FakeOfficeError(
        "InvalidArgument",
        "Excel.run expects a batch function.",
        "Excel.run"
      );
    const previous =
      first instanceof FakeContext
        ? first
        : first &&
            typeof first === "object" &&
            (first as { context?: unknown }).context instanceof FakeContext
          ? (first as { context: FakeContext }).context
          : null;
    const ctx = previous ?? new FakeContext(this);
    ctx.ended = false;
    this.openContexts.add(ctx);
    try {
      const result = await batch(ctx);
      if (ctx.pending.length > 0)
        throw new Error(
          `fake Excel: ${ctx.pending.length} queued action(s) were never synced before Excel.run ended (${ctx.pending
            .slice(0, 3)
            .map((a) => a.label)
            .join(", ")})`
        );
      return result;
    } finally {
      ctx.ended = true;
      ctx.pending = [];
      this.openContexts.delete(ctx);
    }
  }

  get Excel(): Record<string, unknown> {
    return {
      run: this.run.bind(this),
      ErrorCodes: EXCEL_ERROR_CODES,
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ChartType: { columnClustered: "ColumnClustered" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
      ContentType: { plain: "Plain", mention: "Mention" },
      EventSource: { local: "Local", remote: "Remote" },
      EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
      PaperType: { a4: "A4", letter: "Letter" },
      RangeCopyType: { all: "All", formats: "Formats", values: "Values", formulas: "Formulas" },
      BorderLineStyle: { continuous: "Continuous", none: "None" },
    };
  }

  get OfficeExtension(): Record<string, unknown> {
    return { Error: FakeOfficeError, ErrorCodes: OFFICE_ERROR_CODES };
  }

  get Office(): Record<string, unknown> {
    const fake = this;
    const settings = {
      get(name: string): unknown {
        return name in fake.settingsInMemory
          ? JSON.parse(JSON.stringify(fake.settingsInMemory[name]))
          : null;
      },
      set(name: string, value: unknown): void {
        fake.settingsInMemory[name] = JSON.parse(JSON.stringify(value ?? null));
      },
      remove(name: string): void {
        delete fake.settingsInMemory[name];
      },
      saveAsync(a?: unknown, b?: unknown): void {
        const callback = (typeof a === "function" ? a : b) as
          ((r: { status: string }) => void) | undefined;
        fake.doc.savedSettings = JSON.parse(JSON.stringify(fake.settingsInMemory)) as Record<
          string,
          unknown
        >;
        setTimeout(() => callback?.({ status: "succeeded" }), 0);
      },
      refreshAsync(callback?: (r: { status: string; value: unknown }) => void): void {
        fake.settingsInMemory = JSON.parse(JSON.stringify(fake.doc.savedSettings)) as Record<
          string,
          unknown
        >;
        setTimeout(() => callback?.({ status: "succeeded", value: settings }), 0);
      },
    };
    return {
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      HostType: { Excel: "Excel" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string): boolean =>
            name === "ExcelApi"
              ? fake.supports(version ?? "1.1")
              : name === "Settings" || name === "DialogApi",
        },
        document: { settings },
      },
    };
  }

  // ------------------------------------------------------------------------------------------
  // Test controls: what a person does, or another Excel
  // ------------------------------------------------------------------------------------------

  sheet(name: string): SheetModel {
    const s = this.doc.byName(name);
    if (!s) throw new Error(`fake Excel: no sheet named “${name}”`);
    return s;
  }

  setProtected(name: string, on = true): void {
    this.sheet(name).protected_ = on;
  }

  /** A person types values (strings are read as Excel reads typing) into a range; change events fire. */
  userEdit(name: string, address: string, values: Scalar[][]): void {
    const s = this.sheet(name);
    const rect = parseLocal(address) as Rect;
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        const cell = s.ensure(rect.top + i, rect.left + j);
        if (typeof v === "string" && v.startsWith("=")) {
          cell.formula = v;
          cell.value = "";
        } else {
          cell.value = v;
          cell.formula = null;
        }
        s.tidy(rect.top + i, rect.left + j);
      })
    );
    this.dispatch([{ sheetId: s.id, rect, byAddIn: false }]);
  }

  setNote(name: string, address: string, content: string | null): void {
    const s = this.sheet(name);
    if (content === null) s.notes.delete(address);
    else s.notes.set(address, { content, author: "会计" });
  }

  setFill(name: string, address: string, rgb: string | null): void {
    const s = this.sheet(name);
    const rect = parseLocal(address) as Rect;
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        s.ensure(r, c).fill = rgb ? `#${rgb.replace(/^#/, "").toUpperCase()}` : null;
        s.tidy(r, c);
      }
  }

  activate(name: string): void {
    this.doc.activeSheetId = this.sheet(name).id;
  }

  /** Copies a sheet (cells, merges, notes, fills) under a new name at the end. */
  copySheet(from: string, to: string): void {
    this.doc.importSheet(this.sheet(from), to);
  }

  /** A person renames a tab (its id stays). */
  renameSheet(name: string, to: string): void {
    this.sheet(name).name = to;
  }

  removeSheet(name: string): void {
    const s = this.sheet(name);
    this.doc.sheets = this.doc.sheets.filter((x) => x !== s);
    if (this.doc.activeSheetId === s.id) this.doc.activeSheetId = this.doc.sheets[0]?.id ?? null;
  }

  resetCounters(): void {
    this.syncs = 0;
    this.syncLog.length = 0;
    this.notLoadedReads.length = 0;
    this.failedSyncs.length = 0;
  }

  /** The workbook as it would open again after saving: the document and the settings saved with it. */
  reopen(options: FakeExcelOptions = {}): FakeExcel {
    return new FakeExcel(this.doc.clone(), {
      excelApi: options.excelApi ?? this.excelApi,
      payloadLimit: options.payloadLimit ?? this.payloadLimit,
      author: options.author ?? this.author,
    });
  }

  // ------------------------------------------------------------------------------------------
  // Dumps for assertions
  // ------------------------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.doc.sheets.map((s) => s.name);
  }

  visibility(name: string): string {
    return this.sheet(name).visibility;
  }

  charts(name: string): ChartModel[] {
    return this.sheet(name).charts.map((c) => ({ ...c }));
  }

  get activeSheet(): string | null {
    return this.doc.sheets.find((s) => s.id === this.doc.activeSheetId)?.name ?? null;
  }

  get selection(): { sheet: string; address: string } | null {
    return this.doc.selection;
  }

  cell(name: string, address: string): CellDump {
    const s = this.sheet(name);
    const p = parseLocal(address) as Rect;
    const c: CellModel | undefined = s.get(p.top, p.left);
    const local = cellAddress(p.top, p.left);
    return {
      value: c && c.value !== "" ? c.value : null,
      formula: c?.formula ?? null,
      numberFormat: c?.numberFormat ?? "General",
      note: s.notes.get(local)?.content ?? null,
      comment: s.comments.get(local)?.content ?? null,
      fill: c?.fill ? c.fill.slice(1) : null,
    };
  }

  /** Every cell of a sheet that holds anything (value, format, fill, note, comment), by address. */
  dump(name: string): Record<string, CellDump> {
    const s = this.sheet(name);
    const addresses = new Set<string>([...s.notes.keys(), ...s.comments.keys()]);
    for (const k of s.cells.keys())
      addresses.add(cellAddress(Math.floor(k / MAX_COLS) + 1, (k % MAX_COLS) + 1));
    const out: Record<string, CellDump> = {};
    for (const a of [...addresses].sort()) out[a] = this.cell(name, a);
    return out;
  }

  /**
   * The sheet as a Grid, straight from the document (the truth a host's reading is compared
   * with): the used range of values, formulas where a cell has one, number formats, merges, every
   * note (or comment) and fill. A number in a date format reads as its ISO date, as the hosts do.
   */
  grid(name: string): Grid {
    const s = this.sheet(name);
    const rect = s.usedRect(true);
    const notes: Record<string, string> = {};
    for (const [a, n] of s.comments) notes[a] = n.content;
    for (const [a, n] of s.notes) notes[a] = n.content;
    const fills: Record<string, string> = {};
    for (const [k, c] of s.cells)
      if (c.fill)
        fills[cellAddress(Math.floor(k / MAX_COLS) + 1, (k % MAX_COLS) + 1)] = c.fill.slice(1);
    const merges = s.merges.map(rectAddress);
    if (!rect)
      return {
        sheet: s.name,
        origin: "A1",
        values: [],
        formulas: [],
        numberFormats: [],
        merges,
        protected: s.protected_,
        notes,
        fills,
      };
    const values: Scalar[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const v: Scalar[] = [];
      const f: (string | null)[] = [];
      const n: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = s.get(r, c);
        const format = cell?.numberFormat ?? "General";
        const value = cell?.value ?? "";
        v.push(typeof value === "number" && isDateFormat(format) ? isoFromSerial(value) : value);
        f.push(cell?.formula ?? null);
        n.push(format);
      }
      values.push(v);
      formulas.push(f);
      numberFormats.push(n);
    }
    return {
      sheet: s.name,
      origin: cellAddress(rect.top, rect.left),
      values,
      formulas,
      numberFormats,
      merges,
      protected: s.protected_,
      notes,
      fills,
    };
  }
}

export function isDateFormat(format: string): boolean {
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(f) && !/^General$/i.test(f);
}

export function isoFromSerial(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

// ---------------------------------------------------------------------------------------------
// Globals
// ---------------------------------------------------------------------------------------------

const GLOBALS = ["Excel", "Office", "OfficeExtension"] as const;

/** Sets the globals Excel, Office and OfficeExtension to the fake's; returns the function that puts back what was there. */
export function installFakeExcel(fake: FakeExcel): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = GLOBALS.map((k) => [k, Object.prototype.hasOwnProperty.call(g, k), g[k]] as const);
  g.Excel = fake.Excel;
  g.Office = fake.Office;
  g.OfficeExtension = fake.OfficeExtension;
  return () => {
    for (const [k, had, v] of before) {
      if (had) g[k] = v;
      else delete g[k];
    }
  };
}
