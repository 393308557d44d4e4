import * as fs from "fs";
import * as path from "path";
import type { ProfileSpec } from "../engine";
import { scoreWorkbookGrids } from "../form/pipeline";
import { STATE_SHEET, stateToRows } from "../form/state";
import { summaryLayout } from "../form/layout/summaryLayout";
import { writePackage, type NewSheet } from "../host/xlsx/package";
import { newSheetFromLayout } from "../host/xlsx/sheetLayoutXml";
import { readWorkbookGrids } from "../host/xlsx/read";
import { cleanCopyBytes, cleanCopyPath } from "./cleanCopy";
import { workbookReport, type FileReport } from "./report";

export interface FileJob {
  readonly file: string;
  readonly profile: ProfileSpec;
  /** Folder for the scored copy; null: next to the input. */
  readonly outDir: string | null;
  readonly dryRun: boolean;
  /** `--clean`: also write the 提交版 beside the scored copy (cleanCopy.ts). */
  readonly clean?: boolean;
}

/** `<name>.scored.xlsx` in the output folder or beside the input. */
export function outputPath(file: string, outDir: string | null): string {
  const base = path.basename(file).replace(/\.xlsx$/i, "");
  return path.join(outDir ?? path.dirname(file), `${base}.scored.xlsx`);
}

/**
 * Score one workbook and write its scored copy: the input is read, never modified; the copy is
 * the input's own package with the edits, the 评分汇总 sheet and the state sheet written into it,
 * so nothing of the input is lost. Never throws: an error is reported on the file.
 */
export async function scoreFile(job: FileJob): Promise<FileReport> {
  try {
    const input = await fs.promises.readFile(job.file).catch((e: NodeJS.ErrnoException) => {
      const why =
        e.code === "ENOENT"
          ? "文件不存在"
          : e.code === "EISDIR"
            ? "这是一个文件夹"
            : e.code === "EACCES"
              ? "没有读取权限"
              : e.message;
      throw new Error(`无法读取 ${path.basename(job.file)}：${why}`);
    });
    // one package index: the cells are read from it, and the scored copy written into it
    const { grids, package: index } = await readWorkbookGrids(input, { name: job.file });
    const outcome = scoreWorkbookGrids(grids, { profile: job.profile });
    if (job.dryRun) return workbookReport(job.file, null, outcome);
    const output = outputPath(job.file, job.outDir);
    const summary = newSheetFromLayout(summaryLayout(outcome.summary, outcome.summarySheet));
    const state: NewSheet = {
      name: STATE_SHEET,
      rows: stateToRows(outcome.state),
      state: "veryHidden",
    };
    const edits = outcome.sheets.flatMap((s) => s.plan.edits);
    const bytes = await writePackage(index, edits, [summary, state], {
      replaceSheets: outcome.replaceSheets,
    });
    if (outDirMissing(job.outDir))
      await fs.promises.mkdir(job.outDir as string, { recursive: true });
    await fs.promises.writeFile(output, bytes).catch((e: NodeJS.ErrnoException) => {
      throw new Error(`无法写出 ${output}：${e.code === "EACCES" ? "没有写入权限" : e.message}`);
    });
    const report = workbookReport(job.file, output, outcome);
    if (!job.clean) return report;
    const clean = cleanCopyPath(output);
    await fs.promises
      .writeFile(clean, await cleanCopyBytes(index, grids, outcome))
      .catch((e: NodeJS.ErrnoException) => {
        throw new Error(`无法写出 ${clean}：${e.code === "EACCES" ? "没有写入权限" : e.message}`);
      });
    return { ...report, clean };
  } catch (e) {
    return { file: job.file, output: null, error: e instanceof Error ? e.message : String(e) };
  }
}

function outDirMissing(dir: string | null): boolean {
  return dir !== null && !fs.existsSync(dir);
}
