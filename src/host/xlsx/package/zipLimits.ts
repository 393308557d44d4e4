import { TooLargeError } from "./damage";

/**
 * What a package may inflate to (issue 23): a zip declares each entry's size, and those sizes are
 * checked before anything is inflated; while inflating, no entry may grow past what it declared
 * (the codec stops there: zip.ts). A workbook within them is read whole; one past them is refused,
 * naming the part, before it can take the memory of the machine (a "zip bomb": 3.5 MB that
 * inflates to 3.6 GB ended in a V8 out-of-memory abort).
 *
 * - a part: 512 MiB (V8's longest string is 2^29 − 24 characters; a million-row sheet of a form's
 *   width is about 100–200 MB);
 * - the package: 1 GiB in all;
 * - a ratio of inflated to stored above 500 in a part over 8 MiB: DEFLATE cannot exceed about
 *   1,032, only a run of one repeated byte gets near it; the benchmark's million-row sheet
 *   (bench/robust.ts, two numbers a row) stores at 7.8, the samples' sheets below 10.
 */
export const ZIP_LIMITS = {
  partBytes: 512 * 1024 * 1024,
  packageBytes: 1024 * 1024 * 1024,
  ratio: 500,
  ratioFloorBytes: 8 * 1024 * 1024,
};

export type ZipLimits = typeof ZIP_LIMITS;

interface Declared {
  readonly name: string;
  readonly dir: boolean;
  readonly uncompressedSize: number;
  readonly raw: { readonly length: number };
}

function mb(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Refuse a package whose declared sizes pass a limit (a TooLargeError naming the part). */
export function checkDeclared(entries: readonly Declared[], limits: ZipLimits = ZIP_LIMITS): void {
  let total = 0;
  for (const e of entries) {
    if (e.dir) continue;
    const size = e.uncompressedSize;
    if (size > limits.partBytes)
      throw new TooLargeError(
        e.name,
        `解压后有 ${mb(size)}，超过单个部件 ${mb(limits.partBytes)} 的上限`
      );
    if (size > limits.ratioFloorBytes && size > limits.ratio * Math.max(1, e.raw.length))
      throw new TooLargeError(
        e.name,
        `从 ${mb(e.raw.length)} 解压到 ${mb(size)}（${Math.round(size / Math.max(1, e.raw.length))} 倍），远超正常工作簿的压缩比`
      );
    total += size;
    if (total > limits.packageBytes)
      throw new TooLargeError("", `解压后超过 ${mb(limits.packageBytes)}（各部件合计）`);
  }
}
