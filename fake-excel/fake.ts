/**
 * A strict fake of the parts of the Excel JavaScript API the add-in uses, over a workbook loaded
 * from an .xlsx with ExcelJS. See api.ts for how the proxies behave; this module is the fake as a
 * whole: `Excel.run`, the sync counter and payload estimate, requirement sets, change events, and
 * the test controls and dumps by sheet name.
 *
 *   const fake = await loadFakeExcel("samples/004-fengtai-2020.xlsx", { excelApi: "1.12" });
 *   const uninstall = installFakeExcel(fake);   // globals Excel, Office, OfficeExtension
 *   …
 *   fake.syncs; fake.cell("《丰台报》相关费用", "I6"); uninstall();
 *
 * Nothing here is installed by importing it: only `installFakeExcel` sets the globals.
 *
 * FakeExcel stays one class (it is the FakeHost the proxies hold, and the object tests hold); what
 * is not the round trip itself lives in plain functions over the model, which its methods of the
 * same names call:
 *
 * - roundTrip.ts: what a sync does with its queue (payload checks, actions, commits), change events
 * - officeGlobals.ts: the Excel, Office and OfficeExtension globals (enums, requirement sets,
 *   document settings), compareVersions, installFakeExcel
 * - userActions.ts: what a person does (typing, notes and fills by hand, a sheet removed)
 * - cellEdit.ts: a person still typing in a cell (InvalidOperationInCellEditMode, delayForCellEdit)
 * - dumps.ts: a cell, a sheet's cells, a sheet as a Grid, for assertions
 * - cellValues.ts (through model.ts): isDateFormat, isoFromSerial
 *
 * This module runs in Node (jest, the benchmark) and in a browser (the workbench): it imports
 * nothing of Node's. Loading from an .xlsx file is index.ts's job.
 */
import type { Grid } from "../src/form/grid";
import {
  FakeContext,
  type ChangeRecord,
  type FakeHost,
  type Handler,
  type SyncRecord,
} from "./api";
import { FakeOfficeError } from "./errors";
import { objectPathBytes } from "./host";
// the sheet-finishing APIs (borders, links, frozen panes, filters, print titles) join the proxies
import "./format";
// Range.setCellProperties (borders, font, alignment)
import "./cellLook";
import { CellEditMode, delayForCellEdit } from "./cellEdit";
import { cellDump, sheetDump, sheetGrid, type CellDump } from "./dumps";
import { DocumentModel, type ChartModel, type Scalar, type SheetModel } from "./model";
import {
  compareVersions,
  excelNamespace,
  officeExtensionNamespace,
  officeNamespace,
  openSettings,
  type SettingsStore,
} from "./officeGlobals";
import { commitSync, deliverChanges } from "./roundTrip";
import * as user from "./userActions";

export { FakeOfficeError } from "./errors";
export type { CellDump } from "./dumps";
export { isDateFormat, isoFromSerial } from "./model";
export { compareVersions, installFakeExcel } from "./officeGlobals";
export type { SyncRecord } from "./api";

export interface FakeExcelOptions {
  /** The highest ExcelApi requirement set this Excel supports ("1.18" by default; "1.12" has no notes and no merged-area API). */
  readonly excelApi?: string;
  /** Bytes a single sync's request or response may carry (Excel on the web: 5 MB). */
  readonly payloadLimit?: number;
  /** Who notes and comments the add-in writes are by. */
  readonly author?: string;
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
  /** A person typing in a cell (cellEdit.ts): startCellEdit / endCellEdit. */
  readonly cellEdit = new CellEditMode();
  private handlerIds = 1;
  /** The add-in's document settings as set (Office.context.document.settings) and as saved. */
  private settings: SettingsStore;
  private readonly openContexts = new Set<FakeContext>();

  constructor(
    readonly doc: DocumentModel,
    options: FakeExcelOptions = {}
  ) {
    this.excelApi = options.excelApi ?? "1.18";
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
    this.author = options.author ?? "绩效自评加载项";
    this.settings = openSettings(doc);
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
    try {
      await this.cellEdit.gate(ctx.delayForCellEdit && this.supports("1.11"));
    } catch (e) {
      this.syncs++; // a round trip that Excel refused: nothing of the batch ran
      this.failedSyncs.push((e as FakeOfficeError).code);
      throw e;
    }
    this.syncs++;
    this.beforeSync?.(this.syncs);
    const request = 300 + actions.reduce((n, a) => n + a.request, 0) + objectPathBytes(actions);
    const record: SyncRecord = { request, response: 0, actions: actions.length, error: null };
    this.syncLog.push(record);
    try {
      await commitSync(actions, record, {
        payloadLimit: this.payloadLimit,
        failedSyncs: this.failedSyncs,
        dispatch: (changes) => this.dispatch(changes),
      });
    } finally {
      this.afterSync?.(record);
    }
  }

  /** Change events, delivered after the sync as Excel does (asynchronously). */
  private dispatch(changes: readonly ChangeRecord[], source: "Local" | "Remote" = "Local"): void {
    deliverChanges(this.handlers, changes, source, this.supports("1.14"));
  }

  // ------------------------------------------------------------------------------------------
  // The globals
  // ------------------------------------------------------------------------------------------

  /**
   * Excel.run(batch), Excel.run(previousContextOrObject, batch) to go on with an earlier context
   * (an event handler's), or Excel.run(options, batch) with Excel.RunOptions (delayForCellEdit).
   */
  run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T>;
  run<T>(
    previous: FakeContext | { context: FakeContext } | { delayForCellEdit?: boolean },
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
    if (!previous) ctx.delayForCellEdit = delayForCellEdit(first);
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
    return excelNamespace(this.run.bind(this));
  }

  get OfficeExtension(): Record<string, unknown> {
    return officeExtensionNamespace();
  }

  get Office(): Record<string, unknown> {
    return officeNamespace(this, this.settings);
  }

  // ------------------------------------------------------------------------------------------
  // Test controls: what a person does, or another Excel (userActions.ts)
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
    this.dispatch([user.userEdit(this.sheet(name), address, values)]);
  }

  /** A co-author's edit (Excel on the web, a shared workbook): change events with source Remote. */
  remoteEdit(name: string, address: string, values: Scalar[][]): void {
    this.dispatch([user.userEdit(this.sheet(name), address, values)], "Remote");
  }

  /** A person starts typing in a cell: batches fail, or wait with delayForCellEdit (cellEdit.ts). */
  startCellEdit(name: string, address: string): void {
    this.sheet(name);
    this.cellEdit.start(name, address);
  }

  /** The person presses Enter: what they typed is in the cell, its change event fires, waiting batches run. */
  endCellEdit(value: Scalar): void {
    const editing = this.cellEdit.editing;
    if (!editing) throw new Error("fake Excel: no cell is being edited");
    this.userEdit(editing.sheet, editing.address, [[value]]);
    this.cellEdit.end();
  }

  setNote(name: string, address: string, content: string | null): void {
    user.setNote(this.sheet(name), address, content);
  }

  setFill(name: string, address: string, rgb: string | null): void {
    user.setFill(this.sheet(name), address, rgb);
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
    user.removeSheet(this.doc, this.sheet(name));
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
    return cellDump(this.sheet(name), address);
  }

  /** Every cell of a sheet that holds anything (value, format, fill, note, comment), by address. */
  dump(name: string): Record<string, CellDump> {
    return sheetDump(this.sheet(name));
  }

  /** The sheet as a Grid, straight from the document (dumps.ts). */
  grid(name: string): Grid {
    return sheetGrid(this.sheet(name));
  }
}
