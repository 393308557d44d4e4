import * as path from "path";

/**
 * The file system's failures in the accountant's words, naming the file (issue 23): never an
 * ENOENT or an EACCES alone.
 */
const WHY: Record<string, string> = {
  ENOENT: "文件不存在",
  EISDIR: "这是一个文件夹",
  EACCES: "没有权限",
  EPERM: "没有权限",
  EROFS: "所在磁盘是只读的",
  ENOSPC: "磁盘空间已满",
  EDQUOT: "磁盘配额已用完",
  EBUSY: "文件正被其他程序占用",
  ENAMETOOLONG: "文件名太长",
  EMFILE: "同时打开的文件太多",
  EIO: "磁盘读写出错",
};

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && WHY[code]) return WHY[code];
  return e instanceof Error ? e.message : String(e);
}

/** "无法读取 a.xlsx：文件不存在". */
export function readFailure(file: string, e: unknown): string {
  return `无法读取 ${path.basename(file)}：${why(e)}`;
}

/** "无法写出 out/a.scored.xlsx：磁盘空间已满（没有留下不完整的文件）". */
export function writeFailure(output: string, e: unknown): string {
  return `无法写出 ${output}：${why(e)}（没有留下不完整的文件）`;
}
