import { scoreWorkbook, type EngineOptions } from "../engine";
import type { Form, FormResult } from "../engine/types";
import type { Grid } from "./grid";
import { personView, planSheet, type LedgerEntry, type PlanOptions, type WritePlan } from "./plan";
import { recognizeSheet } from "./recognize";
import { stateFromGrid, STATE_SHEET, summarySheetName, type WorkbookState } from "./state";
import { buildSummary, SUMMARY_SHEET, type Summary } from "./summary";

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

export interface ScoreOptions extends Omit<EngineOptions, "evidence">, PlanOptions {
  /** Further sheets whose forms count as evidence for `auto` (the other tabs when one is scored). */
  readonly evidence?: readonly Grid[];
  /** Forms of further sheets recognised earlier (自动评分 remembers the other tabs' forms). */
  readonly evidenceForms?: readonly Form[];
}

export function scoreGrids(
  grids: readonly Grid[],
  ledger: readonly LedgerEntry[],
  options: ScoreOptions = {}
): SheetOutcome[] {
  const views = grids.map((g) => personView(g, ledger));
  const recognitions = views.map((v) => recognizeSheet(v.grid));
  const forms = recognitions.flatMap((r) => r.forms);
  const evidence = [
    ...(options.evidenceForms ?? []),
    ...(options.evidence ?? [])
      .filter((g) => !grids.includes(g))
      .flatMap((g) => recognizeSheet(personView(g, ledger).grid).forms),
  ];
  const results = scoreWorkbook(forms, { ...options, evidence });
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

export interface WorkbookOutcome {
  readonly sheets: readonly SheetOutcome[];
  /** The state to store after the plans are applied. */
  readonly state: WorkbookState;
  readonly summary: Summary;
  /** The name the summary sheet gets, and the product's previous one to replace (if any). */
  readonly summarySheet: string;
  readonly replaceSheets: readonly string[];
}

/**
 * A whole workbook: the product's own sheets (its state and its last summary) are read, not
 * scored; `only` scores one sheet (评分当前表) and keeps the ledger of the others.
 */
export function scoreWorkbookGrids(
  grids: readonly Grid[],
  options: ScoreOptions & { readonly only?: string } = {}
): WorkbookOutcome {
  const previous = stateFromGrid(grids.find((g) => g.sheet === STATE_SHEET));
  const own = new Set([
    STATE_SHEET,
    ...(previous.summarySheet ? [previous.summarySheet] : []),
    ...(previous.reportSheet ? [previous.reportSheet] : []),
  ]);
  const candidates = grids.filter((g) => !own.has(g.sheet));
  const scoredGrids = options.only
    ? candidates.filter((g) => g.sheet === options.only)
    : candidates;
  // the profile is chosen with the evidence of every tab, even when one is scored
  const sheets = scoreGrids(scoredGrids, previous.ledger, {
    ...options,
    evidence: options.only ? candidates : undefined,
  });
  const scoredNames = new Set(scoredGrids.map((g) => g.sheet));
  const ledger = [
    ...previous.ledger.filter((e) => !scoredNames.has(e.sheet)),
    ...sheets.flatMap((s) => s.plan.ledger),
  ];
  const summarySheet = summarySheetName(
    grids.map((g) => g.sheet),
    previous.summarySheet,
    SUMMARY_SHEET
  );
  return {
    sheets,
    state: {
      ledger,
      summarySheet,
      // the 自评报告 sheet stays recorded while it exists (撤销 removes it)
      ...(previous.reportSheet && grids.some((g) => g.sheet === previous.reportSheet)
        ? { reportSheet: previous.reportSheet }
        : {}),
    },
    summary: buildSummary(sheets, summarySheet),
    summarySheet,
    replaceSheets: [STATE_SHEET, ...(previous.summarySheet ? [previous.summarySheet] : [])].filter(
      (n) => grids.some((g) => g.sheet === n)
    ),
  };
}
