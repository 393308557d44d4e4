/**
 * The strict fake of the Excel API (fake.ts), loaded from an .xlsx with ExcelJS (this module:
 * Node only). Tests import from here; a browser page imports fake.ts.
 *
 *   const fake = await loadFakeExcel("samples/004-fengtai-2020.xlsx", { excelApi: "1.12" });
 *   const uninstall = installFakeExcel(fake);   // globals Excel, Office, OfficeExtension
 */
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import {
  toAddress as cellAddress,
  MAX_COLS,
  readRange as parseLocal,
  type Rect,
} from "../src/address";
import { FakeExcel, type FakeExcelOptions } from "./fake";
import { applyLook, lookFromExcelJs } from "./lookModel";
import { DocumentModel, serialDate, type CellModel, type Scalar } from "./model";

export * from "./fake";
// ---------------------------------------------------------------------------------------------
// Loading from .xlsx with ExcelJS
// ---------------------------------------------------------------------------------------------

function excelValue(raw: unknown): { value: Scalar; formula: string | null } {
  if (raw === null || raw === undefined) return { value: "", formula: null };
  if (typeof raw === "string" || typeof raw === "boolean") return { value: raw, formula: null };
  if (typeof raw === "number") return { value: Number.isFinite(raw) ? raw : "", formula: null };
  if (raw instanceof Date) {
    const serial = (raw.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
    return { value: serial, formula: null };
  }
  if (typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    if (typeof o.error === "string") return { value: o.error, formula: null };
    if (Array.isArray(o.richText))
      return {
        value: o.richText
          .map((r) =>
            typeof (r as { text?: unknown }).text === "string" ? (r as { text: string }).text : ""
          )
          .join(""),
        formula: null,
      };
    if ("formula" in o || "sharedFormula" in o)
      return { value: excelValue(o.result).value, formula: null };
    if ("text" in o) return excelValue(o.text);
  }
  return { value: String(raw), formula: null };
}

function noteText(note: unknown): string | null {
  if (!note) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : null;
}

function fillColor(fill: unknown): string | null {
  const f = fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (!f || f.type !== "pattern" || f.pattern !== "solid" || !f.fgColor?.argb) return null;
  const argb = f.fgColor.argb.toUpperCase();
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}

/** A cell's borders, font and alignment (a style ExcelJS cannot resolve: none). */
function cellLook(cell: ExcelJS.Cell): ReturnType<typeof lookFromExcelJs> {
  try {
    return lookFromExcelJs({ border: cell.border, font: cell.font, alignment: cell.alignment });
  } catch {
    return { format: {}, bordered: false };
  }
}

function mergedRects(ws: ExcelJS.Worksheet): Rect[] {
  const internal =
    (ws as unknown as { _merges?: Record<string, { range?: string } | undefined> })._merges ?? {};
  return Object.values(internal)
    .map((m) => (m?.range ? parseLocal(m.range) : null))
    .filter((r): r is Rect => r !== null);
}

/** The document of an ExcelJS workbook: values, formulas, number formats, merges, notes, fills, borders, fonts, alignment, sheet state, protection. */
export function documentFromWorkbook(wb: ExcelJS.Workbook): DocumentModel {
  const doc = new DocumentModel();
  for (const ws of wb.worksheets) {
    const s = doc.addSheet(ws.name);
    s.visibility =
      ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
      .sheetProtection;
    s.protected_ = !!protection && protection.sheet === true;
    s.merges = mergedRects(ws);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        let numberFormat = "General";
        try {
          numberFormat = cell.numFmt || "General";
        } catch {
          // a style ExcelJS cannot resolve reads as General
        }
        const raw = cell.type === ExcelJS.ValueType.Merge ? null : (cell.value as unknown);
        const { value } = excelValue(raw);
        const formula =
          cell.type === ExcelJS.ValueType.Formula && cell.formula ? `=${cell.formula}` : null;
        const fill = fillColor(cell.fill);
        const bold = !!cell.font?.bold;
        const model: CellModel = {
          value,
          formula,
          numberFormat,
          fill,
          bold: false,
          quotePrefix: false,
        };
        const look = cellLook(cell);
        if (value !== "" || formula || numberFormat !== "General" || fill || look.bordered) {
          model.bold = bold;
          applyLook(model, look.format);
          s.cells.set((r - 1) * MAX_COLS + (c - 1), model);
        }
        const note = noteText(cell.note);
        if (note !== null) s.notes.set(cellAddress(r, c), { content: note, author: "" });
      });
    });
    ws.columns?.forEach((col, i) => {
      if (col.width) s.columnWidths.set(i + 1, Math.round(col.width * 7));
    });
  }
  const first = doc.sheets.find((s) => s.visibility === "Visible");
  doc.activeSheetId = first?.id ?? null;
  return doc;
}

/**
 * Notes as the package holds them (xl/commentsN.xml of each sheet), by sheet name and cell.
 * ExcelJS loses a note whose cell has no value when it reads a file; Excel keeps it.
 */
export async function packageNotes(data: Buffer): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const zip = await JSZip.loadAsync(data);
  const read = async (p: string): Promise<Document | null> => {
    const f = zip.file(p);
    return f
      ? (new DOMParser().parseFromString(
          await f.async("string"),
          "text/xml"
        ) as unknown as Document)
      : null;
  };
  const resolve = (base: string, target: string): string => {
    if (target.startsWith("/")) return target.slice(1);
    const parts = base.split("/").slice(0, -1);
    for (const seg of target.split("/")) {
      if (seg === "..") parts.pop();
      else if (seg !== ".") parts.push(seg);
    }
    return parts.join("/");
  };
  const rels = async (part: string): Promise<{ id: string; type: string; target: string }[]> => {
    const dir = part.split("/").slice(0, -1).join("/");
    const doc = await read(`${dir}/_rels/${part.split("/").pop()}.rels`);
    if (!doc) return [];
    return Array.from(doc.getElementsByTagName("Relationship")).map((r) => ({
      id: r.getAttribute("Id") ?? "",
      type: r.getAttribute("Type") ?? "",
      target: resolve(part, r.getAttribute("Target") ?? ""),
    }));
  };
  const workbook = await read("xl/workbook.xml");
  if (!workbook) return out;
  const wbRels = await rels("xl/workbook.xml");
  for (const sheet of Array.from(workbook.getElementsByTagName("sheet"))) {
    const rid = sheet.getAttribute("r:id");
    const part = wbRels.find((r) => r.id === rid)?.target;
    if (!part) continue;
    const comments = (await rels(part)).find((r) => r.type.endsWith("/comments"));
    const doc = comments ? await read(comments.target) : null;
    if (!doc) continue;
    const notes = new Map<string, string>();
    for (const c of Array.from(doc.getElementsByTagName("comment"))) {
      const ref = c.getAttribute("ref");
      const text = Array.from(c.getElementsByTagName("t"))
        .map((t) => t.textContent ?? "")
        .join("");
      if (ref) notes.set(ref, text);
    }
    out.set(sheet.getAttribute("name") ?? "", notes);
  }
  return out;
}

/** A fake Excel over an .xlsx file (path or bytes) or an ExcelJS workbook already in memory. */
export async function loadFakeExcel(
  source: string | Buffer | ExcelJS.Workbook,
  options: FakeExcelOptions = {}
): Promise<FakeExcel> {
  if (source instanceof ExcelJS.Workbook)
    return new FakeExcel(documentFromWorkbook(source), options);
  const data = typeof source === "string" ? await fs.promises.readFile(source) : source;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const doc = documentFromWorkbook(wb);
  for (const [name, notes] of await packageNotes(data)) {
    const s = doc.byName(name);
    if (!s) continue;
    for (const [address, content] of notes)
      if (!s.notes.has(address)) s.notes.set(address, { content, author: "" });
  }
  return new FakeExcel(doc, options);
}

export { serialDate };
