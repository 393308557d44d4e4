/**
 * What a person does to the workbook while the add-in runs, for tests to simulate: typing into
 * cells, notes and fills set by hand, a sheet removed. Each takes the model; FakeExcel's methods of
 * the same names (fake.ts) find the sheet by name and deliver the change events.
 */
import { readRange as parseLocal, type Rect } from "../src/address";
import type { ChangeRecord } from "./host";
import type { DocumentModel, Scalar, SheetModel } from "./model";

/** Types values (a string starting with = as a formula, with no cached value) into a range; returns the change. */
export function userEdit(s: SheetModel, address: string, values: Scalar[][]): ChangeRecord {
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
  return { sheetId: s.id, rect, byAddIn: false };
}

/** A note by hand (content null: the note removed). */
export function setNote(s: SheetModel, address: string, content: string | null): void {
  if (content === null) s.notes.delete(address);
  else s.notes.set(address, { content, author: "会计" });
}

/** A solid fill ("FFC7CE" or "#FFC7CE") or none on every cell of a range. */
export function setFill(s: SheetModel, address: string, rgb: string | null): void {
  const rect = parseLocal(address) as Rect;
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) {
      s.ensure(r, c).fill = rgb ? `#${rgb.replace(/^#/, "").toUpperCase()}` : null;
      s.tidy(r, c);
    }
}

/** A sheet deleted; the first sheet becomes active if it was. */
export function removeSheet(doc: DocumentModel, s: SheetModel): void {
  doc.sheets = doc.sheets.filter((x) => x !== s);
  if (doc.activeSheetId === s.id) doc.activeSheetId = doc.sheets[0]?.id ?? null;
}
