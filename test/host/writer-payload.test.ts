/**
 * The gateway's write queue (session.ts Writer) against the fake's request size as Office.js
 * counts it (object paths included, issue 19): many small writes, where the paths outweigh the
 * values, are split so that no sync passes the limit.
 */
import * as path from "path";
import { FakeExcel, loadFakeExcel } from "../../fake-excel";
import type { DocumentModel } from "../../fake-excel/model";
import { Io, Writer } from "../../src/host/excel/session";

const FENGTAI = path.join(__dirname, "../../samples/004-fengtai-2020.xlsx");
let doc: DocumentModel;
let sheet: string;

beforeAll(async () => {
  const fake = await loadFakeExcel(FENGTAI);
  doc = fake.doc;
  sheet = fake.sheetNames()[0];
});

// the default budget's share of the limit (3.5 MB of 5 MB), at a size a test runs quickly
const LIMIT = 60_000;
const BUDGET = 42_000;
const CELLS = 600;
const OLD_COST = 40 + 300; // what the queue counted a fill write before: its bytes and 300

const fillOf = (ws: Excel.Worksheet, row: number): void => {
  ws.getRange(`Z${row}`).format.fill.color = "#FFF2CC"; // as writeEdits.ts writes a fill block
};

test("as many fill writes in one sync as the old estimate allowed are refused by the real size", async () => {
  const fake = new FakeExcel(doc.clone(), { payloadLimit: LIMIT });
  const perSync = Math.floor(BUDGET / OLD_COST);
  await expect(
    fake.run(async (context) => {
      const ctx = context as unknown as Excel.RequestContext;
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (let r = 1; r <= perSync; r++) fillOf(ws, r);
      await ctx.sync();
    })
  ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(fake.syncLog[0].request).toBeGreaterThan(LIMIT);
});

test("the Writer splits many small writes so that every sync stays under the limit, and all are written", async () => {
  const fake = new FakeExcel(doc.clone(), { payloadLimit: LIMIT });
  await fake.run(async (context) => {
    const ctx = context as unknown as Excel.RequestContext;
    const writer = new Writer(new Io(ctx), BUDGET);
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (let r = 1; r <= CELLS; r++) await writer.add(40, () => fillOf(ws, r), 3);
    await writer.flush();
  });
  expect(fake.failedSyncs).toEqual([]);
  expect(fake.syncLog.length).toBeGreaterThan(1);
  expect(Math.max(...fake.syncLog.map((s) => s.request))).toBeLessThanOrEqual(LIMIT);
  const dump = fake.dump(sheet);
  const filled = Array.from({ length: CELLS }, (_, i) => dump[`Z${i + 1}`]?.fill);
  expect(filled.every((f) => f === "FFF2CC")).toBe(true);
});
