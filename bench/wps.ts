/**
 * wpsCalls200 / wpsSeconds200: 批量评分 through the WPS gateway over the strict fake of WPS
 * (fake-wps) on the 200-tab workbook bench/excel.ts builds (the sample sheets round-robin): the
 * calls into WPS the fake counted (each member read, write or call crosses from the page into
 * WPS), and the seconds of the run (the add-in's work plus the fake's; no WPS is involved).
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { loadFakeExcel } from "../fake-excel";
import { DocumentModel } from "../fake-excel/model";
import { FakeWps, installFakeWps } from "../fake-wps";
import { createWpsGateway } from "../src/host/wps/gateway";

const SAMPLES = path.join(__dirname, "..", "samples");

export async function wpsFake(): Promise<Record<string, number>> {
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const docs: DocumentModel[] = [];
  for (const f of files) docs.push((await loadFakeExcel(path.join(SAMPLES, f))).doc);
  const sources = docs.flatMap((d) => d.sheets);
  const doc = new DocumentModel();
  for (let i = 0; i < 200; i++) {
    const src = sources[i % sources.length];
    doc.importSheet(src, `${String(i + 1).padStart(3, "0")}${src.name}`.slice(0, 31));
  }
  doc.activeSheetId = doc.sheets[0].id;
  const fake = new FakeWps(doc);
  const uninstall = installFakeWps(fake);
  try {
    const t0 = performance.now();
    const report = await createWpsGateway().scoreAllSheets();
    const seconds = (performance.now() - t0) / 1000;
    if (!report.ok) throw new Error(`批量评分 failed in the fake WPS: ${report.error ?? ""}`);
    return { wpsCalls200: fake.calls, wpsSeconds200: Math.round(seconds * 100) / 100 };
  } finally {
    uninstall();
  }
}
