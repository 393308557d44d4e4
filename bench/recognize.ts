/**
 * recognizeFormsPerSecond: recognition alone (recognizeSheet, pure) over the grids of the 200-tab
 * benchmark workbook (the sample sheets round-robin, as bench/excel.ts builds it, here read with the
 * product's .xlsx reader): forms recognised per second, median of 7 passes after one warm-up.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import type { Grid } from "../src/form/grid";
import { recognizeSheet } from "../src/form/recognize";
import { readWorkbookGrids } from "../src/host/xlsx/read";
import { median } from "./median";

const SAMPLES = path.join(__dirname, "..", "samples");

/** The sample workbooks' sheets round-robin over 200 tabs, as the hosts hand them over. */
async function grids200(): Promise<Grid[]> {
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const sources: Grid[] = [];
  for (const f of files) {
    const { grids } = await readWorkbookGrids(fs.readFileSync(path.join(SAMPLES, f)), { name: f });
    sources.push(...grids);
  }
  return Array.from({ length: 200 }, (_, i) => ({
    ...sources[i % sources.length],
    sheet: `${String(i + 1).padStart(3, "0")}${sources[i % sources.length].sheet}`.slice(0, 31),
  }));
}

export async function recognizeFigures(): Promise<{ recognizeFormsPerSecond: number }> {
  const grids = await grids200();
  const pass = (): { forms: number; seconds: number } => {
    const t0 = performance.now();
    let forms = 0;
    for (const g of grids) forms += recognizeSheet(g).forms.length;
    return { forms, seconds: (performance.now() - t0) / 1000 };
  };
  const first = pass();
  if (first.forms === 0) throw new Error("no form recognised on the 200-tab workbook");
  const rates: number[] = [];
  for (let i = 0; i < 7; i++) {
    const p = pass();
    rates.push(p.forms / p.seconds);
  }
  return { recognizeFormsPerSecond: Math.round(median(rates)) };
}

if (require.main === module) {
  recognizeFigures()
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    });
}
