/**
 * The 自评报告 model of every sample workbook (samples/*.xlsx), with the scored forms it was built
 * from, keyed by file name: what the report tests read.
 */
import * as fs from "fs";
import * as path from "path";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { buildReport, scoredForms, type ReportModel, type ScoredForm } from "../../src/report";

export const SAMPLES = path.join(__dirname, "..", "..", "samples");

export const SAMPLE_FILES = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

export interface SampleReport {
  readonly forms: ScoredForm[];
  readonly report: ReportModel;
}

export async function sampleReports(): Promise<Map<string, SampleReport>> {
  const reports = new Map<string, SampleReport>();
  for (const f of SAMPLE_FILES) {
    const { grids } = await readWorkbookFile(path.join(SAMPLES, f));
    const forms = scoredForms(scoreWorkbookGrids(grids).sheets, grids);
    reports.set(f, { forms, report: buildReport(forms) });
  }
  return reports;
}
