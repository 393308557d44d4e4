import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { PackageParts } from "../host/xlsx/package/parts";
import { numberedName, type FileIdentity } from "./safeWrite";

/**
 * Where each output of a run goes (issue 23), decided on the main thread before any is written:
 *
 * - never the input itself (same real path, or the same file by device and inode: a hard link);
 * - never a symbolic link, whatever it points to;
 * - a file already at the name is replaced only when it is a copy this command wrote from the
 *   same input: the copy carries a source mark, `selfeval-source:` and the SHA-256 of the
 *   input's real path (the zip archive's comment of a scored copy or a 提交版 — in the
 *   container, not in a part, so the parts stay what the 网页版 writes for the same input — and
 *   the description of a report's docProps/core.xml). Anything else there (a person's file, a copy of another input
 *   of the same name) is kept, and the output takes the next free name, `x.scored (2).xlsx`;
 * - two inputs of one run never get the same name (compared case-insensitively, as Windows and
 *   macOS folders do).
 */
export interface OutputPlan {
  readonly output: string;
  /** The earlier copy of ours at `output`, to be replaced (null: the name is free). */
  readonly replace: FileIdentity | null;
  /** The mark the output carries. */
  readonly mark: string;
  /** Files found at the names passed over, kept as they are. */
  readonly kept: string[];
}

export type OutputKind = "score" | "report";

/** `<name>.自评报告.docx` in the output folder or beside the workbook. */
export function reportPath(file: string, outDir: string | null): string {
  const base = path.basename(file).replace(/\.xls[xm]$/i, "");
  return path.join(outDir ?? path.dirname(file), `${base}.自评报告.docx`);
}

/** The mark of the outputs made from `file`: its real path, hashed (no folder names in the copy). */
export async function sourceMark(file: string): Promise<string> {
  const real = await fs.promises.realpath(file).catch(() => path.resolve(file));
  return `selfeval-source:${createHash("sha256").update(real).digest("hex").slice(0, 32)}`;
}

/** The output folder, created when missing; a Chinese message when it cannot be. */
export async function ensureFolder(dir: string): Promise<void> {
  const stat = await fs.promises.stat(dir).catch(() => null);
  if (stat?.isDirectory()) return;
  if (stat) throw new Error(`无法写出到 ${dir}：它是一个文件，不是文件夹`);
  try {
    await fs.promises.mkdir(dir, { recursive: true });
  } catch (e) {
    // a recursive mkdir says ENOENT on a read-only disk: the first missing folder, made alone, says why
    const code = await firstMissingFolderError(dir).catch(() => (e as NodeJS.ErrnoException).code);
    const why =
      code === "EACCES" || code === "EPERM"
        ? "所在位置没有写入权限"
        : code === "EROFS"
          ? "所在磁盘是只读的"
          : code === "ENOTDIR"
            ? "路径中有一段是文件而不是文件夹"
            : code === "ENOSPC"
              ? "磁盘空间已满"
              : `系统错误 ${code ?? ""}`.trim();
    throw new Error(`无法创建输出文件夹 ${dir}：${why}`);
  }
}

/** The error code of making the first missing folder of `dir` on its own. */
async function firstMissingFolderError(dir: string): Promise<string | undefined> {
  let missing = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(missing);
    const stat = await fs.promises.stat(parent).catch(() => null);
    if (stat && !stat.isDirectory()) return "ENOTDIR";
    if (stat || parent === missing) break;
    missing = parent;
  }
  return fs.promises.mkdir(missing).then(
    () => undefined,
    (e: NodeJS.ErrnoException) => e.code
  );
}

/** Plan one output per input, in order; `claimed` holds the names this run already gave. */
export async function planOutput(
  file: string,
  desired: string,
  kind: OutputKind,
  claimed: Set<string>
): Promise<OutputPlan> {
  const mark = await sourceMark(file);
  const input = await fs.promises.stat(file);
  const realInput = await fs.promises.realpath(file);
  const dir = await fs.promises.realpath(path.dirname(desired));
  const kept: string[] = [];
  for (let k = 1; ; k++) {
    const name = numberedName(desired, k);
    const key = path.join(dir, path.basename(name)).toLowerCase();
    if (claimed.has(key)) continue;
    const there = await fs.promises.lstat(name).catch(() => null);
    if (!there) {
      claimed.add(key);
      return { output: name, replace: null, mark, kept };
    }
    const isInput =
      (there.dev === input.dev && there.ino === input.ino) ||
      path.join(dir, path.basename(name)) === realInput;
    if (!isInput && there.isFile() && (await carriesMark(name, mark, kind))) {
      claimed.add(key);
      return { output: name, replace: { dev: there.dev, ino: there.ino }, mark, kept };
    }
    kept.push(name);
  }
}

/** The existing output is ours, made from the same input. Any doubt (unreadable, too large): no. */
async function carriesMark(file: string, mark: string, kind: OutputKind): Promise<boolean> {
  try {
    const stat = await fs.promises.stat(file);
    if (stat.size > 256 * 1024 * 1024) return false;
    const parts = await PackageParts.open(await fs.promises.readFile(file));
    if (kind === "report") return (parts.text("docProps/core.xml") ?? "").includes(mark);
    // a workbook (scored copy or 提交版) carries it as the zip archive's comment (scoreBook.ts)
    return parts.archive.comment === mark;
  } catch {
    return false;
  }
}

/** The sentence said when a file was kept at the output name, in Chinese. */
export function keptNotice(kept: readonly string[], output: string): string {
  const names = kept.map((k) => path.basename(k)).join("、");
  return `${names} 已存在，且不是本程序为这个输入写出的文件，已原样保留；新文件写为 ${path.basename(output)}`;
}

/**
 * Every input's output, in order (one run's names distinct); a Chinese message instead of a plan
 * where none can be made (the output folder cannot be created, the input cannot be read).
 */
export async function planOutputs(
  files: readonly string[],
  outDir: string | null,
  desired: (file: string) => string,
  kind: OutputKind
): Promise<(OutputPlan | string)[]> {
  let folderError: string | null = null;
  if (outDir !== null) folderError = await ensureFolder(outDir).then(() => null, message);
  const claimed = new Set<string>();
  const plans: (OutputPlan | string)[] = [];
  for (const file of files) {
    if (folderError) plans.push(folderError);
    else
      plans.push(
        await planOutput(file, desired(file), kind, claimed).catch(
          (e: unknown) => `无法为 ${path.basename(file)} 确定输出位置：${message(e)}`
        )
      );
  }
  return plans;
}

function message(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return "文件或文件夹不存在";
  return e instanceof Error ? e.message : String(e);
}
