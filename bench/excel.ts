/**
 * syncs1 / syncs200 / fakeHostSeconds200: 批量评分 (gateway.scoreAllSheets) in the strict fake Excel
 * of fake-excel, loaded from the sample workbooks, over a 1-tab workbook (the first sheet of
 * the Fengtai sample) and over a 200-tab one (the sample sheets round-robin, as
 * test/host/excel-gateway.test.ts builds it). The syncs are the round trips the fake counted; the
 * seconds are those of the 200-tab run (a fresh copy of the workbook each time), median of 3.
 * autoRescoreSyncs200 / autoRescoreMs200: 自动评分 on the 200-tab workbook after 批量评分: a
 * person's edit of a budget cell inside a form (the first tab from the 100th on with a budget line), then the re-score the pane makes
 * (gateway.rescoreSheet): its round trips, milliseconds and request + response KiB as the fake
 * estimates them, median of 5 edits.
 * The fake's syncs cost no network: the seconds are the add-in's own work (reading, scoring,
 * planning, queueing) plus the fake's, not what Excel on the web would take.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { recognizeSheet } from "../src/form/recognize";
import { createExcelGateway } from "../src/host/excel/gateway";
import type { RunReport } from "../src/host/excel/report";
import { FakeExcel, installFakeExcel, loadFakeExcel } from "../fake-excel";
import { DocumentModel } from "../fake-excel/model";
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

/** 自动评分 on: edits inside one form of the 200 tabs, each re-scored as the pane would. */
async function autoRescore(fake: FakeExcel): Promise<{ syncs: number; ms: number; kb: number }> {
  const uninstall = installFakeExcel(fake);
  try {
    const gateway = createExcelGateway();
    await gateway.scoreAllSheets();
    const stop = await gateway.onSheetChanged(() => undefined, { debounceMs: 60_000 });
    if (!stop) throw new Error("the fake Excel has no change events");
    // the first tab from the 100th on with a budget line in numbers
    const found = fake
      .sheetNames()
      .slice(99)
      .map((sheet) => ({ sheet, row: recognizeSheet(fake.grid(sheet)).forms[0]?.budget?.rows[0] }))
      .find((x) => x.row?.executed && typeof x.row.annual?.value === "number");
    if (!found) throw new Error("no tab from the 100th on has a budget line in numbers");
    const sheet = found.sheet;
    const executed = found.row?.executed?.address as string;
    const annual = found.row?.annual?.value as number;
    const syncs: number[] = [];
    const ms: number[] = [];
    const kb: number[] = [];
    for (let i = 0; i < 5; i++) {
      fake.userEdit(sheet, executed, [[Math.round(annual * (5 + i)) / 10]]); // 50%, 60% … executed
      const before = fake.syncs;
      const logged = fake.syncLog.length;
      const t0 = performance.now();
      const report = await gateway.rescoreSheet(sheet);
      ms.push(performance.now() - t0);
      if (!report.ok || report.written.cells === 0)
        throw new Error(`自动评分 did not re-score ${sheet}: ${report.error ?? "nothing written"}`);
      syncs.push(fake.syncs - before);
      const bytes = fake.syncLog.slice(logged).reduce((n, r) => n + r.request + r.response, 0);
      kb.push(bytes / 1024);
    }
    await stop();
    if (new Set(syncs).size !== 1) throw new Error(`re-scores took different syncs: ${syncs}`);
    return { syncs: syncs[0], ms: Math.round(median(ms)), kb: Math.round(median(kb)) };
  } finally {
    uninstall();
  }
}

export async function excelFake(): Promise<{
  syncs1: number;
  syncs200: number;
  fakeHostSeconds200: number;
  autoRescoreSyncs200: number;
  autoRescoreMs200: number;
  autoRescoreKB200: number;
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
  const auto = await autoRescore(bigWorkbook([...docs.values()], 200));
  return {
    syncs1: one.syncs,
    syncs200,
    fakeHostSeconds200: Math.round(median(seconds) * 100) / 100,
    autoRescoreSyncs200: auto.syncs,
    autoRescoreMs200: auto.ms,
    autoRescoreKB200: auto.kb,
  };
}
