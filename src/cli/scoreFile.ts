import * as fs from "fs";
import * as path from "path";
import type { ProfileSpec } from "../engine";
import { scoreWorkbookGrids } from "../form/pipeline";
import { STATE_SHEET, stateToRows } from "../form/state";
import { summaryLayout } from "../form/layout/summaryLayout";
import { writePackage, type NewSheet } from "../host/xlsx/package";
import { newSheetFromLayout } from "../host/xlsx/sheetLayoutXml";
import { readWorkbookGrids } from "../host/xlsx/read";
import { keptNotice, type OutputPlan } from "./outputs";
import { workbookReport, type FileReport } from "./report";
import { readFailure, writeFailure } from "./readFailure";
import { writeFileSafely } from "./safeWrite";

export interface FileJob {
  readonly file: string;
  readonly profile: ProfileSpec;
  /** Folder for the scored copy; null: next to the input. */
  readonly outDir: string | null;
  readonly dryRun: boolean;
  /** Where the copy goes (outputs.ts), decided before the run; absent under --dry-run. */
  readonly plan?: OutputPlan;
  /** Why no output could be planned (the folder cannot be made…), in Chinese. */
  readonly planError?: string;
}

/**
 * `<name>.scored.xlsx` in the output folder or beside the input; a macro workbook stays one
 * (`<name>.scored.xlsm`: Excel refuses a macro workbook named .xlsx).
 */
export function outputPath(file: string, outDir: string | null): string {
  const ext = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
  const base = path.basename(file).replace(/\.xls[xm]$/i, "");
  return path.join(outDir ?? path.dirname(file), `${base}.scored${ext}`);
}

/**
 * Score one workbook and write its scored copy: the input is read, never modified; the copy is
 * the input's own package with the edits, the 评分汇总 sheet and the state sheet written into it,
 * so nothing of the input is lost. Never throws: an error is reported on the file.
 */
export async function scoreFile(job: FileJob): Promise<FileReport> {
  try {
    const input = await fs.promises.readFile(job.file).catch((e: unknown) => {
      throw new Error(readFailure(job.file, e));
    });
    // one package index: the cells are read from it, and the scored copy written into it
    const read = await readWorkbookGrids(input, { name: job.file });
    const { grids, package: index, warnings } = read;
    const outcome = scoreWorkbookGrids(grids, { profile: job.profile });
    if (job.dryRun) return { ...workbookReport(job.file, null, outcome), ...said(warnings) };
    if (!job.plan)
      throw new Error(job.planError ?? `无法为 ${path.basename(job.file)} 确定输出位置`);
    const plan = job.plan;
    const summary = newSheetFromLayout(summaryLayout(outcome.summary, outcome.summarySheet));
    const state: NewSheet = {
      name: STATE_SHEET,
      // the source mark (outputs.ts) after the ledger's own first-row cells
      rows: stateToRows(outcome.state).map((row, i) => (i === 0 ? [...row, plan.mark] : row)),
      state: "veryHidden",
    };
    const edits = outcome.sheets.flatMap((s) => s.plan.edits);
    const bytes = await writePackage(index, edits, [summary, state], {
      replaceSheets: outcome.replaceSheets,
    });
    const written = await writeFileSafely(plan.output, bytes, plan.replace).catch((e: unknown) => {
      throw new Error(writeFailure(plan.output, e));
    });
    const kept = written.moved ? [...plan.kept, plan.output] : plan.kept;
    return {
      ...workbookReport(job.file, written.path, outcome),
      ...said(warnings),
      ...(kept.length ? { kept, notice: keptNotice(kept, written.path) } : {}),
    };
  } catch (e) {
    return { file: job.file, output: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** What could not be read whole (a sheet cut short), when there is any. */
function said(warnings: readonly string[]): { warnings?: string[] } {
  return warnings.length ? { warnings: [...warnings] } : {};
}
