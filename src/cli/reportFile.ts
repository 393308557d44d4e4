import * as fs from "fs";
import * as path from "path";
import type { ProfileSpec } from "../engine";
import { scoreWorkbookGrids } from "../form/pipeline";
import { readWorkbookGrids } from "../host/xlsx/read";
import { buildReport, scoredForms } from "../report";
import { reportDocx } from "../report/docx";

/** `selfeval report`: one workbook → `<name>.自评报告.docx` (issue 13). */
export interface ReportJob {
  readonly kind: "report";
  readonly file: string;
  readonly profile: ProfileSpec;
  /** Folder for the report; null: next to the workbook. */
  readonly outDir: string | null;
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
}

export function reportPath(file: string, outDir: string | null): string {
  const base = path.basename(file).replace(/\.xlsx$/i, "");
  return path.join(outDir ?? path.dirname(file), `${base}.自评报告.docx`);
}

/** Never throws: a failure is reported on the file. The workbook is read, never modified. */
export async function reportFile(job: ReportJob): Promise<ReportOutcome> {
  const name = path.basename(job.file);
  try {
    const input = await fs.promises.readFile(job.file).catch((e: NodeJS.ErrnoException) => {
      const why =
        e.code === "ENOENT" ? "文件不存在" : e.code === "EACCES" ? "没有读取权限" : e.message;
      throw new Error(`无法读取 ${name}：${why}`);
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
    const bytes = await reportDocx(buildReport(forms));
    const output = reportPath(job.file, job.outDir);
    await fs.promises.mkdir(path.dirname(output), { recursive: true });
    await fs.promises.writeFile(output, bytes).catch((e: NodeJS.ErrnoException) => {
      throw new Error(`无法写出 ${output}：${e.code === "EACCES" ? "没有写入权限" : e.message}`);
    });
    return { file: job.file, output, forms: forms.length };
  } catch (e) {
    return {
      file: job.file,
      output: null,
      forms: 0,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}
