/**
 * 自动评分 in WPS: SheetChange (ApiEvent.AddApiEventListener) heard for a person's edits inside a
 * form, with the rules of the Office.js host: the add-in's own sheets, the ranges it has just
 * written (its writes run with Application.EnableEvents off, and are also remembered a while, in
 * case a WPS fires anyway), sheets without a form and edits outside the forms (as last read)
 * never call the listener; a pause of `debounceMs` after the last edit does.
 */
import type { Form } from "../../engine/types";
import { scoreWorkbookGrids } from "../../form/pipeline";
import { formRows } from "../../form/recognize";
import { STATE_SHEET } from "../../form/state";
import { containsRect, localAddress, parseRange, type Rect } from "../../address";
import type { WpsGlobal, WpsRange, WpsSheet, WpsWorkbook } from "./api";
import { readBook } from "./book";

/** Ranges the add-in wrote lately, by sheet: a change over them is its own. */
export class RecentWrites {
  private writes: { sheet: string; rect: Rect; until: number }[] = [];

  add(sheet: string, address: string): void {
    this.writes.push({ sheet, rect: parseRange(address), until: Date.now() + 5000 });
  }

  covers(sheet: string, address: string): boolean {
    const now = Date.now();
    this.writes = this.writes.filter((w) => w.until > now);
    let rect: Rect;
    try {
      rect = parseRange(localAddress(address));
    } catch {
      return false;
    }
    return this.writes.some((w) => w.sheet === sheet && containsRect(w.rect, rect));
  }
}

function insideForms(forms: readonly Form[], rect: Rect): boolean {
  return forms.some((f) => {
    const rows = formRows(f);
    return rect.top <= rows.bottom && rect.bottom >= rows.top;
  });
}

export interface AutoState {
  /** The forms on each sheet as last read; a sheet not in the map was not seen yet. */
  forms: Map<string, readonly Form[]>;
  ownSheets: Set<string>;
}

export function listenForEdits(
  wps: WpsGlobal,
  book: WpsWorkbook,
  auto: AutoState,
  recent: RecentWrites,
  listener: (sheet: string) => void,
  debounceMs: number
): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let stopped = false;
  const read = readBook(book);
  const outcome = scoreWorkbookGrids(read.reads.map((r) => r.grid));
  auto.forms = new Map(outcome.sheets.map((s) => [s.sheet, s.forms.map((f) => f.form)]));
  const handle = (sheet: WpsSheet, range: WpsRange): void => {
    if (stopped) return;
    const name = sheet.Name;
    const address = range.Address(false, false);
    if (name === STATE_SHEET || auto.ownSheets.has(name) || recent.covers(name, address)) return;
    const forms = auto.forms.get(name);
    if (forms && !insideForms(forms, parseRange(localAddress(address)))) return;
    const t = timers.get(name);
    if (t) clearTimeout(t);
    timers.set(
      name,
      setTimeout(() => {
        timers.delete(name);
        if (!stopped) listener(name);
      }, debounceMs)
    );
  };
  wps.ApiEvent.AddApiEventListener("SheetChange", handle);
  return () => {
    stopped = true;
    for (const t of timers.values()) clearTimeout(t);
    wps.ApiEvent.RemoveApiEventListener("SheetChange", handle);
  };
}
