/**
 * A worksheet: its properties, its ranges (getRange, the used range), activate and delete, and
 * what hangs off it: protection, notes, comments, charts, the page layout.
 */
import { readRange as parseLocal, splitSheet, WHOLE_SHEET } from "../src/address";
import { FakeCommentCollection, FakeNoteCollection } from "./annotations";
import { FakeChartCollection } from "./charts";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { SheetModel, Visibility } from "./model";
import { FakeObject, type Loadable, type Scalars } from "./proxy";
import { FakeRange } from "./range";
import { FakeEventHandlers } from "./workbook";

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
    return this.nav("pageLayout", () => new FakePageLayout(this.ctx, () => this.target()));
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
    }).at(this, "getRange", address === undefined ? [] : [address]);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.requires("1.2", "Worksheet.getUsedRange(valuesOnly)");
    return new FakeRange(this.ctx, () => {
      const s = this.need();
      return {
        sheet: s,
        rect: s.usedRect(!!valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 },
      };
    }).at(this, "getUsedRange", valuesOnly === undefined ? [] : [valuesOnly]);
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
