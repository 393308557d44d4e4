/**
 * syncs1 / syncs200 / fakeHostSeconds200: 批量评分 (gateway.scoreAllSheets) in the strict fake Excel
 * of test/fake-excel, loaded from the sample workbooks, over a 1-tab workbook (the first sheet of
 * the Fengtai sample) and over a 200-tab one (the sample sheets round-robin, as
 * test/host/excel-gateway.test.ts builds it). The syncs are the round trips the fake counted; the
 * seconds are those of the 200-tab run (a fresh copy of the workbook each time), median of 3.
 * The fake's syncs cost no network: the seconds are the add-in's own work (reading, scoring,
 * planning, queueing) plus the fake's, not what Excel on the web would take.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { createExcelGateway } from "../src/host/excel/gateway";
import type { RunReport } from "../src/host/excel/report";
import { FakeExcel, installFakeExcel, loadFakeExcel } from "../test/fake-excel";
import { DocumentModel } from "../test/fake-excel/model";
import { median } from "./median";

const SAMPLES = path.join(__dirname, "..", "samples");
const FENGTAI = "004-fengtai-2020.xlsx";

/** 批量评分 over the fake, installed as the globals for the run only; the fake's sync count. */
async function scoreAll(
  fake: FakeExcel
): Promise<{ report: RunReport; syncs: number; seconds: number }> {
  const uninstall = installFakeExcel(fake);
  try {
    const t0 = performance.now();
    const report = await createExcelGateway().scoreAllSheets();
    const seconds = (performance.now() - t0) / 1000;
    if (!report.ok) throw new Error(`批量评分 failed in the fake: ${report.error ?? ""}`);
    if (fake.notLoadedReads.length)
      throw new Error(`the gateway read unloaded properties: ${fake.notLoadedReads.join(", ")}`);
    return { report, syncs: fake.syncs, seconds };
  } finally {
    uninstall();
  }
}

function bigWorkbook(docs: readonly DocumentModel[], tabs: number): FakeExcel {
  const doc = new DocumentModel();
  const sources = docs.flatMap((d) => d.sheets);
  for (let i = 0; i < tabs; i++) {
    const src = sources[i % sources.length];
    doc.importSheet(src, `${String(i + 1).padStart(3, "0")}${src.name}`.slice(0, 31));
  }
  doc.activeSheetId = doc.sheets[0].id;
  return new FakeExcel(doc);
}

export async function excelFake(): Promise<{
  syncs1: number;
  syncs200: number;
  fakeHostSeconds200: number;
}> {
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const docs = new Map<string, DocumentModel>();
  for (const f of files) docs.set(f, (await loadFakeExcel(path.join(SAMPLES, f))).doc);

  const single = new FakeExcel((docs.get(FENGTAI) as DocumentModel).clone());
  for (const n of single.sheetNames().slice(1)) single.removeSheet(n);
  const one = await scoreAll(single);

  const seconds: number[] = [];
  let syncs200 = 0;
  for (let i = 0; i < 3; i++) {
    const many = await scoreAll(bigWorkbook([...docs.values()], 200));
    if (many.report.sheets.length !== 200)
      throw new Error(`批量评分 scored ${many.report.sheets.length} of 200 tabs`);
    if (i > 0 && many.syncs !== syncs200) throw new Error("the 200-tab runs took different syncs");
    syncs200 = many.syncs;
    seconds.push(many.seconds);
  }
  return {
    syncs1: one.syncs,
    syncs200,
    fakeHostSeconds200: Math.round(median(seconds) * 100) / 100,
  };
}
