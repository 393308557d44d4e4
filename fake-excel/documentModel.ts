/**
 * The fake Excel's document as a whole: its sheets, the add-in's saved settings, the active sheet
 * and selection, the id counter; a sheet copied in, the document as JSON data and back (the
 * workbench), and the deep copy reopening a saved workbook gives.
 */
import type { Rect } from "../src/address";
import {
  SheetModel,
  type ChartModel,
  type CellModel,
  type CommentModel,
  type NoteModel,
  type Visibility,
} from "./sheetModel";

/** A DocumentModel as JSON-safe data (Maps as entry lists). */
export interface DocumentData {
  readonly nextId: number;
  readonly savedSettings: Record<string, unknown>;
  readonly activeSheetId: string | null;
  readonly sheets: readonly {
    readonly id: string;
    readonly name: string;
    readonly visibility: Visibility;
    readonly protected: boolean;
    readonly cells: [number, CellModel][];
    readonly merges: Rect[];
    readonly notes: [string, NoteModel][];
    readonly comments: [string, CommentModel][];
    readonly charts: ChartModel[];
    readonly columnWidths: [number, number][];
  }[];
}

export class DocumentModel {
  sheets: SheetModel[] = [];
  /** The add-in's document settings as saved in the file (Office.context.document.settings.saveAsync). */
  savedSettings: Record<string, unknown> = {};
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  addSheet(name: string, position = this.sheets.length): SheetModel {
    const sheet = new SheetModel(this.newId("SHEET"), name);
    this.sheets.splice(position, 0, sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  byName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  byKey(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.byName(key);
  }

  /** A copy of a sheet (of this or another document) under a new name, at the end. */
  importSheet(src: SheetModel, name: string): SheetModel {
    const s = this.addSheet(name);
    s.visibility = src.visibility;
    s.protected_ = src.protected_;
    for (const [k, c] of src.cells) s.cells.set(k, { ...c });
    s.merges = src.merges.map((m) => ({ ...m }));
    for (const [a, n] of src.notes) s.notes.set(a, { ...n });
    for (const [a, c] of src.comments) s.comments.set(a, { ...c, id: this.newId("COMMENT") });
    for (const [k, w] of src.columnWidths) s.columnWidths.set(k, w);
    return s;
  }

  /** The document as plain JSON data (what the workbench's server sends to its page). */
  toData(): DocumentData {
    return {
      nextId: this.nextId,
      savedSettings: this.savedSettings,
      activeSheetId: this.activeSheetId,
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        protected: s.protected_,
        cells: [...s.cells],
        merges: s.merges,
        notes: [...s.notes],
        comments: [...s.comments],
        charts: s.charts,
        columnWidths: [...s.columnWidths],
      })),
    };
  }

  static fromData(data: DocumentData): DocumentModel {
    const doc = new DocumentModel();
    doc.nextId = data.nextId;
    doc.savedSettings = data.savedSettings;
    doc.activeSheetId = data.activeSheetId;
    for (const d of data.sheets) {
      const s = new SheetModel(d.id, d.name, d.visibility, d.protected);
      for (const [k, c] of d.cells) s.cells.set(k, c);
      s.merges = d.merges;
      for (const [a, n] of d.notes) s.notes.set(a, n);
      for (const [a, c] of d.comments) s.comments.set(a, c);
      s.charts = d.charts;
      for (const [k, w] of d.columnWidths) s.columnWidths.set(k, w);
      doc.sheets.push(s);
    }
    return doc;
  }

  /** A deep copy: what reopening the saved workbook gives (settings as saved, not as set). */
  clone(): DocumentModel {
    const doc = new DocumentModel();
    doc.nextId = this.nextId;
    doc.savedSettings = JSON.parse(JSON.stringify(this.savedSettings)) as Record<string, unknown>;
    doc.activeSheetId = this.activeSheetId;
    for (const s of this.sheets) {
      const t = new SheetModel(s.id, s.name, s.visibility, s.protected_);
      for (const [k, c] of s.cells) t.cells.set(k, { ...c });
      t.merges = s.merges.map((m) => ({ ...m }));
      for (const [a, n] of s.notes) t.notes.set(a, { ...n });
      for (const [a, c] of s.comments) t.comments.set(a, { ...c });
      t.charts = s.charts.map((c) => ({ ...c, position: c.position && { ...c.position } }));
      for (const [k, w] of s.columnWidths) t.columnWidths.set(k, w);
      doc.sheets.push(t);
    }
    return doc;
  }
}
