/**
 * The built 网页版 (dist-web/), for the end-to-end test and the benchmark: built with
 * `npm run build:web` when it is missing or older than any source it is built from, else used as is.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
export const WEB_DIR = path.join(ROOT, "dist-web");
export const WEB_INDEX = path.join(WEB_DIR, "index.html");
/** Written when a build ends (.web-build/ is the worker's build folder, not deployed). */
const STAMP = path.join(ROOT, ".web-build", "built-at");

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export function ensureWebBuild(): void {
  // a stamp written after each build: webpack leaves an output it would write unchanged with its
  // old time, so the outputs' own times cannot say whether a build is newer than the sources
  const sources = Math.max(
    newest(path.join(ROOT, "src")),
    fs.statSync(path.join(ROOT, "webpack.web.config.js")).mtimeMs
  );
  if (
    fs.existsSync(WEB_INDEX) &&
    fs.existsSync(path.join(WEB_DIR, "web.js")) &&
    fs.existsSync(STAMP) &&
    fs.statSync(STAMP).mtimeMs >= sources
  )
    return;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--config",
      "webpack.web.config.js",
      "--mode",
      "production",
    ],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] }
  );
  fs.writeFileSync(STAMP, new Date().toISOString());
}
