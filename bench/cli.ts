/**
 * cliSeconds200 / cliRatio200: `selfeval score` on a generated 200-tab workbook (the sample forms
 * repeated), as a user runs it (the bin, a child process), divided by a bare ExcelJS load and
 * save of the same file, also run as a child process, in the same run. Medians of 3.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { median } from "./median";

const ROOT = path.join(__dirname, "..");

/** 200 tabs: the sheets of the Changji and Fengtai samples, round-robin, renamed. */
export async function make200(file: string): Promise<void> {
  const sources: ExcelJS.Worksheet[] = [];
  for (const name of ["003-changji-2024.xlsx", "004-fengtai-2020.xlsx"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, "samples", name));
    sources.push(...wb.worksheets);
  }
  const out = new ExcelJS.Workbook();
  for (let i = 0; i < 200; i++) {
    const src = sources[i % sources.length];
    const ws = out.addWorksheet(`表${String(i + 1).padStart(3, "0")}`);
    ws.model = { ...src.model, name: ws.name } as ExcelJS.WorksheetModel;
  }
  await out.xlsx.writeFile(file);
}

/** A bare ExcelJS load and save of the file, as a command too (node starts, loads exceljs, reads, writes). */
function bareExcelJs(file: string, out: string): number {
  const script = `const E = require("exceljs"); (async () => { const wb = new E.Workbook(); await wb.xlsx.readFile(process.argv[1]); await wb.xlsx.writeFile(process.argv[2]); })();`;
  const t0 = performance.now();
  execFileSync(process.execPath, ["-e", script, file, out], { cwd: ROOT, stdio: "inherit" });
  return (performance.now() - t0) / 1000;
}

function selfeval(file: string, out: string): number {
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [path.join(ROOT, "bin", "selfeval.js"), "score", file, "--out", out, "--jobs", "1"],
    { stdio: ["ignore", "ignore", "inherit"] }
  );
  return (performance.now() - t0) / 1000;
}

export async function cli200(): Promise<{
  cliSeconds200: number;
  cliRatio200: number;
  excelJsSeconds200: number;
}> {
  // once before timing: bin/selfeval.js rebuilds lib/ when it is missing or older than src/
  execFileSync(process.execPath, [path.join(ROOT, "bin", "selfeval.js"), "profiles"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-"));
  try {
    const file = path.join(dir, "200张表.xlsx");
    await make200(file);
    const bare: number[] = [];
    const cli: number[] = [];
    for (let i = 0; i < 3; i++) {
      bare.push(bareExcelJs(file, path.join(dir, "bare.xlsx")));
      cli.push(selfeval(file, path.join(dir, "out")));
    }
    const cliSeconds200 = median(cli);
    const excelJsSeconds200 = median(bare);
    return {
      cliSeconds200: round(cliSeconds200),
      cliRatio200: round(cliSeconds200 / excelJsSeconds200),
      excelJsSeconds200: round(excelJsSeconds200),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
