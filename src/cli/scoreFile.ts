import * as fs from "fs";
import * as path from "path";
import type { ProfileSpec } from "../engine";
import { scoreWorkbookBytes } from "../host/xlsx/scoreBook";
import { cleanCopyBytes, cleanCopyPath } from "./cleanCopy";
import { keptNotice, planOutput, planOutputs, type OutputPlan } from "./outputs";
import { readFailure, writeFailure } from "./readFailure";
import { workbookReport, type FileReport } from "./report";
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
  /** `--clean`: also write the 提交版 beside the scored copy (cleanCopy.ts). */
  readonly clean?: boolean;
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
 * Score one workbook and write its scored copy (scoreWorkbookBytes, the function the 网页版 calls
 * too): the input is read, never modified; the copy written safely (safeWrite.ts) where the plan
 * says (outputs.ts). Never throws: an error is reported on the file.
 */
export async function scoreFile(job: FileJob): Promise<FileReport> {
  try {
    const input = await fs.promises.readFile(job.file).catch((e: unknown) => {
      throw new Error(readFailure(job.file, e));
    });
    // a job run alone (not through main) plans its own output
    if (job.planError) throw new Error(job.planError);
    const planned = job.dryRun
      ? null
      : (job.plan ??
        (await planOutputs([job.file], job.outDir, (f) => outputPath(f, job.outDir), "score"))[0]);
    if (typeof planned === "string") throw new Error(planned);
    const { read, outcome, bytes } = await scoreWorkbookBytes(input, {
      name: job.file,
      profile: job.profile,
      dryRun: job.dryRun,
      sourceMark: planned?.mark,
    });
    if (bytes === null || !planned)
      return { ...workbookReport(job.file, null, outcome), ...said(read.warnings) };
    const plan = planned;
    const written = await writeFileSafely(plan.output, bytes, plan.replace).catch((e: unknown) => {
      throw new Error(writeFailure(plan.output, e));
    });
    const kept = written.moved ? [...plan.kept, plan.output] : plan.kept;
    const report: FileReport = {
      ...workbookReport(job.file, written.path, outcome),
      ...said(read.warnings),
      ...(kept.length ? { kept, notice: keptNotice(kept, written.path) } : {}),
    };
    if (!job.clean) return report;
    // the 提交版 beside the copy it was made with, planned and written like it: our own earlier
    // 提交版 of this input is replaced, anything else at the name kept
    const cleanPlan = await planOutput(job.file, cleanCopyPath(written.path), "score", new Set());
    const clean = await writeFileSafely(
      cleanPlan.output,
      await cleanCopyBytes(read.package, read.grids, outcome, cleanPlan.mark),
      cleanPlan.replace
    ).catch((e: unknown) => {
      throw new Error(writeFailure(cleanPlan.output, e));
    });
    return { ...report, clean: clean.path };
  } catch (e) {
    return { file: job.file, output: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** What could not be read whole (a sheet cut short), when there is any. */
function said(warnings: readonly string[]): { warnings?: string[] } {
  return warnings.length ? { warnings: [...warnings] } : {};
}
