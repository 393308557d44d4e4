import { type CellScalar } from "../../../engine/types";
import { parseAddress, toAddress } from "../../../address";
import { type CellEdit, type CellState } from "../../../form/plan";
import { applyNotes } from "./comments";
import { CELL_ORDER } from "./constants";
import { shiftFormula } from "./formula";
import { Package } from "./opc";
import { SheetXml, refOf } from "./sheetXml";
import { SheetEntry, Workbook } from "./workbook";
import type { XmlEl } from "./xmlNode";
import {
  child,
  childrenNamed,
  createLike,
  insertOrdered,
  remove,
  setText,
  textOf,
} from "./xmlHelpers";
import { plainText, xstring } from "./xmlText";

/** Cell edits applied to a worksheet: values, number formats, fills, styles like another cell, formulas (shared ones kept alive), notes handed on. */
export async function applySheetEdits(
  pkg: Package,
  wb: Workbook,
  sheet: SheetEntry,
  edits: CellEdit[]
): Promise<void> {
  if (!sheet.part || !pkg.has(sheet.part))
    throw new Error(`工作表“${sheet.name}”的部件缺失，无法写入`);
  const doc = await pkg.mustXml(sheet.part);
  const ws = new SheetXml(doc, sheet.name);
  let changed = false;
  const notes = new Map<string, { row: number; col: number; text: string | null }>();

  for (const edit of edits) {
    const { ref, row, col } = refOf(edit.address);
    const set = edit.set;
    const has = (k: keyof CellState): boolean => set[k] !== undefined;
    if (has("note")) notes.set(ref, { row, col, text: set.note ?? null });
    // a note gets a cell too: ExcelJS attaches notes only to cells that exist (and, of empty
    // cells, only to styled ones: it reads an empty <c> without s as part of a merge)
    const needsCell =
      (has("note") && set.note !== null) ||
      (has("value") && set.value !== null) ||
      (has("formula") && !!set.formula) ||
      has("numberFormat") ||
      has("fill") ||
      !!edit.style;
    const added = ws.cellsAdded;
    ws.cellsAdded = false;
    const c = ws.cell(ref, needsCell);
    if (ws.cellsAdded) changed = true;
    ws.cellsAdded ||= added;
    if (!c) continue;
    if (has("value") || has("formula") || has("numberFormat") || has("fill")) changed = true;
    if (has("formula")) {
      setFormula(ws, c, set.formula ?? null, wb, sheet);
      wb.recalc = true;
    }
    if (has("value")) {
      setValue(c, set.value ?? null);
      wb.recalc = true;
    }
    if (restoreLook(c, set)) {
      changed = true;
      continue; // the index the cell had holds its number format and fill too
    }
    if (edit.style) {
      // drawn like another cell of the sheet (borders, font, alignment)
      const like =
        Number(ws.cell(refOf(edit.style.like).ref, false)?.getAttribute("s") ?? "0") || 0;
      setStyleIndex(c, like);
      changed = true;
    }
    if (has("numberFormat") || has("fill")) {
      const styles = await wb.styles();
      let s = Number(c.getAttribute("s") ?? "0") || 0;
      if (has("numberFormat")) s = styles.withNumberFormat(s, set.numberFormat ?? null);
      if (has("fill")) s = styles.withFill(s, set.fill ?? null);
      setStyleIndex(c, s);
    }
  }
  if (ws.cellsAdded) ws.updateDimension();
  // notes live in their own parts; applyNotes touches the sheet only when its legacy drawing changes
  if (notes.size > 0) await applyNotes(pkg, sheet, ws, notes);
  if (changed) pkg.touch(sheet.part);
}

/** 撤销 of a style copy: the style index the ledger kept ("s:5"; null: none) back; false for another host's look. */
function restoreLook(c: XmlEl, set: Partial<CellState>): boolean {
  const m = "look" in set ? /^s:(\d+)$/.exec(set.look ?? "s:0") : null;
  if (!m) return false;
  setStyleIndex(c, Number(m[1]));
  return true;
}

/** The one place a style index is applied to a <c> (0, the default, is written as no s). */
export function setStyleIndex(c: XmlEl, s: number): void {
  if (s === 0) c.removeAttribute("s");
  else c.setAttribute("s", String(s));
}

export function insertCellChild(c: XmlEl, el: XmlEl): void {
  insertOrdered(c, el, CELL_ORDER);
}

export function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

export function setValue(c: XmlEl, value: CellScalar): void {
  for (const k of [...childrenNamed(c, "v"), ...childrenNamed(c, "is")]) remove(k);
  c.removeAttribute("vm"); // value metadata described the old value
  const f = child(c, "f");
  const v = (text: string): void => {
    const el = createLike(c, "v");
    setText(el, text);
    insertCellChild(c, el);
  };
  if (value === null || value === undefined) {
    c.removeAttribute("t");
    return;
  }
  if (typeof value === "number") {
    if (Number.isFinite(value)) {
      c.removeAttribute("t");
      v(numberText(value));
    } else {
      c.setAttribute("t", "e");
      v("#NUM!");
    }
    return;
  }
  if (typeof value === "boolean") {
    c.setAttribute("t", "b");
    v(value ? "1" : "0");
    return;
  }
  const text = xstring(String(value));
  if (f) {
    c.setAttribute("t", "str");
    v(text);
    return;
  }
  c.setAttribute("t", "inlineStr");
  const is = createLike(c, "is");
  const t = createLike(c, "t");
  t.setAttribute("xml:space", "preserve");
  setText(t, text);
  is.appendChild(t);
  insertCellChild(c, is);
}

export function setFormula(
  ws: SheetXml,
  c: XmlEl,
  formula: string | null,
  wb: Workbook,
  sheet: SheetEntry
): void {
  const old = child(c, "f");
  const ref = (c.getAttribute("r") as string).toUpperCase();
  if (old) {
    if (old.getAttribute("t") === "shared" && old.getAttribute("ref")) promoteShared(ws, c, old);
    remove(old);
    c.removeAttribute("cm"); // cell metadata (dynamic arrays) belonged to the old formula
  }
  if (formula === null || formula.replace(/^=/, "").trim() === "") {
    if (old) wb.dropCalcChain(sheet.sheetId, ref);
    if (c.getAttribute("t") === "str") c.removeAttribute("t");
    return;
  }
  const f = createLike(c, "f");
  setText(f, plainText(formula.replace(/^=/, "")));
  insertCellChild(c, f);
}

/** The master of a shared formula goes: its first dependent becomes the master. */
export function promoteShared(ws: SheetXml, masterCell: XmlEl, master: XmlEl): void {
  const si = master.getAttribute("si");
  if (si === null) return;
  const deps = ws.sharedDependents(si, master);
  if (deps.length === 0) return;
  const at = parseAddress(masterCell.getAttribute("r") as string);
  const cells = deps.map((f) => ({
    f,
    p: parseAddress((f.parent as XmlEl).getAttribute("r") as string),
  }));
  const first = cells[0];
  const formula = shiftFormula(textOf(master), first.p.row - at.row, first.p.col - at.col);
  const top = Math.min(...cells.map((x) => x.p.row));
  const bottom = Math.max(...cells.map((x) => x.p.row));
  const left = Math.min(...cells.map((x) => x.p.col));
  const right = Math.max(...cells.map((x) => x.p.col));
  setText(first.f, formula);
  first.f.setAttribute("ref", `${toAddress(top, left)}:${toAddress(bottom, right)}`);
  for (const a of master.attributes()) {
    if (a.name === "t" || a.name === "si" || a.name === "ref") continue;
    if (first.f.getAttribute(a.name) === null) first.f.setAttribute(a.name, a.value);
  }
}
