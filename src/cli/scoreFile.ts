import * as fs from "fs";
import * as path from "path";
import type { ProfileSpec } from "../engine";
import { scoreWorkbookBytes } from "../host/xlsx/scoreBook";
import { workbookReport, type FileReport } from "./report";

export interface FileJob {
  readonly file: string;
  readonly profile: ProfileSpec;
  /** Folder for the scored copy; null: next to the input. */
  readonly outDir: string | null;
  readonly dryRun: boolean;
}

/** `<name>.scored.xlsx` in the output folder or beside the input. */
export function outputPath(file: string, outDir: string | null): string {
  const base = path.basename(file).replace(/\.xlsx$/i, "");
  return path.join(outDir ?? path.dirname(file), `${base}.scored.xlsx`);
}

/**
 * Score one workbook and write its scored copy (scoreWorkbookBytes, the function the 网页版 calls
 * too): the input is read, never modified. Never throws: an error is reported on the file.
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
    const { outcome, bytes } = await scoreWorkbookBytes(input, {
      name: job.file,
      profile: job.profile,
      dryRun: job.dryRun,
    });
    if (bytes === null) return workbookReport(job.file, null, outcome);
    const output = outputPath(job.file, job.outDir);
    if (outDirMissing(job.outDir))
      await fs.promises.mkdir(job.outDir as string, { recursive: true });
    await fs.promises.writeFile(output, bytes).catch((e: NodeJS.ErrnoException) => {
      throw new Error(`无法写出 ${output}：${e.code === "EACCES" ? "没有写入权限" : e.message}`);
    });
    return workbookReport(job.file, output, outcome);
  } catch (e) {
    return { file: job.file, output: null, error: e instanceof Error ? e.message : String(e) };
  }
}

function outDirMissing(dir: string | null): boolean {
  return dir !== null && !fs.existsSync(dir);
}
