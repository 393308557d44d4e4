/**
 * The task pane as it ships: a production build of webpack.config.js into a folder of one's
 * choosing (the bundle test and the bench build it into a temporary folder, leaving dist/ alone).
 */
import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import * as zlib from "zlib";

const ROOT = path.join(__dirname, "../..");

/** `env` as webpack's --env gives it, e.g. { OFFICE_JS: "local" } for the intranet build (issue 19). */
export async function buildProduction(
  outDir: string,
  env: Record<string, string> = {}
): Promise<void> {
  const factory = require(path.join(ROOT, "webpack.config.js")) as (
    env: object,
    argv: object
  ) => Promise<webpack.Configuration>;
  const config = await factory(env, { mode: "production" });
  config.mode = "production";
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  const compiler = webpack(config);
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    })
  );
}

/** Gzip (level 9) size in KiB, to one decimal. */
export function gzipKB(bytes: Buffer): number {
  return Math.round((zlib.gzipSync(bytes, { level: 9 }).length / 1024) * 10) / 10;
}

/** What the task pane's JavaScript may weigh, gzip (issue 6). */
export const BUNDLE_BUDGET_KB = 350;

export function readBuilt(outDir: string, file: string): Buffer {
  return fs.readFileSync(path.join(outDir, file));
}

/**
 * The task pane's own scripts in the order taskpane.html loads them (Office.js, from Microsoft's
 * CDN or the local build's office/ folder, left out): React, Fluent UI and the pane (issue 12), all that runs before the first render.
 */
export function initialScripts(outDir: string): string[] {
  const html = readBuilt(outDir, "taskpane.html").toString("utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src) && !src.startsWith("office/"));
}

/** Gzip KiB of the initial scripts together (each file gzipped as a server would send it). */
export function initialGzipKB(outDir: string): number {
  const kb = initialScripts(outDir).reduce((sum, f) => sum + gzipKB(readBuilt(outDir, f)), 0);
  return Math.round(kb * 10) / 10;
}
