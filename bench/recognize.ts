/**
 * recognizeFormsPerSecond: recognition alone (recognizeSheet, pure) over the grids of the 200-tab
 * benchmark workbook (the sample sheets round-robin, as bench/excel.ts builds it): forms recognised
 * per second, median of 7 passes after one warm-up.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import type { Grid } from "../src/form/grid";
import { recognizeSheet } from "../src/form/recognize";
import { FakeExcel, loadFakeExcel } from "../test/fake-excel";
import { DocumentModel } from "../test/fake-excel/model";
import { median } from "./median";

const SAMPLES = path.join(__dirname, "..", "samples");

async function grids200(): Promise<Grid[]> {
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const doc = new DocumentModel();
  const sources: DocumentModel["sheets"] = [];
  for (const f of files) sources.push(...(await loadFakeExcel(path.join(SAMPLES, f))).doc.sheets);
  for (let i = 0; i < 200; i++) {
    const src = sources[i % sources.length];
    doc.importSheet(src, `${String(i + 1).padStart(3, "0")}${src.name}`.slice(0, 31));
  }
  const fake = new FakeExcel(doc);
  return fake.sheetNames().map((s) => fake.grid(s));
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
