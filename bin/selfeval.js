#!/usr/bin/env node
// The `selfeval` command. Runs the compiled CLI (lib/, built by `npm run build:cli`, which
// `npm install` runs through `prepare`). A lib/ older than the sources it is built from (a
// checkout, an edit) is rebuilt first, so the command never runs stale code: running the sources
// through tsx instead costs about 1.2–1.6 s more at every start (and in every worker thread),
// a rebuild about 8 s of CPU once. Without TypeScript at hand (or if the build fails) the
// sources run through tsx; without either, lib/ as it is, with a warning.
const path = require("path");
const fs = require("fs");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const COMPILED = path.join(ROOT, "lib", "cli", "main.js");
const CLI_TSCONFIG = path.join(ROOT, "tsconfig.cli.json");
/** What tsconfig.cli.json compiles into lib/ (its "include"). */
const SOURCE_DIRS = [
  "src/address",
  "src/engine",
  "src/form",
  "src/report",
  "src/host/xlsx",
  "src/cli",
];

/** The newest modification time of the .ts files under `dir` (0 when there are none). */
function newest(dir) {
  let t = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function sourcesNewerThan(ms) {
  const config = fs.existsSync(CLI_TSCONFIG) ? fs.statSync(CLI_TSCONFIG).mtimeMs : 0;
  return Math.max(config, ...SOURCE_DIRS.map((d) => newest(path.join(ROOT, d)))) > ms;
}

/** lib/cli/main.js, rebuilt first when missing or older than a source; null when it cannot be built. */
function freshCompiled() {
  const hasSources = fs.existsSync(path.join(ROOT, "src", "cli", "main.ts"));
  const built = fs.existsSync(COMPILED) ? fs.statSync(COMPILED).mtimeMs : 0;
  if (!hasSources || (built && !sourcesNewerThan(built))) return built ? COMPILED : null;
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  } catch {
    return null;
  }
  process.stderr.write("selfeval: src/ 已更新，正在重新编译 lib/（npm run build:cli）…\n");
  const r = spawnSync(process.execPath, [tsc, "-p", CLI_TSCONFIG], { cwd: ROOT, stdio: "inherit" });
  // tsc writes lib/ even with type errors (status 2): run it only when it built cleanly
  if (r.status !== 0 || !fs.existsSync(COMPILED)) return null;
  return COMPILED;
}

function load() {
  const compiled = freshCompiled();
  if (compiled) return require(compiled);
  try {
    require("tsx/cjs");
    return require(path.join(ROOT, "src", "cli", "main.ts"));
  } catch (e) {
    if (!fs.existsSync(COMPILED)) throw e;
    process.stderr.write("selfeval: 无法编译或运行源代码，使用现有的 lib/（可能不是最新）\n");
    return require(COMPILED);
  }
}

load()
  .main(process.argv.slice(2))
  .then((status) => {
    process.exitCode = status;
  });
