import type { Grid } from "../../src/form/grid";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { buildReport, scoredForms, type ReportModel, type ScoredForm } from "../../src/report";
import { seedFiles, seedWorkbookSheets } from "../support/seedGrids";

/** A seed document as the sheets of its workbook, scored as the product scores it, and its report. */
export function seedReport(seed: string): {
  grids: Grid[];
  forms: ScoredForm[];
  report: ReportModel;
} {
  const file = seedFiles().find((f) => f.startsWith(seed)) as string;
  const grids = seedWorkbookSheets(file).map((s) => s.grid);
  return reportOf(grids);
}

export function reportOf(grids: Grid[]): {
  grids: Grid[];
  forms: ScoredForm[];
  report: ReportModel;
} {
  const outcome = scoreWorkbookGrids(grids);
  const forms = scoredForms(outcome.sheets, grids);
  return { grids, forms, report: buildReport(forms) };
}
