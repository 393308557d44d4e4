/**
 * Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10): a text anchored to a cell, listed
 * for one worksheet or the whole workbook. What the two share is written once, in
 * FakeAnnotationCollection (the list, add, the look-up by cell) and FakeAnnotation (content,
 * author, delete, location); they differ where Office.js does: a note is found by its cell, a
 * comment by its id or getItemByCell; add refuses a bad cell with InvalidCellAddress (note) or
 * InvalidArgument (comment, plain text only); setting the content of a note that is gone fails,
 * of a comment that is gone does nothing.
 *
 * Bases and subclasses share this one module: the bases need FakeRange, whose module reaches
 * these collections again (through the worksheet), so a base in a module of its own could still
 * be undefined when a subclass extends it, depending on which module is loaded first.
 */
import { readRange as parseLocal, type Rect } from "../src/address";
import { resolveCell, type CellRef } from "./cellRef";
import type { FakeContext } from "./context";
import { accessDenied, FakeOfficeError } from "./errors";
import { ACTION_BYTES, jsonBytes } from "./host";
import type { CommentModel, DocumentModel, NoteModel, SheetModel } from "./model";
import { FakeCollection, FakeObject, type Scalars } from "./proxy";
import { FakeRange } from "./range";
import type { FakeWorksheet } from "./worksheet";

/** What tells notes and comments apart in the code they share. */
interface Kind<A extends NoteModel> {
  /** The requirement set of the collection's methods. */
  readonly version: string;
  /** "note" or "comment", in messages. */
  readonly noun: string;
  /** The error code of add() for a cell that is not one valid cell. */
  readonly invalidCell: string;
  /** The message of ItemNotFound when the content of one that is gone is set (none: ignored). */
  readonly gone?: string;
  /** A sheet's annotations of the kind, by local address. */
  readonly of: (sheet: SheetModel) => Map<string, A>;
}

const NOTES: Kind<NoteModel> = {
  version: "1.18",
  noun: "note",
  invalidCell: "InvalidCellAddress",
  gone: "The note no longer exists.",
  of: (sheet) => sheet.notes,
};

const COMMENTS: Kind<CommentModel> = {
  version: "1.10",
  noun: "comment",
  invalidCell: "InvalidArgument",
  of: (sheet) => sheet.comments,
};

abstract class FakeAnnotationCollection<
  A extends NoteModel,
  I extends FakeObject<CellRef>,
> extends FakeCollection<CellRef, I> {
  constructor(
    ctx: FakeContext,
    private readonly scope: FakeWorksheet | null,
    private readonly kind: Kind<A>
  ) {
    super(
      ctx,
      () => {
        const sheets = scope ? [scope.need()] : ctx.host.doc.sheets;
        return sheets.flatMap((sheet) =>
          [...kind.of(sheet).keys()].map((address) => ({ sheet, address }))
        );
      },
      false
    );
  }

  /** The cell (a Range or an address) if it has an annotation of the kind, else null; at sync. */
  protected atCell(cell: FakeRange | string, label: string): CellRef | null {
    const ref = resolveCell(this.ctx.host.doc, this.scope, cell, label);
    return this.kind.of(ref.sheet).has(ref.address) ? ref : null;
  }

  /**
   * Queues add(cell, content): at sync the cell is resolved, `check` runs, the sheet must not be
   * protected nor the cell have one already; `make` turns the plain annotation into the stored one.
   */
  protected queueAdd(
    cell: FakeRange | string,
    content: string,
    make: (ref: CellRef, annotation: NoteModel) => A,
    check?: () => void
  ): void {
    const label = `${this.className}.add`;
    if (this.ctx.requires(this.kind.version, label))
      this.ctx.queue({
        label,
        request:
          ACTION_BYTES + jsonBytes(content) + jsonBytes(typeof cell === "string" ? cell : ""),
        run: (changes) => {
          const doc = this.ctx.host.doc;
          const ref = resolveCell(doc, this.scope, cell, label, this.kind.invalidCell);
          check?.();
          if (ref.sheet.protected_) throw accessDenied(ref.sheet.name, label);
          const all = this.kind.of(ref.sheet);
          if (all.has(ref.address))
            throw new FakeOfficeError(
              "InvalidOperation",
              `The cell ${ref.address} already has a ${this.kind.noun}.`,
              label
            );
          all.set(
            ref.address,
            make(ref, { content: String(content), author: this.ctx.host.author })
          );
          changes.push({
            sheetId: ref.sheet.id,
            rect: parseLocal(ref.address) as Rect,
            byAddIn: true,
          });
        },
      });
  }
}

abstract class FakeAnnotation<A extends NoteModel> extends FakeObject<CellRef> {
  protected abstract get kind(): Kind<A>;

  protected scalars(): Scalars<CellRef> {
    return {
      content: { read: (r) => this.kind.of(r.sheet).get(r.address)?.content ?? "" },
      authorName: { read: (r) => this.kind.of(r.sheet).get(r.address)?.author ?? "" },
    };
  }

  get content(): string {
    return this.get("content");
  }
  set content(text: string) {
    const label = `${this.className}.content`;
    this.act("content=", text, (r) => {
      if (r.sheet.protected_) throw accessDenied(r.sheet.name, label);
      const annotation = this.kind.of(r.sheet).get(r.address);
      if (annotation) annotation.content = String(text);
      else if (this.kind.gone) throw new FakeOfficeError("ItemNotFound", this.kind.gone, label);
    });
  }

  get authorName(): string {
    return this.get("authorName");
  }

  delete(): void {
    this.act("delete", null, (r) => {
      if (r.sheet.protected_) throw accessDenied(r.sheet.name, `${this.className}.delete`);
      this.kind.of(r.sheet).delete(r.address);
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
// Notes (ExcelApi 1.18): one a cell, found by the cell
// ---------------------------------------------------------------------------------------------

export class FakeNoteCollection extends FakeAnnotationCollection<NoteModel, FakeNote> {
  get className(): string {
    return "NoteCollection";
  }

  constructor(ctx: FakeContext, scope: FakeWorksheet | null) {
    super(ctx, scope, NOTES);
  }

  protected item(model: CellRef): FakeNote {
    return new FakeNote(
      this.ctx,
      () => (model.sheet.notes.has(model.address) ? model : null),
      false
    );
  }

  add(cellAddress: FakeRange | string, content: string): FakeNote {
    let made: CellRef | null = null;
    this.queueAdd(cellAddress, content, (ref, note) => {
      made = ref;
      return note;
    });
    return new FakeNote(this.ctx, () => made, false);
  }

  getItem(key: string): FakeNote {
    this.ctx.requires("1.18", "NoteCollection.getItem");
    return new FakeNote(this.ctx, () => this.atCell(key, "NoteCollection.getItem"), false);
  }

  getItemOrNullObject(key: string): FakeNote {
    this.ctx.requires("1.18", "NoteCollection.getItemOrNullObject");
    return new FakeNote(this.ctx, () => this.atCell(key, "NoteCollection.getItem"), true);
  }
}

export class FakeNote extends FakeAnnotation<NoteModel> {
  get className(): string {
    return "Note";
  }

  protected get kind(): Kind<NoteModel> {
    return NOTES;
  }
}

// ---------------------------------------------------------------------------------------------
// Threaded comments (ExcelApi 1.10): one a cell, found by id or by the cell
// ---------------------------------------------------------------------------------------------

export class FakeCommentCollection extends FakeAnnotationCollection<CommentModel, FakeComment> {
  get className(): string {
    return "CommentCollection";
  }

  constructor(ctx: FakeContext, scope: FakeWorksheet | null) {
    super(ctx, scope, COMMENTS);
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
    this.queueAdd(
      cellAddress,
      content,
      (_ref, comment) => {
        made = this.ctx.host.doc.newId("COMMENT");
        return { id: made, ...comment };
      },
      () => {
        if (contentType !== "Plain")
          throw new FakeOfficeError(
            "InvalidArgument",
            `Unsupported content type '${contentType}'.`,
            "CommentCollection.add"
          );
      }
    );
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
      () => this.atCell(cellAddress, "CommentCollection.getItemByCell"),
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

export class FakeComment extends FakeAnnotation<CommentModel> {
  get className(): string {
    return "Comment";
  }

  protected get kind(): Kind<CommentModel> {
    return COMMENTS;
  }

  protected scalars(): Scalars<CellRef> {
    return { id: { read: (r) => r.sheet.comments.get(r.address)?.id ?? "" }, ...super.scalars() };
  }

  get id(): string {
    return this.get("id");
  }
}
