import type { WorkbookOutcome } from "../form/pipeline";
import { scoringReport, type RunReport } from "../host/excel/report";
import type { BookSummary } from "./protocol";

/**
 * What the page shows of a scored workbook: the task pane's RunReport (its ResultView renders it,
 * built by the pane's own pure scoringReport) with the cells, notes and fills the copy changed, and
 * a line of the summary across files. Pure.
 */
export function bookReport(outcome: WorkbookOutcome, warnings: readonly string[]): RunReport {
  const written = { cells: 0, notes: 0, fills: 0 };
  const writes = new Map<string, { edits: number; notWritten: string[]; failed: boolean }>();
  for (const s of outcome.sheets) {
    for (const e of s.plan.edits) {
      if ("value" in e.set || "formula" in e.set) written.cells++;
      if (e.set.note) written.notes++;
      if (e.set.fill) written.fills++;
    }
    writes.set(s.sheet, { edits: s.plan.edits.length, notWritten: [], failed: false });
  }
  const s = outcome.summary;
  return scoringReport({
    action: "score-all",
    sheets: outcome.sheets,
    writes,
    written,
    summary: {
      sheet: outcome.summarySheet,
      forms: s.forms,
      average: s.average === null ? null : s.average.toString(),
      weightedAverage: s.weightedAverage === null ? null : s.weightedAverage.toString(),
      bandSentence: s.bandSentence,
      chart: s.scored > 0,
    },
    notes: "notes",
    mergesRead: true,
    warnings,
    notWritten: [],
    error: null,
    syncs: 0,
  });
}

/** One workbook's line in the summary across files. */
export function bookSummary(report: RunReport): BookSummary {
  const forms = report.sheets.flatMap((s) => s.forms);
  const grades = new Map<string, number>();
  for (const f of forms) if (f.grade) grades.set(f.grade, (grades.get(f.grade) ?? 0) + 1);
  return {
    forms: forms.length,
    average: report.summary?.average ?? null,
    bandSentence: report.summary?.bandSentence ?? "",
    prompts: report.prompts.length,
    grades: [...grades],
  };
}
