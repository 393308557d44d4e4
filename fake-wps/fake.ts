/**
 * A strict fake of WPS Spreadsheets' JS object model (the `wps` global of a WPS 加载项) over
 * fake-excel's document model: `wps.EtApplication()` → ActiveWorkbook → Worksheets → Range…,
 * synchronous as WPS is; ApiEvent's SheetChange; CreateTaskPane; PluginStorage. Every member read,
 * write or call is counted (`calls`); a member WPS does not have throws (strict.ts).
 *
 *   const fake = new FakeWps(doc);          // doc: fake-excel's DocumentModel
 *   globalThis.wps = fake.global();
 *   …
 *   fake.calls; fake.type("Sheet1", "H6", 5);   // a person's edit, with its SheetChange
 *
 * Runs in Node and in a browser (imports nothing of Node's); index.ts loads it from an .xlsx.
 */
import type { Rect } from "../src/address";
import { parseRange, rectAddress } from "../src/address";
import { DocumentModel, type SheetModel } from "../fake-excel/model";
import * as M from "./members";
import { FakeRange } from "./range";
import {
  FakeChartObjects,
  FakeComment,
  FakeComments,
  FakeFont,
  FakeInterior,
  FakeWorksheet,
  FakeWorksheets,
  type SheetBook,
} from "./sheet";
import { CallCounter, strict, TARGET } from "./strict";

type Listener = (...args: unknown[]) => void;

export class FakeWps implements SheetBook {
  readonly counter = new CallCounter();
  readonly userName = "测试用户";
  enableEvents = true;
  displayAlerts = true;
  screenUpdating = true;
  readonly storage = new Map<string, string>();
  readonly taskPanes: { url: string; title: string; Visible: boolean; ID: number }[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(
    readonly doc: DocumentModel,
    readonly fullName = "C:\\用户\\文档\\自评表.xlsx"
  ) {}

  get calls(): number {
    return this.counter.calls;
  }

  // ---- the faces --------------------------------------------------------------------------

  face<T extends object>(kind: string, members: readonly string[], target: T): T {
    return strict(kind, members, target, this.counter);
  }

  range(sheet: SheetModel, rect: Rect): FakeRange {
    return this.face("Range", M.RANGE, new FakeRange(this, sheet, rect));
  }

  sheetFace(sheet: SheetModel): unknown {
    return this.face("Worksheet", M.WORKSHEET, new FakeWorksheet(this, sheet));
  }

  interior(range: FakeRange): unknown {
    return this.face("Interior", M.INTERIOR, new FakeInterior(unwrap(range)));
  }

  font(range: FakeRange): unknown {
    return this.face("Font", M.FONT, new FakeFont(unwrap(range)));
  }

  comment(sheet: SheetModel, address: string): unknown {
    return this.face("Comment", M.COMMENT, new FakeComment(this, sheet, address));
  }

  comments(sheet: SheetModel): unknown {
    return this.face("Comments", M.COMMENTS, new FakeComments(this, sheet));
  }

  chartObjects(sheet: SheetModel): unknown {
    return this.face("ChartObjects", M.CHART_OBJECTS, new FakeChartObjects(this, sheet));
  }

  // ---- the workbook -----------------------------------------------------------------------

  sheets(): SheetModel[] {
    return this.doc.sheets;
  }

  addSheet(position: number): SheetModel {
    let n = this.doc.sheets.length + 1;
    while (this.doc.byName(`Sheet${n}`)) n++;
    return this.doc.addSheet(`Sheet${n}`, position);
  }

  removeSheet(sheet: SheetModel): void {
    this.doc.sheets = this.doc.sheets.filter((s) => s !== sheet);
    if (this.doc.activeSheetId === sheet.id)
      this.doc.activeSheetId = this.doc.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
  }

  isActive(sheet: SheetModel): boolean {
    return this.doc.activeSheetId === sheet.id;
  }

  activate(sheet: SheetModel): void {
    this.doc.activeSheetId = sheet.id;
  }

  select(sheet: SheetModel, rect: Rect): void {
    this.doc.selection = { sheet: sheet.name, address: rectAddress(rect) };
  }

  newId(prefix: string): string {
    return this.doc.newId(prefix);
  }

  changed(sheet: SheetModel, rect: Rect): void {
    if (!this.enableEvents) return;
    for (const l of this.listeners.get("SheetChange") ?? [])
      l(this.sheetFace(sheet), this.range(sheet, rect));
  }

  private active(): SheetModel {
    const s = this.doc.sheets.find((x) => x.id === this.doc.activeSheetId) ?? this.doc.sheets[0];
    return s;
  }

  /** The `wps` global a WPS 加载项's page sees. */
  global(): unknown {
    const book = this.face("Workbook", M.WORKBOOK, new FakeWorkbook(this));
    const app = this.face("Application", M.APPLICATION, new FakeApplication(this, book));
    return {
      EtApplication: () => {
        this.counter.count("wps", "EtApplication");
        return app;
      },
      ApiEvent: {
        AddApiEventListener: (name: string, callback: Listener) => {
          this.counter.count("ApiEvent", "AddApiEventListener");
          this.listeners.set(name, [...(this.listeners.get(name) ?? []), callback]);
        },
        RemoveApiEventListener: (name: string, callback?: Listener) => {
          this.counter.count("ApiEvent", "RemoveApiEventListener");
          const kept = callback
            ? (this.listeners.get(name) ?? []).filter((l) => l !== callback)
            : [];
          this.listeners.set(name, kept);
        },
      },
      CreateTaskPane: (url: string, title: string) => {
        const pane = { url, title, Visible: false, ID: this.taskPanes.length + 1 };
        this.taskPanes.push(pane);
        return pane;
      },
      GetTaskPane: (id: number | string) => this.taskPanes.find((p) => p.ID === Number(id)),
      PluginStorage: {
        getItem: (key: string) => this.storage.get(key) ?? null,
        setItem: (key: string, value: string) => void this.storage.set(key, value),
      },
    };
  }

  // ---- what a person does (tests) ----------------------------------------------------------

  /** A person types into a cell: the value as typing gives it, then SheetChange. */
  type(sheet: string, address: string, value: string | number | boolean): void {
    const s = this.doc.byName(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const r = unwrap(this.range(s, parseRange(address)));
    r.Value2 = value;
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  activeSheetName(): string {
    return this.active().name;
  }
}

class FakeWorkbook {
  constructor(readonly fake: FakeWps) {}

  get Worksheets(): unknown {
    return this.fake.face("Worksheets", M.WORKSHEETS, new FakeWorksheets(this.fake));
  }

  get ActiveSheet(): unknown {
    return this.fake.sheetFace(
      this.fake.doc.sheets.find((s) => this.fake.isActive(s)) ?? this.fake.doc.sheets[0]
    );
  }

  get Name(): string {
    return this.fake.fullName.split(/[\\/]/).pop() ?? "";
  }

  get FullName(): string {
    return this.fake.fullName;
  }
}

class FakeApplication {
  constructor(
    readonly fake: FakeWps,
    readonly book: unknown
  ) {}

  get ActiveWorkbook(): unknown {
    return this.book;
  }

  get ActiveSheet(): unknown {
    return (this.book as FakeWorkbook).ActiveSheet;
  }

  get EnableEvents(): boolean {
    return this.fake.enableEvents;
  }

  set EnableEvents(on: boolean) {
    this.fake.enableEvents = !!on;
  }

  get ScreenUpdating(): boolean {
    return this.fake.screenUpdating;
  }

  set ScreenUpdating(on: boolean) {
    this.fake.screenUpdating = !!on;
  }

  get DisplayAlerts(): boolean {
    return this.fake.displayAlerts;
  }

  set DisplayAlerts(on: boolean) {
    this.fake.displayAlerts = !!on;
  }
}

/** The plain object behind a face (the fake's own code works on it uncounted). */
function unwrap<T extends object>(face: T): T {
  return ((face as Record<symbol, unknown>)[TARGET] as T | undefined) ?? face;
}
