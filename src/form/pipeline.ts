import { scoreWorkbook, type EngineOptions } from "../engine";
import type { Form, FormResult } from "../engine/types";
import type { Grid } from "./grid";
import { personView, planSheet, type LedgerEntry, type PlanOptions, type WritePlan } from "./plan";
import { recognizeSheet } from "./recognize";

/**
 * The one flow every host runs (design.md): grids → (the person's view of them) → forms → results
 * (profile chosen with the evidence of the whole workbook) → a write plan per sheet. Pure.
 */
export interface SheetOutcome {
  readonly sheet: string;
  readonly forms: readonly { readonly form: Form; readonly result: FormResult }[];
  /** "不是自评表：…" for a sheet without a form. */
  readonly skipped: string | null;
  readonly plan: WritePlan;
}

export interface ScoreOptions extends EngineOptions, PlanOptions {}

export function scoreGrids(
  grids: readonly Grid[],
  ledger: readonly LedgerEntry[],
  options: ScoreOptions = {}
): SheetOutcome[] {
  const views = grids.map((g) => personView(g, ledger));
  const recognitions = views.map((v) => recognizeSheet(v.grid));
  const forms = recognitions.flatMap((r) => r.forms);
  const results = scoreWorkbook(forms, options);
  let k = 0;
  return recognitions.map((rec, i) => {
    const scored = rec.forms.map((form) => ({ form, result: results[k++] }));
    const plan =
      scored.length > 0
        ? planSheet(views[i].grid, scored, views[i].ledger, options)
        : { edits: [], ledger: views[i].ledger, skipped: [] };
    return { sheet: rec.sheet, forms: scored, skipped: rec.skipped, plan };
  });
}
