import * as fs from "fs";
import * as path from "path";
import { readWorkbookGrids, type ReadOptions, type WorkbookGrids } from "./read";

/**
 * Node's door to read.ts: a workbook read from a path, with what went wrong in Chinese naming the
 * file (the browser hands read.ts the bytes of a chosen file instead).
 */
export async function readWorkbookFile(
  file: string,
  options: ReadOptions = {}
): Promise<WorkbookGrids> {
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "文件不存在"
        : code === "EISDIR"
          ? "这是一个文件夹"
          : code === "EACCES"
            ? "没有读取权限"
            : `读取失败（${code ?? "未知错误"}）`;
    throw new Error(`无法读取 ${path.basename(file)}：${why}`);
  }
  return readWorkbookGrids(data, { name: options.name ?? file });
}
