/**
 * The proxy objects of the fake Excel JavaScript API, behaving as Office.js does:
 *
 * - A proxy is a path to something in the document; nothing is read or written when it is made.
 * - `load()` queues a read; scalar properties throw PropertyNotLoaded until a load of them has
 *   been followed by `context.sync()` (a property that was only set is not readable either).
 * - Setting a property or calling a method queues an action; the document changes only when
 *   `context.sync()` runs the queue, in order. A failing action rejects the sync; the actions
 *   before it stay applied, the ones after it are dropped (Excel runs a batch, it is no transaction).
 * - An API of a newer requirement set than the fake is configured for fails at sync with
 *   ApiNotFound, as on an older Excel.
 * - A proxy belongs to its request context; using it after its `Excel.run` ended fails.
 *
 * Payload sizes are estimated per sync: a request larger than the limit is refused before anything
 * runs; a response larger than it fails after the actions ran (as Excel on the web does).
 */
import {
  toAddress as cellAddress,
  columnCount as cols,
  containsRect as contains,
  intersects,
  readRange as parseLocal,
  qualified,
  rectAddress,
  rowCount as rows,
  splitSheet,
  WHOLE_SHEET,
  type Rect,
} from "../src/address";
import { lookProperties } from "./lookModel";
import { accessDenied, apiNotFound, FakeOfficeError, propertyNotLoaded } from "./errors";
import {
  coerceInput,
  displayText,
  evaluateFormula,
  normalizeLocal,
  type ChartModel,
  type DocumentModel,
  type Scalar,
  type SheetModel,
  type Visibility,
} from "./model";

// ---------------------------------------------------------------------------------------------
// The host: what the proxies need of the fake as a whole
// ---------------------------------------------------------------------------------------------

export interface SyncRecord {
  /** Estimated request and response sizes in bytes. */
  readonly request: number;
  response: number;
  readonly actions: number;
  error: string | null;
}

export interface ChangeRecord {
  readonly sheetId: string;
  readonly rect: Rect;
  readonly byAddIn: boolean;
}

export interface Handler {
  readonly scope: string | null; // a worksheet id, or null for every worksheet
  readonly fn: (args: Record<string, unknown>) => unknown;
  readonly id: number;
}

export interface FakeHost {
  readonly doc: DocumentModel;
  readonly payloadLimit: number;
  readonly notLoadedReads: string[];
  supports(version: string): boolean;
  sync(ctx: FakeContext): Promise<void>;
  handlers: Handler[];
  nextHandlerId(): number;
  author: string;
}

export interface ActionResult {
  readonly response: number;
  readonly commit?: () => void;
}

export interface Action {
  readonly label: string;
  readonly request: number;
  run(changes: ChangeRecord[]): ActionResult | void;
}

/** UTF-8 bytes of a JSON value: the wire size of a payload. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Per object path and per action, what Office.js puts around the data in a request. */
const ACTION_BYTES = 200;

// ---------------------------------------------------------------------------------------------
// The request context
// ---------------------------------------------------------------------------------------------

export class FakeContext {
  readonly workbook: FakeWorkbook;
  pending: Action[] = [];
  ended = false;
  readonly trackedObjects = { add(): void {}, remove(): void {} };

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  check(): void {
    if (this.ended)
      throw new FakeOfficeError(
        "InvalidRequestContext",
        "Cannot use the object across different request contexts (its Excel.run has ended).",
        "RequestContext"
      );
  }

  queue(action: Action): void {
    this.check();
    this.pending.push(action);
  }

  requires(version: string, api: string): boolean {
    if (this.host.supports(version)) return true;
    this.queue({
      label: api,
      request: ACTION_BYTES,
      run: () => {
        throw apiNotFound(api, version);
      },
    });
    return false;
  }

  load<T extends { load(spec?: LoadSpec): unknown }>(object: T, spec?: LoadSpec): T {
    object.load(spec);
    return object;
  }

  async sync<T>(passThrough?: T): Promise<T> {
    await this.host.sync(this);
    return passThrough as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Load specifications
// ---------------------------------------------------------------------------------------------

export type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(spec: LoadSpec): string[][] {
  if (spec === undefined) return [[]];
  const parts =
    typeof spec === "string"
      ? spec.split(",")
      : Array.isArray(spec)
        ? spec
        : [...(spec.select ?? "").split(","), ...(spec.expand ?? "").split(",")];
  const paths = parts.map((p) => p.trim()).filter((p) => p !== "");
  return paths.length ? paths.map((p) => p.split("/").map((s) => s.trim())) : [[]];
}

// ---------------------------------------------------------------------------------------------
// The base proxy
// ---------------------------------------------------------------------------------------------

interface LoadResult {
  response: number;
  commits: (() => void)[];
}

/** Anything a load path can go through: a proxy or a collection. */
interface Loadable {
  loadNow(paths: string[][]): LoadResult;
}

type Scalars<T> = Record<string, { read: (t: T) => unknown; version?: string }>;

export abstract class FakeObject<T> {
  private cache: { value: T | null } | undefined;
  private readonly loaded = new Map<string, unknown>();
  private isNull: boolean | undefined;
  private readonly navCache = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    private readonly nullable: boolean
  ) {}

  abstract get className(): string;
  protected scalars(): Scalars<T> {
    return {};
  }
  protected navs(): Record<string, () => Loadable> {
    return {};
  }

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    this.ctx.check();
    if (this.isNull === undefined) {
      this.ctx.host.notLoadedReads.push(`${this.className}.isNullObject`);
      throw propertyNotLoaded(`${this.className}.isNullObject`);
    }
    return this.isNull;
  }

  /** The document object behind the proxy, resolved when an action first needs it (at sync). */
  target(): T | null {
    if (this.cache) return this.cache.value;
    const value = this.resolver();
    if (value === null && !this.nullable)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist. (${this.className})`,
        this.className
      );
    this.cache = { value };
    return value;
  }

  need(): T {
    const t = this.target();
    if (t === null)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The object is a null object. (${this.className})`,
        this.className
      );
    return t;
  }

  protected nav<N>(name: string, make: () => N): N {
    let n = this.navCache.get(name);
    if (!n) {
      n = make();
      this.navCache.set(name, n);
    }
    return n as N;
  }

  load(spec?: LoadSpec): this {
    this.ctx.check();
    const paths = loadPaths(spec);
    this.ctx.queue({
      label: `${this.className}.load(${JSON.stringify(spec ?? "")})`,
      request: ACTION_BYTES + jsonBytes(spec ?? ""),
      run: () => {
        const r = this.loadNow(paths);
        return { response: r.response, commit: () => r.commits.forEach((c) => c()) };
      },
    });
    return this;
  }

  /** Runs a load at sync time: the snapshot of the requested properties, committed if the sync succeeds. */
  loadNow(paths: string[][]): LoadResult {
    const t = this.target();
    const scalars = this.scalars();
    const navs = this.navs();
    const names = new Set<string>();
    const out: LoadResult = { response: 20, commits: [] };
    for (const path of paths) {
      if (path.length === 0) {
        for (const [name, s] of Object.entries(scalars))
          if (!s.version || this.ctx.host.supports(s.version)) names.add(name);
        continue;
      }
      const [head, ...rest] = path;
      if (head === "isNullObject") continue;
      if (rest.length === 0 && scalars[head]) {
        const v = scalars[head].version;
        if (v && !this.ctx.host.supports(v)) throw apiNotFound(`${this.className}.${head}`, v);
        names.add(head);
        continue;
      }
      const nav = navs[head];
      if (nav) {
        const r = nav().loadNow([rest]);
        out.response += r.response;
        out.commits.push(...r.commits);
        continue;
      }
      throw new FakeOfficeError(
        "InvalidArgument",
        `The property '${head}' does not exist on ${this.className}.`,
        this.className
      );
    }
    const snapshot: [string, unknown][] = [...names].map((n) => [
      n,
      t === null ? null : scalars[n].read(t),
    ]);
    out.response += jsonBytes(snapshot);
    out.commits.push(() => {
      this.isNull = t === null;
      for (const [n, v] of snapshot) this.loaded.set(n, v);
    });
    return out;
  }

  protected get<V>(name: string): V {
    this.ctx.check();
    if (!this.loaded.has(name)) {
      this.ctx.host.notLoadedReads.push(`${this.className}.${name}`);
      throw propertyNotLoaded(`${this.className}.${name}`);
    }
    return this.loaded.get(name) as V;
  }

  /** Queues a change to the document, applied at sync. */
  protected act(
    label: string,
    payload: unknown,
    run: (t: T, changes: ChangeRecord[]) => void
  ): void {
    this.ctx.queue({
      label: `${this.className}.${label}`,
      request: ACTION_BYTES + jsonBytes(payload ?? null),
      run: (changes) => {
        run(this.need(), changes);
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` (after load + sync) of item proxies bound to the items that existed then. */
export abstract class FakeCollection<M, I extends FakeObject<M>> extends FakeObject<M[]> {
  private loadedItems: I[] | undefined;

  protected abstract item(model: M): I;

  get items(): I[] {
    this.ctx.check();
    if (!this.loadedItems) {
      this.ctx.host.notLoadedReads.push(`${this.className}.items`);
      throw propertyNotLoaded(`${this.className}.items`);
    }
    return this.loadedItems;
  }

  loadNow(paths: string[][]): LoadResult {
    const list = this.need();
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p));
    const items = list.map((m) => this.item(m));
    const out: LoadResult = { response: 20, commits: [] };
    for (const it of items) {
      const r = it.loadNow(itemPaths);
      out.response += r.response;
      out.commits.push(...r.commits);
    }
    out.commits.push(() => {
      this.loadedItems = items;
    });
    return out;
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>(this.ctx, `${this.className}.getCount`);
    this.ctx.queue({
      label: `${this.className}.getCount`,
      request: ACTION_BYTES,
      run: () => {
        const n = this.need().length;
        return { response: 10, commit: () => result.set(n) };
      },
    });
    return result;
  }
}

export class FakeClientResult<V> {
  private has = false;
  private v: V | undefined;

  constructor(
    private readonly ctx: FakeContext,
    private readonly label: string
  ) {}

  set(v: V): void {
    this.v = v;
    this.has = true;
  }

  get value(): V {
    this.ctx.check();
    if (!this.has) {
      this.ctx.host.notLoadedReads.push(`${this.label}.value`);
      throw new FakeOfficeError(
        "ValueNotLoaded",
        `The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.`,
        this.label
      );
    }
    return this.v as V;
  }
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly scope: () => string | null,
    private readonly label: string
  ) {}

  add(fn: (args: Record<string, unknown>) => unknown): { context: FakeContext; remove(): void } {
    const host = this.ctx.host;
    const id = host.nextHandlerId();
    this.ctx.queue({
      label: `${this.label}.add`,
      request: ACTION_BYTES,
      run: () => {
        host.handlers.push({ scope: this.scope(), fn, id });
      },
    });
    const ctx = this.ctx;
    return {
      context: ctx,
      remove(): void {
        ctx.queue({
          label: "EventHandlerResult.remove",
          request: ACTION_BYTES,
          run: () => {
            host.handlers = host.handlers.filter((h) => h.id !== id);
          },
        });
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook and worksheets
// ---------------------------------------------------------------------------------------------

export class FakeWorkbook extends FakeObject<DocumentModel> {
  get className(): string {
    return "Workbook";
  }

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.doc, false);
  }

  protected scalars(): Scalars<DocumentModel> {
    return { name: { read: () => "Book1.xlsx" } };
  }

  protected navs(): Record<string, () => Loadable> {
    return { worksheets: () => this.worksheets };
  }

  get worksheets(): FakeWorksheetCollection {
    return this.nav("worksheets", () => new FakeWorksheetCollection(this.ctx));
  }

  get notes(): FakeNoteCollection {
    this.ctx.requires("1.18", "Workbook.notes");
    return this.nav("notes", () => new FakeNoteCollection(this.ctx, null));
  }

  get comments(): FakeCommentCollection {
    this.ctx.requires("1.10", "Workbook.comments");
    return this.nav("comments", () => new FakeCommentCollection(this.ctx, null));
  }

  getSelectedRange(): FakeRange {
    const doc = this.ctx.host.doc;
    return new FakeRange(this.ctx, () => {
      const sel = doc.selection;
      const sheet = sel
        ? doc.byName(sel.sheet)
        : doc.sheets.find((s) => s.id === doc.activeSheetId);
      if (!sheet) return null;
      return { sheet, rect: parseLocal(sel?.address ?? "A1") as Rect };
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> {
  get className(): string {
    return "WorksheetCollection";
  }

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.doc.sheets, false);
  }

  protected item(model: SheetModel): FakeWorksheet {
    const doc = this.ctx.host.doc;
    return new FakeWorksheet(this.ctx, () => (doc.sheets.includes(model) ? model : null), false);
  }

  getItem(key: string): FakeWorksheet {
    const doc = this.ctx.host.doc;
    return new FakeWorksheet(this.ctx, () => doc.byKey(key) ?? null, false);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.requires("1.4", "WorksheetCollection.getItemOrNullObject");
    const doc = this.ctx.host.doc;
    return new FakeWorksheet(this.ctx, () => doc.byKey(key) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const doc = this.ctx.host.doc;
    return new FakeWorksheet(
      this.ctx,
      () => doc.sheets.find((s) => s.id === doc.activeSheetId) ?? null,
      false
    );
  }

  add(name?: string): FakeWorksheet {
    const doc = this.ctx.host.doc;
    let created: SheetModel | null = null;
    this.ctx.queue({
      label: `WorksheetCollection.add(${name ?? ""})`,
      request: ACTION_BYTES + jsonBytes(name ?? ""),
      run: () => {
        let n = name;
        if (n === undefined) for (let i = 1; !n || doc.byName(n); i++) n = `Sheet${i}`;
        if (
          n.length === 0 ||
          n.length > 31 ||
          /[[\]:*?/\\]/.test(n) ||
          n.startsWith("'") ||
          n.endsWith("'")
        )
          throw new FakeOfficeError(
            "InvalidArgument",
            `The worksheet name '${n}' is not valid.`,
            "WorksheetCollection.add"
          );
        if (doc.byName(n))
          throw new FakeOfficeError(
            "ItemAlreadyExists",
            `A worksheet named '${n}' already exists.`,
            "WorksheetCollection.add"
          );
        created = doc.addSheet(n);
      },
    });
    return new FakeWorksheet(this.ctx, () => created, false);
  }

  get onChanged(): FakeEventHandlers {
    this.ctx.requires("1.9", "WorksheetCollection.onChanged");
    return new FakeEventHandlers(this.ctx, () => null, "WorksheetCollection.onChanged");
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  get className(): string {
    return "Worksheet";
  }

  protected scalars(): Scalars<SheetModel> {
    const doc = this.ctx.host.doc;
    return {
      name: { read: (s) => s.name },
      id: { read: (s) => s.id },
      position: { read: (s) => doc.sheets.indexOf(s) },
      visibility: { read: (s) => s.visibility },
    };
  }

  protected navs(): Record<string, () => Loadable> {
    return {
      protection: () => this.protection,
      notes: () => this.notes,
      comments: () => this.comments,
      charts: () => this.charts,
    };
  }

  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(v: Visibility) {
    if (!this.ctx.requires("1.2", "Worksheet.visibility (set)")) return;
    const doc = this.ctx.host.doc;
    this.act("visibility=", v, (s) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v))
        throw new FakeOfficeError(
          "InvalidArgument",
          `Invalid visibility '${v}'.`,
          "Worksheet.visibility"
        );
      if (
        v !== "Visible" &&
        doc.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
      )
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.visibility"
        );
      s.visibility = v;
    });
  }

  get protection(): FakeWorksheetProtection {
    return this.nav(
      "protection",
      () => new FakeWorksheetProtection(this.ctx, () => this.target(), this.isNullable())
    );
  }

  get notes(): FakeNoteCollection {
    this.ctx.requires("1.18", "Worksheet.notes");
    return this.nav("notes", () => new FakeNoteCollection(this.ctx, this));
  }

  get comments(): FakeCommentCollection {
    this.ctx.requires("1.10", "Worksheet.comments");
    return this.nav("comments", () => new FakeCommentCollection(this.ctx, this));
  }

  get charts(): FakeChartCollection {
    return this.nav("charts", () => new FakeChartCollection(this.ctx, this));
  }

  get pageLayout(): FakePageLayout {
    this.ctx.requires("1.9", "Worksheet.pageLayout");
    return new FakePageLayout(this.ctx, () => this.target());
  }

  get onChanged(): FakeEventHandlers {
    this.ctx.requires("1.7", "Worksheet.onChanged");
    return new FakeEventHandlers(this.ctx, () => this.need().id, "Worksheet.onChanged");
  }

  private isNullable(): boolean {
    // the proxies hanging off a null worksheet are null too
    return true;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.need();
      if (address === undefined || address === "") return { sheet: s, rect: WHOLE_SHEET };
      const { sheet, local } = splitSheet(address);
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase())
        throw new FakeOfficeError(
          "InvalidArgument",
          `The address '${address}' is not on worksheet '${s.name}'.`,
          "Worksheet.getRange"
        );
      const rect = parseLocal(local);
      if (!rect)
        throw new FakeOfficeError(
          "InvalidArgument",
          `The argument is invalid or missing: '${address}'.`,
          "Worksheet.getRange"
        );
      return { sheet: s, rect };
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.requires("1.2", "Worksheet.getUsedRange(valuesOnly)");
    return new FakeRange(this.ctx, () => {
      const s = this.need();
      return {
        sheet: s,
        rect: s.usedRect(!!valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.requires("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.need();
        const rect = s.usedRect(!!valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
      true
    );
  }

  activate(): void {
    const doc = this.ctx.host.doc;
    this.act("activate", null, (s) => {
      if (s.visibility !== "Visible")
        throw new FakeOfficeError(
          "InvalidOperation",
          `A hidden worksheet cannot be activated: '${s.name}'.`,
          "Worksheet.activate"
        );
      doc.activeSheetId = s.id;
    });
  }

  delete(): void {
    const doc = this.ctx.host.doc;
    this.act("delete", null, (s) => {
      if (
        s.visibility === "Visible" &&
        doc.sheets.filter((x) => x.visibility === "Visible").length === 1
      )
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.delete"
        );
      doc.sheets = doc.sheets.filter((x) => x !== s);
      if (doc.activeSheetId === s.id)
        doc.activeSheetId = doc.sheets.find((x) => x.visibility === "Visible")?.id ?? null;
      if (doc.selection?.sheet === s.name) doc.selection = null;
    });
  }
}

export class FakeWorksheetProtection extends FakeObject<SheetModel> {
  get className(): string {
    return "WorksheetProtection";
  }

  constructor(ctx: FakeContext, parent: () => SheetModel | null, nullable: boolean) {
    super(ctx, parent, nullable);
    this.ctx.requires("1.2", "Worksheet.protection");
  }

  protected scalars(): Scalars<SheetModel> {
    return { protected: { read: (s) => s.protected_, version: "1.2" } };
  }

  get protected(): boolean {
    return this.get("protected");
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

type Grid2D = (Scalar | null)[][];

function shapeOf(input: unknown, r: Rect, label: string): Grid2D {
  const h = rows(r);
  const w = cols(r);
  if (!Array.isArray(input)) {
    // a single value is written to every cell of the range
    return Array.from({ length: h }, () => Array.from({ length: w }, () => input as Scalar | null));
  }
  const ok = input.length === h && input.every((row) => Array.isArray(row) && row.length === w);
  if (!ok)
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${label}: range ${h}×${w})`,
      label
    );
  return input as Grid2D;
}

/** Excel's limits on what one cell holds: 32,767 characters of text, 8,192 of a formula, 255 of a HYPERLINK location. */
function checkLimits(v: unknown, label: string): void {
  if (typeof v !== "string") return;
  if (v.startsWith("=")) {
    if (v.length > 8192)
      throw new FakeOfficeError(
        "FormulaLengthExceedsLimit",
        "The formula is longer than 8,192 characters.",
        label
      );
    const link = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(v);
    if (link && link[1].replace(/""/g, '"').length > 255)
      throw new FakeOfficeError(
        "InvalidArgument",
        "A HYPERLINK location is longer than 255 characters.",
        label
      );
  } else if (v.length > 32767)
    throw new FakeOfficeError(
      "InvalidArgument",
      "A cell can hold at most 32,767 characters.",
      label
    );
}

/** Reading more than this many cells at once would not come back from Excel on the web anyway. */
const READ_CELL_CAP = 2_000_000;

function assertWritable(t: RangeTarget, label: string): void {
  if (t.sheet.protected_) throw accessDenied(t.sheet.name, label);
}

export class FakeRange extends FakeObject<RangeTarget> {
  get className(): string {
    return "Range";
  }

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  private static grid<V>(t: RangeTarget, at: (row: number, col: number) => V): V[][] {
    const n = rows(t.rect) * cols(t.rect);
    if (n > READ_CELL_CAP)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit. (${n} cells)`,
        "Range"
      );
    const out: V[][] = [];
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      const line: V[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) line.push(at(r, c));
      out.push(line);
    }
    return out;
  }

  protected scalars(): Scalars<RangeTarget> {
    return {
      address: { read: (t) => qualified(t.sheet.name, t.rect) },
      addressLocal: { read: (t) => rectAddress(t.rect) },
      rowCount: { read: (t) => rows(t.rect) },
      columnCount: { read: (t) => cols(t.rect) },
      cellCount: { read: (t) => rows(t.rect) * cols(t.rect) },
      rowIndex: { read: (t) => t.rect.top - 1 },
      columnIndex: { read: (t) => t.rect.left - 1 },
      values: { read: (t) => FakeRange.grid(t, (r, c) => t.sheet.get(r, c)?.value ?? "") },
      formulas: {
        read: (t) =>
          FakeRange.grid(t, (r, c) => {
            const cell = t.sheet.get(r, c);
            return cell ? (cell.formula ?? cell.value) : "";
          }),
      },
      numberFormat: {
        read: (t) => FakeRange.grid(t, (r, c) => t.sheet.get(r, c)?.numberFormat ?? "General"),
      },
      text: {
        read: (t) =>
          FakeRange.grid(t, (r, c) => {
            const cell = t.sheet.get(r, c);
            return cell ? displayText(cell.value, cell.numberFormat) : "";
          }),
      },
    };
  }

  protected navs(): Record<string, () => Loadable> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get text(): string[][] {
    return this.get("text");
  }

  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(input: Scalar[][]) {
    this.write("values", input);
  }

  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(input: Scalar[][]) {
    this.write("formulas", input);
  }

  private write(kind: "values" | "formulas", input: unknown): void {
    this.act(`${kind}=`, input, (t, changes) => {
      assertWritable(t, `Range.${kind}`);
      const grid = shapeOf(input, t.rect, `Range.${kind}`);
      grid.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null || v === undefined) return;
          const row = t.rect.top + i;
          const col = t.rect.left + j;
          checkLimits(v, `Range.${kind}`);
          const cell = t.sheet.ensure(row, col);
          const c = coerceInput(v, evaluateFormula);
          cell.value = c.value;
          cell.formula = c.formula;
          cell.quotePrefix = c.quotePrefix;
          if (c.numberFormat && cell.numberFormat === "General") cell.numberFormat = c.numberFormat;
          t.sheet.tidy(row, col);
        })
      );
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(input: string[][]) {
    this.act("numberFormat=", input, (t, changes) => {
      assertWritable(t, "Range.numberFormat");
      const grid = shapeOf(input, t.rect, "Range.numberFormat");
      grid.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null || v === undefined) return;
          const row = t.rect.top + i;
          const col = t.rect.left + j;
          t.sheet.ensure(row, col).numberFormat = String(v);
          t.sheet.tidy(row, col);
        })
      );
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.ctx, () => this.target()));
  }

  get worksheet(): FakeWorksheet {
    return this.nav(
      "worksheet",
      () => new FakeWorksheet(this.ctx, () => this.target()?.sheet ?? null, false)
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.act("clear", applyTo, (t, changes) => {
      assertWritable(t, "Range.clear");
      for (const { row, col, cell } of [...t.sheet.cellsIn(t.rect)]) {
        if (applyTo !== "Formats") {
          cell.value = "";
          cell.formula = null;
          cell.quotePrefix = false;
        }
        if (applyTo !== "Contents") {
          cell.numberFormat = "General";
          cell.fill = null;
          cell.bold = false;
        }
        t.sheet.tidy(row, col);
      }
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  select(): void {
    const doc = this.ctx.host.doc;
    this.act("select", null, (t) => {
      if (t.sheet.visibility !== "Visible")
        throw new FakeOfficeError(
          "InvalidSelection",
          "The current selection is invalid for this operation.",
          "Range.select"
        );
      doc.activeSheetId = t.sheet.id;
      doc.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }

  /** Range.merge (ExcelApi 1.2): one merged area, or one a row with `across`. */
  merge(across = false): void {
    this.ctx.requires("1.2", "Range.merge");
    this.act("merge", across, (t) => {
      assertWritable(t, "Range.merge");
      const areas = across
        ? Array.from({ length: rows(t.rect) }, (_, i) => ({
            ...t.rect,
            top: t.rect.top + i,
            bottom: t.rect.top + i,
          }))
        : [t.rect];
      const overlaps = (a: Rect, b: Rect): boolean =>
        a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
      t.sheet.merges = [
        ...t.sheet.merges.filter((m) => !areas.some((a) => overlaps(a, m))),
        ...areas.filter((a) => a.left !== a.right || a.top !== a.bottom),
      ];
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requires("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const t = this.need();
        const inside = t.sheet.merges.filter(
          (m) =>
            m.top >= t.rect.top &&
            m.top <= t.rect.bottom &&
            m.left >= t.rect.left &&
            m.left <= t.rect.right
        );
        if (inside.length > 512)
          throw new FakeOfficeError(
            "GeneralException",
            "There are more than 512 merged areas in the range.",
            "Range.getMergedAreasOrNullObject"
          );
        return inside.length ? { sheet: t.sheet, rects: inside } : null;
      },
      true
    );
  }

  getCellProperties(options: {
    format?: { fill?: { color?: boolean; pattern?: boolean } } & Record<string, unknown>;
    address?: boolean;
  }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>(this.ctx, "Range.getCellProperties");
    if (!this.ctx.requires("1.9", "Range.getCellProperties")) return result;
    this.ctx.queue({
      label: "Range.getCellProperties",
      request: ACTION_BYTES + jsonBytes(options),
      run: () => {
        const t = this.need();
        const props = FakeRange.grid(t, (r, c) => {
          const cell = t.sheet.get(r, c);
          const out: Record<string, unknown> = {};
          if (options.address)
            out.address = qualified(t.sheet.name, { top: r, left: c, bottom: r, right: c });
          const fill = options.format?.fill;
          if (fill) {
            const f: Record<string, unknown> = {};
            if (fill.color) f.color = cell?.fill ?? "#FFFFFF";
            if (fill.pattern) f.pattern = cell?.fill ? "Solid" : "None";
            out.format = { fill: f };
          }
          // borders, font, alignment (cellLook.ts)
          if (options.format)
            out.format = { ...(out.format ?? {}), ...lookProperties(cell, options.format) };
          return out;
        });
        return { response: jsonBytes(props), commit: () => result.set(props) };
      },
    });
    return result;
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  get className(): string {
    return "RangeFormat";
  }

  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent, true);
  }

  protected scalars(): Scalars<RangeTarget> {
    return {
      columnWidth: {
        read: (t) => {
          const widths = new Set<number>();
          for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 100); c++)
            widths.add(t.sheet.columnWidths.get(c) ?? 48);
          return widths.size === 1 ? [...widths][0] : null;
        },
      },
    };
  }

  protected navs(): Record<string, () => Loadable> {
    return { fill: () => this.fill, font: () => this.font };
  }

  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(points: number) {
    this.act("columnWidth=", points, (t) => {
      assertWritable(t, "RangeFormat.columnWidth");
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  get fill(): FakeRangeFill {
    return this.nav("fill", () => new FakeRangeFill(this.ctx, () => this.target()));
  }

  get font(): FakeRangeFont {
    return this.nav("font", () => new FakeRangeFont(this.ctx, () => this.target()));
  }

  autofitColumns(): void {
    this.act("autofitColumns", null, (t) => assertWritable(t, "RangeFormat.autofitColumns"));
  }

  set rowHeight(points: number) {
    this.act("rowHeight=", points, (t) => {
      assertWritable(t, "RangeFormat.rowHeight");
      if (!(points >= 0 && points <= 409))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The row height ${points} is not valid.`,
          "RangeFormat.rowHeight"
        );
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, points);
    });
  }

  set wrapText(on: boolean) {
    this.act("wrapText=", on, (t) => {
      assertWritable(t, "RangeFormat.wrapText");
      t.sheet.formats.push({ rect: t.rect, wrapText: on });
    });
  }

  set verticalAlignment(v: string) {
    this.act("verticalAlignment=", v, (t) => {
      assertWritable(t, "RangeFormat.verticalAlignment");
      t.sheet.formats.push({ rect: t.rect, vertical: v });
    });
  }

  set horizontalAlignment(v: string) {
    this.act("horizontalAlignment=", v, (t) => {
      assertWritable(t, "RangeFormat.horizontalAlignment");
      t.sheet.formats.push({ rect: t.rect, horizontal: v });
    });
  }
}

const NAMED_COLORS: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  yellow: "#FFFF00",
};

function normalizeColor(color: string): string {
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  if (!m)
    throw new FakeOfficeError(
      "InvalidArgument",
      `The color '${color}' is not valid.`,
      "RangeFill.color"
    );
  return `#${m[1].toUpperCase()}`;
}

export class FakeRangeFill extends FakeObject<RangeTarget> {
  get className(): string {
    return "RangeFill";
  }

  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent, true);
  }

  private static uniform<V>(t: RangeTarget, at: (fill: string | null) => V): V | null {
    if (rows(t.rect) * cols(t.rect) > READ_CELL_CAP) return null;
    let first: { v: V } | undefined;
    for (let r = t.rect.top; r <= t.rect.bottom; r++)
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const v = at(t.sheet.get(r, c)?.fill ?? null);
        if (!first) first = { v };
        else if (first.v !== v) return null;
      }
    return first ? first.v : null;
  }

  protected scalars(): Scalars<RangeTarget> {
    return {
      // Excel reports a cell without a fill as white
      color: { read: (t) => FakeRangeFill.uniform(t, (f) => f ?? "#FFFFFF") },
      pattern: {
        read: (t) => FakeRangeFill.uniform(t, (f) => (f ? "Solid" : "None")),
        version: "1.9",
      },
    };
  }

  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.act("color=", color, (t, changes) => {
      assertWritable(t, "RangeFill.color");
      const c = normalizeColor(color);
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let k = t.rect.left; k <= t.rect.right; k++) t.sheet.ensure(r, k).fill = c;
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }

  get pattern(): string {
    return this.get("pattern");
  }

  clear(): void {
    this.act("clear", null, (t, changes) => {
      assertWritable(t, "RangeFill.clear");
      for (const { row, col, cell } of [...t.sheet.cellsIn(t.rect)]) {
        cell.fill = null;
        t.sheet.tidy(row, col);
      }
      changes.push({ sheetId: t.sheet.id, rect: t.rect, byAddIn: true });
    });
  }
}

export class FakeRangeFont extends FakeObject<RangeTarget> {
  get className(): string {
    return "RangeFont";
  }

  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent, true);
  }

  protected scalars(): Scalars<RangeTarget> {
    return { bold: { read: (t) => t.sheet.get(t.rect.top, t.rect.left)?.bold ?? false } };
  }

  get bold(): boolean {
    return this.get("bold");
  }
  set bold(on: boolean) {
    this.act("bold=", on, (t) => {
      assertWritable(t, "RangeFont.bold");
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          t.sheet.ensure(r, c).bold = on;
          t.sheet.tidy(r, c);
        }
    });
  }
}

export interface AreasTarget {
  readonly sheet: SheetModel;
  readonly rects: Rect[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  get className(): string {
    return "RangeAreas";
  }

  protected scalars(): Scalars<AreasTarget> {
    return {
      address: { read: (t) => t.rects.map((r) => qualified(t.sheet.name, r)).join(",") },
      areaCount: { read: (t) => t.rects.length },
      cellCount: { read: (t) => t.rects.reduce((n, r) => n + rows(r) * cols(r), 0) },
    };
  }

  protected navs(): Record<string, () => Loadable> {
    return { areas: () => this.areas };
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }

  get areas(): FakeRangeCollection {
    return this.nav(
      "areas",
      () =>
        new FakeRangeCollection(this.ctx, () => {
          const t = this.target();
          return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : [];
        })
    );
  }
}

export class FakeRangeCollection extends FakeCollection<RangeTarget, FakeRange> {
  get className(): string {
    return "RangeCollection";
  }

  constructor(ctx: FakeContext, list: () => RangeTarget[]) {
    super(ctx, list, false);
  }

  protected item(model: RangeTarget): FakeRange {
    return new FakeRange(this.ctx, () => model);
  }
}

// ---------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10)
// ---------------------------------------------------------------------------------------------

interface CellRef {
  readonly sheet: SheetModel;
  readonly address: string; // local, normalized ("H6")
}

/** A cell given as a Range proxy or an address string, resolved at sync. */
function resolveCell(
  doc: DocumentModel,
  scope: FakeWorksheet | null,
  cell: FakeRange | string,
  label: string,
  invalid = "InvalidArgument"
): CellRef {
  if (cell instanceof FakeRange) {
    const t = cell.need();
    if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right)
      throw new FakeOfficeError(invalid, "The range must be a single cell.", label);
    return { sheet: t.sheet, address: cellAddress(t.rect.top, t.rect.left) };
  }
  const { sheet, local } = splitSheet(cell);
  const s = sheet !== null ? doc.byName(sheet) : scope?.need();
  const address = normalizeLocal(local);
  if (!s || !address)
    throw new FakeOfficeError(invalid, `The cell address '${cell}' is not valid.`, label);
  if (scope && s !== scope.need())
    throw new FakeOfficeError(invalid, `The cell '${cell}' is not on this worksheet.`, label);
  return { sheet: s, address };
}

export class FakeNoteCollection extends FakeCollection<CellRef, FakeNote> {
  get className(): string {
    return "NoteCollection";
  }

  constructor(
    ctx: FakeContext,
    private readonly scope: FakeWorksheet | null
  ) {
    super(
      ctx,
      () => {
        const sheets = scope ? [scope.need()] : ctx.host.doc.sheets;
        return sheets.flatMap((sheet) =>
          [...sheet.notes.keys()].map((address) => ({ sheet, address }))
        );
      },
      false
    );
  }

  protected item(model: CellRef): FakeNote {
    return new FakeNote(
      this.ctx,
      () => (model.sheet.notes.has(model.address) ? model : null),
      false
    );
  }

  private find(key: string): CellRef | null {
    const ref = resolveCell(this.ctx.host.doc, this.scope, key, "NoteCollection.getItem");
    return ref.sheet.notes.has(ref.address) ? ref : null;
  }

  add(cellAddress: FakeRange | string, content: string): FakeNote {
    let made: CellRef | null = null;
    if (this.ctx.requires("1.18", "NoteCollection.add"))
      this.ctx.queue({
        label: "NoteCollection.add",
        request:
          ACTION_BYTES +
          jsonBytes(content) +
          jsonBytes(typeof cellAddress === "string" ? cellAddress : ""),
        run: (changes) => {
          const ref = resolveCell(
            this.ctx.host.doc,
            this.scope,
            cellAddress,
            "NoteCollection.add",
            "InvalidCellAddress"
          );
          if (ref.sheet.protected_) throw accessDenied(ref.sheet.name, "NoteCollection.add");
          if (ref.sheet.notes.has(ref.address))
            throw new FakeOfficeError(
              "InvalidOperation",
              `The cell ${ref.address} already has a note.`,
              "NoteCollection.add"
            );
          ref.sheet.notes.set(ref.address, {
            content: String(content),
            author: this.ctx.host.author,
          });
          made = ref;
          const p = parseLocal(ref.address) as Rect;
          changes.push({ sheetId: ref.sheet.id, rect: p, byAddIn: true });
        },
      });
    return new FakeNote(this.ctx, () => made, false);
  }

  getItem(key: string): FakeNote {
    this.ctx.requires("1.18", "NoteCollection.getItem");
    return new FakeNote(this.ctx, () => this.find(key), false);
  }

  getItemOrNullObject(key: string): FakeNote {
    this.ctx.requires("1.18", "NoteCollection.getItemOrNullObject");
    return new FakeNote(this.ctx, () => this.find(key), true);
  }
}

export class FakeNote extends FakeObject<CellRef> {
  get className(): string {
    return "Note";
  }

  protected scalars(): Scalars<CellRef> {
    return {
      content: { read: (r) => r.sheet.notes.get(r.address)?.content ?? "" },
      authorName: { read: (r) => r.sheet.notes.get(r.address)?.author ?? "" },
    };
  }

  get content(): string {
    return this.get("content");
  }
  set content(text: string) {
    this.act("content=", text, (r) => {
      if (r.sheet.protected_) throw accessDenied(r.sheet.name, "Note.content");
      const note = r.sheet.notes.get(r.address);
      if (!note)
        throw new FakeOfficeError("ItemNotFound", "The note no longer exists.", "Note.content");
      note.content = String(text);
    });
  }

  get authorName(): string {
    return this.get("authorName");
  }

  delete(): void {
    this.act("delete", null, (r) => {
      if (r.sheet.protected_) throw accessDenied(r.sheet.name, "Note.delete");
      r.sheet.notes.delete(r.address);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const r = this.need();
      return { sheet: r.sheet, rect: parseLocal(r.address) as Rect };
    });
  }
}

export class FakeCommentCollection extends FakeCollection<CellRef, FakeComment> {
  get className(): string {
    return "CommentCollection";
  }

  constructor(
    ctx: FakeContext,
    private readonly scope: FakeWorksheet | null
  ) {
    super(
      ctx,
      () => {
        const sheets = scope ? [scope.need()] : ctx.host.doc.sheets;
        return sheets.flatMap((sheet) =>
          [...sheet.comments.keys()].map((address) => ({ sheet, address }))
        );
      },
      false
    );
  }

  protected item(model: CellRef): FakeComment {
    const id = model.sheet.comments.get(model.address)?.id;
    return new FakeComment(this.ctx, () => findComment(this.ctx.host.doc, id), false);
  }

  add(
    cellAddress: FakeRange | string,
    content: string,
    contentType: string = "Plain"
  ): FakeComment {
    let made: string | undefined;
    if (this.ctx.requires("1.10", "CommentCollection.add"))
      this.ctx.queue({
        label: "CommentCollection.add",
        request:
          ACTION_BYTES +
          jsonBytes(content) +
          jsonBytes(typeof cellAddress === "string" ? cellAddress : ""),
        run: (changes) => {
          const ref = resolveCell(
            this.ctx.host.doc,
            this.scope,
            cellAddress,
            "CommentCollection.add"
          );
          if (contentType !== "Plain")
            throw new FakeOfficeError(
              "InvalidArgument",
              `Unsupported content type '${contentType}'.`,
              "CommentCollection.add"
            );
          if (ref.sheet.protected_) throw accessDenied(ref.sheet.name, "CommentCollection.add");
          if (ref.sheet.comments.has(ref.address))
            throw new FakeOfficeError(
              "InvalidOperation",
              `The cell ${ref.address} already has a comment.`,
              "CommentCollection.add"
            );
          made = this.ctx.host.doc.newId("COMMENT");
          ref.sheet.comments.set(ref.address, {
            id: made,
            content: String(content),
            author: this.ctx.host.author,
          });
          changes.push({
            sheetId: ref.sheet.id,
            rect: parseLocal(ref.address) as Rect,
            byAddIn: true,
          });
        },
      });
    return new FakeComment(this.ctx, () => findComment(this.ctx.host.doc, made), false);
  }

  getItem(id: string): FakeComment {
    this.ctx.requires("1.10", "CommentCollection.getItem");
    return new FakeComment(this.ctx, () => findComment(this.ctx.host.doc, id), false);
  }

  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    this.ctx.requires("1.10", "CommentCollection.getItemByCell");
    return new FakeComment(
      this.ctx,
      () => {
        const ref = resolveCell(
          this.ctx.host.doc,
          this.scope,
          cellAddress,
          "CommentCollection.getItemByCell"
        );
        return ref.sheet.comments.has(ref.address) ? ref : null;
      },
      false
    );
  }
}

function findComment(doc: DocumentModel, id: string | undefined): CellRef | null {
  if (!id) return null;
  for (const sheet of doc.sheets)
    for (const [address, c] of sheet.comments) if (c.id === id) return { sheet, address };
  return null;
}

export class FakeComment extends FakeObject<CellRef> {
  get className(): string {
    return "Comment";
  }

  protected scalars(): Scalars<CellRef> {
    return {
      id: { read: (r) => r.sheet.comments.get(r.address)?.id ?? "" },
      content: { read: (r) => r.sheet.comments.get(r.address)?.content ?? "" },
      authorName: { read: (r) => r.sheet.comments.get(r.address)?.author ?? "" },
    };
  }

  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }
  set content(text: string) {
    this.act("content=", text, (r) => {
      if (r.sheet.protected_) throw accessDenied(r.sheet.name, "Comment.content");
      const c = r.sheet.comments.get(r.address);
      if (c) c.content = String(text);
    });
  }
  get authorName(): string {
    return this.get("authorName");
  }

  delete(): void {
    this.act("delete", null, (r) => {
      if (r.sheet.protected_) throw accessDenied(r.sheet.name, "Comment.delete");
      r.sheet.comments.delete(r.address);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const r = this.need();
      return { sheet: r.sheet, rect: parseLocal(r.address) as Rect };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

interface ChartRef {
  readonly sheet: SheetModel;
  readonly chart: ChartModel;
}

export class FakeChartCollection extends FakeCollection<ChartRef, FakeChart> {
  get className(): string {
    return "ChartCollection";
  }

  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(
      ctx,
      () => {
        const s = sheet.need();
        return s.charts.map((chart) => ({ sheet: s, chart }));
      },
      false
    );
  }

  protected item(model: ChartRef): FakeChart {
    return new FakeChart(
      this.ctx,
      () => (model.sheet.charts.includes(model.chart) ? model : null),
      false
    );
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    let made: ChartRef | null = null;
    this.ctx.queue({
      label: "ChartCollection.add",
      request: ACTION_BYTES + jsonBytes([type, seriesBy]),
      run: () => {
        const s = this.sheet.need();
        if (s.protected_) throw accessDenied(s.name, "ChartCollection.add");
        if (!(sourceData instanceof FakeRange))
          throw new FakeOfficeError(
            "InvalidArgument",
            "The source data must be a Range.",
            "ChartCollection.add"
          );
        const src = sourceData.need();
        const hasData = [...src.sheet.cellsIn(src.rect)].some(
          ({ cell }) => typeof cell.value === "number"
        );
        if (!hasData)
          throw new FakeOfficeError(
            "EmptyChartSeries",
            "The chart has no numeric data.",
            "ChartCollection.add"
          );
        const chart: ChartModel = {
          id: this.ctx.host.doc.newId("CHART"),
          name: `Chart ${s.charts.length + 1}`,
          type,
          source: qualified(src.sheet.name, src.rect),
          seriesBy,
          title: null,
          position: null,
        };
        s.charts.push(chart);
        made = { sheet: s, chart };
      },
    });
    return new FakeChart(this.ctx, () => made, false);
  }
}

export class FakeChart extends FakeObject<ChartRef> {
  get className(): string {
    return "Chart";
  }

  protected scalars(): Scalars<ChartRef> {
    return { name: { read: (r) => r.chart.name }, chartType: { read: (r) => r.chart.type } };
  }

  get name(): string {
    return this.get("name");
  }
  set name(n: string) {
    this.act("name=", n, (r) => {
      r.chart.name = n;
    });
  }

  get title(): { text: string } {
    const chart = this;
    return {
      get text(): string {
        throw propertyNotLoaded("ChartTitle.text");
      },
      set text(t: string) {
        chart.act("title.text=", t, (r) => {
          r.chart.title = t;
        });
      },
    };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.act("setPosition", [startCell, endCell ?? null], (r) => {
      if (
        !parseLocal(splitSheet(startCell).local) ||
        (endCell && !parseLocal(splitSheet(endCell).local))
      )
        throw new FakeOfficeError(
          "InvalidArgument",
          "Invalid chart position.",
          "Chart.setPosition"
        );
      r.chart.position = { from: startCell, to: endCell ?? null };
    });
  }

  delete(): void {
    this.act("delete", null, (r) => {
      r.sheet.charts = r.sheet.charts.filter((c) => c !== r.chart);
    });
  }
}

export { contains, intersects };

/** Worksheet.pageLayout (ExcelApi 1.9): the page setup a sheet prints with; write-only here. */
export class FakePageLayout extends FakeObject<SheetModel> {
  get className(): string {
    return "PageLayout";
  }

  constructor(ctx: FakeContext, parent: () => SheetModel | null) {
    super(ctx, parent, true);
  }

  private setting(key: string, value: unknown): void {
    this.act(`${key}=`, value, (s) => {
      s.pageLayout[key] = value;
    });
  }

  set orientation(v: string) {
    this.setting("orientation", v);
  }
  set paperSize(v: string) {
    this.setting("paperSize", v);
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.setting("zoom", v);
  }
}
