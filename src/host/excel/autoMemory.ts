/**
 * 自动评分's memory of the workbook (session.ts AutoMemory): refreshed from what every action read
 * and planned while 自动评分 is on, so that a re-score takes one read and one write.
 */
import type { Form } from "../../engine/types";
import type { WorkbookOutcome } from "../../form/pipeline";
import { personView, type LedgerEntry } from "../../form/plan";
import { formCells, formRows, recognizeSheet } from "../../form/recognize";
import { STATE_SHEET } from "../../form/state";
import { localAddress, parseRange as rectOf, type Rect } from "../../address";
import { touchedCells } from "./cellDetails";
import type { GatewaySession, SheetInfo, SheetRead } from "./session";
import { gridOf } from "./sheetRead";

/** Refreshes 自动评分's memory (while it is on) from what an action read and planned. */
export function remember(
  session: GatewaySession,
  sheets: readonly SheetInfo[],
  reads: readonly SheetRead[],
  ledger: readonly LedgerEntry[],
  outcome: WorkbookOutcome | null
): void {
  if (!session.memory) return;
  const scored = new Map((outcome?.sheets ?? []).map((s) => [s.sheet, s.forms.map((f) => f.form)]));
  const forms = new Map<string, readonly Form[]>();
  for (const r of reads)
    if (r.info.name !== STATE_SHEET)
      forms.set(
        r.info.name,
        scored.get(r.info.name) ?? recognizeSheet(personView(gridOf(r), ledger).grid).forms
      );
  const planned = outcome ? touchedCells(outcome, ledger) : new Map<string, Set<string>>();
  const touched = new Map<string, ReadonlySet<string>>();
  for (const [name, f] of forms) touched.set(name, predictTouched(planned.get(name), f));
  session.memory = { sheets: new Map(sheets.map((s) => [s.name, s])), forms, touched };
}

/**
 * The cells the next plan of a sheet may touch, read with the sheet on a re-score: what the last
 * plan touched and every cell of its forms (a new prompt goes to one of those).
 */
export function predictTouched(
  planned: ReadonlySet<string> | undefined,
  forms: readonly Form[]
): ReadonlySet<string> {
  return new Set([...(planned ?? []), ...forms.flatMap(formCells)]);
}

/** Whether a change at `address` (A1, a range, or whole rows/columns) may fall inside one of the forms. */
export function insideForms(forms: readonly Form[], address: string): boolean {
  let rect: Rect;
  try {
    rect = rectOf(localAddress(address));
  } catch {
    return true; // "5:7" or "C:D": whole rows or columns, taken as inside
  }
  return forms.some((f) => {
    const rows = formRows(f);
    return rect.top <= rows.bottom && rect.bottom >= rows.top;
  });
}
