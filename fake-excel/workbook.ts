/**
 * The workbook, its worksheet collection (getItem, add, the active worksheet) and the event
 * handlers that a worksheet or the collection registers (onChanged).
 */
import { readRange as parseLocal, type Rect } from "../src/address";
import { FakeCommentCollection, FakeNoteCollection } from "./annotations";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import { ACTION_BYTES, jsonBytes } from "./host";
import type { DocumentModel, SheetModel } from "./model";
import { FakeCollection, FakeObject, type Loadable, type Scalars } from "./proxy";
import { FakeRange } from "./range";
import { FakeWorksheet } from "./worksheet";

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
    return new FakeWorksheet(this.ctx, () => (doc.sheets.includes(model) ? model : null), false).at(
      this,
      "getItem",
      [model.id]
    );
  }

  getItem(key: string): FakeWorksheet {
    const doc = this.ctx.host.doc;
    return new FakeWorksheet(this.ctx, () => doc.byKey(key) ?? null, false).at(this, "getItem", [
      key,
    ]);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.requires("1.4", "WorksheetCollection.getItemOrNullObject");
    const doc = this.ctx.host.doc;
    return new FakeWorksheet(this.ctx, () => doc.byKey(key) ?? null, true).at(
      this,
      "getItemOrNullObject",
      [key]
    );
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
      path: this.path,
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
    return new FakeWorksheet(this.ctx, () => created, false).at(this, "add", [name ?? ""]);
  }

  get onChanged(): FakeEventHandlers {
    this.ctx.requires("1.9", "WorksheetCollection.onChanged");
    return new FakeEventHandlers(this.ctx, () => null, "WorksheetCollection.onChanged");
  }
}
