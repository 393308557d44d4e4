/**
 * The WPS gateway over the strict fake of WPS writes what the Office.js gateway writes over the
 * strict fake of Excel, for every sample workbook and every corpus workbook: the same cells,
 * values, formulas, number formats, notes and fills, the same ledger, the same 评分汇总 cells; and
 * 撤销 brings both back to the workbook as it was.
 */
import * as fs from "fs";
import * as path from "path";
import { loadFakeExcel } from "../../fake-excel";
import type { DocumentModel } from "../../fake-excel/model";
import { buildCorpusWorkbook } from "../corpus/build";
import { CORPUS } from "../corpus/forms";
import { hostsOf, ledgerOf, workbookCells } from "../support/wpsParity";

const SAMPLES = path.join(__dirname, "../../samples");
const FILES = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

async function parity(doc: DocumentModel): Promise<void> {
  const original = workbookCells(doc, null);
  const hosts = hostsOf(doc);
  const scored = await hosts.both((g) => g.scoreAllSheets());
  expect(scored.wps.error).toBeNull();
  expect(scored.excel.error).toBeNull();
  const summary = scored.excel.summary?.sheet ?? null;
  expect(scored.wps.summary?.sheet ?? null).toBe(summary);
  expect(workbookCells(hosts.wps.doc, summary)).toEqual(workbookCells(hosts.excel.doc, summary));
  expect(ledgerOf(hosts.wps.doc)).toEqual(ledgerOf(hosts.excel.doc));
  expect(scored.wps.written).toEqual(scored.excel.written);
  expect(scored.wps.sheets.map((s) => [s.sheet, s.status, s.forms.length])).toEqual(
    scored.excel.sheets.map((s) => [s.sheet, s.status, s.forms.length])
  );
  // scoring again changes nothing, in either host
  const again = await hosts.both((g) => g.scoreAllSheets());
  expect(again.wps.written.cells).toBe(again.excel.written.cells);
  expect(workbookCells(hosts.wps.doc, summary)).toEqual(workbookCells(hosts.excel.doc, summary));
  const undone = await hosts.both((g) => g.undo());
  expect(undone.wps.error).toBeNull();
  expect(workbookCells(hosts.wps.doc, null)).toEqual(original);
  expect(workbookCells(hosts.excel.doc, null)).toEqual(original);
}

describe("the WPS gateway writes what the Office.js gateway writes", () => {
  test.each(FILES)("sample %s", async (file) => {
    const doc = (await loadFakeExcel(path.join(SAMPLES, file))).doc;
    await parity(doc);
  });

  test.each(CORPUS.map((c) => [c.id, c] as const))("corpus %s", async (_id, form) => {
    const doc = (await loadFakeExcel(await buildCorpusWorkbook(form))).doc;
    await parity(doc);
  });
});
