import * as fs from "fs";
import * as path from "path";
import type { ProfileSpec } from "../engine";
import { scoreWorkbookGrids } from "../form/pipeline";
import { readWorkbookGrids } from "../host/xlsx/read";
import { buildReport, scoredForms } from "../report";
import { reportDocx } from "../report/docx";
import { keptNotice, planOutputs, reportPath, type OutputPlan } from "./outputs";
import { readFailure, writeFailure } from "./readFailure";
import { writeFileSafely } from "./safeWrite";

export { reportPath } from "./outputs";

/** `selfeval report`: one workbook → `<name>.自评报告.docx` (issue 13). */
export interface ReportJob {
  readonly kind: "report";
  readonly file: string;
  readonly profile: ProfileSpec;
  /** Folder for the report; null: next to the workbook. */
  readonly outDir: string | null;
  /** Where the report goes (outputs.ts), decided before the run. */
  readonly plan?: OutputPlan;
  /** Why no output could be planned, in Chinese. */
  readonly planError?: string;
}

export interface ReportOutcome {
  readonly file: string;
  readonly output: string | null;
  /** Forms reported on (0: no file written). */
  readonly forms: number;
  /** Why no report was written although the workbook was read (no form in it), in Chinese. */
  readonly message?: string;
  /** The workbook could not be read or the report not written, in Chinese. */
  readonly error?: string;
  /** Files found at the report's name that this command did not write: kept as they were. */
  readonly kept?: string[];
  readonly notice?: string;
}

/** Never throws: a failure is reported on the file. The workbook is read, never modified. */
export async function reportFile(job: ReportJob): Promise<ReportOutcome> {
  const name = path.basename(job.file);
  try {
    const input = await fs.promises.readFile(job.file).catch((e: unknown) => {
      throw new Error(readFailure(job.file, e));
    });
    const { grids } = await readWorkbookGrids(input, { name: job.file });
    const outcome = scoreWorkbookGrids(grids, { profile: job.profile });
    const forms = scoredForms(outcome.sheets, grids);
    if (forms.length === 0)
      return {
        file: job.file,
        output: null,
        forms: 0,
        message: `${name} 中没有找到项目支出绩效自评表，未生成自评报告`,
      };
    if (job.planError) throw new Error(job.planError);
    // a job run alone (not through main) plans its own output
    const plan =
      job.plan ??
      (await planOutputs([job.file], job.outDir, (f) => reportPath(f, job.outDir), "report"))[0];
    if (typeof plan === "string") throw new Error(plan);
    const bytes = await reportDocx(buildReport(forms), { description: plan.mark });
    const written = await writeFileSafely(plan.output, bytes, plan.replace).catch((e: unknown) => {
      throw new Error(writeFailure(plan.output, e));
    });
    const kept = written.moved ? [...plan.kept, plan.output] : plan.kept;
    return {
      file: job.file,
      output: written.path,
      forms: forms.length,
      ...(kept.length ? { kept, notice: keptNotice(kept, written.path) } : {}),
    };
  } catch (e) {
    return {
      file: job.file,
      output: null,
      forms: 0,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}
