import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * Writing an output file so that nothing is ever lost or half-written (issue 23): the bytes go to
 * a temporary file in the output folder (created exclusively: never through a link), are flushed
 * to disk, and only then take the final name, in one step the file system makes atomic:
 *
 * - a new name: `link(temp, name)`, which fails when anything (a file, a symbolic link) stands
 *   there — a file that appeared since the names were planned is never replaced; the next free
 *   name (`x.scored (2).xlsx`) is taken instead. Where hard links are not supported (FAT, some
 *   network shares) a check then `rename`.
 * - our own earlier copy (planned by outputs.ts): `rename(temp, name)`, only if the very file
 *   judged ours is still there (same device and inode, a plain file, not a symbolic link).
 *
 * Killed at any moment, the final name holds nothing new or the whole file; a stray
 * `.<name>.<pid>.<random>.tmp` may stay in the folder, and a failure removes it.
 */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export interface Written {
  /** The path the file took. */
  readonly path: string;
  /** It took another name than the one asked for (something appeared at that name meanwhile). */
  readonly moved: boolean;
}

/** `x.scored.xlsx` → `x.scored (k).xlsx` (k ≥ 2); the name itself for k = 1. */
export function numberedName(file: string, k: number): string {
  if (k <= 1) return file;
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)} (${k})${ext}`;
}

/** Write `bytes` at `target` (or the next free name), replacing only the file `replace` names. */
export async function writeFileSafely(
  target: string,
  bytes: Uint8Array,
  replace: FileIdentity | null
): Promise<Written> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  const handle = await fs.promises.open(temp, "wx", 0o666);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const written = await placeFile(temp, target, replace);
    await syncFolder(dir);
    return written;
  } finally {
    // after a link (or a failure) the temporary name is left: remove it, never the final one
    await fs.promises.rm(temp, { force: true });
  }
}

async function placeFile(
  temp: string,
  target: string,
  replace: FileIdentity | null
): Promise<Written> {
  if (replace) {
    const now = await fs.promises.lstat(target).catch(() => null);
    if (now?.isFile() && now.dev === replace.dev && now.ino === replace.ino) {
      await fs.promises.rename(temp, target);
      return { path: target, moved: false };
    }
  }
  for (let k = replace ? 2 : 1; k < 10_000; k++) {
    const name = numberedName(target, k);
    try {
      await fs.promises.link(temp, name);
      return { path: name, moved: k > 1 };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP")
        throw e;
    }
    // no hard links here: a check, then an atomic rename (a race in between is the one gap)
    if (await fs.promises.lstat(name).catch(() => null)) continue;
    await fs.promises.rename(temp, name);
    return { path: name, moved: k > 1 };
  }
  throw new Error(`${path.basename(target)} 及其编号名称都已存在`);
}

/** Make the new name durable where the platform allows (not on Windows). */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await fs.promises.open(dir, "r").catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
